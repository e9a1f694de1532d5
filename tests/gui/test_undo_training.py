"""Ctrl+Z undoes training too: every run is one undo entry, restored exactly both ways.

The states are compared against states recorded at the time (the whole
document as its file text, plus every counter of the trainer), never against a
second undo pass.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from gui.commands import SetDatasetCommand, SetSettingCommand, push
from model import fileformat
from model.dataset import Dataset
from tests.gui.conftest import network_finite


def snapshot(window: Any) -> dict[str, Any]:
    """The whole document (as its file text) and every training counter, copied."""
    s = window.session
    tr = s.trainer
    opt = tr.optimizer
    return {
        "document": fileformat.dumps(s.document),
        "network": s.network.state(),
        "steps": tr.steps,
        "epoch": tr.epoch,
        "losses": np.array(list(tr.step_losses), dtype=float),
        "history": [tuple(r) if not hasattr(r, "__dataclass_fields__") else repr(r) for r in tr.history],
        "optimizer": (opt.name, opt.t, opt.lr, repr(sorted((k, repr(v)) for k, v in opt.state.items()))),
        "rng": repr(tr.rng.bit_generator.state),
        "batch": tr.peek_batch().tolist(),
        "stop": tr.stop_reason,
    }


def assert_same(a: dict[str, Any], b: dict[str, Any]) -> None:
    assert a["document"] == b["document"]
    for key in ("weights", "biases"):
        for x, y in zip(a["network"][key], b["network"][key], strict=True):
            assert np.array_equal(x, y)  # bit for bit (the file text rounds nothing either)
    assert np.array_equal(a["losses"], b["losses"], equal_nan=True)
    for key in ("steps", "epoch", "history", "optimizer", "rng", "batch", "stop"):
        assert a[key] == b[key], key


def phase_label(window: Any) -> str:
    return window.phase_label.text()


# ---------------------------------------------------------------- epochs and runs
def test_three_epochs_are_three_entries_undone_and_redone_exactly(make_window) -> None:  # noqa: ANN001
    window = make_window("softmax_classifier")
    s = window.session
    push(s, SetSettingCommand(s, "batch_size", 10))  # shuffled mini-batches: ~11 steps an epoch
    states = [snapshot(window)]
    for _ in range(3):
        window.action("train_epoch").trigger()
        states.append(snapshot(window))
    per_epoch = states[1]["steps"]
    assert per_epoch > 1 and states[-1]["steps"] == 3 * per_epoch and states[-1]["epoch"] == 3
    assert window.action("undo").text().endswith(f"train {per_epoch} steps")
    for k in (2, 1, 0):
        window.action("undo").trigger()
        assert_same(snapshot(window), states[k])
        assert f"step {states[k]['steps']} " in phase_label(window)
    for k in (1, 2, 3):
        window.action("redo").trigger()
        assert_same(snapshot(window), states[k])
    # Training from the restored state goes on exactly as it did the first time.
    for _ in range(3):
        window.action("undo").trigger()
    window.action("train_epoch").trigger()
    assert_same(snapshot(window), states[1])


def test_train_300_steps_is_one_entry_and_undo_redo_round_trip(make_window) -> None:  # noqa: ANN001
    window = make_window("softmax_classifier")
    s = window.session
    push(s, SetSettingCommand(s, "batch_size", 7))  # epochs end mid-run: schedule and history move too
    push(s, SetSettingCommand(s, "optimizer", "adam"))
    count = s.undo_stack.count()
    before = snapshot(window)
    s.train_for(3600.0, max_steps=300)
    s.close_run()
    after = snapshot(window)
    assert after["steps"] == 300 and after["epoch"] > 10 and len(after["history"]) == after["epoch"]
    assert s.undo_stack.count() == count + 1
    assert window.action("undo").text().endswith("train 300 steps")
    window.action("undo").trigger()
    assert_same(snapshot(window), before)
    assert "step 0 " in phase_label(window)
    window.action("redo").trigger()
    assert_same(snapshot(window), after)
    assert "step 300 " in phase_label(window)


def test_play_then_pause_is_one_entry(window, qtbot) -> None:  # noqa: ANN001
    s = window.session
    count = s.undo_stack.count()
    before = snapshot(window)
    window.action("play").trigger()
    qtbot.waitUntil(lambda: s.steps > 50, timeout=5000)
    window.action("play").trigger()
    after = snapshot(window)
    assert s.undo_stack.count() == count + 1
    assert window.action("undo").text().endswith(f"train {after['steps']} steps")
    window.action("undo").trigger()
    assert_same(snapshot(window), before)
    window.action("redo").trigger()
    assert_same(snapshot(window), after)


def test_undo_while_playing_pauses_and_undoes_the_run(window, qtbot) -> None:  # noqa: ANN001
    s = window.session
    before = snapshot(window)
    window.action("play").trigger()
    qtbot.waitUntil(lambda: s.steps > 20, timeout=5000)
    window.action("undo").trigger()
    assert not window.controller.playing
    assert_same(snapshot(window), before)
    assert window.action("redo").isEnabled()


def test_an_edit_while_playing_lands_after_the_training_so_far(window, qtbot) -> None:  # noqa: ANN001
    s = window.session
    start = snapshot(window)
    window.action("play").trigger()
    qtbot.waitUntil(lambda: s.steps > 20, timeout=5000)
    push(s, SetSettingCommand(s, "lr", 0.5))
    edited = snapshot(window)
    qtbot.waitUntil(lambda: s.steps > edited["steps"] + 20, timeout=5000)
    window.action("play").trigger()
    texts = [s.undo_stack.text(i) for i in range(s.undo_stack.count())]
    assert texts[-3].startswith("train ") and texts[-2] == "change learning rate" and texts[-1].startswith("train ")
    window.action("undo").trigger()
    assert_same(snapshot(window), edited)
    window.action("undo").trigger()
    assert s.settings.lr == start_lr(start)
    window.action("undo").trigger()
    assert_same(snapshot(window), start)


def start_lr(state: dict[str, Any]) -> float:
    return float(fileformat.loads(state["document"]).training.lr)


def test_play_stopped_by_divergence_is_one_entry(window, qtbot) -> None:  # noqa: ANN001
    s = window.session
    push(s, SetSettingCommand(s, "lr", 1e6))
    count = s.undo_stack.count()
    before = snapshot(window)
    said: list[str] = []
    s.message.connect(said.append)
    window.action("play").trigger()
    qtbot.waitUntil(lambda: not window.controller.playing, timeout=5000)
    assert s.trainer.stop_reason is not None and any("diverged" in m for m in said)
    stopped = snapshot(window)
    if stopped["steps"] == 0:  # diverged on the very first step: nothing trained, nothing to undo
        assert s.undo_stack.count() == count
        return
    assert s.undo_stack.count() == count + 1
    window.action("undo").trigger()
    assert_same(snapshot(window), before)
    window.action("redo").trigger()
    assert_same(snapshot(window), stopped)


def test_a_diverging_run_after_some_training_is_one_entry(make_window, qtbot) -> None:  # noqa: ANN001
    window = make_window("house_price")  # lr 1e-4 on unscaled prices: a larger rate diverges within steps
    s = window.session
    push(s, SetSettingCommand(s, "lr", 0.003))
    count = s.undo_stack.count()
    before = snapshot(window)
    window.action("play").trigger()
    qtbot.waitUntil(lambda: not window.controller.playing, timeout=5000)
    stopped = snapshot(window)
    assert s.trainer.stop_reason is not None and stopped["steps"] > 0
    assert s.undo_stack.count() == count + 1
    window.action("undo").trigger()
    assert_same(snapshot(window), before)
    window.action("redo").trigger()
    assert_same(snapshot(window), stopped)


# ---------------------------------------------------------------- stepping by hand
def test_a_run_of_phases_ending_in_an_update_is_one_entry(window) -> None:  # noqa: ANN001
    s = window.session
    count = s.undo_stack.count()
    before = snapshot(window)
    while s.phase != "gradient 1":
        window.action("step_forward").trigger()
    assert s.undo_stack.count() == count  # no parameter has changed yet
    window.action("step_forward").trigger()
    assert s.phase == "update" and s.undo_stack.count() == count + 1
    assert window.action("undo").text().endswith("train 1 step")
    after = snapshot(window)
    window.action("undo").trigger()
    assert s.phase == "ready"
    assert_same(snapshot(window), before)
    window.action("redo").trigger()
    assert_same(snapshot(window), after)


def test_step_back_across_the_update_takes_its_entry_back_too(window) -> None:  # noqa: ANN001
    s = window.session
    count = s.undo_stack.count()
    before = snapshot(window)
    window.action("finish_step").trigger()
    assert s.undo_stack.count() == count + 1
    window.action("step_back").trigger()
    assert s.phase == "gradient 1"
    assert s.undo_stack.count() == count and not window.action("redo").isEnabled()
    assert_same(snapshot(window), before)


# ---------------------------------------------------------------- reset and re-randomise
def test_reset_after_adding_a_layer_keeps_the_layer(window) -> None:  # noqa: ANN001
    s = window.session
    initial = s.network.state()
    window.action("train_epoch").trigger()
    window.action("add_layer").trigger()
    sizes = list(s.network.sizes)
    assert len(sizes) == len(initial["sizes"]) + 1
    window.action("train_epoch").trigger()
    before = snapshot(window)
    window.action("reset").trigger()
    assert s.network.sizes == sizes  # weights only
    assert np.array_equal(s.network.weights[0], initial["weights"][0])  # same shape: the opening weights
    assert s.steps == 0 and s.trainer.epoch == 0 and len(s.trainer.step_losses) == 0
    assert network_finite(window)
    reset = snapshot(window)
    window.action("undo").trigger()
    assert_same(snapshot(window), before)
    window.action("redo").trigger()
    assert_same(snapshot(window), reset)
    window.action("reset").trigger()  # twice: the same start (shapes that changed get the same fresh weights)
    assert s.network.state()["weights"][1].tolist() == reset["network"]["weights"][1].tolist()


def test_reset_after_a_data_change_keeps_the_new_input_layer_and_redraws(window) -> None:  # noqa: ANN001
    s = window.session
    X = np.linspace(-1.0, 1.0, 8).reshape(-1, 1)  # (8, 1): one input now
    data = Dataset(X, (X > 0).astype(float), np.zeros(8, dtype=int), "classification", "line", ["x"], ["y"])
    push(s, SetDatasetCommand(s, data, "new data"))
    assert s.network.sizes[0] == 1
    window.action("train_epoch").trigger()
    window.action("reset").trigger()
    assert s.network.sizes[0] == 1 and s.network.weights[0].shape == (1, s.network.sizes[1])
    window.action("train_epoch").trigger()
    window.network_view.grab()  # every redraw still works on the 1-input network
    window.action("randomize").trigger()
    assert s.network.sizes[0] == 1 and network_finite(window)
    window.grab()
    for _ in range(4):
        window.action("undo").trigger()  # randomise, epoch, reset, epoch
    assert s.steps == 0 and s.network.sizes[0] == 1
    window.action("undo").trigger()  # the data change: two inputs again, and its training state
    assert s.network.sizes[0] == 2 and s.dataset.n_inputs == 2
    window.grab()


def test_randomize_keeps_structure_data_and_settings(window) -> None:  # noqa: ANN001
    s = window.session
    window.action("add_layer").trigger()
    push(s, SetSettingCommand(s, "lr", 0.25))
    doc = fileformat.loads(fileformat.dumps(s.document))
    window.action("randomize").trigger()
    assert s.network.sizes == doc.network.sizes and s.network.activations == doc.network.activations
    assert s.settings.lr == 0.25 and np.array_equal(s.dataset.X, doc.dataset.X)
    assert not np.array_equal(s.network.weights[0], doc.network.weights[0])


# ---------------------------------------------------------------- one refresh path
def test_pause_refreshes_the_views_once(window, qtbot) -> None:  # noqa: ANN001
    s = window.session
    window.action("play").trigger()
    qtbot.waitUntil(lambda: s.steps > 20, timeout=5000)
    refreshes: list[int] = []
    s.values_changed.connect(lambda: refreshes.append(1))
    window.controller.pause()
    assert refreshes == [1]


def test_a_divergence_stop_refreshes_the_views_once(window, qtbot) -> None:  # noqa: ANN001
    s = window.session
    push(s, SetSettingCommand(s, "lr", 1e6))
    refreshes: list[bool] = []
    window.controller.playing_changed.connect(lambda playing: refreshes.append(playing))
    s.values_changed.connect(lambda: refreshes.append(window.controller.playing))
    window.action("play").trigger()
    qtbot.waitUntil(lambda: not window.controller.playing, timeout=5000)
    # Frames while playing (True), then the pause (False), then exactly one redraw after it.
    assert refreshes[-2:] == [False, False] and refreshes.count(False) == 2
