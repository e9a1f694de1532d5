"""Inverted dropout (model/dropout.py): torch's convention, torch's gradients with the same mask."""

from __future__ import annotations

import numpy as np
import pytest

from model import Network, dropout

CASES = [
    # sizes, activations, loss, rates
    ([3, 5, 4, 1], ["tanh", "relu", "linear"], "mse", [0.5, 0.25, 0.0]),
    ([2, 6, 6, 1], ["sigmoid", "leaky_relu", "sigmoid"], "bce", [0.2, 0.6, 0.0]),
    ([4, 5, 3], ["relu", "softmax"], "cross_entropy", [0.5, 0.0]),
]


def _case(sizes, activations, loss, rates):  # noqa: ANN001, ANN202
    rng = np.random.default_rng(7)
    net = Network(sizes, activations, loss=loss, seed=4)
    for b in net.biases:
        b[:] = rng.normal(size=b.shape)
    X = rng.normal(size=(6, sizes[0]))
    if loss == "cross_entropy":
        Y = np.eye(sizes[-1])[rng.integers(0, sizes[-1], 6)]
    else:
        Y = (rng.random((6, sizes[-1])) < 0.5).astype(float)
    masks = dropout.make_masks(np.random.default_rng(1), net, rates, len(X))
    return net, X, Y, masks


@pytest.mark.parametrize(("sizes", "activations", "loss", "rates"), CASES)
def test_gradients_with_a_fixed_mask_equal_torch(sizes, activations, loss, rates) -> None:  # noqa: ANN001
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    net, X, Y, masks = _case(sizes, activations, loss, rates)
    fwd = dropout.forward(net, X, rates, masks)
    g = dropout.backward(net, fwd, Y, rates, masks)

    funcs = {
        "linear": lambda z: z,
        "tanh": torch.tanh,
        "relu": torch.relu,
        "sigmoid": torch.sigmoid,
        "leaky_relu": lambda z: F.leaky_relu(z, 0.01),
        "softmax": lambda z: torch.softmax(z, dim=1),
    }
    W = [torch.tensor(w, requires_grad=True) for w in net.weights]
    b = [torch.tensor(v, requires_grad=True) for v in net.biases]
    h = torch.tensor(X)
    for k, name in enumerate(activations):
        z = h @ W[k] + b[k]
        h = funcs[name](z)
        if masks[k] is not None:
            h = h * torch.tensor(masks[k]) / (1.0 - rates[k])  # what nn.Dropout computes for this mask
    target = torch.tensor(Y)
    if loss == "mse":
        value = F.mse_loss(h, target)
    elif loss == "bce":
        value = F.binary_cross_entropy_with_logits(z, target)
    else:
        value = F.cross_entropy(z, target)
    value.backward()
    assert g.loss == pytest.approx(value.item(), rel=1e-12)
    for k in range(len(W)):
        np.testing.assert_allclose(g.dW[k], W[k].grad.numpy(), rtol=1e-10, atol=1e-14)
        np.testing.assert_allclose(g.db[k], b[k].grad.numpy(), rtol=1e-10, atol=1e-14)


def test_torch_dropout_scales_kept_units_by_one_over_keep_probability() -> None:
    torch = pytest.importorskip("torch")
    torch.manual_seed(0)
    layer = torch.nn.Dropout(p=0.25).train()
    x = torch.ones(2000, dtype=torch.float64)
    out = layer(x)
    kept = out != 0
    assert torch.allclose(out[kept], torch.full_like(out[kept], 1 / 0.75))  # our a · m / (1 − p)
    layer.eval()
    assert torch.equal(layer(x), x)  # off when evaluating: the plain forward pass


def test_no_dropout_is_the_plain_backward_pass_and_masks_are_seeded() -> None:
    net, X, Y, _ = _case(*CASES[0])
    rates = [0.0, 0.0, 0.0]
    masks = dropout.make_masks(np.random.default_rng(0), net, rates, len(X))
    assert masks == [None, None, None]
    g = dropout.backward(net, dropout.forward(net, X, rates, masks), Y, rates, masks)
    plain = net.backward(net.forward(X), Y)
    for k in range(net.n_layers):
        np.testing.assert_array_equal(g.dW[k], plain.dW[k])
    one = dropout.make_masks(np.random.default_rng(5), net, [0.5, 0.5, 0.0], 100)
    two = dropout.make_masks(np.random.default_rng(5), net, [0.5, 0.5, 0.0], 100)
    assert all(a is None and b is None or np.array_equal(a, b) for a, b in zip(one, two, strict=True))
    assert 0.4 < float(one[0].mean()) < 0.6


def test_a_dropped_unit_gets_no_gradient_from_its_sample() -> None:
    net, X, Y, masks = _case(*CASES[0])
    rates = CASES[0][3]
    g = dropout.backward(net, dropout.forward(net, X, rates, masks), Y, rates, masks)
    dropped = masks[0] == 0.0
    assert dropped.any()
    assert np.all(g.delta[1][dropped] == 0.0)


def test_rates_are_checked_in_one_sentence() -> None:
    net = Network([2, 3, 1], ["relu", "sigmoid"], loss="bce")
    with pytest.raises(ValueError, match="output layer"):
        dropout.check_rates(net, [0.5, 0.5])
    with pytest.raises(ValueError, match="below 1"):
        dropout.check_rates(net, [1.0, 0.0])
    assert dropout.check_rates(net, [0.5, 0]) == [0.5, 0.0]


def test_trainer_drops_hidden_units_while_training_only() -> None:
    from model import Trainer, TrainingSettings, load_preset
    from model.fileformat import dumps, loads

    doc = load_preset("dead_relu")
    doc.training.lr, doc.training.dropout = 0.1, 0.5
    trainer = Trainer(doc.network, doc.dataset, doc.training)
    reference = doc.network.copy()
    X, Y = doc.dataset.X, doc.dataset.Y
    rates = [0.5, 0.5, 0.0]
    masks = dropout.make_masks(np.random.default_rng([doc.training.seed, 1]), reference, rates, len(X))
    g = dropout.backward(reference, dropout.forward(reference, X, rates, masks), Y, rates, masks)
    assert trainer.train_step()
    for k in range(reference.n_layers):  # plain SGD: w - lr · g with the dropped network's gradient
        np.testing.assert_allclose(doc.network.weights[k], reference.weights[k] - 0.1 * g.dW[k], rtol=1e-12)
    # Evaluation is the plain network: the same numbers twice, whatever the masks.
    assert (
        trainer.evaluate()[0]
        == trainer.evaluate()[0]
        == doc.network.loss_value(doc.network.forward(X), doc.network.targets(Y))
    )
    # The setting is part of the lesson file, and a rate of 1 or more is refused in one sentence.
    assert loads(dumps(doc)).training.dropout == 0.5
    doc.training.dropout = 1.0
    with pytest.raises(ValueError, match="below 1"):
        loads(dumps(doc))
    assert TrainingSettings().dropout == 0.0
