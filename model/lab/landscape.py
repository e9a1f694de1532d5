"""The loss landscape of a network: the loss over a grid of two parameters, and a 1-D slice along the gradient.

The grid is one vectorised pass: the G = n1·n2 copies of the network that differ
only in the two chosen parameters are stacked on a leading axis.  Layers before
the first chosen parameter are computed once (they are the same for every grid
point); from there on the activations carry the grid axis, (G, n, width).  A
layer whose weights are shared by the whole grid is one (G·n, in) @ (in, out)
matrix product; the layer holding a chosen weight is one (n, in) @ (in, G·out)
product.  The grid is cut into chunks so the stacked activations stay about 256 KB (in cache).

Parameters are named as in :mod:`model.gradcheck`: ("W", k, i, j) is weight
(k, i, j) from node (k, i) to node (k+1, j); ("b", k, -1, j) the bias of node (k+1, j).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .. import activations as act
from ..losses import stacked_values
from ..network import Network

Array = np.ndarray
ParamKey = tuple[str, int, int, int]

#: Elements of one stacked activation array per chunk: 256 KB of float64 stays in L2 cache
#: (spiral benchmark, first-layer pair, one thread: 131K-element chunks 1773 ms, 32K 530 ms, 8K 684 ms).
CHUNK_ELEMENTS = 32_768
#: Largest grid side the lab computes.
MAX_SIDE = 256


def _check_key(net: Network, key: ParamKey) -> None:
    kind, k, i, j = key
    ok = 0 <= k < net.n_layers and 0 <= j < net.sizes[k + 1]
    if kind == "W":
        ok = ok and 0 <= i < net.sizes[k]
    elif kind == "b":
        ok = ok and i == -1 and net.bias[k]
    else:
        ok = False
    if not ok:
        raise ValueError(f"the network has no parameter {key}")


def parameter_value(net: Network, key: ParamKey) -> float:
    _check_key(net, key)
    kind, k, i, j = key
    return float(net.weights[k][i, j] if kind == "W" else net.biases[k][j])


def stacked_losses(net: Network, X: Array, T: Array, weights: list[Array], biases: list[Array]) -> Array:
    """The loss of G networks that share ``net``'s structure, in one pass.

    * ``weights[k]``: (in, out) shared by all, or (G, in, out) one per network; ``biases[k]``: (out,) or (G, out).
    * ``X`` (n, sizes[0]) inputs, ``T`` (n, sizes[-1]) float targets (``net.targets(Y)``).

    Returns (G,) losses, each the mean batch loss :meth:`Network.loss_value` gives for that network.
    """
    G = max([w.shape[0] for w in weights if w.ndim == 3] + [b.shape[0] for b in biases if b.ndim == 2] + [1])
    a: Array = np.asarray(X, dtype=np.float64)  # (n, width) while shared, then (G, n, width)
    n = a.shape[0]
    z = a
    with np.errstate(all="ignore"):
        for k in range(net.n_layers):
            W, b = weights[k], biases[k]
            out = W.shape[-1]
            if a.ndim == 2 and W.ndim == 2:
                z = a @ W
            elif a.ndim == 2:  # the first stacked layer: one product with the grid laid along the columns
                z = (a @ W.transpose(1, 0, 2).reshape(W.shape[1], -1)).reshape(n, G, out).transpose(1, 0, 2)
            elif W.ndim == 2:
                z = (a.reshape(-1, a.shape[-1]) @ W).reshape(G, n, out)
            else:
                z = np.matmul(a, W)
            if net.bias[k]:  # a bias-less layer ignores its (zero) biases, as the network does
                z = z + (b[:, None, :] if b.ndim == 2 else b)
            flat = z.reshape(-1, out)  # activations act row-wise (softmax) or elementwise
            a = act.apply(net.activations[k], flat).reshape(z.shape)
    if a.ndim == 2:
        a, z = np.broadcast_to(a, (G, *a.shape)), np.broadcast_to(z, (G, *z.shape))
    return stacked_values(net.loss, z, a, np.asarray(T, dtype=np.float64))


def loss_grid(net: Network, X: Array, Y: Array, p1: ParamKey, p2: ParamKey, axis1: Array, axis2: Array) -> Array:
    """The loss with p1 set to each value of ``axis1`` (n1,) and p2 to each of ``axis2`` (n2,).

    Returns (n2, n1): row r, column c has p1 = axis1[c], p2 = axis2[r] (image order: p1 across, p2 up).
    Every other parameter keeps its value; the network itself is not changed.
    """
    for key in (p1, p2):
        _check_key(net, key)
    if p1 == p2:
        raise ValueError("pick two different parameters")
    axis1, axis2 = np.asarray(axis1, dtype=np.float64), np.asarray(axis2, dtype=np.float64)
    if not (1 <= axis1.size <= MAX_SIDE and 1 <= axis2.size <= MAX_SIDE):
        raise ValueError(f"each side of the grid needs 1 to {MAX_SIDE} points")
    X = np.atleast_2d(np.asarray(X, dtype=np.float64))
    T = net.targets(Y)
    V1, V2 = np.meshgrid(axis1, axis2)  # (n2, n1)
    v1, v2 = V1.ravel(), V2.ravel()  # (G,)
    G = v1.size
    width = max(net.sizes[1:])
    chunk = max(1, CHUNK_ELEMENTS // max(1, len(X) * width))
    out = np.empty(G)
    for start in range(0, G, chunk):
        sl = slice(start, min(G, start + chunk))
        weights: list[Array] = list(net.weights)
        biases: list[Array] = list(net.biases)
        for key, vals in ((p1, v1[sl]), (p2, v2[sl])):
            kind, k, i, j = key
            arrays = weights if kind == "W" else biases
            if arrays[k].ndim == (2 if kind == "W" else 1):  # first change in this layer: stack it
                arrays[k] = np.broadcast_to(arrays[k], (len(vals), *arrays[k].shape)).copy()
            if kind == "W":
                arrays[k][:, i, j] = vals
            else:
                arrays[k][:, j] = vals
        out[sl] = stacked_losses(net, X, T, weights, biases)
    return out.reshape(V1.shape)


@dataclass(frozen=True)
class Landscape:
    """The loss around the network's current point in the plane of two parameters.

    * ``axis1`` (n,), ``axis2`` (n,): the values of p1 and p2; ``losses`` (n, n), rows = p2, columns = p1.
    * ``center``: the current (p1, p2); ``center_loss``: the loss there.
    * ``grad``: (∂L/∂p1, ∂L/∂p2) by backprop at the centre (the −∇ arrow is −grad).
    """

    p1: ParamKey
    p2: ParamKey
    axis1: Array
    axis2: Array
    losses: Array
    center: tuple[float, float]
    center_loss: float
    grad: tuple[float, float]


def _gradient_of(net: Network, X: Array, Y: Array, key: ParamKey) -> float:
    g = net.backward(net.forward(X), Y)
    kind, k, i, j = key
    return float(g.dW[k][i, j] if kind == "W" else g.db[k][j])


def landscape(
    net: Network, X: Array, Y: Array, p1: ParamKey, p2: ParamKey, span: float = 1.0, n: int = 64
) -> Landscape:
    """The loss on an n×n grid of p1, p2 within ±span of their current values."""
    if not (math.isfinite(span) and span > 0):
        raise ValueError("the range must be a finite number > 0")
    c1, c2 = parameter_value(net, p1), parameter_value(net, p2)
    a1, a2 = np.linspace(c1 - span, c1 + span, n), np.linspace(c2 - span, c2 + span, n)
    X = np.atleast_2d(np.asarray(X, dtype=np.float64))
    losses = loss_grid(net, X, Y, p1, p2, a1, a2)
    center = net.loss_value(net.forward(X), net.targets(Y))
    grad = (_gradient_of(net, X, Y, p1), _gradient_of(net, X, Y, p2))
    return Landscape(p1, p2, a1, a2, losses, (c1, c2), center, grad)


def largest_gradient_pair(net: Network, X: Array, Y: Array) -> tuple[ParamKey, ParamKey]:
    """The two parameters with the largest |∂L/∂p| (ties: the network's order)."""
    g = net.backward(net.forward(np.atleast_2d(np.asarray(X, dtype=np.float64))), Y)
    found: list[tuple[float, int, ParamKey]] = []
    for k in range(net.n_layers):
        for (i, j), v in np.ndenumerate(g.dW[k]):
            found.append((-abs(float(v)), len(found), ("W", k, int(i), int(j))))
        if net.bias[k]:
            for j, v in enumerate(g.db[k]):
                found.append((-abs(float(v)), len(found), ("b", k, -1, j)))
    if len(found) < 2:
        raise ValueError("the network has fewer than two parameters")
    found.sort()
    return found[0][2], found[1][2]


@dataclass(frozen=True)
class GradientSlice:
    """L(θ − t·g) along the whole gradient g, for t from 0 to 2·lr.

    * ``t`` (m,), ``losses`` (m,).
    * ``step_t``: the t that plain gradient descent takes (= lr); ``step_loss``: the loss there.
    * ``grad_norm``: |g|; ``slope``: dL/dt at t = 0, which is −|g|².
    """

    t: Array
    losses: Array
    step_t: float
    step_loss: float
    grad_norm: float
    slope: float


def gradient_slice(net: Network, X: Array, Y: Array, lr: float, m: int = 81) -> GradientSlice:
    """The loss along the current gradient direction, one stacked pass over the m values of t."""
    if not (math.isfinite(lr) and lr > 0):
        raise ValueError("the learning rate must be a finite number > 0")
    X = np.atleast_2d(np.asarray(X, dtype=np.float64))
    T = net.targets(Y)
    g = net.backward(net.forward(X), Y)
    t = np.linspace(0.0, 2.0 * lr, m)
    weights = [w[None] - t[:, None, None] * dw[None] for w, dw in zip(net.weights, g.dW, strict=True)]
    biases = [
        (b[None] - t[:, None] * db[None]) if flag else b for b, db, flag in zip(net.biases, g.db, net.bias, strict=True)
    ]
    losses = stacked_losses(net, X, T, weights, biases)
    sq = sum(float(np.vdot(d, d)) for d in g.dW) + sum(
        float(np.vdot(d, d)) for d, f in zip(g.db, net.bias, strict=True) if f
    )
    step = stacked_losses(
        net,
        X,
        T,
        [w - lr * dw for w, dw in zip(net.weights, g.dW, strict=True)],
        [b - lr * db if f else b for b, db, f in zip(net.biases, g.db, net.bias, strict=True)],
    )
    return GradientSlice(t, losses, lr, float(step[0]), math.sqrt(sq), -sq)
