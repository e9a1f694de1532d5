"""The bounded parameter history (model/param_history.py) and breakpoints (model/breakpoints.py)."""

from __future__ import annotations

import numpy as np
import pytest

import model
from model import Dataset, Network, Trainer, TrainingSettings, breakpoints, presets
from model.param_history import ParamHistory, flatten

TINY = [1, 1]  # one weight and one bias: 2 parameters, 24 bytes a row


def _params(step: int) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Parameters that identify their step exactly (a float64 holds every integer below 2^53)."""
    return [np.array([[float(step)]])], [np.array([-0.5 * step])]


def test_store_keeps_every_step_until_the_budget_then_thins_evenly() -> None:
    h = ParamHistory(TINY, budget=24 * 64 + 32)  # room for 64 grid rows
    assert h.capacity == 64
    for step in range(64):
        h.record(step, *_params(step))
    assert h.stride == 1 and list(h.steps()) == list(range(64))
    h.record(64, *_params(64))
    assert h.stride == 2
    kept = h.steps()
    # Steps 0, 2, ... 64 on the coarser grid, and 63 too: the step before the latest stays exact.
    assert list(kept) == [*range(0, 63, 2), 63, 64]


def test_store_stays_within_budget_over_a_million_steps_and_returns_exact_parameters() -> None:
    budget = 64 * 1024
    h = ParamHistory(TINY, budget=budget)
    w, b = _params(0)
    for step in range(1_000_000):
        w[0][0, 0] = step
        b[0][0] = -0.5 * step
        h.record(step, w, b)
        if step % 50_000 == 0:
            assert h.nbytes <= budget
    assert h.nbytes <= budget
    kept = h.steps()
    assert kept[-1] == 999_999 and kept[0] == 0
    assert len(kept) > h.capacity // 2  # thinned evenly, never emptied
    gaps = np.diff(kept[:-2])
    assert np.all(gaps == h.stride)  # an even grid
    for step in (0, int(kept[len(kept) // 2]), int(kept[-2]), 999_999, 999_998):
        weights, biases = h.params(step)
        assert weights[0][0, 0] == step and biases[0][0] == -0.5 * step
    with pytest.raises(KeyError):
        h.params(int(kept[1]) + 1)


def test_default_budget_is_64_mb_for_a_real_network() -> None:
    h = ParamHistory([2, 8, 8, 1])
    assert h.budget == 64 * 2**20
    assert h.capacity * (8 * h.n_params + 8) <= h.budget


def test_recording_an_earlier_step_forgets_the_later_ones() -> None:
    h = ParamHistory(TINY)
    for step in range(10):
        h.record(step, *_params(step))
    h.record(4, *_params(40))  # "continue from here" at step 3, then a new step 4
    assert list(h.steps()) == [0, 1, 2, 3, 4]
    assert h.params(4)[0][0][0, 0] == 40
    assert h.nearest(100) == 4 and h.nearest(-3) == 0


def test_history_records_a_trainer_step_by_step() -> None:
    doc = presets.load_preset("xor_train")
    trainer = Trainer(doc.network, doc.dataset, doc.training)
    h = ParamHistory(doc.network.sizes)
    h.record(0, doc.network.weights, doc.network.biases)
    trainer.observers.append(h)
    expected = {0: flatten(doc.network.weights, doc.network.biases)}
    for _ in range(25):
        trainer.train_step()
        expected[trainer.steps] = flatten(doc.network.weights, doc.network.biases)
    assert list(h.steps()) == list(range(26))
    for step, row in expected.items():
        assert np.array_equal(h.row(step), row)
    weights, biases = h.params(7)
    assert [w.shape for w in weights] == [(2, 2), (2, 1)] and [b.shape for b in biases] == [(2,), (1,)]


def test_too_large_a_network_for_the_budget_is_refused_in_one_sentence() -> None:
    with pytest.raises(ValueError, match="too large"):
        ParamHistory([100, 100, 100], budget=100_000)


# ---------------------------------------------------------------- breakpoints
def _relu_trainer(lr: float) -> Trainer:
    """1 input -> 3 ReLU -> 1 linear on x in [0.5, 1]: a big learning rate pushes units below 0 for good."""
    X = np.linspace(0.5, 1.0, 8).reshape(-1, 1)
    Y = 3.0 * X
    net = Network(
        [1, 3, 1],
        ["relu", "linear"],
        loss="mse",
        weights=[np.array([[1.0, 0.8, 0.6]]), np.array([[1.0], [1.0], [1.0]])],
        biases=[np.array([0.1, 0.1, 0.1]), np.zeros(1)],
    )
    return Trainer(net, Dataset(X, Y, kind="regression"), TrainingSettings(lr=lr, batch_size=0))


def test_unit_died_fires_at_the_step_the_unit_dies() -> None:
    trainer = _relu_trainer(lr=0.5)
    bp = breakpoints.Breakpoints()
    bp.enabled = {breakpoints.UNIT_DIED}
    bp.arm(trainer)
    trainer.observers.append(bp)
    done = trainer.train_for(10.0, max_steps=200)
    assert bp.hit is not None and bp.hit.code == breakpoints.UNIT_DIED
    assert trainer.steps == done == bp.hit.step
    layer, unit = bp.hit.where
    fwd = trainer.network.forward(trainer.dataset.X)
    assert layer == 1 and not fwd.a[1][:, unit].any()  # dead now ...
    # ... and alive one step earlier: replay the same run without the breakpoint.
    replay = _relu_trainer(lr=0.5)
    for _ in range(bp.hit.step - 1):
        replay.train_step()
    assert replay.network.forward(replay.dataset.X).a[1][:, unit].any()


def _line_trainer(lr: float = 0.05) -> Trainer:
    """y = w x fitted to y = 2x from w = -1: the weight crosses 0 on its way up."""
    X = np.linspace(-1.0, 1.0, 5).reshape(-1, 1)
    net = Network([1, 1], ["linear"], loss="mse", bias=False, weights=[np.array([[-1.0]])])
    return Trainer(net, Dataset(X, 2.0 * X, kind="regression"), TrainingSettings(lr=lr))


def test_sign_change_fires_once_then_play_goes_on() -> None:
    reference = _line_trainer()
    while reference.network.weights[0][0, 0] < 0:
        reference.train_step()
    first = reference.steps
    assert first > 3
    trainer = _line_trainer()
    bp = breakpoints.Breakpoints()
    bp.enabled = {breakpoints.WEIGHT_SIGN_CHANGED}
    bp.weight = (0, 0, 0)
    bp.arm(trainer)
    trainer.observers.append(bp)
    trainer.train_for(60.0, max_steps=3000)
    assert bp.hit is not None and bp.hit.step == first == trainer.steps
    before, after = bp.hit.values
    assert before < 0 < after
    assert trainer.stop_reason is None  # a pause, not a stop
    assert trainer.train_for(60.0, max_steps=50) == 0  # the breakpoint holds until Play resumes
    bp.hit = None
    trainer.pause_requested = False
    assert trainer.train_for(60.0, max_steps=50) == 50  # Play goes on; the sign does not change back
    assert bp.hit is None


def test_accuracy_full_fires_when_every_training_sample_is_right() -> None:
    doc = presets.load_preset("xor_train")
    trainer = Trainer(doc.network, doc.dataset, doc.training)
    bp = breakpoints.Breakpoints()
    bp.enabled = {breakpoints.TRAIN_ACCURACY_FULL}
    bp.arm(trainer)
    trainer.observers.append(bp)
    trainer.train_for(60.0, max_steps=5000)
    assert bp.hit is not None and bp.hit.code == breakpoints.TRAIN_ACCURACY_FULL
    assert trainer.evaluate()[1] == 1.0
    reference = Trainer(presets.load_preset("xor_train").network, doc.dataset, doc.training)
    for _ in range(bp.hit.step - 1):
        reference.train_step()
    assert reference.evaluate()[1] < 1.0


def test_validation_rise_fires_after_k_rising_epochs() -> None:
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 2))
    Y = (rng.random((40, 1)) < 0.5).astype(float)  # pure noise: validation loss must turn up
    data = Dataset(X, Y)
    data.resplit((0.5, 0.5, 0.0), seed=1)
    net = Network([2, 32, 32, 1], ["relu", "relu", "sigmoid"], loss="bce", seed=0)
    trainer = Trainer(net, data, TrainingSettings(optimizer="adam", lr=0.01))
    bp = breakpoints.Breakpoints()
    bp.enabled = {breakpoints.VALIDATION_ROSE}
    bp.patience = 3
    bp.arm(trainer)
    trainer.observers.append(bp)
    trainer.run(500)
    assert bp.hit is not None
    val = [r.val_loss for r in trainer.history]
    e = trainer.epoch
    assert val[e - 4] < val[e - 3] < val[e - 2] < val[e - 1]
    assert bp.hit.values[0] == 3.0 and bp.hit.values[2] == val[e - 1]


def test_a_diverging_loss_is_reported_as_the_non_finite_breakpoint() -> None:
    trainer = _line_trainer(lr=50.0)  # far beyond the stability limit: the loss explodes
    bp = breakpoints.Breakpoints()
    bp.enabled = {breakpoints.LOSS_NON_FINITE}
    assert bp.after_stop(trainer) is None
    trainer.train_for(60.0, max_steps=10_000)
    assert trainer.stop_reason is not None
    hit = bp.after_stop(trainer)
    assert hit is not None and hit.code == breakpoints.LOSS_NON_FINITE and hit.step == trainer.steps
    assert trainer.divergence(hit.values[0]) is not None


# ---------------------------------------------------------------- early stopping
def test_early_stopping_restores_exactly_the_best_epochs_weights() -> None:
    doc = presets.load_preset("overfitting")
    doc.training.patience = 5
    trainer = Trainer(doc.network, doc.dataset, doc.training)
    h = ParamHistory(doc.network.sizes)
    trainer.observers.append(h)  # full batch: epoch e ends with step e + 1
    trainer.run(500)
    assert trainer.stop_reason is not None and trainer.stop_reason.code == "early_stopping"
    val = [r.val_loss for r in trainer.history]
    best = int(np.argmin(val))
    assert trainer.best_epoch == trainer.restored_epoch == best < len(val) - 5
    weights, biases = h.params(best + 1)
    for w, kept in zip(doc.network.weights + doc.network.biases, weights + biases, strict=True):
        assert np.array_equal(w, kept)
    assert trainer.evaluate(model.VALIDATION)[0] == val[best]
