"""The gradient lab's windows, driven through the Lab menu's actions."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QTableWidget

from model.lab import descent as ds
from model.lab import functions2d as f2
from model.presets import load_preset


def open_lab(window, name):
    window.action(name).trigger()
    return window.gradient_lab.windows[name]


def test_lab_menu_lists_the_four_windows(make_window):
    w = make_window("xor_train")
    titles = [a.objectName() for a in w.menus["lab"].actions() if a.objectName()]
    assert titles == ["lab_derivatives", "lab_functions", "lab_gradient_check", "lab_landscape"]
    first = open_lab(w, "lab_functions")
    assert open_lab(w, "lab_functions") is first and first.isVisible()


def test_textbook_preset_draws_the_path_and_its_ledger(make_window):
    lab = open_lab(make_window("xor_train"), "lab_functions")
    lab.apply_preset("note_lr_0_1")
    path = lab.paths["sgd"]
    np.testing.assert_allclose(path.points[-1], np.array([-3.0, 4.0]) * 0.8**20, rtol=1e-9)
    xs, ys = lab.plot.paths["sgd"].getData()
    assert len(xs) == 21 and xs[0] == -3.0 and ys[0] == 4.0
    lab.step_slider.setValue(1)
    text = lab.findChild(QPlainTextEdit, "ledger_text").toPlainText()
    assert "x0 ← x0 − lr × g0 = (-3) − 0.1 × (-6) = -2.4" in text
    assert lab.findChild(QLabel, "opt_sgd_status").text() == "still moving"
    assert "lr < 1" in lab.findChild(QLabel, "stability_label").text()
    assert [t.isVisible() for t in lab.plot.numbers[:3]] == [True, True, False]  # points 0 and 1 numbered


def test_the_four_optimizer_comparison_and_labels(make_window):
    lab = open_lab(make_window("xor_train"), "lab_functions")
    lab.apply_preset("compare")
    assert set(lab.paths) == {"sgd", "momentum", "adagrad", "adam"}
    want = ds.run_path(f2.FUNCTIONS_2D["elliptic"], (-7.0, 2.0), ds.PathSpec("adam", 0.3, 30), numerical=True)
    np.testing.assert_array_equal(lab.paths["adam"].points, want.points)
    assert lab.findChild(QLabel, "opt_sgd_status").text() == "oscillating"
    lab.apply_preset("note_lr_10")
    assert lab.findChild(QLabel, "opt_sgd_status").text() == "diverged"
    assert "past the limit" in lab.findChild(QLabel, "stability_label").text()


def test_the_note_points_and_hover(make_window):
    lab = open_lab(make_window("xor_train"), "lab_functions")
    lab.set_function("sphere")
    for typed, shown in (("3, 4", "(3, 4) → (6, 8)"), ("0, 2", "(0, 2) → (0, 4)"), ("3, 0", "(3, 0) → (6, 0)")):
        lab.point_edit.setText(typed)
        lab.show_point_gradient()
        assert lab.point_result.text().startswith(shown)
    lab.point_edit.setText("three, 4")
    lab.show_point_gradient()
    assert "two numbers" in lab.point_result.text()
    lab._on_plot_hovered(3.0, 4.0)
    assert "f = 25" in lab.hover_label.text() and "(6, 8)" in lab.hover_label.text()


@pytest.mark.parametrize(
    ("typed", "needle"),
    [
        ("x0^2 + * x1", "Character 8"),
        ("x0.real", "Character 3"),
        ("sin x0", "needs its argument"),
        ("y + 1", "'y' is unknown"),
        ("__import__('os')", "Character 1"),
    ],
)
def test_a_typed_typo_gets_a_sentence_pointing_at_it_and_keeps_the_function(make_window, typed, needle):
    lab = open_lab(make_window("xor_train"), "lab_functions")
    before = lab.fn
    edit = lab.findChild(QLineEdit, "expression_edit")
    edit.setText(typed)
    edit.editingFinished.emit()
    assert needle in lab.findChild(QLabel, "expression_error").text()
    assert lab.fn is before
    assert lab.caret.text().splitlines()[0] == typed


def test_a_typed_function_draws_with_its_exact_gradient(make_window):
    lab = open_lab(make_window("xor_train"), "lab_functions")
    assert lab.set_function("typed", "x0^2/20 + x1^2")
    assert lab.fn.key == "typed" and lab.findChild(QLabel, "expression_error").text() == ""
    lab.point_edit.setText("1, 1")
    lab.show_point_gradient()
    assert "exact: (0.1, 2)" in lab.point_result.text()


def test_dragging_the_start_reruns_the_paths(make_window):
    lab = open_lab(make_window("xor_train"), "lab_functions")
    lab.apply_preset("note_lr_0_1")
    lab.plot.start.setPos(1.0, -2.0)  # what a drag does
    assert lab.start == (1.0, -2.0) and tuple(lab.paths["sgd"].points[0]) == (1.0, -2.0)
    lab.findChild(QLineEdit, "start_x0").setText("abc")
    lab.findChild(QLineEdit, "start_x0").editingFinished.emit()
    assert lab.start == (1.0, -2.0) and "two numbers" in lab.findChild(QLabel, "expression_error").text()


def test_bad_learning_rate_is_a_sentence_not_a_path(make_window):
    lab = open_lab(make_window("xor_train"), "lab_functions")
    lab.apply_preset("note_lr_0_1")
    lr = lab.findChild(QLineEdit, "opt_sgd_lr")
    lr.setText("fast")
    lr.editingFinished.emit()
    assert "sgd" not in lab.paths and "lr" in lab.findChild(QLabel, "opt_sgd_status").text()


def test_exports(make_window, dialogs, tmp_path):
    w = make_window("xor_train")
    lab = open_lab(w, "lab_functions")
    lab.apply_preset("note_lr_0_1")
    lab.step_slider.setValue(2)
    dialogs.save_path = str(tmp_path / "path.csv")
    assert lab.export_csv()
    assert (tmp_path / "path.csv").read_text().splitlines()[1] == "0,-3.0,4.0,25.0,-6.00000000000378,7.999999999999119"
    dialogs.save_path = str(tmp_path / "ledger.md")
    assert lab.export_ledger() and "step 2" in (tmp_path / "ledger.md").read_text()
    dialogs.save_path = str(tmp_path / "plot.png")
    lab.png_button.click()
    assert (tmp_path / "plot.png").stat().st_size > 1000


def test_derivatives_show_the_textbook_numbers_and_why_1e_50_fails(make_window):
    panel = open_lab(make_window("xor_train"), "lab_derivatives")
    table = panel.findChild(QTableWidget, "differences_table")
    assert table.item(1, 0).text() == "0.1999999999990898"
    panel.x_edit.setText("10")
    panel.recompute()
    assert table.item(1, 0).text() == "0.2999999999986347"
    panel.h_edit.setText("1e-50")
    panel.recompute()
    assert table.item(0, 0).text() == "0.0" and "x + h == x" in panel.fact_label.text()
    panel.expression_edit.setText("sin(x")
    panel.expression_edit.editingFinished.emit()
    assert "Character 4" in panel.error_label.text()


def test_gradient_check_table_on_the_walkthrough_and_a_step_network(make_window):
    w = make_window("backprop_walkthrough")
    win = open_lab(w, "lab_gradient_check")
    table = win.findChild(QTableWidget, "check_table")
    assert table.rowCount() == 10
    texts = [table.item(r, 1).text() for r in range(10)]
    assert texts.count("-851.2") == 2
    w.load_document(load_preset("xor_by_hand"))
    win.run()
    kinks = [table.item(r, 5).text() for r in range(table.rowCount())]
    assert sum(bool(k) for k in kinks) == 3 and "ReLU/step corner" in win.summary.text()
    win.h_edit.setText("0")
    assert not win.run() and "greater than 0" in win.summary.text()


def test_landscape_follows_training(make_window):
    w = make_window("xor_train")
    win = open_lab(w, "lab_landscape")
    assert win.pair()[0] != win.pair()[1]
    before = win.image.image.copy()
    w.action("train_epoch").trigger()
    win.recompute()
    assert len(win.trail) >= 2 and not np.array_equal(before, win.image.image)
    xs, _ = win.slice_curve.getData()
    assert xs[-1] == pytest.approx(2 * w.session.settings.lr)
    win.span_edit.setText("-1")
    win.span_edit.editingFinished.emit()
    assert "greater than 0" in win.info.text()


def test_inspector_shows_the_selected_weights_gradient_check(make_window):
    w = make_window("backprop_walkthrough")
    w.inspector.set_selection(("edge", 2, 0, 0))
    line = w.inspector.findChild(QLabel, "gradient_check_line")
    assert w.inspector.gradient_check.isVisibleTo(w.inspector)
    assert "backprop -851.2, central difference -851.2" in line.text() and "good" in line.text()
    h = w.inspector.findChild(QLineEdit, "gradient_check_h")
    h.setText("0")
    h.editingFinished.emit()
    assert "greater than 0" in line.text()
    w.inspector.set_selection(("node", 0, 0))  # an input has no parameter: no line
    assert not w.inspector.gradient_check.isVisibleTo(w.inspector)


def test_find_the_bug_lesson(make_window):
    w = make_window("xor_train")
    w.action("example_find_the_bug").trigger()
    assert w.session.network.weights[2][0, 0] == pytest.approx(0.1)
    check = open_lab(w, "lab_gradient_check")
    table = check.findChild(QTableWidget, "check_table")
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["W (2, 0, 0)"] == "-851.2"
    w.action("finish_step").trigger()
    assert w.session.network.weights[2][0, 0] == pytest.approx(8.612)  # not the note's 0.1056
