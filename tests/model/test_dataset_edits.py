"""model.dataset_edits: each edit returns a new data set and leaves the old one as it was (undo keeps it)."""

from __future__ import annotations

import numpy as np

from model import Dataset, Network
from model.dataset import TEST, TRAIN
from model.dataset_edits import one_hot_width, point_classes, with_row, with_split, with_value, without_rows

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])  # (4, 2)
Y = np.array([[0.0], [1.0], [1.0], [0.0]])  # (4, 1)


def xor() -> Dataset:
    return Dataset(X.copy(), Y.copy(), input_names=["x1", "x2"], output_names=["t"])


def test_edits_return_new_data_and_leave_the_old_untouched() -> None:
    ds = xor()
    edited = with_value(ds, 1, 2, 0.5)  # column 2 = the first target
    assert edited.Y[1, 0] == 0.5 and ds.Y[1, 0] == 1.0
    grown = with_row(ds, np.array([0.5, 0.5]), np.array([1.0]), TEST)
    assert grown.n == 5 and grown.split[-1] == TEST and ds.n == 4
    shrunk = without_rows(ds, [0, 3])
    assert shrunk.X.tolist() == [[0.0, 1.0], [1.0, 0.0]] and ds.n == 4
    moved = with_split(ds, [2], TEST)
    assert moved.split.tolist() == [TRAIN, TRAIN, TEST, TRAIN] and (ds.split == TRAIN).all()
    assert edited.input_names == ["x1", "x2"] and edited.output_names == ["t"]


def test_one_hot_columns_and_clickable_classes() -> None:
    table = np.array([[5.1, 1.0, 0.0, 0.0], [4.9, 0.0, 1.0, 0.0], [6.3, 0.0, 0.0, 1.0]])
    assert one_hot_width(table) == 3
    assert one_hot_width(X) == 0
    ds = Dataset(X.copy(), Y.copy(), kind="classification", output_names=["t"])
    labels = [label for label, _ in point_classes(ds, Network([2, 1]))]
    assert labels == ["t = 0", "t = 1"]
