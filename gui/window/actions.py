"""The main window's actions, menus and toolbars, and their translated texts: a mixin of :class:`MainWindow`.

Split out of :mod:`gui.window.main_window`.  The strings keep the translation context
"MainWindow" (``QCoreApplication.translate``) so the existing .qm files still
find them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMessageBox, QToolBar

from gui import i18n
from gui.panels.lesson_panel import localized_title
from gui.window.files import APP_TITLE
from model import presets


class WindowActionsMixin:
    """Builds ``actions_by_name``, ``menus`` and the toolbars of a :class:`~gui.window.main_window.MainWindow`."""

    def _action(self, name: str, shortcut: QKeySequence | str | None = None, checkable: bool = False) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        self.actions_by_name[name] = action
        return action

    def _build_actions(self) -> None:
        self.actions_by_name: dict[str, QAction] = {}
        a = self._action
        a("new", QKeySequence.StandardKey.New).triggered.connect(self.new_document)
        a("open", QKeySequence.StandardKey.Open).triggered.connect(self.open_dialog)
        a("save", QKeySequence.StandardKey.Save).triggered.connect(self.save)
        a("save_as", QKeySequence.StandardKey.SaveAs).triggered.connect(self.save_as_dialog)
        a("quit", QKeySequence.StandardKey.Quit).triggered.connect(self.close)
        undo = self.session.undo_stack.createUndoAction(self)
        undo.setObjectName("undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.session.undo_stack.createRedoAction(self)
        redo.setObjectName("redo")
        redo.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Y")])
        self.actions_by_name["undo"] = undo
        self.actions_by_name["redo"] = redo
        a("step_forward", "Right").triggered.connect(self.session.step_forward)
        a("step_back", "Left").triggered.connect(self.session.step_back)
        a("finish_step", "Ctrl+Right").triggered.connect(self.session.finish_step)
        a("train_epoch", "E").triggered.connect(self.session.train_epoch)
        a("play", "Space", checkable=True).triggered.connect(self._on_play_triggered)
        a("reset", "R").triggered.connect(self.reset_network)
        a("randomize", "Shift+R").triggered.connect(self.randomize_network)
        a("backward_view", "B", checkable=True).toggled.connect(
            lambda on: self.view_mode.setCurrentIndex(1 if on else 0)
        )
        a("detailed", "D", checkable=True).toggled.connect(self.session.set_detailed)
        a("thumbnails", "T", checkable=True).toggled.connect(self._on_thumbnails_toggled)
        a("log_scale", "L", checkable=True).toggled.connect(self.loss_plot.set_log_scale)
        a("fit", "F").triggered.connect(self.network_view.fit)
        a("zoom_in", QKeySequence.StandardKey.ZoomIn).triggered.connect(self.network_view.zoom_in)
        a("zoom_out", QKeySequence.StandardKey.ZoomOut).triggered.connect(self.network_view.zoom_out)
        a("add_layer", "Ctrl+L").triggered.connect(self.add_hidden_layer)
        a("about").triggered.connect(self._about)
        self.example_group = QActionGroup(self)
        self.example_actions: dict[str, QAction] = {}
        for name in presets.PRESETS:
            act = QAction(self)
            act.setObjectName(f"example_{name}")
            act.triggered.connect(lambda _c=False, n=name: self.open_preset(n))
            self.example_actions[name] = act
            self.actions_by_name[f"example_{name}"] = act  # part of the scripting surface like every other action

    def _build_menus_and_toolbars(self) -> None:
        act = self.actions_by_name
        bar = self.menuBar()
        self.menus: dict[str, object] = {}
        for key, names in (
            ("file", ["new", "open", "save", "save_as", None, "quit"]),
            ("edit", ["undo", "redo", None, "add_layer"]),
            ("view", ["backward_view", "detailed", "thumbnails", "log_scale", None, "fit", "zoom_in", "zoom_out"]),
            ("train", ["step_forward", "step_back", "finish_step", "train_epoch", "play", None, "reset", "randomize"]),
        ):
            menu = bar.addMenu("")
            for n in names:
                menu.addSeparator() if n is None else menu.addAction(act[n])
            self.menus[key] = menu
        examples = bar.addMenu("")
        for action in self.example_actions.values():
            examples.addAction(action)
        self.menus["examples"] = examples
        language_menu = self.menus["view"].addMenu("")  # type: ignore[attr-defined]
        self.language_group = QActionGroup(self)
        for code, native in (("en", "English"), ("ko", "한국어")):
            lang_action = QAction(native, self)  # each language named in itself: never translated
            lang_action.setObjectName(f"language_{code}")
            lang_action.setCheckable(True)
            lang_action.triggered.connect(lambda _c=False, c=code: self.set_language(c))
            self.language_group.addAction(lang_action)
            language_menu.addAction(lang_action)
            self.actions_by_name[f"language_{code}"] = lang_action
        self.menus["language"] = language_menu
        docks_menu = self.menus["view"].addMenu("")  # type: ignore[attr-defined]
        for dock in self.docks.values():
            docks_menu.addAction(dock.toggleViewAction())
        self.menus["panels"] = docks_menu
        help_menu = bar.addMenu("")
        help_menu.addAction(act["about"])
        self.menus["help"] = help_menu

        tb = QToolBar(self)
        tb.setObjectName("training_toolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for n in ("step_back", "step_forward", "finish_step", "train_epoch", "play"):
            tb.addAction(act[n])
        self.speed_label = QLabel()
        tb.addWidget(self.speed_label)
        tb.addWidget(self.speed)
        tb.addSeparator()
        tb.addAction(act["reset"])
        tb.addAction(act["randomize"])
        tb.addSeparator()
        tb.addAction(act["undo"])
        tb.addAction(act["redo"])
        self.addToolBar(tb)
        self.addToolBarBreak()
        vb = QToolBar(self)
        vb.setObjectName("view_toolbar")
        vb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.view_label = QLabel()
        vb.addWidget(self.view_label)
        vb.addWidget(self.view_mode)
        vb.addAction(act["detailed"])
        vb.addAction(act["thumbnails"])
        self.precision_label = QLabel()
        vb.addWidget(self.precision_label)
        vb.addWidget(self.precision_box)
        vb.addSeparator()
        vb.addWidget(self.phase_label)
        self.addToolBar(vb)
        self.toolbars = [tb, vb]

    def _retranslate_actions(self) -> None:
        """The texts and tooltips of the actions, menus and toolbar labels (context "MainWindow")."""
        texts = {
            "new": (
                QCoreApplication.translate("MainWindow", "&New"),
                QCoreApplication.translate("MainWindow", "Start a new network on XOR"),
            ),
            "open": (
                QCoreApplication.translate("MainWindow", "&Open…"),
                QCoreApplication.translate("MainWindow", "Open a saved network"),
            ),
            "save": (
                QCoreApplication.translate("MainWindow", "&Save"),
                QCoreApplication.translate("MainWindow", "Save the network, data and settings"),
            ),
            "save_as": (
                QCoreApplication.translate("MainWindow", "Save &As…"),
                QCoreApplication.translate("MainWindow", "Save under a new name"),
            ),
            "quit": (
                QCoreApplication.translate("MainWindow", "&Quit"),
                QCoreApplication.translate("MainWindow", "Close the playground"),
            ),
            "undo": (
                QCoreApplication.translate("MainWindow", "Undo"),
                QCoreApplication.translate("MainWindow", "Undo the last edit"),
            ),
            "redo": (
                QCoreApplication.translate("MainWindow", "Redo"),
                QCoreApplication.translate("MainWindow", "Redo the edit you undid"),
            ),
            "step_forward": (
                QCoreApplication.translate("MainWindow", "Step ▶"),
                QCoreApplication.translate("MainWindow", "Next phase of the training step"),
            ),
            "step_back": (
                QCoreApplication.translate("MainWindow", "◀ Back"),
                QCoreApplication.translate("MainWindow", "Previous phase (restores the weights across an update)"),
            ),
            "finish_step": (
                QCoreApplication.translate("MainWindow", "Finish step ▶▶"),
                QCoreApplication.translate("MainWindow", "Run the rest of this step up to the update"),
            ),
            "train_epoch": (
                QCoreApplication.translate("MainWindow", "Epoch"),
                QCoreApplication.translate("MainWindow", "Train one whole epoch"),
            ),
            "play": (
                QCoreApplication.translate("MainWindow", "Play"),
                QCoreApplication.translate("MainWindow", "Train continuously; press again to pause"),
            ),
            "reset": (
                QCoreApplication.translate("MainWindow", "Reset"),
                QCoreApplication.translate("MainWindow", "Back to the same starting weights"),
            ),
            "randomize": (
                QCoreApplication.translate("MainWindow", "Re-randomise"),
                QCoreApplication.translate("MainWindow", "New random starting weights"),
            ),
            "backward_view": (
                QCoreApplication.translate("MainWindow", "Backward view"),
                QCoreApplication.translate("MainWindow", "Show δ and ∂L/∂w instead of z, a and w"),
            ),
            "detailed": (
                QCoreApplication.translate("MainWindow", "Node by node"),
                QCoreApplication.translate("MainWindow", "Step the forward pass one node at a time"),
            ),
            "thumbnails": (
                QCoreApplication.translate("MainWindow", "Neuron maps"),
                QCoreApplication.translate("MainWindow", "Show each hidden neuron's output map on its node"),
            ),
            "log_scale": (
                QCoreApplication.translate("MainWindow", "Log-scale loss"),
                QCoreApplication.translate("MainWindow", "Plot the loss on a logarithmic axis"),
            ),
            "fit": (
                QCoreApplication.translate("MainWindow", "Fit network"),
                QCoreApplication.translate("MainWindow", "Zoom to show the whole network"),
            ),
            "zoom_in": (
                QCoreApplication.translate("MainWindow", "Zoom in"),
                QCoreApplication.translate("MainWindow", "Zoom in"),
            ),
            "zoom_out": (
                QCoreApplication.translate("MainWindow", "Zoom out"),
                QCoreApplication.translate("MainWindow", "Zoom out"),
            ),
            "add_layer": (
                QCoreApplication.translate("MainWindow", "Add hidden layer"),
                QCoreApplication.translate("MainWindow", "Insert a hidden layer before the output"),
            ),
            "about": (
                QCoreApplication.translate("MainWindow", "About"),
                QCoreApplication.translate("MainWindow", "About Backprop Playground"),
            ),
        }
        for name, (text, tip) in texts.items():
            action = self.actions_by_name[name]
            action.setText(text)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
        for key, title in (
            ("file", QCoreApplication.translate("MainWindow", "&File")),
            ("edit", QCoreApplication.translate("MainWindow", "&Edit")),
            ("view", QCoreApplication.translate("MainWindow", "&View")),
            ("train", QCoreApplication.translate("MainWindow", "&Train")),
            ("examples", QCoreApplication.translate("MainWindow", "E&xamples")),
            ("panels", QCoreApplication.translate("MainWindow", "Panels")),
            ("language", QCoreApplication.translate("MainWindow", "Language")),
            ("help", QCoreApplication.translate("MainWindow", "&Help")),
        ):
            self.menus[key].setTitle(title)  # type: ignore[attr-defined]
        for name, act in self.example_actions.items():
            act.setText(localized_title(self._preset_titles().get(name, name)))
        self.speed_label.setText(QCoreApplication.translate("MainWindow", " Speed "))
        self.view_label.setText(QCoreApplication.translate("MainWindow", "Show: "))
        self.precision_label.setText(QCoreApplication.translate("MainWindow", " Digits "))
        self.view_mode.setItemText(0, QCoreApplication.translate("MainWindow", "forward (z, a, w)"))
        self.view_mode.setItemText(1, QCoreApplication.translate("MainWindow", "backward (δ, ∂L/∂w)"))
        self.actions_by_name[f"language_{i18n.current_language()}"].setChecked(True)

    def _preset_titles(self) -> dict[str, str]:
        """Each preset's bilingual title, read once (for the Examples menu)."""
        if not hasattr(self, "_titles"):
            self._titles: dict[str, str] = {}
            for name in presets.PRESETS:
                try:
                    self._titles[name] = presets.load_preset(name).title or name
                except (ValueError, OSError):
                    self._titles[name] = name
        return self._titles

    def _about(self) -> None:
        QMessageBox.about(
            self,
            APP_TITLE,
            QCoreApplication.translate(
                "MainWindow",
                "Backprop Playground: draw a small neural network, set every number by hand and step "
                "through training one phase at a time.",
            ),
        )
