"""Every training step's parameters in a bounded store, to scrub back through training.

One row per recorded step holds all weights and biases flattened into float64
(the layout of :func:`flatten`).  Rows live in a growable array; when the next
row would pass the memory budget (default 64 MB), the store thins itself
evenly: it keeps only the steps on a grid twice as coarse (``stride`` doubles),
the way :mod:`model.history` thins the loss history.  Kept steps are then
``origin``, ``origin + stride``, ``origin + 2·stride`` ... and every kept row is
the exact parameters of its step.  The latest recorded step is always kept
exactly too (``latest``), whatever the grid, and so is the one before it
(``previous``), for the last update's size.

A step recorded again (after a step back, an undo, or "continue from here")
forgets everything after it first: the store is a history of one timeline.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .network import GradientRecord
    from .trainer import Trainer

Array = np.ndarray

#: The default memory budget of the store, in bytes.
DEFAULT_BUDGET = 64 * 2**20
_START_ROWS = 64  # first allocation; doubled as the store grows, up to its capacity


def flatten(weights: Sequence[Array], biases: Sequence[Array]) -> Array:
    """All parameters as one float64 row (n_params,): weights[0], biases[0], weights[1], biases[1] ..."""
    parts: list[Array] = []
    for w, b in zip(weights, biases, strict=True):
        parts.append(w.ravel())
        parts.append(b.ravel())
    return np.concatenate(parts).astype(np.float64, copy=False)


class ParamHistory:
    """The parameters of a network with layer ``sizes`` at every recorded step, within ``budget`` bytes.

    ``steps()`` (k,) are the kept step numbers in increasing order; ``params(step)`` gives
    exact copies of (weights, biases) for any of them.  ``nbytes`` never exceeds ``budget``.
    """

    def __init__(self, sizes: Sequence[int], budget: int = DEFAULT_BUDGET) -> None:
        self.sizes = [int(s) for s in sizes]
        self.n_params = sum((a + 1) * b for a, b in zip(self.sizes, self.sizes[1:], strict=False))
        self.budget = int(budget)
        row_bytes = 8 * self.n_params + 8  # the parameters and the step number
        # Two rows are held apart (latest, previous); the rest is the grid of kept steps.
        self.capacity = (self.budget - 2 * 8 * self.n_params) // row_bytes
        if self.capacity < 4:
            raise ValueError("the network is too large to keep its history within the memory budget")
        self.stride = 1
        self.origin: int | None = None  # the first recorded step: the grid starts there
        self._n = 0  # kept rows
        self._rows = np.empty((min(_START_ROWS, self.capacity), self.n_params))  # (rows, n_params)
        self._steps = np.empty(len(self._rows), dtype=np.int64)  # (rows,) step number of each row
        self.latest: tuple[int, Array] | None = None  # (step, row (n_params,)): always exact
        self.previous: tuple[int, Array] | None = None  # the step recorded before latest

    # ---------------------------------------------------------------- writing
    def record(self, step: int, weights: Sequence[Array], biases: Sequence[Array]) -> None:
        """Keep the parameters after ``step``; a step not after the latest first forgets the later ones."""
        if self.latest is not None and step <= self.latest[0]:
            self.truncate(step - 1)
        if self.origin is None:
            self.origin = step
        row = flatten(weights, biases)
        if row.size != self.n_params:
            raise ValueError("these parameters do not fit the network the history was made for")
        self.previous, self.latest = self.latest, (step, row)
        if (step - self.origin) % self.stride == 0:
            if self._n == len(self._rows):
                self._make_room()
            if (step - self.origin) % self.stride == 0:  # thinning may have coarsened the grid
                self._rows[self._n] = row
                self._steps[self._n] = step
                self._n += 1

    def _make_room(self) -> None:
        size = len(self._rows)
        if size < self.capacity:
            grown = min(2 * size, self.capacity)
            self._rows = np.resize(self._rows, (grown, self.n_params))
            self._steps = np.resize(self._steps, grown)
            return
        # Full: keep the steps on a grid twice as coarse (at least every other row goes).
        while True:
            self.stride *= 2
            assert self.origin is not None  # a row was recorded
            keep = np.flatnonzero((self._steps[: self._n] - self.origin) % self.stride == 0)
            if len(keep) < self._n:
                break
        n = len(keep)
        self._rows[:n] = self._rows[keep]
        self._steps[:n] = self._steps[keep]
        self._n = n

    def truncate(self, step: int) -> None:
        """Forget every step after ``step`` (the timeline goes on from there)."""
        self._n = int(np.searchsorted(self._steps[: self._n], step, side="right"))
        if self.previous is not None and self.previous[0] > step:
            self.previous = None
        if self.latest is not None and self.latest[0] > step:
            self.latest = self.previous
            self.previous = None
        if self.latest is None and self._n:
            self.latest = (int(self._steps[self._n - 1]), self._rows[self._n - 1].copy())
        if self._n == 0 and self.latest is None:
            self.origin = None
            self.stride = 1

    def __call__(self, trainer: Trainer, g: GradientRecord, output: Array | None) -> bool:
        """A trainer observer (``trainer.observers``): record the parameters after every update.

        A network whose structure changed since starts a new history (the old steps do not fit it).
        """
        net = trainer.network
        if net.sizes != self.sizes:
            self.__init__(net.sizes, self.budget)  # type: ignore[misc]
        self.record(trainer.steps, net.weights, net.biases)
        return False

    def clear(self) -> None:
        self._n = 0
        self.latest = self.previous = None
        self.origin = None
        self.stride = 1

    # ---------------------------------------------------------------- reading
    @property
    def nbytes(self) -> int:
        """Bytes held by the store's arrays (never more than ``budget``)."""
        extra = sum(r[1].nbytes for r in (self.latest, self.previous) if r is not None)
        return int(self._rows.nbytes + self._steps.nbytes + extra)

    def steps(self) -> Array:
        """The step numbers (k,) whose exact parameters are kept, increasing; the latest included."""
        kept = self._steps[: self._n]
        extra = sorted({r[0] for r in (self.previous, self.latest) if r is not None})
        extra = [s for s in extra if not (self._n and kept[min(int(np.searchsorted(kept, s)), self._n - 1)] == s)]
        if not extra:
            return kept.copy()
        return np.insert(kept, np.searchsorted(kept, extra), extra).astype(np.int64)

    def __len__(self) -> int:
        return len(self.steps())

    def nearest(self, step: int) -> int | None:
        """The kept step closest to ``step`` (the earlier one on a tie), or None when empty."""
        kept = self.steps()
        if len(kept) == 0:
            return None
        i = int(np.searchsorted(kept, step))
        candidates = kept[max(0, i - 1) : i + 1]
        return int(candidates[np.argmin(np.abs(candidates - step))])

    def row(self, step: int) -> Array:
        """The flat parameters (n_params,) kept for ``step`` (a copy); KeyError if not kept."""
        for r in (self.latest, self.previous):
            if r is not None and r[0] == step:
                return r[1].copy()
        i = int(np.searchsorted(self._steps[: self._n], step))
        if i < self._n and self._steps[i] == step:
            out: Array = self._rows[i].copy()
            return out
        raise KeyError(step)

    def params(self, step: int) -> tuple[list[Array], list[Array]]:
        """(weights, biases) after ``step``, shaped as the network's; KeyError if the step is not kept."""
        row = self.row(step)
        weights, biases = [], []
        at = 0
        for a, b in zip(self.sizes, self.sizes[1:], strict=False):
            weights.append(row[at : at + a * b].reshape(a, b))
            at += a * b
            biases.append(row[at : at + b])
            at += b
        return weights, biases
