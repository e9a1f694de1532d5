"""Descent paths on a 2-D function: gradient descent, momentum, Nesterov, AdaGrad, RMSProp and Adam.

Every step is :func:`model.optimizers.update`, the same array-level rule that
trains the networks (one implementation, equal to torch.optim), applied to the
point x = (x0, x1) as a parameter of shape (2,).  The gradient is the
function's analytic one when it has one, else the note's central difference.

Each path gets a label (:data:`LABELS`) from its own numbers, and a quadratic
gets the learning rate above which plain or momentum descent cannot settle,
lr < 2/λ_max (:func:`stability_limit`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..optimizers import NAMES, full_hyper, update
from .functions2d import Function2D, hessian_eigenvalues, numerical_gradient_grid

Array = np.ndarray

#: How a path ended, judged from its last steps (see :func:`label_path`).
LABELS = ("converged", "moving", "oscillating", "diverged")
#: Longest path the lab computes (steps).
MAX_STEPS = 10_000
#: A point farther than this from the origin counts as diverged (and the path stops there).
FAR = 1e150


@dataclass(frozen=True)
class PathSpec:
    """What to run: optimizer name (model.optimizers.NAMES), learning rate, steps, other hyperparameters."""

    optimizer: str
    lr: float
    steps: int
    hyper: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Path:
    """A descent path and everything the ledger shows about each step.

    * ``points`` (n + 1, 2): x before the first step, then after each step.
    * ``values`` (n + 1,): f at each point.
    * ``grads`` (n, 2): the gradient used by step t (at points[t - 1]), t = 1..n.
    * ``states``: n dicts, the optimizer's state after step t (each value shaped (2,)).
    * ``final_grad`` (2,): the gradient at the last point.
    * ``hyper``: every hyperparameter the rule used (torch defaults filled in).
    * ``stopped_early``: the path left the finite world (or |x| > FAR) before ``spec.steps``.
    * ``label``: one of LABELS.
    """

    spec: PathSpec
    hyper: dict[str, Any]
    points: Array
    values: Array
    grads: Array
    states: list[dict[str, Array]]
    final_grad: Array
    stopped_early: bool
    label: str

    @property
    def steps_taken(self) -> int:
        return len(self.grads)

    def swallowed(self, h: float = 1e-4) -> bool:
        """At the last point x ± h == x in some coordinate: a numerical gradient there is exactly 0."""
        x = self.points[-1]
        return bool(np.any(np.isfinite(x) & ((x + h) == x)))


def gradient_at(fn: Function2D, x: Array, numerical: bool = False, h: float = 1e-4) -> Array:
    """∇f at one point x (2,): analytic unless ``numerical`` or the function has none."""
    with np.errstate(all="ignore"):
        if fn.grad is not None and not numerical:
            return np.asarray(fn.grad(x[0:1], x[1:2]), dtype=np.float64)[:, 0]
        return numerical_gradient_grid(fn.f, x[0:1], x[1:2], h)[:, 0]


def run_path(fn: Function2D, start: tuple[float, float], spec: PathSpec, numerical: bool = False) -> Path:
    """Run ``spec`` from ``start`` on ``fn``; stops early when x becomes non-finite or farther than FAR."""
    if spec.optimizer not in NAMES:
        raise ValueError(f"unknown optimizer {spec.optimizer!r}; choose one of {', '.join(NAMES)}")
    if not (math.isfinite(spec.lr) and spec.lr >= 0):
        raise ValueError("the learning rate must be a finite number ≥ 0")
    if not 0 <= spec.steps <= MAX_STEPS:
        raise ValueError(f"the number of steps must be between 0 and {MAX_STEPS}")
    hyper = full_hyper(spec.optimizer, spec.hyper)
    x = np.array(start, dtype=np.float64)
    points, grads, states = [x], [], []
    state: dict[str, Array] = {}
    stopped = False
    for t in range(1, spec.steps + 1):
        g = gradient_at(fn, x, numerical)
        if not np.all(np.isfinite(g)):
            stopped = True
            break
        x, state = update(spec.optimizer, x, g, state, t, spec.lr, **hyper)
        grads.append(g)
        states.append({k: np.asarray(v, dtype=np.float64) for k, v in state.items()})
        points.append(x)
        if not np.all(np.isfinite(x)) or float(np.max(np.abs(x))) > FAR:
            stopped = True
            break
    pts = np.array(points)
    with np.errstate(all="ignore"):
        values = np.asarray(fn.f(pts[:, 0], pts[:, 1]), dtype=np.float64)
    final_grad = gradient_at(fn, pts[-1], numerical) if np.all(np.isfinite(pts[-1])) else np.full(2, np.nan)
    g_arr = np.array(grads).reshape(-1, 2)
    label = label_path(pts, values, final_grad, stopped)
    return Path(spec, hyper, pts, values, g_arr, states, final_grad, stopped, label)


def label_path(
    points: Array, values: Array, final_grad: Array, stopped_early: bool = False, grad_tol: float = 1e-5
) -> str:
    """converged / moving / oscillating / diverged, from a path's points (n + 1, 2) and values (n + 1,).

    * diverged: it stopped early (non-finite or beyond FAR), or f ended above where it started
      while the steps were growing (the last step longer than the first) or a million times above
      (the note's lr = 10 run ends near 1e13, where x ± h == x makes the numerical gradient exactly 0
      and the path stands still far away: that is not convergence).
    * converged: the gradient at the last point has norm ≤ ``grad_tol``.
    * oscillating: at least half of the last (up to 10) pairs of consecutive steps point
      against each other (negative dot product): it zig-zags instead of going on.
    * moving: none of these — more steps would still change it.
    """
    steps = np.diff(points, axis=0)  # (n, 2)
    if stopped_early or not np.all(np.isfinite(values)):
        return "diverged"
    lengths = np.hypot(steps[:, 0], steps[:, 1]) if len(steps) else np.zeros(0)
    if len(steps) >= 2 and values[-1] > values[0]:
        if lengths[-1] > lengths[0] or values[-1] > 1e6 * max(1.0, abs(float(values[0]))):
            return "diverged"
    if float(np.hypot(*final_grad)) <= grad_tol:
        return "converged"
    tail = steps[-11:]
    if len(tail) >= 3:
        dots = np.einsum("ij,ij->i", tail[1:], tail[:-1])
        if np.count_nonzero(dots < 0) * 2 >= len(dots):
            return "oscillating"
    return "moving"


@dataclass(frozen=True)
class StabilityLimit:
    """Where the learning rate stops being safe on a quadratic.

    * ``lr_max``: the largest stable learning rate, or None when no fixed limit applies.
    * ``reason``: "ok" (lr_max given), "not_quadratic", "not_convex" (a direction of negative
      curvature: every lr moves away along it), "adaptive" (AdaGrad/RMSProp/Adam rescale each step).
    * ``lambda_max``: the largest Hessian eigenvalue (NaN when not quadratic).
    """

    reason: str
    lambda_max: float
    lr_max: float | None


def stability_limit(fn: Function2D, optimizer: str, hyper: dict[str, Any] | None = None) -> StabilityLimit:
    """lr < 2/λ_max for gradient descent; 2(1 + μ)/λ_max with momentum μ; 2(1 + μ)/((1 + 2μ)λ_max) for Nesterov.

    From the eigenvalues of the linear map one step applies along each eigenvector
    of the Hessian (tests check them against its spectral radius).
    """
    lam = hessian_eigenvalues(fn)
    if lam is None:
        return StabilityLimit("not_quadratic", math.nan, None)
    lam_min, lam_max = lam
    if lam_min <= 0:
        return StabilityLimit("not_convex", lam_max, None)
    if optimizer not in ("sgd", "momentum", "nesterov"):
        return StabilityLimit("adaptive", lam_max, None)
    h = full_hyper(optimizer, hyper)
    mu = float(h["momentum"])
    if h["dampening"]:
        return StabilityLimit("adaptive", lam_max, None)  # dampening is rare here; no closed form offered
    if mu == 0:
        return StabilityLimit("ok", lam_max, 2.0 / lam_max)
    if h["nesterov"]:
        return StabilityLimit("ok", lam_max, 2.0 * (1 + mu) / ((1 + 2 * mu) * lam_max))
    return StabilityLimit("ok", lam_max, 2.0 * (1 + mu) / lam_max)
