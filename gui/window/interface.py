"""What a feature module may use of the main window: the declared interface, instead of its private attributes.

Feature modules (recent files, file drop, autosave, export, presentation, the data editor, the lab docks) are
given the window and use only what :class:`WindowInterface` lists, plus the public ``QMainWindow`` API (docks,
menus bar, status bar, saveState, event filters).  :class:`~gui.window.main_window.MainWindow` implements it;
``tests/gui/test_window_interface.py`` checks that it does and that nothing in ``gui/`` reaches past it.

Extending the window:

* actions: ``window.window_actions.add(specs, context)`` builds, places and retranslates them from a table of
  :class:`~gui.window.actions.ActionSpec`; an action built elsewhere joins with ``window.window_actions.register``;
* menus: ``window.menus[key]`` ("file", "edit", "view", "train", "examples", "help", "language", "panels", and
  those extensions add);
* docks: ``window.docks[name]`` (an extension adds its own dock there);
* strings: connect ``window.retranslated`` and re-set them.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDockWidget, QMenu

    import model
    from gui.canvas.network_view import NetworkView
    from gui.controller import TrainingController
    from gui.data.data_editor import DataEditor
    from gui.data.data_panel import DataPanel
    from gui.lab.flow_canvas import CanvasHealth
    from gui.lab.flow_dock import FlowFeature
    from gui.panels.inspector import Inspector
    from gui.plots.boundary import BoundaryPlot, FitPlot
    from gui.plots.loss import LossPlot
    from gui.session import Session
    from gui.window.actions import WindowActions
    from gui.window.autosave import Autosaver
    from gui.window.export_menu import ExportMenu
    from gui.window.files import DocumentFiles
    from gui.window.presentation import Presentation
    from gui.window.recent_files import RecentFilesMenu
    from gui.window.shortcuts import Shortcuts


@runtime_checkable
class WindowInterface(Protocol):
    """The main window as its feature modules see it."""

    # ---- the model side and the training loop
    session: Session
    controller: TrainingController

    # ---- the views (each subscribes to the session itself; use them for exports and placement)
    network_view: NetworkView
    inspector: Inspector
    data_panel: DataPanel
    loss_plot: LossPlot
    boundary_plot: BoundaryPlot
    fit_plot: FitPlot
    docks: dict[str, QDockWidget]
    precision: int

    # ---- the document's identity
    path: Path | None
    doc_name: str
    files: DocumentFiles  # new/open/save, confirm_discard(), open_path(path)

    # ---- actions and menus
    window_actions: WindowActions
    menus: dict[str, QMenu]

    @property
    def actions_by_name(self) -> Mapping[str, QAction]: ...

    def action(self, name: str) -> QAction: ...

    # ---- the installed features (each made by its module's install(window))
    recent_files: RecentFilesMenu
    autosaver: Autosaver
    data_editor: DataEditor
    export_menu: ExportMenu
    flow: FlowFeature  # View → Inside the network
    unit_health: CanvasHealth  # View → Dead and saturated units on the network
    presentation: Presentation
    shortcuts: Shortcuts  # the F1 sheet

    # ---- signals: ``retranslated()``, ``document_loaded(path | None)``, ``document_saved(Path)``, ``closed()``
    retranslated: SignalInstance
    document_loaded: SignalInstance
    document_saved: SignalInstance
    closed: SignalInstance

    # ---- messages and the document
    def show_message(self, text: str, info: bool = False) -> None: ...

    def report_error(self, text: str) -> None: ...

    def load_document(self, doc: model.Document, path: Path | None = None) -> None: ...

    def set_path(self, path: Path | None) -> None: ...

    def set_saved_path(self, path: Path) -> None: ...

    def set_document_name(self, name: str) -> None: ...
