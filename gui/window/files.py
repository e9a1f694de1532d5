"""New, open, save and save-as, with the unsaved-changes guard: :class:`DocumentFiles`, owned by the window.

The window keeps the document's identity (``path``, ``doc_name``, the title); this object does the file work and
the dialogs around it, through the window's declared interface (:mod:`gui.window.interface`).  The strings keep
the translation context "MainWindow" (``QCoreApplication.translate``) so the existing .qm files still find them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

import model
from model import presets

if TYPE_CHECKING:
    from gui.session import Session
    from gui.window.interface import WindowInterface

APP_TITLE = "Backprop Playground"
DEFAULT_PRESET = "xor_train"
FILE_FILTER = "Backprop Playground (*.json)"
LAST_DIR_KEY = "last_dir"


def last_dir() -> str:
    """The folder of the last file opened or saved (QSettings), else the home folder: where file dialogs start."""
    return str(QSettings().value(LAST_DIR_KEY, str(Path.home()), type=str))


class DocumentFiles:
    """The file commands of one window (``window.files``): every method works on ``session`` and the window."""

    def __init__(self, window: WindowInterface, session: Session) -> None:
        self._window = window
        self._session = session

    def confirm_discard(self) -> bool:
        """True if the current work may be replaced: it is saved, or the user said so."""
        if self._session.undo_stack.isClean():
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self._window,  # type: ignore[arg-type]  # the window is a QMainWindow
            APP_TITLE,
            QCoreApplication.translate("MainWindow", "The network has unsaved changes. Save them first?"),
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,  # Enter keeps the work; throwing it away takes a deliberate click
        )
        if answer == buttons.Save:
            return self.save()  # False if the save dialog was cancelled or the save failed: nothing replaced
        return answer == buttons.Discard

    def new_document(self) -> None:
        if self.confirm_discard():
            self._window.load_document(presets.load_preset(DEFAULT_PRESET))
            self._window.set_document_name(QCoreApplication.translate("MainWindow", "untitled"))

    def open_preset(self, name: str) -> None:
        if self.confirm_discard():
            self._window.load_document(presets.load_preset(name))

    def open_path(self, path: str | Path) -> bool:
        """Open a lesson file (no question asked: callers ask confirm_discard() first where it matters)."""
        try:
            doc = model.load(path)
        except (model.FileFormatError, OSError) as exc:
            self._window.report_error(
                QCoreApplication.translate("MainWindow", "Could not open %1: %2")
                .replace("%1", str(path))
                .replace("%2", str(exc))
            )
            return False
        self._window.load_document(doc, Path(path))
        return True

    def open_dialog(self) -> None:
        if not self.confirm_discard():
            return
        path, _ = QFileDialog.getOpenFileName(
            self._window,  # type: ignore[arg-type]
            QCoreApplication.translate("MainWindow", "Open network"),
            last_dir(),
            FILE_FILTER,
        )
        if path:
            self.open_path(path)

    def save_to(self, path: str | Path) -> bool:
        try:
            model.save(self._session.document, path)
        except (OSError, ValueError) as exc:
            self._window.report_error(
                QCoreApplication.translate("MainWindow", "Could not save %1: %2")
                .replace("%1", str(path))
                .replace("%2", str(exc))
            )
            return False
        path = Path(path)
        QSettings().setValue(LAST_DIR_KEY, str(path.parent))
        self._session.undo_stack.setClean()
        self._window.set_saved_path(path)
        self._window.show_message(
            QCoreApplication.translate("MainWindow", "Saved %1").replace("%1", str(path)), info=True
        )
        return True

    def save(self) -> bool:
        if self._window.path is None:
            return self.save_as_dialog()
        return self.save_to(self._window.path)

    def save_as_dialog(self) -> bool:
        start = str(Path(last_dir()) / f"{self._window.doc_name}.json")
        path, _ = QFileDialog.getSaveFileName(
            self._window,  # type: ignore[arg-type]
            QCoreApplication.translate("MainWindow", "Save network"),
            start,
            FILE_FILTER,
        )
        return self.save_to(path) if path else False
