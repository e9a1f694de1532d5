"""After Enter in a field, Space plays (issue 7 part 5); before Enter, Space is still the field's."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.gui.test_bad_input import type_and_enter


def space(field: QLineEdit) -> None:
    QTest.keyClick(field, Qt.Key.Key_Space)


def test_space_plays_after_enter_in_a_setting(window) -> None:  # noqa: ANN001
    window.activateWindow()
    field = window.findChild(QLineEdit, "setting_lr")
    type_and_enter(field, "0.3")
    assert window.session.settings.lr == 0.3 and QApplication.focusWidget() is field
    space(field)
    assert window.action("play").isChecked(), "Space after Enter must play"
    assert " " not in field.text()
    space(field)
    assert not window.action("play").isChecked(), "Space again pauses"


def test_space_plays_after_enter_in_the_inspector(window) -> None:  # noqa: ANN001
    window.activateWindow()
    window.select(("edge", 0, 0, 0))
    field = window.findChild(QLineEdit, "inspector_value")
    type_and_enter(field, "0.5")
    assert window.session.network.weights[0][0, 0] == 0.5
    space(field)
    assert window.action("play").isChecked() and " " not in field.text()


def test_space_is_the_fields_while_typing_and_again_after_more_typing(window) -> None:  # noqa: ANN001
    window.activateWindow()
    field = window.findChild(QLineEdit, "setting_lr")
    type_and_enter(field, "0.3")
    QTest.keyClicks(field, "1")  # typing again: the field holds uncommitted text
    space(field)
    assert field.text().endswith("1 ") and not window.action("play").isChecked()


def test_a_refused_value_restores_the_field_and_space_plays(window) -> None:  # noqa: ANN001
    window.activateWindow()
    field = window.findChild(QLineEdit, "setting_lr")
    before = field.text()
    type_and_enter(field, "abc")
    assert field.text() == before
    space(field)
    assert window.action("play").isChecked()
