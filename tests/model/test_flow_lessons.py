"""The lessons of note 001's hard-to-train networks do what their texts promise (issue 10)."""

from __future__ import annotations

import numpy as np

from model import Trainer, presets, stats
from model.dataset import TRAIN


def _dead_units(doc) -> int:  # noqa: ANN001
    X, Y = doc.dataset.part(TRAIN)
    return sum(int(layer.dead.sum()) for layer in stats.training_set_stats(doc.network, X, Y))


def test_vanishing_gradients_shrink_tenfold_per_sigmoid_layer_and_not_with_relu() -> None:
    doc = presets.load_preset("vanishing_gradients")
    X, Y = doc.dataset.part(TRAIN)
    norms = [layer.grad_norm for layer in stats.training_set_stats(doc.network, X, Y)]
    assert norms[0] < norms[-1] / 1000  # "roughly tenfold per layer"
    assert all(a < b for a, b in zip(norms, norms[1:], strict=False))
    doc.network.activations = ["relu"] * 6 + ["sigmoid"]
    relu = [layer.grad_norm for layer in stats.training_set_stats(doc.network, X, Y)]
    assert max(relu) / min(relu) < 10  # about the same size in every layer


def test_vanishing_gradients_sigmoid_stays_near_chance_for_the_first_steps() -> None:
    doc = presets.load_preset("vanishing_gradients")
    trainer = Trainer(doc.network, doc.dataset, doc.training)
    for _ in range(300):
        trainer.train_step()
    loss, _ = trainer.evaluate()
    assert abs(loss - np.log(2)) < 0.01


def test_dead_relu_learning_rate_3_kills_most_neurons_and_0_3_none() -> None:
    doc = presets.load_preset("dead_relu")
    assert _dead_units(doc) == 0
    trainer = Trainer(doc.network, doc.dataset, doc.training)
    for _ in range(600):
        trainer.train_step()
    assert _dead_units(doc) >= 8  # most of the 16 (the text's answer: 5 stay alive)
    doc = presets.load_preset("dead_relu")
    doc.training.lr = 0.3
    trainer = Trainer(doc.network, doc.dataset, doc.training)
    for _ in range(600):
        trainer.train_step()
    assert _dead_units(doc) == 0


def test_overfitting_validation_loss_turns_up_while_training_loss_falls() -> None:
    doc = presets.load_preset("overfitting")
    trainer = Trainer(doc.network, doc.dataset, doc.training)
    trainer.run(300)
    val = np.array([r.val_loss for r in trainer.history])
    train = np.array([r.loss for r in trainer.history])
    best = int(np.argmin(val))
    assert best < 30
    assert val[-1] > 2 * val[best] and train[-1] < train[best] / 10
