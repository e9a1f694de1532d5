"""Engine messages are a code and its arguments; the English sentence is rendered, never parsed."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from model import Dataset, Network, NetworkError, Stepper, Trainer, TrainingSettings
from model.messages import ENGLISH, Message

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])


def test_a_message_renders_its_english_sentence_with_its_arguments() -> None:
    msg = Message("diverged", (1.23456789e31,))
    assert str(msg).startswith("Training stopped: the loss became 1.235e+31 (diverged). Lower the learning rate")
    assert str(Message("no_such_neuron", (2, 7))) == "Layer 2 has no neuron 7."
    with pytest.raises(KeyError):
        Message("no_such_code")


def test_every_english_sentence_uses_each_of_its_placeholders_in_order() -> None:
    for code, sentence in ENGLISH.items():
        used = sorted({int(p) for p in re.findall(r"\{(\d)\}", sentence)})
        assert used == list(range(len(used))), code


def test_network_edits_refuse_with_a_code() -> None:
    net = Network([2, 1, 1], ["relu", "sigmoid"])
    with pytest.raises(NetworkError) as info:
        net.remove_neuron(1, 0)
    assert info.value.message == Message("last_neuron")
    assert str(info.value) == str(info.value.message)
    with pytest.raises(NetworkError) as info:
        net.set_loss("cross_entropy")  # one output
    assert info.value.message.code == "cross_entropy_one_output"
    assert net.loss == "mse" and net.activations[-1] == "sigmoid"  # refused: nothing changed


def test_set_loss_gives_the_output_the_activation_the_loss_needs() -> None:
    net = Network([2, 3, 3], ["relu", "linear"], loss="mse")
    net.set_loss("cross_entropy")
    assert net.activations[-1] == "softmax"
    net.set_loss("mse")
    assert net.activations[-1] == "softmax"  # allowed with mse: kept
    one = Network([2, 1], ["sigmoid"], loss="mse")
    one.set_loss("bce")
    assert one.activations[-1] == "sigmoid"


def test_training_stops_and_steps_refuse_with_codes() -> None:
    big = [np.full((2, 2), 1e200), np.full((2, 1), 1e200)]
    net = Network([2, 2, 1], ["linear", "linear"], loss="mse", weights=big)
    stepper = Stepper(Trainer(net, Dataset(XOR_X, XOR_Y), TrainingSettings(optimizer="sgd", lr=0.1)))
    assert not stepper.back_step() and stepper.message == Message("nothing_to_step_back")
    assert not stepper.finish_step()
    reason = stepper.trainer.stop_reason
    assert reason is not None and reason.code == "diverged" and math.isinf(float(reason.args[0]))  # type: ignore[arg-type]
    empty = Dataset(XOR_X, XOR_Y, np.full(4, 2))  # every row a test row: nothing to train on
    stepper = Stepper(Trainer(Network([2, 1]), empty, TrainingSettings()))
    assert not stepper.forward_step() and stepper.message == Message("no_training_samples")
