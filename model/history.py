"""Training history in bounded memory: one row of floats per step or per epoch.

A run of Play can take millions of steps; a Python float and a record per step
grew by ~400 bytes a step (~2 GB an hour).  Here every row lives in a growable
numpy array (8 bytes per column), and beyond ``budget`` rows the history is
thinned evenly: every other kept row is dropped and ``stride`` doubles, so kept
row i stands for events [i·stride, (i+1)·stride) and holds the values of the
first of them.  Until then nothing is lost.

For plotting, the columns named in ``envelope`` also keep the min and max over
each kept row's events, so a loss curve drawn from the thinned history still
shows every spike.  :meth:`History.envelope` reduces them to at most a given
number of (min, max) columns; its cost depends on the budget, never on the
number of events.

Events are numbered from 0 (step n is event n - 1; epoch numbers are events).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, overload

import numpy as np

Array = np.ndarray

#: Rows kept per history before it thins itself (a power of two).
DEFAULT_BUDGET = 1 << 15
_START = 256  # first allocation; doubled as the history grows, up to the budget


@dataclass(frozen=True)
class EpochRecord:
    """Metrics after one epoch; NaN where not applicable (no validation set, regression).

    ``loss`` and ``accuracy`` are means over the epoch's batches as they were
    trained (Keras' convention); ``val_loss`` and ``val_accuracy`` are measured
    on the validation set after the epoch's last update.
    """

    epoch: int
    loss: float
    val_loss: float
    accuracy: float
    val_accuracy: float
    lr: float


class History:
    """Rows of float64 ``columns``, one per event, kept in at most ``budget`` rows.

    As a sequence it holds the kept rows (all of them until the budget is
    reached); ``count`` is the number of events recorded, ``last`` the latest
    row (always exact), ``numbers()`` the event number of each kept row.
    """

    def __init__(self, columns: Sequence[str], envelope: Sequence[str] = (), budget: int = DEFAULT_BUDGET) -> None:
        if budget < 2 or budget & (budget - 1):
            raise ValueError("the budget must be a power of two ≥ 2")
        self.columns = tuple(columns)
        self.budget = budget
        self._env = tuple(self.columns.index(c) for c in envelope)
        self.count = 0  # events recorded
        self.stride = 1  # events per kept row
        self._n = 0  # kept rows
        self._rows = np.empty((min(_START, budget), len(self.columns)))  # (capacity, columns)
        # (capacity, 2, len(envelope)): min and max over each kept row's events.  Created by the
        # first thinning: while stride is 1 they equal the rows themselves.
        self._minmax: Array | None = None
        self.last: tuple[float, ...] | Array | None = None
        # envelope()'s groups already reduced, per envelope column: ((version, group size), min, max).
        self._env_cache: dict[int, tuple[tuple[int, int], Array, Array]] = {}
        self._version = 0  # bumped when kept rows change other than by appending (thinning, truncating)

    # ---------------------------------------------------------------- writing
    def append(self, row: tuple[float, ...] | Array) -> None:
        """Record one event's row (one float per column; an array is kept as ``last``, so pass a fresh one)."""
        c = self.count
        if c % self.stride == 0:
            if self._n == len(self._rows):
                self._make_room()
            self._rows[self._n] = row
            if self._minmax is not None:
                env = [row[j] for j in self._env]
                self._minmax[self._n] = (env, env)
            self._n += 1
        else:
            mm = self._minmax
            assert mm is not None  # stride > 1 only after a thinning, which creates it
            i = self._n - 1
            for e, j in enumerate(self._env):
                v = row[j]
                lo, hi = mm[i, 0, e], mm[i, 1, e]
                # NaN never wins against a number (np.fmin / np.fmax), but replaces a NaN.
                if v < lo or lo != lo:
                    mm[i, 0, e] = v
                if v > hi or hi != hi:
                    mm[i, 1, e] = v
        self.count = c + 1
        self.last = row

    def _make_room(self) -> None:
        size = len(self._rows)
        if size < self.budget:
            grown = np.empty((min(2 * size, self.budget), len(self.columns)))
            grown[:size] = self._rows
            self._rows = grown
            if self._minmax is not None:
                mm = np.empty((len(grown), 2, len(self._env)))
                mm[:size] = self._minmax
                self._minmax = mm
            return
        # Full: keep every other row; each pair's min and max merge into the kept one.
        half = size // 2
        if self._minmax is None:
            env = self._rows[:, list(self._env)]
            self._minmax = np.stack([env, env], axis=1)
        mm = self._minmax
        lo = np.fmin(mm[0::2, 0], mm[1::2, 0])
        hi = np.fmax(mm[0::2, 1], mm[1::2, 1])
        mm[:half, 0], mm[:half, 1] = lo, hi
        self._rows[:half] = self._rows[0::2].copy()
        self._n = half
        self.stride *= 2
        self._version += 1

    def mark(self) -> tuple[Any, ...]:
        """A small token of the current state, for :meth:`truncate` (step back)."""
        open_minmax = None if self._minmax is None or self._n == 0 else self._minmax[self._n - 1].copy()
        return (self.count, self.stride, open_minmax, self.last)

    def truncate(self, mark: tuple[Any, ...]) -> None:
        """Forget the events recorded since ``mark`` was taken.

        Exact unless the history thinned itself since then; the kept values
        stay exact even so, only the last row's min/max may span later events.
        """
        count, stride, open_minmax, last = mark
        if count >= self.count:
            return
        self.count = count
        self.last = last
        self._n = -(-count // self.stride)  # ceil
        self._version += 1
        if self.stride == stride and open_minmax is not None and self._minmax is not None and self._n:
            self._minmax[self._n - 1] = open_minmax
        # After a thinning since the mark, the last row's min/max may still span later events:
        # the envelope has no finer record left, and it only draws the plot.

    # ---------------------------------------------------------------- reading
    @property
    def nbytes(self) -> int:
        """Bytes held by the arrays (what grows with the history)."""
        return self._rows.nbytes + (0 if self._minmax is None else self._minmax.nbytes)

    def numbers(self) -> Array:
        """Event number of each kept row (n_kept,), int64."""
        return np.arange(self._n, dtype=np.int64) * self.stride

    def column(self, name: str) -> Array:
        """One column of the kept rows (n_kept,), float64 (a copy)."""
        return self._rows[: self._n, self.columns.index(name)].copy()

    def block(self, first: int, count: int) -> Array:
        """Columns [first, first + count) of the kept rows as a read-only view (n_kept, count)."""
        view = self._rows[: self._n, first : first + count]
        view.flags.writeable = False
        return view

    def envelope(self, name: str, max_points: int = 2048) -> tuple[Array, Array, Array]:
        """(first event, min, max) of at most ``max_points`` groups of events, for drawing.

        Each array is (g,); group k covers events [first[k], first[k+1]) and its
        min/max ignore NaN (NaN only where a group holds nothing else).  The
        last group ends at ``count``.  Cost: O(budget) at most, whatever ``count``
        is, and about O(max_points) when called again as the history grows.
        """
        e = self._env.index(self.columns.index(name))
        n = self._n
        if self._minmax is None:
            lo = hi = self._rows[:n, self._env[e]]
        else:
            lo, hi = self._minmax[:n, 0, e], self._minmax[:n, 1, e]
        group = max(1, math.ceil(n / max(1, max_points)))
        first = np.arange(0, n, group, dtype=np.int64) * self.stride
        if group == 1:
            return first, lo.copy(), hi.copy()
        # Groups wholly before the open row (n - 1) cannot change until the history thins or is
        # truncated (which bump _version): reduce only the groups after the ones cached.
        safe = (n - 1) // group
        cached = self._env_cache.get(e)
        start = 0
        if cached is not None and cached[0] == (self._version, group):
            start = min(len(cached[1]), safe)
        rows_lo, rows_hi = lo[start * group :], hi[start * group :]
        pad = np.full((-len(rows_lo)) % group, np.nan)
        with np.errstate(invalid="ignore"):
            tail_lo = np.fmin.reduce(np.concatenate([rows_lo, pad]).reshape(-1, group), axis=1)
            tail_hi = np.fmax.reduce(np.concatenate([rows_hi, pad]).reshape(-1, group), axis=1)
        if start:
            assert cached is not None
            glo, ghi = np.concatenate([cached[1][:start], tail_lo]), np.concatenate([cached[2][:start], tail_hi])
        else:
            glo, ghi = tail_lo, tail_hi
        self._env_cache[e] = ((self._version, group), glo[:safe], ghi[:safe])
        return first, glo, ghi

    def curve(self, name: str, max_groups: int = 1024) -> tuple[Array, Array]:
        """(event numbers, values) of one envelope column for a line plot, at most 2·max_groups points.

        The kept rows themselves while every event is kept and they fit; beyond
        that each group of events as its min then its max, both at the group's
        first event number, so every spike shows.  Both arrays are float64 (p,).
        """
        if self.stride == 1 and self._n <= max_groups:
            return self.numbers().astype(np.float64), self.column(name)
        first, lo, hi = self.envelope(name, max_groups)
        return np.repeat(first.astype(np.float64), 2), np.column_stack([lo, hi]).ravel()

    def __len__(self) -> int:
        return self._n

    def _row(self, i: int) -> Any:
        return tuple(float(v) for v in self._rows[i])

    @overload
    def __getitem__(self, i: int) -> Any: ...
    @overload
    def __getitem__(self, i: slice) -> list[Any]: ...
    def __getitem__(self, i: int | slice) -> Any:
        if isinstance(i, slice):
            return [self._row(k) for k in range(*i.indices(self._n))]
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError("history index out of range")
        return self._row(i)

    def __iter__(self) -> Iterator[Any]:
        for k in range(self._n):
            yield self._row(k)

    def __bool__(self) -> bool:
        return self._n > 0


class LossHistory(History):
    """One loss per step; items are floats, ``np.asarray`` gives the kept losses (n_kept,)."""

    def __init__(self, budget: int = DEFAULT_BUDGET) -> None:
        super().__init__(("loss",), ("loss",), budget)

    def _row(self, i: int) -> float:
        return float(self._rows[i, 0])

    def add(self, loss: float) -> None:
        """Record one step's loss."""
        self.append((loss,))

    def extend(self, losses: Sequence[float]) -> None:
        for v in losses:
            self.append((float(v),))

    def __array__(self, dtype: Any = None, copy: Any = None) -> Array:
        out = self._rows[: self._n, 0]
        return np.array(out, dtype=dtype)


#: EpochRecord's float fields, in order: the columns of :class:`EpochHistory`.
EPOCH_COLUMNS = ("loss", "val_loss", "accuracy", "val_accuracy", "lr")


class EpochHistory(History):
    """One :class:`EpochRecord` per epoch (items are EpochRecords, made when read)."""

    def __init__(self, budget: int = DEFAULT_BUDGET) -> None:
        super().__init__(EPOCH_COLUMNS, ("loss", "val_loss"), budget)

    def _row(self, i: int) -> EpochRecord:
        return EpochRecord(i * self.stride, *(float(v) for v in self._rows[i]))

    def add(self, record: EpochRecord) -> None:
        self.append((record.loss, record.val_loss, record.accuracy, record.val_accuracy, record.lr))

    @property
    def last_record(self) -> EpochRecord | None:
        """The latest epoch (always exact, even when it was not kept)."""
        if self.last is None:
            return None
        return EpochRecord(self.count - 1, *self.last)
