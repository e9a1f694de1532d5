"""The runs lab's dock: the form (what varies, its values, epochs), the comparison and the learning-rate finder.

Widgets only: :class:`~gui.lab.runs_lab.RunsLab` owns the runs, the timer and the actions, and fills these
widgets in.  Buttons show the lab's actions (``window.action("runs_run")`` ...), so a click and a script do the
same thing.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSlider,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.lab import runs_text as text
from gui.lab.runs_view import BoundaryGrid, CurvesPlot
from model.run_specs import VARIABLES


def _button(action: QAction) -> QToolButton:
    b = QToolButton()
    b.setDefaultAction(action)
    b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return b


class RunsDock(QDockWidget):
    """The dock; ``actions`` are the lab's actions by name (their buttons sit in the dock)."""

    def __init__(self, parent: QWidget, actions: dict[str, QAction]) -> None:
        super().__init__(parent)
        self.setObjectName("dock_runs")
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)

        # ---- what varies
        self.variable_combo = QComboBox()
        self.variable_combo.setObjectName("runs_variable")
        for v in VARIABLES:
            self.variable_combo.addItem(v, v)
        self.values_edit = QLineEdit()
        self.values_edit.setObjectName("runs_values")
        self.epochs_spin = QSpinBox()
        self.epochs_spin.setObjectName("runs_epochs")
        self.epochs_spin.setRange(1, 100_000)
        self.epochs_spin.setValue(200)
        self.target_edit = QLineEdit("0.1")
        self.target_edit.setObjectName("runs_target")
        self.target_edit.setMaximumWidth(80)
        self.x_combo = QComboBox()
        self.x_combo.setObjectName("runs_x_axis")
        self.x_combo.addItem("", "epoch")
        self.x_combo.addItem("", "step")
        self.log_check = QCheckBox()
        self.log_check.setObjectName("runs_log_scale")
        self.log_check.setChecked(True)  # a learning-rate sweep spans orders of magnitude
        self.form = QFormLayout()
        values_row = QHBoxLayout()
        values_row.addWidget(self.values_edit, 1)
        values_row.addWidget(_button(actions["runs_log_sweep"]))
        self.form.addRow("", self.variable_combo)
        self.form.addRow("", values_row)
        epochs_row = QHBoxLayout()
        epochs_row.addWidget(self.epochs_spin)
        self.target_label = QLabel()
        epochs_row.addWidget(self.target_label)
        epochs_row.addWidget(self.target_edit)
        epochs_row.addStretch(1)
        self.form.addRow("", epochs_row)
        layout.addLayout(self.form)

        # ---- Run / Pause / Step epoch / progress
        buttons = QHBoxLayout()
        for name in ("runs_run", "runs_step_epoch", "runs_reset", "runs_adopt", "runs_export_csv", "runs_export_png"):
            buttons.addWidget(_button(actions[name]))
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.progress = QProgressBar()
        self.progress.setObjectName("runs_progress")
        self.progress.setRange(0, 1000)
        layout.addWidget(self.progress)
        self.message = QLabel()
        self.message.setObjectName("runs_message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        # ---- the comparison and the finder, as tabs
        self.tabs = QTabWidget()
        compare = QWidget()
        c = QVBoxLayout(compare)
        c.setContentsMargins(0, 0, 0, 0)
        view_row = QHBoxLayout()
        self.x_label = QLabel()
        view_row.addWidget(self.x_label)
        view_row.addWidget(self.x_combo)
        view_row.addWidget(self.log_check)
        view_row.addStretch(1)
        c.addLayout(view_row)
        self.curves = CurvesPlot()
        self.curves.set_log(True)
        self.curves.setMinimumHeight(180)
        c.addWidget(self.curves, 3)
        scrub_row = QHBoxLayout()
        self.scrub_label = QLabel()
        self.scrubber = QSlider(Qt.Orientation.Horizontal)
        self.scrubber.setObjectName("runs_scrubber")
        self.scrubber.setRange(0, 0)
        scrub_row.addWidget(self.scrub_label)
        scrub_row.addWidget(self.scrubber, 1)
        c.addLayout(scrub_row)
        self.boundaries = BoundaryGrid()
        self.boundaries.setMinimumHeight(150)
        c.addWidget(self.boundaries, 2)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("runs_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(120)
        self.table.setWordWrap(True)
        c.addWidget(self.table, 2)
        self.tabs.addTab(compare, "")

        finder = QWidget()
        f = QVBoxLayout(finder)
        f.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(_button(actions["runs_find_lr"]))
        row.addWidget(_button(actions["runs_use_lr"]))
        row.addStretch(1)
        f.addLayout(row)
        self.finder_plot = pg.PlotWidget()
        self.finder_plot.setObjectName("runs_finder_plot")
        self.finder_plot.setBackground("w")
        self.finder_plot.setLogMode(x=True)
        self.finder_plot.showGrid(x=True, y=True, alpha=0.2)
        self.finder_raw = self.finder_plot.plot([], [], pen=pg.mkPen("#BBBBBB", width=1), connect="finite")
        self.finder_curve = self.finder_plot.plot([], [], pen=pg.mkPen("#0072B2", width=2), connect="finite")
        self.finder_mark = pg.InfiniteLine(angle=90, pen=pg.mkPen("#D55E00", width=2))
        self.finder_mark.setVisible(False)
        self.finder_plot.addItem(self.finder_mark)
        f.addWidget(self.finder_plot, 1)
        self.finder_label = QLabel()
        self.finder_label.setObjectName("runs_finder_label")
        self.finder_label.setWordWrap(True)
        f.addWidget(self.finder_label)
        self.tabs.addTab(finder, "")
        layout.addWidget(self.tabs, 1)
        self.setWidget(body)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Compare runs"))
        for i in range(self.variable_combo.count()):
            self.variable_combo.setItemText(i, text.variable_name(self.variable_combo.itemData(i)))
        labels = (self.tr("Vary"), self.tr("Values"), self.tr("Epochs"))
        for row, label in enumerate(labels):
            item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and item.widget() is not None:
                item.widget().setText(label)  # type: ignore[attr-defined]
            else:
                self.form.setWidget(row, QFormLayout.ItemRole.LabelRole, QLabel(label))
        self.values_edit.setPlaceholderText(self.tr("e.g. 0.001, 0.01, 0.1, 1"))
        self.target_label.setText(self.tr("Target loss"))
        self.x_label.setText(self.tr("x-axis:"))
        self.x_combo.setItemText(0, self.tr("epochs"))
        self.x_combo.setItemText(1, self.tr("steps"))
        self.log_check.setText(self.tr("Log-scale loss"))
        self.scrub_label.setText(self.tr("Epoch"))
        self.tabs.setTabText(0, self.tr("Comparison"))
        self.tabs.setTabText(1, self.tr("Learning-rate finder"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Value"),
                self.tr("Final loss"),
                self.tr("Best loss"),
                self.tr("Epochs to target"),
                self.tr("Accuracy"),
                self.tr("Status"),
            ]
        )
