"""Stepping shows what it computes (issue 7, part 1), through the window's actions alone.

Worked example B (preset backprop_walkthrough, 2-2-2-1 ReLU, no biases,
input [30, 2], target 18, SGD lr 0.01): every phase's own numbers appear in
``window.canvas_text()`` (what the canvas draws) and in the inspector without
any other click: z and a of the layer just computed, the loss and dL/dy = -5.6
beside the output, δ = -5.6 beside the output's value, ∂L/∂w = -851.2 on the
output edges, and the update 0.1 → 8.612.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from model.ids import NodeId, WeightId


def plain(text: str) -> str:
    return text.replace("\u2212", "-")


def canvas(window) -> str:  # noqa: ANN001
    return plain("\n".join(window.canvas_text()))


@pytest.fixture
def walk(make_window):  # noqa: ANN001, ANN201
    w = make_window("backprop_walkthrough")
    w.action("detailed").setChecked(False)  # whole layers per phase
    return w


def step(window) -> str:  # noqa: ANN001
    window.action("step_forward").trigger()
    return window.session.phase


def test_each_phase_shows_its_own_numbers_on_the_canvas_and_in_the_inspector(walk) -> None:  # noqa: ANN001
    w = walk
    assert w.precision == 7  # the lesson's Digits reached the view settings

    assert step(w) == "forward 1"
    text = canvas(w)
    assert "1520" in text.split("\n") and "z = 1520" in text  # a and z of hidden node (1, 0)
    assert w.selection.current == NodeId(1, 0)  # the inspector follows the phase
    ins = plain(w.inspector_text())
    assert "30 × 50" in ins and "= 1520" in ins and "forward 1" in ins

    assert step(w) == "forward 2"
    assert "z = 152" in canvas(w) and "152" in canvas(w).split("\n")
    assert w.selection.current == NodeId(2, 0)

    assert step(w) == "forward 3"
    assert "z = 15.2" in canvas(w)
    assert "15.2" in plain(w.inspector_text())

    assert step(w) == "loss"
    text = canvas(w)
    assert "loss L = 7.84" in text and "target 18" in text
    assert "∂L/∂y = -5.6" in text
    assert "-5.6" in plain(w.inspector_text()) and "dL/dy" in w.inspector_text()

    assert step(w) == "delta 3"
    text = canvas(w)
    assert "δ = -5.6" in text and "15.2" in text.split("\n")  # the badge beside the forward value
    assert w.selection.current == NodeId(3, 0)
    assert "δ = dL/dy × f'(z)" in plain(w.inspector_text())

    assert step(w) == "gradient 3"
    text = canvas(w)
    assert "∂L/∂w = -851.2" in text and "∂L/∂w = 0" in text  # the two output weights just computed
    assert "0.1" in text.split("\n")  # edges whose gradient is not known yet still show w
    assert w.selection.current == WeightId(2, 0, 0)
    ins = plain(w.inspector_text())
    assert "∂L/∂w = a × δ = 152 × (-5.6) = -851.2" in ins

    assert step(w) == "delta 2"
    assert "δ = -0.56" in canvas(w)
    assert step(w) == "gradient 2"
    assert "∂L/∂w = -851.2" in canvas(w) and w.selection.current == WeightId(1, 0, 0)
    assert step(w) == "delta 1"
    assert step(w) == "gradient 1"
    assert "∂L/∂w = -1.68" in canvas(w)

    assert step(w) == "update"
    text = canvas(w)
    assert "0.1 → 8.612" in text  # output weight (2, 0, 0) and hidden weight (1, 0, 0)
    assert "50 → 50.0168" in text and "10 → 10.00112" in text  # 7 digits: the lesson's precision
    assert w.selection.current == WeightId(2, 0, 0)
    ins = plain(w.inspector_text())
    assert "0.1 - 0.01 × (-851.2) = 8.612" in ins
    assert w.inspector.value_edit.text() == "8.612"  # not 8.611999999999998


def test_a_selection_in_the_phase_stays_and_one_outside_it_moves(walk) -> None:  # noqa: ANN001
    w = walk
    for _ in range(4):
        step(w)  # loss
    w.select(("node", 3, 0))
    step(w)  # delta 3: the output node belongs to it
    assert w.selection.current == NodeId(3, 0)
    step(w)  # gradient 3
    w.select(("edge", 2, 1, 0))
    step(w)  # delta 2: a weight is not what it produced
    assert w.selection.current == NodeId(2, 0)
    step(w)  # gradient 2
    w.select(("edge", 1, 1, 1))  # belongs to gradient 2
    assert "Just computed" in w.inspector_text()
    w.action("step_back").trigger()  # delta 2: the selection follows back
    assert w.session.phase == "delta 2" and w.selection.current == NodeId(2, 0)


def test_enter_on_the_shown_value_changes_nothing(walk, qtbot) -> None:  # noqa: ANN001
    w = walk
    w.action("finish_step").trigger()
    w.select(("edge", 2, 0, 0))
    before = float(w.session.network.weights[2][0, 0])
    undo = w.session.undo_stack.count()
    edit = w.inspector.value_edit
    assert edit.text() == "8.612"
    edit.setFocus()
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert float(w.session.network.weights[2][0, 0]) == before  # not rounded to 8.612
    assert w.session.undo_stack.count() == undo


def test_digits_from_a_lesson_reach_the_canvas(make_window) -> None:  # noqa: ANN001
    w = make_window("backprop_walkthrough")
    assert w.precision_box.value() == 7 and w.view_settings.precision == 7
    w.action("detailed").setChecked(False)
    w.action("finish_step").trigger()
    assert "50 → 50.0168" in canvas(w)  # 4 digits would say 50.02
    w.precision_box.setValue(4)
    assert "50 → 50.02" in canvas(w) and w.view_settings.precision == 4
    w.view_settings.set_precision(3)  # any writer: the box follows
    assert w.precision_box.value() == 3 and "50 → 50" in canvas(w)


def test_show_backward_stays_a_fixed_view(walk) -> None:  # noqa: ANN001
    w = walk
    w.action("backward_view").setChecked(True)
    assert w.view_settings.view_mode == "backward"
    for _ in range(5):
        step(w)  # delta 3
    text = canvas(w)
    assert "-5.6" in text.split("\n")  # δ is the node's value in the backward view
    assert "δ = -5.6" not in text  # no badges: that is the stepping view


def test_the_canvas_text_is_the_accessible_description(walk, qtbot) -> None:  # noqa: ANN001
    w = walk
    for _ in range(6):
        step(w)
    # Updated from the event loop once the burst of changes is over.
    qtbot.waitUntil(lambda: "-851.2" in w.network_view.accessibleDescription().replace("\u2212", "-"))
    description = plain(w.network_view.accessibleDescription())
    assert "∂L/∂w = -851.2" in description
    assert description.split("\n") == canvas(w).split("\n")
    assert w.network_view.accessibleName()


def test_zoomed_out_the_canvas_text_leaves_out_what_is_not_drawn(walk) -> None:  # noqa: ANN001
    w = walk
    for _ in range(6):
        step(w)
    view = w.network_view
    view.resetTransform()
    view.scale(0.1, 0.1)  # nodes a few pixels wide: no numbers are drawn
    text = canvas(w)
    assert "-851.2" not in text and "15.2" not in text


def test_a_table_row_in_mini_batch_mode_shows_that_samples_numbers(make_window) -> None:  # noqa: ANN001
    w = make_window("xor_train")
    s = w.session
    assert s.scope is None
    batch = s.scope_indices()
    row = int(batch[-1]) if len(batch) > 1 else 1
    w.data_panel.select_row(row)
    w.data_panel.sample_selected.emit(row)
    assert w.selection.sample == row
    x = s.dataset.X[row]
    header = [t for t in w.canvas_text() if t.startswith("sample #")]
    assert header and header[0].startswith(f"sample #{row}")
    view, shown = w.selection.shown()
    assert np.array_equal(view.X[shown], x)
    # Stepping still trains on the batch.
    w.action("step_forward").trigger()
    assert len(s.view().indices) == len(batch) and np.array_equal(s.view().indices, batch)
    w.select(("node", 1, 0))
    assert f"sample #{row}" in w.inspector_text()
