"""The chain-rule text: the lecture's worked numbers, partial steps, every loss/activation form."""

from __future__ import annotations

import re
import shutil
import subprocess

import numpy as np
import pytest

import model
from model import explain
from model.explain import bias_lines, edge_lines, fmt, node_lines, step_latex, step_markdown


def walkthrough() -> model.Document:
    """Worked example B of note 000: 2-2-2-1, ReLU, no biases, input [30, 2], target 18, lr 0.01."""
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
    return model.Document(net, data, model.TrainingSettings(optimizer="sgd", lr=0.01), title="walkthrough")


def stepper(doc: model.Document, detailed: bool = False) -> model.Stepper:
    return model.Stepper(model.Trainer(doc.network, doc.dataset, doc.training), detailed=detailed)


def run_until(st: model.Stepper, phase: str) -> model.StepView:
    while True:
        assert st.forward_step(), st.message
        assert st.view is not None
        if str(st.view.phase) == phase:
            return st.view


def last_number(line: str) -> str:
    """The result after the last '=' (before a trailing note in parentheses)."""
    return re.split(r"\s{3}\(", line.rsplit("= ", 1)[1])[0].strip()


# ----------------------------------------------------------------------- fmt
@pytest.mark.parametrize(
    ("x", "p", "want"),
    [
        (1520.0, 4, "1520"),
        (15.2, 4, "15.2"),
        (-851.2, 4, "-851.2"),
        (-851.1999999999997, 4, "-851.2"),
        (8.611999999999997, 4, "8.612"),
        (0.0, 4, "0"),
        (-0.0, 4, "0"),
        (50.0168, 4, "50.02"),
        (50.0168, 6, "50.0168"),
        (123456.0, 4, "123500"),
        (0.000123456, 3, "0.000123"),
        (1.5e-7, 4, "1.5e-7"),
        (-2.5e8, 4, "-2.5e8"),
        (1e6, 4, "1e6"),
        (float("nan"), 4, "—"),
        (float("inf"), 4, "∞"),
        (-0.00001234, 2, "-1.2e-5"),
        (0.1, 4, "0.1"),
        (2.0, 1, "2"),
    ],
)
def test_fmt(x: float, p: int, want: str) -> None:
    assert fmt(x, p) == want


# --------------------------------------------------------- worked example B
def test_walkthrough_numbers_after_a_full_step() -> None:
    doc = walkthrough()
    st = stepper(doc)
    assert st.finish_step()
    v, net, opt = st.view, doc.network, st.trainer.optimizer
    assert v is not None

    n10 = node_lines(net, v, 1, 0)
    assert n10[0] == "z = 30 × 50 + 2 × 10 = 1520"
    assert n10[1] == "a = relu(1520) = 1520"
    assert node_lines(net, v, 1, 1)[:2] == ["z = 30 × (-1) + 2 × 0 = -30", "a = relu(-30) = 0"]
    assert node_lines(net, v, 0, 1)[0] == "a = x₂ = 2"

    out = node_lines(net, v, 3, 0)
    assert "L = (y − t)² = (15.2 − 18)² = 7.84" in out
    assert "dL/dy = 2 × (y − t) = 2 × (15.2 − 18) = -5.6" in out
    assert out[-1] == "δ = dL/dy × f'(z) = (-5.6) × 1 = -5.6"

    hidden = node_lines(net, v, 2, 0)
    assert "dL/da = Σ w × δ = 0.1 × (-5.6) = -0.56" in hidden
    assert hidden[-1] == "δ = dL/da × f'(z) = (-0.56) × 1 = -0.56"
    assert "relu'(-152) = 0" in node_lines(net, v, 2, 1)

    e = edge_lines(net, v, 2, 0, 0, optimizer=opt)
    assert e == [
        "w = 0.1",
        "∂L/∂w = a × δ = 152 × (-5.6) = -851.2",
        "w_new = w − lr × ∂L/∂w = 0.1 − 0.01 × (-851.2) = 8.612",
    ]
    e = edge_lines(net, v, 1, 0, 0, optimizer=opt)
    assert "∂L/∂w = a × δ = 1520 × (-0.56) = -851.2" in e
    assert e[-1].endswith("= 8.612")
    # Small steps get the digits they need: 10.00112, not "10".
    assert edge_lines(net, v, 0, 1, 0, optimizer=opt)[-1] == "w_new = w − lr × ∂L/∂w = 10 − 0.01 × (-0.112) = 10.00112"
    assert edge_lines(net, v, 0, 0, 0, precision=6, optimizer=opt)[-1].endswith("= 50.0168")
    # Layers without a bias have no bias lines.
    assert bias_lines(net, v, 1, 0, optimizer=opt) == []


def test_without_optimizer_the_update_is_shown_as_a_change() -> None:
    doc = walkthrough()
    st = stepper(doc)
    st.finish_step()
    lines = edge_lines(doc.network, st.view, 2, 0, 0)
    assert lines[-2:] == ["Δw = w_new − w = 8.512", "w_new = w + Δw = 0.1 + 8.512 = 8.612"]


def test_partial_views_show_only_what_is_known() -> None:
    doc = walkthrough()
    net = doc.network
    st = stepper(doc, detailed=True)
    v = run_until(st, "forward 1.0")
    assert node_lines(net, v, 1, 0) == ["z = 30 × 50 + 2 × 10 = 1520", "a = relu(1520) = 1520"]
    assert node_lines(net, v, 1, 1) == []  # not computed yet in detailed mode
    assert node_lines(net, v, 2, 0) == []
    assert edge_lines(net, v, 0, 0, 0) == ["w = 50"]

    v = run_until(st, "loss")
    out = node_lines(net, v, 3, 0)
    assert any(line.startswith("dL/dy") for line in out)
    assert not any(line.startswith("δ") for line in out)
    assert node_lines(net, v, 2, 0) == ["z = 1520 × 0.1 + 0 × 10 = 152", "a = relu(152) = 152"]

    v = run_until(st, "delta 3")
    assert node_lines(net, v, 3, 0)[-1].startswith("δ = ")
    assert edge_lines(net, v, 2, 0, 0) == ["w = 0.1"]  # the gradient phase has not run
    v = run_until(st, "gradient 3")
    lines = edge_lines(net, v, 2, 0, 0, optimizer=st.trainer.optimizer)
    assert lines[-2] == "∂L/∂w = a × δ = 152 × (-5.6) = -851.2"
    # Before the update phase plain SGD's rule is shown ahead, with its numbers and a note.
    assert lines[-1] == "w_new = w − lr × ∂L/∂w = 0.1 − 0.01 × (-851.2) = 8.612   (at the update)"
    hidden = node_lines(net, v, 2, 0)
    assert hidden[-1] == "dL/da = Σ w × δ = 0.1 × (-5.6) = -0.56"  # dL/da known, δ not yet
    v = run_until(st, "delta 2")
    assert node_lines(net, v, 2, 0)[-1].startswith("δ = dL/da × f'(z)")

    md = step_markdown(doc, v, st.trainer.optimizer)
    assert "1. Forward pass" in md and "3. Backward pass" in md
    assert "5. Update" not in md and "4. Gradients" in md


def test_results_are_the_engines_numbers() -> None:
    """Every line's result equals the engine's value, for a batch through tanh/sigmoid with biases."""
    rng = np.random.default_rng(3)
    net = model.Network([3, 4, 2], ["tanh", "sigmoid"], "mse", seed=2)
    net.biases = [rng.normal(size=4), rng.normal(size=2)]
    data = model.Dataset(rng.normal(size=(6, 3)), rng.integers(0, 2, (6, 2)))
    doc = model.Document(net, data, model.TrainingSettings(optimizer="sgd", lr=0.3))
    st = stepper(doc)
    st.finish_step()
    v = st.view
    for row in range(6):
        for l in range(1, 3):
            for j in range(net.sizes[l]):
                lines = node_lines(net, v, l, j, row=row, precision=5)
                assert last_number(lines[0]) == fmt(v.z[l][row, j], 5)
                assert last_number(lines[1]) == fmt(v.a[l][row, j], 5)
                assert last_number(lines[-1]) == fmt(v.delta[l][row, j], 5)
    for k in range(2):
        for i, j in np.ndindex(v.dW[k].shape):
            lines = edge_lines(net, v, k, i, j, optimizer=st.trainer.optimizer, precision=5)
            assert last_number(lines[1]) == fmt(v.dW[k][i, j], 5)
            assert float(last_number(lines[-1])) == pytest.approx(net.weights[k][i, j], rel=1e-4)
        for j in range(net.sizes[k + 1]):
            lines = bias_lines(net, v, k + 1, j, optimizer=st.trainer.optimizer, precision=5)
            assert lines[0] == f"b = {fmt(v.biases_before[k][j], 5)}"
            assert last_number(lines[1]) == fmt(v.db[k][j], 5)


def test_batch_sums_and_means_are_written_out() -> None:
    rng = np.random.default_rng(0)
    net = model.Network([2, 3, 1], ["relu", "linear"], "mse", seed=1)
    data = model.Dataset(rng.normal(size=(6, 2)), rng.normal(size=(6, 1)), kind="regression")
    doc = model.Document(net, data, model.TrainingSettings(lr=0.1))
    st = stepper(doc)
    st.finish_step()
    v = st.view
    out = node_lines(net, v, 2, 0, row=2)
    assert any(line.startswith("L = (1/N) Σ (y − t)²") and "N = 6 values" in line for line in out)
    dldy = next(line for line in out if line.startswith("dL/dy"))
    assert "2 × (y − t) / N" in dldy and dldy.split(" = ")[2].endswith("/ 6")
    grad = edge_lines(net, v, 1, 0, 0, row=5)[1]
    assert grad.startswith("∂L/∂w = Σₙ aₙ × δₙ = ")
    assert grad.count(" × ") == 5 and "…" in grad and "6 samples" in grad  # 4 terms written, then …
    assert "(sample 6 alone)" in edge_lines(net, v, 1, 0, 0, row=5)[2]
    assert bias_lines(net, v, 2, 0)[1].startswith("∂L/∂b = Σₙ δₙ = ")


def _classifier(loss: str, out_act: str, optimizer: str, **settings: float) -> tuple[model.Document, model.Stepper]:
    rng = np.random.default_rng(5)
    m = 3 if out_act == "softmax" else 1
    net = model.Network([2, 3, m], ["leaky_relu", out_act], loss, bias=[True, False], seed=4)
    Y = np.eye(3)[rng.integers(0, 3, 5)] if m == 3 else rng.integers(0, 2, (5, 1))
    doc = model.Document(
        net, model.Dataset(rng.normal(size=(5, 2)), Y), model.TrainingSettings(optimizer=optimizer, lr=0.05, **settings)
    )
    st = stepper(doc)
    assert st.finish_step()
    return doc, st


def test_fused_and_jacobian_forms() -> None:
    doc, st = _classifier("cross_entropy", "softmax", "sgd")
    out = node_lines(doc.network, st.view, 2, 1, row=0)
    assert any("softmax(z)[1] = e^(" in line for line in out)
    assert "fused form of softmax + cross-entropy" in out[-1] and "/ 5" in out[-1]

    doc, st = _classifier("bce", "sigmoid", "sgd")
    out = node_lines(doc.network, st.view, 2, 0, row=0)
    assert "fused form of sigmoid + binary cross-entropy" in out[-1]
    assert any(line.startswith("a = sigmoid(") and "1 / (1 + e^(" in line for line in out)

    doc, st = _classifier("mse", "softmax", "sgd")
    out = node_lines(doc.network, st.view, 2, 0, row=1)
    assert "softmax Jacobian product" in out[-1]
    assert any(line.startswith("Σₖ yₖ × dL/dyₖ") for line in out)


def test_other_optimizers_show_their_rule_and_the_change() -> None:
    doc, st = _classifier("bce", "sigmoid", "adam", weight_decay=0.01, l1=0.001)
    opt, v, net = st.trainer.optimizer, st.view, doc.network
    lines = edge_lines(net, v, 1, 0, 0, optimizer=opt)
    assert any(line.startswith("g = ∂L/∂w + wd × w + l1 × sign(w) = ") for line in lines)
    assert any(line.startswith(opt.describe_update()) for line in lines)
    assert lines[-1].startswith("w_new = w + Δw = ")
    assert float(last_number(lines[-1])) == pytest.approx(net.weights[1][0, 0], rel=1e-3)
    assert bias_lines(net, v, 2, 0, optimizer=opt) == []  # layer 2 has no bias
    assert bias_lines(net, v, 1, 0, optimizer=opt)[0].startswith("b = ")


def test_step_activation_says_no_gradient_flows() -> None:
    net = model.Network([2, 2, 1], ["step", "sigmoid"], "mse", seed=0)
    doc = model.Document(net, model.Dataset([[0.0, 1.0]], [[1.0]]))
    st = stepper(doc)
    st.finish_step()
    assert any("no gradient flows back" in line for line in node_lines(net, st.view, 1, 0))


# ------------------------------------------------------------ worked examples
def test_step_markdown_is_the_worked_example() -> None:
    doc = walkthrough()
    st = stepper(doc)
    st.finish_step()
    md = step_markdown(doc, st.view, st.trainer.optimizer)
    for piece in (
        "# One training step, worked by hand: walkthrough",
        "## 1. Forward pass",
        "## 2. Loss",
        "## 3. Backward pass",
        "## 4. Gradients",
        "## 5. Update",
        "## After the step",
        r"$z = 30 \times 50 + 2 \times 10 = 1520$",
        r"2 \times (15.2 - 18) = -5.6$",
        r"152 \times (-5.6) = -851.2$",
        r"0.1 - 0.01 \times (-851.2) = 8.612$",
    ):
        assert piece in md, piece
    # Also from a bare network.
    assert "## 5. Update" in step_markdown(doc.network, st.view, None)


def test_step_latex_is_ascii_and_balanced() -> None:
    doc = walkthrough()
    doc.title = "역전파 & 50% <walkthrough>_1"
    st = stepper(doc)
    st.finish_step()
    tex = step_latex(doc, st.view, st.trainer.optimizer)
    assert tex.isascii()  # in English: plain pdflatex, the Korean of a title dropped
    assert tex.startswith(r"\documentclass") and r"\usepackage{amsmath}" in tex
    assert tex.rstrip().endswith(r"\end{document}")
    assert r"\& 50\% \textless{}walkthrough\textgreater{}\_1" in tex
    assert tex.count(r"\begin{itemize}") == tex.count(r"\end{itemize}")
    body = tex.split(r"\begin{document}")[1]
    assert body.count("$") % 2 == 0
    assert r"1520 \times (-0.56) = -851.2" in tex


@pytest.mark.skipif(shutil.which("pdflatex") is None, reason="pdflatex is not installed")
def test_step_latex_compiles(tmp_path) -> None:  # noqa: ANN001
    doc, st = _classifier("cross_entropy", "softmax", "rmsprop")
    (tmp_path / "step.tex").write_text(step_latex(doc, st.view, st.trainer.optimizer), encoding="ascii")
    done = subprocess.run(
        ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "step.tex"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout[-2000:]
    assert (tmp_path / "step.pdf").stat().st_size > 1000


def test_every_preset_explains_without_error() -> None:
    presets = pytest.importorskip("model.presets")
    for name in presets.PRESETS:
        doc = presets.load_preset(name)
        st = stepper(doc)
        assert st.finish_step(), name
        net, v = doc.network, st.view
        for l in range(net.n_layers + 1):
            for j in range(net.sizes[l]):
                assert node_lines(net, v, l, j), (name, l, j)
        assert step_latex(doc, v, st.trainer.optimizer).isascii()
        assert "## 5. Update" in step_markdown(doc, v, st.trainer.optimizer)


def test_long_sums_are_cut() -> None:
    net = model.Network([40, 1], ["linear"], "mse", seed=0)
    doc = model.Document(net, model.Dataset(np.ones((1, 40)), [[0.0]], kind="regression"))
    st = stepper(doc)
    st.finish_step()
    z = node_lines(net, st.view, 1, 0)[0]
    assert z.count(" × ") == explain.MAX_TERMS - 1
    assert f"{40 - explain.MAX_TERMS + 1} more terms" in z
