"""Per-layer statistics (model/stats.py) on hand-built networks with known answers."""

from __future__ import annotations

import math

import numpy as np
import pytest

from model import Network, stats


def _one_layer(activation: str, w: list[float], b: list[float]) -> Network:
    """1 input -> len(w) hidden units (``activation``) -> 1 linear output with weights 1."""
    m = len(w)
    return Network(
        [1, m, 1],
        [activation, "linear"],
        loss="mse",
        weights=[np.array([w]), np.ones((m, 1))],
        biases=[np.array(b), np.zeros(1)],
    )


def test_dead_relu_units_are_the_ones_silent_on_every_sample() -> None:
    # z = w x + b on x = 1, 2, 3: unit 0 alive, 1 dead, 2 alive on x = 3 only, 3 dead.
    net = _one_layer("relu", [1.0, -1.0, 1.0, -1.0], [0.0, 0.0, -2.5, 0.5])
    X, Y = np.array([[1.0], [2.0], [3.0]]), np.array([[1.0], [0.0], [1.0]])
    first = stats.training_set_stats(net, X, Y)[0]
    assert first.dead.tolist() == [False, True, False, True]
    assert first.dead_pct == 50.0
    assert math.isnan(first.saturated_pct)  # ReLU does not saturate
    assert not first.saturated.any()
    # A dead unit passes no gradient: its δ column is exactly 0 and counted as zeros.
    assert first.delta.zeros >= 2 * 3


def test_saturated_sigmoid_counts_values_and_units() -> None:
    # On x = 1 and -1: unit 0 has z = ±10 (saturated on both), unit 1 z = 0, unit 2 z = 20 or 0
    # (saturated on one sample), unit 3 z = ±1.  3 of 8 values saturated; only unit 0 on every sample.
    net = _one_layer("sigmoid", [10.0, 0.0, 10.0, 1.0], [0.0, 0.0, 10.0, 0.0])
    X, Y = np.array([[1.0], [-1.0]]), np.array([[0.0], [1.0]])
    first = stats.training_set_stats(net, X, Y)[0]
    assert first.saturated_pct == pytest.approx(37.5)
    assert first.saturated.tolist() == [True, False, False, False]
    assert math.isnan(first.dead_pct)


def test_saturated_tanh_uses_its_own_derivative() -> None:
    # tanh'(5) = 1.8e-4 < 0.01, tanh'(2) = 0.07: half the units, half the values.
    net = _one_layer("tanh", [5.0, 2.0], [0.0, 0.0])
    first = stats.training_set_stats(net, np.array([[1.0], [-1.0]]), np.array([[0.0], [0.0]]))[0]
    assert first.saturated.tolist() == [True, False]
    assert first.saturated_pct == pytest.approx(50.0)


def test_histograms_use_fixed_edges_and_count_every_value() -> None:
    net = _one_layer("sigmoid", [10.0, 0.0, 10.0, 1.0], [0.0, 0.0, 10.0, 0.0])
    X, Y = np.array([[1.0], [-1.0], [0.5]]), np.array([[0.0], [1.0], [0.0]])
    fwd = net.forward(X)
    grads = net.backward(fwd, Y)
    first, out = stats.layer_stats(net, fwd, grads)
    assert np.array_equal(first.a.edges, np.linspace(0.0, 1.0, stats.A_BINS + 1))
    assert first.a.counts.sum() == 3 * 4
    # sigmoid(0) = 0.5 lands in the bin [0.5, 0.525): three samples of unit 1.
    assert first.a.counts[stats.A_BINS // 2] >= 3
    assert first.a.mean == pytest.approx(float(fwd.a[1].mean()))
    assert first.a.std == pytest.approx(float(fwd.a[1].std()))
    assert first.dW.counts.sum() + first.dW.zeros == 4
    assert out.delta.counts.sum() + out.delta.zeros == 3
    assert np.array_equal(out.delta.edges, stats.GRADIENT_EDGES)
    # The output's dW[1] (4, 1): each value sits in the bin of its log10 magnitude.
    for value in grads.dW[1].ravel():
        k = int((math.log10(abs(value)) - stats.GRADIENT_EDGES[0]) * 4)
        assert out.dW.counts[k] >= 1
    assert out.dW.mean == pytest.approx(float(grads.dW[1].mean()))


def test_linear_outputs_beyond_the_range_go_to_the_end_bins() -> None:
    net = _one_layer("linear", [1.0], [0.0])
    first = stats.training_set_stats(net, np.array([[-1e300], [1e300], [0.0]]), np.zeros((3, 1)))[0]
    assert first.a.counts[0] == 1 and first.a.counts[-1] == 1
    assert first.a.counts.sum() == 3


def test_gradient_norm_is_the_norm_of_weights_and_bias_gradients() -> None:
    net = Network([2, 3, 2], ["tanh", "sigmoid"], loss="mse", seed=3)
    X = np.array([[0.1, 0.2], [0.3, -0.5], [1.0, 0.0]])
    Y = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    fwd = net.forward(X)
    grads = net.backward(fwd, Y)
    result = stats.layer_stats(net, fwd, grads)
    for k, s in enumerate(result):
        want = np.linalg.norm(np.concatenate([grads.dW[k].ravel(), grads.db[k].ravel()]))
        assert s.grad_norm == pytest.approx(want)
        assert s.layer == k + 1


def test_update_ratio_is_log10_of_step_over_weight() -> None:
    before = [np.array([[3.0, 4.0]]), np.array([[1.0]]), np.zeros((1, 1))]
    after = [np.array([[3.0, 4.005]]), np.array([[1.0]]), np.ones((1, 1))]
    ratio = stats.update_ratio_log10(before, after)
    assert ratio[0] == pytest.approx(-3.0)
    assert ratio[1] == -math.inf  # nothing moved
    assert math.isnan(ratio[2])  # no weight to compare with


def test_vanishing_gradient_shrinks_layer_by_layer_in_a_deep_sigmoid_net() -> None:
    sizes = [2] + [8] * 6 + [1]
    X = np.random.default_rng(0).normal(size=(64, 2))
    Y = (X[:, :1] * X[:, 1:] > 0).astype(float)
    sig = Network(sizes, ["sigmoid"] * 7, loss="bce", seed=1)
    norms = [s.grad_norm for s in stats.training_set_stats(sig, X, Y)]
    # Each sigmoid layer multiplies δ by at most 0.25: the first layer's gradient is far smaller.
    assert norms[0] < norms[-1] / 100
