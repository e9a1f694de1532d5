"""Space plays even while a text field has focus, once what was typed there has been committed with Enter.

A one-key shortcut such as Space (Play) loses to a focused QLineEdit: Qt first
offers the key to the field (``ShortcutOverride``) and a line edit claims every
printable key, so after typing a learning rate and pressing Enter, Space typed
a space instead of playing.  Here a field counts as *committed* after Enter
(and after the program sets its text): Qt's own ``isModified()`` flag, which
typing sets and ``setText`` clears, is cleared on Enter too.  While a field is
committed, Space is left to the window's shortcuts; as soon as the student
types again, Space is the field's again (a space inside an expression).

One filter object serves the window; it is put on a line edit when that
line edit gets focus (``QApplication.focusChanged``), so fields that panels
and labs create later are covered without knowing about this module, and no
filter runs on any other event of the application.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from gui.safety import total

if TYPE_CHECKING:
    from gui.window.interface import WindowInterface

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class CommittedFieldKeys(QObject):
    """Clears a line edit's modified flag on Enter; lets Space reach the shortcuts while the flag is clear."""

    def __init__(self, window: WindowInterface) -> None:
        super().__init__(window)  # type: ignore[arg-type]  # the window is a QMainWindow
        self.setObjectName("committed_field_keys")
        self.window_ = window
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_app_focus_changed)
            window.destroyed.connect(lambda *_: self._disconnect(app))

    def _disconnect(self, app: QApplication) -> None:
        try:
            app.focusChanged.disconnect(self._on_app_focus_changed)
        except (RuntimeError, TypeError):  # already gone with the window
            pass

    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, QLineEdit) and new.window() is self.window_:
            new.removeEventFilter(self)  # at most once per field
            new.installEventFilter(self)

    @staticmethod
    def space_plays(field: QLineEdit) -> bool:
        """Whether Space in ``field`` goes to the window's shortcuts (the field holds no uncommitted typing)."""
        return not field.isModified()

    @total(False)
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not isinstance(watched, QLineEdit) or not isinstance(event, QKeyEvent):
            return False
        if event.type() == QEvent.Type.KeyPress and event.key() in ENTER_KEYS:
            watched.setModified(False)  # committed: the field's own Enter handling still runs
            return False
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and event.key() == Qt.Key.Key_Space
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and self.space_plays(watched)
        ):
            event.ignore()  # not the field's: the shortcut map runs Play
            return True
        return False


def install(window: WindowInterface) -> CommittedFieldKeys:
    """Space plays after Enter in any text field of ``window``."""
    return CommittedFieldKeys(window)
