"""One training pass of K stacked runs: forward, loss and backward, with inverted dropout.

The maths is :mod:`model.network`'s and :mod:`model.dropout`'s, run on a
leading run axis: activations (K, n, m), weights (K, m_in, m_out), biases
(K, 1, m_out).  Run k's slice equals the single-run pass of a
:class:`~model.trainer.Trainer` (tests/model/test_runs.py checks it to 1e-12).

Memory layout: the per-layer arrays are (K, n, m) views of (n, K, m) memory
(:func:`sample_major`).  np.matmul still hands each run's (n, m) block to BLAS
(its rows are K·m apart), the elementwise activation maths follows the inputs'
layout, and the bias gradient, a sum over samples, becomes one pass of n
additions of (K·m) contiguous rows instead of K·n additions of m numbers:
about 6× faster for K = 16, m = 8, and the same numbers, because both add the
samples in order.

Dropout (torch.nn.Dropout's inverted form, see :mod:`model.dropout`): one
uniform draw (n, m) per hidden layer and step from the group's generator,
seeded as the Trainer seeds its own, so every run sees the masks its Trainer
would draw; run k keeps a unit where the draw is ≥ p_k and scales it by
1 / (1 − p_k).  With p_k = 0 every unit is kept with scale 1, which leaves the
numbers unchanged (×1.0 is exact), so runs with and without dropout share one
computation.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from . import activations as act
from .losses import values
from .network import output_delta

Array = np.ndarray
_add_reduce = np.add.reduce


#: Below this many rows per layer (K·n) the stacked arrays are small: their layout does not matter, and plain
#: allocations cost less than keeping buffers (XOR's 16 runs × 4 samples).
SAMPLE_MAJOR_FROM = 1024


def sample_major(k: int, n: int, m: int) -> Array:
    """An uninitialised (k, n, m) array stored as (n, k, m): see the module docstring."""
    return np.empty((n, k, m)).transpose(1, 0, 2)


class Workspace:
    """The hidden layers' arrays of one step, made once per (K, n) and reused by every step.

    Each is (K, n, sizes[l]) in sample-major memory, for the hidden layers l = 1..L-1 (index l - 1): the total
    input z, the output f(z), the output after dropout, dL/da, a scratch array and dropout's masks.  Reusing
    them is what makes the step cheap: a fresh array of this size (512 kB for 16 × 500 × 8) comes from and goes
    back to the kernel on every allocation (glibc maps blocks of 128 kB and more), a page fault per 4 kB touched,
    which made the stacked step 3× slower.  The arrays a step returns are never these (only within a step).
    """

    def __init__(self, k: int, n: int, sizes: Sequence[int], dropout: bool) -> None:
        self.key = (k, n)
        hidden = list(sizes[1:-1])
        self.z = [sample_major(k, n, m) for m in hidden]
        self.f = [sample_major(k, n, m) for m in hidden]
        self.da = [sample_major(k, n, m) for m in hidden]
        self.scratch = [sample_major(k, n, m) for m in hidden]
        self.seen = [sample_major(k, n, m) for m in hidden] if dropout else []
        self.keep = [sample_major(k, n, m) for m in hidden] if dropout else []
        self.kept = [np.empty((n, k, m), dtype=bool) for m in hidden] if dropout else []


def workspace(old: Workspace | None, k: int, n: int, sizes: Sequence[int], dropout: bool) -> Workspace | None:
    """``old`` if it fits K runs of n samples, else a new one; None where K·n is small (plain arrays then)."""
    if k * n < SAMPLE_MAJOR_FROM:
        return None
    if old is not None and old.key == (k, n) and (bool(old.keep) or not dropout):
        return old
    return Workspace(k, n, sizes, dropout)


def dropout_keep(
    rng: np.random.Generator, rates: Array, sizes: Sequence[int], n: int, ws: Workspace | None = None
) -> list[Array | None]:
    """Per layer 1..L: the kept units times 1 / (1 − p), (K, n, sizes[l]) float, for the hidden layers; None for
    the output layer (in ``ws``'s arrays when given).

    ``rates`` (K,) are the runs' dropout rates.  The draws are :func:`model.dropout.make_masks`'s, in its order
    (layer by layer, rng.random((n, sizes[l]))), so a run's mask is its Trainer's.  mask × scale is exactly the
    scale or 0, and a × (mask × scale) equals the Trainer's a × mask × scale bit for bit.
    """
    scale = (1.0 / (1.0 - rates))[None, :, None]  # (1, K, 1): the Trainer's 1.0 / (1.0 - p), per run
    thresholds = rates[None, :, None]
    keep: list[Array | None] = []
    for i, m in enumerate(sizes[1:-1]):
        draw = rng.random((n, m))[:, None, :]
        if ws is None:
            keep.append(((draw >= thresholds) * scale).transpose(1, 0, 2))  # (n, K, m) memory
        else:
            kept = np.greater_equal(draw, thresholds, out=ws.kept[i])
            keep.append(np.multiply(kept, scale, out=ws.keep[i].transpose(1, 0, 2)).transpose(1, 0, 2))
    keep.append(None)
    return keep


def train_pass(
    W: Sequence[Array],
    b: Sequence[Array],
    bias: Sequence[bool],
    names: Sequence[str],
    loss: str,
    X: Array,
    T: Array,
    keep: Sequence[Array | None] | None = None,
    ws: Workspace | None = None,
) -> tuple[Array, Array, list[Array], list[Array]]:
    """(loss (K,), output a[L] (K, n, m_L), dW[j] (K, m_j, m_j+1), db[j] (K, m_j+1)) for inputs X (n, m_0), float
    targets T (n, m_L), stacked weights W[j] and biases b[j] (K, 1, m_j+1).

    ``keep``: :func:`dropout_keep`'s masks (None: no dropout).  ``ws``: :func:`workspace`'s arrays for the hidden
    layers (None: fresh arrays).  The output is the dropped network's (the accuracy counted while training, as
    the Trainer counts it).  numpy's error state is the caller's.
    """
    L = len(W)
    k, n = len(W[0]), len(X)
    seen: list[Array] = [X]  # what each layer's weights see: the previous layer's output, dropped and scaled
    zs: list[Array] = [X]
    plain: list[Array] = [X]  # f(z) before dropout, for f'(z)
    a = X
    for j in range(L):
        hidden = ws is not None and j < L - 1
        m = W[j].shape[-1]
        z = np.matmul(a, W[j], out=ws.z[j] if hidden else sample_major(k, n, m))  # type: ignore[union-attr]
        if bias[j]:
            z += b[j]
        f = act.apply_into(names[j], z, ws.f[j]) if hidden else act.apply(names[j], z)  # type: ignore[union-attr]
        mask = None if keep is None else keep[j]
        if mask is None:
            a = f
        else:
            a = np.multiply(f, mask, out=ws.seen[j]) if hidden else f * mask  # type: ignore[union-attr]
        zs.append(z)
        plain.append(f)
        seen.append(a)
    output = seen[-1]
    value = values(loss, zs[-1], output, T)
    delta = output_delta(loss, names[-1], zs[-1], output, T)
    dW: list[Array] = [X] * L  # placeholders, all overwritten below
    db: list[Array] = [X] * L
    for j in range(L - 1, -1, -1):
        dW[j] = np.matmul(np.swapaxes(seen[j], -1, -2), delta)
        db[j] = _add_reduce(delta, axis=-2) if bias[j] else np.zeros((k, delta.shape[-1]))
        if not j:
            break
        out = ws.da[j - 1] if ws is not None else sample_major(k, n, W[j].shape[-2])
        if delta.shape[-1] == 1:  # one unit above: the product is an outer product, one multiplication per element
            da = np.multiply(delta, np.swapaxes(W[j], -1, -2), out=out)
        else:  # a contiguous W^T: stacked matmul falls back to a slow loop on a transposed view (the same numbers)
            da = np.matmul(delta, np.ascontiguousarray(np.swapaxes(W[j], -1, -2)), out=out)
        mask = None if keep is None else keep[j - 1]
        if mask is not None:
            da *= mask  # through the same mask and scale: a dropped unit gets no gradient on that sample
        # Into da: the derivative's temporaries would be as large as the layer (the same numbers either way).
        scratch = ws.scratch[j - 1] if ws is not None else np.empty_like(da)
        delta = act.backprop_through_into(names[j - 1], zs[j], plain[j], da, scratch)
    return value, output, dW, db
