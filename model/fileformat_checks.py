"""What a valid lesson file holds, checked field by field (the layout is in :mod:`model.fileformat`).

:func:`from_dict` takes the parsed JSON and checks everything before it builds
anything; every check raises :class:`FileFormatError` with one sentence naming
the field at fault ("network.sizes[1] must be from 1 to 64, got 0") and the
value it found.  Small checks of one JSON value come first (``_int``,
``_matrix`` ...), then one per section of the file (``_network``,
``_dataset``, ``_training``), then the whole file.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
from collections.abc import Callable
from typing import Any

import numpy as np

from . import activations as act
from . import losses, optimizers
from .dataset import MAX_FEATURES, MAX_SAMPLES, SPLIT_NAMES, Dataset
from .document import Document, DocumentError, check, view_hint_problem
from .limits import MAX_VALUE
from .network import INITS, MAX_HIDDEN_LAYERS, MAX_NEURONS, Network, NetworkError
from .settings import BOUNDS, MAX_SEED, SCHEDULES, TrainingSettings, setting_problem

#: What every lesson file says it is, first thing (written by fileformat.to_dict, checked by from_dict).
FORMAT = "backprop-playground"
VERSION = 1
KINDS = ("classification", "regression")

#: The parameters each learning-rate schedule reads (see TrainingSettings.lr_at).
SCHEDULE_PARAMS: dict[str, tuple[str, ...]] = {
    "constant": (),
    "step": ("gamma", "step_size"),
    "exponential": ("gamma",),
    "inverse_time": ("decay",),
}


class FileFormatError(ValueError):
    """A file that is not a valid lesson; the message names the field at fault."""


# ---------------------------------------------------------------- one value
class NonFinite:
    """Stands in for a NaN/Infinity token so the checks can say which field held it."""

    def __init__(self, token: str) -> None:
        self.token = token


def no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json.loads' object hook: a key given twice is an error, where JSON alone would keep the last."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise FileFormatError(f"the key {key!r} appears twice in one object")
        out[key] = value
    return out


def _describe(value: Any) -> str:
    if isinstance(value, NonFinite):
        return value.token
    if isinstance(value, float):
        text = repr(value)
    elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**40:
        text = f"a number of {len(str(abs(value)))} digits"
    else:
        text = json.dumps(value, ensure_ascii=False, default=lambda o: getattr(o, "token", "?"))
    return text if len(text) <= 40 else text[:37] + "..."


def _fail(where: str, what: str, value: Any) -> FileFormatError:
    return FileFormatError(f"{where} must be {what}, got {_describe(value)}")


def _obj(value: Any, where: str, allowed: tuple[str, ...], required: tuple[str, ...] = ()) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(where, "an object {...}", value)
    for key in value:
        if key not in allowed:
            raise FileFormatError(f"{where} has an unknown field {key!r}; known fields are {', '.join(allowed)}")
    for key in required:
        if key not in value:
            raise FileFormatError(f"{key if where == 'the file' else f'{where}.{key}'} is missing")
    return value


def _free_obj(value: Any, where: str) -> dict[str, Any]:
    """An object whose keys are free (languages, view hints, hyperparameters)."""
    if not isinstance(value, dict):
        raise _fail(where, "an object {...}", value)
    return value


def _str(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise _fail(where, "text", value)
    return value


def _choice(value: Any, where: str, names: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in names:
        raise FileFormatError(f"{where} must be one of {', '.join(names)}, got {_describe(value)}")
    return value


def _bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise _fail(where, "true or false", value)
    return value


def _int(value: Any, where: str, lo: int | None = None, hi: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(where, "a whole number", value)
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        bounds = f"from {lo} to {hi}" if hi is not None else f"at least {lo}"
        raise FileFormatError(f"{where} must be {bounds}, got {_describe(value)}")
    return value


def _float(value: Any, where: str, minimum: float | None = None) -> float:
    if isinstance(value, NonFinite):
        raise FileFormatError(f"{where} is {value.token}; only finite numbers are allowed")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _fail(where, "a number", value)
    try:
        v = float(value)
    except OverflowError:  # an integer too large for a float (hundreds of digits)
        v = math.inf
    if not math.isfinite(v):
        raise FileFormatError(f"{where} is {_describe(value)}, which is too large; only finite numbers are allowed")
    if minimum is not None and v < minimum:
        raise FileFormatError(f"{where} must be at least {minimum:g}, got {value}")
    return v


_PLURALS = {"entry": "entries", "matrix": "matrices"}
_PER_LAYER = " (one per layer after the input)"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {_PLURALS.get(noun, noun + 's')}"


def _list(value: Any, where: str, length: int | None = None, what: str = "item", why: str = "") -> list[Any]:
    """A JSON list; with ``length``, of exactly that many ``what``s (``why`` explains the count)."""
    if not isinstance(value, list):
        raise _fail(where, "a list [...]", value)
    if length is not None and len(value) != length:
        raise FileFormatError(f"{where} must have {_plural(length, what)}{why}, got {len(value)}")
    return value


def _vector(value: Any, where: str, length: int) -> np.ndarray:
    items = _list(value, where, length, "number")
    return np.array([_float(v, f"{where}[{i}]") for i, v in enumerate(items)], dtype=np.float64)


def _matrix(value: Any, where: str, rows: int, cols: int) -> np.ndarray:
    """A rows × cols list of lists of finite numbers (rows may be 0)."""
    items = _list(value, where)
    if len(items) != rows:
        first = items[0] if items else []
        got_cols = str(len(first)) if isinstance(first, list) else "?"
        raise FileFormatError(f"{where} must have shape {rows}×{cols}, got {len(items)}×{got_cols}")
    out = np.empty((rows, cols), dtype=np.float64)
    for i, row in enumerate(items):
        if isinstance(row, list) and len(row) != cols:
            raise FileFormatError(
                f"{where}[{i}] must have {_plural(cols, 'number')} ({where} is {rows}×{cols}), got {len(row)}"
            )
        out[i] = _vector(row, f"{where}[{i}]", cols)
    return out


def _walk_non_finite(value: Any, where: str) -> None:
    """Reject NaN/Infinity anywhere in free-form data (the view hints)."""
    if isinstance(value, NonFinite) or (isinstance(value, float) and not math.isfinite(value)):
        raise FileFormatError(f"{where} is {_describe(value)}; only finite numbers are allowed")
    if isinstance(value, dict):
        for k, v in value.items():
            _walk_non_finite(v, f"{where}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _walk_non_finite(v, f"{where}[{i}]")


# ---------------------------------------------------------------- sections
_NETWORK_FIELDS = ("sizes", "activations", "loss", "bias", "seed", "init", "weights", "biases")
_DATASET_FIELDS = ("name", "kind", "inputs", "targets", "split", "input_names", "output_names")
_TOP_FIELDS = ("format", "version", "title", "description", "network", "dataset", "training", "view")


def _network(value: Any) -> Network:
    d = _obj(value, "network", _NETWORK_FIELDS, ("sizes", "activations", "loss"))
    sizes_raw = _list(d["sizes"], "network.sizes")
    if not 2 <= len(sizes_raw) <= MAX_HIDDEN_LAYERS + 2:
        raise FileFormatError(
            f"network.sizes must list 2 to {MAX_HIDDEN_LAYERS + 2} layers "
            f"(at most {MAX_HIDDEN_LAYERS} hidden), got {len(sizes_raw)}"
        )
    sizes = [_int(s, f"network.sizes[{i}]", 1, MAX_NEURONS) for i, s in enumerate(sizes_raw)]
    L = len(sizes) - 1
    acts = _list(d["activations"], "network.activations", L, "name", _PER_LAYER)
    activations = [_choice(a, f"network.activations[{k}]", act.NAMES) for k, a in enumerate(acts)]
    for k, name in enumerate(activations[:-1]):
        if name in act.OUTPUT_ONLY:
            raise FileFormatError(f"network.activations[{k}] is {name}, which only the output layer can use")
    loss = _choice(d["loss"], "network.loss", losses.NAMES)
    need = losses.REQUIRED_OUTPUT[loss]
    if need is not None and activations[-1] != need:
        raise FileFormatError(
            f"network.loss {loss} needs a {need} output layer, but network.activations[{L - 1}] is {activations[-1]}"
        )
    bias_raw = d.get("bias", True)
    if isinstance(bias_raw, bool):
        bias = [bias_raw] * L
    else:
        flags = _list(bias_raw, "network.bias", L, "flag", _PER_LAYER)
        bias = [_bool(b, f"network.bias[{k}]") for k, b in enumerate(flags)]
    seed = _int(d.get("seed", 0), "network.seed", 0, MAX_SEED)
    init = _choice(d.get("init", "xavier"), "network.init", INITS)
    weights = biases = None
    if "weights" in d:
        w_list = _list(d["weights"], "network.weights", L, "matrix", _PER_LAYER)
        weights = [_matrix(w, f"network.weights[{k}]", sizes[k], sizes[k + 1]) for k, w in enumerate(w_list)]
    if "biases" in d:
        b_list = _list(d["biases"], "network.biases", L, "vector", _PER_LAYER)
        biases = [_vector(b, f"network.biases[{k}]", sizes[k + 1]) for k, b in enumerate(b_list)]
    try:
        net = Network(sizes, activations, loss, bias, seed, init, weights, biases if weights is not None else None)
    except NetworkError as exc:  # every rule above should have caught it first
        raise FileFormatError(f"network: {exc}") from None
    if weights is None and biases is not None:
        net.biases = [b if flag else np.zeros_like(b) for b, flag in zip(biases, bias, strict=True)]
    return net


def _names(value: Any, where: str, length: int) -> list[str]:
    return [_str(s, f"{where}[{i}]") for i, s in enumerate(_list(value, where, length, "name"))]


def _dataset(value: Any, net: Network) -> Dataset:
    d = _obj(value, "dataset", _DATASET_FIELDS, ("inputs", "targets"))
    name = _str(d.get("name", "data"), "dataset.name")
    kind = _choice(d.get("kind", "classification"), "dataset.kind", KINDS)
    n_in, n_out = net.sizes[0], net.sizes[-1]
    inputs = _list(d["inputs"], "dataset.inputs")
    if len(inputs) > MAX_SAMPLES:
        raise FileFormatError(f"dataset.inputs has {len(inputs)} samples; at most {MAX_SAMPLES} are allowed")
    if n_in > MAX_FEATURES:
        raise FileFormatError(f"network.sizes[0] asks for {n_in} inputs; at most {MAX_FEATURES} are allowed")
    n = len(inputs)
    for i, row in enumerate(inputs):
        if isinstance(row, list) and len(row) != n_in:
            raise FileFormatError(
                f"dataset.inputs[{i}] must have {_plural(n_in, 'number')} "
                f"(the network has {_plural(n_in, 'input')}), got {len(row)}"
            )
    X = _matrix(inputs, "dataset.inputs", n, n_in)
    targets = _list(d["targets"], "dataset.targets", n, "row", " (one per row of dataset.inputs)")
    for i, row in enumerate(targets):
        if isinstance(row, list) and len(row) != n_out:
            raise FileFormatError(
                f"dataset.targets[{i}] must have {_plural(n_out, 'number')} "
                f"(the network has {_plural(n_out, 'output')}), got {len(row)}"
            )
    Y = _matrix(targets, "dataset.targets", n, n_out)
    for where, values in (("dataset.inputs", X), ("dataset.targets", Y)):
        bad = np.argwhere(np.abs(values) > MAX_VALUE)
        if len(bad):
            i, j = (int(v) for v in bad[0])
            raise FileFormatError(
                f"{where}[{i}][{j}] is {values[i, j]:g}, outside the allowed range from -{MAX_VALUE:g} to {MAX_VALUE:g}"
            )
    if "split" in d:
        split_raw = _list(d["split"], "dataset.split", n, "entry", " (one per sample)")
        split = np.array(
            [SPLIT_NAMES.index(_choice(s, f"dataset.split[{i}]", SPLIT_NAMES)) for i, s in enumerate(split_raw)],
            dtype=np.int64,
        )
    else:
        split = np.zeros(n, dtype=np.int64)
    input_names = _names(d["input_names"], "dataset.input_names", n_in) if "input_names" in d else []
    output_names = _names(d["output_names"], "dataset.output_names", n_out) if "output_names" in d else []
    return Dataset(X, Y, split, kind, name, input_names, output_names)


def _hyper_value(value: Any, where: str, default: Any) -> Any:
    """A hyperparameter checked against the type of torch's default for it."""
    if isinstance(default, bool):
        return _bool(value, where)
    if isinstance(default, tuple):  # Adam's betas: each in [0, 1)
        items = _list(value, where, len(default), "number")
        out = tuple(_float(v, f"{where}[{i}]", 0.0) for i, v in enumerate(items))
        for i, v in enumerate(out):
            if v >= 1.0:
                raise FileFormatError(f"{where}[{i}] must be below 1, got {v:g}")
        return out
    return _float(value, where, 0.0)


def _dropout_rate(value: Any, where: str) -> float:
    v = _float(value, where, 0.0)
    if v >= 1.0:
        raise FileFormatError(f"{where} must be below 1 (the share of hidden units dropped), got {v:g}")
    return v


def _setting(name: str, value: Any, where: str) -> Any:
    """A numeric training setting: a number of the right type, then model.settings' rule for it."""
    whole = BOUNDS[name][2]
    checked = _int(value, where) if whole else _float(value, where)
    problem = setting_problem(name, checked)
    if problem:
        raise FileFormatError(f"training.{problem}")
    return checked


def _view(value: Any) -> dict[str, Any]:
    """The view hints, each known one checked (model.document.VIEW_HINTS), before anything is replaced."""
    view = _free_obj(value, "view")
    _walk_non_finite(view, "view")
    for name, hint in view.items():
        problem = view_hint_problem(name, hint)
        if problem:
            raise FileFormatError(problem)
    return dict(view)


def _training(value: Any) -> TrainingSettings:
    fields = {f.name: f for f in dataclasses.fields(TrainingSettings)}
    d = _obj(value, "training", tuple(fields))
    defaults = TrainingSettings()
    checks: dict[str, Callable[[Any, str], Any]] = {
        "optimizer": lambda v, w: _choice(v, w, optimizers.NAMES),
        "shuffle": _bool,
        "schedule": lambda v, w: _choice(v, w, SCHEDULES),
        "dropout": _dropout_rate,
    }
    for name in BOUNDS:  # the numeric settings: the same rule the training panel applies
        checks[name] = functools.partial(_setting, name)
    # The optimizer and schedule decide which hyper and schedule_params keys are valid.
    optimizer = checks["optimizer"](d.get("optimizer", defaults.optimizer), "training.optimizer")
    schedule = checks["schedule"](d.get("schedule", defaults.schedule), "training.schedule")
    out: dict[str, Any] = {}
    for key, raw in d.items():
        where = f"training.{key}"
        if key in checks:
            out[key] = checks[key](raw, where)
        elif key == "hyper":
            known = {k: v for k, v in optimizers.OPTIMIZERS[optimizer].defaults.items() if k != "lr"}
            h = _free_obj(raw, where)
            for k in h:
                if k not in known:
                    raise FileFormatError(
                        f"{where}.{k} is not a hyperparameter of {optimizer}; it has {', '.join(known)}"
                    )
            out[key] = {k: _hyper_value(v, f"{where}.{k}", known[k]) for k, v in h.items()}
        elif key == "schedule_params":
            p = _free_obj(raw, where)
            known_params = SCHEDULE_PARAMS.get(schedule, ())
            for k in p:
                if k not in known_params:
                    takes = ", ".join(known_params) or "no parameters"
                    raise FileFormatError(
                        f"{where}.{k} is not a parameter of the {schedule} schedule; it takes {takes}"
                    )
            out[key] = {k: _float(v, f"{where}.{k}", 0.0) for k, v in p.items()}
        else:  # a field added to TrainingSettings later: check it against its default's type
            default = getattr(defaults, key)
            if isinstance(default, bool):
                out[key] = _bool(raw, where)
            elif isinstance(default, int):
                out[key] = _int(raw, where)
            elif isinstance(default, float):
                out[key] = _float(raw, where)
            elif isinstance(default, str):
                out[key] = _str(raw, where)
            else:
                _walk_non_finite(raw, where)
                out[key] = raw
    settings = TrainingSettings(**out)
    try:
        optimizers.make_optimizer(settings.optimizer, lr=settings.lr, **dict(settings.hyper))
    except (TypeError, ValueError) as exc:
        raise FileFormatError(f"training.hyper does not suit {settings.optimizer}: {exc}") from None
    return settings


def from_dict(data: Any) -> Document:
    """Check parsed JSON data completely and build the document it describes."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        got = _describe(data.get("format")) if isinstance(data, dict) and "format" in data else "nothing"
        raise FileFormatError(f"format must be {FORMAT!r} (this is not a Backprop Playground file), got {got}")
    if "version" not in data:
        raise FileFormatError("version is missing")
    version = _int(data["version"], "version", 1)
    if version > VERSION:
        raise FileFormatError(
            f"version {version} is newer than this app understands ({VERSION}); please update Backprop Playground"
        )
    d = _obj(data, "the file", _TOP_FIELDS, ("network", "dataset"))
    title = _str(d.get("title", ""), "title")
    desc_raw = _free_obj(d.get("description", {}), "description")
    description = {lang: _str(text, f"description.{lang}") for lang, text in desc_raw.items()}
    network = _network(d["network"])
    dataset = _dataset(d["dataset"], network)
    training = _training(d.get("training", {}))
    view = _view(d.get("view", {}))
    doc = Document(network, dataset, training, title, description, view)
    try:  # the rules that span fields, the same ones Save, autosave and the editor apply
        check(doc)
    except DocumentError as exc:
        raise FileFormatError(str(exc)) from None
    return doc
