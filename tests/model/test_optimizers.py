"""Optimizers: torch.optim's rules and defaults, the finite guard, bias-less layers."""

from __future__ import annotations

import math

import numpy as np
import pytest

from model import GradientRecord, Network, NonFiniteError, make_optimizer
from model.optimizers import NAMES, OPTIMIZERS, default_lr

#: (our name, torch class name, our hyperparameters); each also runs with weight decay.
CONFIGS = [
    ("sgd", "SGD", {}),
    ("momentum", "SGD", {}),
    ("momentum", "SGD", {"momentum": 0.5, "dampening": 0.3}),
    ("nesterov", "SGD", {}),
    ("adagrad", "Adagrad", {}),
    ("adagrad", "Adagrad", {"lr_decay": 0.1, "initial_accumulator_value": 0.2}),
    ("rmsprop", "RMSprop", {}),
    ("rmsprop", "RMSprop", {"centered": True}),
    ("rmsprop", "RMSprop", {"momentum": 0.8}),
    ("rmsprop", "RMSprop", {"centered": True, "momentum": 0.8, "alpha": 0.9}),
    ("adam", "Adam", {}),
    ("adam", "Adam", {"amsgrad": True}),
    ("adam", "Adam", {"betas": (0.8, 0.99), "eps": 1e-6}),
]

X = np.array([[0.5, -1.0], [1.5, 0.25], [-0.3, 0.8], [1.0, 1.0]])
Y = np.array([[1.0], [0.0], [1.0], [0.0]])


def small_net() -> Network:
    """2-3-1 with a bias only on the output layer, so bias-less layers are covered too."""
    net = Network([2, 3, 1], ["tanh", "sigmoid"], loss="bce", bias=[False, True], seed=7, init="uniform")
    net.biases[1][:] = 0.3
    return net


def grads(net: Network) -> GradientRecord:
    return net.backward(net.forward(X), Y)


def torch_kwargs(name: str, hyper: dict) -> dict:
    """Our hyperparameters as torch.optim keyword arguments (momentum/nesterov are SGD presets)."""
    full = {**OPTIMIZERS[name].defaults, **hyper}
    full.pop("lr")
    return full


# ------------------------------------------------------------------- torch


@pytest.mark.parametrize("weight_decay", [0.0, 0.05])
@pytest.mark.parametrize(("name", "torch_name", "hyper"), CONFIGS)
def test_five_steps_match_torch_optim(name, torch_name, hyper, weight_decay):
    torch = pytest.importorskip("torch")
    net = small_net()
    lr = 0.05
    opt = make_optimizer(name, lr=lr, weight_decay=weight_decay, **hyper)
    # The parameters torch.optim updates: every weight, and biases of layers that have one.
    params = []
    for k in range(net.n_layers):
        params.append(("W", k, torch.tensor(net.weights[k], dtype=torch.float64)))
        if net.bias[k]:
            params.append(("b", k, torch.tensor(net.biases[k], dtype=torch.float64)))
    ref = getattr(torch.optim, torch_name)(
        [p for *_, p in params], lr=lr, weight_decay=weight_decay, **torch_kwargs(name, hyper)
    )
    for step in range(5):
        g = grads(net)  # the same gradients go to both
        for kind, k, p in params:
            p.grad = torch.tensor(g.dW[k] if kind == "W" else g.db[k], dtype=torch.float64)
        ref.step()
        opt.step(net, g)
        for kind, k, p in params:
            ours = net.weights[k] if kind == "W" else net.biases[k]
            msg = f"{kind}{k} after step {step + 1}"
            np.testing.assert_allclose(ours, p.detach().numpy(), rtol=1e-12, atol=1e-14, err_msg=msg)
    assert opt.t == 5
    np.testing.assert_array_equal(net.biases[0], 0.0)


@pytest.mark.parametrize(
    ("name", "torch_name", "app_choices"),
    [
        ("sgd", "SGD", {}),
        # torch has no momentum default and no separate class: these two are SGD presets.
        ("momentum", "SGD", {"momentum": 0.9}),
        ("nesterov", "SGD", {"momentum": 0.9, "nesterov": True}),
        ("adagrad", "Adagrad", {}),
        ("rmsprop", "RMSprop", {}),
        ("adam", "Adam", {}),
    ],
)
def test_defaults_are_torchs(name, torch_name, app_choices):
    torch = pytest.importorskip("torch")
    theirs = getattr(torch.optim, torch_name)([torch.zeros(1, requires_grad=True)]).defaults
    ours = OPTIMIZERS[name].defaults
    assert set(ours) <= set(theirs), "hyperparameters keep torch's names"
    for key, value in ours.items():
        want = app_choices.get(key, theirs[key])
        if isinstance(want, tuple):
            assert tuple(value) == tuple(want), key
        else:
            assert value == want, key
    assert theirs["weight_decay"] == make_optimizer(name).weight_decay == 0.0
    assert default_lr(name) == ours["lr"]


def test_every_optimizer_is_covered():
    assert set(NAMES) == {name for name, _, _ in CONFIGS}


# ----------------------------------------------------------- closed forms


def one_step(name: str, **kw):
    net = small_net()
    before = [w.copy() for w in net.weights] + [b.copy() for b in net.biases]
    g = grads(net)
    make_optimizer(name, **kw).step(net, g)
    after = net.weights + net.biases
    return [a - b for a, b in zip(after, before, strict=True)], list(g.dW) + list(g.db), before


def test_sgd_one_step():
    change, g, _ = one_step("sgd", lr=0.1)
    for c, gg in zip(change, g, strict=True):
        np.testing.assert_allclose(c, -0.1 * gg, rtol=1e-12, atol=1e-17)


def test_sgd_weight_decay_and_l1():
    change, g, p = one_step("sgd", lr=0.1, weight_decay=0.01, l1=0.02)
    for c, gg, pp in zip(change, g, p, strict=True):
        np.testing.assert_allclose(c, -0.1 * (gg + 0.01 * pp + 0.02 * np.sign(pp)), rtol=1e-12, atol=1e-17)


def test_momentum_and_nesterov_two_steps():
    net = small_net()
    w0 = net.weights[0].copy()
    g1 = grads(net)
    opt = make_optimizer("momentum", lr=0.1, momentum=0.9)
    opt.step(net, g1)
    np.testing.assert_allclose(net.weights[0], w0 - 0.1 * g1.dW[0], rtol=1e-14)  # b = g at t = 1
    w1 = net.weights[0].copy()
    g2 = grads(net)
    opt.step(net, g2)
    np.testing.assert_allclose(net.weights[0], w1 - 0.1 * (0.9 * g1.dW[0] + g2.dW[0]), rtol=1e-14)

    change, g, _ = one_step("nesterov", lr=0.1, momentum=0.9)
    np.testing.assert_allclose(change[0], -0.1 * 1.9 * g[0], rtol=1e-12)  # g + mu * b with b = g


@pytest.mark.parametrize(
    ("name", "kw", "scale"),
    [
        ("adam", {}, 1.0),  # m_hat = g, sqrt(v_hat) = |g|
        ("adagrad", {}, 1.0),  # s = g^2
        ("rmsprop", {"alpha": 0.99}, math.sqrt(0.01)),  # v = (1 - alpha) g^2
    ],
)
def test_adaptive_first_step_moves_by_lr_times_sign(name, kw, scale):
    lr = 0.01
    change, g, _ = one_step(name, lr=lr, **kw)
    eps = OPTIMIZERS[name].defaults["eps"]
    for c, gg, k in zip(change, g, ("W0", "W1", "b0", "b1"), strict=True):
        if k == "b0":  # no bias on layer 1: never touched
            np.testing.assert_array_equal(c, 0.0)
            continue
        np.testing.assert_allclose(c, -lr * gg / (scale * np.abs(gg) + eps), rtol=1e-9)
        if name != "rmsprop":
            big = np.abs(gg) > 1e-4
            np.testing.assert_allclose(c[big], -lr * np.sign(gg[big]), rtol=1e-5)


def test_adagrad_lr_decay():
    net = small_net()
    opt = make_optimizer("adagrad", lr=0.1, lr_decay=0.5)
    opt.step(net, grads(net))
    w = net.weights[1].copy()
    g = grads(net)
    s = opt.state[("W", 1)]["sum"] + g.dW[1] ** 2
    opt.step(net, g)
    np.testing.assert_allclose(net.weights[1], w - 0.1 / 1.5 * g.dW[1] / (np.sqrt(s) + 1e-10), rtol=1e-13)


def test_unknown_hyperparameter_and_bad_lr_are_refused():
    with pytest.raises(TypeError):
        make_optimizer("adam", momentum=0.9)
    with pytest.raises(ValueError):
        make_optimizer("nope")
    for lr in (-0.1, math.nan, math.inf):
        with pytest.raises(ValueError):
            make_optimizer("sgd", lr=lr)


# --------------------------------------------------------------- guards


def assert_states_equal(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    for pid in a:
        assert a[pid].keys() == b[pid].keys(), pid
        for key in a[pid]:
            if isinstance(a[pid][key], np.ndarray):
                assert np.array_equal(a[pid][key], b[pid][key]), (pid, key)
            else:
                assert a[pid][key] == b[pid][key], (pid, key)


@pytest.mark.parametrize(("name", "hyper"), [(n, h) for n, _, h in CONFIGS])
def test_non_finite_update_changes_nothing(name, hyper):
    net = small_net()
    opt = make_optimizer(name, lr=0.01, **hyper)
    for _ in range(3):
        opt.step(net, grads(net))  # some state to protect
    weights = [w.copy() for w in net.weights]
    biases = [b.copy() for b in net.biases]
    saved = opt.state_dict()
    g = grads(net)
    dW = list(g.dW)
    dW[1] = dW[1].copy()
    dW[1][0, 0] = math.inf  # one bad number in the last array checked
    bad = GradientRecord(g.loss, g.targets, g.da, g.delta, tuple(dW), g.db)
    with pytest.raises(NonFiniteError):
        opt.step(net, bad)
    for now, then in zip(net.weights + net.biases, weights + biases, strict=True):
        assert np.array_equal(now, then)
    assert opt.t == saved["t"] == 3
    assert_states_equal(opt.state, saved["state"])
    # ... and the optimizer carries on as if the refused step never happened.
    twin = small_net()
    twin_opt = make_optimizer(name, lr=0.01, **hyper)
    for _ in range(4):
        twin_opt.step(twin, grads(twin))
    opt.step(net, grads(net))
    for a, b in zip(net.weights + net.biases, twin.weights + twin.biases, strict=True):
        assert np.array_equal(a, b)


def test_overflowing_learning_rate_raises_instead_of_writing_inf():
    net = small_net()
    opt = make_optimizer("sgd", lr=1e308)
    g = grads(net)
    big = GradientRecord(g.loss, g.targets, g.da, g.delta, tuple(d * 1e10 for d in g.dW), g.db)
    before = net.state()
    with pytest.raises(NonFiniteError):
        opt.step(net, big)
    assert net.is_finite()
    for now, then in zip(net.weights, before["weights"], strict=True):
        assert np.array_equal(now, then)
    assert opt.t == 0


@pytest.mark.parametrize("name", NAMES)
def test_bias_less_layers_never_get_biases(name):
    net = small_net()
    opt = make_optimizer(name, lr=0.1, weight_decay=0.1, l1=0.1)
    for _ in range(3):
        g = grads(net)
        # Even a (wrong) non-zero bias gradient for the bias-less layer must be ignored.
        fake = GradientRecord(g.loss, g.targets, g.da, g.delta, g.dW, (np.ones(3), g.db[1]))
        opt.step(net, fake)
    np.testing.assert_array_equal(net.biases[0], 0.0)
    assert ("b", 0) not in opt.state
    if name == "sgd":
        assert opt.state == {}  # plain SGD keeps no state at all
    else:
        assert ("b", 1) in opt.state
    assert not np.array_equal(net.biases[1], 0.3)  # the layer with a bias does learn


def test_state_dict_round_trip_is_deep():
    net = small_net()
    opt = make_optimizer("adam", lr=0.01)
    opt.step(net, grads(net))
    saved = opt.state_dict()
    snapshot = saved["state"][("W", 0)]["exp_avg"].copy()
    opt.step(net, grads(net))
    assert np.array_equal(saved["state"][("W", 0)]["exp_avg"], snapshot)  # not aliased
    opt.load_state_dict(saved)
    assert opt.t == 1
    assert np.array_equal(opt.state[("W", 0)]["exp_avg"], snapshot)


def test_structure_change_gives_fresh_state():
    net = small_net()
    opt = make_optimizer("momentum", lr=0.1)
    opt.step(net, grads(net))
    net.add_neuron(1)
    g = grads(net)
    w = net.weights[0].copy()
    opt.step(net, g)
    np.testing.assert_allclose(net.weights[0], w - 0.1 * g.dW[0], rtol=1e-14)  # b = g again: fresh buffer
    assert opt.state[("W", 0)]["momentum_buffer"].shape == (2, 4)
