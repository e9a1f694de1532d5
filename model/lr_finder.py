"""The learning-rate finder (after fastai's ``lr_find``), deterministic for a given seed.

From a copy of the network, train one mini-batch per learning rate while the
rate grows exponentially from ``start`` to ``end`` over ``steps`` batches
(default 1e-7 → 10 over 100).  Each batch's loss is measured before its update
at that rate, smoothed with a debiased exponential moving average (β = 0.98),
and the search stops once the smoothed loss exceeds ``stop_factor`` (4) times
the best so far, or the loss diverges.  The suggestion is the rate where the
smoothed loss falls fastest against log(lr) (the steepest descent), taken
before the minimum of the smoothed curve.

Everything random comes from ``settings.seed`` (the batch order) and the
network given, so the same inputs give the same curve and suggestion: fastai's
users asked for exactly that (fastai issue #3295).  The network given is never
changed.  :class:`LRFinder` runs in chunks for a GUI timer; :func:`find_lr`
runs to the end.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np

from .dataset import TRAIN, Dataset
from .network import Network
from .settings import TrainingSettings
from .trainer import Trainer

Array = np.ndarray

#: Why the search ended: every rate tried, smoothed loss above stop_factor × best, the loss diverged
#: (or an update would have been non-finite), or no training data.
STOP_CODES = ("finished", "exploded", "diverged", "no_data")


@dataclass(frozen=True)
class LRFinderResult:
    """The curve and the suggestion.

    ``lrs``, ``losses``, ``smoothed``: (m,) the rates tried, each batch's loss before its update,
    and the smoothed loss.  ``suggestion``: the suggested rate (NaN if the curve never fell),
    ``suggestion_index`` its index (-1 if none); ``stop``: a code of STOP_CODES.
    """

    lrs: Array
    losses: Array
    smoothed: Array
    suggestion: float
    suggestion_index: int
    stop: str


def lr_schedule(start: float, end: float, steps: int) -> Array:
    """The rates tried (steps,): start · (end/start)^(i/(steps−1))."""
    if not (math.isfinite(start) and math.isfinite(end) and 0 < start < end):
        raise ValueError("the learning-rate finder needs 0 < start < end")
    if steps < 2:
        raise ValueError("the learning-rate finder needs at least 2 steps")
    out: Array = start * (end / start) ** (np.arange(steps) / (steps - 1))
    return out


def suggest(lrs: Array, smoothed: Array, skip_start: int = 0) -> int:
    """Index of the steepest fall of ``smoothed`` against log(lr), before its minimum; -1 if it never falls."""
    if len(lrs) < 3:
        return -1
    lowest = int(np.argmin(smoothed))
    if lowest < 2:
        return -1
    seg = slice(skip_start, lowest + 1)
    slope = np.gradient(smoothed[seg], np.log(lrs[seg]))
    i = int(np.argmin(slope))
    return skip_start + i if slope[i] < 0 else -1


class LRFinder:
    """The search in steps: ``run(seconds)`` advances it, ``done`` says when it ended, ``result()`` reads it."""

    def __init__(
        self,
        network: Network,
        dataset: Dataset,
        settings: TrainingSettings,
        start: float = 1e-7,
        end: float = 10.0,
        steps: int = 100,
        beta: float = 0.98,
        stop_factor: float = 4.0,
    ) -> None:
        self.schedule = lr_schedule(start, end, steps)
        self.beta, self.stop_factor = beta, stop_factor
        # A constant schedule and no early stopping: the finder sets every step's rate itself.
        s = settings.copy(lr=float(self.schedule[0]), schedule="constant", patience=0)
        self.trainer = Trainer(network.copy(), dataset, s)
        self.losses = np.full(steps, np.nan)
        self.smoothed = np.full(steps, np.nan)
        self.n = 0
        self._avg, self._best = 0.0, math.inf
        self.stop: str | None = None if len(dataset.indices(TRAIN)) else "no_data"

    @property
    def done(self) -> bool:
        return self.stop is not None

    def step(self) -> bool:
        """One batch at the next rate. False once the search has ended."""
        if self.stop is not None:
            return False
        i = self.n
        self.trainer.optimizer.lr = float(self.schedule[i])
        if not self.trainer.train_step():
            self.stop = "diverged"
            return False
        loss = self.trainer.step_losses[-1]
        self.losses[i] = loss
        self._avg = self.beta * self._avg + (1.0 - self.beta) * loss
        smooth = self._avg / (1.0 - self.beta ** (i + 1))  # debiased, as fastai's SmoothenValue
        self.smoothed[i] = smooth
        self.n = i + 1
        self._best = min(self._best, smooth)
        if smooth > self.stop_factor * self._best:
            self.stop = "exploded"
        elif self.n == len(self.schedule):
            self.stop = "finished"
        return self.stop is None

    def run(self, seconds: float | None = None) -> bool:
        """Advance until done, or until ``seconds`` of wall time are spent; True when done."""
        deadline = math.inf if seconds is None else time.perf_counter() + seconds
        while self.step():
            if time.perf_counter() >= deadline:
                break
        return self.done

    def result(self) -> LRFinderResult:
        n = self.n
        lrs, smoothed = self.schedule[:n].copy(), self.smoothed[:n].copy()
        # Leave out the exploding tail: the suggestion comes from where the curve still behaves.
        i = suggest(lrs, smoothed)
        return LRFinderResult(
            lrs, self.losses[:n].copy(), smoothed, float(lrs[i]) if i >= 0 else math.nan, i, self.stop or "finished"
        )


def find_lr(network: Network, dataset: Dataset, settings: TrainingSettings, **options: float) -> LRFinderResult:
    """Run the whole search (options: start, end, steps, beta, stop_factor) and return its result."""
    finder = LRFinder(network, dataset, settings, **options)  # type: ignore[arg-type]
    finder.run()
    return finder.result()
