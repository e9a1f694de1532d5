"""The Data set dock's form: where the data comes from, how it is split, what a plot click adds.

The form only reads and shows: :meth:`DataForm.make_dataset` builds the data
its controls describe, :meth:`DataForm.show_data` mirrors the session's data
in the summary and the class list.  Its buttons do nothing by themselves; the
:class:`~gui.data.data_editor.DataEditor` connects them to its undoable edits.

Its strings keep the "DataEditor" translation context they had before the
form was split out of the editor, so the Korean catalogue still finds them:
hence ``translate("DataEditor", …)`` (lupdate reads that literal context)
rather than ``self.tr``, whose context would be this class's name.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

import model
from gui.plots.boundary import class_colour
from model import datasets
from model.dataset import MAX_SAMPLES, TEST, TRAIN, VALIDATION
from model.dataset_edits import point_classes

translate = QCoreApplication.translate

#: Defaults of the generator controls.
DEFAULT_N, DEFAULT_NOISE, DEFAULT_TRAIN, DEFAULT_VALIDATION = 200, 0.1, 80, 10


def source_names() -> dict[str, str]:
    """The generated data sets' names as the interface shows them (truth tables show XOR, AND, ...)."""
    return {
        "circle": translate("DataEditor", "Circle"),
        "quadrant_xor": translate("DataEditor", "Quadrant XOR"),
        "gaussians": translate("DataEditor", "Two clouds"),
        "spiral": translate("DataEditor", "Spiral"),
        "moons": translate("DataEditor", "Moons"),
        "line": translate("DataEditor", "Line (regression)"),
        "sine": translate("DataEditor", "Sine wave (regression)"),
        "house_price": translate("DataEditor", "House price (regression)"),
    }


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


class DataForm(QWidget):
    """The controls of the Data set dock, laid out in one column (the dock scrolls it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("data_editor")
        self._build_controls()
        self._build_layout()
        self.source_combo.currentIndexChanged.connect(self._update_enabled)
        self.train_spin.valueChanged.connect(self._on_fraction_changed)
        self.validation_spin.valueChanged.connect(self._on_fraction_changed)
        self._on_fraction_changed()
        self._update_enabled()

    def _build_controls(self) -> None:
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

    def _build_layout(self) -> None:
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

        layout = QVBoxLayout(self)
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

    # ------------------------------------------------------------ strings
    def retranslate(self) -> None:
        gates = {g: g.upper() for g in datasets.TRUTH_TABLES}
        generated = source_names()
        for i in range(self.source_combo.count()):
            source = self.source(i)
            if source is not None:
                self.source_combo.setItemText(i, gates.get(source[1]) or generated[source[1]])
        self.source_combo.setToolTip(translate("DataEditor", "A truth table (4 rows) or a generated set of points"))
        self.encoding_combo.setToolTip(
            translate(
                "DataEditor",
                "Class targets as 0 and 1 (sigmoid output) or −1 and +1 (tanh output); truth tables code inputs too",
            )
        )
        for key, text in (
            ("source", translate("DataEditor", "Data")),
            ("encoding", translate("DataEditor", "Classes")),
            ("n", translate("DataEditor", "Samples")),
            ("noise", translate("DataEditor", "Noise")),
            ("seed", translate("DataEditor", "Seed")),
            ("train", translate("DataEditor", "Training")),
            ("validation", translate("DataEditor", "Validation")),
            ("test", translate("DataEditor", "Test")),
        ):
            self._labels[key].setText(text)
        self.n_spin.setToolTip(translate("DataEditor", "How many points to generate"))
        self.noise_spin.setToolTip(translate("DataEditor", "How much random jitter to add; 0 gives clean data"))
        self.seed_spin.setToolTip(translate("DataEditor", "The same seed gives the same points and the same split"))
        self.train_spin.setToolTip(translate("DataEditor", "Share of the samples the network learns from"))
        self.validation_spin.setToolTip(
            translate("DataEditor", "Share kept aside to watch for overfitting; the rest is the test set")
        )
        self.apply_button.setText(translate("DataEditor", "Apply"))
        self.apply_button.setToolTip(translate("DataEditor", "Replace the data with this choice (undoable)"))
        self.resplit_button.setText(translate("DataEditor", "Split again"))
        self.resplit_button.setToolTip(
            translate("DataEditor", "Share the current samples out again by these percentages and seed")
        )
        self.click_check.setText(translate("DataEditor", "Plot clicks add:"))
        self.click_check.setToolTip(
            translate(
                "DataEditor",
                "Click on the decision boundary to add a point of this class; right-click a point to remove it",
            )
        )
        self.import_button.setText(translate("DataEditor", "Import CSV…"))
        self.export_button.setText(translate("DataEditor", "Export CSV…"))
        self.hint.setText(
            translate(
                "DataEditor",
                "In the sample table, double-click a split, input or target to edit it; right-click for more.",
            )
        )
        self._on_fraction_changed()

    # ------------------------------------------------------------ showing the data
    def show_data(self, ds: model.Dataset, net: model.Network) -> None:
        """Say what the current data is, and offer the classes a plot click can add to it."""
        counts = [int((ds.split == p).sum()) for p in (TRAIN, VALIDATION, TEST)]
        kind = (
            translate("DataEditor", "classification")
            if ds.kind == "classification"
            else translate("DataEditor", "regression")
        )
        text = translate(
            "DataEditor", "Now: %1 · %2 samples (%3 training, %4 validation, %5 test) · inputs: %6 · outputs: %7 · %8"
        )
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
            self.class_combo.setToolTip(
                translate("DataEditor", "Points can be added on the plot for 2-input classification data")
            )
        else:
            self.class_combo.setToolTip(translate("DataEditor", "The class a click on the decision boundary adds"))

    def show_source(self, ds: model.Dataset) -> None:
        """Show an opened document's data source in the form, if it is one the form can make."""
        for i in range(self.source_combo.count()):
            source = self.source(i)
            if source is not None and source[1] == ds.name:
                self.source_combo.setCurrentIndex(i)
                signed = ds.kind == "classification" and ds.n > 0 and float(ds.Y.min()) < 0
                self.encoding_combo.setCurrentIndex(1 if signed else 0)
                return

    # ------------------------------------------------------------ reading the controls
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
