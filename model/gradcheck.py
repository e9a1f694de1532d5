"""Numerical differentiation and the gradient check.

Backprop is checked the way the lecture notes (003) teach: nudge one number
by a small h, see how much the loss moves, and compare the slope with the
value backprop found.

* forward difference  (f(x + h) - f(x)) / h          error ~ h
* central difference  (f(x + h) - f(x - h)) / (2h)   error ~ h², the default

h cannot be made arbitrarily small: float64 keeps about 16 significant
digits, so with h = 1e-50 ``x + h == x`` for any x that is not itself tiny,
the difference is exactly 0 and so is the "derivative".  h = 1e-4 balances
truncation (smaller h is better) against rounding (larger h is better).

The check costs two forward passes per parameter (one for "forward"), so it
is meant for the small networks of a lesson, not for a 128-wide one.

:func:`gradient_check` does this for every weight and every bias of a layer
that has one, and returns one :class:`GradCheckRow` per parameter.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

import numpy as np

from .network import Network

Array = np.ndarray

METHODS: tuple[str, ...] = ("central", "forward")

#: Floor of the relative error's denominator: two derivatives that are both
#: zero up to rounding (e.g. behind a dead ReLU) count as agreeing, not as a
#: 100 % disagreement.
TINY = 1e-10


@dataclass(frozen=True)
class GradCheckRow:
    """One parameter's derivative by backprop and by finite differences.

    * ``kind``: "W" for weight (k, i, j), from node i of layer k to node j of
      layer k+1; "b" for the bias of node j of layer k+1, with i = -1.
    * ``backprop``: dLoss/dparameter from :meth:`Network.backward`.
    * ``numeric``: the same derivative by finite differences.
    * ``rel_error``: |backprop - numeric| / max(|backprop|, |numeric|, tiny),
      tiny = :data:`TINY` unless the caller chose another.
    * ``kink``: nudging this parameter by ±h moved some input z of a ReLU,
      leaky ReLU or step node across 0 (for some sample), so the finite
      difference straddles a corner and may disagree with backprop although
      backprop is right.
    """

    kind: str
    k: int
    i: int
    j: int
    backprop: float
    numeric: float
    rel_error: float
    kink: bool = False

    @property
    def verdict(self) -> str:
        """One of :data:`VERDICTS` for this row's relative error (see :func:`verdict`)."""
        return verdict(self.rel_error)


#: Verdicts on a relative error, best first, with their upper bounds (the usual rule of thumb):
#: good ≤ 1e-7; fine ≤ 1e-4 (expected where a ReLU/step kink is near, worth a look otherwise);
#: suspicious ≤ 1e-2; wrong above (or NaN).
VERDICTS: tuple[str, ...] = ("good", "fine", "suspicious", "wrong")
THRESHOLDS: tuple[float, ...] = (1e-7, 1e-4, 1e-2)
#: Activations with a corner at z = 0 (their derivative jumps there).
KINKED: frozenset[str] = frozenset({"relu", "leaky_relu", "step"})


def verdict(rel_error: float) -> str:
    """ "good", "fine", "suspicious" or "wrong" for a relative error (NaN is "wrong")."""
    for name, bound in zip(VERDICTS, THRESHOLDS, strict=False):
        if rel_error <= bound:
            return name
    return "wrong"


def relative_error(a: float, b: float, tiny: float = TINY) -> float:
    """|a - b| / max(|a|, |b|, tiny): 0 when equal, about 1 when unrelated."""
    return abs(a - b) / max(abs(a), abs(b), tiny)


def _validate(h: float, method: str) -> None:
    if method not in METHODS:
        raise ValueError(f"unknown difference {method!r}; choose one of {', '.join(METHODS)}")
    if not (math.isfinite(h) and h > 0):
        raise ValueError("the step h must be a finite number > 0")


def numerical_derivative(f: Callable[[float], float], x: float, h: float = 1e-4, method: str = "central") -> float:
    """The slope of f at x by a "central" or "forward" difference with step h."""
    _validate(h, method)
    if method == "central":
        return (f(x + h) - f(x - h)) / (2.0 * h)
    return (f(x + h) - f(x)) / h


def forward_difference(f: Callable[[float], float], x: float, h: float = 1e-4) -> float:
    """(f(x + h) - f(x)) / h: the slope of the chord to the right of x (error ~ h)."""
    return numerical_derivative(f, x, h, "forward")


def central_difference(f: Callable[[float], float], x: float, h: float = 1e-4) -> float:
    """(f(x + h) - f(x - h)) / (2h): the chord centred on x (error ~ h²)."""
    return numerical_derivative(f, x, h, "central")


def numerical_gradient(f: Callable[[Array], float], x: Array, h: float = 1e-4, method: str = "central") -> Array:
    """The gradient of a scalar function f at x (any shape), one element at a time.

    Returns an array shaped like x.  ``x`` itself is never modified: f sees a
    copy in which one element at a time is nudged by ±h.  For
    f(x0, x1) = x0² + x1² at (3, 4) this gives (6, 8).
    """
    _validate(h, method)
    probe = np.array(x, dtype=np.float64)  # a copy
    grad = np.zeros_like(probe)
    for idx in np.ndindex(probe.shape):
        old = float(probe[idx])

        def f_at(value: float, idx: tuple[int, ...] = idx) -> float:
            probe[idx] = value
            return float(f(probe))

        grad[idx] = numerical_derivative(f_at, old, h, method)
        probe[idx] = old
    return grad


ParamKey = tuple[str, int, int, int]  # (kind, k, i, j) as in GradCheckRow


def gradient_check(
    net: Network,
    X: Array,
    Y: Array,
    h: float = 1e-4,
    method: str = "central",
    tiny: float = TINY,
    only: Collection[ParamKey] | None = None,
) -> list[GradCheckRow]:
    """Compare backprop with finite differences for every parameter of ``net``.

    * ``X`` (n, sizes[0]): the batch; a single sample (sizes[0],) is allowed.
    * ``Y`` (n, sizes[-1]) targets, or class indices (n,) for cross_entropy.
    * ``method``: "central" (default) or "forward" difference, step ``h``.

    The loss is the mean batch loss that :meth:`Network.backward` differentiates.
    Rows come layer by layer (k = 0..L-1): weights in (i, j) order, then the
    biases of that layer if it has them (bias-less layers have no bias rows,
    since those biases are not parameters).

    ``only``: check just these parameters, e.g. ``{("W", 2, 0, 0)}`` for the one the
    inspector shows (two forward passes instead of two per parameter).  ``kink`` is
    set where a ±h probe moved a ReLU/leaky ReLU/step input across 0.

    The network's own arrays are never written to: each probe runs with a
    nudged copy swapped in, and the original array object is put back
    afterwards, even if the loss raises.
    """
    _validate(h, method)
    X = np.asarray(X, dtype=np.float64)
    if X.ndim == 1:
        X = X.reshape(1, -1)
    t = net.targets(Y)
    g = net.backward(net.forward(X), Y)

    kinked = [l for l in range(1, net.n_layers + 1) if net.activations[l - 1] in KINKED]

    def sides(fwd_z: Sequence[Array]) -> list[Array]:
        """Which side of the corner every kinked node's input is on, per sample."""
        return [fwd_z[l] > 0 for l in kinked]

    base = sides(net.forward(X).z)
    crossed = False  # set by a probe whose kinked inputs changed side

    def loss_with(arrays: list[Array], k: int, probe: Array) -> Callable[[float, tuple[int, ...]], float]:
        def loss(value: float, idx: tuple[int, ...]) -> float:
            nonlocal crossed
            old = float(probe[idx])
            probe[idx] = value
            original = arrays[k]
            arrays[k] = probe
            try:
                fwd = net.forward(X)
                if kinked and any(not np.array_equal(a, b) for a, b in zip(sides(fwd.z), base, strict=True)):
                    crossed = True
                return net.loss_value(fwd, t)
            finally:
                arrays[k] = original
                probe[idx] = old

        return loss

    rows: list[GradCheckRow] = []
    for k in range(net.n_layers):
        params = [("W", net.weights, g.dW[k])]
        if net.bias[k]:
            params.append(("b", net.biases, g.db[k]))
        for kind, arrays, grad in params:
            probe = np.array(arrays[k], dtype=np.float64)  # a copy, nudged one element at a time
            f = loss_with(arrays, k, probe)
            for idx in np.ndindex(grad.shape):
                i, j = (idx[0], idx[1]) if kind == "W" else (-1, idx[0])
                if only is not None and (kind, k, i, j) not in only:
                    continue
                crossed = False

                def at(value: float, idx: tuple[int, ...] = idx, f: Callable[..., float] = f) -> float:
                    return f(value, idx)

                b = numerical_derivative(at, float(probe[idx]), h, method)
                a = float(grad[idx])
                rows.append(GradCheckRow(kind, k, i, j, a, float(b), relative_error(a, float(b), tiny), crossed))
    return rows


def worst_first(rows: Sequence[GradCheckRow]) -> list[GradCheckRow]:
    """The rows sorted by relative error, largest (and NaN) first; ties keep the network's order."""
    return sorted(rows, key=lambda r: -math.inf if math.isnan(r.rel_error) else -r.rel_error)


def max_rel_error(rows: Sequence[GradCheckRow]) -> float:
    """The worst relative error among ``rows`` (0.0 for no rows, NaN if any row is NaN)."""
    errors = [r.rel_error for r in rows]
    if any(math.isnan(e) for e in errors):
        return math.nan
    return max(errors, default=0.0)
