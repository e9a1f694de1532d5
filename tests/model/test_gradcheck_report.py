"""Gradient check verdicts, kink warnings, single-parameter checks and the headless ``gradcheck`` command."""

from __future__ import annotations

import io
import math

import numpy as np
import pytest

from model import Network
from model.cli import main as cli_main
from model.gradcheck import VERDICTS, gradient_check, verdict, worst_first
from model.presets import load_preset


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = cli_main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("err", "expected"),
    [
        (0.0, "good"),
        (1e-7, "good"),
        (2e-7, "fine"),
        (1e-4, "fine"),
        (1e-3, "suspicious"),
        (0.02, "wrong"),
        (math.nan, "wrong"),
    ],
)
def test_verdict_thresholds(err, expected):
    assert verdict(err) == expected and expected in VERDICTS


def inject_one_percent(monkeypatch, layer=0):
    real = Network.backward

    def off(self, fwd, Y):
        g = real(self, fwd, Y)
        dW = list(g.dW)
        dW[layer] = dW[layer] * 1.01
        return type(g)(g.loss, g.targets, g.da, g.delta, tuple(dW), g.db)

    monkeypatch.setattr(Network, "backward", off)


def test_the_command_passes_on_a_correct_network_and_prints_the_walkthrough_numbers():
    code, out, _ = run("gradcheck", "backprop_walkthrough")
    assert code == 0 and "passed: all 10" in out
    assert "W (2, 0, 0)" in out and "-851.2" in out


def test_the_command_detects_an_injected_one_percent_error(monkeypatch):
    inject_one_percent(monkeypatch, layer=2)
    code, out, _ = run("gradcheck", "backprop_walkthrough")
    assert code == 1 and "FAILED" in out
    first = out.split("verdict\n")[1].splitlines()[0]
    assert first.startswith("W (2, 0, 0)") and "suspicious" in first  # 0.01/1.01 ≈ 9.9e-3: worst first


def test_kinks_are_flagged_and_can_be_allowed():
    doc = load_preset("xor_by_hand")
    rows = gradient_check(doc.network, doc.dataset.X, doc.dataset.Y)
    kinked = {(r.kind, r.k, r.i, r.j) for r in rows if r.kink}
    assert kinked == {("W", 1, 0, 0), ("W", 1, 1, 0), ("b", 1, -1, 0)}  # the output's z is exactly 0 on (0,0)
    code, out, _ = run("gradcheck", "xor_by_hand")
    assert code == 1 and out.count("  kink") == 3
    assert not any(r.kink for r in gradient_check(*_smooth()))


def _smooth():
    net = Network([2, 3, 1], ["tanh", "sigmoid"], loss="bce", seed=1)
    return net, np.array([[0.5, -1.0], [1.0, 0.3]]), np.array([[1.0], [0.0]])


def test_a_relu_near_its_corner_is_flagged_only_where_the_probe_crosses():
    net = Network([1, 2, 1], ["relu", "linear"], loss="mse", bias=False, seed=0)
    net.weights[0] = np.array([[1e-5, 1.0]])
    net.weights[1] = np.array([[2.0], [3.0]])
    rows = {(r.kind, r.k, r.i, r.j): r for r in gradient_check(net, np.array([[1.0]]), np.array([[0.0]]))}
    assert rows[("W", 0, 0, 0)].kink and not rows[("W", 0, 0, 1)].kink
    assert rows[("W", 1, 0, 0)].kink is False  # the output layer is linear: no corner to cross


def test_only_checks_the_named_parameters_with_the_same_numbers():
    net, X, Y = _smooth()
    full = {(r.kind, r.k, r.i, r.j): r for r in gradient_check(net, X, Y)}
    one = gradient_check(net, X, Y, only={("W", 1, 2, 0)})
    assert len(one) == 1 and one[0] == full[("W", 1, 2, 0)]


def test_worst_first_puts_nan_and_big_errors_on_top():
    net, X, Y = _smooth()
    rows = gradient_check(net, X, Y)
    ordered = worst_first(rows)
    assert [r.rel_error for r in ordered] == sorted((r.rel_error for r in rows), reverse=True)


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["gradcheck", "no_such"], "no preset"),
        (["gradcheck", "xor_train", "--h", "0"], "--h"),
        (["gradcheck", "xor_train", "--threshold", "nan"], "--threshold"),
        (["gradcheck", "xor_train", "--top", "-1"], "--top"),
    ],
)
def test_bad_input_is_one_line_and_status_2(argv, needle):
    code, out, err = run(*argv)
    assert code == 2 and err.startswith("error:") and needle in err and err.count("\n") == 1 and out == ""


def test_top_and_threshold_options():
    code, out, _ = run("gradcheck", "xor_train", "--top", "2", "--threshold", "0")
    assert code == 1 and "... 7 more" in out
