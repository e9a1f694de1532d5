"""The lesson file format: round trips, every kind of bad file, atomic saves."""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import model
from model import fileformat as F
from model.dataset import MAX_SAMPLES
from model.document import Document
from model.network import Network
from model.presets import PRESETS, load_preset, preset_path
from model.settings import TrainingSettings


def assert_same_document(a: Document, b: Document) -> None:
    """Equal in every field; arrays equal bit for bit."""
    sa, sb = a.network.state(), b.network.state()
    for key in ("sizes", "activations", "loss", "bias", "seed", "init"):
        assert sa[key] == sb[key], key
    for name in ("weights", "biases"):
        assert len(sa[name]) == len(sb[name])
        for x, y in zip(sa[name], sb[name], strict=True):
            assert x.dtype == y.dtype == np.float64 and x.shape == y.shape
            assert x.tobytes() == y.tobytes(), name
    da, db = a.dataset, b.dataset
    assert da.X.tobytes() == db.X.tobytes() and da.X.shape == db.X.shape
    assert da.Y.tobytes() == db.Y.tobytes() and da.Y.shape == db.Y.shape
    np.testing.assert_array_equal(da.split, db.split)
    assert (da.kind, da.name, da.input_names, da.output_names) == (db.kind, db.name, db.input_names, db.output_names)
    assert a.training == b.training
    assert (a.title, a.description, a.view) == (b.title, b.description, b.view)


# ------------------------------------------------------------------ round trips
@pytest.mark.parametrize("name", PRESETS)
def test_every_preset_round_trips_exactly(name: str, tmp_path: Path) -> None:
    doc = load_preset(name)
    assert_same_document(F.loads(F.dumps(doc)), doc)
    path = tmp_path / f"{name}.json"
    F.save(doc, path)
    assert_same_document(F.load(path), doc)
    assert_same_document(model.load(path), doc)  # the package exports the same functions


@pytest.mark.parametrize("name", PRESETS)
def test_preset_files_are_in_canonical_form(name: str) -> None:
    # Saving a preset unchanged reproduces its file byte for byte: no drift between writer and shipped files.
    path = preset_path(name)
    assert F.dumps(F.load(path)) == path.read_text(encoding="utf-8")


def test_round_trip_after_training_keeps_trained_weights_bit_for_bit() -> None:
    doc = load_preset("xor_train")
    trainer = model.Trainer(doc.network, doc.dataset, doc.training)
    trainer.run(37)
    back = F.loads(F.dumps(doc))
    assert_same_document(back, doc)
    np.testing.assert_array_equal(back.network.predict(doc.dataset.X), doc.network.predict(doc.dataset.X))


finite = st.floats(allow_nan=False, allow_infinity=False)


@settings(max_examples=60, deadline=None)
@given(st.lists(finite, min_size=6, max_size=6), st.lists(finite, min_size=3, max_size=3))
def test_any_finite_weights_round_trip_bit_for_bit(w: list[float], b: list[float]) -> None:
    net = Network(
        [2, 2, 1],
        ["tanh", "linear"],
        "mse",
        [True, True],
        weights=[np.reshape(w[:4], (2, 2)), np.reshape(w[4:], (2, 1))],
        biases=[np.array(b[:2]), np.array(b[2:])],
    )
    doc = Document(net, model.Dataset([[0.5, -0.0]], [[1e-310]], kind="regression"))
    assert_same_document(F.loads(F.dumps(doc)), doc)


def test_settings_with_hyperparameters_and_schedule_round_trip() -> None:
    doc = load_preset("xor_train")
    doc.training = TrainingSettings(
        optimizer="adam",
        lr=0.003,
        hyper={"betas": (0.8, 0.95), "amsgrad": True},
        batch_size=2,
        epochs=7,
        shuffle=False,
        seed=4,
        weight_decay=0.01,
        l1=0.001,
        schedule="step",
        schedule_params={"gamma": 0.5, "step_size": 10.0},
        patience=3,
    )
    doc.view = {"precision": 6, "zoom": [1.5, -2], "labels": {"x": "크기"}}
    doc.description = {"en": "Hi", "ko": "안녕하세요"}
    back = F.loads(F.dumps(doc))
    assert_same_document(back, doc)
    assert "안녕하세요" in F.dumps(doc)  # Korean stays readable in the file


def test_minimal_file_gets_defaults() -> None:
    text = json.dumps(
        {
            "format": "backprop-playground",
            "version": 1,
            "network": {"sizes": [2, 3, 1], "activations": ["relu", "sigmoid"], "loss": "bce", "seed": 5},
            "dataset": {"inputs": [[0, 1]], "targets": [[1]]},
        }
    )
    doc = F.loads(text)
    assert doc.network.bias == [True, True]
    assert doc.training == TrainingSettings() and doc.view == {} and doc.title == "" and doc.description == {}
    fresh = Network([2, 3, 1], ["relu", "sigmoid"], "bce", seed=5)
    for w, v in zip(doc.network.weights, fresh.weights, strict=True):
        np.testing.assert_array_equal(w, v)  # no weights in the file: initialised from the seed
    assert doc.dataset.split.tolist() == [model.TRAIN] and doc.dataset.kind == "classification"
    assert doc.dataset.input_names == ["x1", "x2"]


def test_bias_may_be_one_flag_and_zero_samples_are_allowed() -> None:
    d = valid()
    d["network"]["bias"] = False
    d["dataset"].update(inputs=[], targets=[], split=[])
    doc = F.loads(json.dumps(d))
    assert doc.network.bias == [False, False]
    assert doc.dataset.X.shape == (0, 2) and doc.dataset.Y.shape == (0, 1)


# --------------------------------------------------------------- bad files
def valid() -> dict[str, Any]:
    return json.loads(preset_path("xor_train").read_text(encoding="utf-8"))


def mutate(change: Callable[[dict[str, Any]], None]) -> str:
    d = valid()
    change(d)
    return json.dumps(d)


def setter(*path: Any, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(d: dict[str, Any]) -> None:
        for key in path[:-1]:
            d = d[key]
        d[path[-1]] = value

    return change


def deleter(*path: str) -> Callable[[dict[str, Any]], None]:
    def change(d: dict[str, Any]) -> None:
        for key in path[:-1]:
            d = d[key]
        del d[path[-1]]

    return change


BAD: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    # format and version
    ("format tag", setter("format", value="something-else"), "format must be 'backprop-playground'"),
    ("no format", deleter("format"), "format must be"),
    ("newer version", setter("version", value=2), "version 2 is newer"),
    ("version text", setter("version", value="1"), "version must be a whole number"),
    ("version zero", setter("version", value=0), "version must be at least 1"),
    ("no version", deleter("version"), "version is missing"),
    ("unknown top field", setter("colour", value="red"), "unknown field 'colour'"),
    ("no network", deleter("network"), "network is missing"),
    ("no dataset", deleter("dataset"), "dataset is missing"),
    ("title type", setter("title", value=5), "title must be text"),
    ("description type", setter("description", value="hi"), "description must be an object"),
    ("description value", setter("description", "ko", value=["x"]), "description.ko must be text"),
    # network
    ("network type", setter("network", value=[]), "network must be an object"),
    ("sizes type", setter("network", "sizes", value="2,2,1"), "network.sizes must be a list"),
    ("size text", setter("network", "sizes", value=[2, "2", 1]), "network.sizes[1] must be a whole number"),
    ("size float", setter("network", "sizes", value=[2, 2.5, 1]), "network.sizes[1] must be a whole number"),
    ("size zero", setter("network", "sizes", value=[2, 0, 1]), "network.sizes[1] must be from 1 to 128"),
    ("too many neurons", setter("network", "sizes", value=[2, 129, 1]), "network.sizes[1] must be from 1 to 128"),
    ("too many layers", setter("network", "sizes", value=[2] * 13 + [1]), "network.sizes must list 2 to 12 layers"),
    ("one layer", setter("network", "sizes", value=[2]), "network.sizes must list 2 to 12 layers"),
    ("activation count", setter("network", "activations", value=["sigmoid"]), "network.activations must have 2"),
    ("unknown activation", setter("network", "activations", value=["sigmoid", "swish"]), "network.activations[1]"),
    ("softmax hidden", setter("network", "activations", value=["softmax", "sigmoid"]), "network.activations[0]"),
    ("unknown loss", setter("network", "loss", value="hinge"), "network.loss must be one of mse, bce"),
    ("loss/output clash", setter("network", "activations", value=["sigmoid", "relu"]), "network.loss bce needs"),
    ("bias count", setter("network", "bias", value=[True]), "network.bias must have 2"),
    ("bias type", setter("network", "bias", value=[True, 1]), "network.bias[1] must be true or false"),
    ("unknown init", setter("network", "init", value="glorot"), "network.init must be one of"),
    ("negative seed", setter("network", "seed", value=-1), "network.seed must be from 0 to"),
    ("unknown network field", setter("network", "dropout", value=0.5), "network has an unknown field 'dropout'"),
    ("no sizes", deleter("network", "sizes"), "network.sizes is missing"),
    ("weights count", setter("network", "weights", value=[[[1, 2], [3, 4]]]), "network.weights must have 2"),
    (
        "weights shape",
        setter("network", "weights", 1, value=[[1], [2], [3]]),
        "network.weights[1] must have shape 2×1, got 3×1",
    ),
    (
        "weights ragged",
        setter("network", "weights", 0, value=[[1, 2], [3]]),
        "network.weights[0][1] must have 2 numbers (network.weights[0] is 2×2), got 1",
    ),
    ("weights text", setter("network", "weights", 0, 1, 0, value="0.5"), "network.weights[0][1][0] must be a number"),
    ("weights bool", setter("network", "weights", 0, 1, 0, value=True), "network.weights[0][1][0] must be a number"),
    ("weights null", setter("network", "weights", 1, 0, 0, value=None), "network.weights[1][0][0] must be a number"),
    ("weights row type", setter("network", "weights", 0, 1, value=7), "network.weights[0][1] must be a list"),
    ("biases length", setter("network", "biases", 0, value=[1, 2, 3]), "network.biases[0] must have 2 numbers"),
    ("biases count", setter("network", "biases", value=[[1, 2]]), "network.biases must have 2"),
    # dataset
    ("dataset type", setter("dataset", value="xor"), "dataset must be an object"),
    (
        "input width",
        setter("dataset", "inputs", 2, value=[1, 0, 1]),
        "dataset.inputs[2] must have 2 numbers (the network has 2 inputs), got 3",
    ),
    (
        "target width",
        setter("dataset", "targets", 0, value=[0, 1]),
        "dataset.targets[0] must have 1 number (the network has 1 output), got 2",
    ),
    (
        "target rows",
        setter("dataset", "targets", value=[[0], [1]]),
        "dataset.targets must have 4 rows (one per row of dataset.inputs), got 2",
    ),
    ("input text", setter("dataset", "inputs", 1, 1, value="one"), "dataset.inputs[1][1] must be a number"),
    ("split value", setter("dataset", "split", 3, value="training"), "dataset.split[3] must be one of train"),
    ("split length", setter("dataset", "split", value=["train"]), "dataset.split must have 4"),
    ("unknown kind", setter("dataset", "kind", value="clustering"), "dataset.kind must be one of"),
    ("input names", setter("dataset", "input_names", value=["a"]), "dataset.input_names must have 2"),
    ("output name type", setter("dataset", "output_names", value=[3]), "dataset.output_names[0] must be text"),
    ("no targets", deleter("dataset", "targets"), "dataset.targets is missing"),
    ("unknown dataset field", setter("dataset", "weights", value=[]), "dataset has an unknown field 'weights'"),
    (
        "too many samples",
        setter("dataset", "inputs", value=[[0, 0]] * (MAX_SAMPLES + 1)),
        f"dataset.inputs has {MAX_SAMPLES + 1} samples",
    ),
    # training
    ("training type", setter("training", value=[]), "training must be an object"),
    (
        "unknown setting",
        setter("training", "learning_rate", value=0.1),
        "training has an unknown field 'learning_rate'",
    ),
    ("unknown optimizer", setter("training", "optimizer", value="lbfgs"), "training.optimizer must be one of sgd"),
    ("negative lr", setter("training", "lr", value=-0.1), "training.lr must be at least 0"),
    ("lr text", setter("training", "lr", value="0.1"), "training.lr must be a number"),
    ("lr huge", setter("training", "lr", value=1e999), "training.lr is Infinity"),
    ("batch negative", setter("training", "batch_size", value=-1), "training.batch_size must be at least 0"),
    ("epochs float", setter("training", "epochs", value=10.5), "training.epochs must be a whole number"),
    ("shuffle text", setter("training", "shuffle", value="yes"), "training.shuffle must be true or false"),
    ("unknown schedule", setter("training", "schedule", value="cosine"), "training.schedule must be one of constant"),
    (
        "schedule param",
        setter("training", "schedule_params", value={"gamma": 0.5}),
        "training.schedule_params.gamma is not a parameter of the constant schedule; it takes no parameters",
    ),
    (
        "hyper for another optimizer",
        setter("training", "hyper", value={"betas": [0.9, 0.99]}),
        "training.hyper.betas is not a hyperparameter of sgd",
    ),
    ("hyper type", setter("training", "hyper", value={"nesterov": 1}), "training.hyper.nesterov must be true or false"),
    ("patience negative", setter("training", "patience", value=-2), "training.patience must be at least 0"),
    # view
    ("view type", setter("view", value=[1]), "view must be an object"),
]


@pytest.mark.parametrize(("change", "message"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_file_raises_file_format_error_naming_the_field(change: Callable, message: str) -> None:
    with pytest.raises(F.FileFormatError) as info:
        F.loads(mutate(change))
    text = str(info.value)
    assert message in text
    assert "\n" not in text and isinstance(info.value, ValueError)


def test_adam_betas_are_checked() -> None:
    def change(d: dict[str, Any]) -> None:
        d["training"].update(optimizer="adam", hyper={"betas": [0.9, 0.99, 0.5]})

    with pytest.raises(F.FileFormatError, match=r"training\.hyper\.betas must have 2 numbers"):
        F.loads(mutate(change))

    def change2(d: dict[str, Any]) -> None:
        d["training"].update(optimizer="adam", hyper={"betas": [0.9, 1.5]})

    with pytest.raises(F.FileFormatError, match=r"training\.hyper\.betas\[1\] must be below 1"):
        F.loads(mutate(change2))


@pytest.mark.parametrize(
    ("token", "where"),
    [
        ("NaN", "network.weights[0][1][0] is NaN"),
        ("Infinity", "network.weights[0][1][0] is Infinity"),
        ("-Infinity", "network.weights[0][1][0] is -Infinity"),
        ("1e999", "network.weights[0][1][0] is inf"),
    ],
)
def test_non_finite_numbers_are_rejected_with_their_place(token: str, where: str) -> None:
    text = mutate(setter("network", "weights", 0, 1, 0, value="@@"))
    with pytest.raises(F.FileFormatError, match=where.replace("[", r"\[").replace("]", r"\]")):
        F.loads(text.replace('"@@"', token))


@pytest.mark.parametrize(
    ("path", "where"),
    [
        (("dataset", "inputs", 0, 0), "dataset.inputs[0][0]"),
        (("dataset", "targets", 3, 0), "dataset.targets[3][0]"),
        (("network", "biases", 1, 0), "network.biases[1][0]"),
        (("training", "lr"), "training.lr"),
        (("view", "precision"), "view.precision"),
    ],
)
def test_nan_anywhere_is_rejected(path: tuple, where: str) -> None:
    text = mutate(setter(*path, value="@@")).replace('"@@"', "NaN")
    with pytest.raises(F.FileFormatError) as info:
        F.loads(text)
    assert where in str(info.value) and "NaN" in str(info.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"format": "backprop-playground", "version": 1,', "not valid JSON"),
        ("", "not valid JSON"),
        ("[1, 2]", "format must be"),
        ('"hello"', "format must be"),
        ('{"format": "backprop-playground", "format": "x"}', "the key 'format' appears twice"),
        ("[" * 100_000 + "]" * 100_000, "not valid JSON"),
    ],
)
def test_broken_json(text: str, message: str) -> None:
    with pytest.raises(F.FileFormatError, match=message):
        F.loads(text)


def test_not_utf8_and_too_large(tmp_path: Path) -> None:
    with pytest.raises(F.FileFormatError, match="not UTF-8"):
        F.loads(b'{"title": "\xff"}')
    with pytest.raises(F.FileFormatError, match="larger than 20 MB"):
        F.loads(" " * (F.MAX_FILE_BYTES + 1))
    big = tmp_path / "big.json"
    with big.open("wb") as f:
        f.truncate(F.MAX_FILE_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(F.FileFormatError, match="at most 20 MB"):
        F.load(big)


def test_error_late_in_the_file_still_returns_nothing(tmp_path: Path) -> None:
    # Network and dataset are fine; only the last section is bad.  load must raise, not return a partial document.
    p = tmp_path / "late.json"
    p.write_text(mutate(setter("view", value=None)), encoding="utf-8")
    with pytest.raises(F.FileFormatError, match="view must be an object"):
        F.load(p)


def test_missing_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        F.load(tmp_path / "nope.json")


def test_file_format_has_no_pickle() -> None:
    source = Path(F.__file__).read_text(encoding="utf-8")
    assert "pickle" not in source and "eval(" not in source


# --------------------------------------------------------------- atomic save
@pytest.fixture
def saved(tmp_path: Path) -> tuple[Path, bytes]:
    path = tmp_path / "lesson.json"
    F.save(load_preset("and_perceptron"), path)
    return path, path.read_bytes()


def only_file(path: Path) -> None:
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name], "a temporary file was left behind"


@pytest.mark.parametrize("target", ["os.replace", "os.fsync"])
def test_failed_save_keeps_the_old_file(
    saved: tuple[Path, bytes], target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, before = saved

    def broken(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(target, broken)
    with pytest.raises(OSError, match="disk full"):
        F.save(load_preset("xor_train"), path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    only_file(path)
    assert_same_document(F.load(path), load_preset("and_perceptron"))


def test_failed_write_midway_keeps_the_old_file(saved: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    path, before = saved
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, f: Any) -> None:
            self.f = f

        def __enter__(self) -> HalfWriter:
            return self

        def __exit__(self, *exc: object) -> None:
            self.f.close()

        def write(self, data: bytes) -> None:
            self.f.write(data[: len(data) // 2])
            raise OSError("no space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: HalfWriter(real_fdopen(fd, mode)))
    with pytest.raises(OSError, match="no space"):
        F.save(load_preset("xor_train"), path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    only_file(path)


def test_unserialisable_document_writes_nothing(saved: tuple[Path, bytes]) -> None:
    path, before = saved
    doc = load_preset("xor_train")
    doc.network.weights[1][0, 0] = np.nan  # e.g. a diverged network
    with pytest.raises(F.FileFormatError, match=r"weights\[1\]\[0\]\[0\] is nan"):
        F.save(doc, path)
    doc = load_preset("xor_train")
    doc.view = {"when": object()}
    with pytest.raises(F.FileFormatError, match="view.when"):
        F.save(doc, path)
    assert path.read_bytes() == before
    only_file(path)
    with pytest.raises(F.FileFormatError):
        F.save(doc, path.with_name("new.json"))
    assert not path.with_name("new.json").exists()


def test_save_refuses_a_document_it_could_not_open_again(saved: tuple[Path, bytes]) -> None:
    path, before = saved
    doc = load_preset("xor_train")
    doc.dataset = model.Dataset([[0, 1, 1]], [[1]])  # three input columns for a two-input network
    with pytest.raises(F.FileFormatError, match=r"dataset\.inputs\[0\] must have 2 numbers"):
        F.save(doc, path)
    assert path.read_bytes() == before
    only_file(path)


def test_save_replaces_and_new_file_reads_back(saved: tuple[Path, bytes]) -> None:
    path, _ = saved
    doc = load_preset("xor_by_hand")
    F.save(doc, path)
    only_file(path)
    assert_same_document(F.load(path), doc)
    assert path.read_text(encoding="utf-8").startswith('{\n  "format": "backprop-playground",\n  "version": 1,')


def test_dumps_does_not_change_the_document() -> None:
    doc = load_preset("softmax_classifier")
    before = copy.deepcopy(doc)
    F.dumps(doc)
    assert_same_document(doc, before)
