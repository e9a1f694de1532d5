"""Gradient check of the student's own network: every parameter, worst relative error first.

The rows come from :func:`model.gradcheck.gradient_check` on the training
samples (the loss training differentiates); the table sorts by any column and
colours each row by its verdict (good ≤ 1e-7, fine ≤ 1e-4, suspicious ≤ 1e-2,
wrong above), with a warning where the ±h probe crossed a ReLU/step corner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.lab.common import VERDICT_COLOURS, lab_text, number, parse_float
from gui.safety import total
from model.cli_gradcheck import parameter_name
from model.dataset import TRAIN
from model.gradcheck import GradCheckRow, gradient_check, worst_first

if TYPE_CHECKING:
    from gui.session import Session

VERDICT_TEXT = {
    "good": QT_TRANSLATE_NOOP("GradientLab", "good"),
    "fine": QT_TRANSLATE_NOOP("GradientLab", "fine (expected near a kink)"),
    "suspicious": QT_TRANSLATE_NOOP("GradientLab", "suspicious"),
    "wrong": QT_TRANSLATE_NOOP("GradientLab", "wrong"),
}


class _Number(QTableWidgetItem):
    """A cell that sorts by its number, not its text."""

    def __init__(self, value: float, text: str) -> None:
        super().__init__(text)
        self.value = value

    def __lt__(self, other: QTableWidgetItem) -> bool:
        try:
            return bool(self.value < getattr(other, "value", 0.0))
        except Exception:  # noqa: BLE001 - a Qt virtual: never raise
            return False


def check_data(session: Session) -> tuple[np.ndarray, np.ndarray]:
    """The samples the check runs on: the training part (all samples when there is none)."""
    X, Y = session.dataset.part(TRAIN)
    if not len(X):
        X, Y = session.dataset.X, session.dataset.Y
    return X, Y


class GradientCheckWindow(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("gradient_check_window")
        self.session = session
        self.rows: list[GradCheckRow] = []
        self.h_label = QLabel()
        self.h_edit = QLineEdit("1e-4", objectName="h_edit")
        self.h_edit.setMaximumWidth(90)
        self.run_button = QPushButton(objectName="run_check")
        self.run_button.clicked.connect(self.run)
        self.summary = QLabel(objectName="check_summary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 6, objectName="check_table")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        top = QHBoxLayout()
        top.addWidget(self.h_label)
        top.addWidget(self.h_edit)
        top.addWidget(self.run_button)
        top.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        self.retranslate()
        self.resize(820, 520)
        self.run()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Gradient check: backprop against finite differences"))
        self.h_label.setText(self.tr("step h ="))
        self.run_button.setText(self.tr("Check every parameter"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("parameter"),
                self.tr("backprop ∂L/∂w"),
                self.tr("numerical"),
                self.tr("relative error"),
                self.tr("verdict"),
                self.tr("kink"),
            ]
        )
        if self.rows:
            self._fill()

    @total
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        try:
            if event.type() == QEvent.Type.LanguageChange:
                self.retranslate()
        except Exception:  # noqa: BLE001 - never let an exception leave a Qt override
            pass
        super().changeEvent(event)

    def run(self) -> bool:
        """Check every parameter of the session's network now; False (and a sentence) on a bad h."""
        h = parse_float(self.h_edit)
        if h is None or h <= 0:
            self.summary.setText(self.tr("h needs a number greater than 0, e.g. 1e-4."))
            return False
        X, Y = check_data(self.session)
        self.rows = worst_first(gradient_check(self.session.network, X, Y, h=h))
        self._fill()
        return True

    def _fill(self) -> None:
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            cells = [
                QTableWidgetItem(parameter_name(row)),
                _Number(row.backprop, number(row.backprop, 8)),
                _Number(row.numeric, number(row.numeric, 8)),
                _Number(row.rel_error, number(row.rel_error, 2)),
                QTableWidgetItem(lab_text(VERDICT_TEXT[row.verdict])),
                QTableWidgetItem(self.tr("a ReLU/step input crossed 0") if row.kink else ""),
            ]
            for c, cell in enumerate(cells):
                cell.setBackground(VERDICT_COLOURS[row.verdict])
                self.table.setItem(r, c, cell)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()
        worst = self.rows[0] if self.rows else None
        if worst is None:
            self.summary.setText(self.tr("The network has no parameters to check."))
            return
        kinks = sum(r.kink for r in self.rows)
        text = self.tr("%1 parameters; the worst relative error is %2 (%3).").replace("%1", str(len(self.rows)))
        text = text.replace("%2", number(worst.rel_error, 2)).replace("%3", lab_text(VERDICT_TEXT[worst.verdict]))
        if kinks:
            text += " " + self.tr(
                "%1 of them sit near a ReLU/step corner: there a finite difference can disagree "
                "with a correct backprop."
            ).replace("%1", str(kinks))
        self.summary.setText(text)
