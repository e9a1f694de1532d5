"""View → Dead and saturated units on the network: the canvas's overlay, through the window's actions."""

from __future__ import annotations

import numpy as np
import pytest

import model
from gui.canvas.health_item import layer_line, tr
from gui.lab.flow_canvas import marks_of
from model import stats
from model.dataset import TRAIN


def _doc() -> model.Document:
    """2-3-2-1: hidden 1 is ReLU with unit 1 dead (bias -100), hidden 2 is sigmoid with unit 0 saturated."""
    rng = np.random.default_rng(0)
    weights = [rng.normal(0, 0.5, (2, 3)), rng.normal(0, 0.5, (3, 2)), rng.normal(0, 0.5, (2, 1))]
    weights[1][:, 0] = 0.0  # unit (2, 0): z = its bias only
    biases = [np.array([0.1, -100.0, 0.2]), np.array([30.0, 0.0]), np.zeros(1)]
    net = model.Network([2, 3, 2, 1], ["relu", "sigmoid", "sigmoid"], weights=weights, biases=biases)
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    data = model.Dataset(X, np.array([0.0, 1.0, 1.0, 0.0]))
    return model.Document(net, data)


def test_overlay_marks_dead_and_saturated_units_and_writes_each_layers_gradient_norm(make_window) -> None:  # noqa: ANN001
    window = make_window(_doc())
    window.network_view.zoom_in()  # room for every layer's whole line (zoomed out, only the norms are written)
    window.network_view.zoom_in()
    before = window.canvas_text()
    assert not any("‖∂L/∂W‖" in t for t in before)
    window.action("unit_health").trigger()
    text = window.canvas_text()
    X, Y = window.session.dataset.part(TRAIN)
    layers = stats.training_set_stats(window.session.network, X, Y)
    marks = marks_of(layers)
    lines = [t for t in text if t.startswith("‖∂L/∂W‖")]
    assert lines == [layer_line(marks, l) for l in (1, 2, 3)]
    assert "1 dead" in lines[0] and "1 saturated" in lines[1]
    for l, line in enumerate(lines, start=1):
        assert f"{layers[l - 1].grad_norm:.2g}" in line or f"{layers[l - 1].grad_norm:.1e}" in line
    assert text.count(tr("dead")) == 1 and text.count(tr("saturated")) == 1
    scene = window.network_view.scene()
    assert scene.health is not None and scene.health.dead[0].tolist() == [False, True, False]
    assert scene.health.saturated[1].tolist() == [True, False]
    window.action("unit_health").trigger()  # off again: nothing of it on the canvas
    assert window.canvas_text() == before


def test_overlay_follows_training_and_a_lesson_turns_it_on(make_window) -> None:  # noqa: ANN001
    doc = _doc()
    doc.view = {"flow": {"canvas": True}}
    window = make_window(doc)
    assert window.action("unit_health").isChecked()
    first = window.network_view.scene().health.grad_norm.copy()
    window.action("train_epoch").trigger()
    X, Y = window.session.dataset.part(TRAIN)
    now = stats.training_set_stats(window.session.network, X, Y)
    got = window.network_view.scene().health.grad_norm
    assert got == pytest.approx([layer.grad_norm for layer in now], rel=1e-12)
    assert not np.array_equal(got, first)


def test_vanishing_gradients_lesson_shows_norms_shrinking_towards_the_input(make_window) -> None:  # noqa: ANN001
    window = make_window("vanishing_gradients")
    if not window.action("unit_health").isChecked():
        window.action("unit_health").trigger()
    norms = window.network_view.scene().health.grad_norm
    assert norms[0] < norms[-1] / 10  # the first layer gets far less gradient than the last
