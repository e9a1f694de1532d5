"""Stacked runs equal K separate Trainers: every optimizer, loss, bias pattern, variable and a diverging member."""

from __future__ import annotations

import math

import numpy as np
import pytest

from model import datasets
from model.dataset import Dataset
from model.network import Network
from model.optimizers import NAMES
from model.run_specs import RunSpecError, log_sweep, parse_values
from model.runs import RunSet
from model.settings import TrainingSettings
from model.trainer import Trainer

RTOL = 1e-12


def close(a, b, what):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    scale = max(1.0, float(np.nanmax(np.abs(b))) if b.size and np.isfinite(b).any() else 1.0)
    np.testing.assert_allclose(a, b, rtol=RTOL, atol=RTOL * scale, err_msg=what)


def trainers_for(runs: RunSet) -> list[Trainer]:
    return [Trainer(spec.network.copy(), runs.dataset, spec.settings.copy()) for spec in runs.specs]


def assert_same_as_trainers(runs: RunSet, epochs: int) -> list[Trainer]:
    """Train the set and one Trainer per spec; every number of every run must agree."""
    refs = trainers_for(runs)
    # Same start: each run's network before training is its spec's network.
    for k, ref in enumerate(refs):
        start = runs.network(k, epoch=0)
        for a, b in zip(start.weights + start.biases, ref.network.weights + ref.network.biases, strict=True):
            assert np.array_equal(a, b), f"run {k} does not start from its spec's weights"
    # Same batch order: the first batches of every run are its Trainer's.
    for k, ref in enumerate(refs):
        assert np.array_equal(runs.peek_batch(k), ref.peek_batch())
    assert runs.train(epochs) is True
    for ref in refs:
        ref.run(epochs)
    for k, ref in enumerate(refs):
        label = f"run {k} ({runs.specs[k].label})"
        assert runs.steps(k) == ref.steps, label
        assert runs.epoch(k) == len(ref.history), label
        _, step_loss = runs.step_losses(k)
        close(step_loss[: ref.steps], ref.step_losses, f"{label} step losses")
        assert np.isnan(step_loss[ref.steps :]).all(), f"{label}: nothing is recorded after a run stops"
        n = len(ref.history)
        for name in ("loss", "val_loss", "accuracy", "val_accuracy", "lr"):
            _, got = runs.epoch_values(k, name)
            want = [getattr(h, name) for h in ref.history]
            close(got[:n], want, f"{label} epoch {name}")
        net = runs.network(k)
        for a, b in zip(net.weights + net.biases, ref.network.weights + ref.network.biases, strict=True):
            close(a, b, f"{label} parameters")
        stop = runs.stop(k)
        if ref.stop_reason is None:
            assert stop is None, label
        else:
            assert stop is not None, f"{label} should have stopped: {ref.stop_reason}"
            expected = {"diverged": "diverged", "non_finite_update": "non_finite", "early_stopping": "early_stopping"}
            assert expected[ref.stop_reason.code] == stop.code, (
                stop,
                ref.stop_reason,
            )
            assert stop.step == ref.steps
    return refs


def xor() -> tuple[Network, Dataset]:
    net = Network([2, 4, 1], ["tanh", "sigmoid"], loss="bce", seed=3)
    return net, datasets.truth_table("xor")


def small_classification(loss: str, bias: list[bool]) -> tuple[Network, Dataset]:
    data = datasets.moons(n=40, noise=0.2, seed=1)
    data.resplit((0.75, 0.25, 0.0), seed=2)
    if loss == "cross_entropy":
        Y = data.Y[:, 0]
        data = Dataset(data.X, np.stack([1 - Y, Y], axis=1), data.split)
        return Network([2, 5, 2], ["relu", "softmax"], loss=loss, bias=bias, seed=4), data
    out = "sigmoid" if loss == "bce" else "tanh"
    return Network([2, 5, 3, 1], ["tanh", "leaky_relu", out], loss=loss, bias=bias + [True], seed=4), data


@pytest.mark.parametrize("name", NAMES)
def test_lr_sweep_equals_trainers_for_every_optimizer(name):
    net, data = xor()
    settings = TrainingSettings(optimizer=name, lr=0.1)
    runs = RunSet(net, data, settings, "lr", [0.003, 0.05, 0.3, 2.0])
    assert len(runs.groups) == 1, "an lr sweep is one stacked computation"
    assert_same_as_trainers(runs, 40)


@pytest.mark.parametrize("loss", ["mse", "bce", "cross_entropy"])
@pytest.mark.parametrize("bias", [[True, True], [False, True], [True, False]])
def test_mini_batches_validation_schedule_and_bias_patterns(loss, bias):
    net, data = small_classification(loss, bias)
    settings = TrainingSettings(
        optimizer="momentum",
        lr=0.1,
        batch_size=7,
        shuffle=True,
        seed=5,
        weight_decay=0.01,
        schedule="step",
        schedule_params={"gamma": 0.5, "step_size": 3},
    )
    runs = RunSet(net, data, settings, "lr", [0.02, 0.2, 0.6])
    assert_same_as_trainers(runs, 8)
    assert runs.epoch(0) == 8


@pytest.mark.parametrize("loss", ["mse", "bce", "cross_entropy"])
def test_dropout_equals_trainers_with_every_loss(loss):
    """Dropout in the stacked pass: each run draws its Trainer's masks; rates vary or are shared, mini-batches."""
    net, data = small_classification(loss, [True, True])
    settings = TrainingSettings(optimizer="adam", lr=0.02, batch_size=9, shuffle=True, seed=3, dropout=0.3)
    runs = RunSet(net, data, settings, "lr", [0.005, 0.02, 0.1])
    assert len(runs.groups) == 1
    assert_same_as_trainers(runs, 6)
    runs = RunSet(net, data, settings, "dropout", [0.0, 0.25, 0.6])
    assert len(runs.groups) == 1, "runs with different dropout rates share one stacked computation"
    refs = assert_same_as_trainers(runs, 6)
    assert not np.array_equal(refs[0].network.weights[0], refs[1].network.weights[0])


def test_dropout_on_a_deep_net_with_a_diverging_member():
    net = Network([2, 6, 5, 4, 1], ["relu", "sigmoid", "tanh", "sigmoid"], loss="bce", seed=2)
    data = datasets.moons(n=30, noise=0.2, seed=4)
    settings = TrainingSettings(optimizer="sgd", lr=0.5, batch_size=0, dropout=0.4)
    runs = RunSet(net, data, settings, "lr", [0.05, 0.5, 1e6])
    refs = assert_same_as_trainers(runs, 30)
    assert refs[2].stop_reason is not None and runs.stop(2) is not None


def test_every_optimizer_with_its_own_hyperparameters():
    net, data = small_classification("bce", [False, True])
    values = [
        "sgd(lr=0.5)",
        "momentum(lr=0.1, dampening=0.2)",
        "nesterov(lr=0.1, momentum=0.8)",
        "adagrad(lr=0.1, lr_decay=0.01, initial_accumulator_value=0.1)",
        "rmsprop(lr=0.01, centered=true, momentum=0.5)",
        "adam(lr=0.02, betas=0.8/0.99, amsgrad=true)",
    ]
    runs = RunSet(net, data, TrainingSettings(batch_size=10), "optimizer", parse_values("optimizer", ", ".join(values)))
    assert [s.settings.optimizer for s in runs.specs] == list(NAMES)
    assert runs.specs[5].settings.hyper == {"betas": (0.8, 0.99), "amsgrad": True}
    assert_same_as_trainers(runs, 5)


def test_a_diverging_member_stops_alone():
    """On a linear regression, lr = 3 explodes: that run stops, the others train to the end."""
    data = datasets.line(n=30, noise=0.1, seed=0)
    net = Network([1, 3, 1], ["linear", "linear"], loss="mse", seed=2)
    runs = RunSet(net, data, TrainingSettings(lr=0.1), "lr", [0.01, 0.1, 3.0, 1e6])
    refs = assert_same_as_trainers(runs, 60)
    assert runs.stop(2) is not None and runs.stop(2).code == "diverged"
    assert runs.stop(3) is not None
    assert runs.stop(0) is None and runs.stop(1) is None
    assert runs.epoch(0) == 60 and runs.epoch(2) < 60
    status = runs.status(2)
    assert status.code == "diverged" and status.step == refs[2].steps
    assert runs.status(1).code == "converging"


def test_non_finite_update_is_refused_per_run():
    """An overflowing update (not a diverged loss) stops that run with non_finite, as the Trainer does."""
    data = Dataset(np.array([[10.0], [9.0]]), np.array([[100.0], [90.0]]), kind="regression")
    net = Network([1, 1], ["linear"], loss="mse", seed=0)
    runs = RunSet(net, data, TrainingSettings(lr=0.1), "lr", [1e-4, 1e306])
    assert_same_as_trainers(runs, 3)
    assert runs.stop(1).code == "non_finite" and runs.stop(0) is None


def test_early_stopping_per_run():
    net, data = small_classification("bce", [True, True])
    settings = TrainingSettings(optimizer="adam", lr=0.05, batch_size=5, patience=2)
    runs = RunSet(net, data, settings, "lr", [0.001, 0.3, 3.0])
    assert_same_as_trainers(runs, 40)
    assert any(runs.stop(k) is not None and runs.stop(k).code == "early_stopping" for k in range(3))


@pytest.mark.parametrize(
    ("variable", "values", "groups"),
    [
        ("batch_size", [1, 3, 0], 3),
        ("weight_decay", [0.0, 0.01, 0.1], 1),
        ("l1", [0.0, 0.001, 0.05], 1),
        ("dropout", [0.0, 0.2, 0.5], 1),
        ("init", ["xavier", "he", "uniform"], 1),
        ("seed", [0, 1, 2], 1),
        ("init_scale", [0.1, 1.0, 4.0], 1),
        ("activation", ["sigmoid", "tanh", "relu"], 3),
        ("hidden_width", [1, 2, 6], 3),
    ],
)
def test_every_variable_equals_trainers(variable, values, groups):
    net, data = xor()
    settings = TrainingSettings(optimizer="adam", lr=0.05, batch_size=0, shuffle=True, seed=1)
    runs = RunSet(net, data, settings, variable, values)
    assert len(runs.groups) == groups
    assert_same_as_trainers(runs, 12)


def test_runs_share_the_start_and_differ_only_in_the_variable():
    net, data = xor()
    runs = RunSet(net, data, TrainingSettings(lr=0.5, batch_size=2, seed=9), "lr", [0.1, 1.0])
    a, b = runs.specs
    for w0, w1, w in zip(a.network.weights, b.network.weights, net.weights, strict=True):
        assert np.array_equal(w0, w) and np.array_equal(w1, w)
    assert a.settings.copy(lr=1.0) == b.settings
    runs.train(3)
    x0, loss0 = runs.step_losses(0)
    assert list(x0) == list(range(6)) and np.isfinite(loss0).all()
    assert not np.array_equal(runs.network(0).weights[0], runs.network(1).weights[0])
    # The network given is never touched.
    assert np.array_equal(net.weights[0], xor()[0].weights[0])


def test_history_is_bounded():
    net, data = xor()
    runs = RunSet(net, data, TrainingSettings(lr=0.5), "lr", [0.1, 0.5], max_points=64, max_checkpoints=8)
    runs.train(1000)
    x, loss = runs.step_losses(1)
    assert len(x) <= 64 and x[-1] >= 1000 - 2 * (x[1] - x[0])
    assert len(runs.checkpoint_epochs(0)) <= 9
    assert runs.nbytes() < 64 * 8 * 2 * 6 + 1
    ref = Trainer(runs.specs[1].network.copy(), data, runs.specs[1].settings.copy())
    ref.run(1000)
    close(loss, np.asarray(ref.step_losses)[x], "decimated curve = every stride-th loss")
    # The scrubber's networks: the one at a checkpoint equals a Trainer stopped there.
    e = runs.checkpoint_epochs(1)[3]
    ref2 = Trainer(runs.specs[1].network.copy(), data, runs.specs[1].settings.copy())
    ref2.run(e)
    close(runs.network(1, epoch=e).weights[0], ref2.network.weights[0], "checkpoint")


def test_status_codes():
    net, data = xor()
    runs = RunSet(net, data, TrainingSettings(optimizer="sgd"), "lr", [1e-4, 2.0, 400.0])
    runs.train(300)
    assert runs.status(0).code == "too_slow"
    assert runs.status(0).drop < 0.1
    assert runs.status(1).code == "converging"
    assert runs.status(2).code in ("oscillating", "diverged")
    s = runs.summary(1, target=0.5)
    assert s.epochs == 300 and 0 < s.epochs_to_target <= 300 and s.best_loss <= s.final_loss + 1e-15
    assert "too slow" in runs.status(0).sentence()


def test_bad_values_are_refused_with_a_sentence():
    net, data = xor()
    for variable, values in [
        ("lr", [-1]),
        ("lr", ["x"]),
        ("batch_size", [1.5]),
        ("init", ["gauss"]),
        ("activation", ["softmax"]),
        ("hidden_width", [0]),
        ("optimizer", ["lbfgs"]),
        ("colour", [1]),
        ("lr", []),
    ]:
        with pytest.raises(RunSpecError) as err:
            RunSet(net, data, TrainingSettings(), variable, values)
        assert str(err.value).endswith(".")
    with pytest.raises(RunSpecError):
        parse_values("optimizer", "adam(momentum=0.9)")
    with pytest.raises(RunSpecError, match="below 1"):
        RunSet(net, data, TrainingSettings(), "dropout", [0.5, 1.0])
    perceptron = Network([2, 1], ["sigmoid"], loss="bce")
    with pytest.raises(RunSpecError, match="no hidden layer"):
        RunSet(perceptron, data, TrainingSettings(), "hidden_width", [2])


def test_log_sweep():
    assert log_sweep(0.001, 10, 5) == [0.001, 0.01, 0.1, 1.0, 10.0]
    with pytest.raises(RunSpecError):
        log_sweep(0, 1, 3)
    assert math.isclose(log_sweep(1e-3, 1, 4)[1], 0.01)


def test_the_lab_lessons_do_what_their_texts_promise():
    from model.presets import load_preset

    doc = load_preset("learning_rate_too_small_too_large")
    hint = doc.view["lab"]
    runs = RunSet(doc.network, doc.dataset, doc.training, hint["variable"], hint["values"])
    runs.train(hint["epochs"])
    assert [runs.status(k).code for k in range(3)] == ["too_slow", "converging", "diverged"]
    assert runs.summary(1).accuracy >= 0.9

    doc = load_preset("optimizers_compare")
    hint = doc.view["lab"]
    runs = RunSet(doc.network, doc.dataset, doc.training, hint["variable"], hint["values"])
    assert [s.settings.optimizer for s in runs.specs] == list(NAMES)
    assert [s.settings.lr for s in runs.specs] == [0.001, 0.001, 0.001, 0.01, 0.01, 0.001]  # torch's defaults

    doc = load_preset("batch_size_compare")
    hint = doc.view["lab"]
    runs = RunSet(doc.network, doc.dataset, doc.training, hint["variable"], hint["values"])
    runs.train(1)
    assert [runs.steps(k) for k in range(3)] == [100, 13, 1]


@pytest.mark.parametrize("dropout", [0.0, 0.3])
def test_a_step_allocates_no_layer_sized_array(dropout):
    """The stacked step reuses its hidden layers' arrays (model.run_pass.Workspace): after the first step no
    allocation is as large as one layer (16 runs × 500 samples × 8 units = 512 kB), so the process's heap needs no
    tuning (glibc maps such blocks fresh from the kernel on every allocation)."""
    import tracemalloc

    net = Network([2, 8, 8, 1], ["tanh", "relu", "sigmoid"], loss="bce", seed=0)
    data = datasets.spiral(n=500, noise=0.1, seed=0)
    runs = RunSet(net, data, TrainingSettings(lr=0.1, batch_size=0, dropout=dropout), "lr", log_sweep(0.01, 1, 16))
    runs.train(2)
    layer = 16 * 500 * 8 * 8
    tracemalloc.start()
    try:
        runs.train(6)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert runs.steps(0) == 6
    assert peak < layer, f"a step allocated {peak} bytes at its peak"


def test_no_training_data_finishes_at_once():
    net, data = xor()
    data.split[:] = 1  # everything is validation
    runs = RunSet(net, data, TrainingSettings(), "lr", [0.1, 1.0])
    assert runs.train(10) is True and runs.steps(0) == 0 and runs.status(0).code == "too_early"


def test_track_thins_by_the_trainer_histories_rule():
    """The runs' Track is a model.history.History underneath: the same kept indices and values."""
    from model.history import LossHistory
    from model.run_status import Track

    track, ref = Track(3, ("loss", "lr"), max_points=64), LossHistory(budget=64)
    for i in range(1000):
        rows = slice(None) if i < 500 else np.array([0, 2])  # run 1 stopped at 500
        v = np.array([i, 10 + i, 20 + i], dtype=float)
        track.append(rows, loss=v[rows], lr=-v[rows])
        ref.add(float(i))
    assert list(track.x) == list(ref.numbers()) and track.stride == ref.stride == 16
    assert np.array_equal(track.values("loss")[0], np.asarray(ref))
    assert np.array_equal(track.values("lr")[2], -20 - np.asarray(ref))
    late = track.x >= 500
    assert np.isnan(track.values("loss")[1][late]).all() and not np.isnan(track.values("loss")[1][~late]).any()
    assert not track.values("loss").flags.writeable


def test_gradient_norms_per_layer_equal_the_trainers():
    """Per epoch the mean over its steps of ‖∂L/∂W_j‖, as a Trainer's observer would compute it from its dW."""
    net, data = small_classification("bce", [True, True])
    settings = TrainingSettings(optimizer="adam", lr=0.05, batch_size=9, shuffle=True, seed=2, dropout=0.2)
    runs = RunSet(net, data, settings, "activation", ["sigmoid", "relu"], grad_norms=True)
    runs.train(4)
    for k in range(2):
        ref = Trainer(runs.specs[k].network.copy(), data, runs.specs[k].settings.copy())
        per_step: list[list[float]] = []
        ref.observers.append(lambda t, g, out, seen=per_step: seen.append([float(np.linalg.norm(d)) for d in g.dW]))
        want = []
        for _ in range(4):
            per_step.clear()
            ref.train_epoch()
            want.append(np.mean(per_step, axis=0))
        epochs, norms = runs.grad_norms(k)
        assert list(epochs) == [0, 1, 2, 3] and norms.shape == (3, 4)
        close(norms, np.array(want).T, f"run {k} gradient norms")
    with pytest.raises(ValueError):
        RunSet(net, data, settings, "lr", [0.1]).grad_norms(0)


def test_vanishing_gradients_lesson_compares_sigmoid_and_relu():
    from model.presets import load_preset

    doc = load_preset("vanishing_gradients")
    runs = RunSet(doc.network, doc.dataset, doc.training, "activation", ["sigmoid", "relu"], grad_norms=True)
    runs.train(30)
    sig, relu = runs.grad_norms(0)[1][:, -1], runs.grad_norms(1)[1][:, -1]
    assert sig[0] < 1e-3 * sig[-1], "sigmoid: the first layer's gradient is orders of magnitude below the last's"
    assert relu[0] > 1e-2 * relu[-1], "ReLU: every layer gets a gradient of similar size"


def test_remedies_for_overfitting_side_by_side():
    from model.presets import load_preset

    doc = load_preset("overfitting")
    values = parse_values("remedy", "none, l2=0.01, l1=0.001, dropout=0.3, early_stopping=5")
    runs = RunSet(doc.network, doc.dataset, doc.training, "remedy", values)
    s = [spec.settings for spec in runs.specs]
    assert (s[1].weight_decay, s[2].l1, s[3].dropout, s[4].patience) == (0.01, 0.001, 0.3, 5)
    assert s[0] == doc.training and [spec.label for spec in runs.specs][1] == "l2=0.01"
    assert len(runs.groups) == 2, "early stopping (patience) trains apart; the others share one computation"
    refs = assert_same_as_trainers(runs, 40)
    assert runs.stop(4) is not None and runs.stop(4).code == "early_stopping"
    assert refs[4].restored_epoch is not None
    with pytest.raises(RunSpecError, match="remedy"):
        parse_values("remedy", "l3=1")
