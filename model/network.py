"""The multilayer perceptron: parameters, forward and backward passes.

Vocabulary (after TensorFlow Playground's nn.ts), with L = number of layers
after the input and n = number of samples:

* layer l = 0..L; layer 0 is the input.  Node (l, j) is node j of layer l.
* ``weights[k]`` (sizes[k], sizes[k+1]): [i, j] is the weight from node i of
  layer k to node j of layer k+1.  Weight (k, i, j).
* ``biases[k]`` (sizes[k+1],): the bias of node j of layer k+1; stays 0 and
  is never updated where ``bias[k]`` is False.
* ``activations[k]``: the activation of layer k+1.

The parameters are the only mutable state; forward and backward return frozen
records so that views can keep the last ones without copying.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import activations as act
from . import losses
from .messages import Message

Array = np.ndarray

INITS: tuple[str, ...] = ("xavier", "he", "uniform", "zeros")


def _divergence_ok() -> np.errstate:
    """numpy error settings for the passes.

    A diverging network overflows to inf or NaN; the trainer reads that from
    the loss and stops with a message.  numpy's RuntimeWarnings about it would
    only be noise (or an exception where warnings are errors).
    """
    return np.errstate(over="ignore", invalid="ignore", divide="ignore")


#: Sane limits for the editor and the file loader.
MAX_HIDDEN_LAYERS = 10
MAX_NEURONS = 128


class NetworkError(ValueError):
    """A structural request the network refuses (bad size, name, limit); ``message`` says why, as a code."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class ForwardRecord:
    """Everything the forward pass computed, layer by layer.

    ``z[l]`` and ``a[l]`` are (n, sizes[l]) for l = 0..L: the total input of
    each node and its output.  Layer 0 is the input, z[0] = a[0] = X.
    """

    z: tuple[Array, ...]
    a: tuple[Array, ...]

    @property
    def output(self) -> Array:
        """The network's output a[L] (n, sizes[-1])."""
        return self.a[-1]


@dataclass(frozen=True)
class GradientRecord:
    """Everything the backward pass computed.

    * ``loss``: the mean loss over the batch.
    * ``targets``: the targets as float (n, sizes[-1]).
    * ``da[l]`` (n, sizes[l]): dLoss/da[l], the derivative w.r.t. a node's output.
    * ``delta[l]`` (n, sizes[l]): dLoss/dz[l]; delta[0] = dLoss/dX.
    * ``dW[k]``, ``db[k]``: dLoss/dweights[k], dLoss/dbiases[k], shaped like
      the parameters (db[k] is 0 where layer k+1 has no bias).
    """

    loss: float
    targets: Array
    da: tuple[Array, ...]
    delta: tuple[Array, ...]
    dW: tuple[Array, ...]
    db: tuple[Array, ...]


def _as_bias_flags(bias: bool | Sequence[bool], n_layers: int) -> list[bool]:
    if isinstance(bias, (bool, np.bool_)):
        return [bool(bias)] * n_layers
    flags = [bool(b) for b in bias]
    if len(flags) != n_layers:
        raise NetworkError(Message("bias_flag_count", (n_layers, len(flags))))
    return flags


# ------------------------------------------------------ the maths on arrays
# Network's passes and the stacked runs of model.runs share these.  Each works
# on one run, a (n, m) batch with (m_in, m_out) weights, or on K stacked runs
# with a leading run axis, (K, n, m) and (K, m_in, m_out): np.matmul broadcasts
# the run axis, and every sum runs over the sample axis -2, so slice k of a
# stacked result equals the single-run result bit for bit.
_EMPTY = np.empty(0)


def layer_forward(W: Array, b: Array | None, activation: str, a_prev: Array) -> tuple[Array, Array]:
    """z and a (..., n, m_out) of one layer from a_prev (n, m_in) or (K, n, m_in).

    ``W`` (..., m_in, m_out); ``b`` broadcasting against z ((m_out,) or (K, 1, m_out)), None without a bias.
    """
    z = np.matmul(a_prev, W)
    if b is not None:
        z += b  # z is a fresh matmul result: adding in place is safe
    return z, act.apply(activation, z)


def output_delta(loss: str, activation: str, z: Array, a: Array, t: Array, da: Array | None = None) -> Array:
    """dLoss/dz (..., n, m) of the output layer for float targets t (n, m); ``da`` = dLoss/da if already known."""
    delta = losses.fused_delta(loss, a, t)
    if delta is None:
        if da is None:
            da = losses.output_gradient(loss, a, t)
        delta = act.backprop_through(activation, z, a, da)
    return delta


def layer_backward(
    W: Array,
    has_bias: bool,
    z_prev: Array,
    a_prev: Array,
    activation_prev: str | None,
    delta: Array,
    input_grad: bool = True,
) -> tuple[Array, Array, Array, Array]:
    """Backprop through one layer's weights ``W`` (..., m_in, m_out).

    From delta (..., n, m_out) and the layer below's z_prev, a_prev (..., n, m_in)
    (its activation ``activation_prev``, None for the input) returns dW (..., m_in,
    m_out), db (..., m_out) (zeros without a bias), da_prev and delta_prev (..., n, m_in).
    Training needs no dLoss/dX: with ``input_grad`` False the first layer returns
    empty arrays for those two instead of computing them.
    """
    dW = np.matmul(np.swapaxes(a_prev, -1, -2), delta)
    # The sum over samples, as the training pass sums it (Network.train_pass): the same numbers on every path.
    db = np.add.reduce(delta, axis=-2) if has_bias else np.zeros(delta.shape[:-2] + delta.shape[-1:])
    if activation_prev is None and not input_grad:
        return dW, db, _EMPTY, _EMPTY
    # A contiguous W^T: stacked matmul falls back to a slow loop on a transposed view (the same numbers).
    da_prev = np.matmul(delta, np.ascontiguousarray(np.swapaxes(W, -1, -2)))
    if activation_prev is None:
        delta_prev = da_prev  # dLoss/dX: the input is its own z
    else:
        delta_prev = act.backprop_through(activation_prev, z_prev, a_prev, da_prev)
    return dW, db, da_prev, delta_prev


class Network:
    """A fully connected feed-forward network with per-layer activation and bias."""

    def __init__(
        self,
        sizes: Sequence[int],
        activations: Sequence[str] | None = None,
        loss: str = "mse",
        bias: bool | Sequence[bool] = True,
        seed: int = 0,
        init: str = "xavier",
        weights: Sequence[Array] | None = None,
        biases: Sequence[Array] | None = None,
    ) -> None:
        sizes = [int(s) for s in sizes]
        if len(sizes) < 2:
            raise NetworkError(Message("needs_input_and_output"))
        if len(sizes) - 2 > MAX_HIDDEN_LAYERS:
            raise NetworkError(Message("too_many_hidden_layers", (MAX_HIDDEN_LAYERS,)))
        for s in sizes:
            if not 1 <= s <= MAX_NEURONS:
                raise NetworkError(Message("layer_size", (MAX_NEURONS, s)))
        n_layers = len(sizes) - 1
        if activations is None:
            activations = ["sigmoid"] * n_layers
        if len(activations) != n_layers:
            raise NetworkError(Message("activation_count", (n_layers, len(activations))))
        if init not in INITS:
            raise NetworkError(Message("unknown_init", (repr(init), ", ".join(INITS))))
        self.sizes = sizes
        self.activations = [str(a) for a in activations]
        self.loss = loss
        self.bias = _as_bias_flags(bias, n_layers)
        self.seed = int(seed)
        self.init = init
        self._validate_names()
        if weights is None:
            self.reinitialise()
        else:
            self.weights = [np.array(w, dtype=np.float64) for w in weights]
            self.biases = (
                [np.array(b, dtype=np.float64) for b in biases]
                if biases is not None
                else [np.zeros(s) for s in sizes[1:]]
            )
            self._validate_parameters()
            for k, flag in enumerate(self.bias):
                if not flag:
                    self.biases[k][:] = 0.0

    # ------------------------------------------------------------------ checks
    def _validate_names(self) -> None:
        for k, name in enumerate(self.activations):
            if name not in act.FUNCTIONS:
                raise NetworkError(Message("unknown_activation", (repr(name), ", ".join(act.NAMES))))
            if name in act.OUTPUT_ONLY and k != len(self.activations) - 1:
                raise NetworkError(Message("output_only_activation", (name,)))
        if self.loss not in losses.NAMES:
            raise NetworkError(Message("unknown_loss", (repr(self.loss), ", ".join(losses.NAMES))))
        need = losses.REQUIRED_OUTPUT[self.loss]
        if need is not None and self.activations[-1] != need:
            raise NetworkError(Message("loss_needs_output", (self.loss, need)))
        if self.loss == "cross_entropy" and self.sizes[-1] < 2:
            # A one-unit softmax always outputs 1: the loss and every gradient would be 0.
            raise NetworkError(Message("cross_entropy_one_output"))

    def _validate_parameters(self) -> None:
        L = len(self.sizes) - 1
        if len(self.weights) != L or len(self.biases) != L:
            raise NetworkError(Message("parameter_count", (L,)))
        for k in range(L):
            want = (self.sizes[k], self.sizes[k + 1])
            if self.weights[k].shape != want:
                raise NetworkError(Message("weight_shape", (f"[{k}]", want, self.weights[k].shape)))
            if self.biases[k].shape != (self.sizes[k + 1],):
                raise NetworkError(Message("bias_shape", (f"[{k}]", (self.sizes[k + 1],))))
            if not (np.isfinite(self.weights[k]).all() and np.isfinite(self.biases[k]).all()):
                raise NetworkError(Message("not_finite_parameter", (k + 1,)))

    # ------------------------------------------------------------- properties
    @property
    def n_layers(self) -> int:
        """Number of layers after the input (L)."""
        return len(self.sizes) - 1

    def is_finite(self) -> bool:
        return all(np.isfinite(w).all() for w in self.weights) and all(np.isfinite(b).all() for b in self.biases)

    # --------------------------------------------------------- initialisation
    def _init_layer(self, rng: np.random.Generator, fan_in: int, fan_out: int) -> tuple[Array, Array]:
        """One weight matrix (fan_in, fan_out) and bias (fan_out,) by self.init."""
        if self.init == "zeros":
            return np.zeros((fan_in, fan_out)), np.zeros(fan_out)
        if self.init == "uniform":
            return rng.uniform(-0.5, 0.5, (fan_in, fan_out)), rng.uniform(-0.5, 0.5, fan_out)
        if self.init == "he":
            return rng.normal(0.0, np.sqrt(2.0 / fan_in), (fan_in, fan_out)), np.zeros(fan_out)
        limit = np.sqrt(6.0 / (fan_in + fan_out))  # Glorot uniform
        return rng.uniform(-limit, limit, (fan_in, fan_out)), np.zeros(fan_out)

    def reinitialise(self, seed: int | None = None, init: str | None = None) -> None:
        """Fresh parameters from ``seed`` (default: self.seed): same seed, same start."""
        if seed is not None:
            self.seed = int(seed)
        if init is not None:
            if init not in INITS:
                raise NetworkError(Message("unknown_init", (repr(init), ", ".join(INITS))))
            self.init = init
        rng = np.random.default_rng(self.seed)
        self.weights, self.biases = [], []
        for k in range(self.n_layers):
            w, b = self._init_layer(rng, self.sizes[k], self.sizes[k + 1])
            self.weights.append(w)
            self.biases.append(b if self.bias[k] else np.zeros_like(b))

    # ---------------------------------------------------------------- forward
    # Each public pass enters numpy's errstate once (a diverging net overflows to
    # inf, which the trainer reads from the loss); the _unguarded helpers do the maths.
    def _forward_layer(self, k: int, a_prev: Array) -> tuple[Array, Array]:
        return layer_forward(self.weights[k], self.biases[k] if self.bias[k] else None, self.activations[k], a_prev)

    def forward_layer(self, k: int, a_prev: Array) -> tuple[Array, Array]:
        """z and a (n, sizes[k+1]) of layer k+1 from the outputs a_prev (n, sizes[k])."""
        with _divergence_ok():
            return self._forward_layer(k, a_prev)

    def forward(self, X: Array) -> ForwardRecord:
        """Run X (n, sizes[0]) through every layer; see :class:`ForwardRecord`."""
        a = np.asarray(X, dtype=np.float64)
        if a.ndim == 1:
            a = a.reshape(1, -1)
        zs, as_ = [a], [a]
        with _divergence_ok():
            for k in range(self.n_layers):
                z, a = self._forward_layer(k, a)
                zs.append(z)
                as_.append(a)
        return ForwardRecord(tuple(zs), tuple(as_))

    def predict(self, X: Array) -> Array:
        """Only the output (n, sizes[-1]), without keeping the intermediate layers."""
        a = np.asarray(X, dtype=np.float64)
        with _divergence_ok():
            for k in range(self.n_layers):
                a = self._forward_layer(k, a)[1]
        return a

    # --------------------------------------------------------------- backward
    def targets(self, Y: Array) -> Array:
        """Y as float targets (n, sizes[-1]); class indices become one-hot."""
        return losses.as_targets(self.loss, Y, self.sizes[-1])

    def loss_value(self, fwd: ForwardRecord, t: Array) -> float:
        with _divergence_ok():
            return losses.value(self.loss, fwd.z[-1], fwd.a[-1], t)

    def _output_delta(self, fwd: ForwardRecord, t: Array) -> tuple[Array, Array]:
        a = fwd.a[-1]
        da = losses.output_gradient(self.loss, a, t)
        return da, output_delta(self.loss, self.activations[-1], fwd.z[-1], a, t, da)

    def output_delta(self, fwd: ForwardRecord, t: Array) -> tuple[Array, Array]:
        """(dLoss/da[L], dLoss/dz[L]), both (n, sizes[-1]), for float targets t."""
        with _divergence_ok():
            return self._output_delta(fwd, t)

    def _backward_layer(self, l: int, fwd: ForwardRecord, delta: Array) -> tuple[Array, Array, Array, Array]:
        k = l - 1
        below = None if k == 0 else self.activations[k - 1]
        return layer_backward(self.weights[k], self.bias[k], fwd.z[k], fwd.a[k], below, delta)

    def backward_layer(self, l: int, fwd: ForwardRecord, delta: Array) -> tuple[Array, Array, Array, Array]:
        """Backprop through the weights into layer l (1..L).

        From delta[l] (n, sizes[l]) returns dW[l-1] (sizes[l-1], sizes[l]),
        db[l-1] (sizes[l],), da[l-1] and delta[l-1] (n, sizes[l-1]).
        """
        with _divergence_ok():
            return self._backward_layer(l, fwd, delta)

    def backward(self, fwd: ForwardRecord, Y: Array) -> GradientRecord:
        """Gradients of the mean loss for the batch in ``fwd`` against targets Y (n, sizes[-1])."""
        t = self.targets(Y)
        L = self.n_layers
        da: list[Array] = [np.empty(0)] * (L + 1)
        delta: list[Array] = [np.empty(0)] * (L + 1)
        dW: list[Array] = [np.empty(0)] * L
        db: list[Array] = [np.empty(0)] * L
        with _divergence_ok():
            da[L], delta[L] = self._output_delta(fwd, t)
            for l in range(L, 0, -1):
                dW[l - 1], db[l - 1], da[l - 1], delta[l - 1] = self._backward_layer(l, fwd, delta[l])
            loss = losses.value(self.loss, fwd.z[-1], fwd.a[-1], t)
        return GradientRecord(
            loss=loss,
            targets=t,
            da=tuple(da),
            delta=tuple(delta),
            dW=tuple(dW),
            db=tuple(db),
        )

    def train_pass(
        self, X: Array, t: Array, guard: bool = True, out: tuple[list[Array], list[Array | None]] | None = None
    ) -> tuple[float, Array, list[Array], list[Array]]:
        """What one training step needs, and nothing the display alone needs.

        For inputs X (n, sizes[0]) and float targets t (n, sizes[-1]) (see
        :meth:`targets`) returns the mean loss, the output a[L] (n, sizes[-1])
        and the gradients dW[k], db[k] shaped like the parameters.  The same
        arithmetic as :meth:`forward` then :meth:`backward`, bit for bit, without
        dLoss/da (the inspector's dL/dy), dLoss/dX or the frozen records.
        ``guard=False`` leaves numpy's error state to the caller (the trainer
        enters it once per step).  ``out`` = (dW, db): arrays to write the
        gradients into (views of the trainer's flat buffer, see
        :class:`model.optimizers.FlatParams`); None in db where a layer has no bias.
        """
        if guard:
            with _divergence_ok():
                return self._train_pass(X, t, out)
        return self._train_pass(X, t, out)

    def _train_pass(
        self, X: Array, t: Array, out: tuple[list[Array], list[Array | None]] | None
    ) -> tuple[float, Array, list[Array], list[Array]]:
        L = self.n_layers
        weights, biases, bias, names = self.weights, self.biases, self.bias, self.activations
        functions = act.FUNCTIONS
        zs: list[Array] = [X]
        as_: list[Array] = [X]
        dW: list[Array] = [X] * L  # placeholders, all overwritten below
        db: list[Array] = [X] * L
        a = z = X
        for k in range(L):
            z = a @ weights[k]
            if bias[k]:
                z += biases[k]  # z is a fresh matmul result: adding in place is safe
            a = functions[names[k]][0](z)
            zs.append(z)
            as_.append(a)
        delta = losses.fused_delta(self.loss, a, t)
        if delta is None:
            delta = act.backprop_through(names[-1], z, a, losses.output_gradient(self.loss, a, t))
        for k in range(L - 1, -1, -1):
            if out is None:
                dW[k] = as_[k].T @ delta
                db[k] = np.add.reduce(delta, axis=0) if bias[k] else np.zeros(self.sizes[k + 1])
            else:  # the same products, written where the update reads them
                dW[k] = np.matmul(as_[k].T, delta, out=out[0][k])
                gb = out[1][k]
                db[k] = np.add.reduce(delta, axis=0, out=gb) if gb is not None else np.zeros(self.sizes[k + 1])
            if k:
                delta = act.backprop_through(names[k - 1], zs[k], as_[k], delta @ weights[k].T)
        return losses.value(self.loss, z, a, t), a, dW, db

    # --------------------------------------------------------- state & copies
    def state(self) -> dict:
        """A deep copy of everything that defines the network (for undo and files)."""
        return {
            "sizes": list(self.sizes),
            "activations": list(self.activations),
            "loss": self.loss,
            "bias": list(self.bias),
            "seed": self.seed,
            "init": self.init,
            "weights": [w.copy() for w in self.weights],
            "biases": [b.copy() for b in self.biases],
        }

    def restore(self, state: dict) -> None:
        """Become exactly the network ``state`` describes (the inverse of :meth:`state`)."""
        self.sizes = list(state["sizes"])
        self.activations = list(state["activations"])
        self.loss = state["loss"]
        self.bias = list(state["bias"])
        self.seed = state["seed"]
        self.init = state["init"]
        self.weights = [w.copy() for w in state["weights"]]
        self.biases = [b.copy() for b in state["biases"]]

    def copy(self) -> Network:
        clone = Network.__new__(Network)
        clone.restore(self.state())
        return clone

    # -------------------------------------------------------------- structure
    def _fresh(self, fan_in: int, fan_out: int, salt: int) -> tuple[Array, Array]:
        # Deterministic per structure edit, so redo after undo gives the same numbers.
        rng = np.random.default_rng([self.seed, salt, fan_in, fan_out])
        return self._init_layer(rng, fan_in, fan_out)

    def set_activation(self, k: int, name: str) -> None:
        """Set activations[k] (layer k+1), keeping the loss compatible."""
        old = self.activations[k]
        self.activations[k] = name
        try:
            self._validate_names()
        except NetworkError:
            self.activations[k] = old
            raise

    def set_loss(self, name: str) -> None:
        """Use loss ``name``, giving the output layer the activation the loss needs.

        bce needs sigmoid and cross_entropy softmax (losses.REQUIRED_OUTPUT); leaving
        them for a loss without a requirement turns a one-unit softmax (always 1) into
        sigmoid.  Refused (NetworkError, nothing changed) e.g. for cross_entropy on one output.
        """
        old_loss, old_act = self.loss, self.activations[-1]
        need = losses.REQUIRED_OUTPUT.get(name)
        if need is not None:
            self.activations[-1] = need
        elif old_act == "softmax" and self.sizes[-1] == 1:
            self.activations[-1] = "sigmoid"
        self.loss = name
        try:
            self._validate_names()
        except NetworkError:
            self.loss, self.activations[-1] = old_loss, old_act
            raise

    def reset_parameters(self, start: dict[str, Any]) -> None:
        """Weights and biases back to ``start`` (a :meth:`state`) wherever the shapes still match.

        Only parameters change: sizes, activations, loss and bias flags stay.  A layer
        whose shape changed since ``start`` (a layer added, an input added by new data)
        gets a fresh initialisation from the seed, the same every time.
        """
        old_w, old_b = start["weights"], start["biases"]
        for k in range(self.n_layers):
            shape = (self.sizes[k], self.sizes[k + 1])
            if k < len(old_w) and old_w[k].shape == shape:
                w, b = old_w[k].copy(), old_b[k].copy()
            else:
                w, b = self._fresh(shape[0], shape[1], 6000 + k)
            self.weights[k] = w
            self.biases[k] = b if self.bias[k] else np.zeros(shape[1])

    def set_bias_enabled(self, k: int, enabled: bool) -> None:
        """Turn layer k+1's bias on or off; off zeroes it."""
        self.bias[k] = bool(enabled)
        if not enabled:
            self.biases[k][:] = 0.0

    def add_neuron(self, l: int) -> None:
        """Append a neuron to hidden layer l (1..L-1) with freshly initialised weights."""
        if not 1 <= l < self.n_layers:
            raise NetworkError(Message("add_neuron_hidden_only"))
        if self.sizes[l] >= MAX_NEURONS:
            raise NetworkError(Message("too_many_neurons", (MAX_NEURONS,)))
        w_in, b_in = self._fresh(self.sizes[l - 1], 1, 2 * self.sizes[l])
        w_out, _ = self._fresh(1, self.sizes[l + 1], 2 * self.sizes[l] + 1)
        self.weights[l - 1] = np.hstack([self.weights[l - 1], w_in])
        self.biases[l - 1] = np.append(self.biases[l - 1], b_in if self.bias[l - 1] else 0.0)
        self.weights[l] = np.vstack([self.weights[l], w_out])
        self.sizes[l] += 1

    def remove_neuron(self, l: int, j: int) -> None:
        """Remove neuron j of hidden layer l; a layer keeps at least one neuron."""
        if not 1 <= l < self.n_layers:
            raise NetworkError(Message("remove_neuron_hidden_only"))
        if self.sizes[l] <= 1:
            raise NetworkError(Message("last_neuron"))
        if not 0 <= j < self.sizes[l]:
            raise NetworkError(Message("no_such_neuron", (l, j)))
        self.weights[l - 1] = np.delete(self.weights[l - 1], j, axis=1)
        self.biases[l - 1] = np.delete(self.biases[l - 1], j)
        self.weights[l] = np.delete(self.weights[l], j, axis=0)
        self.sizes[l] -= 1

    def insert_layer(self, l: int, size: int, activation: str = "relu", bias: bool = True) -> None:
        """Insert a hidden layer so that it becomes layer l (1..L)."""
        if not 1 <= l <= self.n_layers:
            raise NetworkError(Message("insert_position", (self.n_layers,)))
        if self.n_layers - 1 >= MAX_HIDDEN_LAYERS:
            raise NetworkError(Message("too_many_hidden_layers", (MAX_HIDDEN_LAYERS,)))
        if not 1 <= size <= MAX_NEURONS or activation in act.OUTPUT_ONLY or activation not in act.FUNCTIONS:
            raise NetworkError(Message("hidden_layer_spec", (MAX_NEURONS,)))
        below, above = self.sizes[l - 1], self.sizes[l]
        w1, b1 = self._fresh(below, size, 1000 + l)
        w2, _ = self._fresh(size, above, 2000 + l)
        # The old weights into layer l now start from the new layer: reinitialise them.
        self.weights[l - 1 : l] = [w1, w2]
        self.biases[l - 1 : l] = [b1 if bias else np.zeros(size), self.biases[l - 1]]
        self.activations.insert(l - 1, activation)
        self.bias.insert(l - 1, bool(bias))
        self.sizes.insert(l, int(size))

    def remove_layer(self, l: int) -> None:
        """Remove hidden layer l (1..L-1); its neighbours get fresh weights between them."""
        if not 1 <= l < self.n_layers:
            raise NetworkError(Message("remove_hidden_only"))
        w, _ = self._fresh(self.sizes[l - 1], self.sizes[l + 1], 3000 + l)
        self.weights[l - 1 : l + 1] = [w]
        self.biases[l - 1 : l + 1] = [self.biases[l]]
        del self.activations[l - 1]
        del self.bias[l - 1]
        del self.sizes[l]

    def resize_io(self, n_inputs: int, n_outputs: int) -> None:
        """Make the input and output layers match a dataset, keeping what fits."""
        if n_inputs != self.sizes[0]:
            fresh, _ = self._fresh(n_inputs, self.sizes[1], 4000)
            keep = min(n_inputs, self.sizes[0])
            fresh[:keep] = self.weights[0][:keep]
            self.weights[0] = fresh
            self.sizes[0] = n_inputs
        if n_outputs != self.sizes[-1]:
            fresh, fb = self._fresh(self.sizes[-2], n_outputs, 5000)
            keep = min(n_outputs, self.sizes[-1])
            fresh[:, :keep] = self.weights[-1][:, :keep]
            fb[:keep] = self.biases[-1][:keep]
            self.weights[-1] = fresh
            self.biases[-1] = fb if self.bias[-1] else np.zeros(n_outputs)
            self.sizes[-1] = n_outputs
        if self.loss == "cross_entropy" and n_outputs < 2:
            # A one-unit softmax always outputs 1 (see _validate_names): one output is two classes,
            # which sigmoid + bce learns; the network stays one that can be saved and trained.
            self.activations[-1] = "sigmoid"
            self.loss = "bce"
