"""View → Inside the network: per-layer statistics while the network learns, a history to scrub, breakpoints.

The panel reads the network through the Session and recomputes its numbers
(model.stats, one forward and backward pass over the training set) only while
it is visible, and while playing at most every SLOW_PANEL_INTERVAL_S
(:class:`~gui.controller.PlayThrottle`); on pause it catches up at once.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSlider,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.controller import PlayThrottle, TrainingController
from gui.lab.flow_plots import LayerHistograms, LayerSeries
from gui.lab.flow_recorder import FlowRecorder
from gui.safety import total
from gui.window.actions import ActionSpec
from model import breakpoints as bp
from model import stats
from model.dataset import TRAIN

if TYPE_CHECKING:
    from gui.session import Session
    from gui.window.interface import WindowInterface

Array = np.ndarray

#: Table columns: (key, header); the texts are set in retranslate().
COLUMNS = ("layer", "mean", "std", "saturated", "dead", "norm", "ratio")
#: The tabs by the names lesson files use (``view.flow.tab``).
TAB_NAMES = {"table": 0, "a": 1, "delta": 2, "dW": 3, "norm": 4, "ratio": 5}
#: The window's actions that would change the network or train it: disabled while a past step is on view.
EDITING_ACTIONS = (
    "step_forward",
    "step_back",
    "finish_step",
    "train_epoch",
    "reset",
    "randomize",
    "undo",
    "redo",
    "add_layer",
)


def _number(value: float, digits: int = 3) -> str:
    if math.isnan(value):
        return "–"
    if math.isinf(value):
        return "−∞" if value < 0 else "∞"
    return f"{value:.{digits}g}"


class FlowPanel(QWidget):
    """The "Inside the network" panel: numbers per layer, histograms, series, history and breakpoints."""

    def __init__(self, session: Session, controller: TrainingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.controller = controller
        self.recorder = FlowRecorder(session, controller, self)
        self.throttle = PlayThrottle()
        self.layers: tuple[stats.LayerStats, ...] = ()
        self._kept = np.zeros(0, dtype=np.int64)  # (k,) the history's kept steps, as the slider shows them
        self._sampled_step = -1  # the step of the series' last point

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("flow_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.histograms = LayerHistograms()
        self.series = LayerSeries()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("flow_tabs")
        # The table is a tab like the plots: on a 720-pixel screen the panel cannot show both at a useful size.
        for widget in [self.table, *self.histograms.widgets(), *self.series.widgets()]:
            self.tabs.addTab(widget, "")
        self.tabs.setCurrentIndex(TAB_NAMES["norm"])  # gradient norm per layer: the vanishing gradient at a glance
        self.tabs.currentChanged.connect(lambda _index: self.refresh())

        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("flow_history")
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.history_label = QLabel()
        self.step_label = QLabel()
        self.now_button = QPushButton()
        self.now_button.setObjectName("flow_now")
        self.now_button.clicked.connect(self.recorder.show_present)
        self.continue_button = QPushButton()
        self.continue_button.setObjectName("flow_continue")
        self.continue_button.clicked.connect(self.recorder.continue_from_here)

        # Breakpoints: a menu of checkable actions behind one button keeps the panel short enough for a
        # 720-pixel screen; the button's text says how many are on.
        self.breakpoint_button = QToolButton()
        self.breakpoint_button.setObjectName("flow_breakpoints")
        self.breakpoint_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.breakpoint_menu = QMenu(self)
        self.breakpoint_actions: dict[str, QAction] = {}
        for code in bp.CODES:
            action = self.breakpoint_menu.addAction("")
            action.setObjectName(f"breakpoint_{code}")
            action.setCheckable(True)
            action.toggled.connect(lambda on, c=code: self._on_breakpoint_toggled(c, on))
            self.breakpoint_actions[code] = action
        self.breakpoint_button.setMenu(self.breakpoint_menu)
        self.patience = QSpinBox()
        self.patience.setObjectName("flow_patience")
        self.patience.setRange(1, 100)
        self.patience.setValue(self.recorder.breakpoints.patience)
        self.patience.valueChanged.connect(self._on_patience_changed)
        self.patience_label = QLabel()
        # Which weight the sign breakpoint watches: said inside the menu, beside its entry, to keep the row short.
        self.weight_label = QAction(self)
        self.weight_label.setEnabled(False)
        self.breakpoint_menu.insertAction(self.breakpoint_actions[bp.WEIGHT_SIGN_CHANGED], self.weight_label)

        history = QGridLayout()
        history.setContentsMargins(0, 0, 0, 0)
        history.addWidget(self.history_label, 0, 0)
        history.addWidget(self.slider, 0, 1, 1, 3)
        history.addWidget(self.step_label, 1, 0, 1, 2)
        history.addWidget(self.now_button, 1, 2)
        history.addWidget(self.continue_button, 1, 3)
        pause_row = QHBoxLayout()
        pause_row.addWidget(self.breakpoint_button)
        pause_row.addWidget(self.patience_label)
        pause_row.addWidget(self.patience)
        pause_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(history)
        layout.addLayout(pause_row)

        session.values_changed.connect(self.refresh)
        session.structure_changed.connect(self._on_session_structure_changed)
        controller.playing_changed.connect(self._on_controller_playing_changed)
        self.recorder.preview_changed.connect(self._on_recorder_preview_changed)
        self.retranslate()
        self._on_recorder_preview_changed(None)

    # ------------------------------------------------------------ strings
    def retranslate(self) -> None:
        for index, text in enumerate(
            (self.tr("numbers"), self.tr("a"), self.tr("δ"), self.tr("∂L/∂W"), self.tr("‖∂L/∂W‖"), self.tr("Δ/W"))
        ):
            self.tabs.setTabText(index, text)
        for index, tip in enumerate(
            (
                self.tr("Each layer's numbers on the training set"),
                self.tr("Histogram of each layer's outputs a"),
                self.tr("Histogram of each layer's δ = ∂L/∂z, on a log scale of its size"),
                self.tr("Histogram of each layer's weight gradients ∂L/∂W, on a log scale of their size"),
                self.tr(
                    "Gradient norm per layer over the steps (log scale): a vanishing gradient shrinks layer by layer"
                ),
                self.tr("log10 of update size / weight size per layer over the steps; the dashed line is the usual −3"),
            )
        ):
            self.tabs.setTabToolTip(index, tip)
        headers = (
            self.tr("layer"),
            self.tr("mean a"),
            self.tr("std a"),
            self.tr("satur."),
            self.tr("dead"),
            self.tr("‖∂L/∂W‖"),
            self.tr("log Δ/W"),
        )
        self.table.setHorizontalHeaderLabels(list(headers))
        tips = (
            self.tr("Layer number and activation function"),
            self.tr("Mean output of the layer's units over the training set"),
            self.tr("Spread of the layer's outputs"),
            self.tr("Share of sigmoid/tanh outputs whose derivative is below 0.01: almost no gradient passes"),
            self.tr("Share of ReLU units that output 0 for every training sample: they no longer learn"),
            self.tr("Size of the gradient of the layer's weights and biases"),
            self.tr(
                "log10 of how much the last update moved the weights, relative to their size (about −3 is healthy)"
            ),
        )
        for column, tip in enumerate(tips):
            item = self.table.horizontalHeaderItem(column)
            if item is not None:
                item.setToolTip(tip)
        self.histograms.set_labels(self.tr("share"), self.tr("a"), self.tr("log10 |δ|"), self.tr("log10 |∂L/∂W|"))
        self.series.norm.set_labels(self.tr("step"), self.tr("log10 ‖∂L/∂W‖"))
        self.series.ratio.set_labels(self.tr("step"), self.tr("log10 update / weight"))
        self.history_label.setText(self.tr("History"))
        self.slider.setToolTip(
            self.tr("Drag back through training: every step's weights are kept (older ones thinned)")
        )
        self.now_button.setText(self.tr("Back to now"))
        self.continue_button.setText(self.tr("Continue from here"))
        self.continue_button.setToolTip(self.tr("Make the step on view the present (one undo step)"))
        texts = {
            bp.LOSS_NON_FINITE: self.tr("the loss diverges"),
            bp.UNIT_DIED: self.tr("a neuron dies"),
            bp.WEIGHT_SIGN_CHANGED: self.tr("the watched weight changes sign"),
            bp.TRAIN_ACCURACY_FULL: self.tr("training accuracy reaches 100 %"),
            bp.VALIDATION_ROSE: self.tr("the validation loss rises"),
        }
        for code, action in self.breakpoint_actions.items():
            action.setText(texts[code])
        self._update_breakpoint_button()
        self.patience_label.setText(self.tr("rising epochs:"))
        self.patience.setToolTip(self.tr("How many epochs in a row the validation loss must rise"))
        self._update_weight_label()
        self._update_step_label()
        self._fill_table()

    def _update_breakpoint_button(self) -> None:
        on = sum(action.isChecked() for action in self.breakpoint_actions.values())
        text = self.tr("Pause when… (%1 on)").replace("%1", str(on)) if on else self.tr("Pause when…")
        self.breakpoint_button.setText(text)

    def _on_breakpoint_toggled(self, code: str, on: bool) -> None:
        self.recorder.set_breakpoint(code, on)
        self._update_breakpoint_button()

    def _on_patience_changed(self, epochs: int) -> None:
        self.recorder.set_patience(epochs)

    def _layer_names(self) -> list[str]:
        net = self.session.network
        return [
            self.tr("%1 · %2").replace("%1", str(l)).replace("%2", net.activations[l - 1])
            for l in range(1, net.n_layers + 1)
        ]

    # ------------------------------------------------------------ selection
    def set_selection(self, selection: tuple | None) -> None:
        """Watch the selected weight (("edge", k, i, j)) for the sign breakpoint; other selections keep it."""
        if selection is not None and selection[0] == "edge":
            self.recorder.watch_weight((int(selection[1]), int(selection[2]), int(selection[3])))
            self._update_weight_label()

    def _update_weight_label(self) -> None:
        weight = self.recorder.breakpoints.weight
        if weight is None:
            self.weight_label.setText(self.tr("Click a weight on the network to watch it."))
            return
        k, i, j = weight
        text = self.tr("Watching the weight from node (%1, %2) to node (%3, %4).")
        for key, value in (("%1", k), ("%2", i), ("%3", k + 1), ("%4", j)):
            text = text.replace(key, str(value))
        self.weight_label.setText(text)

    # ------------------------------------------------------------ refresh
    @total
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override: catch up when shown
        super().showEvent(event)
        try:
            self.refresh()
        except Exception:  # noqa: BLE001 - nothing may leave a Qt override (QT_NOTES); the next refresh retries
            pass

    def _on_session_structure_changed(self) -> None:
        self.series.clear(self.session.network.n_layers)
        self._sampled_step = -1
        self.refresh()

    def _on_controller_playing_changed(self, playing: bool) -> None:
        if self.throttle.set_playing(playing):
            self.refresh()

    def refresh(self) -> None:
        """Recompute and redraw, if visible and not held back while playing."""
        self.recorder.sync()
        if not self.isVisible() or self.throttle.hold():
            if not self.isVisible():
                self.throttle.stale = True
            return
        self.throttle.refreshed()
        s = self.session
        X, Y = s.dataset.part(TRAIN)
        self._update_history_slider()
        if len(X) == 0:
            self.layers = ()
            self.summary.setText(self.tr("There are no training samples to measure."))
            self._fill_table()
            return
        self.layers = stats.training_set_stats(s.network, X, Y)
        ratios = self._update_ratios()
        step = self.recorder.preview_step if self.recorder.preview_step is not None else s.steps
        if self.recorder.preview_step is None and step != self._sampled_step:
            self.series.add(step, np.array([layer.grad_norm for layer in self.layers]), ratios)
            self._sampled_step = step
        self._ratios = ratios
        # The plots' keys name layers by number only (the table gives their activations): eight layers fit a line.
        numbers = [str(l) for l in range(1, len(self.layers) + 1)]
        current = self.tabs.currentIndex()
        if TAB_NAMES["a"] <= current <= TAB_NAMES["dW"]:  # only the plots on view are drawn
            self.histograms.refresh(self.layers, numbers, self.tr("layer"))
        elif current >= TAB_NAMES["norm"]:
            self.series.refresh(numbers, self.tr("layer"))
        text = self.tr("Step %1 · measured on the %2 training samples")
        self.summary.setText(text.replace("%1", str(step)).replace("%2", str(len(X))))
        self._fill_table()

    def _update_ratios(self) -> Array:
        """log10 update/weight ratio per layer (L,) of the update that led to the step on view; NaN if unknown."""
        history = self.recorder.history
        L = self.session.network.n_layers
        step = self.recorder.preview_step if self.recorder.preview_step is not None else self.session.steps
        try:
            before, _ = history.params(step - 1)
            after, _ = history.params(step)
        except KeyError:
            return np.full(L, math.nan)
        return stats.update_ratio_log10(before, after)

    def _fill_table(self) -> None:
        layers = self.layers
        if self.table.rowCount() != len(layers):
            self.table.setRowCount(len(layers))
            for row in range(len(layers)):
                for column in range(len(COLUMNS)):
                    item = QTableWidgetItem()
                    if column:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    self.table.setItem(row, column, item)
        names = self._layer_names() if layers else []
        ratios = getattr(self, "_ratios", np.zeros(0))
        for row, layer in enumerate(layers):
            ratio = float(ratios[row]) if row < len(ratios) else math.nan
            values = (
                names[row],
                _number(layer.a.mean),
                _number(layer.a.std),
                "–" if math.isnan(layer.saturated_pct) else f"{layer.saturated_pct:.0f} %",
                "–" if math.isnan(layer.dead_pct) else f"{layer.dead_pct:.0f} %",
                _number(layer.grad_norm, 2),
                _number(ratio, 2),
            )
            for column, text in enumerate(values):
                item = self.table.item(row, column)
                if item is not None and item.text() != text:
                    item.setText(text)

    # ------------------------------------------------------------ history
    def _update_history_slider(self) -> None:
        self._kept = self.recorder.history.steps()
        self.slider.blockSignals(True)  # a refresh must never echo back as a scrub
        self.slider.setRange(0, max(0, len(self._kept) - 1))
        step = self.recorder.preview_step
        if step is None:
            self.slider.setValue(self.slider.maximum())
        else:
            self.slider.setValue(int(np.searchsorted(self._kept, step)))
        self.slider.blockSignals(False)
        self._update_step_label()

    def _update_step_label(self) -> None:
        step = self.recorder.preview_step
        if step is None:
            kept = len(self.recorder.history)
            text = self.tr("Now: step %1 · %2 steps kept").replace("%1", str(self.session.steps))
            self.step_label.setText(text.replace("%2", str(kept)))
        else:
            self.step_label.setText(self.tr("Viewing step %1 (read-only)").replace("%1", str(step)))

    def _on_slider_value_changed(self, index: int) -> None:
        if 0 <= index < len(self._kept):
            self.recorder.show_step(int(self._kept[index]))

    def show_step(self, step: int) -> None:
        """Scrub to the kept step nearest ``step`` (as dragging the slider there would)."""
        nearest = self.recorder.history.nearest(step)
        if nearest is not None:
            self.recorder.show_step(nearest)

    def _on_recorder_preview_changed(self, step: object) -> None:
        previewing = step is not None
        self.now_button.setEnabled(previewing)
        self.continue_button.setEnabled(previewing)
        self._update_step_label()


class FlowFeature:
    """Installs the panel as a dock with its View-menu action, and keeps the window read-only while a past
    step is on view."""

    def __init__(self, window: WindowInterface) -> None:
        self.window = window
        self.panel = FlowPanel(window.session, window.controller)
        self.dock = QDockWidget(window)
        self.dock.setObjectName("dock_flow")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)  # type: ignore[attr-defined]
        window.tabifyDockWidget(window.docks["inspector"], self.dock)  # type: ignore[attr-defined]
        self.dock.hide()
        window.docks["flow"] = self.dock
        dock = self.dock
        (self.action,) = window.window_actions.add(
            [
                ActionSpec(
                    "flow_panel",
                    QT_TRANSLATE_NOOP("MainWindow", "Inside the network"),
                    QT_TRANSLATE_NOOP(
                        "MainWindow", "Per-layer activations and gradients, a history of every step, breakpoints"
                    ),
                    ("G",),
                    toggled=lambda _w, on: self._on_action_toggled(on),
                    checkable=True,
                    menu="view",
                    separator=True,
                    make=lambda _w: dock.toggleViewAction(),  # checked while the dock is open, however it closed
                )
            ],
        ).values()  # the window's own translation context, like every command of its menus
        window.network_view.selection_changed.connect(self.panel.set_selection)
        self.panel.recorder.breakpoint_hit.connect(window.show_message)
        self.panel.recorder.preview_changed.connect(self._on_preview_changed)
        window.retranslated.connect(self.retranslate)
        window.document_loaded.connect(self._on_window_document_loaded)
        self.retranslate()
        self.apply_hints(window.session.document.view)

    def apply_hints(self, view: dict) -> None:
        """A lesson's suggestions (``view.flow`` of its file): open the panel, pick a tab, turn breakpoints on.

        ``{"open": true, "tab": "a" | "delta" | "dW" | "norm" | "ratio", "breakpoints": [codes]}``;
        unknown values are ignored (a hint never refuses a file).  Breakpoints it does not name go off.
        """
        hints = view.get("flow")
        if not isinstance(hints, dict):
            return
        tab = TAB_NAMES.get(str(hints.get("tab", "")))
        if tab is not None:
            self.panel.tabs.setCurrentIndex(tab)
        codes = hints.get("breakpoints", [])
        wanted = {c for c in codes if c in bp.CODES} if isinstance(codes, list) else set()
        for code, action in self.panel.breakpoint_actions.items():
            action.setChecked(code in wanted)
        if hints.get("open"):
            self.dock.show()
            self._on_action_toggled(True)

    def _on_window_document_loaded(self, _path: object) -> None:
        self.apply_hints(self.window.session.document.view)

    def retranslate(self) -> None:
        self.dock.setWindowTitle(QCoreApplication.translate("FlowPanel", "Inside the network"))
        self.panel.retranslate()

    def _on_action_toggled(self, on: bool) -> None:
        if on:
            # After Qt has shown the dock: raising a tabbed dock before that leaves the other tab in front.
            QTimer.singleShot(0, self.dock.raise_)

    def _on_preview_changed(self, step: object) -> None:
        """A past step on view is read-only: no edits, no training, no undo until "back to now"."""
        window = self.window
        previewing = step is not None
        if previewing:
            window.window_actions.block("history_preview", EDITING_ACTIONS)
        else:
            window.window_actions.unblock("history_preview")  # each is enabled again as its own rule says
        window.network_view.setInteractive(not previewing)
        for name in ("training", "data"):
            window.docks[name].widget().setEnabled(not previewing)
        if previewing:
            text = QCoreApplication.translate(
                "FlowPanel", "Viewing step %1 of the history (read-only). Back to now or continue from here."
            )
            window.show_message(text.replace("%1", str(step)))


def install(window: WindowInterface) -> FlowFeature:
    return FlowFeature(window)
