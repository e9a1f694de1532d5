"""Exported scripts reproduce the engine's first step to 1e-9; worked examples carry its numbers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import model
from model import exporters

TOL = 1e-9


def bias_net_doc(optimizer: str, **settings: Any) -> model.Document:
    """2-3-3-1 with biases, tanh/sigmoid/sigmoid, bce, a shuffled mini-batch of 5 out of 8."""
    rng = np.random.default_rng(11)
    net = model.Network([2, 3, 3, 1], ["tanh", "sigmoid", "sigmoid"], "bce", seed=7)
    net.biases = [rng.normal(size=3), rng.normal(size=3), rng.normal(size=1)]
    data = model.Dataset(rng.normal(size=(8, 2)), rng.integers(0, 2, (8, 1)))
    s = model.TrainingSettings(optimizer=optimizer, lr=0.05, batch_size=5, seed=3, **settings)
    return model.Document(net, data, s, title="bias net")


def biasless_doc(optimizer: str, **settings: Any) -> model.Document:
    """Worked example B's shape: 2-2-2-1 relu/relu/linear, mse, no biases, one sample."""
    net = model.Network(
        [2, 2, 2, 1],
        ["relu", "relu", "linear"],
        "mse",
        bias=False,
        weights=[
            np.array([[50.0, -1.0], [10.0, 0.0]]),
            np.array([[0.1, -0.1], [10.0, 0.0]]),
            np.array([[0.1], [25.0]]),
        ],
    )
    data = model.Dataset([[30.0, 2.0]], [[18.0]], kind="regression")
    return model.Document(net, data, model.TrainingSettings(optimizer=optimizer, lr=0.01, **settings))


def softmax_doc(optimizer: str, **settings: Any) -> model.Document:
    """4-5-3 leaky_relu/softmax, cross-entropy, bias only on the hidden layer, full batch of 7."""
    rng = np.random.default_rng(2)
    net = model.Network([4, 5, 3], ["leaky_relu", "softmax"], "cross_entropy", bias=[True, False], seed=1)
    data = model.Dataset(rng.normal(size=(7, 4)), np.eye(3)[rng.integers(0, 3, 7)])
    return model.Document(net, data, model.TrainingSettings(optimizer=optimizer, lr=0.1, **settings))


def mse_softmax_doc(optimizer: str, **settings: Any) -> model.Document:
    """Softmax output under mse (the Jacobian path) after a step layer (no gradient through it)."""
    rng = np.random.default_rng(4)
    net = model.Network([3, 4, 4, 2], ["relu", "step", "softmax"], "mse", seed=5)
    data = model.Dataset(rng.normal(size=(6, 3)), np.eye(2)[rng.integers(0, 2, 6)])
    return model.Document(net, data, model.TrainingSettings(optimizer=optimizer, lr=0.2, **settings))


CASES = [
    ("sgd", bias_net_doc, {}),
    ("momentum", bias_net_doc, {}),
    ("nesterov", bias_net_doc, {"weight_decay": 0.01}),
    ("adagrad", bias_net_doc, {"hyper": {"lr_decay": 0.1, "initial_accumulator_value": 0.2}}),
    ("rmsprop", bias_net_doc, {"hyper": {"centered": True, "momentum": 0.5}}),
    ("adam", bias_net_doc, {"weight_decay": 0.02, "l1": 0.003}),
    ("sgd", biasless_doc, {}),
    ("adam", biasless_doc, {"hyper": {"amsgrad": True}}),
    ("rmsprop", softmax_doc, {"l1": 0.01}),
    ("momentum", softmax_doc, {"hyper": {"dampening": 0.3}}),
    ("adagrad", mse_softmax_doc, {}),
]
IDS = [f"{name}-{make.__name__}" for name, make, _ in CASES]


def engine_step(doc: model.Document) -> dict[str, Any]:
    """The engine's own first step on a copy: Trainer.compute then Trainer.apply."""
    work = doc.copy()
    trainer = model.Trainer(work.network, work.dataset, work.training)
    idx = trainer.peek_batch()
    fwd = work.network.forward(work.dataset.X[idx])
    g = work.network.backward(fwd, work.dataset.Y[idx])
    assert trainer.apply(g)
    return {
        "output": fwd.output,
        "loss": g.loss,
        "dW": list(g.dW),
        "db": list(g.db),
        "weights_after": list(work.network.weights),
        "biases_after": list(work.network.biases),
    }


def run_script(path: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(path), "--json"], capture_output=True, text=True, timeout=120, cwd=path.parent
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1, "--json prints exactly one JSON object"
    return json.loads(lines[0])


# Runs every script of one kind in one interpreter, as `python script.py --json` would (torch imports once).
_RUN_ALL = """
import contextlib, io, json, runpy, sys
for path in sys.argv[1:]:
    sys.argv = [path, "--json"]
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        runpy.run_path(path, run_name="__main__")
    lines = buf.getvalue().strip().splitlines()
    assert len(lines) == 1, path
    print(lines[0])
"""


def run_scripts(tmp: Path, kind: str) -> dict[str, dict[str, Any]]:
    export = exporters.numpy_script if kind == "numpy" else exporters.pytorch_script
    paths = []
    for case_id, (optimizer, make, settings) in zip(IDS, CASES, strict=True):
        paths.append(tmp / f"{kind}_{case_id.replace('-', '_')}.py")
        paths[-1].write_text(export(make(optimizer, **settings)), encoding="utf-8")
    # From the temporary folder, so that nothing of the project is importable: the scripts stand alone.
    done = subprocess.run(
        [sys.executable, "-c", _RUN_ALL, *map(str, paths)], capture_output=True, text=True, timeout=600, cwd=tmp
    )
    assert done.returncode == 0, done.stderr
    return dict(zip(IDS, map(json.loads, done.stdout.strip().splitlines()), strict=True))


@pytest.fixture(scope="module")
def numpy_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    return run_scripts(tmp_path_factory.mktemp("numpy"), "numpy")


@pytest.fixture(scope="module")
def torch_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    pytest.importorskip("torch")
    return run_scripts(tmp_path_factory.mktemp("torch"), "pytorch")


def assert_matches(got: dict[str, Any], want: dict[str, Any]) -> None:
    assert set(got) >= {"output", "loss", "dW", "db", "weights_after"}
    np.testing.assert_allclose(got["output"], want["output"], rtol=TOL, atol=TOL)
    assert got["loss"] == pytest.approx(want["loss"], rel=TOL, abs=TOL)
    for key in ("dW", "db", "weights_after", "biases_after"):
        assert len(got[key]) == len(want[key]), key
        for k, (g, w) in enumerate(zip(got[key], want[key], strict=True)):
            np.testing.assert_allclose(np.array(g).reshape(w.shape), w, rtol=TOL, atol=TOL, err_msg=f"{key}[{k}]")


@pytest.mark.parametrize(("optimizer", "make", "settings"), CASES, ids=IDS)
def test_numpy_script_reproduces_the_engine(numpy_results: dict, optimizer: str, make: Any, settings: dict) -> None:
    assert_matches(numpy_results[f"{optimizer}-{make.__name__}"], engine_step(make(optimizer, **settings)))


@pytest.mark.parametrize(("optimizer", "make", "settings"), CASES, ids=IDS)
def test_pytorch_script_reproduces_the_engine(torch_results: dict, optimizer: str, make: Any, settings: dict) -> None:
    assert_matches(torch_results[f"{optimizer}-{make.__name__}"], engine_step(make(optimizer, **settings)))


def test_numpy_script_runs_standalone_with_json(tmp_path: Path) -> None:
    doc = bias_net_doc("adam", weight_decay=0.01)
    before = [w.copy() for w in doc.network.weights]
    path = tmp_path / "step.py"
    path.write_text(exporters.numpy_script(doc), encoding="utf-8")
    assert all(np.array_equal(a, b) for a, b in zip(before, doc.network.weights, strict=True)), "export changed doc"
    assert_matches(run_script(path), engine_step(doc))


def test_scripts_embed_the_network_and_print_readably(tmp_path: Path) -> None:
    doc = biasless_doc("sgd")
    text = exporters.numpy_script(doc)
    assert "import torch" not in text
    for piece in (
        "ACTIVATIONS = ['relu', 'relu', 'linear']",
        "BIAS = [False, False, False]",
        "LOSS = 'mse'",
        "[50.0, -1.0]",
        "X = np.array([\n    [30.0, 2.0],\n])",
        "LR = 0.01",
    ):
        assert piece in text, piece
    path = tmp_path / "step.py"
    path.write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    for piece in ("Loss (mse) = 7.84", "-851.2", "8.612", "50.0168", "10.00112"):
        assert piece in done.stdout, piece
    torch_text = exporters.pytorch_script(doc)
    assert "torch.optim.SGD(" in torch_text and "loss.backward()" in torch_text


def test_worked_examples_of_the_first_step() -> None:
    doc = biasless_doc("sgd")
    before = [w.copy() for w in doc.network.weights]
    md = exporters.markdown(doc)
    for piece in (
        r"$z = 30 \times 50 + 2 \times 10 = 1520$",
        r"152 \times (-5.6) = -851.2",
        r"0.1 - 0.01 \times (-851.2) = 8.612$",
        "## 5. Update",
        "50.0168",
    ):
        assert piece in md, piece
    tex = exporters.latex(doc)
    assert tex.isascii() and tex.startswith(r"\documentclass") and r"= 8.612$" in tex
    assert all(np.array_equal(a, b) for a, b in zip(before, doc.network.weights, strict=True))


def test_first_step_uses_the_trainers_first_batch() -> None:
    doc = bias_net_doc("sgd")
    work, view, optimizer = exporters.first_step(doc)
    expected = model.Trainer(doc.network.copy(), doc.dataset, doc.training).peek_batch()
    assert np.array_equal(view.indices, expected) and len(expected) == 5
    assert optimizer.name == "sgd" and optimizer.lr == 0.05
    assert not np.array_equal(work.network.weights[0], doc.network.weights[0])
