"""What the engine tells the user, as a code and its arguments.

The model knows nothing of Qt or of languages: a :class:`Message` holds a
``code`` (a key of :data:`ENGLISH`) and the ``args`` its sentence needs, and
``str(message)`` is the English sentence (the command line, logs, tests).
The GUI (``gui/model_text.py``) keeps one translatable template per code and
fills in the same arguments; it never parses the English sentence back.

Refused network edits raise :class:`model.network.NetworkError`, whose
``message`` attribute is such a Message; why training stopped is
``Trainer.stop_reason``; why a step did nothing is ``Stepper.message``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .messages_export import EXPLAIN, SCRIPT, WORKED

#: The English sentence of each code; ``{0}``, ``{1}`` ... are the arguments, formatted by :func:`format_arg`.
ENGLISH: dict[str, str] = {
    # Training (Trainer.stop_reason, Stepper.message)
    "diverged": (
        "Training stopped: the loss became {0} (diverged). Lower the learning rate and press Reset to start again."
    ),
    "diverging": "The loss is {0}, far above where it started: this learning rate makes training diverge.",
    "non_finite_update": (
        "Training stopped: the update would make a weight infinite or NaN (the learning rate is probably too large)."
    ),
    "early_stopping": "Early stopping: the validation loss has not improved for {0} epochs.",
    "nothing_to_step_back": "Nothing to step back to.",
    "no_training_samples": "There are no training samples to step on.",
    "update_refused": "The update was refused.",
    # Network edits and files (NetworkError)
    "needs_input_and_output": "A network needs an input and an output layer.",
    "too_many_hidden_layers": "At most {0} hidden layers are allowed.",
    "layer_size": "A layer needs 1 to {0} neurons, not {1}.",
    "too_many_neurons": "A layer can have at most {0} neurons.",
    "activation_count": "The network needs one activation per layer ({0}), not {1}.",
    "bias_flag_count": "The network needs one bias flag per layer ({0}), not {1}.",
    "unknown_init": "Unknown initialisation {0}; choose one of {1}.",
    "unknown_activation": "Unknown activation {0}; choose one of {1}.",
    "output_only_activation": "{0} can only be the activation of the output layer.",
    "unknown_loss": "Unknown loss {0}; choose one of {1}.",
    "loss_needs_output": "The {0} loss needs a {1} output layer.",
    "cross_entropy_one_output": "The cross_entropy loss needs at least 2 outputs (classes); use bce for one output.",
    "parameter_count": "The network needs {0} weight matrices and bias vectors.",
    "weight_shape": "Weights {0} must have shape {1}, not {2}.",
    "bias_shape": "Biases {0} must have shape {1}.",
    "not_finite_parameter": "Layer {0} has a parameter that is not a finite number.",
    "add_neuron_hidden_only": "Neurons can only be added to hidden layers.",
    "remove_neuron_hidden_only": "Neurons can only be removed from hidden layers.",
    "last_neuron": "A hidden layer needs at least one neuron; remove the layer instead.",
    "no_such_neuron": "Layer {0} has no neuron {1}.",
    "insert_position": "A hidden layer can be inserted at positions 1 to {0}.",
    "hidden_layer_spec": "A hidden layer needs 1 to {0} neurons and a hidden activation.",
    "remove_hidden_only": "Only hidden layers can be removed.",
}
# The phrasing of explanations, worked examples and exported scripts (model/messages_export.py).
ENGLISH.update(EXPLAIN)
ENGLISH.update(WORKED)
ENGLISH.update(SCRIPT)

#: Renders a Message for the reader: ``str`` (English) in the model, the GUI's translator in the app.
Say = Callable[["Message"], str]


def format_arg(value: object) -> str:
    """One argument as the sentence shows it: floats with 4 significant digits, the rest as text."""
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


@dataclass(frozen=True)
class Message:
    """A sentence for the user: ``code`` (a key of :data:`ENGLISH`) and its arguments."""

    code: str
    args: tuple[object, ...] = ()

    def __post_init__(self) -> None:
        if self.code not in ENGLISH:
            raise KeyError(f"unknown message code {self.code!r}")

    def __str__(self) -> str:
        return ENGLISH[self.code].format(*(format_arg(a) for a in self.args))
