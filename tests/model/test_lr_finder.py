"""The learning-rate finder: deterministic, and its suggestion lies in the stable range of a quadratic."""

from __future__ import annotations

import math

import numpy as np
import pytest

from model import datasets
from model.dataset import Dataset
from model.lr_finder import LRFinder, find_lr, lr_schedule, suggest
from model.network import Network
from model.settings import TrainingSettings


def quadratic(seed: int = 0) -> tuple[Network, Dataset, float]:
    """A linear 3-1 network under mse: the loss is a quadratic in (w, b) with Hessian (2/n) [X 1]^T [X 1]."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(40, 3)) * np.array([1.0, 3.0, 0.5])
    y = X @ np.array([[1.5], [-2.0], [0.7]]) + 0.3 + 0.05 * rng.normal(size=(40, 1))
    A = np.hstack([X, np.ones((40, 1))])
    lam_max = float(np.linalg.eigvalsh(2.0 / len(X) * A.T @ A).max())
    net = Network([3, 1], ["linear"], loss="mse", seed=seed)
    return net, Dataset(X, y, kind="regression"), lam_max


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_suggestion_on_a_quadratic_is_stable(seed):
    net, data, lam_max = quadratic(seed)
    result = find_lr(net, data, TrainingSettings(optimizer="sgd", lr=0.1), start=1e-6, end=10.0, steps=100)
    assert result.stop in ("exploded", "diverged")  # 10 is far past 2/lambda_max: the search must end early
    assert 0 < result.suggestion < 2.0 / lam_max
    assert result.lrs[result.suggestion_index] == result.suggestion


def test_deterministic_for_a_seed_and_the_network_is_untouched():
    data = datasets.moons(n=60, noise=0.2, seed=3)
    net = Network([2, 6, 1], ["tanh", "sigmoid"], loss="bce", seed=1)
    before = [w.copy() for w in net.weights]
    settings = TrainingSettings(optimizer="adam", batch_size=8, shuffle=True, seed=4)
    a, b = find_lr(net, data, settings), find_lr(net, data, settings)
    assert np.array_equal(a.losses, b.losses) and a.suggestion == b.suggestion
    assert all(np.array_equal(w, v) for w, v in zip(net.weights, before, strict=True))
    c = find_lr(net, data, settings.copy(seed=5))
    assert not np.array_equal(a.losses[:20], c.losses[:20])  # another seed: other batches


def test_chunks_equal_one_run():
    net, data, _ = quadratic()
    settings = TrainingSettings(optimizer="momentum", batch_size=10, seed=2)
    whole = find_lr(net, data, settings)
    finder = LRFinder(net, data, settings)
    while not finder.run(seconds=0.0):  # one step per call at least
        pass
    part = finder.result()
    np.testing.assert_array_equal(part.smoothed, whole.smoothed)
    assert part.suggestion == whole.suggestion


def test_schedule_and_suggest():
    lrs = lr_schedule(1e-7, 10.0, 100)
    assert lrs[0] == 1e-7 and math.isclose(lrs[-1], 10.0) and np.all(np.diff(lrs) > 0)
    assert suggest(lrs[:5], np.array([1.0, 1.0, 1.0, 1.0, 1.0])) == -1  # never falls
    with pytest.raises(ValueError):
        lr_schedule(1.0, 0.1, 10)
