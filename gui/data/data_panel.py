"""The data table: one row per sample with its inputs, targets and what the network makes of it.

Like the XOR table in the lecture notes, small networks (≤ 8 hidden neurons in
all) also show every hidden neuron's output a, so students can check a
forward pass by hand.  The rows of the current step's batch are highlighted
and misclassified rows marked.  Choosing "Step on: selected sample" makes
the stepper work on the selected row alone (``Session.set_scope``).

``refresh()`` runs one vectorised forward pass over all rows and announces
the new numbers with a single ``dataChanged``; the model is only reset when
the columns or the row count change.  The panel refreshes itself on the
session's ``values_changed`` / ``structure_changed`` while it is visible.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget

import model
from gui.controller import PlayThrottle
from gui.plots.boundary import classes
from gui.safety import total

if TYPE_CHECKING:
    from gui.session import Session

Array = np.ndarray

#: Hidden neurons are shown as columns when the network has at most this many in all.
MAX_HIDDEN_COLUMNS = 8
#: A role giving the raw float of a number cell (tests, sorting, copying at full precision).
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
#: A role giving True for the cells of a misclassified row.
MISCLASSIFIED_ROLE = Qt.ItemDataRole.UserRole + 2

BATCH_COLOUR = QColor(255, 236, 153)  # pale yellow: in the step's batch
WRONG_COLOUR = QColor(244, 199, 199)  # pale red: the output cells of a misclassified row
WRONG_TEXT = QColor(170, 0, 0)
BATCH_TEXT = QColor(17, 17, 17)


def fmt(value: float) -> str:
    """A number to 4 significant digits."""
    return f"{value:.4g}"


class SampleTableModel(QAbstractTableModel):
    """Rows = samples; columns = #, split, inputs, targets, outputs, hidden outputs.

    ``values`` (n, k) float64 holds every number column (k = all columns but #
    and split), so ``data()`` only formats; ``in_batch`` and ``wrong`` are (n,) bool.
    """

    FIXED = 2  # the "#" and "split" columns

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []
        self.tooltips: list[str] = []
        self.values = np.zeros((0, 0))
        self.split = np.zeros(0, dtype=np.int64)
        self.in_batch = np.zeros(0, dtype=bool)
        self.wrong = np.zeros(0, dtype=bool)
        self.output_columns = range(0)  # column numbers of the network's outputs
        #: Set by the data editor: edit_cell(row, column, value) -> bool commits an edit of a split,
        #: input or target cell (as an undo command); while None the table is read-only.
        self.edit_cell: Callable[[int, int, Any], bool] | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    # ------------------------------------------------------------- Qt model API
    @total(0)
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.values)

    @total(0)
    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    @total
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltips[section]
        return None

    @total(Qt.ItemFlag.NoItemFlags)
    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.edit_cell is not None and 1 <= index.column() < self.output_columns.start:
            flags |= Qt.ItemFlag.ItemIsEditable  # split, inputs and targets; never the network's outputs
        return flags

    @total(False)
    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        return bool(self.edit_cell(index.row(), index.column(), value))  # type: ignore[misc]

    @total
    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        wrong = bool(self.wrong[row])
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return str(row)
            if col == 1:
                return self._split_name(int(self.split[row]))
            return fmt(float(self.values[row, col - self.FIXED]))
        if role == Qt.ItemDataRole.EditRole and col >= 1:  # what an editor starts from: full precision
            if col == 1:
                return int(self.split[row])
            text = repr(float(self.values[row, col - self.FIXED]))
            return text[:-2] if text.endswith(".0") else text
        if role == VALUE_ROLE:
            return row if col == 0 else int(self.split[row]) if col == 1 else float(self.values[row, col - self.FIXED])
        if role == MISCLASSIFIED_ROLE:
            return wrong
        if role == Qt.ItemDataRole.BackgroundRole:
            if wrong and (col in self.output_columns or (col == 0 and not self.in_batch[row])):
                return WRONG_COLOUR  # under WRONG_TEXT: a pale background keeps it legible in the dark theme too
            return BATCH_COLOUR if self.in_batch[row] else None
        if role == Qt.ItemDataRole.ForegroundRole and wrong and (col == 0 or col in self.output_columns):
            return WRONG_TEXT
        if role == Qt.ItemDataRole.ForegroundRole and self.in_batch[row]:
            return BATCH_TEXT  # dark on the pale highlight, in the dark theme too (its text is light)
        if role == Qt.ItemDataRole.FontRole and wrong and (col == 0 or col in self.output_columns):
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= self.FIXED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            notes = []
            if self.in_batch[row]:
                notes.append(self.tr("In this step's batch."))
            if wrong:
                notes.append(self.tr("Misclassified: the network's output gives the wrong class."))
            return " ".join(notes) or None
        return None

    def _split_name(self, s: int) -> str:
        return (self.tr("train"), self.tr("val"), self.tr("test"))[s] if 0 <= s <= 2 else "?"

    # ------------------------------------------------------------------ update
    def update(
        self,
        headers: list[str],
        tooltips: list[str],
        values: Array,
        split: Array,
        in_batch: Array,
        wrong: Array,
        output_columns: range,
    ) -> None:
        """New numbers; resets the model only if the shape or the headers changed."""
        reshape = headers != self.headers or values.shape != self.values.shape
        if reshape:
            self.beginResetModel()
        self.headers, self.tooltips, self.output_columns = headers, tooltips, output_columns
        self.values, self.split, self.in_batch, self.wrong = values, split, in_batch, wrong
        if reshape:
            self.endResetModel()
        elif len(values) and headers:
            self.dataChanged.emit(self.index(0, 0), self.index(len(values) - 1, len(headers) - 1))


class DataPanel(QWidget):
    """The sample table and the "Step on" control; emits ``sample_selected(row)`` when the user picks a row."""

    sample_selected = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = SampleTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.setAlternatingRowColors(False)  # the batch highlight must be the only row colour
        self.table.horizontalHeader().setStretchLastSection(False)

        self.scope_combo = QComboBox()
        self.scope_combo.addItem("", "batch")
        self.scope_combo.addItem("", "sample")
        self.scope_label = label = QLabel()
        label.setBuddy(self.scope_combo)
        self.summary = QLabel()

        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.scope_combo)
        row.addStretch(1)
        row.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)

        self._syncing = False  # True while we mirror the session, so nothing echoes back as an edit
        self.throttle = PlayThrottle()  # its ``stale`` also marks values changed while the dock was hidden
        self.scope_combo.currentIndexChanged.connect(self._on_scope_combo_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        session.settings_changed.connect(self._on_session_settings_changed)
        session.values_changed.connect(self._on_session_values_changed)
        session.structure_changed.connect(self._refresh_if_visible)
        self.retranslate()

    def retranslate(self) -> None:
        """Every string in the current language (called at start and on a language switch)."""
        self.table.setAccessibleName(self.tr("Samples"))
        self.scope_combo.setItemText(0, self.tr("mini-batch"))
        self.scope_combo.setItemText(1, self.tr("selected sample"))
        self.scope_combo.setToolTip(
            self.tr("What the next step trains on: the next mini-batch or the selected row alone.")
        )
        self.scope_label.setText(self.tr("Step on:"))
        self.refresh()  # the column headers and the summary are made there

    def _on_session_values_changed(self) -> None:
        if not self.throttle.hold():
            self._refresh_if_visible()

    def _refresh_if_visible(self) -> None:
        # A hidden dock costs nothing: the numbers are recomputed when it is shown again.
        if self.isVisible():
            self.refresh()
        else:
            self.throttle.stale = True

    def set_playing(self, on: bool) -> None:
        """While playing, new numbers at most every SLOW_PANEL_INTERVAL_S; exactly again on pause."""
        if self.throttle.set_playing(on):
            self._refresh_if_visible()

    @total
    def showEvent(self, event) -> None:  # noqa: ANN001 - QShowEvent
        super().showEvent(event)
        if self.throttle.stale:
            self.refresh()

    # --------------------------------------------------------------- columns
    def _columns(self, network: model.Network, dataset: model.Dataset) -> tuple[list[str], list[str], bool]:
        """(headers, tooltips, show hidden) for the current network and data."""
        headers = ["#", self.tr("split")]
        tips = [self.tr("Row number in the dataset"), self.tr("train, validation or test")]
        for name in dataset.input_names:
            headers.append(name)
            tips.append(self.tr("Input %1").replace("%1", name))
        for name in dataset.output_names:
            headers.append(self.tr("target %1").replace("%1", name))
            tips.append(self.tr("The target the network should output for %1").replace("%1", name))
        m = network.sizes[-1]
        out_names = dataset.output_names if len(dataset.output_names) == m else [f"y{j + 1}" for j in range(m)]
        for name in out_names:
            headers.append(self.tr("output %1").replace("%1", name))
            tips.append(self.tr("The network's current output for %1").replace("%1", name))
        hidden = network.sizes[1:-1]
        show_hidden = 0 < sum(hidden) <= MAX_HIDDEN_COLUMNS
        if show_hidden:
            for l, size in enumerate(hidden, start=1):
                for j in range(size):
                    headers.append(f"h{l}.{j}")
                    tips.append(
                        self.tr("Output a of neuron %2 in hidden layer %1").replace("%1", str(l)).replace("%2", str(j))
                    )
        return headers, tips, show_hidden

    # --------------------------------------------------------------- refresh
    def refresh(self) -> None:
        """One forward pass over every row; new numbers without a model reset unless the shape changed."""
        self.throttle.refreshed()
        session = self.session
        network, dataset = session.network, session.dataset
        headers, tips, show_hidden = self._columns(network, dataset)
        n = dataset.n
        if network.sizes[0] == dataset.n_inputs and n:
            with np.errstate(all="ignore"):
                fwd = network.forward(dataset.X)
            out = fwd.output
            hidden = [fwd.a[l] for l in range(1, network.n_layers)] if show_hidden else []
        else:  # data and network disagree for a moment (mid-edit): show blanks, not an exception
            out = np.full((n, network.sizes[-1]), np.nan)
            hidden = [np.full((n, s), np.nan) for s in network.sizes[1:-1]] if show_hidden else []
        values = np.hstack([dataset.X, dataset.Y, out, *hidden]) if n else np.zeros((0, len(headers) - 2))
        first_out = SampleTableModel.FIXED + dataset.n_inputs + dataset.n_outputs
        in_batch = np.zeros(n, dtype=bool)
        view_idx = np.asarray(session.view().indices, dtype=np.int64)
        in_batch[view_idx[(view_idx >= 0) & (view_idx < n)]] = True
        pair = classes(network, dataset, out) if n else None
        wrong = pair[0] != pair[1] if pair is not None else np.zeros(n, dtype=bool)
        reset = headers != self.model.headers or values.shape != self.model.values.shape
        outputs = range(first_out, first_out + out.shape[1])
        self.model.update(headers, tips, values, dataset.split, in_batch, wrong, outputs)
        if reset:
            self._size_columns()
            self._sync_from_session()
        self._update_summary(in_batch, wrong, pair is not None)

    def _size_columns(self) -> None:
        """Inputs and targets never change: fit them.  Outputs and hidden values will: fit any 4-digit number,
        so they never turn into "…" mid-training."""
        model_ = self.model
        cell = self.table.fontMetrics()
        head = self.table.horizontalHeader().fontMetrics()
        changing = cell.horizontalAdvance("-0.0001234")  # as wide as 4 significant digits get ("-1.235e-05")
        first_out = model_.output_columns.start
        sample = model_.values[:1000]  # like Qt's own resizeContentsPrecision
        for c, text in enumerate(model_.headers):
            if c == 0:
                body = cell.horizontalAdvance(str(max(model_.rowCount() - 1, 0)))
            elif c == 1:
                body = max(cell.horizontalAdvance(model_._split_name(s)) for s in range(3))
            elif c < first_out:
                body = max((cell.horizontalAdvance(fmt(v)) for v in sample[:, c - model_.FIXED]), default=0)
            else:
                body = changing
            self.table.setColumnWidth(c, max(body, head.horizontalAdvance(text)) + 14)

    def _update_summary(self, in_batch: Array, wrong: Array, classified: bool) -> None:
        if classified:
            text = self.tr("%1 samples, %2 in this step, %3 misclassified")
        else:
            text = self.tr("%1 samples, %2 in this step")
        counts = (len(in_batch), int(in_batch.sum()), int(wrong.sum()))
        for k, count in enumerate(counts, start=1):
            text = text.replace(f"%{k}", str(count))
        self.summary.setText(text)

    # ------------------------------------------------------------- selection
    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def select_row(self, row: int | None) -> None:
        """Select ``row`` (None clears) without echoing it back to the session."""
        sm = self.table.selectionModel()
        self._syncing = True
        try:
            if row is None or not 0 <= row < self.model.rowCount():
                sm.clearSelection()
            else:
                index = self.model.index(row, 0)
                sm.select(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                )
                sm.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.table.scrollTo(index)
        finally:
            self._syncing = False

    def _on_table_selection_changed(self, *_args: object) -> None:
        if self._syncing:
            return
        row = self.selected_row()
        if row is None:
            return
        self.sample_selected.emit(row)
        if self.scope_combo.currentData() == "sample" and self.session.scope != row:
            self.session.set_scope(row)

    def _on_scope_combo_changed(self, _index: int) -> None:
        if self._syncing:
            return
        if self.scope_combo.currentData() == "batch":
            if self.session.scope is not None:
                self.session.set_scope(None)
            return
        row = self.selected_row()
        if row is None:
            if self.model.rowCount() == 0:
                self._sync_from_session()  # nothing to step on: back to the mini-batch
                return
            row = 0
            self.select_row(row)
            self.sample_selected.emit(row)
        self.session.set_scope(row)

    def _on_session_settings_changed(self) -> None:
        self._sync_from_session()

    def _sync_from_session(self) -> None:
        """Mirror session.scope in the combo (and the selection) without emitting edits."""
        scope = self.session.scope
        self._syncing = True
        try:
            self.scope_combo.setCurrentIndex(self.scope_combo.findData("batch" if scope is None else "sample"))
        finally:
            self._syncing = False
        if scope is not None and self.selected_row() != scope:
            self.select_row(scope)
