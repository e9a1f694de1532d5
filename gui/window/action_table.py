"""Every command of the main window, declared once: the table :class:`~gui.window.actions.WindowActions` builds.

A row says what the command is called (text, tooltip; source strings of the "MainWindow" translation context),
which keys run it, what it does (a handler given the window), whether it is a toggle, when it is enabled, and
which menu shows it.  The menus' titles and the two toolbars' layouts follow.  The actions' objectNames are the
row names: scripts, tests and the README use ``window.action("name")``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from gui.panels.lesson_panel import localized_title
from gui.window.actions import ActionSpec, MenuSpec, ToolbarItem, ToolbarWidget
from gui.window.files import APP_TITLE
from model import presets

if TYPE_CHECKING:
    from gui.window.main_window import MainWindow

#: The translation context of every text below (marked with QT_TRANSLATE_NOOP so pyside6-lupdate finds them).
CONTEXT = "MainWindow"
Key = QKeySequence.StandardKey


MENUS: tuple[MenuSpec, ...] = (
    MenuSpec("file", QT_TRANSLATE_NOOP("MainWindow", "&File")),
    MenuSpec("edit", QT_TRANSLATE_NOOP("MainWindow", "&Edit")),
    MenuSpec("view", QT_TRANSLATE_NOOP("MainWindow", "&View")),
    MenuSpec("language", QT_TRANSLATE_NOOP("MainWindow", "Language"), parent="view"),
    MenuSpec("panels", QT_TRANSLATE_NOOP("MainWindow", "Panels"), parent="view"),
    MenuSpec("train", QT_TRANSLATE_NOOP("MainWindow", "&Train")),
    MenuSpec("examples", QT_TRANSLATE_NOOP("MainWindow", "E&xamples")),
    MenuSpec("help", QT_TRANSLATE_NOOP("MainWindow", "&Help")),
)


def show_about(window: MainWindow) -> None:
    QMessageBox.about(
        window,
        APP_TITLE,
        QCoreApplication.translate(
            "MainWindow",
            "Backprop Playground: draw a small neural network, set every number by hand and step "
            "through training one phase at a time.",
        ),
    )


ACTIONS: tuple[ActionSpec, ...] = (
    # ---- File
    ActionSpec(
        "new",
        QT_TRANSLATE_NOOP("MainWindow", "&New"),
        QT_TRANSLATE_NOOP("MainWindow", "Start a new network on XOR"),
        (Key.New,),
        lambda w: w.files.new_document(),
        menu="file",
    ),
    ActionSpec(
        "open",
        QT_TRANSLATE_NOOP("MainWindow", "&Open…"),
        QT_TRANSLATE_NOOP("MainWindow", "Open a saved network"),
        (Key.Open,),
        lambda w: w.files.open_dialog(),
        menu="file",
    ),
    ActionSpec(
        "save",
        QT_TRANSLATE_NOOP("MainWindow", "&Save"),
        QT_TRANSLATE_NOOP("MainWindow", "Save the network, data and settings"),
        (Key.Save,),
        lambda w: w.files.save(),
        menu="file",
    ),
    ActionSpec(
        "save_as",
        QT_TRANSLATE_NOOP("MainWindow", "Save &As…"),
        QT_TRANSLATE_NOOP("MainWindow", "Save under a new name"),
        (Key.SaveAs,),
        lambda w: w.files.save_as_dialog(),
        menu="file",
    ),
    # Ctrl+Q rather than QKeySequence.Quit, which is empty on some platforms.
    ActionSpec(
        "quit",
        QT_TRANSLATE_NOOP("MainWindow", "&Quit"),
        QT_TRANSLATE_NOOP("MainWindow", "Close the playground"),
        ("Ctrl+Q",),
        lambda w: w.close(),
        menu="file",
        separator=True,
    ),
    # ---- Edit
    ActionSpec(
        "undo",
        QT_TRANSLATE_NOOP("MainWindow", "Undo"),
        QT_TRANSLATE_NOOP("MainWindow", "Undo the last edit"),
        (Key.Undo,),
        enabled_when="can_undo",
        menu="edit",
        make=lambda w: w.session.undo_stack.createUndoAction(w),
    ),
    ActionSpec(
        "redo",
        QT_TRANSLATE_NOOP("MainWindow", "Redo"),
        QT_TRANSLATE_NOOP("MainWindow", "Redo the edit you undid"),
        (Key.Redo, "Ctrl+Y"),
        enabled_when="can_redo",
        menu="edit",
        make=lambda w: w.session.undo_stack.createRedoAction(w),
    ),
    ActionSpec(
        "add_layer",
        QT_TRANSLATE_NOOP("MainWindow", "Add hidden layer"),
        QT_TRANSLATE_NOOP("MainWindow", "Insert a hidden layer before the output"),
        ("Ctrl+L",),
        # The very edit of the canvas menu's "Add hidden layer": one implementation.
        lambda w: w.network_view.edits.add_hidden_layer(),
        menu="edit",
        separator=True,
    ),
    # ---- View
    ActionSpec(
        "backward_view",
        QT_TRANSLATE_NOOP("MainWindow", "Backward view"),
        QT_TRANSLATE_NOOP("MainWindow", "Show δ and ∂L/∂w instead of z, a and w"),
        ("B",),
        toggled=lambda w, on: w.view_mode.setCurrentIndex(1 if on else 0),
        checkable=True,
        menu="view",
    ),
    ActionSpec(
        "detailed",
        QT_TRANSLATE_NOOP("MainWindow", "Node by node"),
        QT_TRANSLATE_NOOP("MainWindow", "Step the forward pass one node at a time"),
        ("D",),
        toggled=lambda w, on: w.session.set_detailed(on),
        checkable=True,
        menu="view",
    ),
    ActionSpec(
        "thumbnails",
        QT_TRANSLATE_NOOP("MainWindow", "Neuron maps"),
        QT_TRANSLATE_NOOP("MainWindow", "Show each hidden neuron's output map on its node"),
        ("T",),
        toggled=lambda w, on: w.set_thumbnails(on),
        checkable=True,
        menu="view",
    ),
    ActionSpec(
        "log_scale",
        QT_TRANSLATE_NOOP("MainWindow", "Log-scale loss"),
        QT_TRANSLATE_NOOP("MainWindow", "Plot the loss on a logarithmic axis"),
        ("L",),
        toggled=lambda w, on: w.loss_plot.set_log_scale(on),
        checkable=True,
        menu="view",
    ),
    ActionSpec(
        "fit",
        QT_TRANSLATE_NOOP("MainWindow", "Fit network"),
        QT_TRANSLATE_NOOP("MainWindow", "Zoom to show the whole network"),
        ("F",),
        lambda w: w.network_view.fit(),
        menu="view",
        separator=True,
    ),
    ActionSpec(
        "zoom_in",
        QT_TRANSLATE_NOOP("MainWindow", "Zoom in"),
        QT_TRANSLATE_NOOP("MainWindow", "Zoom in"),
        (Key.ZoomIn,),
        lambda w: w.network_view.zoom_in(),
        menu="view",
    ),
    ActionSpec(
        "zoom_out",
        QT_TRANSLATE_NOOP("MainWindow", "Zoom out"),
        QT_TRANSLATE_NOOP("MainWindow", "Zoom out"),
        (Key.ZoomOut,),
        lambda w: w.network_view.zoom_out(),
        menu="view",
    ),
    # Each language is named in itself, never translated.
    ActionSpec(
        "language_en",
        "English",
        shortcuts=("Ctrl+Alt+E",),
        triggered=lambda w: w.set_language("en"),
        checkable=True,
        menu="language",
        group="language",
        translate=False,
    ),
    ActionSpec(
        "language_ko",
        "한국어",
        shortcuts=("Ctrl+Alt+K",),
        triggered=lambda w: w.set_language("ko"),
        checkable=True,
        menu="language",
        group="language",
        translate=False,
    ),
    # ---- Train (stepping would fight the play loop for the trainer: disabled while playing)
    ActionSpec(
        "step_forward",
        QT_TRANSLATE_NOOP("MainWindow", "Step ▶"),
        QT_TRANSLATE_NOOP("MainWindow", "Next phase of the training step"),
        ("Right",),
        lambda w: w.session.step_forward(),
        enabled_when="idle",
        menu="train",
    ),
    ActionSpec(
        "step_back",
        QT_TRANSLATE_NOOP("MainWindow", "◀ Back"),
        QT_TRANSLATE_NOOP("MainWindow", "Previous phase (restores the weights across an update)"),
        ("Left",),
        lambda w: w.session.step_back(),
        enabled_when="idle",
        menu="train",
    ),
    ActionSpec(
        "finish_step",
        QT_TRANSLATE_NOOP("MainWindow", "Finish step ▶▶"),
        QT_TRANSLATE_NOOP("MainWindow", "Run the rest of this step up to the update"),
        ("Ctrl+Right",),
        lambda w: w.session.finish_step(),
        enabled_when="idle",
        menu="train",
    ),
    ActionSpec(
        "train_epoch",
        QT_TRANSLATE_NOOP("MainWindow", "Epoch"),
        QT_TRANSLATE_NOOP("MainWindow", "Train one whole epoch"),
        ("E",),
        lambda w: w.session.train_epoch(),
        enabled_when="idle",
        menu="train",
    ),
    # Checked while playing; the controller sets the check (playing_changed), so a click only asks it to toggle.
    ActionSpec(
        "play",
        QT_TRANSLATE_NOOP("MainWindow", "Play"),
        QT_TRANSLATE_NOOP("MainWindow", "Train continuously; press again to pause"),
        ("Space",),
        lambda w: w.controller.toggle(),
        checkable=True,
        checked_text=QT_TRANSLATE_NOOP("MainWindow", "Pause"),
        menu="train",
    ),
    ActionSpec(
        "reset",
        QT_TRANSLATE_NOOP("MainWindow", "Reset"),
        QT_TRANSLATE_NOOP("MainWindow", "Back to the same starting weights"),
        ("R",),
        lambda w: w.reset_network(),
        menu="train",
        separator=True,
    ),
    ActionSpec(
        "randomize",
        QT_TRANSLATE_NOOP("MainWindow", "Re-randomise"),
        QT_TRANSLATE_NOOP("MainWindow", "New random starting weights"),
        ("Shift+R",),
        lambda w: w.randomize_network(),
        menu="train",
    ),
    # ---- Help (the sheet lists every command of the window, extensions' included)
    ActionSpec(
        "shortcut_sheet",
        QT_TRANSLATE_NOOP("MainWindow", "&Keyboard shortcuts"),
        QT_TRANSLATE_NOOP("MainWindow", "Every command and its keys"),
        ("F1",),
        lambda w: w.shortcuts.show_sheet(),
        menu="help",
    ),
    ActionSpec(
        "about",
        QT_TRANSLATE_NOOP("MainWindow", "About"),
        QT_TRANSLATE_NOOP("MainWindow", "About Backprop Playground"),
        ("Shift+F1",),
        show_about,
        menu="help",
    ),
)


@functools.cache
def preset_title(name: str) -> str:
    """A preset's bilingual title, read once (for the Examples menu)."""
    try:
        return presets.load_preset(name).title or name
    except (ValueError, OSError):
        return name


def example_actions() -> tuple[ActionSpec, ...]:
    """Examples ▸ one entry per preset, Alt+1… Alt+9, Alt+0, then Alt+Shift+1… in menu order, titled in the
    interface language."""
    return tuple(
        ActionSpec(
            f"example_{name}",
            functools.partial(lambda n: localized_title(preset_title(n)), name),
            shortcuts=(f"Alt+{n % 10}",) if n <= 10 else (f"Alt+Shift+{(n - 10) % 10}",),
            triggered=functools.partial(lambda preset, w: w.files.open_preset(preset), name),
            menu="examples",
            translate=False,
        )
        for n, name in enumerate(presets.PRESETS, start=1)
    )


TOOLBARS: dict[str, tuple[ToolbarItem, ...]] = {
    "training_toolbar": (
        "step_back",
        "step_forward",
        "finish_step",
        "train_epoch",
        "play",
        ToolbarWidget("speed", QT_TRANSLATE_NOOP("MainWindow", " Speed ")),
        "|",
        "reset",
        "randomize",
        "|",
        "undo",
        "redo",
    ),
    "view_toolbar": (
        ToolbarWidget("view_mode", QT_TRANSLATE_NOOP("MainWindow", "Show: ")),
        "detailed",
        "thumbnails",
        ToolbarWidget("precision_box", QT_TRANSLATE_NOOP("MainWindow", " Digits ")),
        "|",
        ToolbarWidget("phase_label"),
    ),
}
