"""Inverted dropout on hidden layers, as ``torch.nn.Dropout`` does it in training mode.

While training, each hidden unit's output is kept with probability 1 − p and
scaled by 1 / (1 − p), or dropped (set to 0) with probability p, afresh for
every sample of every step:  ã = a · m / (1 − p),  m ~ Bernoulli(1 − p).
The scale keeps the expected input of the next layer what it is without
dropout, so evaluation (validation, accuracy, the decision boundary) simply
uses the plain :meth:`Network.forward`: dropout is off there by construction.

The masks come from a seeded generator (reproducible runs).  Backprop runs
through the same mask: ∂L/∂a = ∂L/∂ã · m / (1 − p); a dropped unit gets no
gradient on that sample.  With the same masks the gradients equal torch's
(tests/model/test_dropout.py).

``rates`` has one entry per layer 1..L (p of that layer's outputs); the output
layer's entry must be 0 (dropping outputs would change what is predicted).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from . import activations as act
from .network import ForwardRecord, GradientRecord, Network

Array = np.ndarray


def check_rates(net: Network, rates: Sequence[float]) -> list[float]:
    """``rates`` as floats, one per layer 1..L, each in [0, 1), 0 for the output; ValueError otherwise."""
    out = [float(p) for p in rates]
    if len(out) != net.n_layers:
        raise ValueError(f"dropout needs one rate per layer ({net.n_layers}), got {len(out)}")
    if any(not 0.0 <= p < 1.0 for p in out):
        raise ValueError("a dropout rate must be at least 0 and below 1")
    if out[-1] != 0.0:
        raise ValueError("the output layer cannot use dropout")
    return out


def make_masks(rng: np.random.Generator, net: Network, rates: Sequence[float], n: int) -> list[Array | None]:
    """Keep-masks per layer 1..L: (n, sizes[l]) float 0/1 where the rate is > 0, else None."""
    return [
        (rng.random((n, net.sizes[l])) >= p).astype(np.float64) if p > 0.0 else None
        for l, p in enumerate(rates, start=1)
    ]


def forward(net: Network, X: Array, rates: Sequence[float], masks: Sequence[Array | None]) -> ForwardRecord:
    """The training-mode forward pass: ``a[l]`` is the *dropped and scaled* output ã that the next layer sees.

    ``z[l]`` is unchanged by dropout; the activation derivative needs the undropped f(z[l]), which
    :func:`backward` recomputes from z.
    """
    a = np.asarray(X, dtype=np.float64)
    zs, as_ = [a], [a]
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for k in range(net.n_layers):
            z, a = net.forward_layer(k, a)
            mask = masks[k]
            if mask is not None:
                a = a * mask * (1.0 / (1.0 - rates[k]))
            zs.append(z)
            as_.append(a)
    return ForwardRecord(tuple(zs), tuple(as_))


def backward(
    net: Network, fwd: ForwardRecord, Y: Array, rates: Sequence[float], masks: Sequence[Array | None]
) -> GradientRecord:
    """Gradients of the mean loss through the masks of :func:`forward` (same shapes as :meth:`Network.backward`).

    ``da[l]`` is ∂L/∂ã[l] (w.r.t. what the next layer saw), ``delta[l]`` = ∂L/∂z[l].
    """
    t = net.targets(Y)
    L = net.n_layers
    da: list[Array] = [np.empty(0)] * (L + 1)
    delta: list[Array] = [np.empty(0)] * (L + 1)
    dW: list[Array] = [np.empty(0)] * L
    db: list[Array] = [np.empty(0)] * L
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        da[L], delta[L] = net.output_delta(fwd, t)
        for l in range(L, 0, -1):
            k = l - 1
            dW[k] = fwd.a[k].T @ delta[l]
            db[k] = np.add.reduce(delta[l], axis=0) if net.bias[k] else np.zeros(net.sizes[l])
            da[k] = delta[l] @ net.weights[k].T
            if k == 0:
                delta[0] = da[0]  # dLoss/dX: the input is its own z
                continue
            mask = masks[k - 1]
            d_out = da[k] if mask is None else da[k] * mask * (1.0 / (1.0 - rates[k - 1]))
            name = net.activations[k - 1]
            a_plain = act.apply(name, fwd.z[k])  # the undropped output, for f'(z)
            delta[k] = act.backprop_through(name, fwd.z[k], a_plain, d_out)
        loss = net.loss_value(fwd, t)
    return GradientRecord(loss=loss, targets=t, da=tuple(da), delta=tuple(delta), dW=tuple(dW), db=tuple(db))
