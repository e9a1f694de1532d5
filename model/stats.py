"""Per-layer statistics of a forward/backward record: what the gradient-flow panel shows.

For each layer l = 1..L (after the input) of a :class:`~model.network.ForwardRecord`
and its :class:`~model.network.GradientRecord` on n samples:

* histograms of the outputs a[l], of δ[l] = ∂L/∂z[l] and of ∂L/∂W[l-1], on
  **fixed bin edges** so that two refreshes (or two layers) are drawn on the
  same axis and a histogram never jumps because its range moved:

  - a: linear bins over the activation's range (:func:`activation_edges`);
    values outside the range are counted in the first or last bin.
  - δ and ∂L/∂W: bins of log10|x| (:data:`GRADIENT_EDGES`, 1e-12 to 1e2, four
    bins a decade).  A vanishing gradient spans orders of magnitude, so a linear
    axis would show every early layer as one spike at 0; on the log axis it is a
    hump that slides left, layer by layer.  Exact zeros (a dead ReLU's δ) have
    no logarithm and are counted apart (``zeros``).

* mean and std of a, δ and ∂L/∂W over every value of the layer;
* **saturated %** (sigmoid and tanh layers): the share of (sample, unit) values
  whose local derivative f'(z) is below :data:`SATURATED_BELOW`; a unit counts
  as saturated when that holds for every sample;
* **dead %** (ReLU layers): the share of units whose output is 0 for every
  sample.  Pass the forward record of the whole *training set* for the
  textbook meaning ("dead for every training sample");
* the gradient norm of the layer's parameters ‖(∂L/∂W, ∂L/∂b)‖;
* the update-to-weight ratio log10(‖ΔW‖ / ‖W‖) of the last update
  (:func:`update_ratio_log10`; the usual healthy value is about -3).

Everything is numpy, computed at most at display rate by the GUI.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from . import activations as act
from .network import ForwardRecord, GradientRecord, Network

Array = np.ndarray

#: A sigmoid or tanh unit is saturated on a sample where f'(z) is below this.
SATURATED_BELOW = 0.01
#: Activations whose units can saturate.
SATURATING = frozenset({"sigmoid", "tanh"})
#: Activations whose units can die (output exactly 0 for every input).
DYING = frozenset({"relu"})

#: Bins of the activation histograms.
A_BINS = 40
#: Edges (GRADIENT_BINS + 1,) of log10|x| for the δ and ∂L/∂W histograms: 1e-12 .. 1e2, four bins a decade.
GRADIENT_EDGES: Array = np.linspace(-12.0, 2.0, 57)
GRADIENT_BINS = len(GRADIENT_EDGES) - 1

#: The range drawn for each activation's output (a); unbounded ones get a range that covers usual values.
_A_RANGES: dict[str, tuple[float, float]] = {
    "sigmoid": (0.0, 1.0),
    "softmax": (0.0, 1.0),
    "step": (0.0, 1.0),
    "tanh": (-1.0, 1.0),
    "relu": (0.0, 4.0),
}
_A_DEFAULT_RANGE = (-4.0, 4.0)


def activation_edges(name: str) -> Array:
    """Fixed bin edges (A_BINS + 1,) for the outputs of activation ``name``."""
    lo, hi = _A_RANGES.get(name, _A_DEFAULT_RANGE)
    return np.linspace(lo, hi, A_BINS + 1)


def _linear_counts(x: Array, edges: Array) -> Array:
    """Counts (len(edges) - 1,) of the finite values of x in equal-width bins; outside values go to the end bins."""
    x = x[np.isfinite(x)]
    bins = len(edges) - 1
    lo, hi = float(edges[0]), float(edges[-1])
    # bincount on clipped indices: several times faster than np.histogram, and never drops a value.
    # Clipped as floats before the cast: a huge value cast to int first would wrap around.
    idx = np.clip((x - lo) * (bins / (hi - lo)), 0, bins - 1).astype(np.int64)
    return np.bincount(idx, minlength=bins)


def _log_counts(x: Array) -> tuple[Array, int]:
    """Counts (GRADIENT_BINS,) of log10|x| on GRADIENT_EDGES for the finite non-zero x, and the number of zeros."""
    x = x[np.isfinite(x)]
    nonzero = x[x != 0.0]
    with np.errstate(divide="ignore"):
        return _linear_counts(np.log10(np.abs(nonzero)), GRADIENT_EDGES), int(x.size - nonzero.size)


def _mean_std(x: Array) -> tuple[float, float]:
    """Mean and std of the finite values of x (NaN for none)."""
    x = x[np.isfinite(x)]
    if x.size == 0:
        return math.nan, math.nan
    return float(x.mean()), float(x.std())


@dataclass(frozen=True)
class Histogram:
    """Counts of one quantity's values on fixed edges.

    * ``counts`` (bins,): values per bin.
    * ``edges`` (bins + 1,): bin edges, in the quantity's units (activations) or log10|x| (gradients).
    * ``zeros``: exact zeros left out of a log histogram (0 for linear ones).
    * ``mean``, ``std``: over every finite value (not the bins).
    """

    counts: Array
    edges: Array
    zeros: int
    mean: float
    std: float


@dataclass(frozen=True)
class LayerStats:
    """The statistics of layer ``layer`` (1..L) over the record's n samples; m = sizes[layer].

    * ``a``, ``delta``, ``dW``: histograms of the outputs a[l], of δ[l] = ∂L/∂z[l] and of ∂L/∂W[l-1].
    * ``saturated`` (m,) bool: units with f'(z) < SATURATED_BELOW on every sample (False unless
      sigmoid/tanh); ``saturated_pct``: % of (sample, unit) values with f'(z) < SATURATED_BELOW,
      NaN for other activations.
    * ``dead`` (m,) bool: ReLU units whose output is 0 on every sample; ``dead_pct``: % of the
      layer's units that are dead, NaN for other activations.
    * ``grad_norm``: ‖(∂L/∂W[l-1], ∂L/∂b[l-1])‖, the Frobenius norm of the layer's gradient.
    """

    layer: int
    activation: str
    a: Histogram
    delta: Histogram
    dW: Histogram
    saturated: Array
    saturated_pct: float
    dead: Array
    dead_pct: float
    grad_norm: float


def saturation(name: str, z: Array, a: Array) -> tuple[Array, float]:
    """(units saturated on every sample (m,) bool, % of saturated values) for outputs a = f(z) (n, m)."""
    m = z.shape[1]
    if name not in SATURATING or z.shape[0] == 0:
        return np.zeros(m, dtype=bool), math.nan
    flat = act.derivative(name, z, a) < SATURATED_BELOW  # (n, m)
    return np.asarray(flat.all(axis=0)), 100.0 * float(flat.mean())


def dead_units(name: str, a: Array) -> tuple[Array, float]:
    """(units whose output is 0 on every sample (m,) bool, % of dead units) for ReLU outputs a (n, m)."""
    m = a.shape[1]
    if name not in DYING or a.shape[0] == 0:
        return np.zeros(m, dtype=bool), math.nan
    dead = ~np.any(a != 0.0, axis=0)
    return dead, 100.0 * float(dead.mean())


def layer_stats(net: Network, fwd: ForwardRecord, grads: GradientRecord) -> tuple[LayerStats, ...]:
    """Statistics of every layer 1..L of ``net`` for the forward and backward records of one batch."""
    out = []
    with np.errstate(over="ignore", invalid="ignore"):
        for l in range(1, net.n_layers + 1):
            name = net.activations[l - 1]
            a, z, delta, dW = fwd.a[l], fwd.z[l], grads.delta[l], grads.dW[l - 1]
            a_hist = Histogram(
                _linear_counts(a.ravel(), activation_edges(name)), activation_edges(name), 0, *_mean_std(a)
            )
            d_counts, d_zeros = _log_counts(delta.ravel())
            w_counts, w_zeros = _log_counts(dW.ravel())
            saturated, saturated_pct = saturation(name, z, a)
            dead, dead_pct = dead_units(name, a)
            db = grads.db[l - 1]
            norm = math.sqrt(float(np.vdot(dW, dW)) + float(np.vdot(db, db)))
            out.append(
                LayerStats(
                    layer=l,
                    activation=name,
                    a=a_hist,
                    delta=Histogram(d_counts, GRADIENT_EDGES, d_zeros, *_mean_std(delta)),
                    dW=Histogram(w_counts, GRADIENT_EDGES, w_zeros, *_mean_std(dW)),
                    saturated=saturated,
                    saturated_pct=saturated_pct,
                    dead=dead,
                    dead_pct=dead_pct,
                    grad_norm=norm,
                )
            )
    return tuple(out)


def training_set_stats(net: Network, X: Array, Y: Array) -> tuple[LayerStats, ...]:
    """:func:`layer_stats` of one forward and backward pass of ``net`` on X (n, inputs), Y (n, outputs)."""
    fwd = net.forward(X)
    return layer_stats(net, fwd, net.backward(fwd, Y))


def update_ratio_log10(before: Sequence[Array], after: Sequence[Array]) -> Array:
    """log10(‖W_after - W_before‖ / ‖W_before‖) per layer (L,), from two lists of weight matrices.

    -inf where nothing changed, NaN where the weights before were all zero (no ratio
    exists) or a value is not finite.  The usual rule of thumb: about -3 is healthy;
    far below, the layer hardly learns; far above, the steps are too large.
    """
    out = np.full(len(before), math.nan)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        for k, (w0, w1) in enumerate(zip(before, after, strict=True)):
            d = w1 - w0
            base = math.sqrt(float(np.vdot(w0, w0)))
            step = math.sqrt(float(np.vdot(d, d)))
            if base > 0.0 and math.isfinite(base) and math.isfinite(step):
                out[k] = math.log10(step / base) if step > 0.0 else -math.inf
    return out
