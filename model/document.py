"""A document: what one lesson file holds, and the rules every document obeys."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import optimizers
from .dataset import MAX_FEATURES, MAX_SAMPLES, Dataset
from .limits import MAX_VALUE, all_in_range
from .network import Network, NetworkError
from .settings import BOUNDS, SCHEDULES, TrainingSettings, setting_problem

#: The view hints a document may carry: name -> (smallest, largest) for numbers, None for true/false.
#: Other names are kept as they are and ignored (hints a later version may add).
VIEW_HINTS: dict[str, tuple[int, int] | None] = {
    "precision": (2, 12),  # significant digits on the canvas, in the inspector and the table
    "sample": (0, MAX_SAMPLES - 1),  # the dataset row to step on
    "detailed": None,  # step node by node
}


class DocumentError(ValueError):
    """A document breaks one of the rules of :func:`check`; the message is one sentence naming the rule."""


@dataclass
class Document:
    """Network + data + training settings + optional view hints and lesson text.

    ``description`` maps a language code ("en", "ko") to a short lesson text:
    what the example shows and what to try.  ``view`` holds optional display
    hints (e.g. {"precision": 4, "detailed": true, "sample": 0}), see VIEW_HINTS.
    """

    network: Network
    dataset: Dataset
    training: TrainingSettings = field(default_factory=TrainingSettings)
    title: str = ""
    description: dict[str, str] = field(default_factory=dict)
    view: dict[str, Any] = field(default_factory=dict)

    def copy(self) -> Document:
        return Document(
            self.network.copy(),
            self.dataset.copy(),
            self.training.copy(),
            self.title,
            dict(self.description),
            dict(self.view),
        )


def view_hint_problem(name: str, value: Any) -> str | None:
    """Why ``value`` cannot be view hint ``name`` (one sentence), or None."""
    if name not in VIEW_HINTS:
        return None
    bounds = VIEW_HINTS[name]
    if bounds is None:
        return None if isinstance(value, bool) else f"view.{name} must be true or false, got {value!r:.40}"
    lo, hi = bounds
    if isinstance(value, bool) or not isinstance(value, int):
        return f"view.{name} must be a whole number, got {value!r:.40}"
    if not lo <= value <= hi:
        return f"view.{name} must be from {lo} to {hi}, got {value!r:.40}"
    return None


def check(doc: Document) -> None:
    """Raise DocumentError unless ``doc`` could be saved and opened again exactly as it is.

    The one set of rules for a whole document: the file validator applies it
    after reading a file, Save and autosave before writing one, and the editor
    before it commits an edit, so no edit can make a document that Save
    refuses or that an autosave could not bring back.
    """
    net, ds, settings = doc.network, doc.dataset, doc.training
    try:  # the network's own rules (names, loss vs output layer, shapes, finite parameters)
        Network(net.sizes, net.activations, net.loss, net.bias, net.seed, net.init, net.weights, net.biases)
    except NetworkError as exc:
        raise DocumentError(f"the network is not valid: {exc}") from None
    if ds.n > MAX_SAMPLES:
        raise DocumentError(f"a data set holds at most {MAX_SAMPLES} samples, this one has {ds.n}")
    if ds.n_inputs > MAX_FEATURES:
        raise DocumentError(f"a data set has at most {MAX_FEATURES} inputs, this one has {ds.n_inputs}")
    if (ds.n_inputs, ds.n_outputs) != (net.sizes[0], net.sizes[-1]):
        raise DocumentError(
            f"the data has {ds.n_inputs} inputs and {ds.n_outputs} outputs, "
            f"the network {net.sizes[0]} and {net.sizes[-1]}"
        )
    if not (all_in_range(ds.X) and all_in_range(ds.Y)):
        raise DocumentError(f"every data value must be a finite number from -{MAX_VALUE:g} to {MAX_VALUE:g}")
    if len(ds.split) != ds.n or not ((ds.split >= 0) & (ds.split <= 2)).all():
        raise DocumentError("every sample must belong to the train, validation or test part")
    if ds.kind not in ("classification", "regression"):
        raise DocumentError(f"the data's kind must be classification or regression, got {ds.kind!r}")
    for name in BOUNDS:
        problem = setting_problem(name, getattr(settings, name))
        if problem:
            raise DocumentError(problem)
    if not 0.0 <= settings.dropout < 1.0:
        raise DocumentError(f"dropout must be from 0 to below 1, got {settings.dropout:g}")
    if settings.optimizer not in optimizers.NAMES or settings.schedule not in SCHEDULES:
        raise DocumentError(f"unknown optimizer {settings.optimizer!r} or schedule {settings.schedule!r}")
    try:
        optimizers.make_optimizer(settings.optimizer, lr=settings.lr, **dict(settings.hyper))
    except (TypeError, ValueError) as exc:
        raise DocumentError(f"the hyperparameters do not suit {settings.optimizer}: {exc}") from None
    for name, value in doc.view.items():
        problem = view_hint_problem(name, value)
        if problem:
            raise DocumentError(problem)
