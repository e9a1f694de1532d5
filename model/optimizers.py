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
"""

from __future__ import annotations

import copy
import math
from typing import Any

import numpy as np

from .network import GradientRecord, Network

Array = np.ndarray
ParamId = tuple[str, int]


_add_reduce = np.add.reduce  # the ufunc itself: ndarray.sum's Python wrapper costs more than the sum here


class NonFiniteError(ArithmeticError):
    """An update would have written NaN or infinity into the parameters."""


def _params(net: Network, g: GradientRecord) -> list[tuple[ParamId, Array, Array]]:
    """(id, parameter, gradient) for every trainable array; bias-less layers are skipped."""
    out = []
    for k, (w, dw, has_bias) in enumerate(zip(net.weights, g.dW, net.bias, strict=True)):
        out.append((("W", k), w, dw))
        if has_bias:
            out.append((("b", k), net.biases[k], g.db[k]))
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

    def _update(self, p: Array, g: Array, st: dict[str, Any]) -> tuple[Array, dict[str, Any]]:
        """The new value of p (given gradient g and its state st) and its new state.

        Must not modify ``st``: state is committed only once every new value is finite.
        """
        raise NotImplementedError

    def _regularised(self, p: Array, grad: Array) -> Array:
        """The gradient with coupled L2 weight decay and L1 added, as torch adds weight decay."""
        if self.weight_decay:
            grad = grad + self.weight_decay * p
        if self.l1:
            grad = grad + self.l1 * np.sign(p)
        return grad

    def step(self, net: Network, g: GradientRecord) -> None:
        """Apply one update to ``net`` in place, or raise NonFiniteError and change nothing."""
        self.t += 1
        new: list[tuple[ParamId, Array, dict[str, Any]]] = []
        # Overflow and inf - inf are caught below as NonFiniteError; numpy's
        # RuntimeWarnings for them would only be noise (or, with warnings as
        # errors, an exception that skips the clean refusal).
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            for pid, p, grad in _params(net, g):
                st = self.state.get(pid)
                if st is None or st["shape"] != p.shape:
                    st = {"shape": p.shape}  # new parameter, or the structure changed: fresh state
                value, new_st = self._update(p, self._regularised(p, grad), st)
                new.append((pid, value, new_st))
            self._check_finite([v for _, v, _ in new])
        for (kind, k), value, new_st in new:
            (net.weights if kind == "W" else net.biases)[k] = value
            new_st["shape"] = value.shape
            self.state[(kind, k)] = new_st

    def _check_finite(self, values: list[Array]) -> None:
        """Raise NonFiniteError (undoing the step count) unless every new value is finite.

        A sum is finite only if every element is (or it overflows, which is refused too);
        one ufunc reduction per array is the cheapest test numpy has.
        """
        total = 0.0
        for v in values:
            total += _add_reduce(v, axis=None)
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


class SGD(Optimizer):
    name = "sgd"
    defaults = {"lr": 0.001, "momentum": 0.0, "dampening": 0.0, "nesterov": False}

    def step(self, net: Network, g: GradientRecord) -> None:
        if self.hyper["momentum"]:
            super().step(net, g)
            return
        # Plain SGD keeps no state: the same rule without the per-parameter state bookkeeping.
        self.t += 1
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            new = [(pid, p - self.lr * self._regularised(p, grad)) for pid, p, grad in _params(net, g)]
            self._check_finite([v for _, v in new])
        for (kind, k), value in new:
            (net.weights if kind == "W" else net.biases)[k] = value

    def _update(self, p: Array, g: Array, st: dict[str, Any]) -> tuple[Array, dict[str, Any]]:
        mu = self.hyper["momentum"]
        if not mu:
            return p - self.lr * g, st
        buf = st.get("momentum_buffer")
        buf = g.copy() if buf is None else mu * buf + (1.0 - self.hyper["dampening"]) * g
        step = g + mu * buf if self.hyper["nesterov"] else buf
        return p - self.lr * step, {"momentum_buffer": buf}

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

    def _update(self, p: Array, g: Array, st: dict[str, Any]) -> tuple[Array, dict[str, Any]]:
        s = st.get("sum")
        if s is None:
            s = np.full_like(p, self.hyper["initial_accumulator_value"])
        s = s + g * g
        clr = self.lr / (1.0 + (self.t - 1) * self.hyper["lr_decay"])
        return p - clr * g / (np.sqrt(s) + self.hyper["eps"]), {"sum": s}

    def describe_update(self) -> str:
        return "s = s + (∂L/∂w)²;  w_new = w − lr × ∂L/∂w / (√s + ε)"


class RMSprop(Optimizer):
    name = "rmsprop"
    defaults = {"lr": 0.01, "alpha": 0.99, "eps": 1e-8, "momentum": 0.0, "centered": False}

    def _update(self, p: Array, g: Array, st: dict[str, Any]) -> tuple[Array, dict[str, Any]]:
        alpha, eps, mu = self.hyper["alpha"], self.hyper["eps"], self.hyper["momentum"]
        v = alpha * st.get("square_avg", 0.0) + (1.0 - alpha) * g * g
        new: dict[str, Any] = {"square_avg": v}
        if self.hyper["centered"]:
            m = alpha * st.get("grad_avg", 0.0) + (1.0 - alpha) * g
            new["grad_avg"] = m
            avg = np.sqrt(v - m * m) + eps
        else:
            avg = np.sqrt(v) + eps
        if mu > 0:
            buf = mu * st.get("momentum_buffer", 0.0) + g / avg
            new["momentum_buffer"] = buf
            return p - self.lr * buf, new
        return p - self.lr * g / avg, new

    def describe_update(self) -> str:
        return "v = α·v + (1−α)(∂L/∂w)²;  w_new = w − lr × ∂L/∂w / (√v + ε)"


class Adam(Optimizer):
    name = "adam"
    defaults = {"lr": 0.001, "betas": (0.9, 0.999), "eps": 1e-8, "amsgrad": False}

    def _update(self, p: Array, g: Array, st: dict[str, Any]) -> tuple[Array, dict[str, Any]]:
        b1, b2 = self.hyper["betas"]
        m = b1 * st.get("exp_avg", 0.0) + (1.0 - b1) * g
        v = b2 * st.get("exp_avg_sq", 0.0) + (1.0 - b2) * g * g
        new: dict[str, Any] = {"exp_avg": m, "exp_avg_sq": v}
        if self.hyper["amsgrad"]:
            v = np.maximum(st.get("max_exp_avg_sq", 0.0), v)
            new["max_exp_avg_sq"] = v
        bc1 = 1.0 - b1**self.t
        bc2 = 1.0 - b2**self.t
        denom = np.sqrt(v) / math.sqrt(bc2) + self.hyper["eps"]
        return p - (self.lr / bc1) * m / denom, new

    def describe_update(self) -> str:
        return "m = β₁m + (1−β₁)g;  v = β₂v + (1−β₂)g²;  w_new = w − lr·m̂ / (√v̂ + ε)"


OPTIMIZERS: dict[str, type[Optimizer]] = {
    cls.name: cls for cls in (SGD, Momentum, Nesterov, Adagrad, RMSprop, Adam)
}
NAMES: tuple[str, ...] = tuple(OPTIMIZERS)


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
