"""Loss functions: value and the gradient that starts backprop.

All losses are means, as torch's default ``reduction="mean"``, over one run's
batch (n, m); K stacked runs (K, n, m) are K separate means:

* ``mse``: mean over every element of (y - t)^2, so one sample with one
  output gives dL/dy = 2 (y - t), as in the lecture notes.
* ``bce``: binary cross-entropy on a sigmoid output, mean over every element.
  Computed from the logits z so it stays finite when the sigmoid saturates.
* ``cross_entropy``: on a softmax output, mean over samples, targets one-hot
  (or class indices, converted by :func:`as_targets`).  Computed from z via
  log-softmax.
"""

from __future__ import annotations

import numpy as np

Array = np.ndarray

NAMES: tuple[str, ...] = ("mse", "bce", "cross_entropy")

#: The output activation each loss needs (None = any).
REQUIRED_OUTPUT = {"mse": None, "bce": "sigmoid", "cross_entropy": "softmax"}

_TINY = 1e-300  # keeps displayed dL/dy finite where a probability is exactly 0


def as_targets(loss: str, Y: Array, n_outputs: int) -> Array:
    """Targets as float64 (n, n_outputs); class indices become one-hot."""
    Y = np.asarray(Y)
    if loss == "cross_entropy" and (Y.ndim == 1 or (Y.ndim == 2 and Y.shape[1] == 1 and n_outputs > 1)):
        idx = Y.reshape(-1).astype(np.int64)
        onehot = np.zeros((idx.size, n_outputs))
        onehot[np.arange(idx.size), idx] = 1.0
        return onehot
    Y = np.asarray(Y, dtype=np.float64)  # no copy when it already is float64
    return Y.reshape(-1, n_outputs) if Y.ndim == 1 else Y


def _per_run_sum(x: Array) -> Array:
    """Sum over the last two axes (samples, outputs): a 0-d array for one run, (K,) for K stacked runs.

    One pairwise sum over each run's contiguous block, so a stacked run's loss equals its single-run loss.
    """
    x = np.ascontiguousarray(x)
    total: Array = np.add.reduce(x.reshape(x.shape[:-2] + (-1,)), axis=-1)
    return total


def values(loss: str, z: Array, a: Array, t: Array) -> Array:
    """The loss of outputs a = f(z) (..., n, m) against targets t (n, m): (K,) for K stacked runs, else 0-d."""
    n, m = z.shape[-2:]
    out: Array
    if loss == "mse":
        d = a - t
        out = _per_run_sum(d * d) / (n * m)
    elif loss == "bce":
        # max(z, 0) - z t + log(1 + e^-|z|)  ==  -(t log a + (1 - t) log(1 - a))
        out = _per_run_sum(np.maximum(z, 0.0) - z * t + np.log1p(np.exp(-np.abs(z)))) / (n * m)
    elif loss == "cross_entropy":
        shifted = z - z.max(axis=-1, keepdims=True)
        log_softmax = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
        out = -_per_run_sum(t * log_softmax) / n
    else:
        raise KeyError(loss)
    return out


def value(loss: str, z: Array, a: Array, t: Array) -> float:
    """The loss of outputs a = f(z) (n, m) against targets t (n, m)."""
    return float(values(loss, z, a, t))


def stacked_values(loss: str, z: Array, a: Array, t: Array) -> Array:
    """:func:`value` for G networks at once: z, a (G, n, m), t (n, m) -> (G,) losses.

    The loss landscape's name for :func:`values` (one implementation): each entry equals
    :func:`value` of that network bit for bit (tests/model/test_lab_landscape.py checks it).
    """
    return values(loss, z, a, t)


def output_gradient(loss: str, a: Array, t: Array) -> Array:
    """dLoss/da for the output a (n, m): what the inspector shows as dL/dy."""
    n, m = a.shape[-2:]  # per run: stacked runs (K, n, m) are each a mean over their own n × m
    if loss == "mse":
        d = a - t
        d *= 2.0 / (n * m)  # in place: d is a fresh array
        return d
    if loss == "bce":
        return fused_delta(loss, a, t) / np.maximum(a * (1.0 - a), _TINY)
    if loss == "cross_entropy":
        return -t / np.maximum(a, _TINY) / n
    raise KeyError(loss)


def fused_delta(loss: str, a: Array, t: Array) -> Array | None:
    """dLoss/dz for the loss's own output activation, exact and stable.

    For bce after sigmoid and cross_entropy after softmax the chain
    dL/da * da/dz collapses to (a - t) / N, which never divides by a
    saturated probability.  Returns None for losses without such a form.
    """
    if loss not in ("bce", "cross_entropy"):
        return None
    n, m = a.shape[-2:]
    d = a - t
    d *= 1.0 / (n * m if loss == "bce" else n)  # in place: d is a fresh array
    return d
