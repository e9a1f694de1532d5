"""The loss landscape: the stacked grid equals the loss of each network one by one; the gradient slice."""

from __future__ import annotations

import numpy as np
import pytest

from model import Network
from model.datasets import spiral
from model.lab import landscape as ls
from model.losses import stacked_values, value
from model.optimizers import make_optimizer


def nets():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(7, 2))
    yield (
        Network([2, 4, 3, 1], ["tanh", "relu", "linear"], loss="mse", bias=[True, False, True], seed=1),
        X,
        (rng.normal(size=(7, 1))),
    )
    yield Network([2, 3, 1], ["sigmoid", "sigmoid"], loss="bce", seed=2), X, (rng.random((7, 1)) > 0.5) * 1.0
    yield Network([2, 5, 3], ["leaky_relu", "softmax"], loss="cross_entropy", seed=3), X, rng.integers(0, 3, 7)


def per_point(net, X, Y, p1, p2, a1, a2):
    out = np.empty((len(a2), len(a1)))
    for r, v2 in enumerate(a2):
        for c, v1 in enumerate(a1):
            copy = net.copy()
            for (kind, k, i, j), v in ((p1, v1), (p2, v2)):
                if kind == "W":
                    copy.weights[k][i, j] = v
                else:
                    copy.biases[k][j] = v
            out[r, c] = copy.loss_value(copy.forward(X), copy.targets(Y))
    return out


PAIRS = [
    (("W", 0, 0, 1), ("W", 0, 1, 2)),  # same layer
    (("W", 0, 1, 0), ("W", 1, 2, 0)),  # first and later layer
    (("b", 0, -1, 1), ("W", 1, 0, 0)),  # a bias and a weight
]


@pytest.mark.parametrize("pair", PAIRS)
def test_grid_equals_the_per_point_loss(pair, monkeypatch):
    monkeypatch.setattr(ls, "CHUNK_ELEMENTS", 50)  # several chunks
    for net, X, Y in nets():
        a1, a2 = np.linspace(-2, 2, 5), np.linspace(-1, 3, 4)
        got = ls.loss_grid(net, X, Y, *pair, a1, a2)
        assert got.shape == (4, 5)
        np.testing.assert_allclose(got, per_point(net, X, Y, *pair, a1, a2), rtol=1e-12, atol=1e-14)


def test_output_layer_pair_and_the_network_is_untouched():
    net, X, Y = next(nets())
    before = net.state()
    pair = (("W", 2, 0, 0), ("b", 2, -1, 0))
    a = np.linspace(-1, 1, 3)
    np.testing.assert_allclose(ls.loss_grid(net, X, Y, *pair, a, a), per_point(net, X, Y, *pair, a, a), rtol=1e-12)
    for now, then in zip(net.weights + net.biases, before["weights"] + before["biases"], strict=True):
        np.testing.assert_array_equal(now, then)


def test_stacked_values_equal_value():
    rng = np.random.default_rng(5)
    for loss, m in (("mse", 2), ("bce", 2), ("cross_entropy", 3)):
        z = rng.normal(size=(4, 6, m))
        a = 1 / (1 + np.exp(-z)) if loss != "cross_entropy" else np.exp(z) / np.exp(z).sum(2, keepdims=True)
        t = (rng.random((6, m)) > 0.5) * 1.0
        got = stacked_values(loss, z, a, t)
        np.testing.assert_allclose(got, [value(loss, z[g], a[g], t) for g in range(4)], rtol=1e-13)


def test_landscape_centre_and_gradient():
    net, X, Y = next(nets())
    p1, p2 = ls.largest_gradient_pair(net, X, Y)
    g = net.backward(net.forward(X), Y)
    biases = [abs(v) for d, f in zip(g.db, net.bias, strict=True) if f for v in d]
    grads = sorted([abs(v) for d in g.dW for v in d.ravel()] + biases)
    land = ls.landscape(net, X, Y, p1, p2, span=0.5, n=9)
    assert abs(land.grad[0]) == grads[-1] and abs(land.grad[1]) == grads[-2]
    assert land.losses[4, 4] == pytest.approx(land.center_loss, rel=1e-12)  # the middle of an odd grid
    assert land.axis1[4] == pytest.approx(land.center[0])
    # the backprop gradient is the slope of the grid through the centre
    d1 = (land.losses[4, 5] - land.losses[4, 3]) / (land.axis1[5] - land.axis1[3])
    assert d1 == pytest.approx(land.grad[0], rel=0.05)


def test_bad_parameters_are_refused():
    net, X, Y = next(nets())
    a = np.zeros(2)
    for bad in (("W", 5, 0, 0), ("W", 0, 9, 0), ("b", 1, -1, 0), ("x", 0, 0, 0)):  # layer 1 has no bias
        with pytest.raises(ValueError):
            ls.loss_grid(net, X, Y, bad, ("W", 0, 0, 0), a, a)
    with pytest.raises(ValueError):
        ls.loss_grid(net, X, Y, ("W", 0, 0, 0), ("W", 0, 0, 0), a, a)
    with pytest.raises(ValueError):
        ls.landscape(net, X, Y, ("W", 0, 0, 0), ("W", 0, 0, 1), span=0.0)


def test_gradient_slice_marks_the_sgd_step():
    for net, X, Y in nets():
        s = ls.gradient_slice(net, X, Y, lr=0.5, m=11)
        copy = net.copy()
        opt = make_optimizer("sgd", lr=0.5)
        opt.step(copy, copy.backward(copy.forward(X), Y))
        after = copy.loss_value(copy.forward(X), copy.targets(Y))
        assert s.step_loss == pytest.approx(after, rel=1e-12) and s.losses[5] == pytest.approx(after, rel=1e-12)
        assert s.losses[0] == pytest.approx(net.loss_value(net.forward(X), net.targets(Y)), rel=1e-12)
        # the slope at t = 0 is −|g|²
        assert (s.losses[1] - s.losses[0]) / s.t[1] == pytest.approx(s.slope, rel=0.2)


def test_spiral_sized_grid_runs_in_chunks():
    data = spiral(500)
    net = Network([2, 8, 8, 1], ["tanh", "tanh", "sigmoid"], loss="bce", seed=0)
    p1, p2 = ls.largest_gradient_pair(net, data.X, data.Y)
    land = ls.landscape(net, data.X, data.Y, ("W", 0, 0, 0), ("W", 1, 3, 4), n=16)
    assert land.losses.shape == (16, 16) and np.all(np.isfinite(land.losses))
    assert p1 != p2
