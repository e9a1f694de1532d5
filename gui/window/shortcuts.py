"""Keyboard: a shortcut for every command of the window, and Help → Keyboard shortcuts (F1).

A *command* is a named action the window offers: every action in
``window.actions_by_name`` and every named action in its menus (the panel
toggles are named ``panel_<dock>`` here).  Unnamed menu entries are data,
not commands (the recent files, a "no recent files" placeholder) and so are
widget actions (the scale spin box).

Commands declare their keys where they are declared (the tables built by
:class:`~gui.window.actions.WindowActions`); :func:`assign_missing` numbers the
panel toggles Ctrl+1… (:data:`FAMILY_KEYS`), which Qt makes, and returns any
command still without keys.  Tooltips end in "(shortcut)".  The sheet is
generated from the live actions every time it is shown, so it is complete by
construction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidgetAction,
)

from gui.safety import total

if TYPE_CHECKING:
    from gui.window.interface import WindowInterface

#: Families of commands numbered 1…9 in menu order, so a new member gets the next key by itself.
FAMILY_KEYS: dict[str, str] = {
    "panel_": "Ctrl+{n}",
}
SHEET_MIN_POINTS = 12.0  # the sheet's font: printable and readable from the back of a room
IS_SECTION = Qt.ItemDataRole.UserRole + 1  # marks the menu-title rows of the sheet's table


def plain(text: str) -> str:
    """A menu text without its mnemonic ampersands ("&&" stays a literal "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def keys_text(action: QAction) -> str:
    """Every shortcut of ``action`` as the platform writes it, without repeats ("Ctrl+Y, Ctrl+Shift+Z")."""
    seen: list[str] = []
    for seq in action.shortcuts():
        text = seq.toString(QKeySequence.SequenceFormat.NativeText)
        if text and text not in seen:
            seen.append(text)
    return ", ".join(seen)


def _is_command(action: QAction) -> bool:
    return (
        bool(action.objectName())
        and not action.isSeparator()
        and action.menu() is None
        and not isinstance(action, QWidgetAction)
    )


def window_actions(window: WindowInterface) -> list[tuple[str, QAction]]:
    """(menu title, action) for every command, in menu order; commands in no menu come last under ""."""
    out: list[tuple[str, QAction]] = []
    seen: set[int] = set()

    def walk(menu: QMenu, title: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if sub is not None:
                walk(sub, f"{title} › {plain(sub.title())}")
            elif _is_command(action) and id(action) not in seen:
                seen.add(id(action))
                out.append((title, action))

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu(), plain(top.menu().title()))
    for action in window.actions_by_name.values():
        if id(action) not in seen and _is_command(action):
            seen.add(id(action))
            out.append(("", action))
    return out


def assign_missing(window: WindowInterface) -> list[str]:
    """Number the panel toggles' keys; returns the names of the commands still without a shortcut."""
    docks = list(window.docks.values())
    docks += [d for d in window.findChildren(QDockWidget) if d not in docks]  # panels added by extensions
    for i, dock in enumerate(docks):
        toggle = dock.toggleViewAction()
        if not toggle.objectName():
            toggle.setObjectName("panel_" + (dock.objectName().removeprefix("dock_") or str(i + 1)))
    commands = [action for _menu, action in window_actions(window)]
    for prefix, template in FAMILY_KEYS.items():
        family = [a for a in commands if a.objectName().startswith(prefix)]
        for n, action in enumerate(family[:9], start=1):
            if not action.shortcuts():
                action.setShortcut(QKeySequence(template.format(n=n)))
    return [action.objectName() for action in commands if not action.shortcuts()]


def conflicts(window: WindowInterface) -> dict[str, list[str]]:
    """Keys bound to more than one command, or a key that also starts a two-stroke key (Qt then runs neither):
    {keys: [action names]}."""
    bound: dict[str, list[str]] = {}
    firsts: dict[str, list[str]] = {}
    for _menu, action in window_actions(window):
        for seq in {s.toString(QKeySequence.SequenceFormat.PortableText): s for s in action.shortcuts()}.values():
            text = seq.toString(QKeySequence.SequenceFormat.PortableText)
            if text:
                bound.setdefault(text, []).append(action.objectName())
            if seq.count() > 1:
                first = QKeySequence(seq[0]).toString(QKeySequence.SequenceFormat.PortableText)
                firsts.setdefault(first, []).append(action.objectName())
    out = {keys: names for keys, names in bound.items() if len(names) > 1}
    for first, names in firsts.items():
        if first in bound:
            out[first] = bound[first] + names
    return out


class ShortcutSheet(QDialog):
    """Every command of the window and its keys, two columns, grouped under the menus' titles (non-modal)."""

    def __init__(self, window: WindowInterface) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("shortcut_sheet_dialog")
        self.setModal(False)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("shortcut_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("copy_shortcuts")
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(620, 760)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.intro.setText(
            self.tr(
                "Every command of the playground and its keys. The same list is in the menus "
                "and in each button's tooltip."
            )
        )
        self.table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.copy_button.setText(self.tr("Copy as text"))
        self.refresh()

    def rows(self) -> list[tuple[str, str]]:
        """(command, keys) for each command row, as shown."""
        out = []
        for r in range(self.table.rowCount()):
            first = self.table.item(r, 0)
            if first is not None and not first.data(IS_SECTION):
                second = self.table.item(r, 1)
                out.append((first.text(), second.text() if second is not None else ""))
        return out

    def refresh(self) -> None:
        """Rebuild the table from the window's actions (so it is always complete and in the current language)."""
        font = QFont(self.font())
        font.setPointSizeF(max(SHEET_MIN_POINTS, QGuiApplication.font().pointSizeF() * 1.2))
        bold = QFont(font)
        bold.setBold(True)
        self.table.setFont(font)
        self.table.setRowCount(0)
        self.table.clearSpans()
        sections: dict[str, list[QAction]] = {}  # a menu's own commands together, then its submenus'
        for menu, action in window_actions(self.window_):
            sections.setdefault(menu or self.tr("Other"), []).append(action)
        for title, actions in sections.items():
            row = self.table.rowCount()
            self.table.insertRow(row)
            item = QTableWidgetItem(title)
            item.setFont(bold)
            item.setData(IS_SECTION, True)
            self.table.setItem(row, 0, item)
            self.table.setSpan(row, 0, 1, 2)
            for action in actions:
                self._add_command(action, bold)
        self.table.resizeRowsToContents()
        self.table.setCurrentCell(-1, -1)  # nothing highlighted: it is a sheet to read, not a list to pick from

    def _add_command(self, action: QAction, bold: QFont) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(plain(action.text()) or action.objectName())
        name.setToolTip(action.toolTip())
        name.setData(Qt.ItemDataRole.UserRole, action.objectName())
        keys = QTableWidgetItem(keys_text(action))
        keys.setFont(bold)
        self.table.setItem(row, 0, name)
        self.table.setItem(row, 1, keys)

    def as_text(self) -> str:
        """The sheet as plain text: a heading per menu, then "command<TAB>keys" lines."""
        lines = []
        for r in range(self.table.rowCount()):
            first = self.table.item(r, 0)
            if first is None:
                continue
            if first.data(IS_SECTION):
                lines.append(("\n" if lines else "") + first.text())
            else:
                second = self.table.item(r, 1)
                lines.append(f"{first.text()}\t{second.text() if second else ''}")
        return "\n".join(lines) + "\n"

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.as_text())

    @total
    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        self.refresh()
        super().showEvent(event)


class Shortcuts(QObject):
    """The sheet behind Help → Keyboard shortcuts (``shortcut_sheet``, F1); tooltips with keys for every command."""

    def __init__(self, window: WindowInterface) -> None:
        super().__init__(window)  # type: ignore[arg-type]  # the window is a QMainWindow
        self.setObjectName("shortcuts_controller")
        self.window = window
        self.sheet: ShortcutSheet | None = None
        self.action = window.action("shortcut_sheet")  # declared in the window's action table
        self._generated: dict[int, str] = {}  # id(action) -> the tooltip this module wrote last
        assign_missing(window)
        window.retranslated.connect(self.retranslate)

    def show_sheet(self) -> ShortcutSheet:
        """Open (or raise) the non-modal sheet."""
        if self.sheet is None:
            self.sheet = ShortcutSheet(self.window)
        self.sheet.show()
        self.sheet.raise_()
        self.sheet.activateWindow()
        return self.sheet

    def retranslate(self) -> None:
        self.add_keys_to_tooltips()
        if self.sheet is not None:
            self.sheet.retranslate()

    def add_keys_to_tooltips(self) -> None:
        """Commands whose tooltip does not name their keys yet get " (keys)" after it."""
        for _menu, action in window_actions(self.window):
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            tip = action.toolTip()
            if self._generated.get(id(action)) == tip:  # ours from last time: start again from the (new) text
                tip = plain(action.text())
            if keys and not tip.endswith(f"({keys})"):
                tip = f"{tip} ({keys})"
                action.setToolTip(tip)
                self._generated[id(action)] = tip


def install(window: WindowInterface) -> Shortcuts:
    """The sheet for Help → Keyboard shortcuts; fills in missing shortcuts, so call it after every other extension."""
    return Shortcuts(window)
