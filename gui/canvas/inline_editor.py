"""The inline value editor of the network view: double-click or Enter edits a weight or bias in place.

Split out of :mod:`gui.canvas.network_view`.  The
mixin's strings keep the translation context "NetworkView"
(``QCoreApplication.translate``) so the existing .qm files still find them.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

from gui import validation
from gui.canvas.network_scene import Selection
from gui.commands import SetParameterCommand, push


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

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # QLineEdit ignores Enter; passed on to the view it would reopen the editor

    def focusOutEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        super().focusOutEvent(event)
        if event.reason() in (
            Qt.FocusReason.MouseFocusReason,
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
        ):
            self.cancelled.emit()  # clicked elsewhere: nothing is changed behind the user's back


class InlineEditorMixin:
    """Nudging and in-place editing of one weight or bias, for :class:`~gui.canvas.network_view.NetworkView`.

    Expects ``session``, ``_scene``, ``_editor``, ``_editing``, ``viewport()`` and ``view_pos_of()`` on the view.
    """

    @staticmethod
    def _parameter_key(sel: Selection) -> tuple[str, int, int, int] | None:
        """The SetParameterCommand key of a selection: weight, or a non-input node's bias."""
        if sel is None:
            return None
        if sel[0] == "edge":
            return ("W", sel[1], sel[2], sel[3])
        if sel[0] == "node" and sel[1] > 0:
            return ("b", sel[1] - 1, 0, sel[2])
        return None

    def nudge(self, sel: Selection, steps: int, coarse: bool = False) -> bool:
        """Move the selected weight/bias by ``steps`` nudge steps (one merged undo step)."""
        key = self._parameter_key(sel)
        if key is None or not steps:
            return False
        value = self.session.parameter(*key)
        new = value + steps * nudge_step(value, coarse)
        return push(self.session, SetParameterCommand(self.session, *key, new, nudge=True))

    @property
    def editor(self) -> ValueEditor | None:
        """The open inline editor, if any."""
        return self._editor

    def edit_value(self, sel: Selection) -> bool:
        """Open the inline editor on a weight or bias, prefilled with its exact value."""
        key = self._parameter_key(sel)
        if key is None:
            return False
        self._close_editor()
        editor = ValueEditor(self.viewport())
        editor.setObjectName("value_editor")
        editor.setText(repr(self.session.parameter(*key)))
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
        editor.returnPressed.connect(self._commit_editor)
        editor.cancelled.connect(self._close_editor)
        centre = self.view_pos_of(sel)
        if sel is not None and sel[0] == "edge":  # over the label, near the 1/3 point
            e = self._scene.edges_item.index(*sel[1:]) if self._scene.edges_item else 0
            centre = self.mapFromScene(self._scene.edges_item.label_at[e]) if self._scene.edges_item else centre
        editor.move(centre - QPoint(editor.width() // 2, editor.height() // 2))
        self._editor, self._editing = editor, key
        editor.show()
        editor.selectAll()
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _commit_editor(self) -> None:
        editor, key = self._editor, self._editing
        if editor is None or key is None:
            return
        text = editor.text()
        value = parse_finite(text)
        if value is None:
            message = QCoreApplication.translate(
                "NetworkView", "'%1' is not a finite number; the value was not changed."
            ).replace("%1", text)
            editor.setStyleSheet("QLineEdit { border: 2px solid #d62728; }")
            editor.setToolTip(message)
            self.session.message.emit(message)
            return
        self._close_editor()
        if value != self.session.parameter(*key):
            push(self.session, SetParameterCommand(self.session, *key, value))

    def _close_editor(self) -> None:
        editor, self._editor, self._editing = self._editor, None, None
        if editor is not None:
            editor.hide()
            editor.deleteLater()
            self.setFocus(Qt.FocusReason.OtherFocusReason)
