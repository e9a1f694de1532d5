"""Bounded per-run history and what happened to each run, as codes and numbers.

:class:`Track` keeps named values of K runs per step (or per epoch) in numpy
arrays (K, points): no Python object per step, and at most ``max_points``
points per run: once full, every other point is dropped and only every
``stride``-th value is kept from then on.

:func:`classify` labels a run from its epoch losses and its stop: the codes of
``STATUS_CODES`` with the numbers a sentence needs (the GUI translates the
sentence; :data:`SENTENCES` holds the English ones for the command line).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

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
    """Named values of ``k`` runs per step (or epoch), bounded to ``max_points`` per run.

    ``append(rows, name=values)`` records the next index for the runs ``rows``
    (values (len(rows),)); the others get NaN.  ``x`` (points,) are the recorded
    indices (0, stride, 2·stride, ...); ``values(name)`` is (k, points).
    """

    def __init__(self, k: int, names: tuple[str, ...], max_points: int = 100_000, initial: int = 256) -> None:
        self.k, self.names = k, names
        self.max_points = max(2, max_points - max_points % 2)  # even: halving keeps the stride's multiples
        self._cap = min(initial, self.max_points)
        self._data = {name: np.full((k, self._cap), np.nan) for name in names}
        self.count = 0  # indices appended so far
        self.n = 0  # points stored
        self.stride = 1

    def append(self, rows: Array | slice, **values: Array) -> None:
        i = self.count
        self.count += 1
        if i % self.stride:
            return
        cap = self._cap
        if self.n == cap:
            if cap < self.max_points:
                for name, old in self._data.items():
                    grown = np.full((self.k, min(2 * cap, self.max_points)), np.nan)
                    grown[:, :cap] = old
                    self._data[name] = grown
                self._cap = min(2 * cap, self.max_points)
            else:  # full: keep every other point, and from now on every (2·stride)-th
                half = self.n // 2
                for arr in self._data.values():
                    arr[:, :half] = arr[:, 0 : self.n : 2]
                    arr[:, half:] = np.nan
                self.n, self.stride = half, 2 * self.stride
                if i % self.stride:
                    return
        for name, v in values.items():
            self._data[name][rows, self.n] = v
        self.n += 1

    @property
    def x(self) -> Array:
        """The recorded indices (points,)."""
        return np.arange(self.n) * self.stride

    def values(self, name: str) -> Array:
        """(k, points): a read-only view."""
        view = self._data[name][:, : self.n]
        view.flags.writeable = False
        return view

    def nbytes(self) -> int:
        return sum(a.nbytes for a in self._data.values())
