"""What a class hit (issue 7 part 5): the unsaved-changes prompt, success messages, refused values."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit, QMessageBox

import model
from tests.gui.test_bad_input import type_and_enter

Button = QMessageBox.StandardButton


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Records the unsaved-changes question's buttons and default, and answers with ``asked["answer"]``."""
    seen: dict[str, Any] = {"answer": Button.Save}

    def question(_parent: Any, _title: str, text: str, buttons: Any = None, default: Any = None) -> Any:
        seen.update(text=text, buttons=buttons, default=default)
        return seen["answer"]

    monkeypatch.setattr(QMessageBox, "question", question)
    return seen


def edit(window: Any) -> None:
    window.select(("edge", 0, 0, 0))
    type_and_enter(window.findChild(QLineEdit, "inspector_value"), "0.75")
    assert window.isWindowModified()


def test_unsaved_prompt_offers_save_discard_cancel_with_save_the_default(window, asked, dialogs, tmp_path) -> None:  # noqa: ANN001
    edit(window)
    path = tmp_path / "kept.json"
    dialogs.save_path = str(path)
    window.action("new").trigger()
    assert asked["buttons"] == Button.Save | Button.Discard | Button.Cancel
    assert asked["default"] == Button.Save  # Enter keeps the work
    assert model.load(path).network.weights[0][0, 0] == 0.75  # saved first ...
    assert window.session.network.weights[0][0, 0] != 0.75  # ... then the new document


def test_save_cancelled_in_the_prompt_keeps_the_work(window, asked, dialogs) -> None:  # noqa: ANN001
    edit(window)
    dialogs.save_path = ""  # the user cancels the save dialog
    window.action("new").trigger()
    assert window.session.network.weights[0][0, 0] == 0.75 and window.isWindowModified()


def test_discard_and_cancel(window, asked) -> None:  # noqa: ANN001
    edit(window)
    asked["answer"] = Button.Cancel
    window.action("new").trigger()
    assert window.session.network.weights[0][0, 0] == 0.75
    asked["answer"] = Button.Discard
    window.action("new").trigger()
    assert window.session.network.weights[0][0, 0] != 0.75 and not window.isWindowModified()


def test_success_uses_the_info_style_and_errors_the_red_one(window, dialogs, tmp_path) -> None:  # noqa: ANN001
    bar = window.message_bar
    assert window.files.save_to(tmp_path / "ok.json")
    assert bar.isVisible() and bar.property("kind") == "info" and "#fdecea" not in bar.styleSheet()
    type_and_enter(window.findChild(QLineEdit, "setting_lr"), "abc")
    assert bar.property("kind") == "error" and "#fdecea" in bar.styleSheet()
