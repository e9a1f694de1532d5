"""The chain-rule arithmetic of one training step, written out with every number.

Everything here is read from the engine's own records (a :class:`StepView`
from the :class:`Stepper`), never recomputed by a second implementation, so
the numbers a student reads are the numbers the network used.  Each result
on the right of an ``=`` is the engine's value; the substituted operands on
the left are the same numbers rounded for reading.

Ids follow the engine: node (l, j) is node j of layer l (layer 0 = inputs);
weight (k, i, j) goes from node (k, i) to node (k+1, j).  A view that is only
part-way through a step is normal: lines whose numbers the view has not
computed yet are simply left out.

Formulas come in two spellings from the same builders: plain Unicode text
(the GUI inspector) and TeX (the Markdown and LaTeX worked examples).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from . import activations as act
from .network import Network
from .optimizers import Optimizer
from .stepper import StepView

Array = np.ndarray

#: a × w terms written out in one weighted sum before the rest become "…".
MAX_TERMS = 32
#: Samples written out in a batch sum (∂L/∂w = Σₙ aₙ δₙ) and in a worked example.
MAX_SAMPLES = 4
#: Nodes per layer, and weights per matrix, written out in a worked example.
MAX_DOC_NODES = 16
MAX_DOC_WEIGHTS = 64


# --------------------------------------------------------------------- numbers
def fmt(x: float, precision: int = 4) -> str:
    """``x`` to ``precision`` significant digits without trailing zeros.

    Plain notation for 1e-4 ≤ |x| < 1e6, scientific otherwise:
    1520.0 → "1520", 15.2 → "15.2", -851.2 → "-851.2", 1.5e-07 → "1.5e-7",
    NaN → "—".
    """
    x = float(x)
    if math.isnan(x):
        return "—"
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if x == 0:
        return "0"
    p = max(1, int(precision))
    if 1e-4 <= abs(x) < 1e6:
        decimals = p - 1 - math.floor(math.log10(abs(x)))
        s = f"{x:.{decimals}f}" if decimals >= 0 else f"{round(x, decimals):.0f}"
        if "." in s:
            s = s.rstrip("0").rstrip(".")
        return "0" if s == "-0" else s
    mantissa, exponent = f"{x:.{p - 1}e}".split("e")
    if "." in mantissa:
        mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa}e{int(exponent)}"


# ---------------------------------------------------------------- two spellings
_SYMBOLS: dict[str, tuple[str, str]] = {
    "times": (" × ", r" \times "),
    "minus": (" − ", " - "),
    "delta": ("δ", r"\delta"),
    "dLda": ("dL/da", r"\frac{\partial L}{\partial a}"),
    "dLdy": ("dL/dy", r"\frac{\partial L}{\partial y}"),
    "dLdz": ("dL/dz", r"\frac{\partial L}{\partial z}"),
    "dLdx": ("dL/dx", r"\frac{\partial L}{\partial x}"),
    "dLdw": ("∂L/∂w", r"\frac{\partial L}{\partial w}"),
    "dLdb": ("∂L/∂b", r"\frac{\partial L}{\partial b}"),
    "sum": ("Σ ", r"\sum "),
    "sum_n": ("Σₙ ", r"\sum_n "),
    "sum_k": ("Σₖ ", r"\sum_k "),
    "a_n": ("aₙ", "a_n"),
    "delta_n": ("δₙ", r"\delta_n"),
    "y_k": ("yₖ", "y_k"),
    "t_k": ("tₖ", "t_k"),
    "dLdy_k": ("dL/dyₖ", r"\frac{\partial L}{\partial y_k}"),
    "ellipsis": ("…", r"\dots"),
    "lr": ("lr", r"\mathrm{lr}"),
    "ln": ("ln", r"\ln"),
    "sign": ("sign", r"\operatorname{sign}"),
    "to": ("→", r"\to"),
}

_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")

# Unicode pieces of Optimizer.describe_update() and their TeX; longest first.
_RULE_TEX = (
    ("√v̂", r"\sqrt{\hat v}"), ("m̂", r"\hat m"), ("√s", r"\sqrt{s}"), ("√v", r"\sqrt{v}"),
    ("∂L/∂w", r"\frac{\partial L}{\partial w}"), ("w_new", r"w_{\mathrm{new}}"),
    ("β₁", r"\beta_1"), ("β₂", r"\beta_2"), ("(1−α)", r"(1-\alpha)"), ("(1−β₁)", r"(1-\beta_1)"),
    ("×", r"\times "), ("−", "-"), ("·", r"\cdot "), ("μ", r"\mu "), ("α", r"\alpha "),
    ("ε", r"\epsilon "), ("²", "^2"), (";", r",\quad "), ("lr", r"\mathrm{lr}"),
)


_TEX_TEXT = {"~": r"\~{}", "^": r"\^{}", "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}"}


def tex_escape(text: str) -> str:
    """``text`` safe for pdflatex: specials escaped, anything non-ASCII dropped."""
    out = []
    for ch in text:
        if ch in "\\":
            out.append(r"\textbackslash{}")
        elif ch in "&%$#_{}":
            out.append("\\" + ch)
        elif ch in _TEX_TEXT:
            out.append(_TEX_TEXT[ch])
        elif ord(ch) < 128:
            out.append(ch)
    return "".join(out)


class _Style:
    """One spelling of the formulas: Unicode text (tex=False) or TeX maths (tex=True)."""

    def __init__(self, tex: bool, precision: int) -> None:
        self.tex = tex
        self.p = precision

    def __getattr__(self, key: str) -> str:
        try:
            return _SYMBOLS[key][self.tex]
        except KeyError:
            raise AttributeError(key) from None

    def num(self, x: float) -> str:
        s = fmt(x, self.p)
        if not self.tex:
            return s
        if s == "—":
            return r"\text{n/a}"
        if "∞" in s:
            return s.replace("∞", r"\infty")
        if "e" in s:
            mantissa, exponent = s.split("e")
            return rf"{mantissa} \times 10^{{{exponent}}}"
        return s

    def op(self, x: float) -> str:
        """A number as an operand: negative ones in parentheses."""
        s = self.num(x)
        return f"({s})" if s.startswith("-") else s

    def fn(self, name: str, arg: str) -> str:
        return rf"\mathrm{{{tex_escape(name)}}}({arg})" if self.tex else f"{name}({arg})"

    def dfn(self, name: str, arg: str) -> str:
        return rf"\mathrm{{{tex_escape(name)}}}'({arg})" if self.tex else f"{name}'({arg})"

    def sq(self, expr: str) -> str:
        return f"{expr}^2" if self.tex else f"{expr}²"

    def frac(self, num: str, den: str) -> str:
        return rf"\frac{{{num}}}{{{den}}}" if self.tex else f"{num} / {den}"

    def mean(self, count: str) -> str:
        return rf"\frac{{1}}{{{count}}} " if self.tex else f"(1/{count}) "

    def exp(self, arg: str) -> str:
        return f"e^{{{arg}}}" if self.tex else f"e^({arg})"

    def sub(self, symbol: str, index: int) -> str:
        return f"{symbol}_{{{index}}}" if self.tex else f"{symbol}{str(index).translate(_SUBSCRIPTS)}"

    def new(self, symbol: str) -> str:
        return rf"{symbol}_{{\mathrm{{new}}}}" if self.tex else f"{symbol}_new"

    def change(self, symbol: str) -> str:
        return rf"\Delta {symbol}" if self.tex else f"Δ{symbol}"

    def note(self, text: str) -> str:
        return rf"\quad\text{{({tex_escape(text)})}}" if self.tex else f"   ({text})"

    def rule(self, text: str) -> str:
        """An optimizer's describe_update() line."""
        if not self.tex:
            return text
        for uni, tex in _RULE_TEX:
            text = text.replace(uni, tex)
        return text if text.isascii() else r"\text{(see the optimizer's update rule)}"

    def terms(self, terms: list[str], limit: int, total: int | None = None) -> str:
        """``terms`` joined by +, cut to ``limit`` with a count of what was left out."""
        total = len(terms) if total is None else total
        if total <= limit:
            return " + ".join(terms)
        rest = total - (limit - 1)
        return " + ".join(terms[: limit - 1]) + f" + {self.ellipsis}" + self.note(f"{rest} more terms")


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
def _forward(S: _Style, net: Network, view: StepView, l: int, j: int, row: int) -> list[str]:
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


def _activation(S: _Style, name: str, view: StepView, l: int, j: int, row: int) -> str:
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
def _loss_total(S: _Style, net: Network, view: StepView) -> list[str]:
    """The batch loss in one line (for one value: the whole substituted formula)."""
    if view.loss is None:
        return []
    n, m = view.a[-1].shape
    if n * m == 1 or (net.loss == "cross_entropy" and n == 1):
        return _loss_term(S, net, view, 0, 0, view.loss)
    if net.loss == "mse":
        return [f"L = {S.mean('N')}{S.sum}{S.sq('(y' + S.minus + 't)')} = {S.num(view.loss)}"
                + S.note(f"N = {n * m} values")]
    if net.loss == "bce":
        inner = f"-[t {S.ln}(y) + (1{S.minus}t) {S.ln}(1{S.minus}y)]"
        return [f"L = {S.mean('N')}{S.sum}{inner} = {S.num(view.loss)}" + S.note(f"N = {n * m} values")]
    return [f"L = {S.mean('n')}{S.sum}(-{S.sum_k}{S.t_k} {S.ln}({S.y_k})) = {S.num(view.loss)}"
            + S.note(f"n = {n} samples")]


def _loss_term(S: _Style, net: Network, view: StepView, row: int, j: int, value: float | None = None) -> list[str]:
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


def _loss_node(S: _Style, net: Network, view: StepView, row: int, j: int) -> list[str]:
    """For output node j: its share of the loss (when the batch has more values) and dL/dy."""
    L = net.n_layers
    if view.loss is None or L not in view.da:
        return []
    n, m = view.a[L].shape
    lines = []
    if n * m > 1 and not (net.loss == "cross_entropy" and (n == 1 or j > 0)):
        lines += [line + S.note(f"sample {row + 1}") if n > 1 else line for line in _loss_term(S, net, view, row, j)]
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
def _derivative(S: _Style, name: str, z: float, a: float) -> str:
    """f'(z) of one node, with the short formula for sigmoid and tanh."""
    d = float(act.derivative(name, np.array([[z]]), np.array([[a]]))[0, 0])
    if name == "sigmoid":
        return f"{S.dfn(name, 'z')} = a{S.times}(1{S.minus}a) = {S.num(a)}{S.times}(1{S.minus}{S.op(a)}) = {S.num(d)}"
    if name == "tanh":
        return f"{S.dfn(name, 'z')} = 1{S.minus}{S.sq('a')} = 1{S.minus}{S.sq(S.op(a))} = {S.num(d)}"
    if name == "step":
        return f"{S.dfn(name, S.num(z))} = 0" + S.note("the step is flat: no gradient flows back through it")
    return f"{S.dfn(name, S.num(z))} = {S.num(d)}"


def _backward(S: _Style, net: Network, view: StepView, l: int, j: int, row: int) -> list[str]:
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
            sym, nums = S.frac(f"(y{S.minus}t)" if not S.tex else sym, count), S.frac(
                f"({nums})" if not S.tex else nums, str(N))
        pair = "sigmoid + binary cross-entropy" if net.loss == "bce" else "softmax + cross-entropy"
        lines.append(f"{S.delta} = {S.dLdz} = {sym} = {nums} = {S.num(d)}" + S.note(f"fused form of {pair}"))
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
            + S.note("softmax Jacobian product")
        )
        return lines
    lines.append(_derivative(S, name, z, a))
    fprime = float(act.derivative(name, np.array([[z]]), np.array([[a]]))[0, 0])
    lines.append(
        f"{S.delta} = {up}{S.times}f'(z) = {S.op(float(view.da[l][row, j]))}{S.times}{S.op(fprime)}"
        f" = {S.num(d)}"
    )
    return lines


def _node(S: _Style, net: Network, view: StepView, l: int, j: int, row: int) -> list[str]:
    lines = _forward(S, net, view, l, j, row)
    if l == net.n_layers:
        lines += _loss_total(S, net, view) + _loss_node(S, net, view, row, j)
    return lines + _backward(S, net, view, l, j, row)


# ------------------------------------------------------------ gradients, update
def _gradient(S: _Style, sym: str, acts: Array | None, deltas: Array, g: float, row: int) -> list[str]:
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
    lines = [f"{lhs} = {sym_rhs} = {body} = {S.num(g)}" + S.note(f"{n} samples")]
    if acts is not None and 0 <= row < n:
        value = float(acts[row] * deltas[row])
        lines.append(f"a{S.times}{S.delta} = {term(row)} = {S.num(value)}" + S.note(f"sample {row + 1} alone"))
    return lines


def _update(S: _Style, sym: str, p0: float, g: float, change: float | None, opt: Optimizer | None) -> list[str]:
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
                f"{S.num(p0)}{S.minus}{S.op(opt.lr)}{S.times}{S.op(geff)} = {S.num(ahead)}" + S.note("at the update")
            )
        elif opt is not None:
            lines.append(S.rule(opt.describe_update()) + S.note(f"{opt.name}, at the update"))
        return lines
    new = p0 + change
    # Enough digits to show the change itself: "10 − 0.01 × (-0.112) = 10.00112", not "= 10".
    digits = S.p
    if change and new:
        digits = min(15, max(digits, math.floor(math.log10(abs(new))) - math.floor(math.log10(abs(change))) + S.p))
    R = _Style(S.tex, digits)
    if opt is not None and plain and math.isclose(p0 - opt.lr * geff, new, rel_tol=1e-9, abs_tol=1e-12):
        lines.append(
            f"{S.new(sym)} = {sym}{S.minus}{S.lr}{S.times}{grad_sym} = "
            f"{R.num(p0)}{S.minus}{S.op(opt.lr)}{S.times}{S.op(geff)} = {R.num(new)}"
        )
        return lines
    if opt is not None:
        lines.append(S.rule(opt.describe_update()) + S.note(f"{opt.name}, lr = {fmt(opt.lr, S.p)}"))
    lines.append(f"{S.change(sym)} = {S.new(sym)}{S.minus}{sym} = {S.num(change)}")
    lines.append(f"{S.new(sym)} = {sym} + {S.change(sym)} = {R.num(p0)} + {S.op(change)} = {R.num(new)}")
    return lines


def _edge(S: _Style, net: Network, view: StepView, k: int, i: int, j: int, row: int,
          opt: Optimizer | None, parts: str = "vgu") -> list[str]:
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


def _bias(S: _Style, net: Network, view: StepView, l: int, j: int, row: int,
          opt: Optimizer | None, parts: str = "vgu") -> list[str]:
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
def node_lines(net: Network, view: StepView, l: int, j: int, row: int = 0, precision: int = 4) -> list[str]:
    """Node (l, j) for batch row ``row``: z and a, then (output) loss and dL/dy, then dL/da, f'(z), δ."""
    return _node(_Style(False, precision), net, view, l, j, row)


def edge_lines(net: Network, view: StepView, k: int, i: int, j: int, row: int = 0, precision: int = 4,
               optimizer: Optimizer | None = None) -> list[str]:
    """Weight (k, i, j): its value, ∂L/∂w = Σ a × δ once known, and its update once applied."""
    return _edge(_Style(False, precision), net, view, k, i, j, row, optimizer)


def bias_lines(net: Network, view: StepView, l: int, j: int, row: int = 0, precision: int = 4,
               optimizer: Optimizer | None = None) -> list[str]:
    """The bias of node (l, j): value, ∂L/∂b = Σ δ, update.  Empty when layer l has no bias."""
    return _bias(_Style(False, precision), net, view, l, j, row, optimizer)


# -------------------------------------------------------------- worked example
class _Writer:
    """Collects a worked example as Markdown or LaTeX."""

    def __init__(self, tex: bool) -> None:
        self.tex = tex
        self.out: list[str] = []
        self._in_list = False

    def _close(self) -> None:
        if self._in_list:
            self.out.append(r"\end{itemize}" if self.tex else "")
            self._in_list = False

    def text(self, s: str) -> str:
        return r"$\to$".join(tex_escape(part) for part in s.split("->")) if self.tex else s

    def heading(self, level: int, s: str) -> None:
        self._close()
        if self.tex:
            cmd = ("section*", "subsection*", "subsubsection*")[min(level, 3) - 1]
            self.out.append(f"\\{cmd}{{{self.text(s)}}}")
        else:
            self.out += [f"{'#' * level} {s}", ""]

    def para(self, s: str, maths: Sequence[str] = ()) -> None:
        self._close()
        body = " ".join([self.text(s), *(f"${m}$" for m in maths)]).strip()
        self.out += [body, ""]

    def item(self, label: str, maths: Sequence[str]) -> None:
        if not maths:
            return
        if not self._in_list:
            if self.tex:
                self.out.append(r"\begin{itemize}")
            self._in_list = True
        sep = r", \quad " if self.tex else ",  "
        body = sep.join(f"${m}$" for m in maths)
        lead = r"\item " if self.tex else "- "
        self.out.append(f"{lead}{self.text(label)}: {body}" if label else f"{lead}{body}")

    def done(self) -> str:
        self._close()
        return "\n".join(self.out).rstrip() + "\n"


def _matrix(S: _Style, M: Array) -> str:
    M = np.atleast_2d(M)
    if S.tex:
        rows = [" & ".join(S.num(v) for v in r) for r in M]
        return r"\begin{bmatrix} " + r" \\ ".join(rows) + r" \end{bmatrix}"
    return "[" + "; ".join(", ".join(fmt(v, S.p) for v in r) for r in M) + "]"


def _layer_name(net: Network, l: int) -> str:
    if l == 0:
        return "layer 0 (inputs)"
    role = "output" if l == net.n_layers else "hidden"
    return f"layer {l} ({role}, {net.activations[l - 1]})"


def _parameters(w: _Writer, S: _Style, net: Network, Ws: Sequence[Array], bs: Sequence[Array], arrow: str) -> None:
    for k in range(net.n_layers):
        if Ws[k].size > MAX_DOC_WEIGHTS:
            w.para(f"Weights {k} {arrow} {k + 1}: {Ws[k].shape[0]} x {Ws[k].shape[1]} (too many to print).")
            continue
        maths = [f"W^{{({k + 1})}} = {_matrix(S, Ws[k])}" if S.tex else _matrix(S, Ws[k])]
        if net.bias[k]:
            maths.append(f"b^{{({k + 1})}} = {_matrix(S, bs[k])}" if S.tex else _matrix(S, bs[k]))
        w.para(f"Weights {k} {arrow} {k + 1} (row i = from node i, column j = to node j)"
               + (" and biases" if net.bias[k] else "") + ":", maths)


def _worked_example(tex: bool, doc_or_net: Any, view: StepView, optimizer: Optimizer | None, precision: int) -> str:
    net: Network = getattr(doc_or_net, "network", doc_or_net)
    title = str(getattr(doc_or_net, "title", "") or "")
    S, w = _Style(True, precision), _Writer(tex)  # TeX maths in both: $…$ in Markdown
    arrow = "->" if tex else "→"
    L, n = net.n_layers, len(view.X)
    rows = range(min(n, MAX_SAMPLES))

    def each_row(label: str) -> list[tuple[int, str]]:
        return [(r, f"{label}, sample {r + 1}" if n > 1 else label) for r in rows]

    heading = "One training step, worked by hand"
    w.heading(1, f"{heading}: {title}" if title and (not tex or tex_escape(title).strip()) else heading)
    bias = ", ".join("on" if b else "off" for b in net.bias)
    w.para(f"Network {'-'.join(map(str, net.sizes))}; activations {', '.join(net.activations)}; "
           f"loss {net.loss}; bias per layer: {bias}.")
    if optimizer is not None:
        extra = "".join(f", {k} = {v}" for k, v in optimizer.hyper.items() if v)
        w.para(f"Optimizer {optimizer.name}: lr = {fmt(optimizer.lr, precision)}{extra}"
               + (f", weight decay = {optimizer.weight_decay}" if optimizer.weight_decay else "")
               + (f", L1 = {optimizer.l1}" if optimizer.l1 else "") + ".")
    shown = f" (the first {MAX_SAMPLES} are written out, the rest the same way)" if n > MAX_SAMPLES else ""
    w.para(f"Batch: {n} sample{'s' if n > 1 else ''}, dataset row{'s' if n > 1 else ''} "
           f"{', '.join(map(str, view.indices[:8]))}{', ...' if n > 8 else ''}{shown}.")
    for r, label in each_row("Input"):
        w.item(label, [f"x = {_matrix(S, view.X[r])}", f"t = {_matrix(S, view.T[r])}"])
    _parameters(w, S, net, _weights(net, view), _biases(net, view), arrow)

    w.heading(2, "1. Forward pass")
    for l in range(1, min(L, len(view.z) - 1) + 1):
        w.heading(3, _layer_name(net, l).capitalize())
        for r, label in each_row(""):
            for j in range(min(net.sizes[l], MAX_DOC_NODES)):
                w.item(f"node ({l}, {j})" + label, _forward(S, net, view, l, j, r))
        if net.sizes[l] > MAX_DOC_NODES:
            w.para(f"(and {net.sizes[l] - MAX_DOC_NODES} more nodes, computed the same way)")

    if view.loss is not None:
        w.heading(2, "2. Loss")
        w.item("", _loss_total(S, net, view))
        for r, label in each_row(""):
            for j in range(min(net.sizes[L], MAX_DOC_NODES)):
                w.item(f"output {j}" + label, _loss_node(S, net, view, r, j))

    if view.delta:
        w.heading(2, "3. Backward pass: delta = dL/dz of every node")
        for l in range(L, 0, -1):
            if l not in view.delta and l not in view.da:
                continue
            w.heading(3, _layer_name(net, l).capitalize())
            for r, label in each_row(""):
                for j in range(min(net.sizes[l], MAX_DOC_NODES)):
                    w.item(f"node ({l}, {j})" + label, _backward(S, net, view, l, j, r))

    def parameters_section(title: str, parts: str) -> None:
        w.heading(2, title)
        if parts == "u" and optimizer is not None:
            w.para(f"Rule ({optimizer.name}):", [S.rule(optimizer.describe_update())])
        for k in range(L - 1, -1, -1):
            if k not in view.dW:
                continue
            w.heading(3, f"Weights {k} {arrow} {k + 1}")
            for count, (i, j) in enumerate(np.ndindex(*view.dW[k].shape)):
                if count == MAX_DOC_WEIGHTS:
                    w.para(f"(and {view.dW[k].size - MAX_DOC_WEIGHTS} more weights, the same way)")
                    break
                w.item(f"w ({k}, {i}) {arrow} ({k + 1}, {j})", _edge(S, net, view, k, i, j, 0, optimizer, parts))
            for j in range(min(net.sizes[k + 1], MAX_DOC_WEIGHTS)):
                w.item(f"bias of node ({k + 1}, {j})", _bias(S, net, view, k + 1, j, 0, optimizer, parts))

    if view.dW:
        parameters_section("4. Gradients", "g")
    if view.change_W:
        parameters_section("5. Update", "u")
        w.heading(2, "After the step")
        after_W = [view.weights_before[k] + view.change_W[k] for k in range(L)]
        after_b = [view.biases_before[k] + view.change_b[k] for k in range(L)]
        _parameters(w, S, net, after_W, after_b, arrow)
    return w.done()


def step_markdown(doc_or_net: Any, view: StepView, optimizer: Optimizer | None, precision: int = 4) -> str:
    """The step so far as a Markdown worked example with $…$ maths (a Document or a Network)."""
    return _worked_example(False, doc_or_net, view, optimizer, precision)


def step_latex(doc_or_net: Any, view: StepView, optimizer: Optimizer | None, precision: int = 4) -> str:
    """The step so far as a standalone LaTeX document (article + amsmath, ASCII only, for pdflatex)."""
    body = _worked_example(True, doc_or_net, view, optimizer, precision)
    text = "\n".join([
        r"\documentclass[11pt]{article}",
        r"\usepackage{amsmath}",
        r"\setlength{\parindent}{0pt}",
        r"\setlength{\parskip}{4pt}",
        r"\sloppy",
        r"\begin{document}",
        body,
        r"\end{document}",
        "",
    ])
    # Every piece is built ASCII-only; this is the last guard so pdflatex never sees Unicode.
    return text.encode("ascii", "replace").decode("ascii")


__all__ = ["bias_lines", "edge_lines", "fmt", "node_lines", "step_latex", "step_markdown", "tex_escape"]
