"""The 2-D function lab (note 003): a function's map, −∇f, descent paths of six optimizers and their ledger.

All the numbers come from ``model.lab`` (functions, the note's numerical
gradient, the optimizers' own update rule, labels, stability limits, the
ledger); this window only lays them out and reacts to the student.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSlider,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gui.lab.common import (
    OPTIMIZER_COLOURS,
    OPTIMIZER_NAMES,
    caret_line,
    expr_error_sentence,
    lab_text,
    number,
    parse_float,
    save_png,
    save_text,
)
from gui.lab.function_plot import FunctionPlot
from gui.safety import total
from model.lab import descent as ds
from model.lab import functions2d as f2
from model.lab.expr import ExprError
from model.lab.ledger import ledger, ledger_markdown, path_csv

#: name -> (function key, start, {optimizer: (lr, steps)}, shown title (source text))
PRESETS: dict[str, tuple[str, tuple[float, float], dict[str, tuple[float, int]], str]] = {
    "note_lr_0_1": (
        "sphere",
        (-3.0, 4.0),
        {"sgd": (0.1, 20)},
        QT_TRANSLATE_NOOP("GradientLab", "Note 003: x0² + x1² from (−3, 4), lr 0.1, 20 steps"),
    ),
    "note_lr_10": (
        "sphere",
        (-3.0, 4.0),
        {"sgd": (10.0, 100)},
        QT_TRANSLATE_NOOP("GradientLab", "Learning rate too large: lr 10, 100 steps"),
    ),
    "note_lr_tiny": (
        "sphere",
        (-3.0, 4.0),
        {"sgd": (1e-10, 100)},
        QT_TRANSLATE_NOOP("GradientLab", "Learning rate too small: lr 1e-10, 100 steps"),
    ),
    "compare": (
        "elliptic",
        (-7.0, 2.0),
        {"sgd": (0.95, 30), "momentum": (0.1, 30), "adagrad": (1.5, 30), "adam": (0.3, 30)},
        QT_TRANSLATE_NOOP("GradientLab", "x0²/20 + x1²: SGD 0.95, Momentum 0.1, AdaGrad 1.5, Adam 0.3"),
    ),
}
LABEL_TEXT = {
    "converged": QT_TRANSLATE_NOOP("GradientLab", "converged"),
    "moving": QT_TRANSLATE_NOOP("GradientLab", "still moving"),
    "oscillating": QT_TRANSLATE_NOOP("GradientLab", "oscillating"),
    "diverged": QT_TRANSLATE_NOOP("GradientLab", "diverged"),
}
TYPED = "typed"


def note_grid(domain: tuple[float, float, float, float], key: str) -> str:
    """The quiver grid as the note writes it, "start, stop, step" for np.arange (the note's own for x0² + x1²)."""
    if key == "sphere":
        return "-2, 2.5, 0.25"
    step = (domain[1] - domain[0]) / 18
    return f"{domain[0]:g}, {domain[1] + step / 2:g}, {step:g}"


class FunctionLab(QWidget):
    """The window.  ``paths`` holds the latest path of every ticked optimizer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("function_lab")
        self.fn: f2.Function2D = f2.FUNCTIONS_2D["sphere"]
        self.start = (-3.0, 4.0)
        self.paths: dict[str, ds.Path] = {}
        self.plot = FunctionPlot()
        self.plot.start_moved.connect(self._on_plot_start_moved)
        self.plot.hovered.connect(self._on_plot_hovered)
        self._timer = QTimer(self)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self._on_timer_tick)
        self._build()
        self.retranslate()
        self.apply_preset("note_lr_0_1")
        self.resize(1280, 720)

    # ------------------------------------------------------------ building
    def _build(self) -> None:
        side = QWidget()
        lay = QVBoxLayout(side)
        self.title_label = QLabel()
        self.preset_combo = QComboBox(objectName="preset_combo")
        self.preset_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.preset_combo.setMinimumContentsLength(24)
        for name in PRESETS:
            self.preset_combo.addItem("", name)
        self.preset_combo.activated.connect(lambda i: self.apply_preset(self.preset_combo.itemData(i)))
        self.function_combo = QComboBox(objectName="function_combo")
        self.function_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.function_combo.setMinimumContentsLength(24)
        for key, fn in f2.FUNCTIONS_2D.items():
            self.function_combo.addItem(fn.label, key)
        self.function_combo.addItem("", TYPED)
        self.function_combo.activated.connect(self._on_function_chosen)
        self.expression_edit = QLineEdit(objectName="expression_edit")
        self.expression_edit.setText("x0^2 + x1^2")
        self.expression_edit.editingFinished.connect(self._on_expression_edited)
        self.expression_error = QLabel(objectName="expression_error")
        self.expression_error.setWordWrap(True)
        self.expression_error.setStyleSheet("color: #b00020")
        self.caret = QLabel(objectName="expression_caret")
        self.caret.setFont(QFont("monospace"))
        self.caret.hide()
        self.function_box = QGroupBox()
        fl = QGridLayout(self.function_box)
        self.preset_label, self.function_label = QLabel(), QLabel()
        self.start_label, self.grid_label = QLabel(), QLabel()
        fl.addWidget(self.preset_label, 0, 0)
        fl.addWidget(self.preset_combo, 0, 1, 1, 3)
        fl.addWidget(self.function_label, 1, 0)
        fl.addWidget(self.function_combo, 1, 1, 1, 3)
        fl.addWidget(self.expression_edit, 2, 1, 1, 3)
        fl.addWidget(self.expression_error, 3, 0, 1, 4)
        fl.addWidget(self.caret, 4, 0, 1, 4)
        self.start_x0 = QLineEdit(objectName="start_x0")
        self.start_x1 = QLineEdit(objectName="start_x1")
        self.start_x0.setMaximumWidth(90)
        self.start_x1.setMaximumWidth(90)
        for edit in (self.start_x0, self.start_x1):
            edit.editingFinished.connect(self._on_start_edited)
        fl.addWidget(self.start_label, 5, 0)
        fl.addWidget(self.start_x0, 5, 1)
        fl.addWidget(self.start_x1, 5, 2)
        self.quiver_grid = QLineEdit(objectName="quiver_grid")
        self.quiver_grid.editingFinished.connect(self.recompute)
        fl.addWidget(self.grid_label, 6, 0)
        fl.addWidget(self.quiver_grid, 6, 1, 1, 3)
        self.grid_error = QLabel(objectName="grid_error")
        self.grid_error.setStyleSheet("color: #b00020")
        fl.addWidget(self.grid_error, 7, 0, 1, 4)
        self.numerical_check = QCheckBox(objectName="numerical_check")
        self.numerical_check.setChecked(True)
        self.numerical_check.toggled.connect(self.recompute)
        fl.addWidget(self.numerical_check, 8, 0, 1, 4)
        lay.addWidget(self.function_box)

        self.optimizer_box = QGroupBox()
        ol = QGridLayout(self.optimizer_box)
        self.rows: dict[str, tuple[QCheckBox, QLineEdit, QLineEdit, QLabel]] = {}
        self.lr_header, self.steps_header = QLabel(), QLabel()
        ol.addWidget(self.lr_header, 0, 1)
        ol.addWidget(self.steps_header, 0, 2)
        for r, (name, colour) in enumerate(OPTIMIZER_COLOURS.items(), start=1):
            check = QCheckBox(OPTIMIZER_NAMES[name], objectName=f"opt_{name}_check")
            check.setStyleSheet(f"QCheckBox {{ color: {colour}; font-weight: bold }}")
            lr, steps = QLineEdit(objectName=f"opt_{name}_lr"), QLineEdit(objectName=f"opt_{name}_steps")
            lr.setText("0.1")
            steps.setText("20")
            lr.setMaximumWidth(80)
            steps.setMaximumWidth(60)
            status = QLabel(objectName=f"opt_{name}_status")
            status.setWordWrap(True)
            check.toggled.connect(self.recompute)
            lr.editingFinished.connect(self.recompute)
            steps.editingFinished.connect(self.recompute)
            for c, w in enumerate((check, lr, steps, status)):
                ol.addWidget(w, r, c)
            self.rows[name] = (check, lr, steps, status)
        self.stability_label = QLabel(objectName="stability_label")
        self.stability_label.setWordWrap(True)
        ol.addWidget(self.stability_label, len(self.rows) + 1, 0, 1, 4)
        lay.addWidget(self.optimizer_box)

        self.ledger_box = QGroupBox()
        ll = QVBoxLayout(self.ledger_box)
        top = QHBoxLayout()
        self.ledger_combo = QComboBox(objectName="ledger_combo")
        self.ledger_combo.currentIndexChanged.connect(lambda _i: self.show_step())
        self.step_slider = QSlider(Qt.Orientation.Horizontal, objectName="step_slider")
        self.step_slider.valueChanged.connect(lambda _v: self.show_step())
        self.step_label = QLabel(objectName="step_label")
        self.play_button = QPushButton(objectName="play_button")
        self.play_button.setCheckable(True)
        self.play_button.toggled.connect(self._on_play_toggled)
        top.addWidget(self.ledger_combo)
        top.addWidget(self.step_slider, 1)
        top.addWidget(self.step_label)
        top.addWidget(self.play_button)
        ll.addLayout(top)
        self.ledger_text = QPlainTextEdit(objectName="ledger_text")
        self.ledger_text.setReadOnly(True)
        self.ledger_text.setFont(QFont("monospace"))
        self.ledger_text.setMinimumHeight(150)
        ll.addWidget(self.ledger_text)
        lay.addWidget(self.ledger_box)

        point = QHBoxLayout()
        self.point_caption = QLabel()
        self.point_edit = QLineEdit("3, 4", objectName="point_edit")
        self.point_edit.editingFinished.connect(self.show_point_gradient)
        self.point_result = QLabel(objectName="point_result")
        point.addWidget(self.point_caption)
        point.addWidget(self.point_edit)
        point.addWidget(self.point_result, 1)
        lay.addLayout(point)
        self.hover_label = QLabel(objectName="hover_label")
        self.hover_label.setWordWrap(True)
        lay.addWidget(self.hover_label)
        buttons = QHBoxLayout()
        self.png_button = QPushButton(objectName="export_png")
        self.csv_button = QPushButton(objectName="export_csv")
        self.md_button = QPushButton(objectName="export_ledger")
        self.png_button.clicked.connect(lambda: save_png(self, self.plot, self.tr("Save the plot"), "function_lab.png"))
        self.csv_button.clicked.connect(self.export_csv)
        self.md_button.clicked.connect(self.export_ledger)
        for b in (self.png_button, self.csv_button, self.md_button):
            buttons.addWidget(b)
        lay.addLayout(buttons)
        lay.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(side)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(540)
        split = QSplitter()
        split.addWidget(self.plot)
        split.addWidget(scroll)
        split.setStretchFactor(0, 1)
        split.setSizes([720, 560])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(split)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("2-D function lab: gradients and descent paths"))
        self.function_box.setTitle(self.tr("Function"))
        self.preset_label.setText(self.tr("Preset:"))
        self.function_label.setText(self.tr("f(x0, x1):"))
        self.function_combo.setItemText(self.function_combo.count() - 1, self.tr("Type a function…"))
        self.expression_edit.setPlaceholderText(self.tr("e.g. x0^2 + x1^2 or sin(x0) * x1"))
        self.start_label.setText(self.tr("Start (x0, x1):"))
        self.grid_label.setText(self.tr("Arrows at np.arange(start, stop, step):"))
        self.numerical_check.setText(self.tr("Numerical gradient for the paths (h = 1e-4), as in the note"))
        for i in range(self.preset_combo.count()):
            self.preset_combo.setItemText(i, lab_text(PRESETS[self.preset_combo.itemData(i)][3]))
        self.optimizer_box.setTitle(self.tr("Optimizers"))
        self.lr_header.setText(self.tr("learning rate"))
        self.steps_header.setText(self.tr("steps"))
        self.ledger_box.setTitle(self.tr("Ledger of one step"))
        self.play_button.setText(self.tr("Animate"))
        self.point_caption.setText(self.tr("Gradient at (x0, x1):"))
        self.png_button.setText(self.tr("Plot as PNG…"))
        self.csv_button.setText(self.tr("Path as CSV…"))
        self.md_button.setText(self.tr("Ledger as Markdown…"))
        self.recompute()

    @total
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:  # @total already keeps exceptions from reaching Qt
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------ actions
    def apply_preset(self, name: str) -> None:
        key, start, runs, _title = PRESETS[name]
        self.preset_combo.setCurrentIndex(list(PRESETS).index(name))
        self.function_combo.setCurrentIndex(self.function_combo.findData(key))
        self.fn = f2.FUNCTIONS_2D[key]
        self.quiver_grid.setText(note_grid(self.fn.domain, key))
        for opt, (check, lr, steps, _status) in self.rows.items():
            blocked = [w.blockSignals(True) for w in (check, lr, steps)]
            check.setChecked(opt in runs)
            if opt in runs:
                lr.setText(f"{runs[opt][0]:g}")
                steps.setText(str(runs[opt][1]))
            for w, old in zip((check, lr, steps), blocked, strict=True):
                w.blockSignals(old)
        self.set_start(*start)

    def set_function(self, key: str, text: str = "") -> bool:
        """Show a built-in function, or the typed ``text`` (False and a sentence if it is refused)."""
        if key == TYPED:
            try:
                fn = f2.typed_function(text, (-4.0, 4.0, -4.0, 4.0))
            except ExprError as err:
                self.expression_error.setText(expr_error_sentence(err))
                self.caret.setText(caret_line(text, err))
                self.caret.show()
                return False
            self.function_combo.setCurrentIndex(self.function_combo.findData(TYPED))
        else:
            fn = f2.FUNCTIONS_2D[key]
            self.function_combo.setCurrentIndex(self.function_combo.findData(key))
        self.expression_error.setText("")
        self.caret.hide()
        self.fn = fn
        self.quiver_grid.setText(note_grid(fn.domain, fn.key))
        self.set_start(*fn.start)
        return True

    def set_start(self, x0: float, x1: float) -> None:
        self.start = (float(x0), float(x1))
        self.start_x0.setText(f"{x0:g}")
        self.start_x1.setText(f"{x1:g}")
        self.plot.set_start(x0, x1)
        self.recompute()

    def _on_function_chosen(self, index: int) -> None:
        key = self.function_combo.itemData(index)
        self.set_function(key, self.expression_edit.text())

    def _on_expression_edited(self) -> None:
        self.set_function(TYPED, self.expression_edit.text())

    def _on_start_edited(self) -> None:
        x0, x1 = parse_float(self.start_x0), parse_float(self.start_x1)
        if x0 is None or x1 is None:
            self.expression_error.setText(self.tr("The start point needs two numbers."))
            self.start_x0.setText(f"{self.start[0]:g}")
            self.start_x1.setText(f"{self.start[1]:g}")
            return
        self.set_start(x0, x1)

    def _on_plot_start_moved(self, x0: float, x1: float) -> None:
        self.start = (x0, x1)
        self.start_x0.setText(f"{x0:.3g}")
        self.start_x1.setText(f"{x1:.3g}")
        self.recompute()

    def _on_play_toggled(self, on: bool) -> None:
        if on:
            if self.step_slider.value() >= self.step_slider.maximum():
                self.step_slider.setValue(0)
            self._timer.start()
        else:
            self._timer.stop()

    def _on_timer_tick(self) -> None:
        if self.step_slider.value() >= self.step_slider.maximum():
            self.play_button.setChecked(False)
            return
        self.step_slider.setValue(self.step_slider.value() + 1)

    # ------------------------------------------------------------ computing
    def _quiver_axis(self) -> np.ndarray | None:
        parts = self.quiver_grid.text().replace("−", "-").split(",")
        try:
            a, b, step = (float(p) for p in parts)
        except ValueError:
            return None
        if not (np.isfinite([a, b, step]).all() and step > 0 and b > a and (b - a) / step <= 60):
            return None
        return np.arange(a, b, step)

    def recompute(self) -> None:
        """Function map, quiver and every ticked path from the current settings."""
        if not hasattr(self, "rows"):
            return
        fn = self.fn
        g0, g1 = f2.grid_axes(fn.domain, 120)
        X0, X1 = np.meshgrid(g0, g1)
        with np.errstate(all="ignore"):
            values = np.broadcast_to(fn.f(X0, X1), X0.shape).astype(np.float64)
        self.plot.set_function(values, fn.domain)
        axis = self._quiver_axis()
        self.grid_error.setText(
            "" if axis is not None else self.tr("The arrow grid needs start, stop, step (at most 60 steps).")
        )
        if axis is not None:
            Q0, Q1 = np.meshgrid(axis, axis)
            g = f2.numerical_gradient_grid(fn.f, Q0, Q1)
            self.plot.set_quiver(Q0, Q1, g[0], g[1], float(axis[1] - axis[0]) if len(axis) > 1 else 1.0)
        self.plot.set_minima(fn.minima)
        self.paths = {}
        for name, (check, lr_edit, steps_edit, status) in self.rows.items():
            lr, steps = parse_float(lr_edit, 0.0), parse_float(steps_edit, 0.0)
            status.setText("")
            if not check.isChecked():
                self.plot.set_path(name, None, 0)
                continue
            if lr is None or steps is None or steps > ds.MAX_STEPS:
                status.setText(self.tr("needs lr ≥ 0 and 0–%1 steps").replace("%1", str(ds.MAX_STEPS)))
                self.plot.set_path(name, None, 0)
                continue
            path = ds.run_path(fn, self.start, ds.PathSpec(name, lr, int(steps)), self.numerical_check.isChecked())
            self.paths[name] = path
            status.setText(lab_text(LABEL_TEXT[path.label]))
            status.setToolTip(f"f = {number(float(path.values[-1]), 6)}")
        self._update_stability()
        current = self.ledger_combo.currentData()
        self.ledger_combo.blockSignals(True)
        self.ledger_combo.clear()
        for name in self.paths:
            self.ledger_combo.addItem(OPTIMIZER_NAMES[name], name)
        if current in self.paths:
            self.ledger_combo.setCurrentIndex(list(self.paths).index(current))
        self.ledger_combo.blockSignals(False)
        longest = max((p.steps_taken for p in self.paths.values()), default=0)
        self.step_slider.blockSignals(True)
        self.step_slider.setRange(0, longest)
        self.step_slider.setValue(longest)
        self.step_slider.blockSignals(False)
        self.show_step()
        self.show_point_gradient()

    def _update_stability(self) -> None:
        lines = []
        for name in ("sgd", "momentum", "nesterov"):
            if not self.rows[name][0].isChecked():
                continue
            limit = ds.stability_limit(self.fn, name)
            lr = parse_float(self.rows[name][1], 0.0)
            if limit.lr_max is None:
                continue
            over = lr is not None and lr >= limit.lr_max
            text = self.tr("%1 is stable while lr < %2 (λ_max = %3)%4").replace("%1", OPTIMIZER_NAMES[name])
            text = text.replace("%2", number(limit.lr_max)).replace("%3", number(limit.lambda_max))
            lines.append(text.replace("%4", self.tr(": this lr is past the limit") if over else ""))
        if self.fn.hessian is not None and not lines and ds.stability_limit(self.fn, "sgd").reason == "not_convex":
            lines.append(self.tr("A saddle: along x1 every learning rate moves away."))
        self.stability_label.setText("\n".join(lines))

    def show_step(self) -> None:
        """Draw the paths up to the slider's step and write the ledger of that step for the chosen optimizer."""
        t = self.step_slider.value()
        chosen = self.ledger_combo.currentData()
        for name in OPTIMIZER_COLOURS:
            self.plot.set_path(name, self.paths.get(name), t)
        path = self.paths.get(chosen)
        self.plot.set_numbers(path, t, t)
        self.step_label.setText(self.tr("step %1").replace("%1", str(t)))
        if path is None or t == 0 or t > path.steps_taken:
            self.ledger_text.setPlainText(
                self.tr("Move the slider to a step (1 or more) to see its update written out.") if path else ""
            )
            return
        e = ledger(path, t)
        head = [
            self.tr("%1, step %2").replace("%1", OPTIMIZER_NAMES[chosen]).replace("%2", str(t)),
            f"x = ({number(e.x[0], 6)}, {number(e.x[1], 6)})   ∇f = ({number(e.grad[0], 6)}, {number(e.grad[1], 6)})",
        ]
        for key, val in {**e.state_after, **e.derived}.items():
            head.append(f"{key} = ({number(val[0], 6)}, {number(val[1], 6)})")
        head.append(
            self.tr("effective step size per coordinate: %1, %2")
            .replace("%1", number(e.effective_lr[0]))
            .replace("%2", number(e.effective_lr[1]))
        )
        self.ledger_text.setPlainText("\n".join([*head, "", *e.lines]))

    def show_point_gradient(self) -> None:
        """The note's exercise: the gradient at a typed point, e.g. (3, 4) → (6, 8)."""
        parts = self.point_edit.text().replace("(", "").replace(")", "").split(",")
        try:
            x0, x1 = (float(p) for p in parts)
        except ValueError:
            self.point_result.setText(self.tr("Type two numbers, e.g. 3, 4."))
            return
        g = f2.numerical_gradient_grid(self.fn.f, np.array([x0]), np.array([x1]))[:, 0]
        text = f"({x0:g}, {x1:g}) → ({number(g[0])}, {number(g[1])})"
        exact = self.fn.gradient(x0, x1)
        if exact is not None:
            text += "   " + self.tr("exact: (%1, %2)").replace("%1", number(exact[0])).replace("%2", number(exact[1]))
        self.point_result.setText(text)

    def _on_plot_hovered(self, x0: float, x1: float) -> None:
        g = f2.numerical_gradient_grid(self.fn.f, np.array([x0]), np.array([x1]))[:, 0]
        exact = self.fn.gradient(x0, x1)
        text = self.tr("at (%1, %2): f = %3, numerical ∇f = (%4, %5)")
        for k, v in enumerate((x0, x1, self.fn.value(x0, x1), g[0], g[1]), start=1):
            text = text.replace(f"%{k}", number(float(v)))
        if exact is not None:
            text += ", " + self.tr("exact: (%1, %2)").replace("%1", number(exact[0])).replace("%2", number(exact[1]))
        self.hover_label.setText(text)

    # ------------------------------------------------------------ exports
    def export_csv(self) -> bool:
        path = self.paths.get(self.ledger_combo.currentData())
        return path is not None and save_text(self, self.tr("Save the path"), "path.csv", "CSV (*.csv)", path_csv(path))

    def export_ledger(self) -> bool:
        name = self.ledger_combo.currentData()
        path, t = self.paths.get(name), self.step_slider.value()
        if path is None or not 1 <= t <= path.steps_taken:
            return False
        title = self.tr("%1, step %2").replace("%1", OPTIMIZER_NAMES[name]).replace("%2", str(t))
        text = ledger_markdown(ledger(path, t), title)
        return save_text(self, self.tr("Save the ledger"), "ledger.md", "Markdown (*.md)", text)
