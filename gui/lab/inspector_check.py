"""The inspector's gradient-check line: the selected weight's backprop ∂L/∂w beside its central difference.

A self-contained widget the inspector shows under its text; it is told the
selected parameter and recomputes with :func:`model.gradcheck.gradient_check`
restricted to that one parameter (two forward passes) on the training samples.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from gui.lab.common import VERDICT_COLOURS, lab_text, number, parse_float
from gui.lab.gradcheck_table import VERDICT_TEXT, check_data
from model.gradcheck import gradient_check

if TYPE_CHECKING:
    from gui.session import Session


class GradientCheckLine(QWidget):
    """One line: backprop, numerical, relative error and verdict for the inspector's parameter."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector_gradient_check")
        self.session = session
        self.param: tuple[str, int, int, int] | None = None
        self.label = QLabel(objectName="gradient_check_line")
        self.label.setWordWrap(True)
        self.h_edit = QLineEdit("1e-4", objectName="gradient_check_h")
        self.h_edit.setMaximumWidth(70)
        self.h_edit.editingFinished.connect(self.refresh)
        self.h_label = QLabel("h =")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.h_label)
        row.addWidget(self.h_edit)
        self.setVisible(False)

    def set_parameter(self, param: tuple[str, int, int, int] | None) -> None:
        """The inspector's parameter: ("W", k, i, j) or ("b", k, 0, j); None hides the line."""
        self.param = param
        self.refresh()

    def refresh(self) -> None:
        if self.param is None:
            self.setVisible(False)
            return
        kind, k, i, j = self.param
        key = (kind, k, i if kind == "W" else -1, j)
        net = self.session.network
        h = parse_float(self.h_edit)
        if h is None or h <= 0:
            self.label.setText(self.tr("Gradient check: h needs a number greater than 0."))
            self.setVisible(True)
            return
        if kind == "b" and not net.bias[k]:
            self.setVisible(False)
            return
        X, Y = check_data(self.session)
        rows = gradient_check(net, X, Y, h=h, only={key})
        if not rows:
            self.setVisible(False)
            return
        r = rows[0]
        text = self.tr("Gradient check: backprop %1, central difference %2, relative error %3 (%4)")
        text = text.replace("%1", number(r.backprop, 6)).replace("%2", number(r.numeric, 6))
        text = text.replace("%3", number(r.rel_error, 2)).replace("%4", lab_text(VERDICT_TEXT[r.verdict]))
        if r.kink:
            text += " " + self.tr("— a ReLU/step input crossed 0 within ±h.")
        self.label.setText(text)
        colour = VERDICT_COLOURS[r.verdict]
        self.label.setStyleSheet(f"background: rgba({colour.red()}, {colour.green()}, {colour.blue()}, 90);")
        self.setVisible(True)
