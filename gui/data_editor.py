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
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPointF, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

import model
from model import datasets
from model.dataset import MAX_SAMPLES, TEST, TRAIN, VALIDATION

from .commands import SetDatasetCommand, push
from .plots import class_colour
from .validation import InputError, parse_finite

if TYPE_CHECKING:
    from .main_window import MainWindow

Array = np.ndarray

#: A right-click removes the nearest point only if it is at most this many pixels away.
PICK_PIXELS = 10.0
#: Defaults of the generator controls.
DEFAULT_N, DEFAULT_NOISE, DEFAULT_TRAIN, DEFAULT_VALIDATION = 200, 0.1, 80, 10


# ------------------------------------------------------------ new datasets
# Each returns a new Dataset: the live one (and its arrays) stays as it was, so undo can restore it.
def _rebuilt(ds: model.Dataset, X: Array, Y: Array, split: Array) -> model.Dataset:
    return model.Dataset(X, Y, split, ds.kind, ds.name, list(ds.input_names), list(ds.output_names))


def with_value(ds: model.Dataset, row: int, column: int, value: float) -> model.Dataset:
    """``ds`` with one number changed; ``column`` counts inputs first, then targets."""
    X, Y = ds.X.copy(), ds.Y.copy()
    if column < ds.n_inputs:
        X[row, column] = value
    else:
        Y[row, column - ds.n_inputs] = value
    return _rebuilt(ds, X, Y, ds.split.copy())


def with_split(ds: model.Dataset, rows: Sequence[int], part: int) -> model.Dataset:
    split = ds.split.copy()
    split[list(rows)] = part
    return _rebuilt(ds, ds.X.copy(), ds.Y.copy(), split)


def with_row(ds: model.Dataset, x: Array, y: Array, part: int = TRAIN) -> model.Dataset:
    """``ds`` with one sample (x (n_inputs,), y (n_outputs,)) appended."""
    X = np.vstack([ds.X, np.asarray(x, dtype=np.float64).reshape(1, -1)])
    Y = np.vstack([ds.Y, np.asarray(y, dtype=np.float64).reshape(1, -1)])
    return _rebuilt(ds, X, Y, np.append(ds.split, part))


def without_rows(ds: model.Dataset, rows: Sequence[int]) -> model.Dataset:
    keep = np.ones(ds.n, dtype=bool)
    keep[list(rows)] = False
    return _rebuilt(ds, ds.X[keep], ds.Y[keep], ds.split[keep])


def one_hot_width(table: Array) -> int:
    """How many last columns of ``table`` (n, w) form a one-hot code (0/1, one 1 per row); 0 if none.

    That is how a CSV shows several classes (Iris: setosa, versicolor, virginica),
    so these columns are the targets.  At least one column stays an input.
    """
    for k in range(table.shape[1] - 1, 1, -1):
        tail = table[:, -k:]
        if np.isin(tail, (0.0, 1.0)).all() and (tail.sum(axis=1) == 1.0).all():
            return k
    return 0


def point_classes(ds: model.Dataset, net: model.Network) -> list[tuple[str, Array]]:
    """(label, target row) of each class a plot click can add; empty unless 2-input classification data."""
    if ds.kind != "classification" or ds.n_inputs != 2:
        return []
    low = -1.0 if ds.n and float(np.nanmin(ds.Y)) < 0 else 0.0
    if ds.n_outputs > 1:  # one-hot
        rows = []
        for k, name in enumerate(ds.output_names):
            y = np.full(ds.n_outputs, low)
            y[k] = 1.0
            rows.append((name, y))
        return rows
    name = ds.output_names[0]
    if net.sizes[-1] > 1:  # class indices with a softmax output
        return [(f"{name} = {k}", np.array([float(k)])) for k in range(net.sizes[-1])]
    return [(f"{name} = {'−1' if low < 0 else '0'}", np.array([low])), (f"{name} = 1", np.array([1.0]))]


def _dot_icon(colour: QColor) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#202020"))
    painter.setBrush(colour)
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pix)


class _ModestScrollArea(QScrollArea):
    """Asks for little room, so adding this dock does not take space from its neighbours; it scrolls."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(240, 240)


class SplitDelegate(QStyledItemDelegate):
    """The split cell is edited with a drop-down of train / validation / test."""

    def createEditor(self, parent: QWidget, option: Any, index: QModelIndex) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        for part, name in enumerate(split_names()):
            combo.addItem(name, part)
        combo.activated.connect(lambda _i: (self.commitData.emit(combo), self.closeEditor.emit(combo)))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        editor.setCurrentIndex(int(index.data(Qt.ItemDataRole.EditRole)))  # type: ignore[attr-defined]

    def setModelData(self, editor: QWidget, model_: Any, index: QModelIndex) -> None:  # noqa: N802
        model_.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)  # type: ignore[attr-defined]


def split_names() -> tuple[str, str, str]:
    """train / validation / test in the interface's language (the DataEditor's context)."""
    return (
        QCoreApplication.translate("DataEditor", "train"),
        QCoreApplication.translate("DataEditor", "validation"),
        QCoreApplication.translate("DataEditor", "test"),
    )


# ------------------------------------------------------------------ the editor
class DataEditor(QObject):
    """Everything that changes the data set; installed into the main window by :func:`install`."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.panel = window.data_panel
        self.plot = window.boundary_plot
        self._build_dock()
        self._build_actions()
        self._build_menu()
        self._build_table_tools()
        self.plot.scene().sigMouseClicked.connect(self._on_plot_clicked)
        self.session.document_replaced.connect(self._on_session_data_changed)
        self.session.structure_changed.connect(self._on_session_data_changed)
        window.document_loaded.connect(self._on_window_document_loaded)
        window.retranslated.connect(self.retranslate)
        self.retranslate()
        self._mirror_source()

    # ------------------------------------------------------------ building
    def _build_dock(self) -> None:
        w = self.window
        self.source_combo = QComboBox()
        self.source_combo.setObjectName("data_source")
        for kind, names in (
            ("table", datasets.TRUTH_TABLES),
            ("generator", datasets.CLASSIFICATION_GENERATORS),
            ("generator", datasets.REGRESSION_GENERATORS),
        ):
            if self.source_combo.count():
                self.source_combo.insertSeparator(self.source_combo.count())
            for name in names:
                self.source_combo.addItem(name, f"{kind}:{name}")  # Qt keeps strings, not tuples
        self.encoding_combo = QComboBox()
        self.encoding_combo.setObjectName("data_encoding")
        self.encoding_combo.addItems(["0 / 1", "−1 / +1"])  # numbers: never translated
        self.n_spin = QSpinBox()
        self.n_spin.setObjectName("data_n")
        self.n_spin.setRange(1, MAX_SAMPLES)
        self.n_spin.setValue(DEFAULT_N)
        self.noise_spin = QDoubleSpinBox()
        self.noise_spin.setObjectName("data_noise")
        self.noise_spin.setRange(0.0, 2.0)
        self.noise_spin.setSingleStep(0.05)
        self.noise_spin.setValue(DEFAULT_NOISE)
        self.seed_spin = QSpinBox()
        self.seed_spin.setObjectName("data_seed")
        self.seed_spin.setRange(0, 2**31 - 1)
        self.train_spin = QSpinBox()
        self.train_spin.setObjectName("data_train")
        self.train_spin.setRange(10, 100)
        self.train_spin.setValue(DEFAULT_TRAIN)
        self.validation_spin = QSpinBox()
        self.validation_spin.setObjectName("data_validation")
        self.validation_spin.setRange(0, 90)
        self.validation_spin.setValue(DEFAULT_VALIDATION)
        for spin in (self.train_spin, self.validation_spin):
            spin.setSuffix(" %")
        self.test_label = QLabel()
        self.apply_button = QPushButton()
        self.apply_button.setObjectName("data_apply")
        self.apply_button.setDefault(True)
        self.resplit_button = QPushButton()
        self.resplit_button.setObjectName("data_resplit")

        self.click_check = QCheckBox()
        self.click_check.setObjectName("data_click_adds")
        self.click_check.setChecked(True)
        self.class_combo = QComboBox()
        self.class_combo.setObjectName("data_point_class")
        for combo_ in (self.source_combo, self.class_combo):
            # Long names must not widen the left column: show what fits, the list shows it all.
            combo_.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo_.setMinimumContentsLength(8)
        self.import_button = QPushButton()
        self.export_button = QPushButton()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555555")
        self.summary.setObjectName("data_summary")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._labels: dict[str, QLabel] = {}
        for key, field in (
            ("source", self.source_combo),
            ("encoding", self.encoding_combo),
            ("n", self.n_spin),
            ("noise", self.noise_spin),
            ("seed", self.seed_spin),
            ("train", self.train_spin),
            ("validation", self.validation_spin),
            ("test", self.test_label),
        ):
            label = QLabel()
            label.setBuddy(field)
            self._labels[key] = label
            form.addRow(label, field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.resplit_button)
        files = QHBoxLayout()
        files.addWidget(self.import_button)
        files.addWidget(self.export_button)

        self.widget = QWidget()
        self.widget.setObjectName("data_editor")
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addSpacing(8)
        layout.addWidget(self.click_check)
        layout.addWidget(self.class_combo)
        layout.addLayout(files)
        layout.addWidget(self.hint)
        layout.addStretch(1)

        self.dock = QDockWidget(w)
        self.dock.setObjectName("dock_data_editor")
        # Scrolls rather than growing: a tall minimum here would squeeze the sample table below it.
        scroll = _ModestScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.widget)
        self.dock.setWidget(scroll)
        self.dock.setFeatures(w.docks["lesson"].features())
        self.dock.hide()
        w.docks["data_editor"] = self.dock
        self._placed = False
        QTimer.singleShot(0, self, self._place_dock)

        self.source_combo.currentIndexChanged.connect(self._update_enabled)
        self.train_spin.valueChanged.connect(self._on_fraction_changed)
        self.validation_spin.valueChanged.connect(self._on_fraction_changed)
        self.apply_button.clicked.connect(self.apply)
        self.resplit_button.clicked.connect(self.resplit)
        self.import_button.clicked.connect(self.import_dialog)
        self.export_button.clicked.connect(self.export_dialog)
        self._on_fraction_changed()
        self._update_enabled()

    def _action(self, name: str, slot: Any, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(self.window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.actions_by_name[name] = action
        return action

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

    def _build_actions(self) -> None:
        a = self._action
        self.actions: dict[str, QAction] = {
            "data_editor": a("data_editor", self.show_editor),
            "data_import_csv": a("data_import_csv", self.import_dialog),
            "data_export_csv": a("data_export_csv", self.export_dialog),
            "data_add_row": a("data_add_row", self.add_row),
            "data_remove_rows": a("data_remove_rows", self.remove_selected_rows, QKeySequence.StandardKey.Delete),
        }
        self.actions["data_remove_rows"].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        signed = QAction(self.window)
        signed.setObjectName("data_signed")
        signed.setCheckable(True)
        signed.toggled.connect(lambda on: self.encoding_combo.setCurrentIndex(1 if on else 0))
        self.encoding_combo.currentIndexChanged.connect(lambda i: signed.setChecked(i == 1))
        self.window.actions_by_name["data_signed"] = signed
        self.actions["data_signed"] = signed
        for gate in datasets.TRUTH_TABLES:
            self.actions[f"data_table_{gate}"] = a(f"data_table_{gate}", lambda g=gate: self.use_source("table", g))
        for name in (*datasets.CLASSIFICATION_GENERATORS, *datasets.REGRESSION_GENERATORS):
            self.actions[f"data_generate_{name}"] = a(
                f"data_generate_{name}", lambda n=name: self.use_source("generator", n)
            )
        for part, name in zip((TRAIN, VALIDATION, TEST), model.SPLIT_NAMES, strict=True):
            self.actions[f"data_move_{name}"] = a(f"data_move_{name}", lambda p=part: self.move_selected_rows(p))

    def _build_menu(self) -> None:
        w = self.window
        act = self.actions
        menu = QMenu(w)
        self.tables_menu = menu.addMenu("")
        for gate in datasets.TRUTH_TABLES:
            self.tables_menu.addAction(act[f"data_table_{gate}"])
        self.tables_menu.addSeparator()
        self.tables_menu.addAction(act["data_signed"])
        self.generated_menu = menu.addMenu("")
        for name in datasets.CLASSIFICATION_GENERATORS:
            self.generated_menu.addAction(act[f"data_generate_{name}"])
        self.generated_menu.addSeparator()
        for name in datasets.REGRESSION_GENERATORS:
            self.generated_menu.addAction(act[f"data_generate_{name}"])
        menu.addAction(act["data_editor"])
        menu.addSeparator()
        for name in ("data_add_row", "data_remove_rows"):
            menu.addAction(act[name])
        self.move_menu = menu.addMenu("")
        for name in model.SPLIT_NAMES:
            self.move_menu.addAction(act[f"data_move_{name}"])
        menu.addSeparator()
        menu.addAction(act["data_import_csv"])
        menu.addAction(act["data_export_csv"])
        examples = w.menus.get("examples")
        if examples is not None:
            w.menuBar().insertMenu(examples.menuAction(), menu)  # type: ignore[attr-defined]
        else:
            w.menuBar().addMenu(menu)
        w.menus["data"] = menu
        self.menu = menu
        panels = w.menus.get("panels")
        if panels is not None:
            panels.addAction(self.dock.toggleViewAction())  # type: ignore[attr-defined]

    def _build_table_tools(self) -> None:
        """Editable cells, a context menu and row buttons beside the "Step on" control."""
        table = self.panel.table
        table.setSelectionMode(table.SelectionMode.ExtendedSelection)  # several rows to remove or move at once
        table.setEditTriggers(
            table.EditTrigger.DoubleClicked | table.EditTrigger.EditKeyPressed | table.EditTrigger.AnyKeyPressed
        )
        self.split_delegate = SplitDelegate(table)
        table.setItemDelegateForColumn(1, self.split_delegate)
        self.panel.model.edit_cell = self.edit_cell
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for name in ("data_add_row", "data_remove_rows"):
            table.addAction(self.actions[name])
        table.addAction(self.move_menu.menuAction())
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.actions["data_add_row"].trigger)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.actions["data_remove_rows"].trigger)
        self.move_button = QPushButton()
        self.move_button.setMenu(self.move_menu)
        # Into the panel's top row, after "Step on: [...]": a row of their own would cost the table a line.
        top = self.panel.layout().itemAt(0).layout()
        top.insertSpacing(2, 12)
        for i, button in enumerate((self.add_button, self.remove_button, self.move_button), start=3):
            top.insertWidget(i, button)

    # ------------------------------------------------------------ strings
    def retranslate(self) -> None:
        self.dock.setWindowTitle(self.tr("Data set"))
        gates = {g: g.upper() for g in datasets.TRUTH_TABLES}
        generated = self.source_names()
        for i in range(self.source_combo.count()):
            source = self.source(i)
            if source is not None:
                self.source_combo.setItemText(i, gates.get(source[1]) or generated[source[1]])
        for gate, text in gates.items():
            self.actions[f"data_table_{gate}"].setText(text)
        for name, text in generated.items():
            self.actions[f"data_generate_{name}"].setText(text)
        self.source_combo.setToolTip(self.tr("A truth table (4 rows) or a generated set of points"))
        self.encoding_combo.setToolTip(
            self.tr(
                "Class targets as 0 and 1 (sigmoid output) or −1 and +1 (tanh output); truth tables code inputs too"
            )
        )
        for key, text in (
            ("source", self.tr("Data")),
            ("encoding", self.tr("Classes")),
            ("n", self.tr("Samples")),
            ("noise", self.tr("Noise")),
            ("seed", self.tr("Seed")),
            ("train", self.tr("Training")),
            ("validation", self.tr("Validation")),
            ("test", self.tr("Test")),
        ):
            self._labels[key].setText(text)
        self.n_spin.setToolTip(self.tr("How many points to generate"))
        self.noise_spin.setToolTip(self.tr("How much random jitter to add; 0 gives clean data"))
        self.seed_spin.setToolTip(self.tr("The same seed gives the same points and the same split"))
        self.train_spin.setToolTip(self.tr("Share of the samples the network learns from"))
        self.validation_spin.setToolTip(self.tr("Share kept aside to watch for overfitting; the rest is the test set"))
        self.apply_button.setText(self.tr("Apply"))
        self.apply_button.setToolTip(self.tr("Replace the data with this choice (undoable)"))
        self.resplit_button.setText(self.tr("Split again"))
        self.resplit_button.setToolTip(self.tr("Share the current samples out again by these percentages and seed"))
        self.click_check.setText(self.tr("Plot clicks add:"))
        self.click_check.setToolTip(
            self.tr("Click on the decision boundary to add a point of this class; right-click a point to remove it")
        )
        self.import_button.setText(self.tr("Import CSV…"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.plot.setToolTip(
            self.tr("Click: add a point of the class chosen in the Data set panel · right-click: remove a point")
        )
        self.menu.setTitle(self.tr("&Data"))
        self.tables_menu.setTitle(self.tr("Truth table"))
        self.generated_menu.setTitle(self.tr("Generated set"))
        self.move_menu.setTitle(self.tr("Move to"))
        self.move_button.setText(self.tr("Move to"))
        self.move_button.setToolTip(self.tr("Put the selected rows into the training, validation or test set"))
        for action, (text, tip) in {
            "data_editor": (self.tr("Data set options…"), self.tr("Show the panel that makes and edits data")),
            "data_import_csv": (self.tr("Import CSV…"), self.tr("Load samples from a CSV file with a header row")),
            "data_export_csv": (self.tr("Export CSV…"), self.tr("Save the samples as a CSV file")),
            "data_add_row": (self.tr("Add row"), self.tr("Add a copy of the selected row (or the last row) to edit")),
            "data_remove_rows": (self.tr("Remove rows"), self.tr("Remove the selected rows")),
            "data_signed": (
                self.tr("Use −1 / +1"),
                self.tr("Truth tables and class targets as −1 and +1 instead of 0 and 1"),
            ),
        }.items():
            self.actions[action].setText(text)
            self.actions[action].setToolTip(tip)
        for button, name in ((self.add_button, "data_add_row"), (self.remove_button, "data_remove_rows")):
            button.setText(self.actions[name].text())
            button.setToolTip(self.actions[name].toolTip())
        for name, text in zip(model.SPLIT_NAMES, split_names(), strict=True):
            self.actions[f"data_move_{name}"].setText(text)
        self.hint.setText(
            self.tr("In the sample table, double-click a split, input or target to edit it; right-click for more.")
        )
        self._on_fraction_changed()
        self._on_session_data_changed()

    def source_names(self) -> dict[str, str]:
        return {
            "circle": self.tr("Circle"),
            "quadrant_xor": self.tr("Quadrant XOR"),
            "gaussians": self.tr("Two clouds"),
            "spiral": self.tr("Spiral"),
            "moons": self.tr("Moons"),
            "line": self.tr("Line (regression)"),
            "sine": self.tr("Sine wave (regression)"),
            "house_price": self.tr("House price (regression)"),
        }

    # ------------------------------------------------------------ mirroring the session
    def _on_session_data_changed(self) -> None:
        ds, net = self.session.dataset, self.session.network
        counts = [int((ds.split == p).sum()) for p in (TRAIN, VALIDATION, TEST)]
        kind = self.tr("classification") if ds.kind == "classification" else self.tr("regression")
        text = self.tr("Now: %1 · %2 samples (%3 training, %4 validation, %5 test) · inputs: %6 · outputs: %7 · %8")
        for k, value in enumerate([ds.name, ds.n, *counts, ds.n_inputs, ds.n_outputs, kind], start=1):
            text = text.replace(f"%{k}", str(value))
        self.summary.setText(text)
        classes = point_classes(ds, net)
        labels = [label for label, _ in classes]
        current = self.class_combo.currentIndex()
        if labels != [self.class_combo.itemText(i) for i in range(self.class_combo.count())]:
            self.class_combo.blockSignals(True)
            self.class_combo.clear()
            for k, label in enumerate(labels):
                self.class_combo.addItem(_dot_icon(class_colour(k)), label)
            self.class_combo.setCurrentIndex(min(max(current, 0), len(labels) - 1) if labels else -1)
            self.class_combo.blockSignals(False)
        self.class_combo.setEnabled(bool(classes))
        self.click_check.setEnabled(bool(classes))
        if not classes:
            self.class_combo.setToolTip(self.tr("Points can be added on the plot for 2-input classification data"))
        else:
            self.class_combo.setToolTip(self.tr("The class a click on the decision boundary adds"))

    def _on_window_document_loaded(self, _path: object) -> None:
        self._mirror_source()

    def _mirror_source(self) -> None:
        """Show the opened document's data source in the dock, if it is one the dock can make."""
        ds = self.session.dataset
        for i in range(self.source_combo.count()):
            source = self.source(i)
            if source is not None and source[1] == ds.name:
                self.source_combo.setCurrentIndex(i)
                signed = ds.kind == "classification" and ds.n > 0 and float(ds.Y.min()) < 0
                self.encoding_combo.setCurrentIndex(1 if signed else 0)
                return

    def source(self, index: int | None = None) -> tuple[str, str] | None:
        """("table" | "generator", name) of the source combo's item ``index`` (None: the current one)."""
        data = self.source_combo.currentData() if index is None else self.source_combo.itemData(index)
        if not isinstance(data, str):
            return None  # a separator
        kind, name = data.split(":")
        return kind, name

    def _update_enabled(self) -> None:
        source = self.source()
        generated = source is not None and source[0] == "generator"
        self.n_spin.setEnabled(generated)
        self.noise_spin.setEnabled(generated)
        self.encoding_combo.setEnabled(source is None or source[1] not in datasets.REGRESSION_GENERATORS)

    def _on_fraction_changed(self, _value: int = 0) -> None:
        train = self.train_spin.value()
        self.validation_spin.setMaximum(100 - train)
        self.test_label.setText(f"{100 - train - self.validation_spin.value()} %")

    def fractions(self) -> tuple[float, float, float]:
        train, val = self.train_spin.value() / 100, self.validation_spin.value() / 100
        return train, val, max(0.0, 1.0 - train - val)

    def show_editor(self) -> None:
        self._place_dock()
        self.dock.show()
        self.dock.raise_()
        self.source_combo.setFocus()

    # ------------------------------------------------------------ replacing the data
    def _push(self, dataset: model.Dataset, text: str) -> bool:
        return push(self.session, SetDatasetCommand(self.session, dataset, text))

    def make_dataset(self) -> model.Dataset:
        """The data the dock's controls describe (a new Dataset; nothing is applied)."""
        kind, name = self.source() or ("table", "xor")
        signed = self.encoding_combo.currentIndex() == 1
        if kind == "table":
            ds = datasets.truth_table(name, signed=signed)
        else:
            ds = datasets.GENERATORS[name](self.n_spin.value(), self.noise_spin.value(), self.seed_spin.value())
            if signed and ds.kind == "classification":
                ds.Y = 2.0 * ds.Y - 1.0
        ds.resplit(self.fractions(), seed=self.seed_spin.value())
        return ds

    def apply(self) -> bool:
        """Replace the data with what the dock describes (one undo step)."""
        try:
            ds = self.make_dataset()
        except datasets.DataError as exc:
            self.session.message.emit(str(exc))
            return False
        label = self.source_combo.currentText()
        ok = self._push(ds, self.tr("use data %1").replace("%1", label))
        if ok:
            self.window.statusBar().showMessage(
                self.tr("Data: %1 (%2 samples)").replace("%1", label).replace("%2", str(ds.n)), 5000
            )
        return ok

    def use_source(self, kind: str, name: str) -> bool:
        """Choose a source (truth table or generator) in the dock and apply it with the dock's settings."""
        index = self.source_combo.findData(f"{kind}:{name}")
        if index < 0:
            raise KeyError(name)
        self.source_combo.setCurrentIndex(index)
        return self.apply()

    def resplit(self) -> bool:
        """Share the current samples out again by the dock's percentages and seed."""
        ds = self.session.dataset.copy()
        ds.resplit(self.fractions(), seed=self.seed_spin.value())
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
        return sorted(index.row() for index in self.panel.table.selectionModel().selectedRows())

    def add_row(self) -> bool:
        """Append a copy of the (last) selected row, or of the last row, and select it for editing."""
        ds = self.session.dataset
        if ds.n >= MAX_SAMPLES:
            self.session.message.emit(
                self.tr("A data set can hold at most %1 samples.").replace("%1", str(MAX_SAMPLES))
            )
            return False
        rows = self.selected_rows()
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
        if not classes or not self.click_check.isChecked() or not self.plot.points.isVisible():
            return False
        if not view_box.sceneBoundingRect().contains(scene_pos):
            return False  # on an axis or the key, not in the plot
        where = view_box.mapSceneToView(scene_pos)
        if button == Qt.MouseButton.LeftButton:
            k = max(self.class_combo.currentIndex(), 0)
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
    def _last_dir(self) -> str:
        return str(QSettings().value("last_dir", str(Path.home()), type=str))

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
        ds.resplit(self.fractions(), seed=self.seed_spin.value())
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
            self.window, self.tr("Import data"), self._last_dir(), self.tr("CSV files (*.csv *.txt);;All files (*)")
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
        start = str(Path(self._last_dir()) / f"{self.session.dataset.name}.csv")
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export data"), start, self.tr("CSV files (*.csv)"))
        if not path:
            return False
        if not Path(path).suffix:
            path += ".csv"
        return self.export_csv(path)


def install(window: MainWindow) -> DataEditor:
    return DataEditor(window)
