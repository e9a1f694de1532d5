"""What a set of runs varies: one variable, its values, and each run's start and settings.

``build_specs(network, settings, variable, values)`` gives one :class:`RunSpec`
per value: a private copy of the network to start from and a copy of the
settings, identical to the base except for the one variable.  Runs share the
base's weights unless the variable is about the start itself (init, init_scale,
seed, hidden_width), and they share the batch order (``settings.seed`` and
``shuffle`` stay the same).

Variables (``VARIABLES``) and their values:

* ``lr``, ``weight_decay``, ``l1``: finite numbers ≥ 0.
* ``dropout``: the inverted-dropout rate of every hidden layer while training, 0 ≤ p < 1.
* ``remedy``: one remedy for overfitting per run, on top of the base settings:
  ``none``, ``l2=0.01`` (weight decay), ``l1=0.001``, ``dropout=0.3`` or
  ``early_stopping=5`` (patience in epochs; needs a validation split).
* ``optimizer``: a name (its torch defaults, lr included) or a mapping
  ``{"optimizer": "adam", "lr": 0.01, "betas": (0.9, 0.99)}``; text form
  ``adam`` or ``adam(lr=0.01, eps=1e-6)``.
* ``batch_size``: whole numbers ≥ 0 (0 = full batch).
* ``init``: an initialisation scheme (``network.INITS``), drawn with the
  network's seed.  ``seed``: whole numbers, the seed of that draw.
  ``init_scale``: a factor multiplying the base weights (biases unchanged).
* ``activation``: a hidden activation for hidden layer ``layer`` (1-based, as
  the network numbers layers) or for every hidden layer when ``layer`` is None.
* ``hidden_width``: neurons in hidden layer ``layer`` (or every hidden layer);
  neurons are added or removed at the end of the layer, so the others keep
  their weights.

Bad values raise :class:`RunSpecError` with one sentence.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import activations as act
from .network import INITS, MAX_NEURONS, Network, NetworkError
from .optimizers import NAMES as OPTIMIZER_NAMES
from .optimizers import default_lr, full_hyper
from .settings import TrainingSettings

VARIABLES: tuple[str, ...] = (
    "lr",
    "optimizer",
    "batch_size",
    "weight_decay",
    "l1",
    "dropout",
    "remedy",
    "init",
    "init_scale",
    "seed",
    "activation",
    "hidden_width",
)
#: Variables whose runs need a hidden layer to change.
LAYER_VARIABLES = frozenset({"activation", "hidden_width"})
MAX_RUNS = 32


class RunSpecError(ValueError):
    """A variable or value the runs refuse (one sentence, for the user)."""


@dataclass(frozen=True)
class RunSpec:
    """One run: the value of the variable, a short label, the start and the settings (both private copies)."""

    value: Any
    label: str
    network: Network
    settings: TrainingSettings


def _number(variable: str, value: Any, minimum: float | None = 0.0) -> float:
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise RunSpecError(f"{variable}: {value!r} is not a number.") from None
    if not math.isfinite(x) or (minimum is not None and x < minimum):
        raise RunSpecError(f"{variable}: {value!r} must be a finite number of at least {minimum:g}.")
    return x


def _whole(variable: str, value: Any, lo: int, hi: int | None = None) -> int:
    x = _number(variable, value, None)
    if x != int(x) or x < lo or (hi is not None and x > hi):
        upper = f" and at most {hi}" if hi is not None else ""
        raise RunSpecError(f"{variable}: {value!r} must be a whole number of at least {lo}{upper}.")
    return int(x)


def _optimizer(value: Any) -> dict[str, Any]:
    """An optimizer choice as {"optimizer": name, "lr": x, "hyper": {the hyperparameters given}}."""
    spec: dict[str, Any] = {"optimizer": value} if isinstance(value, str) else dict(value)
    spec = {**spec.pop("hyper", {}), **spec}  # an already normalised choice normalises to itself
    name = spec.pop("optimizer", None)
    if name not in OPTIMIZER_NAMES:
        raise RunSpecError(f"optimizer: {name!r} is not one of {', '.join(OPTIMIZER_NAMES)}.")
    lr = _number("lr", spec.pop("lr", default_lr(name)))
    defaults = full_hyper(name)
    hyper: dict[str, Any] = {}
    for key, given in spec.items():
        if key not in defaults:
            raise RunSpecError(f"optimizer: {name} has no setting {key!r} (it has lr, {', '.join(defaults)}).")
        if isinstance(defaults[key], bool):
            hyper[key] = given if isinstance(given, bool) else str(given).strip().lower() == "true"
        elif key == "betas":
            hyper[key] = tuple(_number("betas", b) for b in given)
            if len(hyper[key]) != 2:
                raise RunSpecError("optimizer: betas needs two numbers, e.g. betas=0.9/0.999.")
        else:
            hyper[key] = _number(key, given)
    return {"optimizer": name, "lr": lr, "hyper": hyper}


#: The remedies' names in the text form and the setting each one sets.
REMEDIES = {"l2": "weight_decay", "l1": "l1", "dropout": "dropout", "early_stopping": "patience"}


def _remedy(value: Any) -> tuple[str, float]:
    """A remedy as (name, amount): ("none", 0.0), ("l2", 0.01) ... from "l2=0.01" or a pair."""
    if isinstance(value, (tuple, list)) and len(value) == 2:
        name, amount = str(value[0]), value[1]
    else:
        name, _, amount = str(value).strip().partition("=")
        name = name.strip()
        if name == "none" and not amount:
            return ("none", 0.0)
    if name == "none":
        return ("none", 0.0)
    if name not in REMEDIES:
        raise RunSpecError(
            f"remedy: {value!r} is not one of none, l2=…, l1=…, dropout=…, early_stopping=… (e.g. l2=0.01)."
        )
    if name == "early_stopping":
        return (name, float(_whole("early_stopping", amount, 1)))
    x = normalise(REMEDIES[name], amount)
    return (name, float(x))


def _label(variable: str, value: Any) -> str:
    if variable == "remedy":
        return "none" if value[0] == "none" else f"{value[0]}={value[1]:g}"
    if variable == "optimizer":
        extra = ", ".join(f"{k}={v:g}" if isinstance(v, float) else f"{k}={v}" for k, v in value["hyper"].items())
        return f"{value['optimizer']} (lr={value['lr']:g}{', ' + extra if extra else ''})"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _hidden_layers(network: Network, variable: str, layer: int | None) -> list[int]:
    hidden = list(range(1, network.n_layers))
    if not hidden:
        raise RunSpecError(f"{variable}: the network has no hidden layer to change.")
    if layer is None:
        return hidden
    if layer not in hidden:
        raise RunSpecError(f"{variable}: layer {layer} is not a hidden layer (1 to {hidden[-1]}).")
    return [layer]


def normalise(variable: str, value: Any) -> Any:
    """``value`` checked and converted for ``variable`` (RunSpecError if it does not fit)."""
    if variable in ("lr", "weight_decay", "l1"):
        return _number(variable, value)
    if variable == "dropout":
        p = _number(variable, value)
        if p >= 1.0:
            raise RunSpecError(f"dropout: {value!r} must be below 1 (the share of hidden units dropped).")
        return p
    if variable == "remedy":
        return _remedy(value)
    if variable == "init_scale":
        return _number(variable, value, None)
    if variable == "batch_size":
        return _whole(variable, value, 0)
    if variable == "seed":
        return _whole(variable, value, 0, 2**32 - 1)
    if variable == "hidden_width":
        return _whole(variable, value, 1, MAX_NEURONS)
    if variable == "init":
        if value not in INITS:
            raise RunSpecError(f"init: {value!r} is not one of {', '.join(INITS)}.")
        return str(value)
    if variable == "activation":
        if value not in act.NAMES or value in act.OUTPUT_ONLY:
            hidden = [n for n in act.NAMES if n not in act.OUTPUT_ONLY]
            raise RunSpecError(f"activation: {value!r} is not one of {', '.join(hidden)}.")
        return str(value)
    if variable == "optimizer":
        return _optimizer(value)
    raise RunSpecError(f"{variable!r} cannot be varied; choose one of {', '.join(VARIABLES)}.")


def _start(network: Network, variable: str, value: Any, layers: list[int]) -> Network:
    net = network.copy()
    if variable == "init":
        net.reinitialise(init=value)
    elif variable == "seed":
        net.reinitialise(seed=value)
    elif variable == "init_scale":
        net.weights = [w * value for w in net.weights]
    elif variable == "activation":
        for l in layers:
            net.set_activation(l - 1, value)
    elif variable == "hidden_width":
        for l in layers:
            while net.sizes[l] < value:
                net.add_neuron(l)
            while net.sizes[l] > value:
                net.remove_neuron(l, net.sizes[l] - 1)
    return net


def _settings(settings: TrainingSettings, variable: str, value: Any) -> TrainingSettings:
    if variable in ("lr", "weight_decay", "l1", "dropout", "batch_size"):
        return settings.copy(**{variable: value})
    if variable == "optimizer":
        return settings.copy(optimizer=value["optimizer"], lr=value["lr"], hyper=value["hyper"])
    if variable == "remedy" and value[0] != "none":
        field = REMEDIES[value[0]]
        return settings.copy(**{field: int(value[1]) if field == "patience" else value[1]})
    return settings.copy()


def build_specs(
    network: Network, settings: TrainingSettings, variable: str, values: Sequence[Any], layer: int | None = None
) -> list[RunSpec]:
    """One RunSpec per value; see the module docstring.  RunSpecError for a bad variable, value or count."""
    if variable not in VARIABLES:
        raise RunSpecError(f"{variable!r} cannot be varied; choose one of {', '.join(VARIABLES)}.")
    if not 1 <= len(values) <= MAX_RUNS:
        raise RunSpecError(f"give 1 to {MAX_RUNS} values to compare, not {len(values)}.")
    layers = _hidden_layers(network, variable, layer) if variable in LAYER_VARIABLES else []

    specs = []
    for raw in values:
        value = normalise(variable, raw)
        try:
            start = _start(network, variable, value, layers)
        except NetworkError as exc:
            raise RunSpecError(f"{variable}: {exc}.") from None
        specs.append(RunSpec(value, _label(variable, value), start, _settings(settings, variable, value)))
    return specs


# ------------------------------------------------------------------ text
_CALL = re.compile(r"^\s*([a-z_]+)\s*(?:\((.*)\))?\s*$")


def _parse_optimizer(text: str) -> dict[str, Any]:
    """``adam`` or ``adam(lr=0.01, betas=0.9/0.99)`` as a mapping (betas as b1/b2)."""
    m = _CALL.match(text)
    if m is None:
        raise RunSpecError(f"optimizer: cannot read {text!r}; write e.g. adam or adam(lr=0.01).")
    out: dict[str, Any] = {"optimizer": m.group(1)}
    for item in filter(None, (s.strip() for s in (m.group(2) or "").split(","))):
        key, sep, val = item.partition("=")
        if not sep:
            raise RunSpecError(f"optimizer: cannot read {item!r}; write name=value.")
        key, val = key.strip(), val.strip()
        if key == "betas":
            out[key] = tuple(val.split("/"))
        elif val.lower() in ("true", "false"):
            out[key] = val.lower() == "true"
        else:
            out[key] = val
    return out


def split_values(text: str) -> list[str]:
    """Comma-separated values; commas inside parentheses belong to an optimizer's settings."""
    parts, depth, cur = [], 0, ""
    for ch in text:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return [p.strip() for p in parts if p.strip()]


def parse_values(variable: str, text: str) -> list[Any]:
    """The values typed for ``variable`` ("0.001, 0.01" or "sgd, adam(lr=0.01)"), each checked."""
    if variable not in VARIABLES:
        raise RunSpecError(f"{variable!r} cannot be varied; choose one of {', '.join(VARIABLES)}.")
    items = split_values(text)
    if not items:
        raise RunSpecError("give at least one value, separated by commas.")
    raw: list[Any] = [_parse_optimizer(s) for s in items] if variable == "optimizer" else items
    return [normalise(variable, v) for v in raw]


def log_sweep(low: float, high: float, count: int) -> list[float]:
    """``count`` values from ``low`` to ``high`` evenly spaced on a log scale, rounded to 3 significant digits."""
    if not (math.isfinite(low) and math.isfinite(high) and 0 < low < high):
        raise RunSpecError("a log sweep needs 0 < low < high.")
    if not 2 <= count <= MAX_RUNS:
        raise RunSpecError(f"a log sweep needs 2 to {MAX_RUNS} values.")
    return [float(f"{v:.3g}") for v in np.geomspace(low, high, count)]
