"""Files around the window: Open Recent, bad files, drag and drop, autosave and crash recovery.

Every test runs with QStandardPaths' test mode under a temporary HOME (so
the autosave folder is private to the test, not ~/.qttest shared by all) and
with QSettings in an INI file under tmp_path; the two message boxes these
features use are replaced by a recorder that answers each kind of question.
The fixtures are named ``prompts`` and ``new_window`` so as not to be
mistaken for tests/gui/conftest.py's ``dialogs`` and ``make_window``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QPoint, QPointF, QSettings, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

import model
from gui import app as app_module
from gui.commands import SetParameterCommand, push
from gui.window import autosave, recent_files
from gui.window.main_window import MainWindow
from model import fileformat, presets

ROOT = Path(__file__).resolve().parents[2]
ORG, APP = "BackpropPlaygroundTests", "FilesTest"
Button = QMessageBox.StandardButton


class Dialogs:
    """Stands in for QMessageBox.question/warning: records each and answers without blocking."""

    def __init__(self) -> None:
        self.questions: list[str] = []
        self.warnings: list[str] = []
        self.discard_answer = Button.Discard  # "The network has unsaved changes. Save them first?"
        self.restore_answer = Button.Yes  # "Restore the unsaved work from ...?"

    def question(self, _parent, _title, text, *_args, **_kwargs):  # noqa: ANN001
        self.questions.append(text)
        return self.restore_answer if text.startswith("Restore") else self.discard_answer

    def warning(self, _parent, _title, text, *_args, **_kwargs):  # noqa: ANN001
        self.warnings.append(text)
        return Button.Ok


@pytest.fixture
def prompts(qapp, tmp_path, monkeypatch) -> Dialogs:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    old_names = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    QCoreApplication.setOrganizationName(ORG)
    QCoreApplication.setApplicationName(APP)
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    d = Dialogs()
    monkeypatch.setattr(QMessageBox, "question", d.question)
    monkeypatch.setattr(QMessageBox, "warning", d.warning)
    assert str(autosave.autosave_dir()).startswith(str(home))  # never the real user's data
    yield d
    QStandardPaths.setTestModeEnabled(False)
    QCoreApplication.setOrganizationName(old_names[0])
    QCoreApplication.setApplicationName(old_names[1])


@pytest.fixture
def new_window(qtbot, prompts):
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        window = MainWindow()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.session.undo_stack.setClean()  # closing must not ask
        window.close()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def lesson(path: Path, seed: int = 3) -> Path:
    """A valid lesson file whose weights differ from the default preset's."""
    doc = presets.load_preset("xor_train")
    doc.network.reinitialise(seed)
    doc.title = path.stem
    model.save(doc, path)
    return path


def weights(window: MainWindow) -> list[np.ndarray]:
    net = window.session.network
    return [w.copy() for w in net.weights] + [b.copy() for b in net.biases]


def same(a: list[np.ndarray], b: list[np.ndarray]) -> bool:
    return len(a) == len(b) and all(x.shape == y.shape and np.array_equal(x, y) for x, y in zip(a, b, strict=True))


def edit(window: MainWindow, value: float = 1.25) -> None:
    """One undoable edit: the document now has unsaved changes."""
    push(window.session, SetParameterCommand(window.session, "W", 0, 0, 0, value))
    assert not window.session.undo_stack.isClean()


# ------------------------------------------------------------------ Open Recent
def test_recent_list_order_limit_and_moving_up(prompts, tmp_path):
    files = [lesson(tmp_path / f"f{i}.json") for i in range(10)]
    for f in files:
        recent_files.add(f)
    expected = [str(f) for f in reversed(files)][: recent_files.MAX_RECENT]
    assert recent_files.read_list() == expected
    recent_files.add(files[5])  # already listed: moves to the top, no duplicate
    listed = recent_files.read_list()
    assert listed[0] == str(files[5]) and listed.count(str(files[5])) == 1
    assert len(listed) == recent_files.MAX_RECENT
    recent_files.add(tmp_path / "sub" / ".." / "f9.json")  # another spelling of f9
    assert recent_files.read_list().count(str(files[9])) == 1


@pytest.mark.parametrize(
    "stored, expected",
    [
        ("recent_files=/lessons/only.json", ["/lessons/only.json"]),  # one entry comes back as a str
        ("recent_files=/a.json, /b.json", ["/a.json", "/b.json"]),
        ("recent_files=@Invalid()", []),  # what an empty list is written as
        ("other=1", []),
    ],
)
def test_recent_list_reads_what_the_ini_backend_hands_back(prompts, tmp_path, stored, expected):
    ini = tmp_path / "fresh.ini"  # a file this process has not cached: read as a new process would
    ini.write_text(f"[General]\n{stored}\n", encoding="utf-8")
    assert recent_files.read_list(QSettings(str(ini), QSettings.Format.IniFormat)) == expected


def test_open_recent_menu_follows_opens_saves_and_prunes(new_window, prompts, tmp_path):
    window = new_window()
    menu = window.recent_files.menu
    assert menu.menuAction() in window.menus["file"].actions()
    file_actions = window.menus["file"].actions()
    assert file_actions.index(menu.menuAction()) == file_actions.index(window.action("open")) + 1
    assert window.recent_files.paths() == []
    assert window.recent_files.empty_action in menu.actions() and not window.recent_files.empty_action.isEnabled()

    a, b = lesson(tmp_path / "a.json", 1), tmp_path / "b.json"
    assert window.files.open_path(a)
    assert window.files.save_to(b)
    assert window.recent_files.paths() == [str(b), str(a)]
    assert [act.text() for act in menu.actions()[:2]] == ["&1 b.json", "&2 a.json"]

    a.unlink()
    menu.aboutToShow.emit()  # rebuilt each time it opens: the missing file is gone from menu and settings
    assert window.recent_files.paths() == [str(b)]
    assert recent_files.read_list() == [str(b)]

    # Persistence: a new window (as after a restart) offers the same list.
    assert new_window().recent_files.paths() == [str(b)]

    window.recent_files.clear_action.trigger()
    assert window.recent_files.paths() == [] and recent_files.read_list() == []
    assert not window.recent_files.clear_action.isEnabled()


def test_open_recent_entry_asks_before_discarding_changes(new_window, prompts, tmp_path):
    target = lesson(tmp_path / "target.json", 7)
    recent_files.add(target)
    window = new_window()
    edit(window)
    entry = window.recent_files.menu.actions()[0]
    assert entry.data() == str(target)

    prompts.discard_answer = Button.Cancel
    entry.trigger()
    assert window.path is None and window.session.network.weights[0][0, 0] == 1.25  # kept the edit
    prompts.discard_answer = Button.Discard
    entry.trigger()
    assert len(prompts.questions) == 2
    assert window.path == target
    assert same(weights(window), [*model.load(target).network.weights, *model.load(target).network.biases])


def test_recent_strings_are_translated_and_reset_on_retranslate(new_window, prompts):
    from PySide6.QtCore import QTranslator

    class Shouting(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001
            return source.upper() if context == "RecentFilesMenu" else None

    window = new_window()
    assert window.recent_files.menu.title() == "Open &Recent"
    translator = Shouting()
    QCoreApplication.installTranslator(translator)
    try:
        window.retranslate()
        assert window.recent_files.menu.title() == "OPEN &RECENT"
        assert window.recent_files.clear_action.text() == "CLEAR LIST"
    finally:
        QCoreApplication.removeTranslator(translator)


# ------------------------------------------------------------------ broken files
def _bad_json(good: str) -> str:
    return good[: len(good) // 2]


def _wrong_shape(good: str) -> str:
    data = json.loads(good)
    data["network"]["weights"][0] = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]  # 2×3 where the network has 2×2
    return json.dumps(data)


def _nan_weight(good: str) -> str:
    data = json.loads(good)
    data["network"]["weights"][1][0][0] = float("nan")
    return json.dumps(data)  # writes the bare token NaN, as other tools do


@pytest.mark.parametrize(
    "spoil, says", [(_bad_json, "not valid JSON"), (_wrong_shape, "weights[0]"), (_nan_weight, "NaN")]
)
def test_a_broken_file_is_reported_once_and_changes_nothing(new_window, prompts, tmp_path, spoil, says):
    window = new_window()
    edit(window, 0.5)  # unsaved work that must survive
    before_text = fileformat.dumps(window.session.document)
    before_weights = weights(window)
    before_title, before_path = window.windowTitle(), window.path
    bad = tmp_path / "broken.json"
    bad.write_text(spoil(fileformat.dumps(presets.load_preset("xor_train"))), encoding="utf-8")
    bad_bytes = bad.read_bytes()

    assert window.files.open_path(bad) is False
    assert len(prompts.warnings) == 1 and says in prompts.warnings[0] and "broken.json" in prompts.warnings[0]
    assert same(weights(window), before_weights)
    assert fileformat.dumps(window.session.document) == before_text
    assert (window.windowTitle(), window.path) == (before_title, before_path)
    assert not window.session.undo_stack.isClean() and window.session.undo_stack.count() == 1
    assert bad.read_bytes() == bad_bytes  # the file is left exactly as it was
    assert recent_files.read_list() == []  # a failed open is not "recent"


# ------------------------------------------------------------------ drag and drop
def _drag_and_drop(window: MainWindow, *paths: Path) -> tuple[bool, bool]:
    """Drag files onto the window and drop them; returns (drag accepted, drop accepted)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(
        QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    drop = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        QEvent.Type.Drop,
    )
    QApplication.sendEvent(window, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_dropping_a_lesson_file_opens_it_after_asking(new_window, prompts, qtbot, tmp_path):
    window = new_window()
    assert window.acceptDrops()
    edit(window)
    dropped = lesson(tmp_path / "dropped.json", 11)
    assert _drag_and_drop(window, dropped) == (True, True)
    qtbot.waitUntil(lambda: window.path == dropped)
    assert prompts.questions == ["The network has unsaved changes. Save them first?"]
    doc = model.load(dropped)
    assert same(weights(window), [*doc.network.weights, *doc.network.biases])
    assert "dropped" in window.windowTitle() and window.session.undo_stack.isClean()
    assert recent_files.read_list()[0] == str(dropped)


@pytest.mark.parametrize("names", [("notes.txt",), ("a.json", "b.json")])
def test_dropping_anything_else_is_refused_with_one_sentence(new_window, prompts, qtbot, tmp_path, names):
    window = new_window()
    paths = []
    for name in names:
        p = tmp_path / name
        p.write_text("{}" if name.endswith(".json") else "hello", encoding="utf-8")
        paths.append(p)
    before = fileformat.dumps(window.session.document)
    assert _drag_and_drop(window, *paths) == (True, True)
    qtbot.wait(20)  # a wrongly scheduled open would have run by now
    text = window.message_bar.text()
    assert window.message_bar.isVisibleTo(window) and ".json" in text and text.count(".") <= 3
    assert text.strip().endswith(".")
    assert window.path is None and fileformat.dumps(window.session.document) == before
    assert prompts.questions == [] and prompts.warnings == []


# ------------------------------------------------------------------ autosave
def test_autosave_writes_only_unsaved_work_and_it_reads_back_equal(new_window, prompts, tmp_path):
    origin = lesson(tmp_path / "lesson.json", 5)
    window = new_window()
    assert window.files.open_path(origin)
    timer = window.autosaver.timer
    assert timer.isActive() and timer.interval() == 60_000

    timer.timeout.emit()  # clean: nothing to protect
    assert not autosave.autosave_path().exists()
    edit(window, -0.75)
    timer.timeout.emit()
    path = autosave.autosave_path()
    assert path.is_file() and path.parent == Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    )
    assert fileformat.dumps(model.load(path)) == fileformat.dumps(window.session.document)
    assert model.load(path).network.weights[0][0, 0] == -0.75
    assert autosave.read_marker()["path"] == str(origin)
    assert not list(path.parent.glob("*.tmp")) and not list(path.parent.glob("autosave.json.*"))

    assert window.files.save()  # saved: the autosave has nothing left to protect
    assert not path.exists() and not autosave.marker_path().exists()


def test_autosave_failure_is_reported_once_and_keeps_the_old_autosave(new_window, prompts, monkeypatch):
    window = new_window()
    edit(window)
    assert window.autosaver.save_now()
    old = autosave.autosave_path().read_bytes()
    edit(window, 9.0)

    def refuse(_path, _data):  # noqa: ANN001
        raise OSError("disk full")

    monkeypatch.setattr(autosave, "write_atomic", refuse)
    shown = []
    monkeypatch.setattr(window, "show_message", shown.append)
    assert window.autosaver.save_now() is False
    assert window.autosaver.save_now() is False
    assert shown == ["Autosave failed: disk full"]
    assert autosave.autosave_path().read_bytes() == old


def test_clean_close_removes_the_autosave_but_cancel_keeps_it(new_window, prompts):
    window = new_window()
    window.show()
    edit(window)
    assert window.autosaver.save_now()
    prompts.discard_answer = Button.Cancel
    assert window.close() is False
    assert autosave.autosave_path().exists()
    prompts.discard_answer = Button.Discard
    assert window.close() is True
    assert not autosave.autosave_path().exists() and not autosave.marker_path().exists()
    assert not window.autosaver.owns_autosave  # the lock is released for the next start
    QCoreApplication.instance().aboutToQuit.emit()  # the quit after the last window closed writes nothing
    assert not autosave.autosave_path().exists()


def test_quitting_without_closing_keeps_the_unsaved_work(new_window, prompts):
    window = new_window()
    edit(window, 2.5)
    QCoreApplication.instance().aboutToQuit.emit()  # logout, quit() from elsewhere
    assert model.load(autosave.autosave_path()).network.weights[0][0, 0] == 2.5


CRASHING_SESSION = """
import json, os, signal, sys
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication
app = QApplication([])
QCoreApplication.setOrganizationName({org!r})
QCoreApplication.setApplicationName({app!r})
QStandardPaths.setTestModeEnabled(True)
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {settings!r})
from gui.commands import SetParameterCommand, push
from gui.window.main_window import MainWindow
window = MainWindow()
assert window.files.open_path({origin!r})
push(window.session, SetParameterCommand(window.session, "W", 1, 0, 0, 0.1 + 0.2))
push(window.session, SetParameterCommand(window.session, "b", 0, 0, 1, -1.0 / 3.0))
assert window.autosaver.save_now()
net = window.session.network
print(json.dumps([w.tolist() for w in net.weights] + [b.tolist() for b in net.biases]), flush=True)
os.kill(os.getpid(), signal.SIGKILL) if hasattr(signal, "SIGKILL") else os._exit(3)
"""


@pytest.mark.skipif(not hasattr(os, "kill"), reason="needs os.kill")
def test_after_a_crash_the_next_start_restores_the_exact_weights(new_window, prompts, tmp_path):
    origin = lesson(tmp_path / "my lesson.json", 4)
    origin_bytes = origin.read_bytes()
    script = CRASHING_SESSION.format(org=ORG, app=APP, settings=str(tmp_path / "settings"), origin=str(origin))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    assert run.returncode != 0, "the session was meant to die"
    crashed = [np.array(a) for a in json.loads(run.stdout)]
    assert (autosave.autosave_dir() / autosave.LOCK_NAME).exists()  # left behind by the killed process

    window = new_window()
    window.show()
    assert autosave.offer_restore(window) is True
    assert len(prompts.questions) == 1 and prompts.questions[0].startswith("Restore the unsaved work from ")
    assert same(weights(window), crashed)  # bit for bit, 0.1 + 0.2 and -1/3 included
    assert window.path == origin
    assert window.isWindowModified() and "my lesson.json" in window.windowTitle()
    assert origin.read_bytes() == origin_bytes  # the lesson file itself was never touched
    assert autosave.autosave_path().exists()  # still protected until it is saved

    # The restored mark does not leak into the next document.
    window.files.open_preset("xor_train")
    assert not window.isWindowModified() and window.session.undo_stack.isClean()


def test_discard_deletes_the_autosave_and_keeps_the_window_as_it_was(new_window, prompts):
    other = presets.load_preset("xor_train")
    other.network.reinitialise(99)
    autosave.write_autosave(other, None, "old work")
    window = new_window()
    before = weights(window)
    prompts.restore_answer = Button.Discard
    assert autosave.offer_restore(window) is False
    assert len(prompts.questions) == 1
    assert not autosave.autosave_path().exists() and not autosave.marker_path().exists()
    assert same(weights(window), before) and window.session.undo_stack.isClean()


def test_restore_without_an_origin_keeps_the_untitled_name(new_window, prompts):
    doc = presets.load_preset("xor_train")
    doc.network.reinitialise(21)
    autosave.write_autosave(doc, None, "my sketch")
    window = new_window()
    assert autosave.offer_restore(window)
    assert window.path is None and "my sketch" in window.windowTitle() and window.isWindowModified()
    assert same(weights(window), [*doc.network.weights, *doc.network.biases])


def test_no_autosave_no_question(new_window, prompts):
    window = new_window()
    assert autosave.offer_restore(window) is False
    assert prompts.questions == [] and prompts.warnings == []


@pytest.mark.parametrize("content", [b'{"format": "backprop-playground", "version": 1', b"\xff\xfe\x00garbage", b"[]"])
def test_a_corrupt_autosave_is_reported_in_one_sentence_and_deleted(new_window, prompts, content):
    autosave.autosave_dir().mkdir(parents=True, exist_ok=True)
    autosave.autosave_path().write_bytes(content)
    autosave.marker_path().write_text("not json either", encoding="utf-8")
    window = new_window()
    before = fileformat.dumps(window.session.document)
    assert autosave.offer_restore(window) is False
    assert prompts.questions == []  # nothing to offer
    assert len(prompts.warnings) == 1 and prompts.warnings[0].startswith("The unsaved work from the last session")
    assert not autosave.autosave_path().exists() and not autosave.marker_path().exists()
    assert fileformat.dumps(window.session.document) == before and window.session.undo_stack.isClean()


def test_a_second_window_neither_offers_nor_overwrites_the_first_ones_autosave(new_window, prompts):
    first = new_window()
    edit(first, 3.0)
    assert first.autosaver.save_now()
    saved = autosave.autosave_path().read_bytes()

    second = new_window()
    assert autosave.offer_restore(second) is False and prompts.questions == []
    edit(second, -3.0)
    assert second.autosaver.save_now() is False
    second.session.undo_stack.setClean()  # "saved": must not delete the first window's autosave
    assert autosave.autosave_path().read_bytes() == saved

    # A screenshot run (never took the lock) closing cleanly deletes nothing either.
    second.close()
    assert autosave.autosave_path().read_bytes() == saved


def test_the_app_offers_the_autosave_after_start_but_a_screenshot_run_does_not(prompts, monkeypatch, tmp_path):
    doc = presets.load_preset("xor_train")
    doc.network.reinitialise(8)
    autosave.write_autosave(doc, None, "crashed work")
    shot = tmp_path / "shot.png"
    assert app_module.run(argparse.Namespace(screenshot=str(shot), lang="en")) == 0
    assert shot.is_file() and prompts.questions == [] and prompts.warnings == []
    assert autosave.autosave_path().exists()  # the screenshot run left the crash's autosave alone

    before = set(QApplication.topLevelWidgets())
    started: list[MainWindow] = []

    def fake_exec(_app) -> int:  # noqa: ANN001 - one turn of the event loop instead of running until quit
        QCoreApplication.processEvents()
        started.extend(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w not in before)
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    try:
        assert app_module.run(argparse.Namespace(lang="en")) == 0
        assert len(prompts.questions) == 1 and prompts.questions[0].startswith("Restore the unsaved work from ")
        assert len(started) == 1
        assert same(weights(started[0]), [*doc.network.weights, *doc.network.biases])
        assert "crashed work" in started[0].windowTitle() and started[0].isWindowModified()
    finally:
        for window in started:
            window.session.undo_stack.setClean()
            window.close()
            window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
