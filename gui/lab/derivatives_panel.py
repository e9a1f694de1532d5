"""Derivatives (1-D, note 003): forward and central differences beside the exact derivative, and the h sweep.

The numbers come from :mod:`model.lab.derivatives`; the log–log plot shows
both errors against h with the O(h) and O(h²) slopes, and a sentence says why
h = 1e-50 gives exactly 0 (x + h == x in the chosen precision).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.lab.common import caret_line, expr_error_sentence, number, parse_float
from gui.safety import total
from model.lab import derivatives as d
from model.lab.expr import ExprError

TYPED = "typed"


class DerivativesPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("derivatives_panel")
        self.fn: d.Function1D = d.FUNCTIONS_1D["textbook"]
        grid = QGridLayout()
        self.function_combo = QComboBox(objectName="function_combo")
        for key, fn in d.FUNCTIONS_1D.items():
            self.function_combo.addItem(fn.label, key)
        self.function_combo.addItem("", TYPED)
        self.function_combo.activated.connect(self._on_function_chosen)
        self.expression_edit = QLineEdit("0.01*x^2 + 0.1*x", objectName="expression_edit")
        self.expression_edit.editingFinished.connect(lambda: self.set_function(TYPED, self.expression_edit.text()))
        self.x_edit, self.h_edit = QLineEdit("5", objectName="x_edit"), QLineEdit("1e-4", objectName="h_edit")
        for edit in (self.x_edit, self.h_edit):
            edit.editingFinished.connect(self.recompute)
        self.dtype_combo = QComboBox(objectName="dtype_combo")
        self.dtype_combo.addItems(list(d.DTYPES))
        self.dtype_combo.currentIndexChanged.connect(lambda _i: self.recompute())
        self.labels = [QLabel() for _ in range(5)]
        for r, (label, widget) in enumerate(
            zip(
                self.labels,
                (self.function_combo, self.expression_edit, self.x_edit, self.h_edit, self.dtype_combo),
                strict=True,
            )
        ):
            grid.addWidget(label, r, 0)
            grid.addWidget(widget, r, 1)
        self.error_label = QLabel(objectName="error_label")
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.setWordWrap(True)
        self.table = QTableWidget(3, 3, objectName="differences_table")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setMaximumHeight(130)
        self.fact_label = QLabel(objectName="fact_label")
        self.fact_label.setWordWrap(True)
        self.plot = pg.PlotWidget()
        self.plot.setObjectName("sweep_plot")
        self.plot.setBackground("w")
        self.plot.setLogMode(x=True, y=True)
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        for axis in ("bottom", "left"):
            self.plot.getAxis(axis).enableAutoSIPrefix(False)
        self.legend = self.plot.addLegend(offset=(10, 10))
        self.forward_curve = self.plot.plot(
            pen=pg.mkPen("#0072B2", width=2), symbol="o", symbolSize=5, symbolBrush="#0072B2"
        )
        self.central_curve = self.plot.plot(
            pen=pg.mkPen("#D55E00", width=2), symbol="s", symbolSize=5, symbolBrush="#D55E00"
        )
        self.slope1 = self.plot.plot(pen=pg.mkPen("#0072B2", style=Qt.PenStyle.DashLine))
        self.slope2 = self.plot.plot(pen=pg.mkPen("#D55E00", style=Qt.PenStyle.DashLine))
        lay = QVBoxLayout(self)
        lay.addLayout(grid)
        lay.addWidget(self.error_label)
        lay.addWidget(self.table)
        lay.addWidget(self.fact_label)
        lay.addWidget(self.plot, 1)
        self.retranslate()
        self.resize(900, 700)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Derivatives: forward and central differences"))
        for label, text in zip(
            self.labels,
            (self.tr("f(x):"), self.tr("typed f(x):"), self.tr("at x ="), self.tr("step h ="), self.tr("precision:")),
            strict=True,
        ):
            label.setText(text)
        self.function_combo.setItemText(self.function_combo.count() - 1, self.tr("Type a function…"))
        self.table.setHorizontalHeaderLabels([self.tr("value"), self.tr("error"), self.tr("formula")])
        self.table.setVerticalHeaderLabels([self.tr("forward"), self.tr("central"), self.tr("exact")])
        self.plot.setLabel("bottom", self.tr("step h"))
        self.plot.setLabel("left", self.tr("error |estimate − exact|"))
        self.legend.clear()
        self.legend.addItem(self.forward_curve, self.tr("forward difference"))
        self.legend.addItem(self.central_curve, self.tr("central difference"))
        self.legend.addItem(self.slope1, self.tr("slope 1: error ~ h"))
        self.legend.addItem(self.slope2, self.tr("slope 2: error ~ h²"))
        self.recompute()

    @total
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:  # @total already keeps exceptions from reaching Qt
            self.retranslate()
        super().changeEvent(event)

    def _on_function_chosen(self, index: int) -> None:
        self.set_function(self.function_combo.itemData(index), self.expression_edit.text())

    def set_function(self, key: str, text: str = "") -> bool:
        if key == TYPED:
            try:
                fn = d.typed_function(text)
            except ExprError as err:
                self.error_label.setText(expr_error_sentence(err) + "\n" + caret_line(text, err))
                return False
        else:
            fn = d.FUNCTIONS_1D[key]
        self.function_combo.setCurrentIndex(self.function_combo.findData(key))
        self.error_label.setText("")
        self.fn = fn
        self.recompute()
        return True

    def recompute(self) -> None:
        x, h = parse_float(self.x_edit), parse_float(self.h_edit)
        if x is None or h is None or h <= 0:
            self.error_label.setText(self.tr("x needs a number and h a number greater than 0."))
            return
        dtype = self.dtype_combo.currentText() or "float64"
        r = d.differences(self.fn, x, h, dtype)
        rows = [
            (r.forward, r.forward_error, "(f(x + h) − f(x)) / h"),
            (r.central, r.central_error, "(f(x + h) − f(x − h)) / 2h"),
            (r.exact, 0.0, "f′(x)"),
        ]
        for i, (value, err, formula) in enumerate(rows):
            for j, text in enumerate((repr(float(value)), number(err, 3), formula)):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        fact = d.rounding_fact(self.fn, x, 1e-50 if h > 1e-50 else h, dtype)
        sentence = (
            self.tr(
                "With h = %1 in %2: x + h == x (floats next to x are %3 apart), so f(x + h) − f(x) = 0 and both "
                "differences are exactly 0."
            )
            if fact.swallowed
            else self.tr("With h = %1 in %2, x + h differs from x (floats next to x are %3 apart).")
        )
        sentence = sentence.replace("%1", number(fact.h)).replace("%2", dtype).replace("%3", number(fact.spacing))
        self.fact_label.setText(sentence)
        s = d.h_sweep(self.fn, x, dtype=dtype)
        keep = s.h >= 1e-20  # 1e-50 would squash the plot; the sentence above covers it

        def positive(err: np.ndarray) -> np.ndarray:
            # log axes cannot show 0 (h swallowed, or exact by luck): draw those at 1e-20
            return np.where(np.isfinite(err) & (err > 0), err, 1e-20)

        self.forward_curve.setData(s.h[keep], positive(s.forward_error[keep]))
        self.central_curve.setData(s.h[keep], positive(s.central_error[keep]))
        big = s.h[:4]
        self.slope1.setData(big, positive(s.forward_error[:1])[0] * big / big[0])
        self.slope2.setData(big, positive(s.central_error[:1])[0] * (big / big[0]) ** 2)
