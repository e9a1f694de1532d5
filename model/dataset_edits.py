"""Data-set edits: new data sets from old, and two questions about data (the data editor's logic).

Each ``with…``/``without…`` function returns a new :class:`~model.dataset.Dataset` and
leaves the one it was given, arrays and all, as it was, so an undo command can
hold on to the old one and put it back.  ``X`` is (n, n_inputs), ``Y`` is
(n, n_outputs) and ``split`` is (n,) of TRAIN / VALIDATION / TEST, as in
:mod:`model.dataset`.  :func:`one_hot_width` tells which CSV columns are the
targets and :func:`point_classes` which classes a click on the plot can add.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .dataset import TRAIN, Dataset
from .network import Network

Array = np.ndarray


def _rebuilt(ds: Dataset, X: Array, Y: Array, split: Array) -> Dataset:
    return Dataset(X, Y, split, ds.kind, ds.name, list(ds.input_names), list(ds.output_names))


def with_value(ds: Dataset, row: int, column: int, value: float) -> Dataset:
    """``ds`` with one number changed; ``column`` counts inputs first, then targets."""
    X, Y = ds.X.copy(), ds.Y.copy()
    if column < ds.n_inputs:
        X[row, column] = value
    else:
        Y[row, column - ds.n_inputs] = value
    return _rebuilt(ds, X, Y, ds.split.copy())


def with_split(ds: Dataset, rows: Sequence[int], part: int) -> Dataset:
    split = ds.split.copy()
    split[list(rows)] = part
    return _rebuilt(ds, ds.X.copy(), ds.Y.copy(), split)


def with_row(ds: Dataset, x: Array, y: Array, part: int = TRAIN) -> Dataset:
    """``ds`` with one sample (x (n_inputs,), y (n_outputs,)) appended."""
    X = np.vstack([ds.X, np.asarray(x, dtype=np.float64).reshape(1, -1)])
    Y = np.vstack([ds.Y, np.asarray(y, dtype=np.float64).reshape(1, -1)])
    return _rebuilt(ds, X, Y, np.append(ds.split, part))


def without_rows(ds: Dataset, rows: Sequence[int]) -> Dataset:
    keep = np.ones(ds.n, dtype=bool)
    keep[list(rows)] = False
    return _rebuilt(ds, ds.X[keep], ds.Y[keep], ds.split[keep])


def one_hot_width(table: Array) -> int:
    """How many last columns of ``table`` (n, w) form a one-hot code (0/1, one 1 per row); 0 if none.

    That is how a CSV shows several classes (Iris: setosa, versicolor, virginica),
    so these columns are the targets.  At least one column stays an input.
    """
    for k in range(table.shape[1] - 1, 1, -1):
        tail = table[:, -k:]
        if np.isin(tail, (0.0, 1.0)).all() and (tail.sum(axis=1) == 1.0).all():
            return k
    return 0


def point_classes(ds: Dataset, net: Network) -> list[tuple[str, Array]]:
    """(label, target row) of each class a plot click can add; empty unless 2-input classification data."""
    if ds.kind != "classification" or ds.n_inputs != 2:
        return []
    low = -1.0 if ds.n and float(np.nanmin(ds.Y)) < 0 else 0.0
    if ds.n_outputs > 1:  # one-hot
        rows = []
        for k, name in enumerate(ds.output_names):
            y = np.full(ds.n_outputs, low)
            y[k] = 1.0
            rows.append((name, y))
        return rows
    name = ds.output_names[0]
    if net.sizes[-1] > 1:  # class indices with a softmax output
        return [(f"{name} = {k}", np.array([float(k)])) for k in range(net.sizes[-1])]
    return [(f"{name} = {'−1' if low < 0 else '0'}", np.array([low])), (f"{name} = 1", np.array([1.0]))]
