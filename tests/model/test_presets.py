"""The built-in lessons reproduce the lecture notes' numbers and do what their texts promise."""

from __future__ import annotations

import re

import numpy as np
import pytest

import model
from model import datasets, presets
from model.dataset import TEST, TRAIN, VALIDATION
from model.network import Network
from model.settings import TrainingSettings
from model.trainer import Trainer

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def sentences(text: str) -> int:
    return len(re.findall(r"[.?!](?:\s|$)", text))


# ------------------------------------------------------------------ catalogue
def test_catalogue_matches_the_files_on_disk() -> None:
    assert presets.PRESETS == (
        "house_price",
        "backprop_walkthrough",
        "find_the_bug",
        "and_perceptron",
        "or_perceptron",
        "xor_by_hand",
        "xor_train",
        "softmax_classifier",
        "vanishing_gradients",
        "dead_relu",
        "overfitting",
        "learning_rate_too_small_too_large",
        "optimizers_compare",
        "batch_size_compare",
    )
    on_disk = {p.stem for p in presets.PRESET_DIR.glob("*.json")}
    assert on_disk == set(presets.PRESETS)
    assert model.load_preset is presets.load_preset


@pytest.mark.parametrize("name", presets.PRESETS)
def test_each_preset_loads_with_a_bilingual_lesson_text(name: str) -> None:
    doc = presets.load_preset(name)
    assert doc.title.strip()
    en, ko = doc.description["en"], doc.description["ko"]
    assert 2 <= sentences(en) <= 4, en
    assert 2 <= sentences(ko) <= 4, ko
    assert HANGUL.search(ko) and not HANGUL.search(en)
    assert isinstance(doc.view.get("precision"), int) and 2 <= doc.view["precision"] <= 12
    assert doc.dataset.n_inputs == doc.network.sizes[0] and doc.dataset.n_outputs == doc.network.sizes[-1]
    # The shipped training settings must run: one epoch leaves finite parameters.
    trainer = Trainer(doc.network, doc.dataset, doc.training)
    assert trainer.train_epoch() and doc.network.is_finite()


def test_unknown_preset_lists_the_valid_names() -> None:
    with pytest.raises(ValueError) as info:
        presets.load_preset("xor_training")
    for name in presets.PRESETS:
        assert name in str(info.value)


def test_each_load_is_a_fresh_document() -> None:
    a = presets.load_preset("house_price")
    a.network.weights[0][0, 0] = 90.0
    assert presets.load_preset("house_price").network.weights[0][0, 0] == 100.0


# --------------------------------------------------------------- example A
def test_house_price_is_worked_example_a() -> None:
    doc = presets.load_preset("house_price")
    net = doc.network
    assert net.sizes == [2, 1] and net.activations == ["linear"] and net.bias == [False] and net.loss == "mse"
    np.testing.assert_array_equal(doc.dataset.X, [[30, 2]])
    np.testing.assert_array_equal(doc.dataset.Y, [[3000]])
    assert doc.dataset.kind == "regression" and doc.dataset.input_names == ["size", "rooms"]
    np.testing.assert_array_equal(net.weights[0], [[100], [10]])
    out = net.predict(doc.dataset.X)
    assert out[0, 0] == 3020.0 and out[0, 0] - 3000 == 20.0
    for text in doc.description.values():
        assert "90" in text and "150" in text and "3020" in text
    # The note's second guess [90, 150] hits the target exactly.
    net.weights[0] = np.array([[90.0], [150.0]])
    assert net.predict(doc.dataset.X)[0, 0] == 3000.0


def test_house_price_gradient_descent_closes_the_gap() -> None:
    doc = presets.load_preset("house_price")
    g = doc.network.backward(doc.network.forward(doc.dataset.X), doc.dataset.Y)
    np.testing.assert_allclose(g.dW[0][:, 0], [2 * 20 * 30, 2 * 20 * 2])  # [1200, 80]
    trainer = Trainer(doc.network, doc.dataset, doc.training)
    trainer.run(doc.training.epochs)
    assert abs(doc.network.predict(doc.dataset.X)[0, 0] - 3000) < 0.01


# --------------------------------------------------------------- example B
def test_backprop_walkthrough_forward_and_gradients_match_the_note() -> None:
    doc = presets.load_preset("backprop_walkthrough")
    net = doc.network
    assert net.sizes == [2, 2, 2, 1] and net.activations == ["relu", "relu", "linear"]
    assert net.loss == "mse" and net.bias == [False, False, False]
    assert doc.training.optimizer == "sgd" and doc.training.lr == 0.01 and doc.training.batch_size == 0
    np.testing.assert_array_equal(doc.dataset.X, [[30, 2]])
    np.testing.assert_array_equal(doc.dataset.Y, [[18]])
    # Incoming weights per node, as the note lists them (columns of weights[k]).
    np.testing.assert_array_equal(net.weights[0].T, [[50, 10], [-1, 0]])
    np.testing.assert_array_equal(net.weights[1].T, [[0.1, 10], [-0.1, 0]])
    np.testing.assert_array_equal(net.weights[2].T, [[0.1, 25]])

    fwd = net.forward(doc.dataset.X)
    np.testing.assert_allclose(fwd.z[1], [[1520, -30]])
    np.testing.assert_allclose(fwd.a[1], [[1520, 0]])  # node 1's −30 is cut by ReLU
    np.testing.assert_allclose(fwd.a[2], [[152, 0]])
    np.testing.assert_allclose(fwd.output, [[15.2]])
    assert int(fwd.output[0, 0]) == 15

    g = net.backward(fwd, doc.dataset.Y)
    np.testing.assert_allclose(g.da[3], [[-5.6]])  # 2 (15.2 − 18)
    np.testing.assert_allclose(g.dW[2].T, [[-851.2, 0]])
    np.testing.assert_allclose(g.dW[1].T, [[-851.2, 0], [0, 0]])
    np.testing.assert_allclose(g.dW[0].T, [[-1.68, -0.112], [0, 0]])


def test_backprop_walkthrough_one_sgd_step_gives_the_corrected_numbers() -> None:
    doc = presets.load_preset("backprop_walkthrough")
    trainer = Trainer(doc.network, doc.dataset, doc.training)
    assert trainer.train_step()
    w = doc.network.weights
    np.testing.assert_allclose(w[0].T, [[50.0168, 10.00112], [-1, 0]], rtol=0, atol=1e-12)
    np.testing.assert_allclose(w[1].T, [[8.612, 10], [-0.1, 0]], rtol=0, atol=1e-12)
    np.testing.assert_allclose(w[2].T, [[8.612, 25]], rtol=0, atol=1e-12)  # not the note's buggy [0.1056, 25]
    assert all(not b.any() for b in doc.network.biases)
    for text in doc.description.values():
        assert "8.612" in text and "0.1056" in text and "15.2" in text and "−5.6" in text


# --------------------------------------------------------------- example C
def test_xor_by_hand_is_worked_example_c() -> None:
    doc = presets.load_preset("xor_by_hand")
    net = doc.network
    assert net.activations == ["step", "step"] and net.bias == [True, True]
    np.testing.assert_array_equal(net.weights[0].T, [[-2, -2], [2, 2]])  # n1 = NAND, n2 = OR
    np.testing.assert_array_equal(net.biases[0], [3, -1])
    np.testing.assert_array_equal(net.weights[1].T, [[1, 1]])  # output = AND
    np.testing.assert_array_equal(net.biases[1], [-1])
    np.testing.assert_array_equal(doc.dataset.X, [[0, 0], [0, 1], [1, 0], [1, 1]])
    np.testing.assert_array_equal(doc.dataset.Y.ravel(), [0, 1, 1, 0])
    fwd = net.forward(doc.dataset.X)
    np.testing.assert_array_equal(fwd.a[1], [[1, 0], [1, 1], [1, 1], [0, 1]])
    np.testing.assert_array_equal(fwd.output.ravel(), [0, 1, 1, 0])


def test_xor_by_hand_gradients_are_zero_even_when_it_is_wrong() -> None:
    doc = presets.load_preset("xor_by_hand")
    net = doc.network
    net.biases[1][0] = 0.5  # now the output is 1 for every row, so (0, 0) and (1, 1) are wrong
    fwd = net.forward(doc.dataset.X)
    g = net.backward(fwd, doc.dataset.Y)
    assert g.loss > 0
    assert all(not dW.any() for dW in g.dW) and all(not db.any() for db in g.db)
    before = [w.copy() for w in net.weights]
    Trainer(net, doc.dataset, doc.training).run(5)
    for w, b in zip(net.weights, before, strict=True):
        np.testing.assert_array_equal(w, b)
    assert "zero" in doc.description["en"] and "0" in doc.description["ko"]
    # What the text suggests next: with sigmoid activations the same network has gradients again.
    net.set_activation(0, "sigmoid")
    net.set_activation(1, "sigmoid")
    g = net.backward(net.forward(doc.dataset.X), doc.dataset.Y)
    assert all(dW.any() for dW in g.dW)


# ----------------------------------------------------------- perceptrons
@pytest.mark.parametrize(("name", "gate"), [("and_perceptron", "and"), ("or_perceptron", "or")])
def test_perceptron_solves_its_gate_and_keeps_it_when_trained(name: str, gate: str) -> None:
    doc = presets.load_preset(name)
    net = doc.network
    assert net.sizes == [2, 1] and net.activations == ["sigmoid"] and net.loss == "bce"
    np.testing.assert_array_equal(doc.dataset.Y, datasets.truth_table(gate).Y)
    trainer = Trainer(net, doc.dataset, doc.training)
    start_loss, start_acc = trainer.evaluate()
    assert start_acc == 1.0
    trainer.run(doc.training.epochs)
    loss, acc = trainer.evaluate()
    assert acc == 1.0 and loss < start_loss / 2


@pytest.mark.parametrize(("name", "gate"), [("and_perceptron", "and"), ("or_perceptron", "or")])
def test_perceptron_learns_its_gate_from_zero_but_never_xor(name: str, gate: str) -> None:
    doc = presets.load_preset(name)
    doc.network.weights[0][:] = 0.0
    doc.network.biases[0][:] = 0.0
    trainer = Trainer(doc.network, doc.dataset, doc.training)
    trainer.run(doc.training.epochs)
    assert trainer.evaluate()[1] == 1.0
    xor = datasets.truth_table("xor")
    trainer = Trainer(presets.load_preset(name).network, xor, doc.training)
    trainer.run(doc.training.epochs)
    assert trainer.evaluate()[1] <= 0.75  # one straight line gets at most three of the four rows


# ------------------------------------------------------------------ xor_train
def epochs_to_learn_xor(net: Network, settings: TrainingSettings, limit: int = 5000) -> int | None:
    trainer = Trainer(net, datasets.truth_table("xor"), settings)
    for epoch in range(1, limit + 1):
        assert trainer.train_epoch(), trainer.stop_reason
        record = trainer.history[-1]
        if record.accuracy == 1.0 and record.loss < 0.05:
            return epoch
    return None


def test_xor_train_learns_xor_with_its_shipped_settings() -> None:
    doc = presets.load_preset("xor_train")
    net = doc.network
    assert net.sizes == [2, 2, 1] and net.activations == ["sigmoid", "sigmoid"]
    assert Trainer(net, doc.dataset, doc.training).evaluate()[1] < 1.0  # it starts out wrong
    epochs = epochs_to_learn_xor(net, doc.training)
    assert epochs is not None and epochs <= 500  # the text promises "about 400 epochs"
    assert doc.training.epochs >= epochs
    np.testing.assert_array_equal(net.predict(doc.dataset.X).round().ravel(), [0, 1, 1, 0])


@pytest.mark.parametrize("seed", range(8))
def test_xor_train_is_not_on_a_knife_edge(seed: int) -> None:
    # Nudging every shipped number by ~0.1 must not break learning: the preset is reliable, not lucky.
    doc = presets.load_preset("xor_train")
    rng = np.random.default_rng(seed)
    net = doc.network
    net.weights = [w + rng.normal(0.0, 0.1, w.shape) for w in net.weights]
    net.biases = [b + rng.normal(0.0, 0.1, b.shape) for b in net.biases]
    assert epochs_to_learn_xor(net, doc.training) is not None


def test_xor_train_weights_are_readable() -> None:
    doc = presets.load_preset("xor_train")
    for p in doc.network.weights + doc.network.biases:
        np.testing.assert_array_equal(p, np.round(p, 2))


# --------------------------------------------------------- softmax classifier
def test_softmax_classifier_is_the_notes_iris_model() -> None:
    doc = presets.load_preset("softmax_classifier")
    net, ds = doc.network, doc.dataset
    assert net.sizes == [4, 3] and net.activations == ["softmax"] and net.loss == "cross_entropy"
    assert net.bias == [False]
    iris = datasets.iris()
    np.testing.assert_array_equal(ds.X, iris.X)
    np.testing.assert_array_equal(ds.Y, iris.Y)
    assert ds.output_names == ["setosa", "versicolor", "virginica"]
    counts = [len(ds.indices(p)) for p in (TRAIN, VALIDATION, TEST)]
    assert counts == [106, 22, 22]  # 70/15/15 of 150
    np.testing.assert_allclose(net.predict(ds.X), 1 / 3)  # all weights 0: every species 1/3


def test_softmax_classifier_trains_past_90_percent() -> None:
    doc = presets.load_preset("softmax_classifier")
    trainer = Trainer(doc.network, doc.dataset, doc.training)
    trainer.run(200)
    assert trainer.history[-1].accuracy >= 0.95  # what the text promises after about 200 epochs
    trainer.run(doc.training.epochs - 200)
    loss, acc = trainer.evaluate(TRAIN)
    assert acc > 0.9 and loss < 0.3
    assert trainer.evaluate(VALIDATION)[1] > 0.9 and trainer.evaluate(TEST)[1] > 0.8
