"""The runs lab through the window's actions: open, run, pause, scrub, adopt a run, undo, the finder, bad values."""

from __future__ import annotations

import numpy as np

from model.runs import RunSet


def lab_of(window):  # noqa: ANN001, ANN201
    return window.runs_lab


def run_to_end(qtbot, window) -> None:  # noqa: ANN001
    window.action("runs_run").trigger()
    qtbot.waitUntil(lambda: not window.action("runs_run").isChecked(), timeout=60_000)


def test_a_lab_lesson_opens_the_dock_ready_and_run_shows_three_labelled_runs(make_window, qtbot) -> None:  # noqa: ANN001
    window = make_window()
    window.action("example_learning_rate_too_small_too_large").trigger()
    lab = lab_of(window)
    dock = lab.dock
    assert dock.isVisible()
    assert dock.variable_combo.currentData() == "lr"
    assert dock.values_edit.text() == "0.001, 0.3, 1"
    assert dock.epochs_spin.value() == 200
    run_to_end(qtbot, window)
    runs = lab.runs
    assert isinstance(runs, RunSet) and len(runs) == 3
    assert [runs.status(k).code for k in range(3)] == ["too_slow", "converging", "diverged"]
    statuses = [dock.table.item(k, 5).text() for k in range(3)]
    assert statuses[0].startswith("too slow") and statuses[1].startswith("converging")
    assert statuses[2].startswith("diverged at step")
    assert "learning rate is too large" in dock.table.item(2, 5).toolTip()
    assert len(dock.curves.train_items) == 3 and len(dock.boundaries.images) == 3
    x, _ = dock.curves.train_items[1].getData()
    assert len(x) == 200
    assert dock.progress.value() == 1000
    # Every run started from the document's weights.
    for k in range(3):
        assert np.array_equal(runs.network(k, epoch=0).weights[0], window.session.network.weights[0])


def test_pause_step_scrub_adopt_and_undo(make_window, qtbot) -> None:  # noqa: ANN001
    window = make_window("xor_train")
    lab = lab_of(window)
    window.action("runs_open").trigger()
    assert lab.dock.isVisible()
    lab.configure("lr", [0.1, 1.0], epochs=50)
    window.action("runs_step_epoch").trigger()
    assert [lab.runs.epoch(k) for k in range(2)] == [1, 1]
    window.action("runs_run").trigger()
    assert window.action("runs_run").isChecked()
    window.action("runs_run").trigger()  # pause
    assert not window.action("runs_run").isChecked() and not lab.timer.isActive()
    run_to_end(qtbot, window)
    assert lab.runs.epoch(1) == 50
    # Scrub back: the boundaries show the parameters at that epoch.
    at_end = lab.dock.boundaries.images[1].image.copy()
    lab.dock.scrubber.setValue(0)
    at_start = lab.dock.boundaries.images[1].image
    assert not np.array_equal(at_start, at_end)
    before, old_lr = window.session.network.state(), window.session.settings.lr
    lab.dock.table.selectRow(0)
    assert window.action("runs_adopt").isEnabled()
    window.action("runs_adopt").trigger()
    adopted = lab.runs.network(0)
    assert window.session.settings.lr == 0.1 != old_lr
    assert np.array_equal(window.session.network.weights[0], adopted.weights[0])
    assert window.session.undo_stack.count() == 1
    window.action("undo").trigger()
    assert np.array_equal(window.session.network.weights[0], before["weights"][0])
    assert window.session.settings.lr == old_lr
    window.action("redo").trigger()
    assert np.array_equal(window.session.network.weights[0], adopted.weights[0])


def test_bad_values_are_refused_with_a_sentence(make_window) -> None:  # noqa: ANN001
    window = make_window("xor_train")
    lab = lab_of(window)
    window.action("runs_open").trigger()
    lab.dock.values_edit.setText("0.1, fast")
    window.action("runs_run").trigger()
    assert lab.runs is None and not window.action("runs_run").isChecked()
    assert "'fast' is not a number" in lab.dock.message.text()
    lab.dock.values_edit.setText("")
    window.action("runs_log_sweep").trigger()
    assert lab.dock.values_edit.text() == "0.001, 0.01, 0.1, 1, 10"


def test_the_finder_suggests_and_its_rate_is_one_undo_entry(make_window) -> None:  # noqa: ANN001
    window = make_window("xor_train")
    lab = lab_of(window)
    window.action("runs_open").trigger()
    assert not window.action("runs_use_lr").isEnabled()
    window.action("runs_find_lr").trigger()
    assert np.isfinite(lab.suggestion) and lab.suggestion > 0
    assert lab.dock.finder_mark.isVisible()
    old = window.session.settings.lr
    window.action("runs_use_lr").trigger()
    assert window.session.settings.lr == float(f"{lab.suggestion:.3g}")
    window.action("undo").trigger()
    assert window.session.settings.lr == old


def test_korean_strings(make_window) -> None:  # noqa: ANN001
    window = make_window("xor_train")
    window.action("language_ko").trigger()
    lab = lab_of(window)
    assert lab.dock.windowTitle() == "실행 비교"
    assert window.action("runs_run").text() == "실행"
    window.action("language_en").trigger()
    assert lab.dock.windowTitle() == "Compare runs"


def test_export_csv_and_png(make_window, dialogs, tmp_path) -> None:  # noqa: ANN001
    window = make_window("xor_train")
    lab = lab_of(window)
    window.action("runs_open").trigger()
    window.action("runs_export_csv").trigger()  # nothing to export yet: one sentence, no file
    assert "nothing to export" in lab.dock.message.text()
    lab.configure("lr", [0.5, 2.0], epochs=3)
    window.action("runs_step_epoch").trigger()
    dialogs.save_path = str(tmp_path / "runs.csv")
    window.action("runs_export_csv").trigger()
    lines = (tmp_path / "runs.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "run,label,epoch,loss,val_loss,accuracy,val_accuracy,lr" and len(lines) == 3
    dialogs.save_path = str(tmp_path / "runs.png")
    window.action("runs_export_png").trigger()
    assert (tmp_path / "runs.png").read_bytes()[:4] == b"\x89PNG"
