"""Autosave: unsaved work survives a crash, a kill or a power cut.

Every minute, and when the application quits without the window having been
closed (logout, ``QApplication.quit()``), a document with unsaved changes is
written to ``<AppDataLocation>/autosave.json`` in the ordinary lesson-file
format, next to ``autosave-origin.json``, a small marker naming the file it
came from.  Both are written through QSaveFile, so a crash in the middle of a
write leaves the previous autosave intact.

Once the work is safe (saved, undone back to the saved state, or knowingly
discarded when the window closes) the autosave is removed.  So an autosave
that is still there at the next start means the last session ended badly, and
:func:`offer_restore` offers it back.

Only one running instance owns the autosave: the first to need it takes
``autosave.lock`` (a QLockFile, which a crashed owner leaves stale and the
next start takes over).  A second window opened meanwhile neither autosaves
nor offers to restore the first one's live work, and an instance that never
took the lock (a ``--screenshot`` run, say) never deletes anything.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QFileInfo,
    QIODevice,
    QLocale,
    QLockFile,
    QObject,
    QSaveFile,
    QStandardPaths,
    QTimer,
)
from PySide6.QtWidgets import QMessageBox

import model
from gui.window.files import APP_TITLE
from model import fileformat

if TYPE_CHECKING:
    from gui.window.interface import WindowInterface

INTERVAL_MS = 60_000
AUTOSAVE_NAME = "autosave.json"
MARKER_NAME = "autosave-origin.json"
LOCK_NAME = "autosave.lock"


# ------------------------------------------------------------------ files
def autosave_dir() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def autosave_path() -> Path:
    return autosave_dir() / AUTOSAVE_NAME


def marker_path() -> Path:
    return autosave_dir() / MARKER_NAME


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once, or raise OSError and leave it as it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    f = QSaveFile(str(path))
    if not f.open(QIODevice.OpenModeFlag.WriteOnly):
        raise OSError(f.errorString())
    if f.write(data) != len(data):
        message = f.errorString()
        f.cancelWriting()
        f.commit()  # discards the temporary file
        raise OSError(message)
    if not f.commit():
        raise OSError(f.errorString())


def write_autosave(doc: model.Document, origin: Path | None, name: str) -> None:
    """Write ``doc`` and the marker of where it came from.

    Raises OSError, or FileFormatError (a ValueError) for a document that the
    next start could not open: it is checked exactly as Open would check it,
    before anything is touched, so an autosave is never "unreadable and deleted".
    """
    text = fileformat.checked_text(doc)
    marker = {"path": str(origin) if origin is not None else None, "name": name}
    write_atomic(marker_path(), json.dumps(marker, ensure_ascii=False).encode("utf-8"))
    write_atomic(autosave_path(), text.encode("utf-8"))


def read_marker() -> dict[str, Any]:
    """``{"path": str | None, "name": str}``; a missing or unreadable marker just means "origin unknown"."""
    out: dict[str, Any] = {"path": None, "name": ""}
    try:
        data = json.loads(marker_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return out
    if isinstance(data, dict):
        if isinstance(data.get("path"), str) and data["path"]:
            out["path"] = data["path"]
        if isinstance(data.get("name"), str):
            out["name"] = data["name"]
    return out


def remove_autosave() -> None:
    for path in (autosave_path(), marker_path()):
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            pass  # read-only or in use: the next successful autosave or removal will deal with it


# ------------------------------------------------------------------ the autosaver
class Autosaver(QObject):
    """Writes the window's document while it has unsaved changes; removes the autosave when it has none."""

    def __init__(self, window: WindowInterface) -> None:
        super().__init__(window)
        self.window = window
        self._lock: QLockFile | None = None
        self._closed = False
        self._last_error = ""
        self.timer = QTimer(self)
        self.timer.setObjectName("autosave_timer")
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()
        stack = window.session.undo_stack
        stack.cleanChanged.connect(self._on_undo_stack_clean_changed)
        window.document_loaded.connect(self._on_window_document_loaded)
        window.closed.connect(self._on_window_closed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._on_app_about_to_quit)

    # -------------------------------------------------------------- ownership
    def acquire(self) -> bool:
        """Own the autosave (at most one running instance does).  True if this one does."""
        if self._lock is not None:
            return True
        try:
            autosave_dir().mkdir(parents=True, exist_ok=True)
        except OSError:
            return False
        lock = QLockFile(str(autosave_dir() / LOCK_NAME))
        lock.setStaleLockTime(0)  # stale only when its process is gone, however long a lesson lasts
        if not lock.tryLock(0):
            return False
        self._lock = lock
        return True

    @property
    def owns_autosave(self) -> bool:
        return self._lock is not None

    def release(self) -> None:
        """Stop autosaving and give up ownership, leaving any autosave where it is (as a crash would)."""
        self.timer.stop()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    # -------------------------------------------------------------- writing
    def save_now(self) -> bool:
        """Write the autosave if the document has unsaved changes (the timer's slot).  True if written."""
        if self._closed or self.window.session.undo_stack.isClean() or not self.acquire():
            return False
        try:
            write_autosave(self.window.session.document, self.window.path, self.window.doc_name)
        except (OSError, ValueError) as exc:
            text = self.tr("Autosave failed: %1").replace("%1", str(exc))
            if text != self._last_error:  # once, not every minute
                self.window.show_message(text)
            self._last_error = text
            return False
        self._last_error = ""
        return True

    def discard(self) -> None:
        """The work is safe or knowingly thrown away: the autosave has nothing left to protect."""
        if self.owns_autosave:
            remove_autosave()

    # -------------------------------------------------------------- events
    def _on_undo_stack_clean_changed(self, clean: bool) -> None:
        if clean:
            self.discard()

    def _on_window_document_loaded(self, _path: object) -> None:
        # QUndoStack.clear() returns early on an empty stack, so a restored autosave's resetClean()
        # would otherwise survive opening another file and mark that one modified.
        stack = self.window.session.undo_stack
        if stack.count() == 0 and not stack.isClean():
            stack.setClean()

    def _on_window_closed(self) -> None:
        """The window closed after the unsaved-changes question: saved, clean or discarded on purpose."""
        self.discard()
        self._closed = True
        self.release()

    def _on_app_about_to_quit(self) -> None:
        """Quitting without the window closing (logout, quit()): keep the unsaved work for next time."""
        self.save_now()


def install(window: WindowInterface) -> Autosaver:
    return Autosaver(window)


# ------------------------------------------------------------------ restoring
def offer_restore(window: WindowInterface) -> bool:
    """If the last session left an autosave, ask whether to restore it.  True if restored.

    Call once, after the window is shown.  Restore loads it as modified work
    under its original file name; Discard deletes it.  An autosave that cannot
    be read is reported in one sentence and deleted without asking.
    """
    autosaver: Autosaver | None = getattr(window, "autosaver", None)
    if autosaver is None or not autosaver.acquire():
        return False  # another running instance owns the autosave and may still be writing it
    path = autosave_path()
    if not path.is_file():
        return False
    try:
        doc = fileformat.load(path)
    except (fileformat.FileFormatError, OSError) as exc:
        remove_autosave()
        window.report_error(
            QCoreApplication.translate(
                "Autosave", "The unsaved work from the last session could not be read and was deleted: %1"
            ).replace("%1", str(exc))
        )
        return False
    when = QLocale().toString(QFileInfo(str(path)).lastModified(), QLocale.FormatType.ShortFormat)
    answer = QMessageBox.question(
        window,
        APP_TITLE,
        QCoreApplication.translate("Autosave", "Restore the unsaved work from %1?").replace("%1", when),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard,
        QMessageBox.StandardButton.Yes,
    )
    if answer == QMessageBox.StandardButton.Discard:
        remove_autosave()
        return False
    if answer != QMessageBox.StandardButton.Yes:
        return False  # neither answer: leave it for next time
    marker = read_marker()
    origin = Path(marker["path"]) if marker["path"] else None
    window.load_document(doc, origin)
    if origin is None and marker["name"]:
        window.set_document_name(marker["name"])
    window.session.undo_stack.resetClean()  # modified: no file on disk holds this work (the title follows)
    autosaver.save_now()  # loading may have counted as "clean" and removed it: keep it until the work is saved
    window.show_message(
        QCoreApplication.translate("Autosave", "Restored the unsaved work from %1.").replace("%1", when), info=True
    )
    return True
