"""What the Qt-free model says, shown in the interface's language.

The model (``model/``) knows nothing of Qt: it reports with a
:class:`model.messages.Message` (a code and its arguments: why training
stopped, why a network edit was refused, why a step did nothing) and names
phases with :class:`model.stepper.Phase`.  Here each code has one
translatable whole-sentence template whose %1, %2 ... take the message's
arguments, formatted as the model formats them (``messages.format_arg``).
Nothing is parsed back out of an English sentence.  Text that is not a
Message (an exception from elsewhere) is shown as it is, after a short
translated note that it is in English.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from gui import i18n
from gui.model_text_export import MESSAGES as EXPORT_MESSAGES
from model.messages import Message, format_arg

CONTEXT = "ModelText"

#: The template of each message code (model.messages.ENGLISH has the same sentences with {0}, {1} ...).
MESSAGES: dict[str, str] = {
    "diverged": QT_TRANSLATE_NOOP(
        "ModelText",
        "Training stopped: the loss became %1 (diverged). Lower the learning rate and press Reset to start again.",
    ),
    "diverging": QT_TRANSLATE_NOOP(
        "ModelText", "The loss is %1, far above where it started: this learning rate makes training diverge."
    ),
    "non_finite_update": QT_TRANSLATE_NOOP(
        "ModelText",
        "Training stopped: the update would make a weight infinite or NaN (the learning rate is probably too large).",
    ),
    "early_stopping": QT_TRANSLATE_NOOP(
        "ModelText", "Early stopping: the validation loss has not improved for %1 epochs."
    ),
    "nothing_to_step_back": QT_TRANSLATE_NOOP("ModelText", "Nothing to step back to."),
    "no_training_samples": QT_TRANSLATE_NOOP("ModelText", "There are no training samples to step on."),
    "update_refused": QT_TRANSLATE_NOOP("ModelText", "The update was refused."),
    "needs_input_and_output": QT_TRANSLATE_NOOP("ModelText", "A network needs an input and an output layer."),
    "too_many_hidden_layers": QT_TRANSLATE_NOOP("ModelText", "At most %1 hidden layers are allowed."),
    "layer_size": QT_TRANSLATE_NOOP("ModelText", "A layer needs 1 to %1 neurons, not %2."),
    "too_many_neurons": QT_TRANSLATE_NOOP("ModelText", "A layer can have at most %1 neurons."),
    "activation_count": QT_TRANSLATE_NOOP("ModelText", "The network needs one activation per layer (%1), not %2."),
    "bias_flag_count": QT_TRANSLATE_NOOP("ModelText", "The network needs one bias flag per layer (%1), not %2."),
    "unknown_init": QT_TRANSLATE_NOOP("ModelText", "Unknown initialisation %1; choose one of %2."),
    "unknown_activation": QT_TRANSLATE_NOOP("ModelText", "Unknown activation %1; choose one of %2."),
    "output_only_activation": QT_TRANSLATE_NOOP("ModelText", "%1 can only be the activation of the output layer."),
    "unknown_loss": QT_TRANSLATE_NOOP("ModelText", "Unknown loss %1; choose one of %2."),
    "loss_needs_output": QT_TRANSLATE_NOOP("ModelText", "The %1 loss needs a %2 output layer."),
    "cross_entropy_one_output": QT_TRANSLATE_NOOP(
        "ModelText", "The cross_entropy loss needs at least 2 outputs (classes); use bce for one output."
    ),
    "parameter_count": QT_TRANSLATE_NOOP("ModelText", "The network needs %1 weight matrices and bias vectors."),
    "weight_shape": QT_TRANSLATE_NOOP("ModelText", "Weights %1 must have shape %2, not %3."),
    "bias_shape": QT_TRANSLATE_NOOP("ModelText", "Biases %1 must have shape %2."),
    "not_finite_parameter": QT_TRANSLATE_NOOP("ModelText", "Layer %1 has a parameter that is not a finite number."),
    "add_neuron_hidden_only": QT_TRANSLATE_NOOP("ModelText", "Neurons can only be added to hidden layers."),
    "remove_neuron_hidden_only": QT_TRANSLATE_NOOP("ModelText", "Neurons can only be removed from hidden layers."),
    "last_neuron": QT_TRANSLATE_NOOP(
        "ModelText", "A hidden layer needs at least one neuron; remove the layer instead."
    ),
    "no_such_neuron": QT_TRANSLATE_NOOP("ModelText", "Layer %1 has no neuron %2."),
    "insert_position": QT_TRANSLATE_NOOP("ModelText", "A hidden layer can be inserted at positions 1 to %1."),
    "hidden_layer_spec": QT_TRANSLATE_NOOP(
        "ModelText", "A hidden layer needs 1 to %1 neurons and a hidden activation."
    ),
    "remove_hidden_only": QT_TRANSLATE_NOOP("ModelText", "Only hidden layers can be removed."),
}

MESSAGES.update(EXPORT_MESSAGES)  # the phrasing of explanations, worked examples and script comments

#: Phase kinds and their templates (%1 = the layer, or "layer.node" in node-by-node mode).
PHASES = {
    "ready": QT_TRANSLATE_NOOP("ModelText", "ready"),
    "loss": QT_TRANSLATE_NOOP("ModelText", "loss"),
    "update": QT_TRANSLATE_NOOP("ModelText", "update"),
    "forward": QT_TRANSLATE_NOOP("ModelText", "forward %1"),
    "delta": QT_TRANSLATE_NOOP("ModelText", "delta %1"),
    "gradient": QT_TRANSLATE_NOOP("ModelText", "gradient %1"),
}


def _fill(template: str, values: tuple[str, ...]) -> str:
    text = QCoreApplication.translate(CONTEXT, template)
    for k, value in enumerate(values, start=1):
        text = text.replace(f"%{k}", value)
    return text


def message(value: object) -> str:
    """What the model said (a Message, or an exception carrying one as ``message``) in the interface's language."""
    msg = value if isinstance(value, Message) else getattr(value, "message", None)
    if isinstance(msg, Message):
        template = MESSAGES.get(msg.code)
        if template is None:  # a code without a template yet: the English sentence beats nothing
            return str(msg)
        return _fill(template, tuple(format_arg(a) for a in msg.args))
    text = str(value)
    if not text or i18n.current_language() == "en":
        return text
    return QCoreApplication.translate("ModelText", "Message (in English): %1").replace("%1", text)


def phase(value: object) -> str:
    """A stepping phase (model.stepper.Phase, or its str) in the interface's language: "forward 1" -> "순전파 1"."""
    text = str(value)
    kind, _, where = text.partition(" ")
    template = PHASES.get(kind)
    if template is None or i18n.current_language() == "en":
        return text
    return _fill(template, (where,) if where else ())
