"""The ledger of one descent step: x, ∇f, the optimizer's state and the update with the numbers substituted.

Everything is read from the :class:`~model.lab.descent.Path` the optimizer
produced; the result on the right of each "=" is the engine's value, the
operands on the left are the same numbers rounded for reading (as in
:mod:`model.explain`).  The formulas are maths, not language, so they are
written here once for both languages; the GUI translates the headings.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..explain_format import fmt
from .descent import Path

Array = np.ndarray
AXES = ("x0", "x1")


@dataclass(frozen=True)
class Ledger:
    """Step ``t`` (1-based) of a path, every array shaped (2,) (one entry per coordinate).

    * ``x``: the point before the step; ``grad``: ∇f there; ``new_x``: the point after.
    * ``state_before`` / ``state_after``: the optimizer's state (torch's names: momentum_buffer,
      sum, square_avg, exp_avg, exp_avg_sq, ...).
    * ``derived``: numbers the rule computes on the way: Adam's "m_hat" and "v_hat",
      Nesterov's "look_ahead" (x − lr·μ·b, where the velocity alone would carry x).
    * ``step``: new_x − x; ``effective_lr``: step / (−∇f) per coordinate (NaN where ∇f = 0), the
      learning rate plain gradient descent would have needed to make the same move.
    * ``lines``: the update written out, one line per formula and coordinate.
    """

    t: int
    optimizer: str
    x: Array
    grad: Array
    new_x: Array
    state_before: dict[str, Array]
    state_after: dict[str, Array]
    derived: dict[str, Array]
    step: Array
    effective_lr: Array
    lines: list[str]


def _n(v: float) -> str:
    """A number as an operand: negative numbers in parentheses, so "− (−6)" reads right."""
    s = fmt(v)
    return f"({s})" if s.startswith("-") else s


def ledger(path: Path, t: int) -> Ledger:
    """The ledger of step ``t`` (1 ≤ t ≤ path.steps_taken)."""
    if not 1 <= t <= path.steps_taken:
        raise ValueError(f"step {t} is not on this path (it has {path.steps_taken} steps)")
    name, hyper, lr = path.spec.optimizer, path.hyper, path.spec.lr
    x, g, new_x = path.points[t - 1], path.grads[t - 1], path.points[t]
    before = path.states[t - 2] if t >= 2 else {}
    after = path.states[t - 1]
    step = new_x - x
    with np.errstate(all="ignore"):
        eff = np.where(g != 0, step / np.where(g != 0, -g, 1.0), np.nan)
    derived: dict[str, Array] = {}
    lines: list[str] = []
    for i, ax in enumerate(AXES):
        gi, xi, ni = float(g[i]), float(x[i]), float(new_x[i])
        gn = f"g{i}"
        if name in ("sgd", "momentum", "nesterov") and not hyper["momentum"]:
            lines.append(f"{ax} ← {ax} − lr × {gn} = {_n(xi)} − {_n(lr)} × {_n(gi)} = {fmt(ni)}")
            continue
        if name in ("sgd", "momentum", "nesterov"):
            mu, b = float(hyper["momentum"]), float(after["momentum_buffer"][i])
            b0 = float(before["momentum_buffer"][i]) if "momentum_buffer" in before else None
            if b0 is None:
                lines.append(f"b{i} = {gn} = {fmt(b)}  (t = 1)")
            else:
                damp = 1.0 - float(hyper["dampening"])
                scale = "" if damp == 1.0 else f"{_n(damp)} × "
                lines.append(f"b{i} ← μ·b{i} + {gn} = {_n(mu)} × {_n(b0)} + {scale}{_n(gi)} = {fmt(b)}")
            if hyper["nesterov"]:
                la = float(xi - lr * mu * b)
                derived.setdefault("look_ahead", np.zeros(2))[i] = la
                lines.append(f"look-ahead {ax} − lr·μ·b{i} = {_n(xi)} − {_n(lr)} × {_n(mu)} × {_n(b)} = {fmt(la)}")
                lines.append(
                    f"{ax} ← {ax} − lr × ({gn} + μ·b{i}) = {_n(xi)} − {_n(lr)} × ({_n(gi)} + "
                    f"{_n(mu)} × {_n(b)}) = {fmt(ni)}"
                )
            else:
                lines.append(f"{ax} ← {ax} − lr × b{i} = {_n(xi)} − {_n(lr)} × {_n(b)} = {fmt(ni)}")
        elif name == "adagrad":
            s0 = float(before["sum"][i]) if "sum" in before else float(hyper["initial_accumulator_value"])
            s, eps = float(after["sum"][i]), float(hyper["eps"])
            lines.append(f"s{i} ← s{i} + {gn}² = {_n(s0)} + {_n(gi)}² = {fmt(s)}")
            clr = lr / (1.0 + (t - 1) * float(hyper["lr_decay"]))
            lines.append(
                f"{ax} ← {ax} − lr × {gn} / (√s{i} + ε) = {_n(xi)} − {_n(clr)} × {_n(gi)} / "
                f"(√{_n(s)} + {fmt(eps)}) = {fmt(ni)}"
            )
        elif name == "rmsprop":
            a, eps = float(hyper["alpha"]), float(hyper["eps"])
            v0 = float(before["square_avg"][i]) if "square_avg" in before else 0.0
            v = float(after["square_avg"][i])
            lines.append(f"v{i} ← α·v{i} + (1 − α)·{gn}² = {_n(a)} × {_n(v0)} + {_n(1 - a)} × {_n(gi)}² = {fmt(v)}")
            if hyper["centered"] or hyper["momentum"]:
                lines.append(f"{ax} ← {fmt(ni)}")  # the variants' extra state is in the table
            else:
                lines.append(
                    f"{ax} ← {ax} − lr × {gn} / (√v{i} + ε) = {_n(xi)} − {_n(lr)} × {_n(gi)} / "
                    f"(√{_n(v)} + {fmt(eps)}) = {fmt(ni)}"
                )
        else:  # adam
            b1, b2 = (float(b) for b in hyper["betas"])
            eps = float(hyper["eps"])
            m0 = float(before["exp_avg"][i]) if "exp_avg" in before else 0.0
            v0 = float(before["exp_avg_sq"][i]) if "exp_avg_sq" in before else 0.0
            m, v = float(after["exp_avg"][i]), float(after["exp_avg_sq"][i])
            m_hat, v_hat = m / (1 - b1**t), v / (1 - b2**t)
            derived.setdefault("m_hat", np.zeros(2))[i] = m_hat
            derived.setdefault("v_hat", np.zeros(2))[i] = v_hat
            lines.append(f"m{i} ← β₁·m{i} + (1 − β₁)·{gn} = {_n(b1)} × {_n(m0)} + {_n(1 - b1)} × {_n(gi)} = {fmt(m)}")
            lines.append(f"v{i} ← β₂·v{i} + (1 − β₂)·{gn}² = {_n(b2)} × {_n(v0)} + {_n(1 - b2)} × {_n(gi)}² = {fmt(v)}")
            lines.append(f"m̂{i} = m{i} / (1 − β₁^{t}) = {fmt(m_hat)};  v̂{i} = v{i} / (1 − β₂^{t}) = {fmt(v_hat)}")
            lines.append(
                f"{ax} ← {ax} − lr × m̂{i} / (√v̂{i} + ε) = {_n(xi)} − {_n(lr)} × {_n(m_hat)} / "
                f"(√{_n(v_hat)} + {fmt(eps)}) = {fmt(ni)}"
            )
    return Ledger(t, name, x.copy(), g.copy(), new_x.copy(), before, after, derived, step, eff, lines)


def path_csv(path: Path) -> str:
    """The path as CSV: step, x0, x1, f, g0, g1 (the gradient used by the step that leaves the point)."""
    rows = ["step,x0,x1,f,g0,g1"]
    for t in range(len(path.points)):
        g = path.grads[t] if t < len(path.grads) else path.final_grad
        x0, x1 = (float(v) for v in path.points[t])
        rows.append(f"{t},{x0!r},{x1!r},{float(path.values[t])!r},{float(g[0])!r},{float(g[1])!r}")
    return "\n".join(rows) + "\n"


def ledger_markdown(entry: Ledger, title: str) -> str:
    """One step's ledger as Markdown (the GUI's export); ``title`` comes translated from the caller."""
    out = [f"## {title}", "", "| | x0 | x1 |", "|---|---|---|"]
    out.append(f"| x | {fmt(entry.x[0], 6)} | {fmt(entry.x[1], 6)} |")
    out.append(f"| ∇f | {fmt(entry.grad[0], 6)} | {fmt(entry.grad[1], 6)} |")
    for key, val in {**entry.state_after, **entry.derived}.items():
        out.append(f"| {key} | {fmt(val[0], 6)} | {fmt(val[1], 6)} |")
    out.append(f"| Δx | {fmt(entry.step[0], 6)} | {fmt(entry.step[1], 6)} |")
    out += ["", "```", *entry.lines, "```", ""]
    return "\n".join(out)
