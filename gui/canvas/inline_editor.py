"""The inline value editor of the network view: double-click or Enter edits a weight or bias in place.

:class:`InlineEditor` is a small object the view owns (``view.inline``), given the view it draws on and the
session it edits.  Its strings keep the translation context "NetworkView"
(``QCoreApplication.translate``) so the existing .qm files still find them.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

from gui import validation
from gui.canvas.network_scene import Selection
from gui.commands import SetParameterCommand, push
from gui.safety import total
from model.limits import in_range

if TYPE_CHECKING:
    from gui.canvas.network_view import NetworkView
    from gui.session import Session


def parse_finite(text: str) -> float | None:
    """The finite float ``text`` spells, or None ("abc", "nan", "inf", "1e999", "").

    Same rules as every other number field (decimal comma and "−" accepted).
    """
    try:
        value = validation.parse_finite(text)
    except validation.InputError:
        return None
    return value if math.isfinite(value) else None


def nudge_step(value: float, coarse: bool) -> float:
    """1 % of |value|, at least 0.01; ×10 with Ctrl."""
    return max(abs(value) * 0.01, 0.01) * (10.0 if coarse else 1.0)


class ValueEditor(QLineEdit):
    """The inline editor of one number; Esc cancels, Enter asks the view to commit."""

    cancelled = Signal()

    @total
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # QLineEdit ignores Enter; passed on to the view it would reopen the editor

    @total
    def focusOutEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        super().focusOutEvent(event)
        if event.reason() in (
            Qt.FocusReason.MouseFocusReason,
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
        ):
            self.cancelled.emit()  # clicked elsewhere: nothing is changed behind the user's back


def parameter_key(sel: Selection) -> tuple[str, int, int, int] | None:
    """The SetParameterCommand key of a selection: weight, or a non-input node's bias (else None)."""
    if sel is None:
        return None
    if sel[0] == "edge":
        return ("W", sel[1], sel[2], sel[3])
    if sel[0] == "node" and sel[1] > 0:
        return ("b", sel[1] - 1, 0, sel[2])
    return None


class InlineEditor:
    """Nudging and in-place editing of one weight or bias shown by ``view``; every change is an undo command.

    Uses only the view's public surface: ``viewport()``, ``scene()``, ``view_pos_of()``, ``mapFromScene()``
    and ``setFocus()``.
    """

    def __init__(self, view: NetworkView, session: Session) -> None:
        self._view = view
        self._session = session
        self._editor: ValueEditor | None = None
        self._editing: tuple[str, int, int, int] | None = None

    def nudge(self, sel: Selection, steps: int, coarse: bool = False) -> bool:
        """Move the selected weight/bias by ``steps`` nudge steps (one merged undo step)."""
        key = parameter_key(sel)
        if key is None or not steps:
            return False
        value = self._session.parameter(*key)
        new = value + steps * nudge_step(value, coarse)
        if not in_range(new):  # a nudge stays within the range a typed value must keep
            self._session.message.emit(validation.range_error(f"{new:g}").args[0])
            return False
        return push(self._session, SetParameterCommand(self._session, *key, new, nudge=True))

    @property
    def editor(self) -> ValueEditor | None:
        """The open inline editor, if any."""
        return self._editor

    def edit_value(self, sel: Selection) -> bool:
        """Open the inline editor on a weight or bias, prefilled with its exact value."""
        key = parameter_key(sel)
        if key is None:
            return False
        self.close()
        view = self._view
        editor = ValueEditor(view.viewport())
        editor.setObjectName("value_editor")
        editor.setText(repr(self._session.parameter(*key)))
        what = (
            QCoreApplication.translate("NetworkView", "weight")
            if key[0] == "W"
            else QCoreApplication.translate("NetworkView", "bias")
        )
        editor.setToolTip(
            QCoreApplication.translate("NetworkView", "New %1: Enter to set, Esc to cancel").replace("%1", what)
        )
        editor.setMinimumWidth(170)
        editor.adjustSize()
        editor.returnPressed.connect(self._commit)
        editor.cancelled.connect(self.close)
        centre = view.view_pos_of(sel)
        edges = view.scene().edges_item
        if sel is not None and sel[0] == "edge" and edges is not None:  # over the label, near the 1/3 point
            centre = view.mapFromScene(edges.label_at[edges.index(*sel[1:])])
        editor.move(centre - QPoint(editor.width() // 2, editor.height() // 2))
        self._editor, self._editing = editor, key
        editor.show()
        editor.selectAll()
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def close(self) -> None:
        """Close the editor without changing anything (the layout moved, the user clicked elsewhere, Esc)."""
        editor, self._editor, self._editing = self._editor, None, None
        if editor is not None:
            editor.hide()
            editor.deleteLater()
            self._view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _commit(self) -> None:
        editor, key = self._editor, self._editing
        if editor is None or key is None:
            return
        text = editor.text()
        try:
            value = validation.parse_finite(text)
        except validation.InputError as exc:
            message = str(exc)
            editor.setText(repr(self._session.parameter(*key)))  # the value still in use
            editor.selectAll()
            editor.setStyleSheet("QLineEdit { border: 2px solid #d62728; }")
            editor.setToolTip(message)
            self._session.message.emit(message)
            return
        self.close()
        if value != self._session.parameter(*key):
            push(self._session, SetParameterCommand(self._session, *key, value))
