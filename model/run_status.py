"""Bounded per-run history and what happened to each run, as codes and numbers.

:class:`Track` keeps named values of K runs per step (or per epoch) in one
bounded :class:`model.history.History` (the Trainer's rule: once full, every
other point is dropped and only every ``stride``-th value is kept from then on);
no Python object per step.

:func:`classify` labels a run from its epoch losses and its stop: the codes of
``STATUS_CODES`` with the numbers a sentence needs (the GUI translates the
sentence; :data:`SENTENCES` holds the English ones for the command line).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .history import History

Array = np.ndarray

#: not enough epochs to tell; the loss is falling; it fell less than ``slow_drop`` (too slow);
#: it goes up and down about as much as it falls (oscillating); it diverged (stopped at ``step``).
STATUS_CODES = ("too_early", "converging", "too_slow", "oscillating", "diverged")
#: Why a run stopped: its loss diverged, an update would have been infinite/NaN, early stopping.
STOP_CODES = ("diverged", "non_finite", "early_stopping")

#: English sentences for the command line, in the language of note 002 (the GUI has its own, translated).
SENTENCES = {
    "too_early": "too early to tell",
    "converging": "converging: the loss fell {drop_pct:.0f}% in {epochs} epochs",
    "too_slow": "too slow: the loss fell only {drop_pct:.1f}% in {epochs} epochs",
    "oscillating": "oscillating: the loss goes up and down",
    "diverged": "diverged at step {step}: the loss became {value:.3g}",
}
#: What each label says about the learning rate (note 002), added when the learning rate is what varies.
LR_HINTS = {
    "too_slow": "the learning rate is too small",
    "oscillating": "the learning rate is close to too large",
    "diverged": "the learning rate is too large",
}


@dataclass(frozen=True)
class Stop:
    """Why and when a run stopped: ``code`` in STOP_CODES after ``step`` updates, in epoch ``epoch``.

    ``value``: the loss that diverged (NaN for non_finite), or the epochs without a better
    validation loss for early_stopping.
    """

    code: str
    step: int
    epoch: int
    value: float


@dataclass(frozen=True)
class RunStatus:
    """A run's label: ``code`` in STATUS_CODES with its numbers.

    ``epochs``: epochs looked at; ``drop``: the fraction the epoch loss fell from the
    first epoch to the last (NaN if unknown); ``step`` and ``value``: where and at
    what loss a diverged run stopped (-1 and NaN otherwise).
    """

    code: str
    epochs: int
    drop: float = math.nan
    step: int = -1
    value: float = math.nan

    def sentence(self, lr_hint: bool = False) -> str:
        """The English sentence (command line and logs); with ``lr_hint``, what it says about the learning rate."""
        text = SENTENCES[self.code].format(
            drop_pct=100 * self.drop, epochs=self.epochs, step=self.step, value=self.value
        )
        hint = LR_HINTS.get(self.code) if lr_hint else None
        return f"{text} ({hint})" if hint else text


def classify(
    epoch_loss: Array, stop: Stop | None, slow_drop: float = 0.5, window: int = 20, min_epochs: int = 3
) -> RunStatus:
    """Label a run from its epoch losses (n,) and its stop (None while it trains or if it finished).

    * diverged: stopped because the loss diverged or an update was non-finite;
    * oscillating: over the last ``window`` epochs the rises add up to more than half the
      falls, and the loss swings by more than 10% of its level;
    * too_slow: the loss fell less than ``slow_drop`` (a fraction) from the first epoch;
    * converging: otherwise; too_early below ``min_epochs`` epochs.
    """
    n = len(epoch_loss)
    if stop is not None and stop.code in ("diverged", "non_finite"):
        return RunStatus("diverged", n, step=stop.step, value=stop.value)
    finite = epoch_loss[np.isfinite(epoch_loss)]
    if len(finite) < min_epochs:
        return RunStatus("too_early", n)
    first, last = float(finite[0]), float(finite[-1])
    drop = (first - last) / first if first > 0 else 0.0
    d = np.diff(finite[-window:])
    rises, falls = float(d[d > 0].sum()), float(-d[d < 0].sum())
    level = float(np.abs(finite[-window:]).mean())
    # Swings of 10% of the loss level: mini-batch noise on a plateau is not oscillation.
    swing = float(np.ptp(finite[-window:]))
    if rises > 0.5 * falls and swing > 0.1 * level and np.count_nonzero(d > 0) >= len(d) / 4:
        return RunStatus("oscillating", n, drop)
    if drop < slow_drop:
        return RunStatus("too_slow", n, drop)
    return RunStatus("converging", n, drop)


class Track:
    """Named values of ``k`` runs per step (or epoch), in bounded memory.

    ``append(rows, name=values)`` records the next index for the runs ``rows``
    (values (len(rows),)); the others get NaN.  ``x`` (points,) are the recorded
    indices (0, stride, 2·stride, ...); ``values(name)`` is (k, points).  The rows
    live in one :class:`model.history.History` (columns: each name for run 0..k-1),
    so the Trainer's histories and the runs' share one thinning rule: beyond
    ``max_points`` rows (rounded down to a power of two) every other row is
    dropped and the stride doubles.
    """

    def __init__(self, k: int, names: tuple[str, ...], max_points: int = 1 << 16) -> None:
        self.k, self.names = k, names
        budget = 1 << max(1, int(max_points).bit_length() - 1)  # the largest power of two ≤ max_points
        self._history = History([f"{name}[{r}]" for name in names for r in range(k)], budget=budget)
        self._width = k * len(names)

    @property
    def count(self) -> int:
        """Indices appended so far."""
        return self._history.count

    @property
    def stride(self) -> int:
        return self._history.stride

    def append(self, rows: Array | slice, **values: Array) -> None:
        row = np.full(self._width, np.nan)  # fresh: the history keeps its last row
        k = self.k
        for i, name in enumerate(self.names):
            row[i * k : (i + 1) * k][rows] = values[name]
        self._history.append(row)

    @property
    def x(self) -> Array:
        """The recorded indices (points,)."""
        return self._history.numbers()

    def values(self, name: str) -> Array:
        """(k, points): a read-only view."""
        return self._history.block(self.names.index(name) * self.k, self.k).T

    def nbytes(self) -> int:
        return self._history.nbytes
