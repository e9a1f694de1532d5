"""Functions f(x0, x1) for the 2-D lab, with analytic gradients, and the note's numerical gradient on a grid.

Every f takes two arrays of one shape (or broadcastable) and returns f at each
point; every ``grad`` returns the gradient stacked on a leading axis, shape
(2, *shape): row 0 = ∂f/∂x0, row 1 = ∂f/∂x1.

:func:`numerical_gradient_grid` is the note's ``numerical_gradient`` (central
difference, h = 1e-4, the full f re-evaluated with one coordinate nudged)
done for a whole grid at once: the four nudged copies of the grid are stacked
on a leading axis and f is called once, so it costs one vectorised pass, not a
Python loop per point, and gives bit for bit the numbers of the per-point loop.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .expr import parse

Array = np.ndarray
F2 = Callable[[Array, Array], Array]

#: The note's quiver grid: np.arange(-2, 2.5, 0.25) in both axes (18 values, -2 .. 2.25).
NOTE_GRID: Array = np.arange(-2, 2.5, 0.25)  # (18,)


@dataclass(frozen=True)
class Function2D:
    """A function of (x0, x1) with what the lab needs to know about it.

    * ``label``: the formula as shown, e.g. "x0² + x1²".
    * ``f(x0, x1)`` -> values shaped like the broadcast inputs.
    * ``grad(x0, x1)`` -> (2, *shape) analytic gradient, or None for a typed function without one.
    * ``domain``: (x0_min, x0_max, x1_min, x1_max) of the default view.
    * ``minima``: the known minimum points ((x0, x1), ...).
    * ``hessian``: the constant 2×2 Hessian of a quadratic (row-major), else None;
      it decides the stability limit lr < 2/λ_max.
    * ``start``: a default start point for descent.
    """

    key: str
    label: str
    f: F2
    grad: Callable[[Array, Array], Array] | None
    domain: tuple[float, float, float, float]
    minima: tuple[tuple[float, float], ...] = ()
    hessian: tuple[tuple[float, float], tuple[float, float]] | None = None
    start: tuple[float, float] = (-3.0, 4.0)

    def value(self, x0: float, x1: float) -> float:
        with np.errstate(all="ignore"):
            return float(self.f(np.asarray(float(x0)), np.asarray(float(x1))))

    def gradient(self, x0: float, x1: float) -> tuple[float, float] | None:
        """The analytic gradient at one point, or None if there is none."""
        if self.grad is None:
            return None
        with np.errstate(all="ignore"):
            g = self.grad(np.asarray(float(x0)), np.asarray(float(x1)))
        return float(g[0]), float(g[1])


def _stack(a: Array | float, b: Array | float) -> Array:
    a, b = np.broadcast_arrays(np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64))
    return np.stack([a, b])


def _rosenbrock(x: Array, y: Array) -> Array:
    return np.asarray((1 - x) ** 2 + 100 * (y - x * x) ** 2)


def _rosenbrock_grad(x: Array, y: Array) -> Array:
    return _stack(-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x))


def _himmelblau(x: Array, y: Array) -> Array:
    return np.asarray((x * x + y - 11) ** 2 + (x + y * y - 7) ** 2)


def _himmelblau_grad(x: Array, y: Array) -> Array:
    a, b = x * x + y - 11, x + y * y - 7
    return _stack(4 * x * a + 2 * b, 2 * a + 4 * y * b)


def _beale(x: Array, y: Array) -> Array:
    return np.asarray((1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2 + (2.625 - x + x * y**3) ** 2)


def _beale_grad(x: Array, y: Array) -> Array:
    a, b, c = 1.5 - x + x * y, 2.25 - x + x * y**2, 2.625 - x + x * y**3
    return _stack(
        2 * a * (y - 1) + 2 * b * (y**2 - 1) + 2 * c * (y**3 - 1),
        2 * a * x + 4 * b * x * y + 6 * c * x * y**2,
    )


def _plateau(x: Array, y: Array) -> Array:
    return np.asarray(1 - np.exp(-(x * x + y * y) / 2))


def _plateau_grad(x: Array, y: Array) -> Array:
    e = np.exp(-(x * x + y * y) / 2)
    return _stack(x * e, y * e)


def _two_minima(x: Array, y: Array) -> Array:
    return np.asarray(x**4 - 3 * x**2 + x + y * y)


def _two_minima_grad(x: Array, y: Array) -> Array:
    return _stack(4 * x**3 - 6 * x + 1, 2 * y)


FUNCTIONS_2D: dict[str, Function2D] = {
    fn.key: fn
    for fn in (
        Function2D(
            "sphere",
            "x0² + x1²",
            lambda x, y: x**2 + y**2,
            lambda x, y: _stack(2 * x, 2 * y),
            (-4.5, 4.5, -4.5, 4.5),
            ((0.0, 0.0),),
            ((2.0, 0.0), (0.0, 2.0)),
            (-3.0, 4.0),
        ),
        Function2D(
            "elliptic",
            "x0²/20 + x1²",
            lambda x, y: x**2 / 20 + y**2,
            lambda x, y: _stack(x / 10, 2 * y),
            (-10.0, 10.0, -5.0, 5.0),
            ((0.0, 0.0),),
            ((0.1, 0.0), (0.0, 2.0)),
            (-7.0, 2.0),
        ),
        Function2D(
            "rosenbrock",
            "(1 − x0)² + 100(x1 − x0²)²",
            _rosenbrock,
            _rosenbrock_grad,
            (-2.0, 2.0, -1.0, 3.0),
            ((1.0, 1.0),),
            None,
            (-1.5, 2.0),
        ),
        Function2D(
            "himmelblau",
            "(x0² + x1 − 11)² + (x0 + x1² − 7)²",
            _himmelblau,
            _himmelblau_grad,
            (-5.0, 5.0, -5.0, 5.0),
            ((3.0, 2.0), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848127)),
            None,
            (0.0, 0.0),
        ),
        Function2D(
            "beale",
            "(1.5 − x0 + x0x1)² + (2.25 − x0 + x0x1²)² + (2.625 − x0 + x0x1³)²",
            _beale,
            _beale_grad,
            (-4.5, 4.5, -4.5, 4.5),
            ((3.0, 0.5),),
            None,
            (1.0, 1.5),
        ),
        Function2D(
            "saddle",
            "x0² − x1²",
            lambda x, y: x**2 - y**2,
            lambda x, y: _stack(2 * x, -2 * y),
            (-3.0, 3.0, -3.0, 3.0),
            (),
            ((2.0, 0.0), (0.0, -2.0)),
            (-2.5, 0.01),
        ),
        Function2D(
            "plateau",
            "1 − exp(−(x0² + x1²)/2)",
            _plateau,
            _plateau_grad,
            (-5.0, 5.0, -5.0, 5.0),
            ((0.0, 0.0),),
            None,
            (3.5, 3.0),
        ),
        Function2D(
            "two_minima",
            "x0⁴ − 3x0² + x0 + x1²",
            _two_minima,
            _two_minima_grad,
            (-2.2, 2.2, -2.0, 2.0),
            ((-1.300840, 0.0), (1.130901, 0.0)),
            None,
            (2.0, 1.5),
        ),
    )
}
#: The global minimum of two_minima is the left one (f = −3.514); the right one (f = −1.070) is local.


def typed_function(text: str, domain: tuple[float, float, float, float] = (-2.0, 2.0, -2.0, 2.0)) -> Function2D:
    """A typed f(x0, x1) with its exact gradient; raises ExprError (code + position) on a typo."""
    expr = parse(text, ("x0", "x1"))
    return Function2D("typed", text, expr, expr.gradient, domain, (), None, (domain[0] * 0.75, domain[3] * 0.75))


def numerical_gradient_grid(f: F2, x0: Array, x1: Array, h: float = 1e-4) -> Array:
    """The central-difference gradient of f at every point of (x0, x1) (same shape); returns (2, *shape).

    ∂f/∂x0 ≈ (f(x0 + h, x1) − f(x0 − h, x1)) / 2h and likewise for x1, as the note computes it.
    """
    if not (math.isfinite(h) and h > 0):
        raise ValueError("the step h must be a finite number > 0")
    x0, x1 = np.broadcast_arrays(np.asarray(x0, dtype=np.float64), np.asarray(x1, dtype=np.float64))
    # (4, *shape): the grid nudged by +h and -h in x0, then in x1
    p0 = np.stack([x0 + h, x0 - h, x0, x0])
    p1 = np.stack([x1, x1, x1 + h, x1 - h])
    with np.errstate(all="ignore"):
        v = np.broadcast_to(f(p0, p1), p0.shape)
        return np.stack([(v[0] - v[1]) / (2 * h), (v[2] - v[3]) / (2 * h)])


@dataclass(frozen=True)
class Field:
    """f and −∇f on a grid, for the contour map and the quiver.

    * ``x0``, ``x1`` (n1, n0): the meshgrid (np.meshgrid order: x0 varies along columns).
    * ``values`` (n1, n0): f.
    * ``numeric`` (2, n1, n0): the central-difference gradient; ``analytic`` the same from the formula, or None.
    """

    x0: Array
    x1: Array
    values: Array
    numeric: Array
    analytic: Array | None


def field(fn: Function2D, g0: Array = NOTE_GRID, g1: Array = NOTE_GRID, h: float = 1e-4) -> Field:
    """f and its gradients on the grid of the 1-D axes ``g0`` (x0) and ``g1`` (x1)."""
    X0, X1 = np.meshgrid(np.asarray(g0, dtype=np.float64), np.asarray(g1, dtype=np.float64))
    with np.errstate(all="ignore"):
        values = np.broadcast_to(fn.f(X0, X1), X0.shape).astype(np.float64)
        analytic = None if fn.grad is None else np.asarray(fn.grad(X0, X1), dtype=np.float64)
    return Field(X0, X1, values, numerical_gradient_grid(fn.f, X0, X1, h), analytic)


def grid_axes(domain: tuple[float, float, float, float], n: int = 100) -> tuple[Array, Array]:
    """Two 1-D axes of n points spanning the domain (for the contour image)."""
    return np.linspace(domain[0], domain[1], n), np.linspace(domain[2], domain[3], n)


def hessian_eigenvalues(fn: Function2D) -> tuple[float, float] | None:
    """The two eigenvalues (ascending) of a quadratic's constant Hessian, or None."""
    if fn.hessian is None:
        return None
    lam = np.linalg.eigvalsh(np.array(fn.hessian, dtype=np.float64))
    return float(lam[0]), float(lam[1])
