"""The runs lab's words: variable names and each run's status, translated from the engine's codes and numbers.

The engine (model.run_status) returns a code and its numbers; these tables turn them into whole-sentence
templates of the "RunsLab" translation context, with what each status says in the language of note 002.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from model.run_status import RunStatus

CONTEXT = "RunsLab"

VARIABLE_NAMES = {
    "lr": QT_TRANSLATE_NOOP("RunsLab", "learning rate"),
    "optimizer": QT_TRANSLATE_NOOP("RunsLab", "optimizer"),
    "batch_size": QT_TRANSLATE_NOOP("RunsLab", "batch size"),
    "weight_decay": QT_TRANSLATE_NOOP("RunsLab", "L2 (weight decay)"),
    "l1": QT_TRANSLATE_NOOP("RunsLab", "L1"),
    "init": QT_TRANSLATE_NOOP("RunsLab", "initialisation"),
    "init_scale": QT_TRANSLATE_NOOP("RunsLab", "initial weight scale"),
    "seed": QT_TRANSLATE_NOOP("RunsLab", "initialisation seed"),
    "activation": QT_TRANSLATE_NOOP("RunsLab", "hidden activation"),
    "hidden_width": QT_TRANSLATE_NOOP("RunsLab", "hidden width"),
}

#: What the "log sweep" button fills in, per variable (numbers spaced evenly on a log scale).
LOG_SWEEPS = {
    "lr": (0.001, 10.0, 5),
    "weight_decay": (0.0001, 0.1, 4),
    "l1": (0.0001, 0.1, 4),
    "init_scale": (0.01, 10.0, 4),
}

_STATUS = {
    "too_early": QT_TRANSLATE_NOOP("RunsLab", "too early to tell"),
    "converging": QT_TRANSLATE_NOOP("RunsLab", "converging: the loss fell %1% in %2 epochs"),
    "too_slow": QT_TRANSLATE_NOOP("RunsLab", "too slow: the loss fell only %1% in %2 epochs"),
    "oscillating": QT_TRANSLATE_NOOP("RunsLab", "oscillating: the loss goes up and down"),
    "diverged": QT_TRANSLATE_NOOP("RunsLab", "diverged at step %1: the loss became %2"),
}
_SHORT = {
    "too_early": QT_TRANSLATE_NOOP("RunsLab", "training"),
    "converging": QT_TRANSLATE_NOOP("RunsLab", "converging"),
    "too_slow": QT_TRANSLATE_NOOP("RunsLab", "too slow"),
    "oscillating": QT_TRANSLATE_NOOP("RunsLab", "oscillating"),
    "diverged": QT_TRANSLATE_NOOP("RunsLab", "diverged at step %1"),
}
#: Why, in the words of note 002 (shown as the status cell's tooltip).
_WHY = {
    "too_early": QT_TRANSLATE_NOOP("RunsLab", "Train a few more epochs before judging this run."),
    "converging": QT_TRANSLATE_NOOP(
        "RunsLab", "Each step moves the weights downhill by a sensible amount: the loss keeps falling."
    ),
    "too_slow": QT_TRANSLATE_NOOP(
        "RunsLab",
        "The steps are too small: the weights crawl downhill and the loss hardly moves. "
        "A larger learning rate would go faster.",
    ),
    "oscillating": QT_TRANSLATE_NOOP(
        "RunsLab",
        "The steps overshoot the bottom of the valley and bounce from side to side. "
        "A slightly smaller learning rate would settle.",
    ),
    "diverged": QT_TRANSLATE_NOOP(
        "RunsLab",
        "Each step overshoots further than the last, so the loss explodes. The learning rate is too large: lower it.",
    ),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def variable_name(variable: str) -> str:
    return tr(VARIABLE_NAMES.get(variable, variable))


def _number(x: float) -> str:
    return "—" if not math.isfinite(x) else f"{x:.3g}"


def status_sentence(status: RunStatus) -> str:
    """The status as a whole translated sentence with its numbers."""
    text = tr(_STATUS[status.code])
    if status.code == "diverged":
        return text.replace("%1", str(status.step)).replace("%2", _number(status.value))
    if status.code in ("converging", "too_slow"):
        return text.replace("%1", f"{100 * status.drop:.0f}").replace("%2", str(status.epochs))
    return text


def status_short(status: RunStatus) -> str:
    """A few words for a boundary's title."""
    return tr(_SHORT[status.code]).replace("%1", str(status.step))


def status_why(status: RunStatus) -> str:
    return tr(_WHY[status.code])
