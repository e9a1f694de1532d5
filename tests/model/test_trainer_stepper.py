"""Trainer (epochs, batches, schedules, stops) and Stepper (one step, phase by phase)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from model import TRAIN, VALIDATION, Dataset, Network, Stepper, Trainer, TrainingSettings, make_optimizer
from model.trainer import accuracy

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])


def xor_trainer(**settings) -> Trainer:
    net = Network([2, 3, 1], ["tanh", "sigmoid"], loss="bce", seed=settings.pop("net_seed", 0))
    return Trainer(net, Dataset(XOR_X, XOR_Y), TrainingSettings(**{"optimizer": "adam", "lr": 0.05, **settings}))


def regression_data(n: int = 20, seed: int = 0) -> Dataset:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 2))
    return Dataset(X, X @ np.array([[3.0], [-2.0]]) + 1.0, kind="regression")


# ------------------------------------------------------------------ trainer


@pytest.mark.parametrize("batch_size", [0, 1, 2])
def test_trainer_learns_xor(batch_size):
    tr = xor_trainer(batch_size=batch_size)
    first_loss = tr.evaluate(TRAIN)[0]
    tr.run(400)
    assert tr.stop_reason is None
    assert len(tr.history) == tr.epoch == 400
    last = tr.history[-1]
    assert last.accuracy == 1.0
    assert last.loss < 0.05 < first_loss
    out = tr.network.predict(XOR_X)
    np.testing.assert_array_equal(out > 0.5, XOR_Y > 0.5)
    assert math.isnan(last.val_loss) and math.isnan(last.val_accuracy)  # no validation samples


@pytest.mark.parametrize(("batch_size", "steps_per_epoch"), [(0, 1), (4, 1), (9, 1), (1, 4), (2, 2), (3, 2)])
def test_batches_cover_every_sample_once_per_epoch(batch_size, steps_per_epoch):
    tr = xor_trainer(batch_size=batch_size, seed=3)
    for epoch in range(3):
        seen = []
        while tr.epoch == epoch:
            seen.extend(tr.peek_batch().tolist())
            assert tr.train_step()
        assert sorted(seen) == [0, 1, 2, 3], epoch
        assert tr.steps == (epoch + 1) * steps_per_epoch
    assert len(tr.step_losses) == tr.steps


def test_full_batch_step_is_the_mean_gradient_update():
    data = regression_data()
    net = Network([2, 4, 1], ["tanh", "linear"], loss="mse", seed=2)
    twin = net.copy()
    tr = Trainer(net, data, TrainingSettings(optimizer="sgd", lr=0.1, batch_size=0))
    assert tr.train_step()
    g = twin.backward(twin.forward(data.X), data.Y)
    make_optimizer("sgd", lr=0.1).step(twin, g)
    for a, b in zip(net.weights + net.biases, twin.weights + twin.biases, strict=True):
        np.testing.assert_array_equal(a, b)
    assert list(tr.step_losses) == [g.loss]


def test_same_seed_same_training():
    a, b = xor_trainer(batch_size=1, seed=5), xor_trainer(batch_size=1, seed=5)
    a.run(20)
    b.run(20)
    for x, y in zip(a.network.weights, b.network.weights, strict=True):
        np.testing.assert_array_equal(x, y)
    c = xor_trainer(batch_size=1, seed=6)
    c.run(20)
    assert not np.array_equal(a.network.weights[0], c.network.weights[0])  # the shuffle order matters


def test_early_stopping_triggers_when_validation_stops_improving():
    data = regression_data(30)
    data.resplit((0.7, 0.3, 0.0), seed=1)
    net = Network([2, 3, 1], ["tanh", "linear"], loss="mse", seed=0)
    # lr = 0: the validation loss never changes, so it stops improving after epoch 1.
    tr = Trainer(net, data, TrainingSettings(optimizer="sgd", lr=0.0, patience=3, batch_size=0))
    epochs = []
    tr.run(100, on_epoch=epochs.append)
    assert tr.stop_reason is not None and tr.stop_reason.code == "early_stopping" and tr.stop_reason.args == (3,)
    assert str(tr.stop_reason).startswith("Early stopping")
    assert tr.epoch == len(epochs) == 1 + 3  # one best epoch, then `patience` without improvement
    assert all(math.isfinite(r.val_loss) for r in epochs)
    assert not tr.train_step()  # stopped stays stopped


def test_early_stopping_waits_while_validation_improves():
    data = regression_data(30)
    data.resplit((0.7, 0.3, 0.0), seed=1)
    net = Network([2, 1], ["linear"], loss="mse", seed=0)
    tr = Trainer(net, data, TrainingSettings(optimizer="sgd", lr=0.01, patience=2, batch_size=0))
    tr.run(20)
    assert tr.stop_reason is None
    val = [r.val_loss for r in tr.history]
    assert all(b < a for a, b in zip(val, val[1:], strict=False))


@pytest.mark.parametrize("lr", [1e6, 1e200])
@pytest.mark.parametrize("hidden", ["linear", "relu", "tanh"])
def test_divergence_stops_with_a_reason_and_finite_weights(lr, hidden):
    net = Network([2, 4, 1], [hidden, "linear"], loss="mse", seed=1)
    tr = Trainer(net, regression_data(), TrainingSettings(optimizer="sgd", lr=lr, batch_size=0))
    tr.run(1000)
    assert tr.stop_reason is not None and tr.stop_reason.code in ("diverged", "non_finite_update")
    assert str(tr.stop_reason).startswith("Training stopped")
    assert tr.epoch < 1000
    assert net.is_finite()
    assert all(math.isfinite(x) for x in tr.step_losses)
    steps = tr.steps
    assert not tr.train_step()
    assert tr.steps == steps


def test_schedules():
    base = TrainingSettings(lr=0.5)
    assert [base.lr_at(e) for e in (0, 7, 1000)] == [0.5, 0.5, 0.5]
    step = base.copy(schedule="step", schedule_params={"gamma": 0.5, "step_size": 10})
    assert [step.lr_at(e) for e in (0, 9, 10, 19, 20, 35)] == [0.5, 0.5, 0.25, 0.25, 0.125, 0.0625]
    exp = base.copy(schedule="exponential", schedule_params={"gamma": 0.9})
    for e in (0, 1, 5, 50):
        assert exp.lr_at(e) == pytest.approx(0.5 * 0.9**e, rel=1e-15)
    inv = base.copy(schedule="inverse_time", schedule_params={"decay": 0.5})
    assert [inv.lr_at(e) for e in (0, 1, 2, 6)] == [0.5, 0.5 / 1.5, 0.25, 0.125]
    # Defaults documented in TrainingSettings.
    assert base.copy(schedule="step").lr_at(100) == pytest.approx(0.05)
    assert base.copy(schedule="exponential").lr_at(2) == pytest.approx(0.5 * 0.99**2)
    assert base.copy(schedule="inverse_time").lr_at(100) == pytest.approx(0.25)
    assert base.schedule_params == {} and step.schedule_params is not exp.schedule_params


def test_trainer_applies_the_schedule_per_epoch():
    schedule = {"schedule": "step", "schedule_params": {"gamma": 0.5, "step_size": 2}}
    tr = xor_trainer(optimizer="sgd", lr=0.4, batch_size=2, **schedule)
    tr.run(6)
    assert [r.lr for r in tr.history] == [0.4, 0.4, 0.2, 0.2, 0.1, 0.1]
    assert tr.optimizer.lr == 0.05  # already set for epoch 6


def test_accuracy_thresholds():
    assert accuracy(np.array([[0.6], [0.4]]), np.array([[1.0], [0.0]])) == 1.0
    assert accuracy(np.array([[0.2], [-0.3]]), np.array([[1.0], [-1.0]])) == 1.0  # ±1 targets: threshold 0
    assert accuracy(np.array([[0.2, 0.8], [0.9, 0.1]]), np.array([[0.0, 1.0], [0.0, 1.0]])) == 0.5


def test_validation_metrics_are_recorded():
    data = Dataset(np.vstack([XOR_X, XOR_X]), np.vstack([XOR_Y, XOR_Y]), split=[0, 0, 0, 0, 1, 1, 1, 1])
    assert list(data.indices(VALIDATION)) == [4, 5, 6, 7]
    tr = Trainer(Network([2, 3, 1], ["tanh", "sigmoid"], loss="bce"), data, TrainingSettings(optimizer="adam", lr=0.05))
    tr.run(300)
    assert tr.history[-1].val_accuracy == 1.0
    # Same samples: validation is measured after the epoch's update, training (Keras' way)
    # as its one full batch was trained, i.e. that step's loss.
    assert tr.history[-1].val_loss == pytest.approx(tr.evaluate(TRAIN)[0])
    assert tr.history[-1].loss == tr.step_losses[-1]
    assert tr.history[-1].val_loss < tr.history[-1].loss  # the update helped


def test_epoch_loss_is_the_mean_of_its_batch_losses():
    data = Dataset(XOR_X, XOR_Y)
    tr = Trainer(Network([2, 3, 1], ["tanh", "sigmoid"], loss="bce"), data, TrainingSettings(lr=0.1, batch_size=1))
    tr.run(3)
    assert len(tr.step_losses) == 12
    for e, record in enumerate(tr.history):
        assert record.loss == pytest.approx(np.mean(tr.step_losses[4 * e : 4 * e + 4]))


# ------------------------------------------------------------------ stepper

PHASES_221 = ["forward 1", "forward 2", "loss", "delta 2", "gradient 2", "delta 1", "gradient 1", "update"]


def stepper_221(detailed: bool = False, sample: int | None = None, **settings) -> Stepper:
    net = Network([2, 2, 1], ["sigmoid", "sigmoid"], loss="mse", seed=4, init="uniform")
    tr = Trainer(net, Dataset(XOR_X, XOR_Y), TrainingSettings(**{"optimizer": "sgd", "lr": 0.5, **settings}))
    return Stepper(tr, sample=sample, detailed=detailed)


def run_step(stepper: Stepper) -> list[str]:
    phases = []
    while stepper.forward_step():
        phases.append(str(stepper.phase))
        if stepper.phase.kind == "update":
            break
    return phases


def test_stepper_phase_order():
    s = stepper_221()
    assert str(s.phase) == "ready" and not s.in_step
    assert run_step(s) == PHASES_221
    assert not s.in_step
    assert run_step(s) == PHASES_221  # the next step starts over


def test_stepper_detailed_mode_goes_node_by_node():
    s = stepper_221(detailed=True, batch_size=0)
    assert run_step(s) == ["forward 1.0", "forward 1.1", "forward 2.0", *PHASES_221[2:]]
    s = stepper_221(detailed=True, batch_size=0)
    full = s.network.forward(XOR_X)
    assert s.forward_step()  # forward 1.0: node 0 of layer 1 known, node 1 not yet
    v = s.view
    assert v.nodes_done == 1
    np.testing.assert_array_equal(v.a[1][:, 0], full.a[1][:, 0])
    np.testing.assert_array_equal(v.z[1][:, 0], full.z[1][:, 0])
    assert np.isnan(v.a[1][:, 1]).all()
    assert v.forward_record() is None
    assert s.forward_step()  # forward 1.1: layer complete
    assert s.view.nodes_done == -1
    np.testing.assert_array_equal(s.view.a[1], full.a[1])
    assert s.forward_step()  # forward 2.0: the output layer has one node, so it is complete
    rec = s.view.forward_record()
    assert rec is not None
    np.testing.assert_array_equal(rec.output, full.output)


def test_stepper_gradient_record_equals_backward():
    s = stepper_221(batch_size=0)
    net = s.network
    expected = net.backward(net.forward(XOR_X), XOR_Y)
    while str(s.phase) != "gradient 1":
        assert s.view is None or s.view.gradient_record() is None  # not complete yet
        assert s.forward_step()
    g = s.view.gradient_record()
    assert g is not None
    assert g.loss == expected.loss
    np.testing.assert_array_equal(g.targets, expected.targets)
    for name in ("da", "delta", "dW", "db"):
        ours, theirs = getattr(g, name), getattr(expected, name)
        assert len(ours) == len(theirs)
        for x, y in zip(ours, theirs, strict=True):
            np.testing.assert_array_equal(x, y, err_msg=name)
    # The update applies exactly these gradients.
    twin = net.copy()
    make_optimizer("sgd", lr=0.5).step(twin, expected)
    assert s.forward_step() and s.phase.kind == "update"
    for a, b in zip(net.weights + net.biases, twin.weights + twin.biases, strict=True):
        np.testing.assert_array_equal(a, b)
    for k in range(net.n_layers):
        np.testing.assert_array_equal(s.view.change_W[k], net.weights[k] - s.view.weights_before[k])


def trainer_state(tr: Trainer) -> dict:
    return {
        "weights": [w.copy() for w in tr.network.weights],
        "biases": [b.copy() for b in tr.network.biases],
        "opt": tr.optimizer.state_dict(),
        # repr: NaN (no validation) never equals itself, its text does.
        "counters": (tr.epoch, tr.steps, list(tr.step_losses), repr(list(tr.history)), tr._cursor),
        "order": tr._order.copy(),
        "rng": tr.rng.bit_generator.state,
    }


def assert_same_state(a: dict, b: dict) -> None:
    for x, y in zip(a["weights"] + a["biases"], b["weights"] + b["biases"], strict=True):
        assert np.array_equal(x, y)
    assert a["opt"]["t"] == b["opt"]["t"] and a["opt"]["lr"] == b["opt"]["lr"]
    sa, sb = a["opt"]["state"], b["opt"]["state"]
    assert sa.keys() == sb.keys()
    for pid in sa:
        assert sa[pid].keys() == sb[pid].keys()
        for key in sa[pid]:
            assert np.array_equal(sa[pid][key], sb[pid][key]), (pid, key)
    assert a["counters"] == b["counters"]
    assert np.array_equal(a["order"], b["order"])
    assert a["rng"] == b["rng"]


def test_step_back_across_updates_restores_everything_exactly():
    # Adam (state), batch size 1 with shuffling (rng, cursor, epoch ends), a schedule (lr changes).
    s = stepper_221(optimizer="adam", lr=0.1, batch_size=1, schedule="exponential")
    states = [trainer_state(s.trainer)]
    for _ in range(6):  # 6 steps = one and a half epochs
        run_step(s)
        states.append(trainer_state(s.trainer))
    assert s.trainer.epoch == 1 and s.trainer.steps == 6
    assert not np.array_equal(states[0]["weights"][0], states[-1]["weights"][0])
    for want in reversed(states[:-1]):
        for _ in PHASES_221:
            assert s.back_step()
        assert_same_state(trainer_state(s.trainer), want)
    assert not s.back_step() and s.message
    assert s.view is None
    # Going forward again replays the very same steps.
    for want in states[1:]:
        run_step(s)
        assert_same_state(trainer_state(s.trainer), want)


def test_step_back_within_a_step_keeps_the_parameters():
    s = stepper_221()
    before = trainer_state(s.trainer)
    for _ in range(5):
        s.forward_step()
    assert str(s.phase) == "gradient 2"
    assert s.back_step() and str(s.phase) == "delta 2"
    assert 0 not in s.view.dW and 1 not in s.view.dW  # the gradient phase's results are gone
    assert_same_state(trainer_state(s.trainer), before)


def test_finish_step_from_mid_step():
    s = stepper_221(optimizer="momentum", lr=0.3, batch_size=2)
    twin = stepper_221(optimizer="momentum", lr=0.3, batch_size=2)
    run_step(twin)  # a whole step phase by phase
    s.forward_step()
    s.forward_step()
    s.forward_step()
    assert str(s.phase) == "loss"
    assert s.finish_step()
    assert s.phase.kind == "update"
    assert_same_state(trainer_state(s.trainer), trainer_state(twin.trainer))
    assert s.finish_step()  # no step under way: a whole new one
    assert s.phase.kind == "update" and s.trainer.steps == 2


def test_single_sample_scope():
    s = stepper_221(batch_size=0, sample=2)
    net = s.network
    twin = net.copy()
    cursor, order = s.trainer._cursor, s.trainer._order.copy()
    assert s.finish_step()
    v = s.view
    np.testing.assert_array_equal(v.indices, [2])
    np.testing.assert_array_equal(v.X, XOR_X[[2]])
    np.testing.assert_array_equal(v.T, XOR_Y[[2]])
    g = twin.backward(twin.forward(XOR_X[[2]]), XOR_Y[[2]])
    make_optimizer("sgd", lr=0.5).step(twin, g)
    for a, b in zip(net.weights + net.biases, twin.weights + twin.biases, strict=True):
        np.testing.assert_array_equal(a, b)
    # A single-sample step trains but does not consume the trainer's batch.
    assert s.trainer.steps == 1 and s.trainer.epoch == 0
    assert s.trainer._cursor == cursor
    np.testing.assert_array_equal(s.trainer._order, order)


def test_stepper_refuses_after_training_stopped():
    # Weights of 1e200 in two linear layers: z overflows to inf at the first forward pass.
    big = [np.full((2, 2), 1e200), np.full((2, 1), 1e200)]
    net = Network([2, 2, 1], ["linear", "linear"], loss="mse", weights=big)
    s = Stepper(Trainer(net, Dataset(XOR_X, XOR_Y), TrainingSettings(optimizer="sgd", lr=0.1)))
    assert not s.finish_step()
    assert s.trainer.stop_reason and s.message == s.trainer.stop_reason
    assert np.all(net.weights[0] == 1e200) and net.is_finite()  # the update was refused
    phase = s.phase
    assert not s.forward_step()
    assert s.phase == phase


def test_forget_drops_the_step_and_history():
    s = stepper_221()
    s.forward_step()
    s.forward_step()
    s.forget()
    assert s.view is None and not s.back_step()
    assert run_step(s) == PHASES_221


@pytest.mark.parametrize(
    ("sizes", "acts", "loss", "optimizer"),
    [
        ([2, 4, 1], ["tanh", "sigmoid"], "bce", "sgd"),
        ([2, 5, 3, 1], ["relu", "leaky_relu", "linear"], "mse", "adam"),
        ([2, 4, 1], ["sigmoid", "sigmoid"], "mse", "momentum"),
    ],
)
def test_lean_training_step_equals_the_full_passes_bit_for_bit(sizes, acts, loss, optimizer):
    """train_step skips what only the display needs (dL/da, dL/dX, records): the numbers stay the same."""
    X = np.random.default_rng(0).uniform(-1, 1, (20, 2))
    Y = (X[:, :1] * X[:, 1:] > 0).astype(np.float64)
    settings = TrainingSettings(optimizer=optimizer, lr=0.1, batch_size=6, weight_decay=0.001)
    lean = Trainer(
        Network(sizes, acts, loss, seed=1, bias=[True, False, True][: len(sizes) - 1]), Dataset(X, Y), settings
    )
    full = Trainer(lean.network.copy(), Dataset(X, Y), settings)
    for _ in range(40):
        assert lean.train_step()
        fwd = full.network.forward(full._batch_arrays(full.peek_batch())[0])
        assert full.apply(full.network.backward(fwd, full._batch_arrays(full.peek_batch())[1]), output=fwd.output)
    for a, b in zip(
        lean.network.weights + lean.network.biases, full.network.weights + full.network.biases, strict=True
    ):
        np.testing.assert_array_equal(a, b)
    assert list(lean.step_losses) == list(full.step_losses)
    assert repr(list(lean.history)) == repr(list(full.history))


def test_plain_sgd_on_the_flat_buffer_follows_edits_between_steps():
    """Plain SGD updates one flat buffer the network's arrays view; edits between steps still count."""
    X = np.random.default_rng(4).uniform(-1, 1, (12, 2))
    Y = (X[:, :1] * X[:, 1:] > 0).astype(np.float64)
    net = Network([2, 4, 3, 1], ["tanh", "relu", "sigmoid"], "bce", seed=2, bias=[True, False, True])
    fast = Trainer(net, Dataset(X, Y), TrainingSettings(optimizer="sgd", lr=0.3, batch_size=0))
    twin = net.copy()
    edits = {
        3: lambda n: n.weights[1].__setitem__((0, 0), 0.7),  # in place, as the editor does
        6: lambda n: n.set_bias_enabled(1, True),
        9: lambda n: n.restore(n.state()),  # fresh arrays, as undo does
        12: lambda n: n.add_neuron(1),
    }
    for step in range(16):
        if step in edits:
            edits[step](net)
            edits[step](twin)
        assert fast.train_step()
        make_optimizer("sgd", lr=0.3).step(twin, twin.backward(twin.forward(X), Y))
        for a, b in zip(net.weights + net.biases, twin.weights + twin.biases, strict=True):
            np.testing.assert_array_equal(a, b)
    assert fast.optimizer.t == 16
