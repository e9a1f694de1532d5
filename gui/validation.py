"""Parsing what people type into number fields: one sentence for what is refused.

The ranges come from the model: :data:`model.limits.MAX_VALUE` for weights,
biases and data values, :data:`model.settings.BOUNDS` for the training
settings (the file validator and autosave apply the same ones).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from model.limits import MAX_VALUE
from model.settings import BOUNDS


class InputError(ValueError):
    """Typed text that is not acceptable; the message is one sentence for the user."""


def number_text(value: float) -> str:
    """A bound as people read it: 1000000, 10000, 0.5 (not 1e+06)."""
    return f"{value:.0f}" if value == int(value) and abs(value) < 1e16 else f"{value:g}"


def range_error(text: str, bound: float = MAX_VALUE) -> InputError:
    """The refusal of a value beyond ±``bound`` (typed as ``text``)."""
    return InputError(
        QCoreApplication.translate(
            "validation", "'%1' is outside the allowed range from -%2 to %2; nothing was changed."
        )
        .replace("%1", text)
        .replace("%2", number_text(bound))
    )


def parse_finite(
    text: str,
    minimum: float | None = None,
    integer: bool = False,
    maximum: float | None = None,
    bound: float | None = MAX_VALUE,
) -> float:
    """The number in ``text``, or InputError saying why it is refused.

    ``bound``: |value| must not exceed it (by default model.limits.MAX_VALUE, the range of every
    weight, bias and data value); ``minimum``/``maximum`` narrow it further.  Accepts a decimal comma
    too ("0,5"), as Korean and European keyboards may give.
    """
    cleaned = text.strip().replace(",", ".").replace("−", "-")
    try:
        value = float(cleaned)
    except ValueError:
        raise InputError(
            QCoreApplication.translate("validation", "'%1' is not a number; nothing was changed.").replace("%1", text)
        ) from None
    if not math.isfinite(value):
        raise InputError(
            QCoreApplication.translate("validation", "'%1' is not a finite number; nothing was changed.").replace(
                "%1", text
            )
        )
    if integer and value != int(value):
        raise InputError(
            QCoreApplication.translate("validation", "'%1' is not a whole number; nothing was changed.").replace(
                "%1", text
            )
        )
    if minimum is not None and value < minimum:
        raise InputError(
            QCoreApplication.translate(
                "validation", "'%1' is below the smallest allowed value %2; nothing was changed."
            )
            .replace("%1", text)
            .replace("%2", f"{minimum:g}")
        )
    if maximum is not None and value > maximum:
        raise InputError(
            QCoreApplication.translate("validation", "'%1' is above the largest allowed value %2; nothing was changed.")
            .replace("%1", text)
            .replace("%2", number_text(maximum))
        )
    if bound is not None and abs(value) > bound:
        raise range_error(text, bound)
    return value


def parse_setting(name: str, text: str) -> float | int:
    """A training setting typed as ``text``, within model.settings.BOUNDS[name]."""
    lo, hi, whole = BOUNDS[name]
    value = parse_finite(text, minimum=lo, integer=whole, maximum=hi, bound=None)
    return int(value) if whole else value
