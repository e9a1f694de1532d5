"""The plots: the grid pass, the loss curve, the decision boundary, the regression fit."""

from __future__ import annotations

import math

import numpy as np
import pytest

import model
from gui.plots.boundary import BoundaryPlot, FitPlot, GridMaps, export_png, grid_forward
from gui.plots.loss import LossPlot
from gui.session import Session

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])


def xor_session(seed: int = 3, lr: float = 2.0, batch_size: int = 0) -> Session:
    net = model.Network([2, 3, 1], ["tanh", "sigmoid"], loss="bce", seed=seed)
    data = model.Dataset(XOR_X.copy(), XOR_Y.copy(), name="xor")
    settings = model.TrainingSettings(optimizer="sgd", lr=lr, batch_size=batch_size, shuffle=False)
    return Session(model.Document(net, data, settings))


def hand_set_session() -> Session:
    """A 2-1 net that outputs sigmoid(10·x1 − 5): class 1 exactly where x1 > 0.5."""
    net = model.Network([2, 1], ["sigmoid"], loss="bce", weights=[np.array([[10.0], [0.0]])], biases=[np.array([-5.0])])
    X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.2, 0.5], [0.9, 0.5]])
    # Rows 2 and 5 carry the label the net gets wrong.
    Y = np.array([[0.0], [1.0], [1.0], [1.0], [0.0], [0.0]])
    split = np.array([model.TRAIN, model.TRAIN, model.TRAIN, model.VALIDATION, model.TEST, model.TRAIN])
    return Session(model.Document(net, model.Dataset(X, Y, split=split), model.TrainingSettings()))


# ------------------------------------------------------------------ grid_forward
def test_grid_forward_shapes_extent_and_node_maps():
    session = xor_session()
    maps = grid_forward(session.network, session.dataset, resolution=40)
    assert isinstance(maps, GridMaps)
    assert maps.output.shape == (40, 40) and maps.output.dtype == np.float32
    assert set(maps.node_maps) == {(1, 0), (1, 1), (1, 2)}
    assert all(m.shape == (40, 40) and m.dtype == np.float32 for m in maps.node_maps.values())
    x0, x1, y0, y1 = maps.extent
    # The data's box [0, 1]² plus a 10-20 % margin on every side.
    for lo, hi in ((x0, x1), (y0, y1)):
        assert -0.2 <= lo <= -0.1 and 1.1 <= hi <= 1.2
    assert np.isfinite(maps.output).all()
    assert maps.levels == (0.0, 1.0)


def test_grid_forward_matches_the_network_pixel_by_pixel():
    session = xor_session()
    net = session.network
    res = 30
    maps = grid_forward(net, session.dataset, resolution=res)
    x0, x1, y0, y1 = maps.extent
    i, j = 7, 22  # row i is y, column j is x; pixel centres
    x = x0 + (j + 0.5) * (x1 - x0) / res
    y = y0 + (i + 0.5) * (y1 - y0) / res
    fwd = net.forward(np.array([[x, y]]))
    assert maps.output[i, j] == pytest.approx(fwd.output[0, 0], rel=1e-5)
    for k in range(3):
        assert maps.node_maps[(1, k)][i, j] == pytest.approx(fwd.a[1][0, k], rel=1e-5, abs=1e-6)


def test_grid_forward_none_without_two_inputs_and_no_nan_on_overflow():
    one_input = model.Dataset(np.linspace(0, 1, 5)[:, None], np.zeros((5, 1)), kind="regression")
    net1 = model.Network([1, 2, 1], ["tanh", "linear"])
    assert grid_forward(net1, one_input) is None

    # Huge weights into a linear output: overflow to inf must never reach the display.
    net = model.Network(
        [2, 2, 1],
        ["relu", "linear"],
        weights=[np.full((2, 2), 1e200), np.full((2, 1), 1e200)],
        biases=[np.zeros(2), np.zeros(1)],
    )
    data = model.Dataset(XOR_X.copy(), XOR_Y.copy(), kind="regression")
    maps = grid_forward(net, data, resolution=16)
    assert maps is not None
    assert np.isfinite(maps.output).all()
    assert (maps.output == 0.5).any()  # the overflowed pixels were replaced by 0.5


def test_grid_forward_several_outputs_maps_argmax_to_unit_interval():
    # Output k is x-dependent so all three classes occur: argmax / (m - 1) ∈ {0, .5, 1}.
    W = np.array([[-5.0, 0.0, 5.0], [0.0, 0.0, 0.0]])
    net = model.Network([2, 3], ["softmax"], loss="cross_entropy", weights=[W], biases=[np.array([0.0, 1.0, 0.0])])
    X = np.array([[-1.0, 0.0], [0.0, 1.0], [1.0, 0.0]])
    data = model.Dataset(X, np.eye(3))
    maps = grid_forward(net, data, resolution=30)
    assert set(np.unique(maps.output)) == {0.0, 0.5, 1.0}
    assert maps.n_outputs == 3 and maps.node_maps == {}


# ----------------------------------------------------------------------- LossPlot
def test_loss_plot_data_equals_step_losses_and_drops_non_finite(qtbot):
    session = xor_session(batch_size=2)
    plot = LossPlot(session)
    qtbot.addWidget(plot)
    for _ in range(26):
        assert session.trainer.train_step()
    session.trainer.step_losses.extend([math.nan, math.inf])  # as if a step had blown up
    plot.refresh()
    x, y = plot.step_curve.getOriginalDataset()
    losses = np.array(session.trainer.step_losses[:26])
    np.testing.assert_array_equal(y, losses)
    np.testing.assert_array_equal(x, np.arange(1, 27))
    # Two steps per epoch: each epoch's point sits at its last step.
    ex, ey = plot.epoch_curve.getOriginalDataset()
    np.testing.assert_array_equal(ex, np.arange(2, 27, 2))
    np.testing.assert_allclose(ey, [r.loss for r in session.trainer.history])
    key = plot.key.text().replace("&nbsp;", " ")
    assert plot._names["step"] in key and plot._names["epoch"] in key and plot._names["val"] not in key


def test_full_batch_draws_one_curve_not_two(qtbot):
    """Every full-batch step is an epoch with the same loss: the line is drawn once, as the epoch curve."""
    session = xor_session()
    plot = LossPlot(session)
    qtbot.addWidget(plot)
    for _ in range(25):
        assert session.trainer.train_step()
    plot.refresh()
    x, _ = plot.step_curve.getOriginalDataset()
    assert x is None or len(x) == 0
    ex, ey = plot.epoch_curve.getOriginalDataset()
    np.testing.assert_array_equal(ex, np.arange(1, 26))
    np.testing.assert_array_equal(ey, session.trainer.step_losses)
    key = plot.key.text().replace("&nbsp;", " ")
    assert plot._names["step"] not in key and plot._names["epoch"] in key


def test_loss_plot_follows_step_back_and_new_trainer(qtbot):
    session = xor_session(batch_size=2)
    plot = LossPlot(session)
    qtbot.addWidget(plot)
    for _ in range(7):
        session.trainer.train_step()
    mark = session.trainer.step_losses.mark()
    for _ in range(3):
        session.trainer.train_step()
    plot.refresh()
    session.trainer.step_losses.truncate(mark)  # as step back does
    session.trainer.step_losses.add(123.0)
    plot.refresh()
    assert plot.step_curve.getOriginalDataset()[1].tolist() == [*session.trainer.step_losses[:7], 123.0]
    session.set_dataset(session.dataset.copy())  # a fresh trainer with empty lists
    plot.refresh()
    x, y = plot.step_curve.getOriginalDataset()
    assert x is None or len(x) == 0  # pyqtgraph keeps None for no data


def test_loss_plot_log_scale_drops_non_positive_and_epoch_axis(qtbot):
    session = xor_session(batch_size=2)
    plot = LossPlot(session)
    qtbot.addWidget(plot)
    for _ in range(2):
        session.trainer.train_step()
    session.trainer.step_losses.add(0.0)  # step 3's loss: cannot be shown on a log axis
    for _ in range(2):
        session.trainer.train_step()
    with qtbot.waitSignal(plot.log_scale_changed) as blocker:
        plot.log_check.setChecked(True)  # the user ticks the plot's own box
    assert blocker.args == [True] and plot.log_scale
    assert plot.plot_item.ctrl.logYCheck.isChecked()
    assert plot.log_check.isChecked()
    x, y = plot.step_curve.getOriginalDataset()
    assert x.tolist() == [1, 2, 4, 5] and (y > 0).all()
    plot.set_log_scale(False)
    assert len(plot.step_curve.getOriginalDataset()[1]) == 5
    assert not plot.plot_item.ctrl.logYCheck.isChecked()

    session.set_setting("batch_size", 2)  # 2 steps per epoch from now on
    plot.set_x_axis("epoch")
    assert plot.axis_combo.currentData() == "epoch"
    x, _ = plot.step_curve.getOriginalDataset()
    np.testing.assert_allclose(x, np.arange(1, 6) / 2)
    assert plot.plot_item.getAxis("bottom").labelText == "epoch"
    with pytest.raises(ValueError):
        plot.set_x_axis("minute")


def test_loss_plot_validation_curve_and_hover(qtbot):
    session = xor_session()
    session.dataset.split = np.array([model.TRAIN, model.TRAIN, model.TRAIN, model.VALIDATION])
    session.set_dataset(session.dataset)
    plot = LossPlot(session)
    qtbot.addWidget(plot)
    plot.resize(500, 350)
    plot.show()
    for _ in range(120):
        session.trainer.train_step()
    plot.refresh()
    qtbot.wait(10)
    vx, vy = plot.val_curve.getOriginalDataset()
    np.testing.assert_allclose(vy, [r.val_loss for r in session.trainer.history])
    assert plot._names["val"] in plot.key.text().replace("&nbsp;", " ")  # in the key once there is validation data
    k = 60
    text = plot.hover_at(k, session.trainer.step_losses[k - 1])
    assert text.startswith(f"step {k}: loss ") or text.startswith(f"epoch {k}: loss ")
    assert f"{session.trainer.step_losses[k - 1]:.4g}" in text or f"{session.trainer.history[k - 1].loss:.4g}" in text
    assert plot.hover_text.isVisible()
    text = plot.hover_at(k, session.trainer.history[k - 1].val_loss)
    assert text == f"epoch {k}: validation loss {session.trainer.history[k - 1].val_loss:.4g}"


# ------------------------------------------------------------------- BoundaryPlot
def test_boundary_marks_misclassified_points_of_hand_set_net(qtbot):
    session = hand_set_session()
    plot = BoundaryPlot(session)
    qtbot.addWidget(plot)
    plot.refresh(grid_forward(session.network, session.dataset, resolution=20))
    assert plot.misclassified.tolist() == [False, False, True, False, False, True]
    mx, my = plot.wrong_marks.getData()
    assert sorted(zip(mx.tolist(), my.tolist(), strict=True)) == [(0.0, 1.0), (0.9, 0.5)]
    # Train circles, validation squares, test triangles; colour by target class.
    symbols = [p.symbol() for p in plot.points.points()]
    assert symbols == ["o", "o", "o", "s", "t1", "o"]
    brushes = [p.brush().color().name() for p in plot.points.points()]
    assert brushes[0] == brushes[4] == brushes[5] != brushes[1] == brushes[2] == brushes[3]
    # The image spans the grid's extent.
    rect = plot.image.mapRectToParent(plot.image.boundingRect())
    x0, x1, y0, y1 = grid_forward(session.network, session.dataset, resolution=20).extent
    assert (rect.left(), rect.right(), rect.top(), rect.bottom()) == pytest.approx((x0, x1, y0, y1))

    # Fix the network so x2 decides instead: row 2 right, row 1 wrong now.
    session.set_parameter("W", 0, 0, 0, 0.0)
    session.set_parameter("W", 0, 1, 0, 10.0)
    plot.refresh(grid_forward(session.network, session.dataset, resolution=20))
    assert plot.misclassified.tolist() == [False, True, False, False, False, False]


def test_boundary_refresh_after_training_changes_the_image(qtbot):
    session = xor_session()
    plot = BoundaryPlot(session)
    qtbot.addWidget(plot)
    plot.refresh(grid_forward(session.network, session.dataset, resolution=32))
    before = plot.image.image.copy()
    image_item = plot.image
    for _ in range(300):
        session.trainer.train_step()
    plot.refresh(grid_forward(session.network, session.dataset, resolution=32))
    assert plot.image is image_item  # the same item, new pixels
    assert np.abs(plot.image.image - before).max() > 0.1
    assert plot.image.levels is not None and tuple(plot.image.levels) == (0.0, 1.0)
    # Trained XOR: all four points right, and the map agrees at the corners.
    assert not plot.misclassified.any()


def test_boundary_shows_message_without_two_inputs(qtbot):
    data = model.Dataset(np.linspace(-1, 1, 9)[:, None], np.linspace(-1, 1, 9)[:, None], kind="regression")
    session = Session(model.Document(model.Network([1, 3, 1], ["tanh", "linear"]), data, model.TrainingSettings()))
    plot = BoundaryPlot(session)
    qtbot.addWidget(plot)
    plot.refresh(grid_forward(session.network, session.dataset))
    assert plot.note.isVisible() and "2 inputs" in plot.note.toPlainText()
    assert not plot.image.isVisible() and not plot.points.isVisible()


def test_boundary_tanh_output_levels(qtbot):
    net = model.Network([2, 2, 1], ["tanh", "tanh"], seed=0)
    data = model.Dataset(XOR_X * 2 - 1, XOR_Y * 2 - 1)
    session = Session(model.Document(net, data, model.TrainingSettings()))
    maps = grid_forward(net, data, resolution=10)
    assert maps.levels == (-1.0, 1.0)
    plot = BoundaryPlot(session)
    qtbot.addWidget(plot)
    plot.refresh(maps)
    assert tuple(plot.image.levels) == (-1.0, 1.0)


# ------------------------------------------------------------------------ FitPlot
def test_fit_plot_one_input_regression_curve_is_the_network(qtbot):
    x = np.linspace(-1, 1, 21)[:, None]
    data = model.Dataset(x, 0.5 * x + 0.25, kind="regression")
    net = model.Network([1, 1], ["linear"], weights=[np.array([[2.0]])], biases=[np.array([1.0])])
    session = Session(model.Document(net, data, model.TrainingSettings()))
    plot = FitPlot(session)
    qtbot.addWidget(plot)
    plot.refresh()
    assert plot.mode == "curve"
    sx, sy = plot.scatters[0].getData()
    np.testing.assert_array_equal(sx, x[:, 0])
    np.testing.assert_array_equal(sy, 0.5 * x[:, 0] + 0.25)
    cx, cy = plot.curves[0].getOriginalDataset()
    assert cx.min() < -1 and cx.max() > 1  # the curve runs past the data
    np.testing.assert_allclose(cy, 2 * cx + 1)
    session.set_parameter("W", 0, 0, 0, -1.0)
    plot.refresh()
    cx, cy = plot.curves[0].getOriginalDataset()
    np.testing.assert_allclose(cy, -cx + 1)


def test_fit_plot_several_inputs_predicted_vs_target(qtbot):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(30, 3))
    data = model.Dataset(X, X @ np.array([[1.0], [2.0], [-1.0]]), kind="regression")
    net = model.Network([3, 1], ["linear"], weights=[np.array([[1.0], [2.0], [-1.0]])], biases=[np.zeros(1)])
    session = Session(model.Document(net, data, model.TrainingSettings()))
    plot = FitPlot(session)
    qtbot.addWidget(plot)
    plot.refresh()
    assert plot.mode == "parity"
    tx, py = plot.scatters[0].getData()
    np.testing.assert_allclose(tx, py)  # a perfect model sits on y = x
    dx, dy = plot.diagonal.getOriginalDataset()
    np.testing.assert_array_equal(dx, dy)


def test_export_png(qtbot, tmp_path):
    session = xor_session()
    plot = BoundaryPlot(session)
    qtbot.addWidget(plot)
    plot.resize(300, 240)
    plot.refresh(grid_forward(session.network, session.dataset, resolution=20))
    path = tmp_path / "boundary.png"
    export_png(plot, path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(OSError):
        export_png(plot, tmp_path / "missing-dir" / "x.png")


def test_loss_plot_of_a_long_run_draws_a_bounded_envelope_with_every_spike(qtbot):
    """300,000 steps (the history has thinned itself): at most 2 x CURVE_GROUPS points, the spike still drawn."""
    from gui.plots.loss import CURVE_GROUPS

    session = xor_session(batch_size=2)
    plot = LossPlot(session)
    qtbot.addWidget(plot)
    losses = session.trainer.step_losses
    values = np.linspace(1.0, 0.01, 300_000)
    values[123_457] = 50.0
    for v in values:
        losses.add(float(v))
    assert losses.stride > 1
    plot.refresh()
    x, y = plot.step_curve.getOriginalDataset()
    assert len(x) <= 2 * CURVE_GROUPS and x[0] == 1 and x[-1] <= 300_000
    assert y.max() == 50.0 and y.min() == values.min()
