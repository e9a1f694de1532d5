"""Descent paths on 2-D functions: the optimizers' own rule, torch.optim's trajectories, labels, stability limits."""

from __future__ import annotations

import numpy as np
import pytest

from model.lab import descent as ds
from model.lab import functions2d as f2
from model.lab.ledger import ledger, ledger_markdown, path_csv
from model.optimizers import update

F = f2.FUNCTIONS_2D

CASES = [
    ("sgd", 0.1, {}),
    ("momentum", 0.05, {"momentum": 0.9}),
    ("nesterov", 0.05, {"momentum": 0.8}),
    ("adagrad", 0.5, {}),
    ("rmsprop", 0.05, {}),
    ("adam", 0.3, {}),
]


def torch_path(name, lr, hyper, key, start, steps):
    torch = pytest.importorskip("torch")
    x = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    kw = dict(hyper)
    if name in ("sgd", "momentum", "nesterov"):
        kw.setdefault("momentum", 0.0 if name == "sgd" else 0.9)
        opt = torch.optim.SGD([x], lr=lr, nesterov=name == "nesterov", **kw)
    else:
        opt = {"adagrad": torch.optim.Adagrad, "rmsprop": torch.optim.RMSprop, "adam": torch.optim.Adam}[name](
            [x], lr=lr, **kw
        )
    fns = {
        "sphere": lambda v: v[0] ** 2 + v[1] ** 2,
        "elliptic": lambda v: v[0] ** 2 / 20 + v[1] ** 2,
        "rosenbrock": lambda v: (1 - v[0]) ** 2 + 100 * (v[1] - v[0] ** 2) ** 2,
        "himmelblau": lambda v: (v[0] ** 2 + v[1] - 11) ** 2 + (v[0] + v[1] ** 2 - 7) ** 2,
    }
    out = [x.detach().numpy().copy()]
    for _ in range(steps):
        opt.zero_grad()
        fns[key](x).backward()
        opt.step()
        out.append(x.detach().numpy().copy())
    return np.array(out)


@pytest.mark.parametrize(("name", "lr", "hyper"), CASES)
@pytest.mark.parametrize("key", ["sphere", "elliptic", "rosenbrock", "himmelblau"])
def test_paths_equal_torch_optim(name, lr, hyper, key):
    if name in ("sgd", "momentum", "nesterov"):  # plain steps need a smaller lr on the steep functions
        lr /= {"rosenbrock": 100, "himmelblau": 10}.get(key, 1)
    start = (-1.5, 2.0) if key == "rosenbrock" else (-3.0, 4.0)
    path = ds.run_path(F[key], start, ds.PathSpec(name, lr, 25, hyper))
    ref = torch_path(name, lr, hyper, key, start, 25)
    assert path.points.shape == (26, 2)
    np.testing.assert_allclose(path.points, ref, rtol=1e-10, atol=1e-12)


def test_paths_are_the_optimizers_array_rule_step_by_step():
    path = ds.run_path(F["elliptic"], (-7.0, 2.0), ds.PathSpec("adam", 0.3, 30))
    x, state = np.array([-7.0, 2.0]), {}
    for t in range(1, 31):
        x, state = update("adam", x, F["elliptic"].grad(x[0:1], x[1:2])[:, 0], state, t, 0.3)
        assert np.array_equal(path.points[t], x)


def test_the_textbook_descent_and_its_numerical_gradient():
    # note 003: x0² + x1² from (−3, 4), lr 0.1: each step multiplies x by 0.8
    path = ds.run_path(F["sphere"], (-3.0, 4.0), ds.PathSpec("sgd", 0.1, 20), numerical=True)
    np.testing.assert_allclose(path.points[-1], np.array([-3.0, 4.0]) * 0.8**20, rtol=1e-9)
    assert path.label == "moving"
    long = ds.run_path(F["sphere"], (-3.0, 4.0), ds.PathSpec("sgd", 0.1, 100), numerical=True)
    np.testing.assert_allclose(long.points[-1], [-6.11e-10, 8.15e-10], rtol=1e-2)  # the book's printout
    assert long.label == "converged"


def test_the_books_too_large_learning_rate_reproduces_and_is_not_called_converged():
    # lr = 10, 100 steps with the note's numerical gradient: the book prints [-2.58983747e+13, -1.29524862e+12]
    path = ds.run_path(F["sphere"], (-3.0, 4.0), ds.PathSpec("sgd", 10.0, 100), numerical=True)
    np.testing.assert_allclose(path.points[-1], [-2.58983747e13, -1.29524862e12], rtol=1e-8)
    assert path.label == "diverged" and path.swallowed() and np.all(path.final_grad == 0)
    assert not ds.run_path(F["sphere"], (-3.0, 4.0), ds.PathSpec("sgd", 0.1, 20)).swallowed()


def test_labels():
    too_big = ds.run_path(F["sphere"], (-3.0, 4.0), ds.PathSpec("sgd", 10.0, 20))
    too_small = ds.run_path(F["sphere"], (-3.0, 4.0), ds.PathSpec("sgd", 1e-10, 20))
    bouncing = ds.run_path(F["sphere"], (-3.0, 4.0), ds.PathSpec("sgd", 1.0, 20))
    far = ds.run_path(F["sphere"], (-3.0, 4.0), ds.PathSpec("sgd", 10.0, 2000))
    assert too_big.label == "diverged" and not too_big.stopped_early
    assert far.label == "diverged" and far.stopped_early and far.steps_taken < 2000
    assert too_small.label == "moving" and np.allclose(too_small.points[-1], [-3, 4])
    assert bouncing.label == "oscillating"
    assert ds.run_path(F["elliptic"], (-7.0, 2.0), ds.PathSpec("sgd", 0.95, 30)).label == "oscillating"


def test_bad_specs_are_refused():
    with pytest.raises(ValueError):
        ds.run_path(F["sphere"], (0, 0), ds.PathSpec("lbfgs", 0.1, 3))
    with pytest.raises(ValueError):
        ds.run_path(F["sphere"], (0, 0), ds.PathSpec("sgd", float("nan"), 3))
    with pytest.raises(ValueError):
        ds.run_path(F["sphere"], (0, 0), ds.PathSpec("sgd", 0.1, ds.MAX_STEPS + 1))


def spectral_radius(name, lr, lam, mu):
    """Largest |eigenvalue| of one step's linear map on (lr·b, x) along a Hessian eigenvector λ."""
    a = lr * lam
    if name == "sgd":
        return abs(1 - a)
    m = np.array([[mu, a], [-(mu**2), 1 - a * (1 + mu)]]) if name == "nesterov" else np.array([[mu, a], [-mu, 1 - a]])
    return max(abs(np.linalg.eigvals(m)))


@pytest.mark.parametrize(("name", "mu"), [("sgd", 0.0), ("momentum", 0.9), ("momentum", 0.5), ("nesterov", 0.9)])
def test_stability_limit_is_where_the_spectral_radius_reaches_one(name, mu):
    hyper = {} if name == "sgd" else {"momentum": mu}
    limit = ds.stability_limit(F["elliptic"], name, hyper)
    assert limit.reason == "ok" and limit.lambda_max == pytest.approx(2.0)
    assert (
        spectral_radius(name, limit.lr_max * 0.999, 2.0, mu) < 1 < spectral_radius(name, limit.lr_max * 1.001, 2.0, mu)
    )
    if name == "sgd":
        assert limit.lr_max == pytest.approx(1.0)  # 2 / λ_max
        for lr, label in ((0.99, "oscillating"), (1.01, "diverged")):
            path = ds.run_path(F["elliptic"], (-7.0, 2.0), ds.PathSpec("sgd", lr, 400))
            assert path.label == label


def test_stability_limit_reasons():
    assert ds.stability_limit(F["rosenbrock"], "sgd").reason == "not_quadratic"
    assert ds.stability_limit(F["saddle"], "sgd").reason == "not_convex"
    assert ds.stability_limit(F["sphere"], "adam").reason == "adaptive"
    assert ds.stability_limit(F["sphere"], "sgd").lr_max == pytest.approx(1.0)


@pytest.mark.parametrize(("name", "lr", "hyper"), CASES)
def test_ledger_numbers_are_the_paths(name, lr, hyper):
    path = ds.run_path(F["elliptic"], (-7.0, 2.0), ds.PathSpec(name, lr, 5, hyper))
    for t in (1, 2, 5):
        e = ledger(path, t)
        np.testing.assert_array_equal(e.new_x - e.x, e.step)
        np.testing.assert_allclose(e.x - e.effective_lr * e.grad, e.new_x, rtol=1e-12)
        assert len(e.lines) >= 2 and e.lines[-1].endswith(e.lines[-1].split("= ")[-1])
    e = ledger(path, 2)
    if name == "adam":
        np.testing.assert_allclose(e.derived["m_hat"], e.state_after["exp_avg"] / (1 - 0.9**2))
    if name == "nesterov":
        np.testing.assert_allclose(e.derived["look_ahead"] - lr * e.grad, e.new_x, rtol=1e-12)
    with pytest.raises(ValueError):
        ledger(path, 6)


def test_ledger_text_of_the_first_textbook_step():
    path = ds.run_path(F["sphere"], (-3.0, 4.0), ds.PathSpec("sgd", 0.1, 20))
    e = ledger(path, 1)
    assert e.lines[0] == "x0 ← x0 − lr × g0 = (-3) − 0.1 × (-6) = -2.4"
    assert "| ∇f | -6 | 8 |" in ledger_markdown(e, "Step 1")
    csv = path_csv(path).splitlines()
    assert csv[0] == "step,x0,x1,f,g0,g1" and csv[1] == "0,-3.0,4.0,25.0,-6.0,8.0" and len(csv) == 22
