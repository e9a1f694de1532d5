"""The main window: network editor in the centre, inspector, data, plots and training controls around it."""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

import model
from gui import i18n
from gui.canvas.network_view import NetworkView
from gui.commands import RenewWeightsCommand, push
from gui.controller import SPEEDS, PlayThrottle, TrainingController
from gui.data import data_editor
from gui.data.data_panel import DataPanel
from gui.lab import flow_canvas, flow_dock, gradient_lab, runs_lab
from gui.model_text import phase as phase_text
from gui.panels.inspector import Inspector
from gui.panels.lesson_panel import LessonPanel, localized_title
from gui.panels.training_panel import TrainingPanel
from gui.plots.boundary import BoundaryPlot, FitPlot, grid_forward
from gui.plots.loss import LossPlot
from gui.safety import total
from gui.selection import SelectionModel
from gui.session import Session
from gui.view_settings import ViewSettings, clamp_precision
from gui.window import (
    action_table,
    autosave,
    export_menu,
    field_keys,
    file_drop,
    presentation,
    recent_files,
    shortcuts,
)
from gui.window.actions import WindowActions
from gui.window.files import APP_TITLE, DEFAULT_PRESET, FILE_FILTER, DocumentFiles
from model import grid, presets

__all__ = ["APP_TITLE", "DEFAULT_PRESET", "FILE_FILTER", "GRID_RESOLUTION", "MainWindow", "MessageBar"]

GRID_RESOLUTION = grid.RESOLUTION
PLAY_GRID_RESOLUTION = grid.PLAY_RESOLUTION


class MessageBar(QLabel):
    """One sentence about what went wrong (or what happened), shown above the network until dismissed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message_bar")
        self.setWordWrap(True)
        self.setStyleSheet(self.ERROR_STYLE)
        self.setProperty("kind", "error")
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)

    ERROR_STYLE = "QLabel { background: #fdecea; color: #7f1d1d; padding: 6px; border-radius: 4px; }"
    INFO_STYLE = "QLabel { background: #e8f1fb; color: #123c69; padding: 6px; border-radius: 4px; }"

    def show_message(self, text: str, info: bool = False) -> None:
        """Show ``text``: red for what went wrong, blue (``info``) for what went well (Saved, Exported ...)."""
        kind = "info" if info else "error"
        if self.property("kind") != kind:  # a new style sheet re-polishes: only when the kind changes
            self.setProperty("kind", kind)
            self.setStyleSheet(self.INFO_STYLE if info else self.ERROR_STYLE)
        self.setText(text)
        self.setVisible(bool(text))
        self._timer.start(10_000)

    @total
    def mousePressEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override: click dismisses
        self.hide()


class MainWindow(QMainWindow):
    """The playground.  ``doc`` defaults to the xor_train preset.

    Composed of ``window_actions`` (:class:`~gui.window.actions.WindowActions`: the actions, menus and toolbars
    built from :mod:`gui.window.action_table`) and ``files`` (:class:`~gui.window.files.DocumentFiles`: new, open,
    save).  Feature modules use what :class:`~gui.window.interface.WindowInterface` declares, nothing private.
    """

    #: Emitted at the end of retranslate(): feature modules re-set their own strings.
    retranslated = Signal()
    #: Emitted after a document is loaded (path or None).
    document_loaded = Signal(object)
    #: Emitted after the document was saved to a file (its Path).
    document_saved = Signal(object)
    #: Emitted when a close was accepted (the work was saved, clean, or knowingly discarded).
    closed = Signal()

    def __init__(self, doc: model.Document | None = None) -> None:
        super().__init__()
        if doc is None:
            doc = presets.load_preset(DEFAULT_PRESET)
        self.path: Path | None = None
        self.doc_name = doc.title or DEFAULT_PRESET
        self.session = Session(doc, self)
        self.controller = TrainingController(self.session, self)
        # The window's one owner of digits, view mode, scale and colours, and its one selection.
        self.view_settings = ViewSettings(clamp_precision(doc.view.get("precision")), self)
        self.selection = SelectionModel(self.session, self)
        self.loss_throttle = PlayThrottle()
        self.files = DocumentFiles(self, self.session)
        self._build_widgets()
        self._build_actions()
        self._connect()
        self._install_extensions()
        self.retranslate()
        self._apply_view_hints(doc)
        self._on_structure_changed()
        self.resize(1500, 950)

    def _install_extensions(self) -> None:
        """Features that add their own menus, actions and docks; each module has install(window)."""
        self.recent_files = recent_files.install(self)
        self.file_drop = file_drop.install(self)
        self.autosaver = autosave.install(self)
        self.data_editor = data_editor.install(self)
        self.export_menu = export_menu.install(self)
        self.flow = flow_dock.install(self)
        self.unit_health = flow_canvas.install(self)
        self.presentation = presentation.install(self)
        self.gradient_lab = gradient_lab.install(self)
        self.runs_lab = runs_lab.install(self)
        self.field_keys = field_keys.install(self)
        self.shortcuts = shortcuts.install(self)  # last: it gives every command without keys its default

    # ------------------------------------------------------------ building
    def _build_actions(self) -> None:
        """Actions, menus and toolbars from the declarative table (gui/window/action_table.py)."""
        actions = self.window_actions = WindowActions(self)
        actions.declare_menus(action_table.MENUS)
        actions.add(action_table.ACTIONS)
        actions.add(action_table.example_actions())
        self.menus = actions.menus
        panels = actions.menu("panels")
        for dock in self.docks.values():
            panels.addAction(dock.toggleViewAction())
        self.addToolBar(actions.add_toolbar("training_toolbar", action_table.TOOLBARS["training_toolbar"]))
        self.addToolBarBreak()
        self.addToolBar(actions.add_toolbar("view_toolbar", action_table.TOOLBARS["view_toolbar"]))

    @property
    def actions_by_name(self) -> Mapping[str, QAction]:
        """Every named action of the window (the table's and those extensions registered), by objectName.

        Read-only: actions join through ``window_actions.add(specs)`` or ``window_actions.register(action)``.
        """
        return MappingProxyType(self.window_actions.by_name)

    def _build_widgets(self) -> None:
        s = self.session
        self.network_view = NetworkView(s, self.view_settings, self.selection)
        self.message_bar = MessageBar()
        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.network_view, 1)
        self.setCentralWidget(centre)

        self.inspector = Inspector(s, self.view_settings, self.selection)
        self.training_panel = TrainingPanel(s)
        self.data_panel = DataPanel(s)
        self.loss_plot = LossPlot(s)
        self.boundary_plot = BoundaryPlot(s)
        self.fit_plot = FitPlot(s)
        self.lesson_panel = LessonPanel(s)
        self.docks: dict[str, QDockWidget] = {}
        for name, widget, area in (
            ("lesson", self.lesson_panel, Qt.DockWidgetArea.LeftDockWidgetArea),
            ("training", self.training_panel, Qt.DockWidgetArea.LeftDockWidgetArea),
            ("inspector", self.inspector, Qt.DockWidgetArea.RightDockWidgetArea),
            ("boundary", self.boundary_plot, Qt.DockWidgetArea.RightDockWidgetArea),
            ("fit", self.fit_plot, Qt.DockWidgetArea.RightDockWidgetArea),
            ("data", self.data_panel, Qt.DockWidgetArea.BottomDockWidgetArea),
            ("loss", self.loss_plot, Qt.DockWidgetArea.BottomDockWidgetArea),
        ):
            dock = QDockWidget(self)
            dock.setObjectName(f"dock_{name}")
            dock.setWidget(widget)
            dock.setFeatures(
                QDockWidget.DockWidgetFeature.DockWidgetMovable
                | QDockWidget.DockWidgetFeature.DockWidgetClosable
                | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            )
            self.addDockWidget(area, dock)
            self.docks[name] = dock
        self.splitDockWidget(self.docks["data"], self.docks["loss"], Qt.Orientation.Horizontal)
        self.tabifyDockWidget(self.docks["boundary"], self.docks["fit"])
        self.resizeDocks([self.docks["training"]], [300], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["lesson"], self.docks["training"]], [260, 380], Qt.Orientation.Vertical)
        self.resizeDocks([self.docks["inspector"]], [430], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["data"]], [300], Qt.Orientation.Vertical)
        self.resizeDocks([self.docks["inspector"], self.docks["boundary"]], [380, 420], Qt.Orientation.Vertical)

        self.phase_label = QLabel()
        self.phase_label.setObjectName("phase_label")
        self.phase_label.setMinimumWidth(320)
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setObjectName("speed")
        self.speed.setRange(0, len(SPEEDS) - 1)
        self.speed.setValue(self.controller.speed_index)
        self.speed.setFixedWidth(110)
        self.precision_box = QSpinBox()
        self.precision_box.setObjectName("precision")
        self.precision_box.setRange(2, 12)
        self.precision_box.setValue(self.view_settings.precision)
        self.view_mode = QComboBox()
        self.view_mode.setObjectName("view_mode")
        self.view_mode.addItems(["forward", "backward"])

    def _connect(self) -> None:
        s = self.session
        s.structure_changed.connect(self._on_structure_changed)
        s.values_changed.connect(self._on_values_changed)
        s.message.connect(self.show_message)
        # A bound method, not a lambda: Qt drops it when the window is destroyed, whereas a lambda would still
        # run when the dying undo stack clears itself and touch the deleted window.
        s.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.controller.playing_changed.connect(self._on_playing_changed)
        s.structure_changed.connect(self.window_actions.update_enabled)
        self.data_panel.sample_selected.connect(self.selection.set_sample)
        self.view_settings.changed.connect(self._on_view_settings_changed)
        self.speed.valueChanged.connect(self.controller.set_speed)
        self.precision_box.valueChanged.connect(self._on_precision_changed)
        self.view_mode.currentIndexChanged.connect(self._on_view_mode_changed)
        # The loss plot has its own log checkbox: keep it and the window's action in step.
        self.loss_plot.log_scale_changed.connect(self.actions_by_name["log_scale"].setChecked)

    # ------------------------------------------------------------ strings
    def retranslate(self) -> None:
        self.window_actions.retranslate()
        self.actions_by_name[f"language_{i18n.current_language()}"].setChecked(True)
        self.view_mode.setItemText(0, self.tr("forward (z, a, w)"))
        self.view_mode.setItemText(1, self.tr("backward (δ, ∂L/∂w)"))
        for name, dock_title in (
            ("lesson", self.tr("Lesson")),
            ("training", self.tr("Training")),
            ("inspector", self.tr("Inspector")),
            ("boundary", self.tr("Decision boundary")),
            ("fit", self.tr("Fit")),
            ("data", self.tr("Samples")),
            ("loss", self.tr("Loss")),
        ):
            self.docks[name].setWindowTitle(dock_title)
        for panel in (
            self.inspector,
            self.training_panel,
            self.data_panel,
            self.loss_plot,
            self.boundary_plot,
            self.fit_plot,
            self.network_view,
            self.lesson_panel,
        ):
            retranslate = getattr(panel, "retranslate", None)
            if retranslate is not None:
                retranslate()
        self._update_title()
        self._update_phase_label()
        self.retranslated.emit()

    # ------------------------------------------------------------ refresh
    def _on_structure_changed(self) -> None:
        data = self.session.dataset
        boundary = data.n_inputs == 2 and data.kind == "classification"
        self.docks["boundary"].setVisible(boundary)
        self.docks["fit"].setVisible(not boundary)
        if boundary:
            self.docks["boundary"].raise_()
        self._on_values_changed()

    def _on_values_changed(self) -> None:
        s = self.session
        maps = None
        if s.dataset.n_inputs == 2 and (not self.docks["boundary"].isHidden() or self.network_view.thumbnails):
            # A coarser grid while playing (a quarter of the points); pausing redraws at full resolution.
            res = PLAY_GRID_RESOLUTION if self.controller.playing else GRID_RESOLUTION
            maps = grid_forward(s.network, s.dataset, res, node_maps=self.network_view.thumbnails)
        if not self.docks["boundary"].isHidden():
            self.boundary_plot.refresh(maps)
        if not self.docks["fit"].isHidden():
            self.fit_plot.refresh()
        if self.network_view.thumbnails and maps is not None:
            self.network_view.set_node_maps(maps.node_maps)
        # While playing, the loss curve (slow to change, costly to repaint) follows at most every
        # SLOW_PANEL_INTERVAL_S, like the inspector and the table; the network and boundary every frame.
        if not self.loss_throttle.hold():
            self.loss_plot.refresh()
            self.loss_throttle.refreshed()
        self._update_phase_label()

    def _update_phase_label(self) -> None:
        s = self.session
        loss = s.view().loss
        text = self.tr("Phase: %1 · step %2 · epoch %3").replace("%1", phase_text(s.phase))
        text = text.replace("%2", str(s.steps)).replace("%3", str(s.trainer.epoch))
        recorded = s.trainer.step_losses.last
        last = float(recorded[0]) if loss is None and recorded is not None else None
        if (loss is not None and not math.isfinite(loss)) or (last is not None and not math.isfinite(last)):
            # Never "loss inf" / "loss nan": say what happened and what to do.
            text += self.tr(" · the loss is too large to compute: press Reset or lower the weights")
        elif loss is not None:
            text += self.tr(" · loss %1").replace("%1", self.view_settings.fmt(loss))
        elif last is not None:
            text += self.tr(" · last loss %1").replace("%1", self.view_settings.fmt(last))
        self.phase_label.setText(text)

    def _on_clean_changed(self, _clean: bool) -> None:
        self._update_title()

    def _update_title(self) -> None:
        name = self.path.name if self.path is not None else localized_title(self.doc_name)
        self.setWindowTitle(f"{APP_TITLE} — {name}[*]")
        self.setWindowModified(not self.session.undo_stack.isClean())

    def show_message(self, text: str, info: bool = False) -> None:
        """One sentence above the network and in the status bar; ``info`` for success, not the red banner."""
        self.message_bar.show_message(text, info)
        self.statusBar().showMessage(text, 10_000)

    # ------------------------------------------------------------ handlers
    def _on_play_triggered(self) -> None:
        self.controller.toggle()

    def _on_playing_changed(self, playing: bool) -> None:
        self.actions_by_name["play"].setChecked(playing)  # its text follows (Play / Pause)
        self.window_actions.update_enabled()  # the step actions are enabled only while idle
        self.network_view.set_playing(playing)
        self.inspector.set_playing(playing)
        self.data_panel.set_playing(playing)
        self.loss_throttle.set_playing(playing)  # pause() then emits values_changed: the curve catches up

    @property
    def precision(self) -> int:
        """Significant digits of the numbers shown (the view settings' precision)."""
        return self.view_settings.precision

    def _on_precision_changed(self, digits: int) -> None:
        self.view_settings.set_precision(digits)

    def _on_view_settings_changed(self) -> None:
        """Digits or view mode changed (from any source): the toolbar's controls show it."""
        st = self.view_settings
        for widget, value in ((self.precision_box, st.precision), (self.view_mode, int(st.view_mode == "backward"))):
            widget.blockSignals(True)
            if isinstance(widget, QSpinBox):
                widget.setValue(value)
            else:
                widget.setCurrentIndex(value)
            widget.blockSignals(False)
        self.actions_by_name["backward_view"].setChecked(st.view_mode == "backward")
        self._update_phase_label()

    def _on_view_mode_changed(self, index: int) -> None:
        self.view_settings.set_view_mode("backward" if index == 1 else "forward")

    def set_thumbnails(self, on: bool) -> None:
        """View ▸ Neuron maps: each hidden neuron's output map on its node."""
        self.network_view.set_thumbnails(on)
        self._on_values_changed()

    def add_hidden_layer(self) -> bool:
        """Edit ▸ Add hidden layer: the same edit as the canvas menu's (one implementation)."""
        return self.network_view.edits.add_hidden_layer()

    def reset_network(self) -> None:
        """Back to the weights the document was opened with (undoable, weights only); training starts afresh."""
        self.controller.pause()
        push(self.session, RenewWeightsCommand(self.session, "reset"))

    def randomize_network(self) -> None:
        """Fresh weights from the next seed (undoable, weights only); training starts afresh."""
        self.controller.pause()
        push(self.session, RenewWeightsCommand(self.session, "randomize"))

    # ------------------------------------------------------------ scripting surface
    def load_document(self, doc: model.Document, path: Path | None = None) -> None:
        self.controller.pause()
        self.path = path
        self.doc_name = doc.title or "untitled"
        self.session.load_document(doc)
        self._apply_view_hints(doc)
        self.selection.select(None)
        self._update_title()
        self.document_loaded.emit(path)

    def set_path(self, path: Path | None) -> None:
        """The file the open document came from (title, Save, Recent files)."""
        self.path = path
        self._update_title()
        self.document_loaded.emit(path)

    def set_saved_path(self, path: Path) -> None:
        """The document was just saved to ``path``: it is its file now (title, Save, Recent files)."""
        self.path = path
        self._update_title()
        self.document_saved.emit(path)

    def set_document_name(self, name: str) -> None:
        """The name the title shows while the document has no file ("untitled", a lesson's title)."""
        self.doc_name = name
        self._update_title()

    def report_error(self, text: str) -> None:
        """One clear dialog; the current work stays as it was."""
        self.show_message(text)
        QMessageBox.warning(self, APP_TITLE, text)

    def _apply_view_hints(self, doc: model.Document) -> None:
        """The lesson's suggested display: digits, the sample to step on, node-by-node mode."""
        hints = doc.view
        self.view_settings.set_precision(clamp_precision(hints.get("precision")))
        sample = hints.get("sample")
        self.session.set_scope(int(sample) if isinstance(sample, int) and sample < doc.dataset.n else None)
        self.actions_by_name["detailed"].setChecked(bool(hints.get("detailed", False)))

    def set_language(self, code: str) -> bool:
        """Switch the interface to "en" or "ko" now, and remember it."""
        ok = i18n.set_language(code)
        if not ok:
            self.show_message(self.tr("The translation for %1 is missing; staying in English.").replace("%1", code))
        self.retranslate()
        self.lesson_panel.refresh()
        return ok

    @total
    def changeEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def select(self, selection: tuple | None) -> None:
        """Select ("node", l, j) or ("edge", k, i, j) as a click would."""
        self.selection.select(selection)

    def canvas_text(self) -> list[str]:
        """The strings the network canvas draws right now: headers, node values, badges, edge labels, caption."""
        return self.network_view.visible_text()

    def inspector_text(self) -> str:
        return self.inspector.text_content()

    def action(self, name: str) -> QAction:
        return self.actions_by_name[name]

    @total
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.controller.pause()
        if self.files.confirm_discard():
            event.accept()
            self.closed.emit()
        else:
            event.ignore()
