"""Activation functions, each next to its local derivative.

Every function takes the pre-activation ``z`` (n, m), or (K, n, m) for K
stacked runs, and returns an array of the same shape.  Derivatives take both ``z`` and the already computed output
``a`` so that sigmoid and tanh can reuse ``a`` instead of recomputing it.
Softmax is the one activation whose Jacobian is not diagonal; it is handled
by :func:`backprop_through`, which every caller uses instead of multiplying
by the derivative directly.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

Array = np.ndarray

LEAKY_SLOPE = 0.01  # torch.nn.LeakyReLU's default negative_slope


def step(z: Array) -> Array:
    return (z > 0).astype(np.float64)


def d_step(z: Array, a: Array) -> Array:
    # The step is flat everywhere it is differentiable, so no gradient flows.
    return np.zeros_like(z)


def linear(z: Array) -> Array:
    return z


def d_linear(z: Array, a: Array) -> Array:
    return np.ones_like(z)


def sigmoid(z: Array, out: Array | None = None) -> Array:
    # 1 / (1 + e^-z) with -z capped at 700 so exp never overflows; below z = -700
    # the true value (< 1e-304) and ours differ by less than any double can show.
    t = np.negative(z, out=out)
    np.minimum(t, 700.0, out=t)
    np.exp(t, out=t)
    t += 1.0
    return np.reciprocal(t, out=t)


def d_sigmoid(z: Array, a: Array) -> Array:
    return a * (1.0 - a)


def tanh(z: Array, out: Array | None = None) -> Array:
    return np.tanh(z, out=out)


def d_tanh(z: Array, a: Array) -> Array:
    return 1.0 - a * a


def relu(z: Array, out: Array | None = None) -> Array:
    return np.maximum(z, 0.0, out=out)


def d_relu(z: Array, a: Array) -> Array:
    # 0 at z == 0, as torch does.
    return (z > 0).astype(np.float64)


def leaky_relu(z: Array) -> Array:
    return np.where(z > 0, z, LEAKY_SLOPE * z)


def d_leaky_relu(z: Array, a: Array) -> Array:
    return np.where(z > 0, 1.0, LEAKY_SLOPE)


def softmax(z: Array) -> Array:
    # Over the last axis, so that stacked runs (K, n, m) work as one run (n, m) does.
    shifted = z - z.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)


def d_softmax(z: Array, a: Array) -> Array:
    # Diagonal of the Jacobian only (for display); backprop uses the full product.
    return a * (1.0 - a)


FUNCTIONS: dict[str, tuple[Callable[[Array], Array], Callable[[Array, Array], Array]]] = {
    "step": (step, d_step),
    "linear": (linear, d_linear),
    "sigmoid": (sigmoid, d_sigmoid),
    "tanh": (tanh, d_tanh),
    "relu": (relu, d_relu),
    "leaky_relu": (leaky_relu, d_leaky_relu),
    "softmax": (softmax, d_softmax),
}

NAMES: tuple[str, ...] = tuple(FUNCTIONS)

#: Activations that only make sense on the output layer.
OUTPUT_ONLY = frozenset({"softmax"})


def apply(name: str, z: Array) -> Array:
    return FUNCTIONS[name][0](z)


#: Activations whose function writes into an ``out`` array (the same numbers as without).
WITH_OUT = frozenset({"sigmoid", "tanh", "relu"})


def apply_into(name: str, z: Array, out: Array) -> Array:
    """f(z) written into ``out`` (z's shape) where the function can (WITH_OUT), else a new array; linear is z."""
    if name in WITH_OUT:
        return FUNCTIONS[name][0](z, out)  # type: ignore[call-arg]
    return apply(name, z)


def derivative(name: str, z: Array, a: Array) -> Array:
    """Elementwise f'(z) (for softmax: the Jacobian's diagonal, for display)."""
    return FUNCTIONS[name][1](z, a)


def backprop_through(name: str, z: Array, a: Array, da: Array) -> Array:
    """dLoss/dz from dLoss/da (n, m) through the activation ``name``."""
    if name == "softmax":
        # J^T v for J = diag(a) - a a^T, row by row.
        return a * (da - (da * a).sum(axis=-1, keepdims=True))
    if name == "linear":
        return da
    return da * FUNCTIONS[name][1](z, a)


def backprop_through_into(name: str, z: Array, a: Array, da: Array, scratch: Array) -> Array:
    """:func:`backprop_through` written into ``da`` (n, m) or (K, n, m), with ``scratch`` (same shape) overwritten.

    The same operations in the same order as the derivatives above, so the same numbers, without the temporaries
    (the stacked runs' activations are large: model.run_pass).  Softmax and the rest fall back to the plain form.
    """
    if name == "linear":
        return da
    if name == "tanh":  # 1 - a²
        np.multiply(a, a, out=scratch)
        np.subtract(1.0, scratch, out=scratch)
    elif name == "sigmoid":  # a (1 - a)
        np.subtract(1.0, a, out=scratch)
        np.multiply(a, scratch, out=scratch)
    elif name == "relu":  # 1 where z > 0, else 0
        np.greater(z, 0.0, out=scratch)
    else:
        return backprop_through(name, z, a, da)
    result: Array = np.multiply(da, scratch, out=da)
    return result
