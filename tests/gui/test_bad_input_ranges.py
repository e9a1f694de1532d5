"""Numbers out of range, documents that could not be saved, stale selections: one sentence, nothing lost.

The range is model.limits.MAX_VALUE for every weight, bias and data value a
person enters; the rules a whole document keeps are model.document.check,
which the editor, Save, Open and autosave all apply.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit

import model
from gui.window import autosave
from model import fileformat
from model.limits import MAX_VALUE
from tests.gui.conftest import same_state, state_of
from tests.gui.test_bad_input import type_and_enter

OUT_OF_RANGE = ["1e7", "-1000001", "4e307", "1.5e308", "-1.79e308"]


def refused(window, before, typed: str) -> None:  # noqa: ANN001
    assert same_state(before, state_of(window)), "an out-of-range value changed something"
    bar = window.message_bar
    assert bar.isVisible() and "outside the allowed range" in bar.text() and f"'{typed}'" in bar.text()


# ---------------------------------------------------------------- parameters
@pytest.mark.parametrize("text", OUT_OF_RANGE)
@pytest.mark.parametrize("selection", [("edge", 0, 1, 0), ("node", 2, 0)], ids=["weight", "bias"])
def test_inspector_refuses_values_outside_the_range(window, selection, text) -> None:  # noqa: ANN001
    window.select(selection)
    field = window.findChild(QLineEdit, "inspector_value")
    kind, k, i, j = window.inspector._parameter()
    old = window.session.parameter(kind, k, i, j)
    before = state_of(window)
    type_and_enter(field, text)
    refused(window, before, text)
    assert window.findChild(QLabel, "inspector_error").isVisible()
    assert float(field.text()) == old  # the field shows the value still in use, not the refused one
    window.repaint()
    window.grab()


@pytest.mark.parametrize("text", ["1e6", "-1e6", "999999.5"])
def test_inspector_accepts_the_range_limits(window, text) -> None:  # noqa: ANN001
    window.select(("edge", 0, 1, 0))
    type_and_enter(window.findChild(QLineEdit, "inspector_value"), text)
    assert window.session.network.weights[0][1, 0] == float(text)


@pytest.mark.parametrize("text", OUT_OF_RANGE)
def test_inline_editor_refuses_values_outside_the_range(window, text) -> None:  # noqa: ANN001
    view = window.network_view
    window.select(("edge", 1, 0, 0))
    assert view.inline.edit_value(("edge", 1, 0, 0))
    before = state_of(window)
    editor = view.inline.editor
    editor.setText(text)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    refused(window, before, text)
    assert float(view.inline.editor.text()) == window.session.network.weights[1][0, 0]  # restored, still open


@pytest.mark.parametrize("start", [1.5e308, 9.99e5, -9.99e5])
def test_nudging_never_leaves_the_range(make_window, start) -> None:  # noqa: ANN001
    """A bias nudged from 1.5e308 (a file's) must not reach inf, nor NaN on the way back."""
    doc = model.load_preset("xor_train")
    doc.network.biases[0][1] = start
    window = make_window(doc)
    view = window.network_view
    sel = ("node", 1, 1)
    window.select(sel)
    for _ in range(50):
        view.inline.nudge(sel, 10, coarse=True)
    value = window.session.network.biases[0][1]
    assert math.isfinite(value)
    assert abs(value) <= max(MAX_VALUE, abs(start))
    for _ in range(50):
        view.inline.nudge(sel, -10, coarse=True)
    value = window.session.network.biases[0][1]
    assert math.isfinite(value) and np.isfinite(window.session.network.biases[0]).all()
    if abs(start) > MAX_VALUE:
        assert value == start and "outside the allowed range" in window.message_bar.text()
    window.grab()


# ---------------------------------------------------------------- data
def test_data_table_refuses_values_outside_the_range(window) -> None:  # noqa: ANN001
    editor = window.data_editor
    before = window.session.dataset.copy()
    for text in ("1e7", "-1.79e308"):
        assert not editor.edit_cell(0, 2, text)
        assert "outside the allowed range" in window.message_bar.text()
    assert np.array_equal(window.session.dataset.X, before.X)
    assert editor.edit_cell(0, 2, "1e6")
    assert window.session.dataset.X[0, 0] == 1e6


def test_csv_with_values_outside_the_range_is_refused(window, dialogs, tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "big.csv"
    path.write_text("x1,x2,y\n0,0,0\n1,-1.79e308,1\n", encoding="utf-8")
    before = window.session.dataset.copy()
    assert not window.data_editor.import_csv(path)
    assert any("outside the allowed range" in text for text in dialogs.of("warning"))
    assert np.array_equal(window.session.dataset.X, before.X)


def test_plot_click_far_outside_the_range_is_refused(window) -> None:  # noqa: ANN001
    n = window.session.dataset.n
    assert not window.data_editor.add_point(5e6, 0.0, 0)
    assert window.session.dataset.n == n
    assert window.data_editor.add_point(0.5, 0.5, 0)


def test_add_row_after_the_table_was_hidden_and_the_data_replaced(window) -> None:  # noqa: ANN001
    """The hidden table kept a selection of row 150 of the old data; Add row must not index with it."""
    assert window.data_editor.use_source("generator", "circle")
    n = window.session.dataset.n
    assert n > 100
    window.data_panel.select_row(n - 1)
    window.docks["data"].hide()
    assert window.data_editor.use_source("table", "xor")
    assert window.session.dataset.n == 4
    window.action("data_add_row").trigger()
    assert window.session.dataset.n == 5
    window.docks["data"].show()
    window.grab()


# ---------------------------------------------------------------- documents that could not be saved
def test_batch_size_beyond_the_data_limit_is_refused_by_the_field(window, tmp_path) -> None:  # noqa: ANN001
    field = window.findChild(QLineEdit, "setting_batch_size")
    old = window.session.settings.batch_size
    before = state_of(window)
    type_and_enter(field, "20000")
    assert same_state(before, state_of(window))
    assert "largest allowed value 10000" in window.message_bar.text()
    assert field.text() == f"{old:g}"  # the value in use is back in the field, marked
    assert "border" in field.styleSheet()
    type_and_enter(field, "10000")
    assert window.session.settings.batch_size == 10000
    model.save(window.session.document, tmp_path / "ok.json")


def test_softmax_classifier_then_xor_data_can_still_be_saved(make_window, tmp_path) -> None:  # noqa: ANN001
    window = make_window("softmax_classifier")
    assert window.data_editor.use_source("table", "xor")
    net = window.session.network
    assert net.sizes[-1] == 1 and (net.activations[-1], net.loss) == ("sigmoid", "bce")
    assert "sigmoid" in window.message_bar.text()
    window.action("train_epoch").trigger()
    path = tmp_path / "xor.json"
    assert window.files.save_to(path)
    back = model.load(path)
    assert back.network.loss == "bce"
    window.action("undo").trigger()  # the epoch of training
    window.action("undo").trigger()  # the data change undoes as one step, loss and output layer included
    assert (window.session.network.loss, window.session.network.sizes[-1]) == ("cross_entropy", 3)


def test_autosave_writes_only_what_open_accepts(window, tmp_path) -> None:  # noqa: ANN001
    """A document that slipped past the editor is not autosaved (the old autosave stays) and says so once."""
    saver = window.autosaver
    window.select(("edge", 0, 0, 0))
    type_and_enter(window.findChild(QLineEdit, "inspector_value"), "2")
    assert saver.save_now()
    good = autosave.autosave_path().read_bytes()
    fileformat.loads(good)
    window.session.dataset.X[0, 0] = 1e300  # bypassing every field
    assert not saver.save_now()
    assert autosave.autosave_path().read_bytes() == good
    assert "Autosave failed" in window.message_bar.text()
    window.session.dataset.X[0, 0] = 0.0


def test_open_validates_view_hints_before_replacing_the_work(window, dialogs, tmp_path) -> None:  # noqa: ANN001
    data = fileformat.to_dict(model.load_preset("and_perceptron"))
    data["view"] = {"precision": "abc"}
    path = tmp_path / "bad_view.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    window.select(("edge", 0, 0, 0))
    type_and_enter(window.findChild(QLineEdit, "inspector_value"), "3")
    before = state_of(window)
    assert not window.files.open_path(path)
    assert same_state(before, state_of(window))
    assert window.isWindowModified()
    assert any("view.precision" in text for text in dialogs.of("warning"))
