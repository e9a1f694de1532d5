"""The array-level optimizer API: one rule shared by Optimizer.step, stacked runs and the 2-D lab."""

from __future__ import annotations

import numpy as np
import pytest

from model.optimizers import NAMES, full_hyper, make_optimizer, rule, update

from .test_optimizers import CONFIGS, grads, small_net


@pytest.mark.parametrize(("name", "hyper"), [(n, h) for n, _, h in CONFIGS])
def test_optimizer_step_is_the_array_rule(name, hyper):
    """Optimizer.step equals update() on the same arrays, bit for bit, over several steps."""
    net = small_net()
    opt = make_optimizer(name, lr=0.05, weight_decay=0.01, l1=0.002, **hyper)
    w = net.weights[0].copy()
    state: dict = {}
    for t in range(1, 5):
        g = grads(net)
        w, state = update(name, w, g.dW[0], state, t, 0.05, weight_decay=0.01, l1=0.002, **hyper)
        opt.step(net, g)
        assert np.array_equal(net.weights[0], w)


@pytest.mark.parametrize(("name", "hyper"), [(n, h) for n, _, h in CONFIGS])
def test_stacked_per_run_lr_equals_separate_calls(name, hyper):
    """A leading run axis with lr of shape (K, 1, 1) gives exactly the K single-run results."""
    rng = np.random.default_rng(3)
    lrs = np.array([0.001, 0.01, 0.1, 1.0])
    p = np.broadcast_to(rng.normal(size=(3, 2)), (4, 3, 2)).copy()
    singles = [p[k].copy() for k in range(4)]
    stacked_state: dict = {}
    single_states: list[dict] = [{} for _ in range(4)]
    for t in range(1, 6):
        g = np.sin(3 * p) + 0.1 * t  # a gradient that depends on where each run is
        p, stacked_state = update(name, p, g, stacked_state, t, lrs[:, None, None], weight_decay=0.02, **hyper)
        for k in range(4):
            gk = np.sin(3 * singles[k]) + 0.1 * t
            singles[k], single_states[k] = update(name, singles[k], gk, single_states[k], t, lrs[k], 0.02, **hyper)
        for k in range(4):
            assert np.array_equal(p[k], singles[k]), (name, t, k)
    assert not np.array_equal(p[0], p[3])  # the learning rates did differ


@pytest.mark.parametrize("name", NAMES)
def test_two_d_descent_on_a_bowl(name):
    """The gradient lab's use: a point (2,) descends f(x0, x1) = x0²/20 + x1²; state starts empty."""
    x = np.array([-7.0, 2.0])
    state: dict = {}
    lr = {"sgd": 0.9, "momentum": 0.1, "nesterov": 0.1, "adagrad": 1.5, "rmsprop": 0.1, "adam": 0.3}[name]
    f0 = x[0] ** 2 / 20 + x[1] ** 2
    for t in range(1, 101):
        x, state = update(name, x, np.array([x[0] / 10, 2 * x[1]]), state, t, lr)
    assert x[0] ** 2 / 20 + x[1] ** 2 < 0.2 * f0
    assert set(state) <= {"momentum_buffer", "sum", "square_avg", "grad_avg", "exp_avg", "exp_avg_sq"}


def test_update_does_not_modify_the_given_state():
    p = np.ones(3)
    _, st1 = update("adam", p, np.ones(3), {}, 1, 0.1)
    saved = {k: v.copy() for k, v in st1.items()}
    update("adam", p, np.ones(3), st1, 2, 0.1)
    for k in saved:
        assert np.array_equal(st1[k], saved[k])


def test_full_hyper_and_rule_refuse_unknown_names():
    assert full_hyper("nesterov") == {"momentum": 0.9, "dampening": 0.0, "nesterov": True}
    assert "lr" not in full_hyper("adam", {"eps": 1e-6})
    with pytest.raises(TypeError):
        full_hyper("adam", {"momentum": 0.9})
    with pytest.raises(ValueError):
        rule("lbfgs")
