"""The decision boundary: one vectorised forward pass over a grid of the input plane.

After TensorFlow Playground: a res × res grid of points goes through the
network at once, which gives the output's map and, for free, every hidden
neuron's own map (the network view's thumbnails).

The matrices are small (10,000 × 8 by 8 × 8 for a 2-8-8-1 net at 100 × 100):
OpenBLAS's threads cost more than they bring there, 4–5× slower on two busy
cores than one thread (QT_NOTES.md).  The pass runs with BLAS limited to one
thread through threadpoolctl, for the pass only, never for the process.
A caller that redraws while training (Play) asks for a coarser grid and the
full one on pause.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .dataset import Dataset
from .network import Network

Array = np.ndarray

MARGIN = 0.15  # grid margin around the data, as a share of the data's span
#: Grid points per side: the full picture, and the coarser one while training plays.
RESOLUTION = 100
PLAY_RESOLUTION = 50


@dataclass(frozen=True)
class GridMaps:
    """One forward pass over a res × res grid of the input plane.

    * ``extent`` (x0, x1, y0, y1): the plane covered; pixel [i, j] is centred at
      x = x0 + (j + ½)·(x1 − x0)/res, y = y0 + (i + ½)·(y1 − y0)/res (row 0 at the bottom).
    * ``output`` (res, res) float32: the output for one output node; for several,
      the argmax class / (m − 1), so in [0, 1].
    * ``node_maps`` {(l, j): (res, res) float32}: output a of hidden node j of layer l (1..L−1).
    * ``levels`` (lo, hi): the range ``output`` is coloured over; ``n_outputs``: m.

    Non-finite values are replaced by 0.5, so nothing displays NaN.
    """

    extent: tuple[float, float, float, float]
    output: Array
    node_maps: dict[tuple[int, int], Array] = field(default_factory=dict)
    levels: tuple[float, float] = (0.0, 1.0)
    n_outputs: int = 1


#: Plot extents stay within ±this: far beyond what anyone can read, and far enough from float64's limit
#: (1.8e308) that a span, a margin or pyqtgraph's own range arithmetic cannot overflow to infinity.
PLOT_LIMIT = 1e300


def span(v: Array) -> tuple[float, float]:
    """(lo, hi) of the finite values of v (n,), widened by MARGIN of their span (±1 for one value).

    Clipped to ±PLOT_LIMIT first: data of -1.79e308 (a file written by hand) must not become an
    infinite span ("Cannot set range [-inf, ...]" from pyqtgraph).
    """
    v = v[np.isfinite(v)]
    if v.size == 0:
        return -1.0, 1.0
    lo = float(np.clip(v.min(), -PLOT_LIMIT, PLOT_LIMIT))
    hi = float(np.clip(v.max(), -PLOT_LIMIT, PLOT_LIMIT))
    pad = MARGIN * (hi - lo) if hi > lo else 1.0
    return lo - pad, hi + pad


def output_levels(network: Network, dataset: Dataset) -> tuple[float, float]:
    """The value range a single output is coloured over: (0, 1), (−1, 1) for tanh/±1, or the targets' range."""
    last = network.activations[-1]
    if last in ("sigmoid", "softmax", "step"):
        return 0.0, 1.0
    if last == "tanh":
        return -1.0, 1.0
    Y = dataset.Y[np.isfinite(dataset.Y)]
    if dataset.kind == "classification" or Y.size == 0:
        return (-1.0, 1.0) if Y.size and Y.min() < 0 else (0.0, 1.0)
    lo, hi = float(Y.min()), float(Y.max())
    return (lo, hi) if hi > lo else (lo - 0.5, lo + 0.5)


_controller: Any = None  # threadpoolctl.ThreadpoolController, made once: finding the libraries costs ~2 ms


def one_blas_thread() -> contextlib.AbstractContextManager[Any]:
    """A context in which BLAS uses one thread (a no-op without threadpoolctl).

    ``threadpool_limits(1)`` would look the libraries up again on every call
    (~2 ms); a controller made once limits them in microseconds.
    """
    global _controller
    if _controller is None:
        try:
            from threadpoolctl import ThreadpoolController
        except ImportError:
            _controller = False
        else:
            _controller = ThreadpoolController()
    if _controller is False:
        return contextlib.nullcontext()
    return _controller.limit(limits=1, user_api="blas")  # type: ignore[no-any-return]


def grid_forward(
    network: Network, dataset: Dataset, resolution: int = RESOLUTION, node_maps: bool = True
) -> GridMaps | None:
    """Forward the whole grid in one pass; None unless the data has exactly 2 inputs.

    Without ``node_maps`` (no thumbnails shown) the hidden layers' maps are not kept: for a
    6 x 32 network copying them was most of the pass.
    """
    if dataset.n_inputs != 2 or network.sizes[0] != 2:
        return None
    res = int(resolution)
    x0, x1 = span(dataset.X[:, 0])
    y0, y1 = span(dataset.X[:, 1])
    xs = x0 + (np.arange(res) + 0.5) * (x1 - x0) / res
    ys = y0 + (np.arange(res) + 0.5) * (y1 - y0) / res
    gx, gy = np.meshgrid(xs, ys)  # (res, res), rows follow y
    with np.errstate(all="ignore"), one_blas_thread():
        grid = np.column_stack([gx.ravel(), gy.ravel()])
        fwd = network.forward(grid) if node_maps else None
        out = fwd.output if fwd is not None else network.predict(grid)
        m = out.shape[1]
        if m == 1:
            z = out[:, 0]
            levels = output_levels(network, dataset)
        else:
            z = np.where(np.isfinite(out).all(axis=1), np.nan_to_num(out).argmax(axis=1) / (m - 1), np.nan)
            levels = (0.0, 1.0)
        output = np.nan_to_num(z.reshape(res, res).astype(np.float32), nan=0.5, posinf=0.5, neginf=0.5)
        maps: dict[tuple[int, int], Array] = {}
        hidden = fwd.a[1:-1] if fwd is not None else ()  # a[l] of the hidden layers l = 1..L-1
        for l, a_l in enumerate(hidden, start=1):
            a = a_l.astype(np.float32)
            stack = np.ascontiguousarray(np.nan_to_num(a, nan=0.5, posinf=0.5, neginf=0.5).T).reshape(-1, res, res)
            for j in range(stack.shape[0]):
                maps[(l, j)] = stack[j]
    return GridMaps((x0, x1, y0, y1), output, maps, levels, m)
