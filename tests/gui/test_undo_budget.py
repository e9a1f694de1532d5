"""The undo history stays under a memory budget (issue 7): the oldest entries go, the kept ones still work exactly."""

from __future__ import annotations

from gui import undo_budget
from gui.commands import SetParameterCommand, SetSettingCommand, push
from tests.gui.test_undo_training import assert_same, snapshot

MB = 1024 * 1024


def test_the_default_budget_is_200_mb(window) -> None:  # noqa: ANN001
    assert window.session.undo_budget.budget == undo_budget.UNDO_BUDGET == 200 * MB


def test_training_entries_are_counted_in_bytes(make_window) -> None:  # noqa: ANN001
    window = make_window("softmax_classifier")
    s = window.session
    empty = s.undo_budget.size()
    window.action("train_epoch").trigger()
    one = s.undo_budget.size()
    # a training entry holds two checkpoints: at least the parameters, and the histories' arrays
    params = sum(w.nbytes + b.nbytes for w, b in zip(s.network.weights, s.network.biases, strict=True))
    assert one - empty >= 2 * params
    s.train_for(3600.0, max_steps=3000)
    s.close_run()
    assert s.undo_budget.size() > one  # a long run's histories weigh more


def test_oldest_entries_go_beyond_the_budget_and_the_rest_undo_and_redo_exactly(make_window) -> None:  # noqa: ANN001
    window = make_window("softmax_classifier")
    s = window.session
    push(s, SetSettingCommand(s, "batch_size", 10))
    window.action("train_epoch").trigger()
    per_entry = undo_budget.command_bytes([s.undo_stack.command(s.undo_stack.count() - 1)])[0]
    s.undo_budget.budget = 4 * per_entry + per_entry // 2  # room for about four epochs' entries
    states = [snapshot(window)]
    for _ in range(12):
        window.action("train_epoch").trigger()
        states.append(snapshot(window))
        assert s.undo_budget.size() <= s.undo_budget.budget or s.undo_stack.count() == 1
    kept = s.undo_stack.count()
    # 14 entries made (a setting, then 13 epochs); consecutive epochs share a checkpoint, so ~8 fit
    assert 2 <= kept <= 10 and s.undo_budget.dropped == 14 - kept
    # Every kept entry undoes to the state recorded when it was made, and redoes back, bit for bit.
    for k in range(len(states) - 2, len(states) - 2 - kept, -1):
        window.action("undo").trigger()
        assert_same(snapshot(window), states[k])
    assert not window.action("undo").isEnabled()  # the dropped ones are gone
    for k in range(len(states) - kept, len(states)):
        window.action("redo").trigger()
        assert_same(snapshot(window), states[k])


def test_the_saved_state_moves_with_its_entry_or_is_forgotten(make_window, tmp_path) -> None:  # noqa: ANN001
    window = make_window("softmax_classifier")
    s = window.session
    window.action("train_epoch").trigger()
    per_entry = undo_budget.command_bytes([s.undo_stack.command(0)])[0]
    s.undo_budget.budget = 3 * per_entry + per_entry // 2
    assert window.files.save_to(tmp_path / "saved.json")
    assert s.undo_stack.isClean()
    window.action("train_epoch").trigger()
    window.action("undo").trigger()
    assert s.undo_stack.isClean() and not window.isWindowModified()
    for _ in range(8):
        window.action("train_epoch").trigger()
    assert s.undo_budget.dropped > 0 and not s.undo_stack.isClean()
    while window.action("undo").isEnabled():
        window.action("undo").trigger()
        assert not s.undo_stack.isClean()  # the saved state's entry was dropped: no undo claims to reach it


def test_many_small_edits_stay(window) -> None:  # noqa: ANN001
    s = window.session
    for n in range(300):
        push(s, SetParameterCommand(s, "W", 0, 0, 0, n / 1000.0))
    assert s.undo_stack.count() == 300 and s.undo_budget.dropped == 0
    assert s.undo_budget.size() < 2 * MB


def test_nudges_still_merge_after_a_trim(make_window) -> None:  # noqa: ANN001
    window = make_window("softmax_classifier")
    s = window.session
    window.action("train_epoch").trigger()
    per_entry = undo_budget.command_bytes([s.undo_stack.command(0)])[0]
    s.undo_budget.budget = 2 * per_entry
    push(s, SetParameterCommand(s, "W", 0, 0, 0, 0.5, nudge=True))
    for _ in range(4):
        window.action("train_epoch").trigger()
    assert s.undo_budget.dropped > 0
    count = s.undo_stack.count()
    push(s, SetParameterCommand(s, "W", 0, 0, 0, 0.25, nudge=True))
    push(s, SetParameterCommand(s, "W", 0, 0, 0, 0.125, nudge=True))
    assert s.undo_stack.count() == count + 1  # the second nudge merged into the first, as before
    window.action("undo").trigger()
    assert s.network.weights[0][0, 0] != 0.125
