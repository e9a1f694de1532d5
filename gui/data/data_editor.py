"""The data editor: choose, generate, edit, import and export the data set.

* A **Data dock** (tabbed with the lesson) picks a truth table or a generated
  set with its size, noise, seed and train/validation/test split, and says
  what the current data is.  A **Data menu** offers the same sources in one
  click, CSV import/export and the row edits.
* The **sample table** (DataPanel) becomes editable: split, input and target
  cells; a row of buttons above it adds, removes and re-splits rows.
* On the **decision-boundary plot** a click adds a point of the chosen class
  and a right-click removes the nearest point.

Every change builds a new Dataset (the live arrays are never written to) and
goes through one ``SetDatasetCommand``, so it is one undo step and the
network's input/output layers follow the data's width.

This module holds the editor (the dock and every edit); the dock's form is
:mod:`gui.data.data_form`, the Data menu and the table's row tools are
:mod:`gui.data.data_actions`, and the Qt-free data edits are
:mod:`model.dataset_edits`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QObject, QPointF, QSize, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QFileDialog, QFrame, QInputDialog, QScrollArea

import model
from gui.commands import SetDatasetCommand, push
from gui.data.data_actions import DataActions, SplitDelegate, split_names
from gui.data.data_form import DEFAULT_N, DEFAULT_NOISE, DEFAULT_TRAIN, DEFAULT_VALIDATION, DataForm, source_names
from gui.safety import total
from gui.validation import InputError, number_text, parse_finite
from gui.window.files import last_dir
from model import datasets
from model.dataset import MAX_SAMPLES, TEST, TRAIN, VALIDATION
from model.dataset_edits import one_hot_width, point_classes, with_row, with_split, with_value, without_rows
from model.limits import MAX_VALUE, all_in_range

if TYPE_CHECKING:
    from gui.window.interface import WindowInterface

__all__ = [
    "DEFAULT_N",
    "DEFAULT_NOISE",
    "DEFAULT_TRAIN",
    "DEFAULT_VALIDATION",
    "PICK_PIXELS",
    "DataActions",
    "DataEditor",
    "DataForm",
    "SplitDelegate",
    "install",
    "one_hot_width",
    "point_classes",
    "source_names",
    "split_names",
    "with_row",
    "with_split",
    "with_value",
    "without_rows",
]

#: A right-click removes the nearest point only if it is at most this many pixels away.
PICK_PIXELS = 10.0


class _ModestScrollArea(QScrollArea):
    """Asks for little room, so adding this dock does not take space from its neighbours; it scrolls."""

    @total(QSize)
    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(240, 240)


# ------------------------------------------------------------------ the editor
class DataEditor(QObject):
    """Everything that changes the data set; installed into the main window by :func:`install`."""

    def __init__(self, window: WindowInterface) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.panel = window.data_panel
        self.plot = window.boundary_plot
        self._build_dock()
        self.data_actions = DataActions(self)
        self.plot.scene().sigMouseClicked.connect(self._on_plot_clicked)
        self.session.document_replaced.connect(self._on_session_data_changed)
        self.session.structure_changed.connect(self._on_session_data_changed)
        window.document_loaded.connect(self._on_window_document_loaded)
        window.retranslated.connect(self.retranslate)
        self.retranslate()
        self.form.show_source(self.session.dataset)

    # ------------------------------------------------------------ building
    def _build_dock(self) -> None:
        w = self.window
        self.form = DataForm()
        # The form's controls were the editor's own attributes before the form was split out;
        # scripts and tests still reach them here (editor.source_combo, editor.apply_button, ...).
        f = self.form
        self.widget, self.summary, self.hint, self.test_label = f, f.summary, f.hint, f.test_label
        self.source_combo, self.encoding_combo, self.class_combo = f.source_combo, f.encoding_combo, f.class_combo
        self.n_spin, self.noise_spin, self.seed_spin = f.n_spin, f.noise_spin, f.seed_spin
        self.train_spin, self.validation_spin, self.click_check = f.train_spin, f.validation_spin, f.click_check
        self.apply_button, self.resplit_button = f.apply_button, f.resplit_button
        self.import_button, self.export_button = f.import_button, f.export_button

        self.dock = QDockWidget(w)
        self.dock.setObjectName("dock_data_editor")
        # Scrolls rather than growing: a tall minimum here would squeeze the sample table below it.
        scroll = _ModestScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        self.dock.setWidget(scroll)
        self.dock.setFeatures(w.docks["lesson"].features())
        self.dock.hide()
        w.docks["data_editor"] = self.dock
        self._placed = False
        QTimer.singleShot(0, self, self._place_dock)

        f.apply_button.clicked.connect(self.apply)
        f.resplit_button.clicked.connect(self.resplit)
        f.import_button.clicked.connect(self.import_dialog)
        f.export_button.clicked.connect(self.export_dialog)

    def _place_dock(self) -> None:
        """Tab the dock with the training settings (both set up a run; that dock is tall enough for this form).

        Done once the window is laid out: tabbing earlier makes Qt forget the sizes
        the window gave its docks, and the sample table and lesson shrink.
        """
        if self._placed:
            return
        self._placed = True
        w = self.window
        w.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        w.tabifyDockWidget(w.docks["training"], self.dock)
        self.dock.show()
        w.docks["training"].raise_()  # Data ▸ Data set options… brings this one forward

    # ------------------------------------------------------------ strings
    def retranslate(self) -> None:
        self.form.retranslate()
        self.data_actions.retranslate()
        self.dock.setWindowTitle(self.tr("Data set"))
        self.plot.setToolTip(
            self.tr("Click: add a point of the class chosen in the Data set panel · right-click: remove a point")
        )
        self._on_session_data_changed()

    # ------------------------------------------------------------ the form's reading, as before the split
    def source(self, index: int | None = None) -> tuple[str, str] | None:
        """("table" | "generator", name) of the source combo's item ``index`` (None: the current one)."""
        return self.form.source(index)

    def fractions(self) -> tuple[float, float, float]:
        return self.form.fractions()

    def make_dataset(self) -> model.Dataset:
        """The data the dock's controls describe (a new Dataset; nothing is applied)."""
        return self.form.make_dataset()

    def source_names(self) -> dict[str, str]:
        return source_names()

    # ------------------------------------------------------------ mirroring the session
    def _on_session_data_changed(self) -> None:
        self.form.show_data(self.session.dataset, self.session.network)

    def _on_window_document_loaded(self, _path: object) -> None:
        self.form.show_source(self.session.dataset)

    def show_editor(self) -> None:
        self._place_dock()
        self.dock.show()
        self.dock.raise_()
        self.form.source_combo.setFocus()

    # ------------------------------------------------------------ replacing the data
    def _push(self, dataset: model.Dataset, text: str) -> bool:
        """Replace the data (one undo step), unless it breaks the rules every document keeps."""
        if not (all_in_range(dataset.X) and all_in_range(dataset.Y)):
            self.session.message.emit(
                self.tr("Every data value must lie from -%1 to %1; nothing was changed.").replace(
                    "%1", number_text(MAX_VALUE)
                )
            )
            return False
        loss = self.session.network.loss
        if not push(self.session, SetDatasetCommand(self.session, dataset, text)):
            return False
        if self.session.network.loss != loss:  # e.g. one output left for a softmax classifier
            self.window.show_message(
                self.tr("The data has one output, so the output layer is now sigmoid with the bce loss."), info=True
            )
        return True

    def apply(self) -> bool:
        """Replace the data with what the dock describes (one undo step)."""
        try:
            ds = self.form.make_dataset()
        except datasets.DataError as exc:
            self.session.message.emit(str(exc))
            return False
        label = self.form.source_combo.currentText()
        ok = self._push(ds, self.tr("use data %1").replace("%1", label))
        if ok:
            self.window.statusBar().showMessage(
                self.tr("Data: %1 (%2 samples)").replace("%1", label).replace("%2", str(ds.n)), 5000
            )
        return ok

    def use_source(self, kind: str, name: str) -> bool:
        """Choose a source (truth table or generator) in the dock and apply it with the dock's settings."""
        index = self.form.source_combo.findData(f"{kind}:{name}")
        if index < 0:
            raise KeyError(name)
        self.form.source_combo.setCurrentIndex(index)
        return self.apply()

    def resplit(self) -> bool:
        """Share the current samples out again by the dock's percentages and seed."""
        ds = self.session.dataset.copy()
        ds.resplit(self.form.fractions(), seed=self.form.seed_spin.value())
        if np.array_equal(ds.split, self.session.dataset.split):
            self.window.statusBar().showMessage(self.tr("The split is already like this."), 5000)
            return False
        return self._push(ds, self.tr("split the data again"))

    # ------------------------------------------------------------ table edits
    def edit_cell(self, row: int, column: int, value: Any) -> bool:
        """Commit an edit of table cell (row, column): 1 = split, then inputs, then targets."""
        ds = self.session.dataset
        if not 0 <= row < ds.n:
            return False
        if column == 1:
            try:
                part = int(value)
            except (TypeError, ValueError):
                return False  # only the split delegate edits this cell, with 0, 1 or 2
            if part == int(ds.split[row]) or part not in (TRAIN, VALIDATION, TEST):
                return False
            return self._push(with_split(ds, [row], part), self.tr("change a sample's split"))
        k = column - 2
        if not 0 <= k < ds.n_inputs + ds.n_outputs:
            return False
        try:
            number = parse_finite(str(value))
        except InputError as exc:
            self.session.message.emit(str(exc))
            return False
        old = ds.X[row, k] if k < ds.n_inputs else ds.Y[row, k - ds.n_inputs]
        if number == old:
            return False
        text = self.tr("edit an input") if k < ds.n_inputs else self.tr("edit a target")
        return self._push(with_value(ds, row, k, number), text)

    def selected_rows(self) -> list[int]:
        """The selected rows that exist in the current data (a hidden table may keep an older selection)."""
        n = self.session.dataset.n
        return sorted(r for r in (index.row() for index in self.panel.table.selectionModel().selectedRows()) if r < n)

    def add_row(self) -> bool:
        """Append a copy of the (last) selected row, or of the last row, and select it for editing."""
        ds = self.session.dataset
        if ds.n >= MAX_SAMPLES:
            self.session.message.emit(
                self.tr("A data set can hold at most %1 samples.").replace("%1", str(MAX_SAMPLES))
            )
            return False
        rows = [r for r in self.selected_rows() if r < ds.n]  # a selection may outlive the data it was made on
        source = rows[-1] if rows else ds.n - 1
        if not self._push(with_row(ds, ds.X[source], ds.Y[source], int(ds.split[source])), self.tr("add a sample")):
            return False
        self.panel.select_row(self.session.dataset.n - 1)
        return True

    def remove_rows(self, rows: Sequence[int]) -> bool:
        ds = self.session.dataset
        rows = sorted({int(r) for r in rows if 0 <= int(r) < ds.n})
        if not rows:
            self.session.message.emit(self.tr("Select the rows to remove first."))
            return False
        if len(rows) >= ds.n:
            self.session.message.emit(self.tr("At least one sample must remain; nothing was removed."))
            return False
        text = (
            self.tr("remove a sample") if len(rows) == 1 else self.tr("remove %1 samples").replace("%1", str(len(rows)))
        )
        return self._push(without_rows(ds, rows), text)

    def remove_selected_rows(self) -> bool:
        return self.remove_rows(self.selected_rows())

    def move_rows(self, rows: Sequence[int], part: int) -> bool:
        ds = self.session.dataset
        rows = [r for r in rows if 0 <= r < ds.n and ds.split[r] != part]
        if not rows:
            return False
        return self._push(
            with_split(ds, rows, part), self.tr("change the split of %1 samples").replace("%1", str(len(rows)))
        )

    def move_selected_rows(self, part: int) -> bool:
        rows = self.selected_rows()
        if not rows:
            self.session.message.emit(self.tr("Select the rows to move first."))
            return False
        return self.move_rows(rows, part)

    # ------------------------------------------------------------ plot clicks
    def _on_plot_clicked(self, event: Any) -> None:
        if event.double():
            return  # the first click of a double-click has already added its point
        if self.handle_plot_click(event.scenePos(), event.button()):
            event.accept()

    def handle_plot_click(self, scene_pos: QPointF, button: Qt.MouseButton) -> bool:
        """A click at ``scene_pos`` on the boundary plot: left adds a point, right removes the nearest one."""
        classes = point_classes(self.session.dataset, self.session.network)
        view_box = self.plot.plot_item.vb
        if not classes or not self.form.click_check.isChecked() or not self.plot.points.isVisible():
            return False
        if not view_box.sceneBoundingRect().contains(scene_pos):
            return False  # on an axis or the key, not in the plot
        where = view_box.mapSceneToView(scene_pos)
        if button == Qt.MouseButton.LeftButton:
            k = max(self.form.class_combo.currentIndex(), 0)
            return self.add_point(where.x(), where.y(), k)
        if button == Qt.MouseButton.RightButton:
            dx, dy = view_box.viewPixelSize()  # data units per pixel
            X = self.session.dataset.X
            pixels = np.hypot((X[:, 0] - where.x()) / (dx or 1.0), (X[:, 1] - where.y()) / (dy or 1.0))
            if len(pixels) == 0 or pixels.min() > PICK_PIXELS:
                return False
            return self.remove_point(int(pixels.argmin()))
        return False

    def add_point(self, x: float, y: float, k: int) -> bool:
        """Add a training sample at (x, y) of class ``k`` (an index into :func:`point_classes`)."""
        ds = self.session.dataset
        classes = point_classes(ds, self.session.network)
        if not 0 <= k < len(classes):
            return False
        if ds.n >= MAX_SAMPLES:
            self.session.message.emit(
                self.tr("A data set can hold at most %1 samples.").replace("%1", str(MAX_SAMPLES))
            )
            return False
        return self._push(with_row(ds, [x, y], classes[k][1]), self.tr("add a point"))

    def remove_point(self, row: int) -> bool:
        if self.session.dataset.n <= 1:
            self.session.message.emit(self.tr("At least one sample must remain; nothing was removed."))
            return False
        return self._push(without_rows(self.session.dataset, [row]), self.tr("remove a point"))

    # ------------------------------------------------------------ CSV
    def _read(self, path: str | Path, n_outputs: int) -> model.Dataset | None:
        try:
            return datasets.read_csv(path, n_outputs=n_outputs)
        except (datasets.DataError, OSError) as exc:
            self.window.report_error(
                self.tr("Could not import %1: %2.").replace("%1", Path(path).name).replace("%2", str(exc).rstrip("."))
            )
            return None

    def import_csv(self, path: str | Path, n_outputs: int | None = None) -> bool:
        """Replace the data with a CSV file; ``n_outputs`` None guesses (one-hot last columns, else 1).

        A bad file gets one dialog naming the row and column, and nothing changes.
        """
        ds = self._read(path, n_outputs or 1)
        if ds is None:
            return False
        if n_outputs is None:
            k = one_hot_width(np.hstack([ds.X, ds.Y]))
            if k > 1:
                ds = self._read(path, k)
                if ds is None:
                    return False
        ds.resplit(self.form.fractions(), seed=self.form.seed_spin.value())
        if not self._push(ds, self.tr("import %1").replace("%1", Path(path).name)):
            return False
        self.window.statusBar().showMessage(
            self.tr("Imported %1: %2 samples, %3 inputs, %4 outputs.")
            .replace("%1", Path(path).name)
            .replace("%2", str(ds.n))
            .replace("%3", str(ds.n_inputs))
            .replace("%4", str(ds.n_outputs)),
            8000,
        )
        return True

    def import_dialog(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import data"), last_dir(), self.tr("CSV files (*.csv *.txt);;All files (*)")
        )
        if not path:
            return False
        ds = self._read(path, 1)
        if ds is None:
            return False
        names = [*ds.input_names, *ds.output_names]
        n_outputs: int | None = None
        if len(names) > 2 and one_hot_width(np.hstack([ds.X, ds.Y])) == 0:
            # Not clear from the file: ask, suggesting the usual single target column.
            n_outputs, ok = QInputDialog.getInt(
                self.window,
                self.tr("Import data"),
                self.tr("The columns are %1.\nHow many of the last columns are targets?").replace(
                    "%1", ", ".join(names)
                ),
                1,
                1,
                len(names) - 1,
            )
            if not ok:
                return False
        return self.import_csv(path, n_outputs)

    def export_csv(self, path: str | Path) -> bool:
        try:
            datasets.write_csv(self.session.dataset, path)
        except OSError as exc:
            self.window.report_error(
                self.tr("Could not export %1: %2").replace("%1", str(path)).replace("%2", str(exc))
            )
            return False
        self.window.statusBar().showMessage(self.tr("Exported the data to %1").replace("%1", str(path)), 8000)
        return True

    def export_dialog(self) -> bool:
        start = str(Path(last_dir()) / f"{self.session.dataset.name}.csv")
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export data"), start, self.tr("CSV files (*.csv)"))
        if not path:
            return False
        if not Path(path).suffix:
            path += ".csv"
        return self.export_csv(path)


def install(window: WindowInterface) -> DataEditor:
    return DataEditor(window)
