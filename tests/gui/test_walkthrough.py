"""Worked example B (seeds/README.md) stepped through the window's own actions, phase by phase.

2-2-2-1 ReLU network, no biases, input [30, 2], target 18, SGD lr 0.01:
forward 15.2 (hidden [1520, 0], [152, 0]), dL/dy = -5.6, output gradient
[-851.2, 0], and after the update hidden1 node0 [50.0168, 10.00112],
hidden2 node0 [8.612, 10], output [8.612, 25] (not the note's [0.1056, 25]).
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.gui.conftest import weights_of

PHASES = [
    "forward 1",
    "forward 2",
    "forward 3",
    "loss",
    "delta 3",
    "gradient 3",
    "delta 2",
    "gradient 2",
    "delta 1",
    "gradient 1",
    "update",
]
ORIGINAL = [
    np.array([[50.0, -1.0], [10.0, 0.0]]),
    np.array([[0.1, -0.1], [10.0, 0.0]]),
    np.array([[0.1], [25.0]]),
]


def plain(text: str) -> str:
    """Inspector text with the typographic minus made ASCII, for substring checks."""
    return text.replace("\u2212", "-")


@pytest.fixture
def walk(make_window):  # noqa: ANN001, ANN201
    w = make_window("backprop_walkthrough")
    w.action("detailed").setChecked(False)  # the lesson opens node by node; this test steps whole layers
    assert w.session.phase == "ready"
    for k, expected in enumerate(ORIGINAL):
        assert np.array_equal(w.session.network.weights[k], expected)
    return w


def step(window, times: int = 1) -> None:  # noqa: ANN001
    for _ in range(times):
        window.action("step_forward").trigger()


def test_phases_in_order_and_every_number_of_example_b(walk) -> None:  # noqa: ANN001
    s = walk.session
    seen = []
    for expected in PHASES:
        step(walk)
        seen.append(s.phase)
        assert s.phase == expected, seen

        if expected == "forward 3":
            fwd = s.forward
            assert fwd is not None
            assert fwd.output[0, 0] == pytest.approx(15.2)
            assert np.allclose(fwd.a[1], [[1520, 0]])
            assert np.allclose(fwd.a[2], [[152, 0]])
            walk.select(("node", 1, 0))
            text = plain(walk.inspector_text())
            assert "1520" in text and "30 × 50" in text and "2 × 10" in text
            walk.select(("node", 3, 0))
            assert "15.2" in walk.inspector_text()

        if expected == "loss":
            assert s.view().loss == pytest.approx(2.8**2)
            walk.select(("node", 3, 0))
            text = plain(walk.inspector_text())
            assert "dL/dy" in text and "-5.6" in text
            assert s.gradients is None  # the backward pass has not run yet

        if expected == "gradient 1":
            g = s.gradients
            assert g is not None
            assert np.allclose(g.dW[2][:, 0], [-851.2, 0])
            assert np.allclose(g.dW[1][:, 0], [-851.2, 0])
            assert np.allclose(g.dW[1][:, 1], [0, 0])
            assert np.allclose(g.dW[0][:, 0], [-1.68, -0.112])
            assert np.allclose(g.dW[0][:, 1], [0, 0])
            walk.select(("edge", 2, 0, 0))
            assert "-851.2" in plain(walk.inspector_text())
            # Nothing is applied until the update phase.
            assert all(np.array_equal(a, b) for a, b in zip(weights_of(walk), ORIGINAL, strict=True))

    assert seen == PHASES
    net = s.network
    assert np.allclose(net.weights[0][:, 0], [50.0168, 10.00112])
    assert np.allclose(net.weights[1][:, 0], [8.612, 10])
    assert np.allclose(net.weights[2][:, 0], [8.612, 25])  # the note's [0.1056, 25] is its bug
    assert not np.allclose(net.weights[2][:, 0], [0.1056, 25])
    # Dead ReLU neurons got no gradient: their weights are untouched.
    assert np.array_equal(net.weights[0][:, 1], ORIGINAL[0][:, 1])
    assert s.steps == 1
    walk.select(("edge", 2, 0, 0))
    text = plain(walk.inspector_text())
    assert "8.612" in text and "0.01" in text


def test_phase_label_follows_the_phase(walk) -> None:  # noqa: ANN001
    step(walk, 4)
    assert "loss" in walk.phase_label.text()
    assert "7.84" in walk.phase_label.text()


def test_step_back_across_the_update_restores_the_weights_exactly(walk) -> None:  # noqa: ANN001
    s = walk.session
    step(walk, len(PHASES))
    assert s.phase == "update" and s.steps == 1
    walk.action("step_back").trigger()
    assert s.phase == "gradient 1"
    assert s.steps == 0
    assert all(np.array_equal(a, b) for a, b in zip(weights_of(walk), ORIGINAL, strict=True))
    assert s.gradients is not None and np.allclose(s.gradients.dW[2][:, 0], [-851.2, 0])
    # All the way back to the start, in the reverse order.
    back = []
    while s.phase != "ready":
        walk.action("step_back").trigger()
        back.append(s.phase)
    assert back == list(reversed(PHASES[:-2])) + ["ready"]
    assert all(np.array_equal(a, b) for a, b in zip(weights_of(walk), ORIGINAL, strict=True))
    # And forward again gives the same update.
    step(walk, len(PHASES))
    assert np.allclose(s.network.weights[2][:, 0], [8.612, 25])


def test_finish_step_from_ready_does_one_whole_step(walk) -> None:  # noqa: ANN001
    s = walk.session
    walk.action("finish_step").trigger()
    assert s.phase == "update" and s.steps == 1
    assert np.allclose(s.network.weights[0][:, 0], [50.0168, 10.00112])
    assert np.allclose(s.network.weights[2][:, 0], [8.612, 25])


def test_finish_step_from_the_middle_runs_the_rest_of_that_step_only(walk) -> None:  # noqa: ANN001
    s = walk.session
    step(walk, 2)
    assert s.phase == "forward 2"
    walk.action("finish_step").trigger()
    assert s.phase == "update" and s.steps == 1
    assert np.allclose(s.network.weights[2][:, 0], [8.612, 25])


def test_the_second_step_overshoots_and_the_explosion_is_shown(walk) -> None:  # noqa: ANN001
    """lr 0.01 is far too large here: after one step the output is ~112,771 instead of 18 (loss ~1.3e10).

    Stepping by hand, the explosion is the lesson (note 002): the update goes through with a
    warning; Play would pause instead (see test_main_window).
    """
    s = walk.session
    walk.action("finish_step").trigger()
    after_one = weights_of(walk)
    walk.action("finish_step").trigger()
    assert s.steps == 2
    assert s.view().loss == pytest.approx((112771.0 - 18) ** 2, rel=1e-3)  # shown, not hidden
    assert s.phase == "update"
    assert "diverge" in walk.message_bar.text() and walk.message_bar.isVisible()
    assert not all(np.array_equal(a, b) for a, b in zip(after_one, weights_of(walk), strict=True))
    assert s.network.is_finite()


def test_node_by_node_mode_of_the_lesson(make_window) -> None:  # noqa: ANN001
    w = make_window("backprop_walkthrough")
    assert w.action("detailed").isChecked()  # the lesson file asks for it
    phases = []
    for _ in range(6):
        w.action("step_forward").trigger()
        phases.append(w.session.phase)
    assert phases == ["forward 1.0", "forward 1.1", "forward 2.0", "forward 2.1", "forward 3.0", "loss"]


def test_undo_redo_of_a_weight_edit_through_the_inspector(walk, qtbot) -> None:  # noqa: ANN001
    s = walk.session
    walk.select(("edge", 2, 0, 0))
    field = walk.inspector.findChild(type(walk.inspector.value_edit), "inspector_value")
    assert field is walk.inspector.value_edit and field.isEnabled()
    assert float(field.text()) == 0.1
    field.selectAll()
    field.setText("")
    QTest.keyClicks(field, "2.5")
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert s.network.weights[2][0, 0] == 2.5
    assert s.undo_stack.count() == 1
    assert walk.isWindowModified()
    # The new weight is used by the next forward pass: 152 * 2.5 = 380.
    assert s.forward.output[0, 0] == pytest.approx(380.0)
    walk.action("undo").trigger()
    assert s.network.weights[2][0, 0] == 0.1
    assert s.forward.output[0, 0] == pytest.approx(15.2)
    assert not walk.isWindowModified()
    assert float(field.text()) == 0.1
    walk.action("redo").trigger()
    assert s.network.weights[2][0, 0] == 2.5
    assert float(field.text()) == 2.5


def test_an_edit_mid_step_drops_the_stale_step(walk) -> None:  # noqa: ANN001
    s = walk.session
    step(walk, 4)
    assert s.phase == "loss"
    walk.select(("edge", 0, 0, 0))
    walk.inspector.value_edit.setText("40")
    walk.inspector.apply_button.click()
    assert s.network.weights[0][0, 0] == 40
    assert s.phase == "ready"  # the old step's numbers came from other weights
    assert s.forward.a[1][0, 0] == pytest.approx(30 * 40 + 2 * 10)
