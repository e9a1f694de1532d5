"""Every number field refuses what is not a usable number: a visible message, and nothing changes.

Fields: the inspector's value field (weights and biases), every line edit of
the training panel, and the network view's inline editor (double-click /
Enter on a weight or bias).  "Nothing changes" means the network, the
training settings and the undo stack compare equal to before.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit

from tests.gui.conftest import same_state, state_of

NOT_NUMBERS = ["abc", "", "nan", "inf", "-inf", "1e999", "1,2,3", "0x10"]
PANEL_FIELDS = ["lr", "batch_size", "weight_decay", "l1", "seed", "patience"]
INTEGER_FIELDS = {"batch_size", "seed", "patience"}


def type_and_enter(field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    QTest.keyClick(field, Qt.Key.Key_Delete)
    if text:
        QTest.keyClicks(field, text)
    assert field.text() == text
    QTest.keyClick(field, Qt.Key.Key_Return)


def assert_refused(window, before, error: QLabel | None, typed: str) -> None:  # noqa: ANN001
    assert same_state(before, state_of(window)), "a refused value changed the network, settings or undo stack"
    if error is not None:
        assert error.isVisible() and error.text()
        assert "nothing was changed" in error.text() or "not changed" in error.text()
    bar = window.message_bar
    assert bar.isVisible() and bar.text()
    if typed:
        assert f"'{typed}'" in bar.text()
    assert not window.isWindowModified()


# ---------------------------------------------------------------- inspector
@pytest.mark.parametrize("selection", [("edge", 0, 1, 0), ("node", 2, 0)], ids=["weight", "bias"])
@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_inspector_value_field_refuses(window, selection, text) -> None:  # noqa: ANN001
    window.select(selection)
    field = window.findChild(QLineEdit, "inspector_value")
    error = window.findChild(QLabel, "inspector_error")
    assert field.isEnabled()
    before = state_of(window)
    type_and_enter(field, text)
    assert_refused(window, before, error, text)
    # The Set button refuses the same way.
    window.inspector.apply_button.click()
    assert same_state(before, state_of(window))
    # Typing again clears the complaint; a good number then goes through as one undo step.
    type_and_enter(field, "-1")
    assert not error.isVisible()
    kind, k, i, j = window.inspector._parameter()
    assert window.session.parameter(kind, k, i, j) == -1.0  # weights and biases may be negative
    assert window.session.undo_stack.count() == 1


def test_inspector_on_an_input_node_has_nothing_to_edit(window) -> None:  # noqa: ANN001
    window.select(("node", 0, 0))
    field = window.findChild(QLineEdit, "inspector_value")
    assert not field.isEnabled()
    before = state_of(window)
    window.inspector._apply()
    assert same_state(before, state_of(window))


def test_a_refresh_while_typing_keeps_the_typed_text(window) -> None:  # noqa: ANN001
    """A values_changed (e.g. from Play) must not overwrite what the user is typing."""
    window.select(("edge", 0, 0, 0))
    field = window.findChild(QLineEdit, "inspector_value")
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, "12")
    assert field.hasFocus()
    window.session.values_changed.emit()
    assert field.text() == "12"
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert window.session.network.weights[0][0, 0] == 12.0


# ---------------------------------------------------------------- training panel
def panel_field(window, name: str) -> QLineEdit:  # noqa: ANN001
    field = window.findChild(QLineEdit, f"setting_{name}")
    assert field is not None, name
    return field


@pytest.mark.parametrize("name", PANEL_FIELDS)
@pytest.mark.parametrize("text", NOT_NUMBERS + ["-1"])
def test_training_panel_field_refuses(window, name, text) -> None:  # noqa: ANN001
    field = panel_field(window, name)
    error = window.findChild(QLabel, "training_error")
    before = state_of(window)
    type_and_enter(field, text)
    assert_refused(window, before, error, text)
    assert "border" in field.styleSheet()  # the field itself is marked


@pytest.mark.parametrize("name", sorted(INTEGER_FIELDS))
def test_whole_number_fields_refuse_fractions(window, name) -> None:  # noqa: ANN001
    before = state_of(window)
    type_and_enter(panel_field(window, name), "2.5")
    assert_refused(window, before, window.findChild(QLabel, "training_error"), "2.5")
    assert "whole number" in window.message_bar.text()


@pytest.mark.parametrize(
    ("name", "text", "value"),
    [
        ("lr", "0.05", 0.05),
        ("lr", "0,5", 0.5),
        ("batch_size", "2", 2),
        ("weight_decay", "1e-4", 1e-4),
        ("l1", "0", 0.0),
        ("seed", "7", 7),
        ("patience", "3", 3),
    ],
)
def test_training_panel_accepts_good_values_as_one_undo_step(window, name, text, value) -> None:  # noqa: ANN001
    field = panel_field(window, name)
    old = getattr(window.session.settings, name)
    type_and_enter(field, "abc")
    type_and_enter(field, text)
    assert getattr(window.session.settings, name) == value
    assert not window.findChild(QLabel, "training_error").isVisible()
    assert field.styleSheet() == ""
    if value != old:
        assert window.session.undo_stack.count() == 1
        window.action("undo").trigger()
        assert getattr(window.session.settings, name) == old
        assert field.hasFocus()  # the toolbar's Undo does not take the focus ...
        assert float(field.text()) == old  # ... and the field still shows the setting in effect


# ---------------------------------------------------------------- inline editor
@pytest.mark.parametrize("selection", [("edge", 1, 0, 0), ("node", 1, 1)], ids=["weight", "bias"])
@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_inline_editor_refuses(window, selection, text) -> None:  # noqa: ANN001
    view = window.network_view
    window.select(selection)
    assert view.inline.edit_value(selection)
    editor = view.inline.editor
    assert editor is not None and editor.objectName() == "value_editor"
    before = state_of(window)
    editor.selectAll()
    QTest.keyClick(editor, Qt.Key.Key_Delete)
    if text:
        QTest.keyClicks(editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert_refused(window, before, None, text)
    assert view.inline.editor is editor and editor.isVisible()  # stays open so the user can correct it
    assert "border" in editor.styleSheet()
    # Esc closes it without changing anything.
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert view.inline.editor is None
    assert same_state(before, state_of(window))


def test_inline_editor_accepts_a_number_as_one_undo_step(window) -> None:  # noqa: ANN001
    view = window.network_view
    assert view.inline.edit_value(("edge", 0, 0, 1))
    editor = view.inline.editor
    editor.selectAll()
    editor.insert("−0,75")  # typographic minus and decimal comma (QTest.keyClicks is ASCII only)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert window.session.network.weights[0][0, 1] == -0.75
    assert window.session.undo_stack.count() == 1 and view.inline.editor is None
