"""File → Open Recent: the last few lesson files opened or saved, most recent first.

The list lives in QSettings under ``recent_files`` as absolute paths.  It is
updated after every successful open or save (the window's ``document_loaded``
and ``document_saved`` signals), and files that have disappeared are pruned
whenever the menu is rebuilt (each time it is about to show), so the menu
never offers a file that cannot be opened.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QSettings
from PySide6.QtGui import QAction

from gui.window.actions import ActionSpec, MenuSpec

if TYPE_CHECKING:
    from gui.window.interface import WindowInterface

SETTINGS_KEY = "recent_files"
MAX_RECENT = 8


def _key(path: str) -> str:
    """What makes two spellings of a path the same entry (case-insensitive on Windows)."""
    return os.path.normcase(os.path.abspath(path))


def read_list(settings: QSettings | None = None) -> list[str]:
    """The stored paths, most recent first.

    ``type=list`` turns the INI backend's single entry (stored as a plain
    string) back into a list; the isinstance checks below also cover
    backends that hand back something else (None after ``@Invalid()``, a
    bare string, non-string items).
    """
    settings = settings or QSettings()
    raw = settings.value(SETTINGS_KEY, [], type=list)
    if raw is None:
        return []
    if isinstance(raw, str):
        raw = [raw]
    out: list[str] = []
    seen: set[str] = set()
    for item in raw:
        if isinstance(item, str) and item and _key(item) not in seen:
            seen.add(_key(item))
            out.append(item)
    return out[:MAX_RECENT]


def write_list(paths: list[str], settings: QSettings | None = None) -> None:
    settings = settings or QSettings()
    settings.setValue(SETTINGS_KEY, list(paths[:MAX_RECENT]))


def add(path: str | Path, settings: QSettings | None = None) -> list[str]:
    """Put ``path`` first (moving it up if already listed); returns the new list."""
    entry = os.path.abspath(path)
    rest = [p for p in read_list(settings) if _key(p) != _key(entry)]
    paths = [entry, *rest][:MAX_RECENT]
    write_list(paths, settings)
    return paths


def prune(settings: QSettings | None = None) -> list[str]:
    """Drop the files that no longer exist; returns what is left."""
    paths = read_list(settings)
    kept = [p for p in paths if os.path.isfile(p)]
    if kept != paths:
        write_list(kept, settings)
    return kept


def clear(settings: QSettings | None = None) -> None:
    write_list([], settings)


class RecentFilesMenu(QObject):
    """The File → Open Recent submenu of one window."""

    def __init__(self, window: WindowInterface) -> None:
        super().__init__(window)  # type: ignore[arg-type]  # the window is a QMainWindow
        self.window = window
        table = window.window_actions
        title = QT_TRANSLATE_NOOP("RecentFilesMenu", "Open &Recent")
        table.declare_menus([MenuSpec("recent", title, parent="file", before="save")], "RecentFilesMenu")
        self.menu = table.menu("recent")
        self.menu.setObjectName("recent_files_menu")
        clear = ActionSpec(
            "clear_recent",
            QT_TRANSLATE_NOOP("RecentFilesMenu", "Clear list"),
            shortcuts=("Ctrl+Shift+Delete",),
            triggered=lambda _window: self.clear(),
        )  # placed by rebuild(), below the entries
        self.clear_action = table.add([clear], "RecentFilesMenu")["clear_recent"]
        self.empty_action = QAction(self)
        self.empty_action.setEnabled(False)
        self.menu.aboutToShow.connect(self.rebuild)
        window.document_loaded.connect(self._on_window_document_loaded)
        window.document_saved.connect(self._on_window_document_saved)
        window.retranslated.connect(self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        """The placeholder entry's text (the menu's title and "Clear list" come from their table)."""
        self.empty_action.setText(self.tr("No recent files"))
        self.rebuild()

    def paths(self) -> list[str]:
        """The entries the menu offers, most recent first."""
        return [a.data() for a in self.menu.actions() if isinstance(a.data(), str)]

    def rebuild(self) -> None:
        self.menu.clear()  # deletes the entries (the menu owns them), keeps the two fixed actions
        paths = prune()
        for number, path in enumerate(paths, start=1):
            name = Path(path).name.replace("&", "&&")
            action = QAction(f"&{number} {name}" if number < 10 else name, self.menu)
            action.setData(path)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open(p))
            self.menu.addAction(action)
        if not paths:
            self.menu.addAction(self.empty_action)
        self.menu.addSeparator()
        self.menu.addAction(self.clear_action)
        self.clear_action.setEnabled(bool(paths))
        self.menu.setToolTipsVisible(True)

    def open(self, path: str) -> bool:
        """Open a listed file after the usual unsaved-changes question."""
        if not self.window.files.confirm_discard():
            return False
        return self.window.files.open_path(path)

    def clear(self) -> None:
        clear()
        self.rebuild()

    def _on_window_document_loaded(self, path: Path | None) -> None:
        if path is not None:
            add(path)
            self.rebuild()

    def _on_window_document_saved(self, path: Path) -> None:
        add(path)
        self.rebuild()


def install(window: WindowInterface) -> RecentFilesMenu:
    return RecentFilesMenu(window)
