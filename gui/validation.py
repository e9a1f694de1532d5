"""Parsing what people type into number fields."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication


class InputError(ValueError):
    """Typed text that is not acceptable; the message is one sentence for the user."""


def parse_finite(text: str, minimum: float | None = None, integer: bool = False) -> float:
    """The number in ``text``, or InputError saying why it is refused.

    Accepts a decimal comma too ("0,5"), as Korean and European keyboards may give.
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
    return value
