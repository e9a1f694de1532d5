"""The Data menu, its actions and the sample table's row tools: the ways in to the DataEditor's edits.

Every action here only calls a :class:`~gui.data.data_editor.DataEditor` method; the
edits themselves, and their undo steps, are the editor's.  The actions are
registered in the window's ``actions_by_name`` (for shortcuts and the toolbar)
and the menu in its ``menus["data"]``.

Its strings keep the "DataEditor" translation context they had before this
was split out of the editor, as in :mod:`gui.data.data_form`: hence
``translate("DataEditor", …)`` (lupdate reads that literal context).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QMenu, QPushButton, QStyledItemDelegate, QWidget

import model
from gui.data.data_form import source_names
from model import datasets
from model.dataset import TEST, TRAIN, VALIDATION

if TYPE_CHECKING:
    from gui.data.data_editor import DataEditor

translate = QCoreApplication.translate


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


class DataActions(QObject):
    """Builds the Data menu and the table's tools for ``editor``; :attr:`actions` maps names to QActions."""

    def __init__(self, editor: DataEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.window = editor.window
        self._build_actions()
        self._build_menu()
        self._build_table_tools()

    def _action(self, name: str, slot: Any, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(self.window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.window_actions.register(action)
        return action

    def _build_actions(self) -> None:
        e = self.editor
        a = self._action
        self.actions: dict[str, QAction] = {
            "data_editor": a("data_editor", e.show_editor),
            "data_import_csv": a("data_import_csv", e.import_dialog),
            "data_export_csv": a("data_export_csv", e.export_dialog),
            "data_add_row": a("data_add_row", e.add_row),
            "data_remove_rows": a("data_remove_rows", e.remove_selected_rows, QKeySequence.StandardKey.Delete),
        }
        self.actions["data_remove_rows"].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        signed = QAction(self.window)
        signed.setObjectName("data_signed")
        signed.setCheckable(True)
        signed.toggled.connect(lambda on: e.form.encoding_combo.setCurrentIndex(1 if on else 0))
        e.form.encoding_combo.currentIndexChanged.connect(lambda i: signed.setChecked(i == 1))
        self.window.window_actions.register(signed)
        self.actions["data_signed"] = signed
        for gate in datasets.TRUTH_TABLES:
            self.actions[f"data_table_{gate}"] = a(f"data_table_{gate}", lambda g=gate: e.use_source("table", g))
        for name in (*datasets.CLASSIFICATION_GENERATORS, *datasets.REGRESSION_GENERATORS):
            self.actions[f"data_generate_{name}"] = a(
                f"data_generate_{name}", lambda n=name: e.use_source("generator", n)
            )
        for part, name in zip((TRAIN, VALIDATION, TEST), model.SPLIT_NAMES, strict=True):
            self.actions[f"data_move_{name}"] = a(f"data_move_{name}", lambda p=part: e.move_selected_rows(p))

    def _build_menu(self) -> None:
        e = self.editor
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
            panels.addAction(e.dock.toggleViewAction())  # type: ignore[attr-defined]

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
        for gate in datasets.TRUTH_TABLES:
            self.actions[f"data_table_{gate}"].setText(gate.upper())
        for name, text in source_names().items():
            self.actions[f"data_generate_{name}"].setText(text)
        self.menu.setTitle(translate("DataEditor", "&Data"))
        self.tables_menu.setTitle(translate("DataEditor", "Truth table"))
        self.generated_menu.setTitle(translate("DataEditor", "Generated set"))
        self.move_menu.setTitle(translate("DataEditor", "Move to"))
        self.move_button.setText(translate("DataEditor", "Move to"))
        self.move_button.setToolTip(
            translate("DataEditor", "Put the selected rows into the training, validation or test set")
        )
        for action, (text, tip) in {
            "data_editor": (
                translate("DataEditor", "Data set options…"),
                translate("DataEditor", "Show the panel that makes and edits data"),
            ),
            "data_import_csv": (
                translate("DataEditor", "Import CSV…"),
                translate("DataEditor", "Load samples from a CSV file with a header row"),
            ),
            "data_export_csv": (
                translate("DataEditor", "Export CSV…"),
                translate("DataEditor", "Save the samples as a CSV file"),
            ),
            "data_add_row": (
                translate("DataEditor", "Add row"),
                translate("DataEditor", "Add a copy of the selected row (or the last row) to edit"),
            ),
            "data_remove_rows": (
                translate("DataEditor", "Remove rows"),
                translate("DataEditor", "Remove the selected rows"),
            ),
            "data_signed": (
                translate("DataEditor", "Use −1 / +1"),
                translate("DataEditor", "Truth tables and class targets as −1 and +1 instead of 0 and 1"),
            ),
        }.items():
            self.actions[action].setText(text)
            self.actions[action].setToolTip(tip)
        for button, name in ((self.add_button, "data_add_row"), (self.remove_button, "data_remove_rows")):
            button.setText(self.actions[name].text())
            button.setToolTip(self.actions[name].toolTip())
        for name, text in zip(model.SPLIT_NAMES, split_names(), strict=True):
            self.actions[f"data_move_{name}"].setText(text)
