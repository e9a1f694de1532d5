"""View → Inside the network: the per-layer panel, the history scrubber and breakpoints, through the actions."""

from __future__ import annotations

import numpy as np

import model
from gui.lab.flow_dock import TAB_NAMES
from model import breakpoints as bp
from model.param_history import flatten


def _open(window):  # noqa: ANN001, ANN202
    window.action("flow_panel").trigger()
    panel = window.flow.panel
    assert window.docks["flow"].isVisible()
    return panel


def test_action_opens_the_panel_with_one_row_per_layer(window, qtbot) -> None:  # noqa: ANN001
    panel = _open(window)
    qtbot.waitUntil(lambda: panel.isVisible())
    for _ in range(3):
        window.action("train_epoch").trigger()
    panel.refresh()
    assert panel.table.rowCount() == window.session.network.n_layers == 2
    assert panel.table.item(0, 0).text() == "1 · sigmoid"
    assert panel.table.item(1, 5).text() not in ("", "–")  # a gradient norm
    assert len(panel.series.steps) >= 2 and np.all(panel.series.norms > 0)
    assert "training samples" in panel.summary.text()


def test_statistics_wait_while_the_panel_is_hidden(window) -> None:  # noqa: ANN001
    panel = window.flow.panel
    assert not panel.isVisible()
    window.action("train_epoch").trigger()
    assert panel.layers == ()  # nothing computed for a hidden panel
    _open(window)
    panel.refresh()
    assert len(panel.layers) == 2


def test_scrub_to_a_past_step_is_read_only_and_back_to_now_restores(window) -> None:  # noqa: ANN001
    panel = _open(window)
    for _ in range(20):
        window.action("train_epoch").trigger()
    net = window.session.network
    present = flatten(net.weights, net.biases)
    past = panel.recorder.history.row(5)
    panel.show_step(5)
    assert np.array_equal(flatten(net.weights, net.biases), past)
    assert not window.action("step_forward").isEnabled() and not window.action("undo").isEnabled()
    assert "read-only" in panel.step_label.text()
    panel.now_button.click()
    assert np.array_equal(flatten(net.weights, net.biases), present)
    assert window.action("step_forward").isEnabled()
    assert window.session.steps == 20


def test_continue_from_here_is_one_undo_step(window) -> None:  # noqa: ANN001
    panel = _open(window)
    for _ in range(10):
        window.action("train_epoch").trigger()
    net = window.session.network
    present = flatten(net.weights, net.biases)
    past = panel.recorder.history.row(4)
    count = window.session.undo_stack.count()
    panel.show_step(4)
    panel.continue_button.click()
    assert np.array_equal(flatten(net.weights, net.biases), past)
    assert window.session.undo_stack.count() == count + 1
    window.action("undo").trigger()
    assert np.array_equal(flatten(net.weights, net.biases), present)


def test_breakpoint_pauses_play_with_a_status_sentence(window, qtbot) -> None:  # noqa: ANN001
    panel = _open(window)
    panel.breakpoint_actions[bp.TRAIN_ACCURACY_FULL].trigger()
    assert bp.TRAIN_ACCURACY_FULL in panel.recorder.breakpoints.enabled
    window.action("play").trigger()
    qtbot.waitUntil(lambda: not window.controller.playing, timeout=20_000)
    assert "100 %" in window.statusBar().currentMessage()
    s = window.session
    step = s.steps
    assert s.trainer.evaluate()[1] == 1.0
    weights, biases = panel.recorder.history.params(step - 1)  # one step earlier: not yet all right
    before = s.network.copy()
    before.weights, before.biases = weights, biases
    X, Y = s.dataset.X, s.dataset.Y
    assert np.any((before.predict(X) > 0.5) != (Y > 0.5))


def test_selected_weight_is_watched(window) -> None:  # noqa: ANN001
    panel = _open(window)
    window.select(("edge", 1, 0, 0))
    window.network_view.selection_changed.emit(("edge", 1, 0, 0))
    assert panel.recorder.breakpoints.weight == (1, 0, 0)
    assert "(1, 0)" in panel.weight_label.text() and "(2, 0)" in panel.weight_label.text()


def test_a_lesson_opens_the_panel_with_its_breakpoint_and_pauses_where_a_neuron_dies(window, qtbot) -> None:  # noqa: ANN001
    window.action("example_dead_relu").trigger()
    panel = window.flow.panel
    qtbot.waitUntil(lambda: panel.isVisible())
    assert panel.breakpoint_actions[bp.UNIT_DIED].isChecked() and panel.tabs.currentIndex() == TAB_NAMES["a"]
    window.action("play").trigger()
    qtbot.waitUntil(lambda: not window.controller.playing, timeout=20_000)
    assert "died" in window.statusBar().currentMessage()
    panel.refresh()
    assert any(layer.dead.any() for layer in panel.layers)
    assert any(panel.table.item(row, 4).text() not in ("0 %", "–") for row in range(2))
    # Scrub one step back: the neuron was alive then.
    dead_now = sum(int(layer.dead.sum()) for layer in panel.layers)
    step = window.session.steps
    panel.show_step(step - 1)
    assert panel.recorder.preview_step == step - 1
    panel.refresh()
    assert sum(int(layer.dead.sum()) for layer in panel.layers) < dead_now
    panel.now_button.click()
    assert window.session.steps == step


def test_early_stopping_brings_back_the_best_weights_and_says_so(window, qtbot) -> None:  # noqa: ANN001
    window.action("example_overfitting").trigger()
    panel = window.flow.panel
    panel.breakpoint_actions[bp.VALIDATION_ROSE].setChecked(False)
    window.session.set_setting("patience", 5)
    window.action("play").trigger()
    qtbot.waitUntil(lambda: not window.controller.playing, timeout=30_000)
    trainer = window.session.trainer
    assert trainer.restored_epoch is not None
    assert "are back" in window.statusBar().currentMessage()
    val = [r.val_loss for r in trainer.history]
    assert trainer.evaluate(model.VALIDATION)[0] == min(val)
    # The history ends on the restored weights: "now" on the slider is what the network holds.
    net = window.session.network
    assert np.array_equal(panel.recorder.history.row(window.session.steps), flatten(net.weights, net.biases))


def test_dropout_is_a_training_setting_with_undo_and_a_refusal_for_rates_of_one(window) -> None:  # noqa: ANN001
    edit = window.training_panel.fields["dropout"][0]
    edit.setText("0.5")
    edit.editingFinished.emit()
    assert window.session.settings.dropout == 0.5
    before = [w.copy() for w in window.session.network.weights]
    window.action("train_epoch").trigger()
    assert not np.array_equal(before[0], window.session.network.weights[0])
    edit.setText("1.5")
    edit.editingFinished.emit()
    assert window.session.settings.dropout == 0.5
    assert "below 1" in window.training_panel.error.text()
    window.action("undo").trigger()  # the epoch
    window.action("undo").trigger()  # the setting
    assert window.session.settings.dropout == 0.0


def test_undoing_training_shortens_the_history(window) -> None:  # noqa: ANN001
    panel = _open(window)
    for _ in range(5):
        window.action("train_epoch").trigger()
    assert panel.recorder.history.latest[0] == 5
    window.action("undo").trigger()
    window.action("undo").trigger()
    assert window.session.steps == 3
    assert list(panel.recorder.history.steps()) == [0, 1, 2, 3]
    net = window.session.network
    assert np.array_equal(panel.recorder.history.row(3), flatten(net.weights, net.biases))
