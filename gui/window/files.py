"""New, open, save and save-as for the main window, with the unsaved-changes guard: a mixin of :class:`MainWindow`.

Split out of :mod:`gui.window.main_window`.  The strings keep the translation context
"MainWindow" (``QCoreApplication.translate``) so the existing .qm files still
find them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

import model
from model import presets

APP_TITLE = "Backprop Playground"
DEFAULT_PRESET = "xor_train"
FILE_FILTER = "Backprop Playground (*.json)"


class WindowFilesMixin:
    """The file half of a :class:`~gui.window.main_window.MainWindow`: every method works on its session and path."""

    def _confirm_discard(self) -> bool:
        if self.session.undo_stack.isClean():
            return True
        answer = QMessageBox.question(
            self,
            APP_TITLE,
            QCoreApplication.translate("MainWindow", "The network has unsaved changes. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def report_error(self, text: str) -> None:
        """One clear dialog; the current work stays as it was."""
        self.show_message(text)
        QMessageBox.warning(self, APP_TITLE, text)

    def new_document(self) -> None:
        if self._confirm_discard():
            self.load_document(presets.load_preset(DEFAULT_PRESET))
            self.doc_name = QCoreApplication.translate("MainWindow", "untitled")
            self._update_title()

    def open_preset(self, name: str) -> None:
        if self._confirm_discard():
            self.load_document(presets.load_preset(name))

    def open_path(self, path: str | Path) -> bool:
        try:
            doc = model.load(path)
        except (model.FileFormatError, OSError) as exc:
            self.report_error(
                QCoreApplication.translate("MainWindow", "Could not open %1: %2")
                .replace("%1", str(path))
                .replace("%2", str(exc))
            )
            return False
        self.load_document(doc, Path(path))
        return True

    def open_dialog(self) -> None:
        if not self._confirm_discard():
            return
        path, _ = QFileDialog.getOpenFileName(
            self, QCoreApplication.translate("MainWindow", "Open network"), self._last_dir(), FILE_FILTER
        )
        if path:
            self.open_path(path)

    def save_to(self, path: str | Path) -> bool:
        try:
            model.save(self.session.document, path)
        except (OSError, ValueError) as exc:
            self.report_error(
                QCoreApplication.translate("MainWindow", "Could not save %1: %2")
                .replace("%1", str(path))
                .replace("%2", str(exc))
            )
            return False
        self.path = Path(path)
        QSettings().setValue("last_dir", str(self.path.parent))
        self.session.undo_stack.setClean()
        self._update_title()
        self.show_message(QCoreApplication.translate("MainWindow", "Saved %1").replace("%1", str(path)))
        self.document_saved.emit(self.path)
        return True

    def save(self) -> bool:
        if self.path is None:
            return self.save_as_dialog()
        return self.save_to(self.path)

    def save_as_dialog(self) -> bool:
        start = str(Path(self._last_dir()) / f"{self.doc_name}.json")
        path, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("MainWindow", "Save network"), start, FILE_FILTER
        )
        return self.save_to(path) if path else False

    def _last_dir(self) -> str:
        return str(QSettings().value("last_dir", str(Path.home()), type=str))
