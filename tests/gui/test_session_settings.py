"""Session.set_setting: training goes on where it was, and a refused setting changes nothing."""

from __future__ import annotations

import numpy as np
import pytest

import model
from gui.commands import SetParameterCommand, SetSettingCommand, push
from gui.session import Session
from model.network import NetworkError


def xor_session(**settings) -> Session:  # noqa: ANN003
    net = model.Network([2, 3, 1], ["tanh", "sigmoid"], loss="bce", seed=1)
    data = model.Dataset(np.array([[0, 0], [0, 1], [1, 0], [1, 1]]), np.array([0, 1, 1, 0]))
    return Session(model.Document(net, data, model.TrainingSettings(**settings)))


def test_changing_patience_keeps_the_schedules_learning_rate_and_the_optimizer_state(qapp) -> None:  # noqa: ANN001
    s = xor_session(optimizer="adam", lr=1.0, schedule="exponential", schedule_params={"gamma": 0.5})
    for _ in range(3):
        s.train_epoch()
    assert s.trainer.optimizer.lr == pytest.approx(0.125)
    state = s.trainer.optimizer.state_dict()
    assert push(s, SetSettingCommand(s, "patience", 5))
    assert s.trainer.optimizer.lr == pytest.approx(0.125)  # not back to 1.0
    assert s.trainer.optimizer.t == state["t"] and s.trainer.epoch == 3


def test_a_new_batch_size_keeps_history_and_optimizer(qapp) -> None:  # noqa: ANN001
    s = xor_session(optimizer="momentum", lr=0.1)
    for _ in range(4):
        s.train_epoch()
    optimizer, losses = s.trainer.optimizer, list(s.trainer.step_losses)
    assert push(s, SetSettingCommand(s, "batch_size", 2))
    assert s.trainer.optimizer is optimizer and list(s.trainer.step_losses) == losses and s.trainer.batch_size == 2


def test_an_optimizer_that_lacks_a_files_hyperparameter_drops_it_and_undo_brings_it_back(qapp) -> None:  # noqa: ANN001
    s = xor_session(optimizer="sgd", lr=0.1, hyper={"momentum": 0.5})
    assert push(s, SetSettingCommand(s, "optimizer", "adam"))
    assert s.trainer.optimizer.name == "adam" and s.settings.hyper == {}
    s.undo_stack.undo()
    assert s.settings.optimizer == "sgd" and s.settings.hyper == {"momentum": 0.5}
    assert s.trainer.optimizer.name == "sgd" and s.trainer.optimizer.hyper["momentum"] == 0.5


def test_a_refused_setting_changes_nothing_and_says_why(qapp, monkeypatch) -> None:  # noqa: ANN001
    s = xor_session(optimizer="sgd", lr=0.1, hyper={"momentum": 0.5})

    def refuse(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - as the optimizer refuses a bad hyperparameter
        raise ValueError("the learning rate must be a finite number ≥ 0")

    monkeypatch.setattr("model.trainer.make_optimizer", refuse)
    said: list[str] = []
    s.message.connect(said.append)
    before = (s.settings.optimizer, dict(s.settings.hyper), s.trainer.optimizer, s.undo_stack.count())
    assert not push(s, SetSettingCommand(s, "optimizer", "rmsprop"))
    assert (s.settings.optimizer, dict(s.settings.hyper), s.trainer.optimizer, s.undo_stack.count()) == before
    assert len(said) == 1 and said[0]
    with pytest.raises(KeyError):
        s.set_setting("no_such_field", 1)


def test_a_bias_typed_into_a_bias_less_layer_switches_it_on_and_undo_off(qapp) -> None:  # noqa: ANN001
    s = xor_session()
    s.network.set_bias_enabled(0, False)
    structure: list[int] = []
    s.structure_changed.connect(lambda: structure.append(1))
    push(s, SetParameterCommand(s, "b", 0, 0, 1, 0.5))
    assert s.network.bias[0] and s.network.biases[0][1] == 0.5 and structure == [1]
    s.undo_stack.undo()
    assert not s.network.bias[0] and not s.network.biases[0].any() and structure == [1, 1]
    s.undo_stack.redo()
    assert s.network.bias[0] and structure == [1, 1, 1]


def test_cross_entropy_needs_two_classes() -> None:
    with pytest.raises(NetworkError, match="at least 2 outputs"):
        model.Network([2, 2, 1], ["relu", "softmax"], loss="cross_entropy")
