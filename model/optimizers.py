"""Optimizers with torch.optim's names, defaults and update rules.

Each optimizer updates every weight matrix and every bias vector of layers
that have a bias, and keeps its own state keyed by parameter id
``("W", k)`` / ``("b", k)``, never on the network.  An update that would make
any parameter non-finite raises :class:`NonFiniteError` and changes nothing.

The rules (g = gradient, p = parameter, t = step count from 1):

* sgd:       p -= lr * g
* momentum / nesterov: torch.optim.SGD with momentum (default 0.9 here, since
  torch has no default), dampening 0: b = g at t=1, else b = mu*b + g;
  nesterov uses g + mu*b, plain momentum uses b.
* adagrad:   torch.optim.Adagrad: s += g^2; p -= clr * g / (sqrt(s) + eps),
  clr = lr / (1 + (t-1) * lr_decay).
* rmsprop:   torch.optim.RMSprop: v = alpha v + (1-alpha) g^2 (centered
  subtracts the running mean squared); p -= lr g / (sqrt(v) + eps), or with
  momentum b = mu b + g / (sqrt(v) + eps); p -= lr b.
* adam:      torch.optim.Adam: m = b1 m + (1-b1) g, v = b2 v + (1-b2) g^2,
  p -= lr/(1-b1^t) * m / (sqrt(v)/sqrt(1-b2^t) + eps); amsgrad keeps max v.

weight_decay (L2) is coupled as in torch: g += weight_decay * p before the
rule.  l1 is this app's addition: g += l1 * sign(p), applied the same way.

Array-level API (one implementation shared by :class:`Optimizer`, the stacked
runs of ``model.runs`` and the 2-D gradient lab)::

    new_p, new_state = update(name, p, g, state, t, lr, weight_decay=0.0, l1=0.0, **hyper)

* ``p``, ``g``: parameter and gradient, any equal shape, e.g. ``(2,)`` for a
  point of f(x0, x1), ``(n_in, n_out)`` for one weight matrix, or with a
  leading run axis ``(K, n_in, n_out)``.
* ``state``: the previous state of that parameter, a ``dict[str, Array]``
  (``{}`` before the first step; keys as torch's: momentum_buffer, sum,
  square_avg, grad_avg, exp_avg, exp_avg_sq, max_exp_avg_sq).  Never modified:
  the new state is returned, so a caller can refuse a non-finite step.
* ``t``: the step count of this update, from 1 (a Python int, or an array
  broadcasting against ``p``).
* ``lr``, ``weight_decay``, ``l1`` and the numeric ``hyper`` (momentum,
  dampening, alpha, eps, betas, lr_decay, ...): Python floats, or arrays that
  broadcast against ``p`` for per-run values, e.g. ``lr`` of shape
  ``(K, 1, 1)`` for K stacked ``(K, n_in, n_out)`` weights.  Missing hyper
  take the named optimizer's torch defaults (:func:`full_hyper`).  The flags
  (nesterov, centered, amsgrad) are one bool per call.

The update is elementwise, so ``update`` on a stacked ``(K, ...)`` array
equals K separate calls bit for bit when the hyperparameters are scalars or
per-run arrays with equal structure (all momenta > 0, or all 0).
:func:`rule` gives the bare rule function of a name (no defaults, no
regularisation) for hot loops; :func:`regularised` adds L2 and L1.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from .network import GradientRecord, Network

Array = np.ndarray
ParamId = tuple[str, int]
State = dict[str, Any]
#: A scalar or an array broadcasting against the parameter (per-run values).
Hyper = Any
#: rule(p, g, state, t, lr, **hyper) -> (new p, new state); see the module docstring.
Rule = Callable[..., tuple[Array, State]]


_add_reduce = np.add.reduce  # the ufunc itself: ndarray.sum's Python wrapper costs more than the sum here


class NonFiniteError(ArithmeticError):
    """An update would have written NaN or infinity into the parameters."""


# -------------------------------------------------------------- the rules
def _any(x: Hyper) -> bool:
    """True if a scalar or any element of a per-run array is non-zero."""
    return bool(np.any(x)) if isinstance(x, np.ndarray) else bool(x)


def _sqrt(x: Hyper) -> Hyper:
    # math.sqrt for the scalar the Trainer passes (np.sqrt on a float costs ~20× more); both round exactly.
    return np.sqrt(x) if isinstance(x, np.ndarray) else math.sqrt(x)


def regularised(p: Array, g: Array, weight_decay: Hyper = 0.0, l1: Hyper = 0.0) -> Array:
    """The gradient with coupled L2 weight decay and L1 added, as torch adds weight decay."""
    if _any(weight_decay):
        g = g + weight_decay * p
    if _any(l1):
        g = g + l1 * np.sign(p)
    return g


def sgd_rule(
    p: Array,
    g: Array,
    state: State,
    t: Hyper,
    lr: Hyper,
    momentum: Hyper = 0.0,
    dampening: Hyper = 0.0,
    nesterov: bool = False,
) -> tuple[Array, State]:
    """torch.optim.SGD; plain SGD (momentum 0) keeps no state."""
    if not _any(momentum):
        return p - lr * g, {}
    buf = state.get("momentum_buffer")
    buf = g.copy() if buf is None else momentum * buf + (1.0 - dampening) * g
    step = g + momentum * buf if nesterov else buf
    return p - lr * step, {"momentum_buffer": buf}


def adagrad_rule(
    p: Array,
    g: Array,
    state: State,
    t: Hyper,
    lr: Hyper,
    lr_decay: Hyper = 0.0,
    initial_accumulator_value: Hyper = 0.0,
    eps: Hyper = 1e-10,
) -> tuple[Array, State]:
    """torch.optim.Adagrad."""
    s = state.get("sum")
    if s is None:
        s = np.zeros_like(p) + initial_accumulator_value  # x + 0 is exact; broadcasts a per-run value
    s = s + g * g
    clr = lr / (1.0 + (t - 1) * lr_decay)
    return p - clr * g / (np.sqrt(s) + eps), {"sum": s}


def rmsprop_rule(
    p: Array,
    g: Array,
    state: State,
    t: Hyper,
    lr: Hyper,
    alpha: Hyper = 0.99,
    eps: Hyper = 1e-8,
    momentum: Hyper = 0.0,
    centered: bool = False,
) -> tuple[Array, State]:
    """torch.optim.RMSprop."""
    v = alpha * state.get("square_avg", 0.0) + (1.0 - alpha) * g * g
    new: State = {"square_avg": v}
    if centered:
        m = alpha * state.get("grad_avg", 0.0) + (1.0 - alpha) * g
        new["grad_avg"] = m
        avg = np.sqrt(v - m * m) + eps
    else:
        avg = np.sqrt(v) + eps
    if _any(momentum):
        buf = momentum * state.get("momentum_buffer", 0.0) + g / avg
        new["momentum_buffer"] = buf
        return p - lr * buf, new
    return p - lr * g / avg, new


def adam_rule(
    p: Array,
    g: Array,
    state: State,
    t: Hyper,
    lr: Hyper,
    betas: tuple[Hyper, Hyper] = (0.9, 0.999),
    eps: Hyper = 1e-8,
    amsgrad: bool = False,
) -> tuple[Array, State]:
    """torch.optim.Adam."""
    b1, b2 = betas
    m = b1 * state.get("exp_avg", 0.0) + (1.0 - b1) * g
    v = b2 * state.get("exp_avg_sq", 0.0) + (1.0 - b2) * g * g
    new: State = {"exp_avg": m, "exp_avg_sq": v}
    if amsgrad:
        v = np.maximum(state.get("max_exp_avg_sq", 0.0), v)
        new["max_exp_avg_sq"] = v
    bc1 = 1.0 - b1**t
    bc2 = 1.0 - b2**t
    denom = np.sqrt(v) / _sqrt(bc2) + eps
    return p - (lr / bc1) * m / denom, new


def _params(net: Network, dW: Sequence[Array], db: Sequence[Array]) -> list[tuple[ParamId, Array, Array]]:
    """(id, parameter, gradient) for every trainable array; bias-less layers are skipped."""
    out = []
    for k, (w, dw, has_bias) in enumerate(zip(net.weights, dW, net.bias, strict=True)):
        out.append((("W", k), w, dw))
        if has_bias:
            out.append((("b", k), net.biases[k], db[k]))
    return out


class Optimizer:
    """Base: weight decay, L1, the finite check and state handling."""

    name = "base"
    defaults: dict[str, Any] = {}

    def __init__(self, lr: float | None = None, weight_decay: float = 0.0, l1: float = 0.0, **hyper: Any) -> None:
        unknown = set(hyper) - set(self.defaults)
        if unknown:
            raise TypeError(f"{self.name} has no hyperparameter {sorted(unknown)[0]!r}")
        self.hyper = {**self.defaults, **hyper}
        self.lr = float(self.hyper.pop("lr") if lr is None else lr)
        self.hyper.pop("lr", None)
        self.weight_decay = float(weight_decay)
        self.l1 = float(l1)
        if not (math.isfinite(self.lr) and self.lr >= 0):
            raise ValueError("the learning rate must be a finite number ≥ 0")
        self.state: dict[ParamId, dict[str, Any]] = {}
        self.t = 0  # steps taken

    def _regularised(self, p: Array, grad: Array) -> Array:
        return regularised(p, grad, self.weight_decay, self.l1)

    def step(self, net: Network, g: GradientRecord) -> None:
        """Apply one update to ``net`` in place, or raise NonFiniteError and change nothing."""
        self.update(net, g.dW, g.db)

    def update(self, net: Network, dW: Sequence[Array], db: Sequence[Array], guard: bool = True) -> None:
        """:meth:`step` from the gradients alone: dW[k], db[k] shaped like weights[k], biases[k].

        Overflow and inf - inf are caught as NonFiniteError; numpy's RuntimeWarnings
        for them would only be noise (or, with warnings as errors, an exception that
        skips the clean refusal).  ``guard=False``: the caller has silenced them.
        """
        if guard:
            with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                self._update(net, dW, db)
        else:
            self._update(net, dW, db)

    def _update(self, net: Network, dW: Sequence[Array], db: Sequence[Array]) -> None:
        self.t += 1
        new: list[tuple[ParamId, Array, dict[str, Any]]] = []
        update_rule, hyper, t, lr = RULES[self.name], self.hyper, self.t, self.lr
        for pid, p, grad in _params(net, dW, db):
            st = self.state.get(pid)
            if st is None or st["shape"] != p.shape:
                st = {"shape": p.shape}  # new parameter, or the structure changed: fresh state
            # The rule reads only its own keys, so the "shape" bookkeeping may stay in st.
            value, new_st = update_rule(p, self._regularised(p, grad), st, t, lr, **hyper)
            new.append((pid, value, new_st))
        self._check_finite([v for _, v, _ in new])
        for (kind, k), value, new_st in new:
            (net.weights if kind == "W" else net.biases)[k] = value
            new_st["shape"] = value.shape
            self.state[(kind, k)] = new_st

    def _check_finite(self, values: list[Array]) -> None:
        """Raise NonFiniteError (undoing the step count) unless every new value is finite.

        A sum is finite only if every element is (or it overflows, which is refused too):
        one reduction over all the values at once is the cheapest test numpy has.
        """
        total = _add_reduce(np.concatenate(values, axis=None) if len(values) > 1 else values[0], axis=None)
        if not math.isfinite(total):
            self.t -= 1
            raise NonFiniteError(
                "the update would make a weight infinite or NaN (the learning rate is probably too large)"
            )

    def state_dict(self) -> dict[str, Any]:
        """A deep copy of the optimizer's state (for step back)."""
        return {"t": self.t, "lr": self.lr, "state": copy.deepcopy(self.state)}

    def load_state_dict(self, saved: dict[str, Any]) -> None:
        self.t = saved["t"]
        self.lr = saved["lr"]
        self.state = copy.deepcopy(saved["state"])

    def reset(self) -> None:
        self.state.clear()
        self.t = 0

    def describe_update(self) -> str:
        """The rule in one line, for the inspector."""
        return "w_new = w − lr × ∂L/∂w"


class FlatParams:
    """A network's trainable parameters as views into one flat float64 buffer, for plain SGD.

    ``theta`` (P,) holds every weight matrix and every bias of a layer with a
    bias, in that order; ``net.weights[k]`` / ``net.biases[k]`` become views
    of it (its values copied in).  The pass writes its gradients into the views
    ``grad_W`` / ``grad_b`` of ``grad`` (P,), so that an update is three numpy
    calls on P numbers instead of two per array, and one finite check.
    """

    def __init__(self, net: Network) -> None:
        self.flags = list(net.bias)
        arrays = list(net.weights) + [b for b, has in zip(net.biases, net.bias, strict=True) if has]
        size = sum(a.size for a in arrays)
        self.theta, self.grad, self.scratch = np.empty(size), np.empty(size), np.empty(size)

        def views(buf: Array) -> tuple[list[Array], list[Array | None]]:
            out, start = [], 0
            for a in arrays:
                out.append(buf[start : start + a.size].reshape(a.shape))
                start += a.size
            it = iter(out[len(net.weights) :])
            return out[: len(net.weights)], [next(it) if has else None for has in net.bias]

        self.W, self.b = views(self.theta)
        self.grad_W, self.grad_b = views(self.grad)
        for k, w in enumerate(self.W):
            w[...] = net.weights[k]
            net.weights[k] = w
        for k, b in enumerate(self.b):
            if b is not None:
                b[...] = net.biases[k]
                net.biases[k] = b
        self._held = net.weights + net.biases  # kept alive, so that their ids stay theirs
        self._ids = list(map(id, self._held))

    def matches(self, net: Network) -> bool:
        """Whether ``net``'s parameters are still these views (no edit replaced an array since)."""
        # Identities, compared by map/id in C: cheaper than comparing the arrays one by one.
        return list(map(id, net.weights + net.biases)) == self._ids and net.bias == self.flags


class SGD(Optimizer):
    name = "sgd"
    defaults = {"lr": 0.001, "momentum": 0.0, "dampening": 0.0, "nesterov": False}

    def _update(self, net: Network, dW: Sequence[Array], db: Sequence[Array]) -> None:
        if self.hyper["momentum"]:
            super()._update(net, dW, db)
            return
        # Plain SGD keeps no state: sgd_rule's p - lr * g without the per-parameter state bookkeeping.
        self.t += 1
        lr, weights, biases, has_bias = self.lr, net.weights, net.biases, net.bias
        if self.weight_decay or self.l1:
            dW = [self._regularised(w, g) for w, g in zip(weights, dW, strict=True)]
            db = [self._regularised(b, g) for b, g in zip(biases, db, strict=True)]
        new_w = [w - lr * g for w, g in zip(weights, dW, strict=True)]
        new_b = [b - lr * g if has else b for b, g, has in zip(biases, db, has_bias, strict=True)]
        self._check_finite(new_w + [b for b, has in zip(new_b, has_bias, strict=True) if has])
        weights[:], biases[:] = (
            new_w,
            new_b,
        )  # the same lists: views may hold them

    @property
    def plain(self) -> bool:
        """Plain SGD: no momentum, weight decay or L1 (the rule :meth:`update_flat` applies)."""
        return not (self.hyper["momentum"] or self.weight_decay or self.l1)

    def update_flat(self, flat: FlatParams) -> None:
        """Plain SGD on the flat buffer whose gradients the pass has written: the same p - lr * g.

        Raises NonFiniteError and changes nothing if a new value would not be finite.
        """
        self.t += 1
        step = np.multiply(flat.grad, self.lr, out=flat.scratch)
        new = np.subtract(flat.theta, step, out=flat.scratch)
        self._check_finite([new])
        np.copyto(flat.theta, new)  # in place: the network's arrays are views of theta

    def describe_update(self) -> str:
        if self.hyper["momentum"]:
            return "b = μ·b + ∂L/∂w;  w_new = w − lr × b"
        return "w_new = w − lr × ∂L/∂w"


class Momentum(SGD):
    name = "momentum"
    defaults = {**SGD.defaults, "momentum": 0.9}  # torch has no default momentum; 0.9 is the usual one


class Nesterov(SGD):
    name = "nesterov"
    defaults = {**SGD.defaults, "momentum": 0.9, "nesterov": True}

    def describe_update(self) -> str:
        return "b = μ·b + ∂L/∂w;  w_new = w − lr × (∂L/∂w + μ·b)"


class Adagrad(Optimizer):
    name = "adagrad"
    defaults = {"lr": 0.01, "lr_decay": 0.0, "initial_accumulator_value": 0.0, "eps": 1e-10}

    def describe_update(self) -> str:
        return "s = s + (∂L/∂w)²;  w_new = w − lr × ∂L/∂w / (√s + ε)"


class RMSprop(Optimizer):
    name = "rmsprop"
    defaults = {"lr": 0.01, "alpha": 0.99, "eps": 1e-8, "momentum": 0.0, "centered": False}

    def describe_update(self) -> str:
        return "v = α·v + (1−α)(∂L/∂w)²;  w_new = w − lr × ∂L/∂w / (√v + ε)"


class Adam(Optimizer):
    name = "adam"
    defaults = {"lr": 0.001, "betas": (0.9, 0.999), "eps": 1e-8, "amsgrad": False}

    def describe_update(self) -> str:
        return "m = β₁m + (1−β₁)g;  v = β₂v + (1−β₂)g²;  w_new = w − lr·m̂ / (√v̂ + ε)"


OPTIMIZERS: dict[str, type[Optimizer]] = {cls.name: cls for cls in (SGD, Momentum, Nesterov, Adagrad, RMSprop, Adam)}
NAMES: tuple[str, ...] = tuple(OPTIMIZERS)
#: The update rule of each optimizer name (momentum and nesterov are SGD with their own defaults).
RULES: dict[str, Rule] = {
    "sgd": sgd_rule,
    "momentum": sgd_rule,
    "nesterov": sgd_rule,
    "adagrad": adagrad_rule,
    "rmsprop": rmsprop_rule,
    "adam": adam_rule,
}


def rule(name: str) -> Rule:
    """The bare update rule of optimizer ``name``: ``rule(p, g, state, t, lr, **hyper)``, every hyper given."""
    try:
        return RULES[name]
    except KeyError:
        raise ValueError(f"unknown optimizer {name!r}; choose one of {', '.join(NAMES)}") from None


def full_hyper(name: str, hyper: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """``hyper`` completed with optimizer ``name``'s torch defaults (without lr); unknown names raise TypeError."""
    rule(name)  # the name check
    defaults = OPTIMIZERS[name].defaults
    given = dict(hyper or {})
    unknown = set(given) - set(defaults)
    if unknown:
        raise TypeError(f"{name} has no hyperparameter {sorted(unknown)[0]!r}")
    out = {**defaults, **given}
    out.pop("lr")
    return out


def update(
    name: str,
    p: Array,
    g: Array,
    state: Mapping[str, Any],
    t: Hyper,
    lr: Hyper,
    weight_decay: Hyper = 0.0,
    l1: Hyper = 0.0,
    **hyper: Any,
) -> tuple[Array, State]:
    """One update of parameter ``p`` with gradient ``g``: (new p, new state); see the module docstring.

    E.g. Adam on K points of a 2-D function, one learning rate each::

        state = {}
        for t in range(1, 101):
            p, state = update("adam", p, grad_f(p), state, t, lr=np.array([[0.01], [0.1]]))  # p: (2, 2)

    Non-finite results are returned as they are (the caller decides); numpy's
    overflow warnings are silenced for the same reason.
    """
    fn = rule(name)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        return fn(p, regularised(p, g, weight_decay, l1), state, t, lr, **full_hyper(name, hyper))


def make_optimizer(name: str, lr: float | None = None, **hyper: Any) -> Optimizer:
    """An optimizer by name with torch.optim's defaults, e.g. ``make_optimizer("adam", lr=0.01)``."""
    try:
        cls = OPTIMIZERS[name]
    except KeyError:
        raise ValueError(f"unknown optimizer {name!r}; choose one of {', '.join(NAMES)}") from None
    if "betas" in hyper:
        hyper["betas"] = tuple(float(b) for b in hyper["betas"])
    return cls(lr=lr, **hyper)


def default_lr(name: str) -> float:
    return float(OPTIMIZERS[name].defaults["lr"])
