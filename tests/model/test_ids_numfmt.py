"""Typed ids (model/ids.py) and the one number formatter (model/numfmt.py)."""

from __future__ import annotations

import math

import pytest

from model import explain, numfmt
from model.ids import BiasId, NodeId, WeightId, as_id, in_phase, phase_focus

SIZES = [2, 2, 2, 1]  # worked example B


def test_ids_are_the_legacy_tuples_with_names() -> None:
    n, w, b = NodeId(1, 0), WeightId(2, 1, 0), BiasId(3, 0)
    assert n == ("node", 1, 0) and hash(n) == hash(("node", 1, 0))
    assert w == ("edge", 2, 1, 0) and (w.layer, w.source, w.target) == (2, 1, 0)
    assert (b.layer, b.index) == (3, 0) and b.node == NodeId(3, 0)
    assert n.kind == "node" and w.kind == "edge" and b.kind == "bias"
    assert {n: 1}[("node", 1, 0)] == 1  # dict keys work either way
    assert repr(w) == "WeightId(2, 1, 0)"


def test_as_id_reads_legacy_tuples_and_checks_the_network() -> None:
    assert as_id(("node", 1, 1)) == NodeId(1, 1)
    assert isinstance(as_id(("edge", 0, 1, 1)), WeightId)
    assert as_id(("edge", 2, 1, 0), SIZES) == WeightId(2, 1, 0)
    assert as_id(("edge", 3, 0, 0), SIZES) is None  # no layer 4
    assert as_id(("node", 1, 2), SIZES) is None
    assert as_id(("bias", 0, 0), SIZES) is None  # inputs have no bias
    for junk in (None, 3, "node", ("node", "a", 1), ("wing", 1, 1), ("node", 1)):
        assert as_id(junk) is None


@pytest.mark.parametrize(
    ("phase", "focus"),
    [
        (("forward", 2, -1), NodeId(2, 0)),
        (("forward", 1, 1), NodeId(1, 1)),
        (("loss", 0, -1), NodeId(3, 0)),
        (("delta", 3, -1), NodeId(3, 0)),
        (("gradient", 3, -1), WeightId(2, 0, 0)),
        (("gradient", 1, -1), WeightId(0, 0, 0)),
        (("update", 0, -1), WeightId(2, 0, 0)),
        (("ready", 0, -1), None),
    ],
)
def test_phase_focus_is_what_the_phase_produced(phase, focus) -> None:  # noqa: ANN001
    assert phase_focus(*phase, SIZES) == focus
    if focus is not None:
        assert in_phase(focus, *phase, SIZES)


def test_in_phase() -> None:
    assert in_phase(NodeId(2, 1), "forward", 2, -1, SIZES)
    assert not in_phase(NodeId(2, 1), "forward", 2, 0, SIZES)  # node by node: only node 0 so far
    assert not in_phase(NodeId(1, 0), "delta", 3, -1, SIZES)
    assert in_phase(WeightId(1, 1, 1), "gradient", 2, -1, SIZES)
    assert not in_phase(NodeId(2, 0), "gradient", 2, -1, SIZES)  # its ∂L/∂w are on the edges
    assert not in_phase(WeightId(2, 0, 0), "gradient", 2, -1, SIZES)
    assert in_phase(BiasId(2, 0), "gradient", 2, -1, SIZES)
    assert in_phase(WeightId(0, 1, 1), "update", 0, -1, SIZES)
    assert not in_phase(None, "update", 0, -1, SIZES)
    assert not in_phase(NodeId(9, 9), "update", 0, -1, SIZES)


# ------------------------------------------------------------------ numbers
@pytest.mark.parametrize(
    ("x", "p", "text"),
    [
        (1520.0, 4, "1520"),
        (-851.2, 4, "-851.2"),
        (50.0168, 4, "50.02"),
        (50.0168, 7, "50.0168"),
        (10.00112, 7, "10.00112"),
        (1.5e-7, 4, "1.5e-7"),
        (2.5e300, 3, "2.5e300"),
        (-0.0, 4, "0"),
        (math.inf, 4, "∞"),
        (-math.inf, 4, "-∞"),
        (math.nan, 4, "—"),
        (0.1 - 0.01 * -851.2, 4, "8.612"),
    ],
)
def test_fmt(x: float, p: int, text: str) -> None:
    assert numfmt.fmt(x, p) == text
    assert explain.fmt(x, p) == text  # explain writes numbers with the same function


@pytest.mark.parametrize(
    ("x", "text"),
    [
        (0.1 - 0.01 * -851.2, "8.612"),  # 8.611999999999998 in binary
        (0.1 + 0.2, "0.3"),
        (50.0168, "50.0168"),
        (1e-5, "1e-5"),
        (-0.0, "0"),
        (123456789.125, "123456789.125"),
        (math.inf, "∞"),
        (math.nan, "—"),
    ],
)
def test_edit_text_shows_the_value_without_binary_noise(x: float, text: str) -> None:
    assert numfmt.edit_text(x) == text


def test_edit_text_round_trips_to_within_15_digits() -> None:
    for x in (1 / 3, 2 / 3 * 1e-9, 8.611999999999998, -123.456e200):
        assert math.isclose(float(numfmt.edit_text(x)), x, rel_tol=1e-14)
