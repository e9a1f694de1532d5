"""Play's speed measures (benchmarks/gui.py) keep what is shown exact: throttled text panels catch up on
pause, the grid pass without thumbnails gives the same boundary, long loss curves are downsampled, and a
slow redraw buys a longer training chunk."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import Qt

import gui.controller
import gui.data.data_panel
import gui.panels.inspector
import model
from gui.controller import MAX_TRAIN_BUDGET_S, TRAIN_BUDGET_S, TRAIN_SHARE, TrainingController
from gui.data.data_panel import VALUE_ROLE, DataPanel
from gui.panels.inspector import Inspector
from gui.plots.boundary import grid_forward
from gui.plots.loss import LossPlot
from gui.session import Session

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])


def xor_session() -> Session:
    net = model.Network([2, 3, 1], ["tanh", "sigmoid"], loss="bce", seed=1)
    data = model.Dataset(XOR_X.copy(), XOR_Y.copy(), input_names=["x1", "x2"], output_names=["t"])
    return Session(model.Document(net, data, model.TrainingSettings(optimizer="sgd", lr=0.5)))


def outputs(panel: DataPanel) -> list[float]:
    m = panel.model
    c = [m.headerData(i, Qt.Orientation.Horizontal) for i in range(m.columnCount())].index("output t")
    return [m.index(r, c).data(VALUE_ROLE) for r in range(m.rowCount())]


def test_text_panels_lag_while_playing_and_are_exact_again_on_pause(qtbot, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(gui.controller, "SLOW_PANEL_INTERVAL_S", 3600.0)  # nothing refreshes on its own
    session = xor_session()
    inspector, panel = Inspector(session), DataPanel(session)
    for w in (inspector, panel):
        qtbot.addWidget(w)
        w.show()
    qtbot.waitExposed(panel)
    inspector.set_selection(("edge", 0, 0, 0))
    before_text, before_out = inspector.text_content(), outputs(panel)
    for w in (inspector, panel):
        w.set_playing(True)

    session.train_for(60.0, max_steps=50)
    session.values_changed.emit()  # a Play frame, within the interval: the text panels wait
    assert inspector.text_content() == before_text
    assert outputs(panel) == before_out

    for w in (inspector, panel):
        w.set_playing(False)  # pause: both show the current numbers at once
    after_text = inspector.text_content()
    inspector.refresh()
    assert after_text == inspector.text_content() != before_text
    np.testing.assert_array_equal(outputs(panel), session.network.predict(XOR_X)[:, 0])

    # Paused, every change shows at once, as before.
    session.train_for(60.0, max_steps=5)
    session.values_changed.emit()
    np.testing.assert_array_equal(outputs(panel), session.network.predict(XOR_X)[:, 0])


def test_text_panels_follow_play_once_the_interval_has_passed(qtbot, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(gui.controller, "SLOW_PANEL_INTERVAL_S", 0.0)
    session = xor_session()
    panel = DataPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_playing(True)
    session.train_for(60.0, max_steps=50)
    session.values_changed.emit()
    np.testing.assert_array_equal(outputs(panel), session.network.predict(XOR_X)[:, 0])


def test_grid_forward_without_node_maps_draws_the_same_boundary() -> None:
    session = xor_session()
    full = grid_forward(session.network, session.dataset, resolution=24)
    lean = grid_forward(session.network, session.dataset, resolution=24, node_maps=False)
    assert full is not None and lean is not None
    np.testing.assert_array_equal(lean.output, full.output)
    assert (lean.extent, lean.levels, lean.n_outputs) == (full.extent, full.levels, full.n_outputs)
    assert full.node_maps and lean.node_maps == {}


def test_the_loss_curves_are_downsampled_and_clipped_to_the_view(qtbot) -> None:  # noqa: ANN001
    plot = LossPlot(xor_session())
    qtbot.addWidget(plot)
    for curve in (plot.step_curve, plot.epoch_curve, plot.val_curve):  # else a long run draws every step
        assert curve.opts["autoDownsample"] and curve.opts["clipToView"]


def test_a_slow_redraw_buys_a_longer_training_chunk(qtbot, monkeypatch) -> None:  # noqa: ANN001
    session = xor_session()
    controller = TrainingController(session)
    clock = [100.0]
    monkeypatch.setattr(gui.controller, "time", SimpleNamespace(perf_counter=lambda: clock[0]))
    budgets: list[float] = []
    monkeypatch.setattr(session, "train_for", lambda seconds, max_steps=0, redraw=True: budgets.append(seconds) or 0)
    controller.play()
    controller._timer.blockSignals(True)  # the ticks below are driven by hand
    try:
        controller._tick()  # the first chunk: the plain budget
        clock[0] += 0.020  # the window took 20 ms to refresh and paint
        controller._tick()
        clock[0] += 0.001  # a tick without a frame
        controller._tick()
        clock[0] += 5.0  # a stall (a modal dialog, a suspended laptop): capped
        controller._tick()
    finally:
        controller._timer.blockSignals(False)
        controller.pause()
    assert budgets == pytest.approx(
        [TRAIN_BUDGET_S, 0.020 * TRAIN_SHARE / (1 - TRAIN_SHARE), TRAIN_BUDGET_S, MAX_TRAIN_BUDGET_S]
    )


def test_boundary_is_coarse_while_playing_and_sharp_again_on_pause(window) -> None:  # noqa: ANN001
    from model.grid import PLAY_RESOLUTION, RESOLUTION

    window.load_document(model.load_preset("xor_train"))
    image = window.boundary_plot.image
    assert image.image.shape == (RESOLUTION, RESOLUTION)
    window.controller.play()
    window.session.values_changed.emit()  # a Play frame
    assert image.image.shape == (PLAY_RESOLUTION, PLAY_RESOLUTION)
    window.action("play").trigger()  # pause
    assert not window.controller.playing and image.image.shape == (RESOLUTION, RESOLUTION)
