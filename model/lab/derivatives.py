"""Derivatives of f(x) by finite differences beside the exact one (note 003, the 1-D part).

* forward difference  (f(x + h) − f(x)) / h          truncation error ~ h
* central difference  (f(x + h) − f(x − h)) / (2h)   truncation error ~ h²

Both lose to rounding as h shrinks: f(x ± h) keep only ~16 significant digits
(~7 in float32), and the difference of two nearly equal numbers keeps fewer
still.  Below half the spacing of floats at x, ``x + h`` rounds back to ``x``
and both differences are exactly 0 — why the note's h = 1e-50 fails.
:func:`rounding_fact` states that as numbers, :func:`h_sweep` shows the V on a
log–log plot.  The formulas are the same ones as :mod:`model.gradcheck`'s,
evaluated here on whole arrays of h at once and in a chosen precision.

The textbook's example: the central difference of 0.01x² + 0.1x with h = 1e-4
is 0.1999999999990898 at x = 5 and 0.2999999999986347 at x = 10 (exact: 0.2, 0.3).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .expr import Expression, parse

Array = np.ndarray
Func = Callable[[Array], Array]

DTYPES: dict[str, type[np.floating]] = {"float64": np.float64, "float32": np.float32}

#: The h of the sweep: 1e-1 down to 1e-20, then the note's 1e-50.
SWEEP_H: Array = np.concatenate([10.0 ** -np.arange(1, 21), [1e-50]])  # (21,)


@dataclass(frozen=True)
class Function1D:
    """A built-in f(x) with its exact derivative; both take and return arrays of any shape."""

    key: str
    label: str  # how it is written, e.g. "0.01x² + 0.1x"
    f: Func
    df: Func


def _textbook(x: Array) -> Array:
    return 0.01 * x**2 + 0.1 * x


FUNCTIONS_1D: dict[str, Function1D] = {
    fn.key: fn
    for fn in (
        Function1D("textbook", "0.01x² + 0.1x", _textbook, lambda x: 0.02 * x + 0.1),
        Function1D("square", "x²", lambda x: x * x, lambda x: 2.0 * x),
        Function1D("sin", "sin x", np.sin, np.cos),
        Function1D("exp", "eˣ", np.exp, np.exp),
        Function1D("abs", "|x|", np.abs, np.sign),
        Function1D("relu", "ReLU(x)", lambda x: np.maximum(x, 0 * x), lambda x: (x > 0) * (1 + 0 * x)),
    )
}


def typed_function(text: str) -> Function1D:
    """A typed f(x) (see :mod:`model.lab.expr`); raises ExprError with a code and position."""
    expr: Expression = parse(text, ("x",))
    return Function1D("typed", text, lambda x: expr(x).astype(np.asarray(x).dtype), lambda x: expr.gradient(x)[0])


@dataclass(frozen=True)
class Differences:
    """Forward and central differences at one x and h, in one precision.

    * ``forward``, ``central``: the two estimates (computed in ``dtype``).
    * ``exact``: f'(x) in float64.
    * ``forward_error``, ``central_error``: |estimate − exact|.
    """

    x: float
    h: float
    dtype: str
    forward: float
    central: float
    exact: float
    forward_error: float
    central_error: float


def _check(h: float, dtype: str) -> type[np.floating]:
    if dtype not in DTYPES:
        raise ValueError(f"unknown precision {dtype!r}; choose float64 or float32")
    if not (math.isfinite(h) and h > 0):
        raise ValueError("the step h must be a finite number > 0")
    return DTYPES[dtype]


def _estimates(fn: Function1D, x: float, h: Array, t: type[np.floating]) -> tuple[Array, Array]:
    """Forward and central differences (each shaped like h) with every operation in precision t."""
    xv, hv = t(x), np.asarray(h).astype(t)
    with np.errstate(all="ignore"):
        fx = fn.f(np.asarray(xv))
        fwd = (fn.f(xv + hv) - fx) / hv
        cen = (fn.f(xv + hv) - fn.f(xv - hv)) / (t(2) * hv)
    return np.asarray(fwd), np.asarray(cen)


def differences(fn: Function1D, x: float, h: float = 1e-4, dtype: str = "float64") -> Differences:
    """Both differences of ``fn`` at ``x`` with step ``h`` in ``dtype`` ("float64" or "float32")."""
    t = _check(h, dtype)
    fwd, cen = _estimates(fn, x, np.asarray(h), t)
    exact = float(fn.df(np.asarray(float(x))))
    f_, c_ = float(fwd), float(cen)
    return Differences(float(x), float(h), dtype, f_, c_, exact, abs(f_ - exact), abs(c_ - exact))


@dataclass(frozen=True)
class Sweep:
    """Both differences for every h of a sweep (arrays shaped like ``h``, float64).

    * ``h`` (n,): the steps, largest first.
    * ``forward``, ``central`` (n,): the estimates; ``forward_error``, ``central_error`` (n,): |estimate − exact|.
    * ``swallowed`` (n,) bool: x + h == x in this precision, so both differences are exactly 0.
    * ``best_forward_h``, ``best_central_h``: the h with the smallest error (the bottom of the V).
    """

    x: float
    dtype: str
    exact: float
    h: Array
    forward: Array
    central: Array
    forward_error: Array
    central_error: Array
    swallowed: Array
    best_forward_h: float
    best_central_h: float


def h_sweep(fn: Function1D, x: float, hs: Array = SWEEP_H, dtype: str = "float64") -> Sweep:
    """Forward and central differences of ``fn`` at ``x`` for every h in ``hs`` (one vectorised pass)."""
    t = _check(float(np.min(hs)), dtype)
    hs = np.asarray(hs, dtype=np.float64)
    fwd, cen = _estimates(fn, x, hs, t)
    exact = float(fn.df(np.asarray(float(x))))
    fe = np.abs(fwd.astype(np.float64) - exact)
    ce = np.abs(cen.astype(np.float64) - exact)
    swallowed = (t(x) + hs.astype(t)) == t(x)

    def best(err: Array) -> float:
        finite = np.where(np.isfinite(err), err, np.inf)
        return float(hs[int(np.argmin(finite))])

    return Sweep(
        float(x),
        dtype,
        exact,
        hs,
        fwd.astype(np.float64),
        cen.astype(np.float64),
        fe,
        ce,
        swallowed,
        best(fe),
        best(ce),
    )


@dataclass(frozen=True)
class RoundingFact:
    """Why a tiny h gives a derivative of exactly 0, as numbers the GUI can put in a sentence.

    * ``spacing``: the gap between x and the next larger number of this precision (np.spacing).
    * ``swallowed``: x + h == x, which happens once h < spacing / 2 (rounding to nearest).
    * ``x_plus_h``: x + h as this precision stores it.
    * ``difference``: f(x + h) − f(x) in this precision (0 when swallowed).
    """

    x: float
    h: float
    dtype: str
    spacing: float
    x_plus_h: float
    swallowed: bool
    difference: float


def rounding_fact(fn: Function1D, x: float, h: float = 1e-50, dtype: str = "float64") -> RoundingFact:
    t = _check(h, dtype)
    xv, hv = t(x), t(h)
    with np.errstate(all="ignore"):
        xh = xv + hv
        diff = fn.f(np.asarray(xh)) - fn.f(np.asarray(xv))
    return RoundingFact(float(x), float(h), dtype, float(np.spacing(xv)), float(xh), bool(xh == xv), float(diff))
