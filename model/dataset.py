"""The data a network is trained on, with its train/validation/test split."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

Array = np.ndarray

TRAIN, VALIDATION, TEST = 0, 1, 2
SPLIT_NAMES = ("train", "validation", "test")

MAX_SAMPLES = 10_000
MAX_FEATURES = 128


@dataclass
class Dataset:
    """Samples and targets.

    * ``X`` (n, n_inputs) float64: one row per sample.
    * ``Y`` (n, n_outputs) float64: targets; for classification 0/1 (or ±1)
      per output, one-hot for several classes.
    * ``split`` (n,) int: TRAIN, VALIDATION or TEST for each sample.
    * ``kind``: "classification" or "regression" (decides accuracy and plots).
    """

    X: Array
    Y: Array
    split: Array = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    kind: str = "classification"
    name: str = "data"
    input_names: list[str] = field(default_factory=list)
    output_names: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.X = np.atleast_2d(np.asarray(self.X, dtype=np.float64))
        Y = np.asarray(self.Y, dtype=np.float64)
        self.Y = Y.reshape(-1, 1) if Y.ndim == 1 else Y
        if self.split is None or len(self.split) == 0:
            self.split = np.full(len(self.X), TRAIN, dtype=np.int64)
        self.split = np.asarray(self.split, dtype=np.int64)
        if not self.input_names:
            self.input_names = [f"x{i + 1}" for i in range(self.n_inputs)]
        if not self.output_names:
            self.output_names = ["y"] if self.n_outputs == 1 else [f"y{j + 1}" for j in range(self.n_outputs)]

    @property
    def n(self) -> int:
        return len(self.X)

    @property
    def n_inputs(self) -> int:
        return self.X.shape[1]

    @property
    def n_outputs(self) -> int:
        return self.Y.shape[1]

    def indices(self, part: int) -> Array:
        """Row indices (k,) of TRAIN, VALIDATION or TEST samples."""
        return np.flatnonzero(self.split == part)

    def part(self, part: int) -> tuple[Array, Array]:
        """(X, Y) of one part of the split."""
        idx = self.indices(part)
        return self.X[idx], self.Y[idx]

    @property
    def train(self) -> tuple[Array, Array]:
        return self.part(TRAIN)

    @property
    def validation(self) -> tuple[Array, Array]:
        return self.part(VALIDATION)

    @property
    def test(self) -> tuple[Array, Array]:
        return self.part(TEST)

    def resplit(self, fractions: Sequence[float] = (1.0, 0.0, 0.0), seed: int = 0) -> None:
        """Assign samples at random to train/validation/test by these fractions."""
        n = self.n
        order = np.random.default_rng(seed).permutation(n)
        n_val = int(round(fractions[1] * n))
        n_test = int(round(fractions[2] * n))
        split = np.full(n, TRAIN, dtype=np.int64)
        split[order[:n_val]] = VALIDATION
        split[order[n_val : n_val + n_test]] = TEST
        self.split = split

    def copy(self) -> Dataset:
        return Dataset(
            self.X.copy(), self.Y.copy(), self.split.copy(), self.kind, self.name,
            list(self.input_names), list(self.output_names),
        )
