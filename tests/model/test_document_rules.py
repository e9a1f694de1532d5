"""One set of rules for a document: the file validator, Save and autosave agree, and hostile files fail cleanly.

Every hostile file here once escaped as another exception (OverflowError,
ValueError, RecursionError) or replaced the open work before failing; each
must now be one FileFormatError naming what is wrong.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import model
from model import document, fileformat, limits, settings
from model.presets import load_preset


def lesson(change: Any = None) -> str:
    data = fileformat.to_dict(load_preset("xor_train"))
    if change is not None:
        change(data)
    return json.dumps(data)


def put(*path: Any, value: Any) -> Any:
    def change(d: dict[str, Any]) -> None:
        for key in path[:-1]:
            d = d[key]
        d[path[-1]] = value

    return change


HUGE_401 = "9" * 401  # a JSON integer: Python reads it, float() overflows
HUGE_5000 = "9" * 5000  # beyond Python's 4,300-digit int-from-text limit: json.loads raises ValueError


@pytest.mark.parametrize(
    "field",
    [
        ("network", "weights", 0, 0, 0),
        ("network", "biases", 0, 0),
        ("dataset", "inputs", 0, 0),
        ("dataset", "targets", 0, 0),
        ("training", "lr"),
        ("training", "batch_size"),
        ("training", "seed"),
        ("training", "epochs"),
        ("network", "seed"),
        ("view", "precision"),
    ],
    ids=lambda f: ".".join(map(str, f)),
)
@pytest.mark.parametrize("digits", [HUGE_401, "-" + HUGE_401, HUGE_5000], ids=["401", "-401", "5000"])
def test_huge_integers_are_a_file_format_error(tmp_path: Path, field: tuple[Any, ...], digits: str) -> None:
    marker = "123456789.125"  # a number no preset holds, replaced by the raw digits in the JSON text
    text = lesson(put(*field, value=float(marker)))
    assert marker in text
    path = tmp_path / "huge.json"
    path.write_text(text.replace(marker, digits, 1), encoding="utf-8")
    with pytest.raises(model.FileFormatError) as info:
        model.load(path)
    message = str(info.value)
    assert len(message) < 300 and "\n" not in message  # one sentence, not 5,000 digits


@pytest.mark.parametrize("where", ["top", "view", "description"])
@pytest.mark.parametrize("depth", [990, 5000, 100_000])
def test_deep_nesting_is_a_file_format_error(tmp_path: Path, where: str, depth: int) -> None:
    nest = "[" * depth + "]" * depth
    if where == "top":
        text = nest
    else:
        text = lesson(put(where, "deep", value="@@")).replace('"@@"', nest)
    path = tmp_path / "deep.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(model.FileFormatError):
        model.load(path)


@pytest.mark.parametrize(
    ("hints", "expected"),
    [
        ({"precision": "abc"}, "view.precision must be a whole number"),
        ({"precision": 4.5}, "view.precision must be a whole number"),
        ({"precision": 99}, "view.precision must be from 2 to 12"),
        ({"sample": -1}, "view.sample must be from 0"),
        ({"sample": True}, "view.sample must be a whole number"),
        ({"detailed": "yes"}, "view.detailed must be true or false"),
    ],
)
def test_view_hints_are_checked_with_the_file(hints: dict[str, Any], expected: str) -> None:
    with pytest.raises(model.FileFormatError, match=expected):
        fileformat.loads(lesson(put("view", value=hints)))


def test_unknown_view_hints_are_kept() -> None:
    doc = fileformat.loads(lesson(put("view", value={"precision": 5, "later": {"a": [1, 2]}})))
    assert doc.view == {"precision": 5, "later": {"a": [1, 2]}}


# ---------------------------------------------------------------- one rule for editor, file and autosave
@pytest.mark.parametrize(
    ("name", "value", "ok"),
    [
        ("batch_size", 10_000, True),
        ("batch_size", 20_000, False),
        ("batch_size", -1, False),
        ("lr", 0.0, True),
        ("lr", limits.MAX_VALUE, True),
        ("lr", 2 * limits.MAX_VALUE, False),
        ("seed", settings.MAX_SEED, True),
        ("seed", settings.MAX_SEED + 1, False),
        ("patience", 2.5, False),
        ("weight_decay", float("nan"), False),
    ],
)
def test_setting_rule_is_the_file_rule(name: str, value: Any, ok: bool) -> None:
    """What model.settings.setting_problem refuses, a file refuses, and Save refuses to write."""
    assert (settings.setting_problem(name, value) is None) == ok
    doc = load_preset("xor_train")
    setattr(doc.training, name, value)
    if ok:
        document.check(doc)
        assert fileformat.loads(fileformat.checked_text(doc)).training == doc.training
        return
    with pytest.raises(document.DocumentError):
        document.check(doc)
    with pytest.raises(model.FileFormatError, match=f"training.{name}"):
        fileformat.checked_text(doc)
    data = fileformat.to_dict(load_preset("xor_train"))
    data["training"][name] = value
    if isinstance(value, float) and value != value:
        return  # NaN cannot be written as JSON at all
    with pytest.raises(model.FileFormatError, match=f"training.{name}"):
        fileformat.loads(json.dumps(data))


@pytest.mark.parametrize("value", [limits.MAX_VALUE * 1.5, -1.79e308, 1e308])
@pytest.mark.parametrize("where", ["inputs", "targets"])
def test_data_values_outside_the_range_are_refused_everywhere(value: float, where: str) -> None:
    doc = load_preset("xor_train")
    (doc.dataset.X if where == "inputs" else doc.dataset.Y)[1, 0] = value
    with pytest.raises(document.DocumentError, match="data value"):
        document.check(doc)
    with pytest.raises(model.FileFormatError, match=rf"dataset\.{where}\[1\]\[0\] is .*outside the allowed range"):
        fileformat.checked_text(doc)


def test_data_values_at_the_limit_are_kept_exactly() -> None:
    doc = load_preset("xor_train")
    doc.dataset.X[0, 0] = -limits.MAX_VALUE
    doc.dataset.Y[0, 0] = limits.MAX_VALUE
    back = fileformat.loads(fileformat.checked_text(doc))
    assert back.dataset.X[0, 0] == -limits.MAX_VALUE and back.dataset.Y[0, 0] == limits.MAX_VALUE


def test_weights_training_produced_stay_saveable() -> None:
    """Training may carry weights past the typing range: such a document saves and opens again."""
    doc = load_preset("xor_train")
    doc.network.weights[0][0, 0] = 1e300
    back = fileformat.loads(fileformat.checked_text(doc))
    assert back.network.weights[0][0, 0] == 1e300


def test_softmax_network_on_one_output_data_stays_valid() -> None:
    """Data ▸ XOR on the softmax classifier: the network may not be left with cross-entropy on one output."""
    doc = load_preset("softmax_classifier")
    xor = model.Dataset([[0, 0], [0, 1], [1, 0], [1, 1]], [[0], [1], [1], [0]])
    doc.dataset = xor
    doc.network.resize_io(xor.n_inputs, xor.n_outputs)
    assert (doc.network.activations[-1], doc.network.loss) == ("sigmoid", "bce")
    document.check(doc)
    back = fileformat.loads(fileformat.checked_text(doc))
    assert np.array_equal(back.network.weights[-1], doc.network.weights[-1])
