"""Backprop against finite differences (and against torch where it is installed)."""

from __future__ import annotations

import math
from dataclasses import FrozenInstanceError, dataclass

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from model import Network, gradient_check
from model import activations as act
from model.gradcheck import (
    GradCheckRow,
    central_difference,
    forward_difference,
    max_rel_error,
    numerical_gradient,
    relative_error,
)

HIDDEN = ("linear", "sigmoid", "tanh", "relu", "leaky_relu")
MSE_OUTPUTS = ("linear", "sigmoid", "tanh", "relu", "leaky_relu", "softmax")
KINKED = ("relu", "leaky_relu")
#: Smallest |z| allowed at a ReLU-type node: far enough from the kink that
#: a nudge of h = 1e-4 to any weight or input cannot cross it.
KINK_MARGIN = 0.05


@dataclass
class Case:
    net: Network
    X: np.ndarray
    Y: np.ndarray


@st.composite
def cases(draw: st.DrawFn) -> Case:
    """A random network, batch and targets of a matching loss."""
    hidden = draw(st.lists(st.integers(1, 5), min_size=1, max_size=3))
    loss = draw(st.sampled_from(("mse", "bce", "cross_entropy")))
    n_in = draw(st.integers(1, 4))
    n_out = draw(st.integers(2, 4) if loss == "cross_entropy" else st.integers(1, 4))
    sizes = [n_in, *hidden, n_out]
    out = {"mse": None, "bce": "sigmoid", "cross_entropy": "softmax"}[loss] or draw(st.sampled_from(MSE_OUTPUTS))
    activations = [draw(st.sampled_from(HIDDEN)) for _ in hidden] + [out]
    bias = [draw(st.booleans()) for _ in activations]
    n = draw(st.integers(1, 5))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    weights = [rng.normal(0.0, 1.0, (a, b)) for a, b in zip(sizes[:-1], sizes[1:], strict=True)]
    biases = [rng.normal(0.0, 1.0, b) for b in sizes[1:]]
    net = Network(sizes, activations, loss=loss, bias=bias, weights=weights, biases=biases)
    X = rng.normal(0.0, 1.0, (n, n_in))
    if loss == "mse":
        Y = rng.normal(0.0, 1.0, (n, n_out))
    elif loss == "bce":
        Y = rng.uniform(0.0, 1.0, (n, n_out))  # soft targets are allowed
    elif draw(st.booleans()):
        Y = rng.integers(0, n_out, n)  # class indices
    else:
        Y = np.eye(n_out)[rng.integers(0, n_out, n)]  # one-hot
    return Case(net, X, Y)


def away_from_kinks(case: Case) -> bool:
    fwd = case.net.forward(case.X)
    return all(
        np.abs(fwd.z[k + 1]).min() > KINK_MARGIN for k, name in enumerate(case.net.activations) if name in KINKED
    )


def close(backprop: float, numeric: float) -> bool:
    # Central differences are exact up to h^2 * f''' (~1e-8) plus rounding (~1e-12 * |loss|).
    return abs(backprop - numeric) <= 1e-7 + 1e-5 * max(abs(backprop), abs(numeric))


@settings(max_examples=80, deadline=None)
@given(cases())
def test_backprop_matches_central_differences(case: Case):
    assume(away_from_kinks(case))
    net = case.net
    before = net.state()
    rows = gradient_check(net, case.X, case.Y)
    # One row per parameter: every weight, and the biases of layers that have one.
    layers = zip(net.sizes[:-1], net.sizes[1:], net.bias, strict=True)
    expected = sum(a * b + (b if flag else 0) for a, b, flag in layers)
    assert len(rows) == expected
    assert {r.k for r in rows if r.kind == "b"} == {k for k, flag in enumerate(net.bias) if flag}
    for r in rows:
        assert close(r.backprop, r.numeric), r
    # Probing left every parameter exactly as it was.
    for key in ("weights", "biases"):
        for now, then in zip(getattr(net, key), before[key], strict=True):
            np.testing.assert_array_equal(now, then)


@settings(max_examples=60, deadline=None)
@given(cases())
def test_delta_0_is_the_input_gradient(case: Case):
    assume(away_from_kinks(case))
    net = case.net
    t = net.targets(case.Y)
    g = net.backward(net.forward(case.X), case.Y)
    X = case.X.copy()
    numeric = numerical_gradient(lambda x: net.loss_value(net.forward(x), t), X)
    np.testing.assert_array_equal(X, case.X)  # the probe works on a copy
    assert g.delta[0].shape == case.X.shape
    np.testing.assert_allclose(g.delta[0], numeric, rtol=1e-5, atol=1e-7)
    np.testing.assert_array_equal(g.da[0], g.delta[0])  # the input is its own z


@settings(max_examples=60, deadline=None)
@given(cases())
def test_gradient_record_shapes_and_bias_less_layers(case: Case):
    net = case.net
    fwd = net.forward(case.X)
    g = net.backward(fwd, case.Y)
    n = case.X.shape[0]
    assert len(g.delta) == len(g.da) == net.n_layers + 1
    for l, size in enumerate(net.sizes):
        assert fwd.z[l].shape == fwd.a[l].shape == g.delta[l].shape == g.da[l].shape == (n, size)
    for k in range(net.n_layers):
        assert g.dW[k].shape == net.weights[k].shape
        assert g.db[k].shape == net.biases[k].shape
        if not net.bias[k]:
            np.testing.assert_array_equal(g.db[k], 0.0)
    assert math.isfinite(g.loss)


# ---------------------------------------------------------------- torch

TORCH_ACTIVATIONS = {
    "linear": lambda torch, z: z,
    "sigmoid": lambda torch, z: torch.sigmoid(z),
    "tanh": lambda torch, z: torch.tanh(z),
    "relu": lambda torch, z: torch.relu(z),
    "leaky_relu": lambda torch, z: torch.nn.functional.leaky_relu(z, act.LEAKY_SLOPE),
    "softmax": lambda torch, z: torch.softmax(z, dim=1),
}


@settings(max_examples=60, deadline=None)
@given(cases())
def test_backprop_matches_torch(case: Case):
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    net = case.net
    W = [torch.tensor(w, dtype=torch.float64, requires_grad=True) for w in net.weights]
    b = [torch.tensor(v, dtype=torch.float64, requires_grad=flag) for v, flag in zip(net.biases, net.bias, strict=True)]
    a = torch.tensor(case.X, dtype=torch.float64, requires_grad=True)
    x = a
    z = a
    for k, name in enumerate(net.activations):
        z = a @ W[k] + b[k] if net.bias[k] else a @ W[k]
        a = TORCH_ACTIVATIONS[name](torch, z)
    if net.loss == "mse":
        loss = F.mse_loss(a, torch.tensor(case.Y, dtype=torch.float64))
    elif net.loss == "bce":
        loss = F.binary_cross_entropy_with_logits(z, torch.tensor(case.Y, dtype=torch.float64))
    elif case.Y.ndim == 1:
        loss = F.cross_entropy(z, torch.tensor(case.Y, dtype=torch.int64))
    else:
        loss = F.cross_entropy(z, torch.tensor(case.Y, dtype=torch.float64))  # probabilities
    loss.backward()

    fwd = net.forward(case.X)
    g = net.backward(fwd, case.Y)
    tol = {"rtol": 1e-10, "atol": 1e-12}
    np.testing.assert_allclose(fwd.output, a.detach().numpy(), **tol)
    np.testing.assert_allclose(g.loss, loss.item(), **tol)
    np.testing.assert_allclose(g.delta[0], x.grad.numpy(), **tol)
    for k in range(net.n_layers):
        np.testing.assert_allclose(g.dW[k], W[k].grad.numpy(), **tol)
        if net.bias[k]:
            np.testing.assert_allclose(g.db[k], b[k].grad.numpy(), **tol)
        else:
            assert b[k].grad is None
            np.testing.assert_array_equal(g.db[k], 0.0)


# ---------------------------------------------------------- gradcheck module


def small_net() -> tuple[Network, np.ndarray, np.ndarray]:
    net = Network([2, 3, 2], ["tanh", "sigmoid"], loss="bce", bias=[False, True], seed=3)
    X = np.array([[0.5, -1.0], [1.5, 0.25], [-0.3, 0.8]])
    Y = np.array([[0.0, 1.0], [1.0, 1.0], [1.0, 0.0]])
    return net, X, Y


def test_gradient_check_rows_name_every_parameter():
    net, X, Y = small_net()
    rows = gradient_check(net, X, Y)
    assert [(r.kind, r.k, r.i, r.j) for r in rows] == (
        [("W", 0, i, j) for i in range(2) for j in range(3)]
        + [("W", 1, i, j) for i in range(3) for j in range(2)]
        + [("b", 1, -1, j) for j in range(2)]
    )
    g = net.backward(net.forward(X), Y)
    for r in rows:
        want = g.dW[r.k][r.i, r.j] if r.kind == "W" else g.db[r.k][r.j]
        assert r.backprop == want
        assert r.rel_error == relative_error(r.backprop, r.numeric)
    assert max_rel_error(rows) < 1e-6
    with pytest.raises(FrozenInstanceError):
        rows[0].numeric = 0.0  # type: ignore[misc]


def test_gradient_check_restores_parameters_exactly_even_on_error():
    net, X, Y = small_net()
    ids = [id(w) for w in net.weights]
    before = net.state()
    gradient_check(net, X, Y, h=0.37)  # a step whose ±h is not exactly representable
    for now, then in zip(net.weights + net.biases, before["weights"] + before["biases"], strict=True):
        np.testing.assert_array_equal(now, then)
    assert [id(w) for w in net.weights] == ids

    calls = 0
    real = net.loss_value

    def failing(fwd, t):
        nonlocal calls
        calls += 1
        if calls == 3:
            raise RuntimeError("boom")
        return real(fwd, t)

    net.loss_value = failing  # type: ignore[method-assign]
    with pytest.raises(RuntimeError):
        gradient_check(net, X, Y)
    assert calls == 3
    assert [id(w) for w in net.weights] == ids
    for now, then in zip(net.weights + net.biases, before["weights"] + before["biases"], strict=True):
        np.testing.assert_array_equal(now, then)


def test_gradient_check_catches_a_wrong_backprop(monkeypatch):
    net, X, Y = small_net()
    real = Network.backward

    def off_by_one_layer(self, fwd, Y):
        g = real(self, fwd, Y)
        dW = list(g.dW)
        dW[0] = dW[0] * 1.01  # a 1 % error in one layer
        return type(g)(g.loss, g.targets, g.da, g.delta, tuple(dW), g.db)

    monkeypatch.setattr(Network, "backward", off_by_one_layer)
    rows = gradient_check(net, X, Y)
    bad = [r for r in rows if r.rel_error > 1e-3]
    assert bad and {(r.kind, r.k) for r in bad} == {("W", 0)}
    assert max_rel_error(rows) == pytest.approx(0.01 / 1.01, rel=1e-4)


def test_central_is_far_more_accurate_than_forward():
    net, X, Y = small_net()
    central = max_rel_error(gradient_check(net, X, Y, method="central"))
    forward = max_rel_error(gradient_check(net, X, Y, method="forward"))
    assert central < 1e-6
    assert forward > 100 * central


def test_numerical_differentiation_as_in_the_notes():
    def f(x):
        return x * x

    assert central_difference(f, 3.0) == pytest.approx(6.0, abs=1e-8)
    assert forward_difference(f, 3.0) == pytest.approx(6.0, abs=2e-4)
    assert abs(forward_difference(f, 3.0) - 6.0) > abs(central_difference(f, 3.0) - 6.0)
    # h = 1e-50 vanishes next to 3.0 in float64: x + h == x, so the difference is exactly 0.
    assert 3.0 + 1e-50 == 3.0
    assert forward_difference(f, 3.0, h=1e-50) == 0.0
    assert central_difference(f, 3.0, h=1e-50) == 0.0
    x = np.array([3.0, 4.0])
    np.testing.assert_allclose(numerical_gradient(lambda v: v[0] ** 2 + v[1] ** 2, x), [6.0, 8.0], atol=1e-7)
    np.testing.assert_array_equal(x, [3.0, 4.0])


@pytest.mark.parametrize("h", [0.0, -1e-4, math.nan, math.inf])
def test_bad_steps_are_refused(h):
    net, X, Y = small_net()
    with pytest.raises(ValueError):
        gradient_check(net, X, Y, h=h)
    with pytest.raises(ValueError):
        central_difference(lambda x: x, 1.0, h=h)


def test_unknown_method_is_refused():
    net, X, Y = small_net()
    with pytest.raises(ValueError):
        gradient_check(net, X, Y, method="backward")


def test_relative_error_and_max():
    assert relative_error(0.0, 0.0) == 0.0
    assert relative_error(1.0, 1.1) == pytest.approx(0.1 / 1.1)
    assert relative_error(1e-14, 0.0) < 1e-3  # both zero up to rounding: not a 100 % error
    assert max_rel_error([]) == 0.0
    rows = [GradCheckRow("W", 0, 0, 0, 1.0, 1.0, 0.0), GradCheckRow("b", 0, -1, 0, 1.0, 2.0, 0.5)]
    assert max_rel_error(rows) == 0.5
    assert math.isnan(max_rel_error([*rows, GradCheckRow("W", 0, 0, 1, 1.0, math.nan, math.nan)]))


def test_gradient_check_accepts_a_single_sample_and_class_indices():
    net = Network([3, 4, 3], ["relu", "softmax"], loss="cross_entropy", seed=5, init="uniform")
    x = np.array([0.9, -0.4, 0.3])
    rows_1d = gradient_check(net, x, np.array([2]))
    rows_2d = gradient_check(net, x.reshape(1, 3), np.array([[0.0, 0.0, 1.0]]))
    assert [r.backprop for r in rows_1d] == [r.backprop for r in rows_2d]
    assert max_rel_error(rows_1d) < 1e-6
