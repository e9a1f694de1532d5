"""Trainer.checkpoint / restore_checkpoint (undo of training) and the methods that carry training on."""

from __future__ import annotations

import numpy as np
import pytest

from model import Dataset, Network, Trainer, TrainingSettings
from model.trainer import optimizer_from

X = np.linspace(-2.0, 2.0, 40).reshape(-1, 2)  # (20, 2)
Y = (X[:, :1] * X[:, 1:] > 0).astype(float)  # (20, 1)


def trainer(**settings) -> Trainer:  # noqa: ANN003
    data = Dataset(X.copy(), Y.copy())
    data.resplit((0.7, 0.3, 0.0), seed=2)
    net = Network([2, 4, 1], ["tanh", "sigmoid"], loss="bce", seed=3)
    base = {"optimizer": "adam", "lr": 0.05, "batch_size": 3, "schedule": "exponential", "seed": 4}
    return Trainer(net, data, TrainingSettings(**(base | settings)))


def state(tr: Trainer) -> tuple:
    """Everything training changes, as plain values."""
    return (
        [w.tolist() for w in tr.network.weights],
        [b.tolist() for b in tr.network.biases],
        tr.steps,
        tr.epoch,
        list(tr.step_losses),
        [repr(r) for r in tr.history],
        tr.optimizer.name,
        tr.optimizer.t,
        tr.optimizer.lr,
        repr(tr.optimizer.state),
        repr(tr.rng.bit_generator.state),
        tr.peek_batch().tolist(),
    )


def test_restoring_checkpoints_is_exact_both_ways_and_training_goes_on_the_same() -> None:
    tr = trainer()
    tr.train_for(60.0, max_steps=10)
    before_cp, before = tr.checkpoint(), state(tr)
    tr.train_for(60.0, max_steps=25)  # crosses epochs: the schedule and the epoch history move
    after_cp, after = tr.checkpoint(), state(tr)
    assert after[3] > before[3]
    tr.restore_checkpoint(before_cp)
    assert state(tr) == before
    tr.restore_checkpoint(after_cp)
    assert state(tr) == after
    tr.restore_checkpoint(before_cp)
    tr.train_for(60.0, max_steps=25)  # the same batches, the same updates
    assert state(tr) == after
    tr.train_step()
    tr.restore_checkpoint(after_cp)  # later training never leaks into a checkpoint
    assert state(tr) == after


def test_redeal_keeps_the_early_stopping_count() -> None:
    # lr = 0: the validation loss never improves after epoch 1, so patience 3 stops at epoch 4.
    tr = trainer(lr=0.0, patience=3, optimizer="sgd", schedule="constant")
    tr.run(2)
    steps, losses = tr.steps, len(tr.step_losses)
    tr.settings.batch_size = 5
    tr.redeal()
    assert tr.steps == steps and len(tr.step_losses) == losses and tr.epoch == 2
    tr.run(100)
    assert tr.stop_reason is not None and tr.stop_reason.code == "early_stopping"
    assert tr.epoch == 4  # a rebuilt trainer would have waited 3 more epochs


def test_restart_starts_afresh_but_keeps_its_observers() -> None:
    tr = trainer()
    seen: list[int] = []
    tr.observers.append(lambda t, g, out: bool(seen.append(t.steps)))
    tr.train_for(60.0, max_steps=5)
    tr.restart()
    assert tr.steps == 0 and tr.epoch == 0 and len(tr.step_losses) == 0 and tr.optimizer.t == 0
    tr.train_step()
    assert seen == [1, 2, 3, 4, 5, 1]


def test_switch_optimizer_keeps_shared_hyperparameters_and_refuses_cleanly() -> None:
    tr = trainer(optimizer="sgd", hyper={"momentum": 0.9, "nesterov": True})
    tr.switch_optimizer("momentum")
    assert tr.optimizer.name == "momentum" and tr.settings.hyper == {"momentum": 0.9, "nesterov": True}
    tr.switch_optimizer("adam")
    assert tr.optimizer.name == "adam" and tr.settings.hyper == {} and tr.settings.optimizer == "adam"
    with pytest.raises(ValueError):
        tr.switch_optimizer("no_such_optimizer")
    assert tr.optimizer.name == "adam" and tr.settings.optimizer == "adam"
    assert optimizer_from(tr.settings, epoch=10).lr == tr.settings.lr_at(10)
