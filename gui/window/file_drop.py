"""Drag a lesson file onto the window to open it.

An event filter on the main window rather than overrides in it, so this
feature stays in one place.  Any drag that carries files is accepted, so
that dropping the wrong kind of file gets an explanation instead of a silent
"no entry" cursor; only a single local ``.json`` file is opened.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QDropEvent

from gui.safety import total

if TYPE_CHECKING:
    from gui.window.interface import WindowInterface

SUFFIX = ".json"


def dropped_file(event: QDropEvent) -> Path | None:
    """The one local .json file a drop carries, else None."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() == SUFFIX else None


class FileDropFilter(QObject):
    """Accepts file drags on the window and opens a dropped lesson file."""

    def __init__(self, window: WindowInterface) -> None:
        super().__init__(window)
        self.window = window
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    @total(False)
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if event.mimeData().hasUrls():  # type: ignore[attr-defined]
                event.acceptProposedAction()  # type: ignore[attr-defined]
                return True
            return False
        if kind == QEvent.Type.Drop and event.mimeData().hasUrls():  # type: ignore[attr-defined]
            path = dropped_file(event)  # type: ignore[arg-type]
            event.acceptProposedAction()  # type: ignore[attr-defined]
            if path is None:
                self.window.show_message(
                    self.tr("Only a single Backprop Playground file (.json) can be opened by dropping it here.")
                )
            else:
                # Ask and load after the drop has finished: a modal dialog inside a drop handler
                # freezes the file manager the file came from until it is closed (Windows, macOS).
                QTimer.singleShot(0, self.window, lambda: self.open(path))
            return True
        return False

    def open(self, path: Path) -> bool:
        if not self.window.files.confirm_discard():
            return False
        return self.window.files.open_path(path)


def install(window: WindowInterface) -> FileDropFilter:
    return FileDropFilter(window)
