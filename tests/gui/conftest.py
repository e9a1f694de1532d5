"""Fixtures for whole-window tests: the app as main.py makes it, isolated settings, no modal dialogs.

* ``qapp`` is overridden so that the one QApplication is the one
  ``gui.app.make_application()`` builds (Fusion style, bundled font, names),
  whichever test happens to create it first.
* ``settings`` points QSettings at an INI file under ``tmp_path`` (and turns on
  QStandardPaths' test mode), so a test never reads or writes the user's
  real settings (language, last directory ...).
* ``dialogs`` replaces every QMessageBox / QFileDialog static call with a
  recorder: a modal dialog would block the test forever in offscreen mode.
* ``window`` / ``make_window`` build MainWindow(doc) and, at teardown, stop
  Play, mark the undo stack clean (so closing never asks) and close it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox

import model
from model import presets


@pytest.fixture(scope="session")
def qapp():  # noqa: ANN201 - overrides pytest-qt's fixture of the same name
    from gui.app import make_application

    return make_application()


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """QSettings in an INI file under tmp_path, and HOME there too, for the duration of one test.

    HOME matters because QStandardPaths' test mode puts AppDataLocation (the
    autosave and its lock) under ``$HOME/.qttest``: one test's autosave must
    not be offered back to the next test's window.
    """
    folder = tmp_path / "settings"
    folder.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    old_format = QSettings.defaultFormat()
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder
    QSettings.setDefaultFormat(old_format)
    QStandardPaths.setTestModeEnabled(False)


@dataclass
class DialogRecorder:
    """What the code asked the user; ``question_answer`` and ``open_path``/``save_path`` script the answers."""

    calls: list[tuple[str, str]] = field(default_factory=list)
    question_answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Discard
    open_path: str = ""
    save_path: str = ""

    def of(self, kind: str) -> list[str]:
        return [text for k, text in self.calls if k == kind]


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> DialogRecorder:
    rec = DialogRecorder()

    def box(kind: str, answer: Callable[[], Any]) -> Callable[..., Any]:
        def fake(_parent: Any, _title: str, text: str = "", *args: Any, **kwargs: Any) -> Any:
            rec.calls.append((kind, str(text)))
            return answer()

        return fake

    ok = QMessageBox.StandardButton.Ok
    monkeypatch.setattr(QMessageBox, "warning", box("warning", lambda: ok))
    monkeypatch.setattr(QMessageBox, "critical", box("critical", lambda: ok))
    monkeypatch.setattr(QMessageBox, "information", box("information", lambda: ok))
    monkeypatch.setattr(QMessageBox, "question", box("question", lambda: rec.question_answer))
    monkeypatch.setattr(QMessageBox, "about", box("about", lambda: None))

    def no_exec(self: QMessageBox, *args: Any) -> int:
        rec.calls.append(("exec", self.text()))
        return int(ok.value)

    monkeypatch.setattr(QMessageBox, "exec", no_exec)
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        lambda *a, **k: (rec.calls.append(("open_dialog", "")), (rec.open_path, ""))[1],
    )
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *a, **k: (rec.calls.append(("save_dialog", "")), (rec.save_path, ""))[1],
    )
    return rec


def close_window(window: Any) -> None:
    """Stop Play, forget unsaved changes and close: a teardown must never block on a prompt."""
    window.controller.pause()
    window.session.undo_stack.setClean()
    window.close()
    window.deleteLater()
    QCoreApplication.processEvents()


@pytest.fixture
def make_window(qtbot, qapp, settings, dialogs) -> Iterator[Callable[..., Any]]:  # noqa: ANN001
    """make_window(preset_name | Document | None, show=True) -> a shown MainWindow."""
    from gui import i18n
    from gui.window.main_window import MainWindow

    made: list[Any] = []

    def make(doc: str | model.Document | None = None, show: bool = True) -> Any:
        if isinstance(doc, str):
            doc = presets.load_preset(doc)
        w = MainWindow(doc)
        made.append(w)
        if show:
            w.show()
            qtbot.waitExposed(w)
        return w

    yield make
    for w in made:
        close_window(w)
    i18n.set_language("en", remember=False)


@pytest.fixture(autouse=True)
def standard_appearance() -> Iterator[None]:
    """Every GUI test ends at 100 %, light, standard colours: presentation mode and themes are application-wide
    today (module globals), so a test that leaves them on would change every later test's layout."""
    yield
    from PySide6.QtWidgets import QApplication

    from gui.canvas import scene_text
    from gui.style import palette
    from gui.window import presentation

    palette.set_theme(palette.DEFAULT_THEME)
    palette.set_scheme(palette.DEFAULT_SCHEME)
    if hasattr(scene_text, "set_scales"):  # a module global until the view-settings object replaced it
        scene_text.set_scales(1.0, 1.0)
    app = QApplication.instance()
    if app is not None and "palette" in presentation._original:
        app.setPalette(presentation._original["palette"])
        app.setFont(presentation._original["font"])


@pytest.fixture
def window(make_window) -> Any:  # noqa: ANN001
    """The default window (the xor_train preset), shown."""
    return make_window()


# ------------------------------------------------------------------ helpers
def weights_of(window: Any) -> list[np.ndarray]:
    return [w.copy() for w in window.session.network.weights]


def network_finite(window: Any) -> bool:
    net = window.session.network
    return all(np.isfinite(w).all() for w in net.weights) and all(np.isfinite(b).all() for b in net.biases)


def state_of(window: Any) -> dict[str, Any]:
    """Everything an edit could change: network, settings, undo stack position and size."""
    s = window.session
    net = s.network.state()
    settings = {
        name: getattr(s.settings, name)
        for name in ("optimizer", "lr", "batch_size", "weight_decay", "l1", "seed", "shuffle", "schedule", "patience")
    }
    return {
        "network": net,
        "settings": settings,
        "undo": (s.undo_stack.count(), s.undo_stack.index(), s.undo_stack.isClean()),
    }


def same_state(a: dict[str, Any], b: dict[str, Any]) -> bool:
    na, nb = a["network"], b["network"]
    for key in ("sizes", "activations", "loss", "bias", "seed", "init"):
        if na[key] != nb[key]:
            return False
    for key in ("weights", "biases"):
        if len(na[key]) != len(nb[key]) or not all(np.array_equal(x, y) for x, y in zip(na[key], nb[key], strict=True)):
            return False
    for key, va in a["settings"].items():
        vb = b["settings"][key]
        if isinstance(va, float) and isinstance(vb, float) and math.isnan(va) and math.isnan(vb):
            continue
        if va != vb:
            return False
    return a["undo"] == b["undo"]
