"""English text from the Qt-free model, shown in the interface's language.

The model (``model/``) knows nothing of Qt, so its sentences (why training
stopped, why a network edit was refused) and its phase names ("forward 1",
"delta 2") are English.  The GUI passes them through :func:`message` and
:func:`phase` before showing them: known sentences are matched and re-built
from a translated whole-sentence template (numbers and names carried over as
%1, %2); an unknown one is shown as it is, after a short translated note that
it is in English.  In English both functions return the text unchanged.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from gui import i18n

CONTEXT = "ModelText"

#: (pattern of the model's English sentence, the template its groups fill as %1, %2 ...).
#: First match wins, so specific patterns come before general ones.
MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), template)
    for pattern, template in (
        (
            r"Training stopped: the loss became (\S+) \(diverged\)\. Try a smaller learning rate\.",
            QT_TRANSLATE_NOOP(
                "ModelText", "Training stopped: the loss became %1 (diverged). Try a smaller learning rate."
            ),
        ),
        (
            r"Training stopped: the loss became (\S+) \(diverged\)\. "
            r"Lower the learning rate and press Reset to start again\.",
            QT_TRANSLATE_NOOP(
                "ModelText",
                "Training stopped: the loss became %1 (diverged). "
                "Lower the learning rate and press Reset to start again.",
            ),
        ),
        (
            r"The loss is (\S+), far above where it started: this learning rate makes training diverge\.",
            QT_TRANSLATE_NOOP(
                "ModelText", "The loss is %1, far above where it started: this learning rate makes training diverge."
            ),
        ),
        (
            r"Training stopped: the update would make a weight infinite or NaN "
            r"\(the learning rate is probably too large\)\.",
            QT_TRANSLATE_NOOP(
                "ModelText",
                "Training stopped: the update would make a weight infinite or NaN "
                "(the learning rate is probably too large).",
            ),
        ),
        (
            r"Early stopping: the validation loss has not improved for (\d+) epochs\.",
            QT_TRANSLATE_NOOP("ModelText", "Early stopping: the validation loss has not improved for %1 epochs."),
        ),
        (r"Nothing to step back to\.", QT_TRANSLATE_NOOP("ModelText", "Nothing to step back to.")),
        (
            r"There are no training samples to step on\.",
            QT_TRANSLATE_NOOP("ModelText", "There are no training samples to step on."),
        ),
        (r"The update was refused\.", QT_TRANSLATE_NOOP("ModelText", "The update was refused.")),
        # NetworkError: what a structural edit in the network view can run into.
        (
            r"at most (\d+) hidden layers are allowed",
            QT_TRANSLATE_NOOP("ModelText", "At most %1 hidden layers are allowed."),
        ),
        (
            r"a layer can have at most (\d+) neurons",
            QT_TRANSLATE_NOOP("ModelText", "A layer can have at most %1 neurons."),
        ),
        (
            r"a hidden layer needs at least one neuron; remove the layer instead",
            QT_TRANSLATE_NOOP("ModelText", "A hidden layer needs at least one neuron; remove the layer instead."),
        ),
        (
            r"neurons can only be added to hidden layers",
            QT_TRANSLATE_NOOP("ModelText", "Neurons can only be added to hidden layers."),
        ),
        (
            r"neurons can only be removed from hidden layers",
            QT_TRANSLATE_NOOP("ModelText", "Neurons can only be removed from hidden layers."),
        ),
        (r"only hidden layers can be removed", QT_TRANSLATE_NOOP("ModelText", "Only hidden layers can be removed.")),
        (
            r"a hidden layer can be inserted at positions 1 to (\d+)",
            QT_TRANSLATE_NOOP("ModelText", "A hidden layer can be inserted at positions 1 to %1."),
        ),
        (
            r"a hidden layer needs 1 to (\d+) neurons and a hidden activation",
            QT_TRANSLATE_NOOP("ModelText", "A hidden layer needs 1 to %1 neurons and a hidden activation."),
        ),
        (r"layer (\d+) has no neuron (\d+)", QT_TRANSLATE_NOOP("ModelText", "Layer %1 has no neuron %2.")),
        (
            r"a layer needs 1 to (\d+) neurons, got (\S+)",
            QT_TRANSLATE_NOOP("ModelText", "A layer needs 1 to %1 neurons, not %2."),
        ),
        (
            r"(\w+) can only be the output layer's activation",
            QT_TRANSLATE_NOOP("ModelText", "%1 can only be the activation of the output layer."),
        ),
        (
            r"the (\w+) loss needs a (\w+) output layer",
            QT_TRANSLATE_NOOP("ModelText", "The %1 loss needs a %2 output layer."),
        ),
        (
            r"layer (\d+) has a parameter that is not a finite number",
            QT_TRANSLATE_NOOP("ModelText", "Layer %1 has a parameter that is not a finite number."),
        ),
        # A stop for a reason not listed above: translate the frame, keep the reason.
        (r"Training stopped: (.*?)\.?", QT_TRANSLATE_NOOP("ModelText", "Training stopped: %1.")),
    )
)

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
    """A sentence from the model (stop reason, refused edit ...) in the interface's language."""
    text = str(value)
    if not text or i18n.current_language() == "en":
        return text
    for pattern, template in MESSAGES:
        match = pattern.fullmatch(text.strip())
        if match:
            return _fill(template, match.groups())
    return QCoreApplication.translate("ModelText", "Message (in English): %1").replace("%1", text)


def phase(value: object) -> str:
    """A stepping phase (model.stepper.Phase, or its str) in the interface's language: "forward 1" -> "순전파 1"."""
    text = str(value)
    kind, _, where = text.partition(" ")
    template = PHASES.get(kind)
    if template is None or i18n.current_language() == "en":
        return text
    return _fill(template, (where,) if where else ())
