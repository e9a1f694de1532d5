"""The window's commands come from one declarative table, and feature modules use only the declared interface.

Every row of gui/window/action_table.py (and of the export table) must be a real action of the window with its
keys, in its menu, translated into Korean, and enabled only while its condition holds.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from gui import i18n
from gui.commands import SetParameterCommand, push
from gui.data import data_actions
from gui.style import palette
from gui.window import action_table, export_menu, presentation, shortcuts
from gui.window.actions import ActionSpec, WindowActions
from gui.window.interface import WindowInterface
from tests.gui.test_i18n import ALLOWED, english_words, visible_strings


def set_weight(window, k: int, i: int, j: int, value: float) -> None:  # noqa: ANN001
    push(window.session, SetParameterCommand(window.session, "W", k, i, j, value))


GUI = Path(__file__).resolve().parents[2] / "gui"


def table(window) -> list[ActionSpec]:  # noqa: ANN001
    """Every declared action the window was built from (its own table, the examples, the export menu)."""
    return window.window_actions.specs()


def menu_of(window, key: str) -> QMenu:  # noqa: ANN001
    return window.menus[key]


# ------------------------------------------------------------------ the table builds the window
def test_the_window_is_built_from_its_tables(window) -> None:  # noqa: ANN001
    declared = {spec.name for spec in table(window)}
    expected = {spec.name for spec in action_table.ACTIONS} | {spec.name for spec in action_table.example_actions()}
    expected |= {f"export_{kind}" for kind in export_menu.EXPORTS}
    expected |= {spec.name for spec in presentation.ACTIONS}
    expected |= {spec.name for spec in data_actions.data_action_specs(window.data_editor)}
    assert expected <= declared
    assert len(table(window)) == len(declared)  # no name declared twice


def test_every_declared_action_exists_with_its_keys_and_in_its_menu(window) -> None:  # noqa: ANN001
    for spec in table(window):
        action = window.action(spec.name)
        assert action.objectName() == spec.name
        assert action.isCheckable() == spec.checkable, spec.name
        bound = action.shortcuts()
        for keys in spec.shortcuts:
            assert QKeySequence(keys) in bound, (spec.name, keys)
        if spec.shortcuts:
            assert action.toolTip().endswith(f"({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        if spec.menu is not None:
            assert action in menu_of(window, spec.menu).actions(), (spec.name, spec.menu)


def test_keys_and_names_the_readme_and_tests_rely_on_are_unchanged(window) -> None:  # noqa: ANN001
    keys = {
        "step_forward": "Right",
        "step_back": "Left",
        "finish_step": "Ctrl+Right",
        "train_epoch": "E",
        "play": "Space",
        "reset": "R",
        "randomize": "Shift+R",
        "backward_view": "B",
        "detailed": "D",
        "thumbnails": "T",
        "log_scale": "L",
        "fit": "F",
        "add_layer": "Ctrl+L",
        "quit": "Ctrl+Q",
        "shortcut_sheet": "F1",
        "about": "Shift+F1",
        "language_ko": "Ctrl+Alt+K",
        "export_network_png": "Ctrl+E, P",
    }
    for name, key in keys.items():
        assert QKeySequence(key) in window.action(name).shortcuts(), name
    assert QKeySequence("Ctrl+Y") in window.action("redo").shortcuts()
    first = next(iter(action_table.example_actions()))
    assert window.action(first.name).shortcut() == QKeySequence("Alt+1")
    assert shortcuts.conflicts(window) == {}


def test_every_theme_and_colour_scheme_has_its_command(window) -> None:  # noqa: ANN001
    for name in palette.THEMES:
        assert window.action(f"theme_{name}") in window.menus["theme"].actions()
    for name in palette.SCHEMES:
        assert window.action(f"colours_{name}") in window.menus["colours"].actions()


def test_toolbars_show_declared_actions_only(window) -> None:  # noqa: ANN001
    declared = {spec.name for spec in table(window)}
    for name, layout in action_table.TOOLBARS.items():
        bar = window.window_actions.toolbars[name]
        names = [item for item in layout if isinstance(item, str) and item != "|"]
        assert set(names) <= declared
        shown = [a.objectName() for a in bar.actions() if a.objectName() in declared]
        assert shown == names


def test_a_second_declaration_of_a_name_is_refused(window) -> None:  # noqa: ANN001
    again = ActionSpec("play", "Play again")
    with pytest.raises(ValueError, match="declared twice"):
        window.window_actions.add([again])


def test_the_shortcut_sheet_lists_every_declared_action_with_its_keys(window) -> None:  # noqa: ANN001
    sheet = window.shortcuts.show_sheet()
    listed = {
        sheet.table.item(r, 0).data(0x0100): sheet.table.item(r, 1).text()  # UserRole: the action's name
        for r in range(sheet.table.rowCount())
        if sheet.table.item(r, 1) is not None
    }
    for spec in table(window):
        assert spec.name in listed, spec.name
        assert listed[spec.name] == shortcuts.keys_text(window.action(spec.name))
    sheet.close()


# ------------------------------------------------------------------ translation
def test_every_declared_text_is_retranslated_in_korean(window) -> None:  # noqa: ANN001
    english = {spec.name: window.action(spec.name).text() for spec in table(window)}
    english_titles = {key: menu.title() for key, menu in window.menus.items()}
    try:
        assert window.set_language("ko")
        shown = {text for _where, text in visible_strings(window)}  # the walk of test_i18n: what a student sees
        for spec in table(window):
            action = window.action(spec.name)
            if not spec.translate:
                continue
            context = window.window_actions.context(spec.name)
            assert action.text() == QCoreApplication.translate(context, spec.text), spec.name
            assert action.text() != english[spec.name], spec.name
            assert not english_words(action.toolTip(), ALLOWED), (spec.name, action.toolTip())
            if spec.menu is not None:
                assert action.text() in shown, spec.name
        for key, menu in window.menus.items():
            assert menu.title() != english_titles[key], key
    finally:
        window.set_language("en")
    assert all(window.action(n).text() == text for n, text in english.items())


def test_play_shows_pause_while_playing_in_either_language(window) -> None:  # noqa: ANN001
    play = window.action("play")
    window.controller.play()
    assert play.isChecked() and play.text() == "Pause"
    window.set_language("ko")
    assert play.text() == QCoreApplication.translate("MainWindow", "Pause") != "Pause"
    window.controller.pause()
    assert not play.isChecked() and play.text() == QCoreApplication.translate("MainWindow", "Play")
    window.set_language("en")
    assert i18n.current_language() == "en" and play.text() == "Play"


# ------------------------------------------------------------------ enabled-when
def test_step_actions_are_disabled_while_playing(window) -> None:  # noqa: ANN001
    gated = [spec.name for spec in table(window) if spec.enabled_when == "idle"]
    assert set(gated) == {"step_forward", "step_back", "finish_step", "train_epoch"}
    assert all(window.action(n).isEnabled() for n in gated)
    window.action("play").trigger()
    assert window.controller.playing
    assert not any(window.action(n).isEnabled() for n in gated)
    steps = window.session.steps
    window.action("train_epoch").trigger()  # a disabled action does nothing
    assert window.session.steps == steps
    window.action("play").trigger()
    assert not window.controller.playing
    assert all(window.action(n).isEnabled() for n in gated)


def test_a_block_holds_actions_back_until_lifted_and_their_own_rules_then_apply(window) -> None:  # noqa: ANN001
    actions, stack = window.window_actions, window.session.undo_stack
    set_weight(window, 0, 0, 0, 0.25)
    set_weight(window, 0, 0, 0, 0.5)
    names = ("undo", "redo", "step_forward", "fit")
    actions.block("test", names)
    assert not any(window.action(n).isEnabled() for n in names)
    stack.undo()
    stack.undo()  # can no longer undo: the stack disables its action, and may enable redo
    stack.redo()  # can undo again: the stack enables "undo", the block disables it again
    assert not window.action("undo").isEnabled() and not window.action("redo").isEnabled()
    window.controller.play()
    actions.unblock("test")
    assert window.action("undo").isEnabled() and window.action("redo").isEnabled()  # there is something to redo
    assert window.action("fit").isEnabled()
    assert not window.action("step_forward").isEnabled()  # still playing: "idle" decides
    window.controller.pause()
    assert window.action("step_forward").isEnabled()
    with pytest.raises(KeyError):
        actions.block("typo", ["no_such_action"])


# ------------------------------------------------------------------ one implementation per action
def test_add_hidden_layer_from_the_edit_menu_and_the_canvas_menu_is_one_edit(window) -> None:  # noqa: ANN001
    s = window.session
    assert window.network_view.edits.set_activation(1, "tanh")
    before = (list(s.network.sizes), list(s.network.activations))
    canvas = next(a for a in window.network_view.menus.canvas_menu().actions() if a.objectName() == "add_hidden_layer")
    results = []
    for action in (window.action("add_layer"), canvas):
        action.trigger()
        results.append((list(s.network.sizes), list(s.network.activations), s.undo_stack.undoText()))
        window.action("undo").trigger()
        assert (list(s.network.sizes), list(s.network.activations)) == before
    assert results[0] == results[1]
    assert results[0][0] == before[0][:-1] + [before[0][-2], before[0][-1]]
    assert results[0][1][-2] == "tanh"


# ------------------------------------------------------------------ the declared window interface
def test_the_main_window_implements_the_declared_interface(window) -> None:  # noqa: ANN001
    assert isinstance(window, WindowInterface)
    members = set(WindowInterface.__annotations__) | {n for n in vars(WindowInterface) if not n.startswith("_")}
    assert {"session", "files", "action", "report_error", "set_document_name", "retranslated"} <= members
    for name in sorted(members):
        assert hasattr(window, name), name
    assert isinstance(window.window_actions, WindowActions)


PRIVATE_REACH = re.compile(r"\b(?:window|win|w|self\.window|self\._window|self\.window_)\._[a-z]")


def test_no_module_reaches_into_the_window_s_private_attributes() -> None:
    offenders = []
    for path in sorted(GUI.rglob("*.py")):
        if path.name == "main_window.py":
            continue  # the window's own code
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            code = line.split("#", 1)[0]
            if PRIVATE_REACH.search(code):
                offenders.append(f"{path.relative_to(GUI.parent)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_actions_join_the_window_only_through_the_registry(window) -> None:  # noqa: ANN001
    with pytest.raises(TypeError):
        window.actions_by_name["sneaky"] = window.action("play")  # type: ignore[index]
