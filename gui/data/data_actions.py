"""The Data menu, its actions and the sample table's row tools: the ways in to the DataEditor's edits.

Every action here only calls a :class:`~gui.data.data_editor.DataEditor` method; the
edits themselves, and their undo steps, are the editor's.  The actions are
declared once, in :func:`data_action_specs`, and built, placed in the Data menu
(``window.menus["data"]``) and retranslated by the window's ``window_actions``.

Its strings keep the "DataEditor" translation context they had before this
was split out of the editor, as in :mod:`gui.data.data_form`: hence
``translate("DataEditor", …)`` (lupdate reads that literal context).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QPushButton, QStyledItemDelegate, QWidget

import model
from gui.data.data_form import source_names
from gui.safety import total
from gui.window.actions import ActionSpec, MenuSpec
from model import datasets
from model.dataset import TEST, TRAIN, VALIDATION

if TYPE_CHECKING:
    from gui.data.data_editor import DataEditor

translate = QCoreApplication.translate


class SplitDelegate(QStyledItemDelegate):
    """The split cell is edited with a drop-down of train / validation / test."""

    @total
    def createEditor(self, parent: QWidget, option: Any, index: QModelIndex) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        for part, name in enumerate(split_names()):
            combo.addItem(name, part)
        combo.activated.connect(lambda _i: (self.commitData.emit(combo), self.closeEditor.emit(combo)))
        return combo

    @total
    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        editor.setCurrentIndex(int(index.data(Qt.ItemDataRole.EditRole)))  # type: ignore[attr-defined]

    @total
    def setModelData(self, editor: QWidget, model_: Any, index: QModelIndex) -> None:  # noqa: N802
        model_.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)  # type: ignore[attr-defined]


def split_names() -> tuple[str, str, str]:
    """train / validation / test in the interface's language (the DataEditor's context)."""
    return (
        QCoreApplication.translate("DataEditor", "train"),
        QCoreApplication.translate("DataEditor", "validation"),
        QCoreApplication.translate("DataEditor", "test"),
    )


def data_action_specs(editor: DataEditor) -> tuple[ActionSpec, ...]:
    """Data ▸ …, declared once: every command of the Data menu and the sample table (context "DataEditor")."""
    e = editor
    generators = (*datasets.CLASSIFICATION_GENERATORS, *datasets.REGRESSION_GENERATORS)
    return (
        *(
            ActionSpec(
                f"data_table_{gate}",
                gate.upper(),  # AND, XOR…: the same in every language
                shortcuts=(f"Ctrl+D, {n}",) if n <= 9 else (),
                triggered=functools.partial(lambda g, _w: e.use_source("table", g), gate),
                menu="data_tables",
                translate=False,
            )
            for n, gate in enumerate(datasets.TRUTH_TABLES, start=1)
        ),
        ActionSpec(
            "data_signed",
            QT_TRANSLATE_NOOP("DataEditor", "Use −1 / +1"),
            QT_TRANSLATE_NOOP("DataEditor", "Truth tables and class targets as −1 and +1 instead of 0 and 1"),
            ("Ctrl+D, S",),
            toggled=lambda _w, on: e.form.encoding_combo.setCurrentIndex(1 if on else 0),
            checkable=True,
            menu="data_tables",
            separator=True,
        ),
        *(
            ActionSpec(
                f"data_generate_{name}",
                functools.partial(lambda n: source_names()[n], name),
                shortcuts=(f"Ctrl+G, {n}",) if n <= 9 else (),
                triggered=functools.partial(lambda g, _w: e.use_source("generator", g), name),
                menu="data_generated",
                separator=name == datasets.REGRESSION_GENERATORS[0],
                translate=False,
            )
            for n, name in enumerate(generators, start=1)
        ),
        ActionSpec(
            "data_editor",
            QT_TRANSLATE_NOOP("DataEditor", "Data set options…"),
            QT_TRANSLATE_NOOP("DataEditor", "Show the panel that makes and edits data"),
            ("Ctrl+D, O",),
            lambda _w: e.show_editor(),
            menu="data",
        ),
        ActionSpec(
            "data_add_row",
            QT_TRANSLATE_NOOP("DataEditor", "Add row"),
            QT_TRANSLATE_NOOP("DataEditor", "Add a copy of the selected row (or the last row) to edit"),
            ("Ctrl+D, A",),
            lambda _w: e.add_row(),
            menu="data",
            separator=True,
        ),
        ActionSpec(
            "data_remove_rows",
            QT_TRANSLATE_NOOP("DataEditor", "Remove rows"),
            QT_TRANSLATE_NOOP("DataEditor", "Remove the selected rows"),
            (QKeySequence.StandardKey.Delete,),
            lambda _w: e.remove_selected_rows(),
            menu="data",
        ),
        *(
            ActionSpec(
                f"data_move_{name}",
                functools.partial(lambda i: split_names()[i], i),
                shortcuts=(keys,),
                triggered=functools.partial(lambda p, _w: e.move_selected_rows(p), part),
                menu="data_move",
                translate=False,
            )
            for i, (part, name, keys) in enumerate(
                zip(
                    (TRAIN, VALIDATION, TEST),
                    model.SPLIT_NAMES,
                    ("Ctrl+D, T", "Ctrl+D, V", "Ctrl+D, Shift+T"),
                    strict=True,
                )
            )
        ),
        ActionSpec(
            "data_import_csv",
            QT_TRANSLATE_NOOP("DataEditor", "Import CSV…"),
            QT_TRANSLATE_NOOP("DataEditor", "Load samples from a CSV file with a header row"),
            ("Ctrl+D, I",),
            lambda _w: e.import_dialog(),
            menu="data",
            separator=True,
        ),
        ActionSpec(
            "data_export_csv",
            QT_TRANSLATE_NOOP("DataEditor", "Export CSV…"),
            QT_TRANSLATE_NOOP("DataEditor", "Save the samples as a CSV file"),
            ("Ctrl+D, E",),
            lambda _w: e.export_dialog(),
            menu="data",
        ),
    )


#: The Data menu (before Examples in the menu bar) and its submenus.
MENUS = (
    MenuSpec("data", QT_TRANSLATE_NOOP("DataEditor", "&Data"), before="examples"),
    MenuSpec("data_tables", QT_TRANSLATE_NOOP("DataEditor", "Truth table"), parent="data"),
    MenuSpec("data_generated", QT_TRANSLATE_NOOP("DataEditor", "Generated set"), parent="data"),
    MenuSpec("data_move", QT_TRANSLATE_NOOP("DataEditor", "Move to"), parent="data"),
)


class DataActions(QObject):
    """Builds the Data menu from its table and the table's tools for ``editor``; :attr:`actions` maps names."""

    def __init__(self, editor: DataEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.window = editor.window
        table = self.window.window_actions
        table.declare_menus(MENUS, "DataEditor")
        self.actions: dict[str, QAction] = table.add(data_action_specs(editor), "DataEditor")
        self.actions["data_remove_rows"].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        signed = self.actions["data_signed"]
        editor.form.encoding_combo.currentIndexChanged.connect(lambda i: signed.setChecked(i == 1))
        self.menu = table.menus["data"]
        self.tables_menu = table.menus["data_tables"]
        self.generated_menu = table.menus["data_generated"]
        self.move_menu = table.menus["data_move"]
        panels = self.window.menus.get("panels")
        if panels is not None:
            panels.addAction(editor.dock.toggleViewAction())
        self._build_table_tools()

    def _build_table_tools(self) -> None:
        """Editable cells, a context menu and row buttons beside the "Step on" control."""
        e = self.editor
        table = e.panel.table
        table.setSelectionMode(table.SelectionMode.ExtendedSelection)  # several rows to remove or move at once
        table.setEditTriggers(
            table.EditTrigger.DoubleClicked | table.EditTrigger.EditKeyPressed | table.EditTrigger.AnyKeyPressed
        )
        self.split_delegate = SplitDelegate(table)
        table.setItemDelegateForColumn(1, self.split_delegate)
        e.panel.model.edit_cell = e.edit_cell
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
        top = e.panel.layout().itemAt(0).layout()
        top.insertSpacing(2, 12)
        for i, button in enumerate((self.add_button, self.remove_button, self.move_button), start=3):
            top.insertWidget(i, button)

    def retranslate(self) -> None:
        """The row buttons' strings (the actions and menus are retranslated from their table by the window)."""
        self.move_button.setText(translate("DataEditor", "Move to"))
        self.move_button.setToolTip(
            translate("DataEditor", "Put the selected rows into the training, validation or test set")
        )
        for button, name in ((self.add_button, "data_add_row"), (self.remove_button, "data_remove_rows")):
            button.setText(self.actions[name].text())
            button.setToolTip(self.actions[name].toolTip())
