"""What the gradient lab's windows share: colours, the typo sentences, number fields, saving.

The engine (``model.lab``) reports a refused expression as a code and a
character position; :func:`expr_error_sentence` turns that into one sentence
in the user's language, and :func:`caret_line` draws a caret under the spot.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QSaveFile
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QLineEdit, QWidget

from model.explain_format import fmt
from model.lab.expr import ExprError

CONTEXT = "GradientLab"

#: One colour per optimizer (Okabe-Ito: distinct under colour-vision deficiencies).
OPTIMIZER_COLOURS: dict[str, str] = {
    "sgd": "#0072B2",
    "momentum": "#E69F00",
    "nesterov": "#009E73",
    "adagrad": "#CC79A7",
    "rmsprop": "#56B4E9",
    "adam": "#D55E00",
}
#: How each optimizer is named on screen (names of algorithms: the same in both languages).
OPTIMIZER_NAMES: dict[str, str] = {
    "sgd": "SGD",
    "momentum": "Momentum",
    "nesterov": "Nesterov",
    "adagrad": "AdaGrad",
    "rmsprop": "RMSProp",
    "adam": "Adam",
}
#: Colour per gradient-check verdict (good, fine, suspicious, wrong).
VERDICT_COLOURS: dict[str, QColor] = {
    "good": QColor(0, 158, 115, 90),
    "fine": QColor(86, 180, 233, 90),
    "suspicious": QColor(230, 159, 0, 110),
    "wrong": QColor(213, 94, 0, 130),
}

#: code -> sentence template (%1 = character position from 1, %2 = the offending text, %3 = a number).
_EXPR_SENTENCES: dict[str, str] = {
    "empty": QT_TRANSLATE_NOOP("GradientLab", "Type a function, for example x0^2 + x1^2."),
    "too_long": QT_TRANSLATE_NOOP("GradientLab", "The function is too long: at most %3 characters."),
    "too_deep": QT_TRANSLATE_NOOP(
        "GradientLab", "Character %1: too many nested parentheses or signs (at most %3 levels)."
    ),
    "bad_character": QT_TRANSLATE_NOOP(
        "GradientLab",
        "Character %1: '%2' cannot be used; write numbers, x0, x1, + − * / ^, parentheses and functions like sin.",
    ),
    "bad_number": QT_TRANSLATE_NOOP("GradientLab", "Character %1: '%2' is not a number."),
    "unknown_name": QT_TRANSLATE_NOOP(
        "GradientLab", "Character %1: '%2' is unknown; use x0, x1, pi, e or a function like sin, exp or sqrt."
    ),
    "attribute": QT_TRANSLATE_NOOP("GradientLab", "Character %1: a '.' after a name is not allowed."),
    "not_a_function": QT_TRANSLATE_NOOP(
        "GradientLab", "Character %1: '%2' is not a function; is a * missing before the '('?"
    ),
    "needs_parentheses": QT_TRANSLATE_NOOP(
        "GradientLab", "Character %1: '%2' needs its argument in parentheses, for example %2(x0)."
    ),
    "wrong_arguments": QT_TRANSLATE_NOOP("GradientLab", "Character %1: '%2' takes %3 argument(s)."),
    "missing_operand": QT_TRANSLATE_NOOP("GradientLab", "Character %1: a number, a variable or '(' is missing here."),
    "missing_operator": QT_TRANSLATE_NOOP(
        "GradientLab", "Character %1: an operator is missing before '%2' (write 2*x0, not 2x0)."
    ),
    "unclosed_parenthesis": QT_TRANSLATE_NOOP("GradientLab", "Character %1: this '(' is never closed."),
    "unmatched_parenthesis": QT_TRANSLATE_NOOP("GradientLab", "Character %1: this ')' has no matching '('."),
}


def lab_text(text: str) -> str:
    """A string marked with QT_TRANSLATE_NOOP("GradientLab", ...), translated now."""
    return QCoreApplication.translate(CONTEXT, text)


def expr_error_sentence(err: ExprError) -> str:
    """One sentence for a refused expression, pointing at the character (counted from 1)."""
    template = lab_text(_EXPR_SENTENCES.get(err.code, _EXPR_SENTENCES["missing_operand"]))
    return template.replace("%1", str(err.position + 1)).replace("%2", err.text).replace("%3", str(err.expected))


def caret_line(text: str, err: ExprError) -> str:
    """``text`` with a caret under the offending character (for a monospace label)."""
    pos = min(err.position, len(text))
    return f"{text}\n{' ' * pos}^"


def parse_float(edit: QLineEdit, minimum: float | None = None) -> float | None:
    """The finite number in ``edit`` (≥ minimum), or None."""
    try:
        value = float(edit.text().strip().replace("−", "-"))
    except ValueError:
        return None
    if not math.isfinite(value) or (minimum is not None and value < minimum):
        return None
    return value


def number(x: float, digits: int = 4) -> str:
    return fmt(x, digits)


def save_text(parent: QWidget, title: str, name: str, file_filter: str, text: str) -> bool:
    """Ask where, then write ``text`` atomically; False if cancelled or failed (the caller reports)."""
    path, _ = QFileDialog.getSaveFileName(parent, title, name, file_filter)
    if not path:
        return False
    out = QSaveFile(path)
    if not out.open(QSaveFile.OpenModeFlag.WriteOnly):
        return False
    out.write(text.encode("utf-8"))
    return bool(out.commit())


def save_png(parent: QWidget, widget: QWidget, title: str, name: str) -> bool:
    path, _ = QFileDialog.getSaveFileName(parent, title, name, "PNG (*.png)")
    return bool(path) and widget.grab().save(path, "PNG")


def is_language_change(event: QEvent) -> bool:
    return event.type() == QEvent.Type.LanguageChange


def save_path_hint(name: str) -> str:
    return str(Path.home() / name)
