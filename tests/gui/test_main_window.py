"""Every action of the main window does what its name says, through action.trigger() as a menu click would."""

from __future__ import annotations

import json
import time

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

import model
from gui import i18n
from gui.commands import SetParameterCommand, push
from model import presets
from tests.gui.conftest import network_finite, weights_of

ALL_ACTIONS = (
    "step_forward",
    "step_back",
    "finish_step",
    "train_epoch",
    "play",
    "reset",
    "randomize",
    "undo",
    "redo",
    "open",
    "save",
    "save_as",
    "new",
    "backward_view",
    "detailed",
    "thumbnails",
    "log_scale",
    "fit",
    "zoom_in",
    "zoom_out",
    "add_layer",
    "about",
    "language_en",
    "language_ko",
) + tuple(f"example_{name}" for name in presets.PRESETS)


def process_for(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        QCoreApplication.processEvents()


def set_weight(window, k: int, i: int, j: int, value: float) -> None:  # noqa: ANN001
    push(window.session, SetParameterCommand(window.session, "W", k, i, j, value))


def type_into(field, text: str) -> None:  # noqa: ANN001
    """Replace a line edit's text by typing, then press Enter (editingFinished / returnPressed)."""
    field.setFocus()
    field.selectAll()
    QTest.keyClick(field, Qt.Key.Key_Delete)
    if text:
        QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Return)


# ---------------------------------------------------------------- the surface
def test_every_named_action_exists_with_text(window) -> None:  # noqa: ANN001
    for name in ALL_ACTIONS:
        action = window.action(name)
        assert action.objectName() == name
        assert action.text(), name
    assert window.action("step_forward").shortcut().toString() == "Right"


def test_title_names_the_app_and_document_and_marks_edits(window, tmp_path) -> None:  # noqa: ANN001
    title = window.windowTitle()
    assert "Backprop Playground" in title and "Learning XOR" in title
    assert not window.isWindowModified()
    set_weight(window, 0, 0, 0, 0.25)
    assert window.isWindowModified()
    assert "[*]" in window.windowTitle()  # Qt shows the modified mark at the placeholder
    window.action("undo").trigger()
    assert not window.isWindowModified()
    set_weight(window, 0, 0, 0, 0.5)
    path = tmp_path / "my net.json"
    assert window.files.save_to(path)
    assert "my net.json" in window.windowTitle() and "Backprop Playground" in window.windowTitle()
    assert not window.isWindowModified()


# ---------------------------------------------------------------- stepping
def test_step_forward_back_finish_and_epoch(window) -> None:  # noqa: ANN001
    s = window.session
    start = weights_of(window)
    window.action("step_forward").trigger()
    assert s.phase == "forward 1"
    window.action("step_forward").trigger()
    assert s.phase == "forward 2"
    window.action("step_back").trigger()
    assert s.phase == "forward 1"
    window.action("finish_step").trigger()
    assert s.phase == "update" and s.steps == 1
    assert not all(np.array_equal(a, b) for a, b in zip(start, weights_of(window), strict=True))
    assert "step 1" in window.phase_label.text()
    epoch = s.trainer.epoch
    window.action("train_epoch").trigger()
    assert s.trainer.epoch == epoch + 1
    assert s.phase == "ready"  # an epoch is not stepped phase by phase
    assert "epoch 2" in window.phase_label.text() or f"epoch {s.trainer.epoch}" in window.phase_label.text()


def test_step_back_at_the_start_says_so_and_changes_nothing(window) -> None:  # noqa: ANN001
    before = weights_of(window)
    window.action("step_back").trigger()
    assert window.session.phase == "ready"
    assert all(np.array_equal(a, b) for a, b in zip(before, weights_of(window), strict=True))


def test_detailed_makes_the_forward_pass_node_by_node(window) -> None:  # noqa: ANN001
    window.action("detailed").setChecked(True)
    phases = []
    for _ in range(4):
        window.action("step_forward").trigger()
        phases.append(window.session.phase)
    assert phases == ["forward 1.0", "forward 1.1", "forward 2.0", "loss"]
    window.action("detailed").setChecked(False)
    assert window.session.phase == "ready"
    window.action("step_forward").trigger()
    assert window.session.phase == "forward 1"


# ---------------------------------------------------------------- play
def test_play_trains_while_the_event_loop_runs_and_pause_stops(window, qtbot) -> None:  # noqa: ANN001
    s = window.session
    play = window.action("play")
    play.trigger()
    assert window.controller.playing and play.isChecked()
    for name in ("step_forward", "step_back", "finish_step", "train_epoch"):
        assert not window.action(name).isEnabled(), name
    qtbot.waitUntil(lambda: s.steps > 20, timeout=5000)
    play.trigger()
    assert not window.controller.playing and not play.isChecked()
    assert window.action("step_forward").isEnabled()
    steps = s.steps
    process_for(0.1)
    assert s.steps == steps
    assert s.trainer.step_losses and np.isfinite(s.trainer.step_losses).all()
    assert network_finite(window)


def test_play_then_step_starts_a_fresh_step(window, qtbot) -> None:  # noqa: ANN001
    s = window.session
    window.action("step_forward").trigger()
    window.action("play").trigger()
    qtbot.waitUntil(lambda: s.steps > 0, timeout=5000)
    window.action("play").trigger()
    assert s.phase == "ready"
    window.action("step_forward").trigger()
    assert s.phase == "forward 1"


# ---------------------------------------------------------------- reset / randomise / undo
def test_reset_restores_the_initial_weights_and_undo_brings_back_the_trained_ones(window) -> None:  # noqa: ANN001
    initial = weights_of(window)
    for _ in range(5):
        window.action("train_epoch").trigger()
    trained = weights_of(window)
    assert not np.array_equal(trained[0], initial[0])
    window.action("reset").trigger()
    assert all(np.array_equal(a, b) for a, b in zip(initial, weights_of(window), strict=True))
    assert window.session.steps == 0 and window.session.trainer.epoch == 0
    window.action("undo").trigger()
    assert all(np.array_equal(a, b) for a, b in zip(trained, weights_of(window), strict=True))


def test_randomize_changes_the_weights_and_undo_redo_are_exact(window) -> None:  # noqa: ANN001
    before = weights_of(window)
    window.action("randomize").trigger()
    after = weights_of(window)
    assert not np.array_equal(before[0], after[0])
    assert network_finite(window)
    window.action("undo").trigger()
    assert all(np.array_equal(a, b) for a, b in zip(before, weights_of(window), strict=True))
    window.action("redo").trigger()
    assert all(np.array_equal(a, b) for a, b in zip(after, weights_of(window), strict=True))


def test_undo_redo_actions_follow_the_stack(window) -> None:  # noqa: ANN001
    undo, redo = window.action("undo"), window.action("redo")
    assert not undo.isEnabled() and not redo.isEnabled()
    set_weight(window, 1, 0, 0, 3.0)
    set_weight(window, 1, 1, 0, -3.0)
    assert undo.isEnabled() and not redo.isEnabled()
    undo.trigger()
    assert window.session.network.weights[1][1, 0] != -3.0 and window.session.network.weights[1][0, 0] == 3.0
    assert redo.isEnabled()
    undo.trigger()
    assert window.session.network.weights[1][0, 0] != 3.0
    assert not undo.isEnabled()
    redo.trigger()
    redo.trigger()
    assert window.session.network.weights[1][:, 0].tolist() == [3.0, -3.0]


def test_add_layer_and_undo(window) -> None:  # noqa: ANN001
    s = window.session
    sizes = list(s.network.sizes)
    window.action("add_layer").trigger()
    added = sizes[:-1] + [sizes[-2]] + sizes[-1:]  # a copy of the last hidden layer
    assert s.network.sizes == added
    assert network_finite(window)
    window.select(("node", 2, 1))  # a node of the new layer
    assert "Hidden node (2, 1)" in window.inspector_text()
    window.action("undo").trigger()
    assert s.network.sizes == sizes
    assert window.network_view.selection is None  # the node no longer exists
    window.action("redo").trigger()
    assert s.network.sizes == added


def test_edit_add_layer_and_the_canvas_menu_are_one_edit(window) -> None:  # noqa: ANN001
    """Edit ▸ Add hidden layer and the canvas menu's entry: same position, size, activation and bias."""
    s = window.session
    assert window.network_view.edits.set_activation(
        1, "tanh"
    )  # a non-default last hidden layer shows whether it is copied
    before = (list(s.network.sizes), list(s.network.activations), list(s.network.bias))
    results = []
    for trigger in (
        lambda: window.action("add_layer").trigger(),
        lambda: next(
            a for a in window.network_view.menus.canvas_menu().actions() if a.objectName() == "add_hidden_layer"
        ).trigger(),
    ):
        trigger()
        results.append(
            (list(s.network.sizes), list(s.network.activations), list(s.network.bias), s.undo_stack.undoText())
        )
        window.action("undo").trigger()
        assert (list(s.network.sizes), list(s.network.activations), list(s.network.bias)) == before
    assert results[0] == results[1]
    sizes, activations, _bias, _text = results[0]
    assert sizes == before[0][:-1] + [before[0][-2]] + before[0][-1:]  # a copy of the last hidden layer
    assert activations[-2] == "tanh"


# ---------------------------------------------------------------- view toggles
def test_backward_view_switches_the_view_mode_both_ways(window) -> None:  # noqa: ANN001
    assert window.network_view.view_mode == "forward"
    window.action("backward_view").trigger()
    assert window.network_view.view_mode == "backward" and window.view_mode.currentIndex() == 1
    window.view_mode.setCurrentIndex(0)
    assert window.network_view.view_mode == "forward"
    assert not window.action("backward_view").isChecked()


def test_thumbnails_put_each_neurons_map_on_its_node(window) -> None:  # noqa: ANN001
    scene = window.network_view.scene()
    window.action("thumbnails").trigger()
    assert window.network_view.thumbnails
    assert (1, 0) in scene.map_images and (1, 1) in scene.map_images
    window.action("thumbnails").trigger()
    assert not window.network_view.thumbnails


def test_log_scale_toggles_the_loss_plot_and_follows_its_checkbox(window) -> None:  # noqa: ANN001
    window.action("train_epoch").trigger()
    window.action("log_scale").trigger()
    assert window.loss_plot.log_scale
    assert window.loss_plot.plot_item.ctrl.logYCheck.isChecked()
    window.action("log_scale").trigger()
    assert not window.loss_plot.log_scale
    window.loss_plot.log_check.setChecked(True)  # the plot's own checkbox: the menu item follows
    assert window.action("log_scale").isChecked()


def test_log_scale_after_the_history_was_cleared_draws_without_overflow(make_window, qtbot) -> None:  # noqa: ANN001
    """Switching to a log axis with no losses must not read the old linear range (up to ~400) as 10^400."""
    window = make_window("house_price")
    for _ in range(3):
        window.action("train_epoch").trigger()  # losses around 400
    qtbot.wait(50)
    window.action("reset").trigger()  # the loss history starts afresh: nothing to plot
    window.action("log_scale").trigger()
    try:
        window.loss_plot.plot_widget.grab()  # paints the axes (an overflow warning is an error in this suite)
        low, high = window.loss_plot.plot_item.getViewBox().viewRange()[1]
        assert high < 300, (low, high)
    finally:
        window.action("log_scale").trigger()  # back to linear, so that teardown's repaint does not warn again


def test_fit_and_zoom(window) -> None:  # noqa: ANN001
    view = window.network_view
    window.action("fit").trigger()
    fitted = view.transform().m11()
    window.action("zoom_in").trigger()
    assert view.transform().m11() == pytest.approx(fitted * 1.25)
    window.action("zoom_out").trigger()
    window.action("zoom_out").trigger()
    assert view.transform().m11() == pytest.approx(fitted / 1.25)
    window.action("fit").trigger()
    assert view.transform().m11() == pytest.approx(fitted)


# ---------------------------------------------------------------- documents
@pytest.mark.parametrize("name", presets.PRESETS)
def test_every_example_action_loads_its_preset(window, name) -> None:  # noqa: ANN001
    expected = presets.load_preset(name)
    set_weight(window, 0, 0, 0, 42.0)  # unsaved work: the fixture's dialog answers "Discard"
    window.action(f"example_{name}").trigger()
    s = window.session
    assert s.network.sizes == expected.network.sizes
    assert all(np.array_equal(a, b) for a, b in zip(s.network.weights, expected.network.weights, strict=True))
    assert s.undo_stack.count() == 0 and not window.isWindowModified()
    assert s.phase == "ready" and s.steps == 0
    assert "Backprop Playground" in window.windowTitle()
    window.action("finish_step").trigger()  # every preset can take a step
    assert s.steps == 1 or "step" in s.network.activations


def test_switching_example_with_unsaved_changes_can_be_cancelled(window, dialogs) -> None:  # noqa: ANN001
    set_weight(window, 0, 0, 0, 42.0)
    dialogs.question_answer = QMessageBox.StandardButton.Cancel
    window.action("example_house_price").trigger()
    assert dialogs.of("question")
    assert window.session.network.weights[0][0, 0] == 42.0
    assert window.isWindowModified()


def test_new_opens_an_untitled_xor(window, dialogs) -> None:  # noqa: ANN001
    window.action("example_house_price").trigger()
    window.action("new").trigger()
    assert window.session.network.sizes == presets.load_preset("xor_train").network.sizes
    assert "untitled" in window.windowTitle()
    assert window.path is None


def test_save_and_open_round_trip(window, tmp_path) -> None:  # noqa: ANN001
    set_weight(window, 0, 1, 0, 1.25)
    window.session.set_setting("lr", 0.3)
    path = tmp_path / "saved.json"
    assert window.files.save_to(path)
    saved = weights_of(window)
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "backprop-playground"
    assert "Saved" in window.message_bar.text()
    set_weight(window, 0, 1, 0, -7.0)
    assert window.files.open_path(path)
    assert all(np.array_equal(a, b) for a, b in zip(saved, weights_of(window), strict=True))
    assert window.session.settings.lr == 0.3
    assert window.path == path and "saved.json" in window.windowTitle()
    assert not window.isWindowModified()


def test_open_and_save_actions_use_the_file_dialogs(window, dialogs, tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "via_dialog.json"
    dialogs.save_path = str(path)
    window.action("save").trigger()  # never saved: asks for a name
    assert dialogs.of("save_dialog") and path.exists()
    window.action("example_house_price").trigger()
    dialogs.open_path = str(path)
    window.action("open").trigger()
    assert dialogs.of("open_dialog")
    assert window.path == path and window.session.network.sizes == [2, 2, 1]
    set_weight(window, 0, 0, 0, 9.0)
    window.action("save").trigger()  # has a name now: no dialog
    assert len(dialogs.of("save_dialog")) == 1
    assert model.load(path).network.weights[0][0, 0] == 9.0


@pytest.mark.parametrize(
    "content",
    [
        "{broken",
        json.dumps({"format": "backprop-playground", "version": 1}),
        json.dumps({"format": "something else"}),
        "",
    ],
)
def test_opening_a_broken_file_reports_one_error_and_changes_nothing(window, dialogs, tmp_path, content) -> None:  # noqa: ANN001
    before = weights_of(window)
    title = window.windowTitle()
    path = tmp_path / "broken.json"
    path.write_text(content, encoding="utf-8")
    assert not window.files.open_path(path)
    assert len(dialogs.of("warning")) == 1
    assert "broken.json" in dialogs.of("warning")[0]
    assert "broken.json" in window.message_bar.text()
    assert all(np.array_equal(a, b) for a, b in zip(before, weights_of(window), strict=True))
    assert window.windowTitle() == title and window.path is None
    window.action("finish_step").trigger()  # still usable
    assert window.session.steps == 1


def test_opening_a_missing_file_reports_one_error(window, dialogs, tmp_path) -> None:  # noqa: ANN001
    assert not window.files.open_path(tmp_path / "nope.json")
    assert len(dialogs.of("warning")) == 1


def test_saving_into_a_missing_folder_reports_and_stays_modified(window, dialogs, tmp_path) -> None:  # noqa: ANN001
    set_weight(window, 0, 0, 0, 2.0)
    assert not window.files.save_to(tmp_path / "no" / "such" / "dir" / "x.json")
    assert len(dialogs.of("warning")) == 1
    assert window.isWindowModified() and window.path is None


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(window, dialogs) -> None:  # noqa: ANN001
    set_weight(window, 0, 0, 0, 2.0)
    dialogs.question_answer = QMessageBox.StandardButton.Cancel
    assert not window.close()
    assert window.isVisible() and dialogs.of("question")


def test_about(window, dialogs) -> None:  # noqa: ANN001
    window.action("about").trigger()
    assert dialogs.of("about") and "Backprop Playground" in dialogs.of("about")[0]


# ---------------------------------------------------------------- language
def test_language_actions_switch_or_say_why_not(window) -> None:  # noqa: ANN001
    english_file_menu = window.menus["file"].title()
    window.action("language_ko").trigger()
    qm = i18n.TRANSLATIONS / "backprop_ko.qm"
    if qm.exists():
        assert i18n.current_language() == "ko"
        assert window.menus["file"].title() != english_file_menu
        assert window.action("language_ko").isChecked()
    else:
        assert i18n.current_language() == "en"
        assert "missing" in window.message_bar.text() and window.message_bar.isVisible()
        assert window.action("language_en").isChecked()
    window.action("finish_step").trigger()  # usable either way
    assert window.session.steps == 1
    window.action("language_en").trigger()
    assert i18n.current_language() == "en"
    assert window.menus["file"].title() == english_file_menu
    assert window.action("language_en").isChecked()


def test_missing_translation_is_reported_not_fatal(window, monkeypatch, tmp_path) -> None:  # noqa: ANN001
    monkeypatch.setattr(i18n, "TRANSLATIONS", tmp_path)  # no .qm here
    assert not window.set_language("ko")
    assert "missing" in window.message_bar.text()
    assert i18n.current_language() == "en" and window.action("language_en").isChecked()
    window.action("step_forward").trigger()
    assert window.session.phase == "forward 1"


# ---------------------------------------------------------------- divergence and dead gradients
def _play_until_paused(window, qtbot) -> None:  # noqa: ANN001
    window.action("play").trigger()
    qtbot.waitUntil(lambda: not window.controller.playing, timeout=10_000)


def _set_lr_in_the_panel(window, text: str) -> None:  # noqa: ANN001
    field = window.training_panel.findChild(type(window.training_panel.fields["lr"][0]), "setting_lr")
    type_into(field, text)
    assert window.session.settings.lr == float(text)


def test_a_huge_learning_rate_on_a_regression_pauses_play_with_a_message(make_window, qtbot) -> None:  # noqa: ANN001
    window = make_window("house_price")
    _set_lr_in_the_panel(window, "1e6")
    _play_until_paused(window, qtbot)
    text = window.message_bar.text()
    assert "diverged" in text and "learning rate" in text
    assert window.message_bar.isVisible()
    assert window.statusBar().currentMessage() == text
    assert not window.action("play").isChecked()
    assert network_finite(window)
    assert np.isfinite(window.session.trainer.step_losses).all()
    # Stepping now refuses with the same reason instead of computing garbage.
    steps = window.session.steps
    window.action("finish_step").trigger()
    assert window.session.steps == steps
    assert "diverged" in window.message_bar.text()
    # Reset and a sensible learning rate let training go on (the diverged weights themselves are refused).
    window.action("reset").trigger()
    _set_lr_in_the_panel(window, "0.0001")
    window.action("finish_step").trigger()
    assert window.session.steps == 1
    assert network_finite(window)


def test_a_huge_learning_rate_on_xor_pauses_play_with_a_message(make_window, qtbot) -> None:  # noqa: ANN001
    """BCE + sigmoid stays finite while the weights explode: the trainer must still call it diverged."""
    window = make_window("xor_train")
    _set_lr_in_the_panel(window, "1e6")
    _play_until_paused(window, qtbot)
    text = window.message_bar.text()
    assert "diverged" in text and "learning rate" in text
    assert window.message_bar.isVisible() and window.statusBar().currentMessage() == text
    assert not window.action("play").isChecked()
    assert network_finite(window)
    assert np.isfinite(window.session.trainer.step_losses).all()


def test_a_step_network_says_its_gradients_are_zero(make_window) -> None:  # noqa: ANN001
    window = make_window("xor_by_hand")
    window.action("detailed").setChecked(False)
    window.select(("edge", 0, 0, 0))
    before = weights_of(window)
    window.action("finish_step").trigger()
    g = window.session.gradients
    assert g is not None and all(not dw.any() for dw in g.dW)
    assert "passes no gradient back" in window.inspector_text()
    assert all(np.array_equal(a, b) for a, b in zip(before, weights_of(window), strict=True))
    # The hand-made XOR is right on all four rows.
    net, data = window.session.network, window.session.dataset
    assert net.predict(data.X).ravel().tolist() == data.Y.ravel().tolist()


def test_precision_box_changes_the_digits_shown(make_window) -> None:  # noqa: ANN001
    window = make_window("backprop_walkthrough")
    window.action("detailed").setChecked(False)
    window.action("finish_step").trigger()
    window.select(("edge", 0, 1, 0))
    window.precision_box.setValue(2)
    short = window.inspector_text()
    window.precision_box.setValue(8)
    long = window.inspector_text()
    assert "10.00112" in long and "10.00112" not in short
