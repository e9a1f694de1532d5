"""The lecture notes' worked examples, number for number (see ../shared/seeds/README.md)."""

from __future__ import annotations

import numpy as np
import pytest

from model import Dataset, Network, Stepper, Trainer, TrainingSettings, gradient_check, make_optimizer
from model.gradcheck import max_rel_error

# ------------------------------------------------------------------ example A


@pytest.mark.parametrize(
    ("weights", "prediction", "error"),
    [([100, 10], 3020.0, 20.0), ([90, 150], 3000.0, 0.0)],
)
def test_example_a_linear_model_by_hand(weights, prediction, error):
    net = Network([2, 1], ["linear"], loss="mse", bias=False, weights=[np.array(weights, float).reshape(2, 1)])
    fwd = net.forward(np.array([[30.0, 2.0]]))
    assert fwd.output.shape == (1, 1)
    assert fwd.output[0, 0] == prediction
    assert fwd.output[0, 0] - 3000.0 == error
    g = net.backward(fwd, np.array([[3000.0]]))
    assert g.loss == error**2


def test_example_a_has_no_bias_even_if_one_is_given():
    net = Network([2, 1], ["linear"], bias=False, weights=[np.array([[100.0], [10.0]])], biases=[np.array([7.0])])
    assert net.biases[0][0] == 0.0
    assert net.predict(np.array([[30.0, 2.0]]))[0, 0] == 3020.0


# ------------------------------------------------------------------ example B


def example_b() -> Network:
    """2-2-2-1, ReLU hidden layers, linear output, no biases; weights[k][i, j] is i -> j."""
    w0 = np.array([[50.0, -1.0], [10.0, 0.0]])  # columns: hidden1 node0 [50, 10], node1 [-1, 0]
    w1 = np.array([[0.1, -0.1], [10.0, 0.0]])  # columns: hidden2 node0 [0.1, 10], node1 [-0.1, 0]
    w2 = np.array([[0.1], [25.0]])  # output [0.1, 25]
    return Network([2, 2, 2, 1], ["relu", "relu", "linear"], loss="mse", bias=False, weights=[w0, w1, w2])


X_B = np.array([[30.0, 2.0]])
Y_B = np.array([[18.0]])


def test_example_b_forward():
    fwd = example_b().forward(X_B)
    np.testing.assert_array_equal(fwd.z[1], [[1520.0, -30.0]])  # node1's -30 is cut by ReLU
    np.testing.assert_array_equal(fwd.a[1], [[1520.0, 0.0]])
    np.testing.assert_allclose(fwd.a[2], [[152.0, 0.0]], rtol=1e-14)
    np.testing.assert_allclose(fwd.output, [[15.2]], rtol=1e-14)
    assert int(fwd.output[0, 0]) == 15  # what the note prints


def test_example_b_gradients():
    net = example_b()
    g = net.backward(net.forward(X_B), Y_B)
    np.testing.assert_allclose(g.da[3], [[-5.6]], rtol=1e-13)
    np.testing.assert_allclose(g.delta[3], [[-5.6]], rtol=1e-13)  # linear output: dL/dz = dL/dy
    np.testing.assert_allclose(g.loss, 2.8**2, rtol=1e-13)
    # Output weights: [-851.2, 0].
    np.testing.assert_allclose(g.dW[2][:, 0], [-851.2, 0.0], rtol=1e-13, atol=1e-12)
    # Hidden2: node0 [-851.2, 0], node1 [0, 0].
    np.testing.assert_allclose(g.dW[1][:, 0], [-851.2, 0.0], rtol=1e-13, atol=1e-12)
    np.testing.assert_array_equal(g.dW[1][:, 1], [0.0, 0.0])
    # Hidden1: node0 [-1.68, -0.112], node1 [0, 0].
    np.testing.assert_allclose(g.dW[0][:, 0], [-1.68, -0.112], rtol=1e-13)
    np.testing.assert_array_equal(g.dW[0][:, 1], [0.0, 0.0])
    for db in g.db:
        np.testing.assert_array_equal(db, 0.0)


def test_example_b_sgd_update_including_the_output_layer():
    net = example_b()
    g = net.backward(net.forward(X_B), Y_B)
    make_optimizer("sgd", lr=0.01).step(net, g)
    np.testing.assert_allclose(net.weights[0][:, 0], [50.0168, 10.00112], rtol=1e-14)
    np.testing.assert_array_equal(net.weights[0][:, 1], [-1.0, 0.0])
    np.testing.assert_allclose(net.weights[1][:, 0], [8.612, 10.0], rtol=1e-14)
    np.testing.assert_array_equal(net.weights[1][:, 1], [-0.1, 0.0])
    # The note prints [0.1056, 25] (its code used the hidden deltas); the right value is [8.612, 25].
    np.testing.assert_allclose(net.weights[2][:, 0], [8.612, 25.0], rtol=1e-14)
    assert not np.isclose(net.weights[2][0, 0], 0.1056)
    for b in net.biases:
        np.testing.assert_array_equal(b, 0.0)


def test_example_b_through_the_stepper_shows_the_same_numbers():
    data = Dataset(X_B, Y_B, kind="regression")
    tr = Trainer(example_b(), data, TrainingSettings(optimizer="sgd", lr=0.01, batch_size=0))
    stepper = Stepper(tr)
    seen = {}
    while stepper.forward_step():
        seen[str(stepper.phase)] = stepper.view
        if stepper.phase.kind == "update":
            break
    np.testing.assert_allclose(seen["forward 1"].a[1], [[1520.0, 0.0]])
    np.testing.assert_allclose(seen["loss"].da[3], [[-5.6]], rtol=1e-13)
    np.testing.assert_allclose(seen["gradient 3"].dW[2][:, 0], [-851.2, 0.0], rtol=1e-13, atol=1e-12)
    np.testing.assert_allclose(seen["gradient 1"].dW[0][:, 0], [-1.68, -0.112], rtol=1e-13)
    upd = seen["update"]
    np.testing.assert_allclose(upd.change_W[2][:, 0], [8.512, 0.0], rtol=1e-13, atol=1e-12)
    np.testing.assert_allclose(tr.network.weights[2][:, 0], [8.612, 25.0], rtol=1e-14)


def test_example_b_section_4_rounded_version():
    # Prediction rounded to 15, gradient 2 (15 - 18) = -6, output weight 0.1 -> 0.1 + 0.01 * 6 * 152.
    assert 0.1 - 0.01 * (2 * (15 - 18)) * 152 == pytest.approx(9.22)


def test_example_b_passes_the_gradient_check():
    net = example_b()
    before = [w.copy() for w in net.weights]
    rows = gradient_check(net, X_B, Y_B)
    assert len(rows) == 4 + 4 + 2  # weights only: no layer has a bias
    assert max_rel_error(rows) < 1e-7
    out0 = next(r for r in rows if (r.kind, r.k, r.i, r.j) == ("W", 2, 0, 0))
    assert out0.backprop == pytest.approx(-851.2)
    assert out0.numeric == pytest.approx(-851.2, rel=1e-8)
    for w, w0 in zip(net.weights, before, strict=True):
        np.testing.assert_array_equal(w, w0)


# ------------------------------------------------------------------ example C

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])


def example_c() -> Network:
    w0 = np.array([[-2.0, 2.0], [-2.0, 2.0]])  # n1 = NAND [-2, -2] bias 3; n2 = OR [2, 2] bias -1
    b0 = np.array([3.0, -1.0])
    w1 = np.array([[1.0], [1.0]])  # y = AND(n1, n2): [1, 1] bias -1
    b1 = np.array([-1.0])
    return Network([2, 2, 1], ["step", "step"], loss="mse", weights=[w0, w1], biases=[b0, b1])


def test_example_c_xor_truth_table():
    fwd = example_c().forward(XOR_X)
    np.testing.assert_array_equal(fwd.a[1][:, 0], [1, 1, 1, 0])  # n1 = NAND
    np.testing.assert_array_equal(fwd.a[1][:, 1], [0, 1, 1, 1])  # n2 = OR
    np.testing.assert_array_equal(fwd.output[:, 0], [0, 1, 1, 0])  # y = XOR
    np.testing.assert_array_equal(fwd.output, XOR_Y)


def test_example_c_step_is_one_only_above_zero():
    # The AND node sees z = 1 + 0 - 1 = 0 for (0, 0): the step must give 0 there.
    fwd = example_c().forward(XOR_X[:1])
    assert fwd.z[2][0, 0] == 0.0
    assert fwd.output[0, 0] == 0.0


def test_step_network_has_zero_gradients():
    net = example_c()
    wrong = 1.0 - XOR_Y  # every prediction is wrong: the loss is as large as it gets
    g = net.backward(net.forward(XOR_X), wrong)
    assert g.loss == 1.0
    assert np.all(g.da[2] != 0.0)  # the loss does push on the output ...
    for l in (0, 1, 2):
        np.testing.assert_array_equal(g.delta[l], 0.0)  # ... but nothing flows through a step
    for dW, db in zip(g.dW, g.db, strict=True):
        np.testing.assert_array_equal(dW, 0.0)
        np.testing.assert_array_equal(db, 0.0)
    before = net.state()
    make_optimizer("sgd", lr=1.0).step(net, g)
    for w, w0 in zip(net.weights, before["weights"], strict=True):
        np.testing.assert_array_equal(w, w0)
