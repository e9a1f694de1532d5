"""The chain-rule lines of one node, weight or bias, with every number (see :mod:`model.explain`).

The ``_``-prefixed builders take a :class:`Style` first, so the same code
writes the inspector's Unicode lines and the worked example's TeX; they are
shared with :mod:`model.worked_example` only.  Everyone else calls
:func:`node_lines`, :func:`edge_lines` and :func:`bias_lines` (through
:mod:`model.explain`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from . import activations as act
from .explain_format import Style, fmt
from .messages import Say
from .network import Network
from .optimizers import Optimizer
from .stepper import StepView

Array = np.ndarray

#: a × w terms written out in one weighted sum before the rest become "…".
MAX_TERMS = 32
#: Samples written out in a batch sum (∂L/∂w = Σₙ aₙ δₙ) and in a worked example.
MAX_SAMPLES = 4


# ----------------------------------------------------------------- accessors
def _weights(net: Network, view: StepView) -> Sequence[Array]:
    """The weights this step's numbers were computed with (before its update)."""
    return view.weights_before or net.weights


def _biases(net: Network, view: StepView) -> Sequence[Array]:
    return view.biases_before or net.biases


def _known(view: StepView, l: int, row: int, j: int) -> bool:
    """Has the forward pass computed node (l, j) for this row?"""
    return l < len(view.z) and not math.isnan(float(view.z[l][row, j]))


# ------------------------------------------------------------------- forward
def _forward(S: Style, net: Network, view: StepView, l: int, j: int, row: int) -> list[str]:
    if not _known(view, l, row, j):
        return []
    z = float(view.z[l][row, j])
    if l == 0:
        return [f"a = {S.sub('x', j + 1)} = {S.num(z)}"]
    k = l - 1
    W, a_prev = _weights(net, view)[k], view.a[k][row]
    terms = [f"{S.op(a_prev[i])}{S.times}{S.op(W[i, j])}" for i in range(min(W.shape[0], MAX_TERMS))]
    expr = S.terms(terms, MAX_TERMS, W.shape[0])
    if net.bias[k]:
        expr += f" + {S.op(_biases(net, view)[k][j])}"
    return [f"z = {expr} = {S.num(z)}", _activation(S, net.activations[k], view, l, j, row)]


def _activation(S: Style, name: str, view: StepView, l: int, j: int, row: int) -> str:
    z, a = float(view.z[l][row, j]), float(view.a[l][row, j])
    head = f"a = {S.fn(name, S.num(z))}"
    if name == "sigmoid":
        den = f"1 + {S.exp(S.num(-z))}"
        return f"{head} = {S.frac('1', den if S.tex else f'({den})')} = {S.num(a)}"
    if name == "softmax":
        zs = view.z[l][row]
        head = f"a = {S.fn('softmax', 'z')}" + (f"_{{{j}}}" if S.tex else f"[{j}]")
        if len(zs) <= MAX_TERMS and not np.isnan(zs).any():
            den = " + ".join(S.exp(S.num(v)) for v in zs)
            return f"{head} = {S.frac(S.exp(S.num(z)), f'({den})' if not S.tex else den)} = {S.num(a)}"
    return f"{head} = {S.num(a)}"


# ---------------------------------------------------------------------- loss
def _loss_total(S: Style, net: Network, view: StepView) -> list[str]:
    """The batch loss in one line (for one value: the whole substituted formula)."""
    if view.loss is None:
        return []
    n, m = view.a[-1].shape
    if n * m == 1 or (net.loss == "cross_entropy" and n == 1):
        return _loss_term(S, net, view, 0, 0, view.loss)
    if net.loss == "mse":
        return [
            f"L = {S.mean('N')}{S.sum}{S.sq('(y' + S.minus + 't)')} = {S.num(view.loss)}" + S.note("ex_n_values", n * m)
        ]
    if net.loss == "bce":
        inner = f"-[t {S.ln}(y) + (1{S.minus}t) {S.ln}(1{S.minus}y)]"
        return [f"L = {S.mean('N')}{S.sum}{inner} = {S.num(view.loss)}" + S.note("ex_n_values", n * m)]
    return [
        f"L = {S.mean('n')}{S.sum}(-{S.sum_k}{S.t_k} {S.ln}({S.y_k})) = {S.num(view.loss)}" + S.note("ex_n_samples", n)
    ]


def _loss_term(S: Style, net: Network, view: StepView, row: int, j: int, value: float | None = None) -> list[str]:
    """This output's (or, for cross-entropy, this sample's) share of the loss, substituted."""
    z, y, t = float(view.z[-1][row, j]), float(view.a[-1][row, j]), float(view.T[row, j])
    lhs = "L" if value is not None else ("ℓ" if not S.tex else r"\ell")
    if net.loss == "mse":
        v = (y - t) ** 2 if value is None else value
        return [f"{lhs} = {S.sq('(y' + S.minus + 't)')} = {S.sq(f'({S.num(y)}{S.minus}{S.op(t)})')} = {S.num(v)}"]
    if net.loss == "bce":
        v = max(z, 0.0) - z * t + math.log1p(math.exp(-abs(z))) if value is None else value
        sym = f"-[t {S.ln}(y) + (1{S.minus}t) {S.ln}(1{S.minus}y)]"
        nums = f"-[{S.op(t)}{S.times}{S.ln}({S.num(y)}) + {S.op(1 - t)}{S.times}{S.ln}({S.num(1 - y)})]"
        return [f"{lhs} = {sym} = {nums} = {S.num(v)}"]
    zs, ts, ys = view.z[-1][row], view.T[row], view.a[-1][row]
    shifted = zs - zs.max()
    v = float(-(ts * (shifted - np.log(np.exp(shifted).sum()))).sum()) if value is None else value
    terms = [f"{S.op(ts[k])}{S.times}{S.ln}({S.num(ys[k])})" for k in range(len(ts)) if ts[k] != 0]
    nums = f"-({S.terms(terms, MAX_TERMS)})" if terms else "0"
    return [f"{lhs} = -{S.sum_k}{S.t_k} {S.ln}({S.y_k}) = {nums} = {S.num(v)}"]


def _loss_node(S: Style, net: Network, view: StepView, row: int, j: int) -> list[str]:
    """For output node j: its share of the loss (when the batch has more values) and dL/dy."""
    L = net.n_layers
    if view.loss is None or L not in view.da:
        return []
    n, m = view.a[L].shape
    lines = []
    if n * m > 1 and not (net.loss == "cross_entropy" and (n == 1 or j > 0)):
        lines += [line + S.note("ex_sample", row + 1) if n > 1 else line for line in _loss_term(S, net, view, row, j)]
    y, t, g = float(view.a[L][row, j]), float(view.T[row, j]), float(view.da[L][row, j])
    diff = f"({S.num(y)}{S.minus}{S.op(t)})"
    if net.loss == "mse":
        N = n * m
        sym = f"2{S.times}(y{S.minus}t)"
        nums = f"2{S.times}{diff}"
        if N > 1:
            sym, nums = S.frac(sym, "N"), S.frac(nums, str(N))
    elif net.loss == "bce":
        N = n * m
        den_sym = f"y{S.times}(1{S.minus}y)"
        den_num = f"{S.num(y)}{S.times}{S.op(1 - y)}"
        if N > 1:
            den_sym, den_num = f"N{S.times}{den_sym}", f"{N}{S.times}{den_num}"
        sym = S.frac(f"(y{S.minus}t)" if not S.tex else f"y{S.minus}t", f"({den_sym})" if not S.tex else den_sym)
        nums = S.frac(diff if not S.tex else diff[1:-1], f"({den_num})" if not S.tex else den_num)
    else:
        den_sym, den_num = ("y", S.num(y)) if n == 1 else (f"n{S.times}y", f"{n}{S.times}{S.num(y)}")
        sym = "-" + S.frac("t", f"({den_sym})" if n > 1 and not S.tex else den_sym)
        nums = "-" + S.frac(S.op(t), f"({den_num})" if n > 1 and not S.tex else den_num)
    lines.append(f"{S.dLdy} = {sym} = {nums} = {S.num(g)}")
    return lines


# ------------------------------------------------------------------ backward
def _derivative(S: Style, name: str, z: float, a: float) -> str:
    """f'(z) of one node, with the short formula for sigmoid and tanh."""
    d = float(act.derivative(name, np.array([[z]]), np.array([[a]]))[0, 0])
    if name == "sigmoid":
        return f"{S.dfn(name, 'z')} = a{S.times}(1{S.minus}a) = {S.num(a)}{S.times}(1{S.minus}{S.op(a)}) = {S.num(d)}"
    if name == "tanh":
        return f"{S.dfn(name, 'z')} = 1{S.minus}{S.sq('a')} = 1{S.minus}{S.sq(S.op(a))} = {S.num(d)}"
    if name == "step":
        return f"{S.dfn(name, S.num(z))} = 0" + S.note("ex_step_flat")
    return f"{S.dfn(name, S.num(z))} = {S.num(d)}"


def _backward(S: Style, net: Network, view: StepView, l: int, j: int, row: int) -> list[str]:
    """dL/da (hidden and input nodes), f'(z) and δ of node (l, j), as far as known."""
    L = net.n_layers
    lines: list[str] = []
    if l < L and l in view.da and (l + 1) in view.delta:
        W, d_next = _weights(net, view)[l], view.delta[l + 1][row]
        terms = [f"{S.op(W[j, m])}{S.times}{S.op(d_next[m])}" for m in range(min(W.shape[1], MAX_TERMS))]
        lhs = S.dLdx if l == 0 else S.dLda
        total = S.terms(terms, MAX_TERMS, W.shape[1])
        lines.append(f"{lhs} = {S.sum}w{S.times}{S.delta} = {total} = {S.num(view.da[l][row, j])}")
    if l == 0 or l not in view.delta or not _known(view, l, row, j):
        return lines
    name = net.activations[l - 1]
    z, a, d = float(view.z[l][row, j]), float(view.a[l][row, j]), float(view.delta[l][row, j])
    if l == L and net.loss in ("bce", "cross_entropy"):
        n, m = view.a[L].shape
        N, count = (n * m, "N") if net.loss == "bce" else (n, "n")
        y, t = a, float(view.T[row, j])
        sym, nums = f"y{S.minus}t", f"{S.num(y)}{S.minus}{S.op(t)}"
        if N > 1:
            sym, nums = (
                S.frac(f"(y{S.minus}t)" if not S.tex else sym, count),
                S.frac(f"({nums})" if not S.tex else nums, str(N)),
            )
        fused = "ex_fused_bce" if net.loss == "bce" else "ex_fused_ce"
        lines.append(f"{S.delta} = {S.dLdz} = {sym} = {nums} = {S.num(d)}" + S.note(fused))
        return lines
    up = S.dLdy if l == L else S.dLda
    if name == "softmax":  # mse on a softmax output: the full Jacobian product
        ys, gs = view.a[L][row], view.da[L][row]
        terms = [f"{S.op(ys[k])}{S.times}{S.op(gs[k])}" for k in range(min(len(ys), MAX_TERMS))]
        s = float((ys * gs).sum())
        lines.append(f"{S.sum_k}{S.y_k}{S.times}{S.dLdy_k} = {S.terms(terms, MAX_TERMS, len(ys))} = {S.num(s)}")
        lines.append(
            f"{S.delta} = y{S.times}({up}{S.minus}{S.sum_k}{S.y_k}{S.times}{S.dLdy_k}) = "
            f"{S.num(a)}{S.times}({S.num(float(view.da[L][row, j]))}{S.minus}{S.op(s)}) = {S.num(d)}"
            + S.note("ex_softmax_jacobian")
        )
        return lines
    lines.append(_derivative(S, name, z, a))
    fprime = float(act.derivative(name, np.array([[z]]), np.array([[a]]))[0, 0])
    lines.append(
        f"{S.delta} = {up}{S.times}f'(z) = {S.op(float(view.da[l][row, j]))}{S.times}{S.op(fprime)} = {S.num(d)}"
    )
    return lines


def _node(S: Style, net: Network, view: StepView, l: int, j: int, row: int) -> list[str]:
    lines = _forward(S, net, view, l, j, row)
    if l == net.n_layers:
        lines += _loss_total(S, net, view) + _loss_node(S, net, view, row, j)
    return lines + _backward(S, net, view, l, j, row)


# ------------------------------------------------------------ gradients, update
def _gradient(S: Style, sym: str, acts: Array | None, deltas: Array, g: float, row: int) -> list[str]:
    """∂L/∂w = a × δ (summed over the batch); for a bias acts is None: ∂L/∂b = δ."""
    n = len(deltas)
    lhs = S.dLdw if sym == "w" else S.dLdb

    def term(r: int) -> str:
        return S.op(deltas[r]) if acts is None else f"{S.op(acts[r])}{S.times}{S.op(deltas[r])}"

    if n == 1:
        sym_rhs = S.delta if acts is None else f"a{S.times}{S.delta}"
        return [f"{lhs} = {sym_rhs} = {term(0)} = {S.num(g)}"]
    sym_rhs = f"{S.sum_n}{S.delta_n}" if acts is None else f"{S.sum_n}{S.a_n}{S.times}{S.delta_n}"
    body = " + ".join(term(r) for r in range(min(n, MAX_SAMPLES)))
    if n > MAX_SAMPLES:
        body += f" + {S.ellipsis}"
    lines = [f"{lhs} = {sym_rhs} = {body} = {S.num(g)}" + S.note("ex_samples", n)]
    if acts is not None and 0 <= row < n:
        value = float(acts[row] * deltas[row])
        lines.append(f"a{S.times}{S.delta} = {term(row)} = {S.num(value)}" + S.note("ex_sample_alone", row + 1))
    return lines


def _update(S: Style, sym: str, p0: float, g: float, change: float | None, opt: Optimizer | None) -> list[str]:
    """The effective gradient (with weight decay / L1) and, once applied, the update of one parameter."""
    lines = []
    grad_sym = S.dLdw if sym == "w" else S.dLdb
    geff = g
    if opt is not None and (opt.weight_decay or opt.l1):
        syms, nums = [grad_sym], [S.num(g)]
        if opt.weight_decay:
            geff += opt.weight_decay * p0
            syms.append(f"wd{S.times}{sym}")
            nums.append(f"{S.num(opt.weight_decay)}{S.times}{S.op(p0)}")
        if opt.l1:
            geff += opt.l1 * float(np.sign(p0))
            syms.append(f"l1{S.times}{S.sign}({sym})")
            nums.append(f"{S.num(opt.l1)}{S.times}{S.op(float(np.sign(p0)))}")
        lines.append(f"g = {' + '.join(syms)} = {' + '.join(nums)} = {S.num(geff)}")
        grad_sym = "g"
    plain = opt is not None and opt.name == "sgd" and not opt.hyper.get("momentum")
    if change is None:
        if opt is not None and plain:
            # Before the update phase: what plain SGD will do, so the rule is seen with its numbers.
            ahead = p0 - opt.lr * geff
            lines.append(
                f"{S.new(sym)} = {sym}{S.minus}{S.lr}{S.times}{grad_sym} = "
                f"{S.num(p0)}{S.minus}{S.op(opt.lr)}{S.times}{S.op(geff)} = {S.num(ahead)}" + S.note("ex_at_update")
            )
        elif opt is not None:
            lines.append(S.rule(opt.describe_update()) + S.note("ex_rule_at_update", opt.name))
        return lines
    new = p0 + change
    # Enough digits to show the change itself: "10 − 0.01 × (-0.112) = 10.00112", not "= 10".
    digits = S.p
    if change and new:
        digits = min(15, max(digits, math.floor(math.log10(abs(new))) - math.floor(math.log10(abs(change))) + S.p))
    R = Style(S.tex, digits, S.say)
    if opt is not None and plain and math.isclose(p0 - opt.lr * geff, new, rel_tol=1e-9, abs_tol=1e-12):
        lines.append(
            f"{S.new(sym)} = {sym}{S.minus}{S.lr}{S.times}{grad_sym} = "
            f"{R.num(p0)}{S.minus}{S.op(opt.lr)}{S.times}{S.op(geff)} = {R.num(new)}"
        )
        return lines
    if opt is not None:
        lines.append(S.rule(opt.describe_update()) + S.note("ex_rule_lr", opt.name, fmt(opt.lr, S.p)))
    lines.append(f"{S.change(sym)} = {S.new(sym)}{S.minus}{sym} = {S.num(change)}")
    lines.append(f"{S.new(sym)} = {sym} + {S.change(sym)} = {R.num(p0)} + {S.op(change)} = {R.num(new)}")
    return lines


def _edge(
    S: Style, net: Network, view: StepView, k: int, i: int, j: int, row: int, opt: Optimizer | None, parts: str = "vgu"
) -> list[str]:
    """Weight (k, i, j), in the ``parts`` asked for: "v" its value, "g" ∂L/∂w, "u" its update."""
    w = float(_weights(net, view)[k][i, j])
    lines = [f"w = {S.num(w)}"] if "v" in parts else []
    if k not in view.dW or (k + 1) not in view.delta:
        return lines
    g = float(view.dW[k][i, j])
    if "g" in parts:
        lines += _gradient(S, "w", view.a[k][:, i], view.delta[k + 1][:, j], g, row)
    if "u" in parts:
        change = float(view.change_W[k][i, j]) if k in view.change_W else None
        lines += _update(S, "w", w, g, change, opt)
    return lines


def _bias(
    S: Style, net: Network, view: StepView, l: int, j: int, row: int, opt: Optimizer | None, parts: str = "vgu"
) -> list[str]:
    """The bias of node (l, j), in the same ``parts`` as :func:`_edge`; empty when layer l has no bias."""
    k = l - 1
    if not 0 <= k < net.n_layers or not net.bias[k]:
        return []
    b = float(_biases(net, view)[k][j])
    lines = [f"b = {S.num(b)}"] if "v" in parts else []
    if k not in view.db or l not in view.delta:
        return lines
    g = float(view.db[k][j])
    if "g" in parts:
        lines += _gradient(S, "b", None, view.delta[l][:, j], g, row)
    if "u" in parts:
        change = float(view.change_b[k][j]) if k in view.change_b else None
        lines += _update(S, "b", b, g, change, opt)
    return lines


# --------------------------------------------------------------- public lines
# ``say`` renders the words in parentheses (model.messages.Message): English unless the GUI passes its translator.
def node_lines(
    net: Network, view: StepView, l: int, j: int, row: int = 0, precision: int = 4, say: Say = str
) -> list[str]:
    """Node (l, j) for batch row ``row``: z and a, then (output) loss and dL/dy, then dL/da, f'(z), δ."""
    return _node(Style(False, precision, say), net, view, l, j, row)


def edge_lines(
    net: Network,
    view: StepView,
    k: int,
    i: int,
    j: int,
    row: int = 0,
    precision: int = 4,
    optimizer: Optimizer | None = None,
    say: Say = str,
) -> list[str]:
    """Weight (k, i, j): its value, ∂L/∂w = Σ a × δ once known, and its update once applied."""
    return _edge(Style(False, precision, say), net, view, k, i, j, row, optimizer)


def bias_lines(
    net: Network,
    view: StepView,
    l: int,
    j: int,
    row: int = 0,
    precision: int = 4,
    optimizer: Optimizer | None = None,
    say: Say = str,
) -> list[str]:
    """The bias of node (l, j): value, ∂L/∂b = Σ δ, update.  Empty when layer l has no bias."""
    return _bias(Style(False, precision, say), net, view, l, j, row, optimizer)
