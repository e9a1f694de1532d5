"""Breakpoints: conditions that pause training at the step where they become true.

A :class:`Breakpoints` object is a trainer observer (``trainer.observers``):
after every update it checks the enabled conditions and, when one becomes
true, keeps a :class:`BreakpointHit` (a code and its numbers; the GUI words
it) and asks the trainer to pause.  Each condition fires when it *becomes*
true, so Play can go on after a pause:

* ``LOSS_NON_FINITE``: the loss became inf or NaN, or diverged beyond
  the trainer's divergence limits (the trainer stops there anyway; :meth:`Breakpoints.after_stop`
  reports it as a hit).
* ``UNIT_DIED``: a ReLU unit now outputs 0 for every training sample.
* ``WEIGHT_SIGN_CHANGED``: the watched weight (k, i, j) changed sign.
* ``TRAIN_ACCURACY_FULL``: the accuracy on the training set reached 100 %.
* ``VALIDATION_ROSE``: the validation loss rose ``patience`` epochs in a row.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

import numpy as np

from .dataset import TRAIN
from .network import ForwardRecord, GradientRecord
from .stats import dead_units
from .trainer import Trainer, accuracy

Array = np.ndarray

LOSS_NON_FINITE = "loss_non_finite"
UNIT_DIED = "unit_died"
WEIGHT_SIGN_CHANGED = "weight_sign_changed"
TRAIN_ACCURACY_FULL = "train_accuracy_full"
VALIDATION_ROSE = "validation_rose"
CODES: tuple[str, ...] = (LOSS_NON_FINITE, UNIT_DIED, WEIGHT_SIGN_CHANGED, TRAIN_ACCURACY_FULL, VALIDATION_ROSE)


@dataclass(frozen=True)
class BreakpointHit:
    """A breakpoint that fired after update number ``step``.

    * ``where``: UNIT_DIED (layer, unit); WEIGHT_SIGN_CHANGED (k, i, j); else ().
    * ``values``: LOSS_NON_FINITE (loss,); WEIGHT_SIGN_CHANGED (before, after);
      TRAIN_ACCURACY_FULL (epoch,); VALIDATION_ROSE (epochs, first val loss, last val loss).
    """

    code: str
    step: int
    where: tuple[int, ...] = ()
    values: tuple[float, ...] = ()


class Breakpoints:
    """The enabled breakpoints and what they last saw; call :meth:`arm` when training (re)starts."""

    def __init__(self) -> None:
        self.enabled: set[str] = set()
        self.weight: tuple[int, int, int] | None = None  # watched by WEIGHT_SIGN_CHANGED
        self.patience = 3  # epochs of rising validation loss for VALIDATION_ROSE
        self.hit: BreakpointHit | None = None
        self._dead: list[Array] | None = None  # per layer 1..L (sizes[l],) bool: units known dead
        self._sign: float | None = None
        self._full: bool | None = None
        self._epoch = -1
        self._val: deque[float] = deque(maxlen=2)

    def arm(self, trainer: Trainer) -> None:
        """Take the current state as the baseline: only changes from here on fire."""
        self.hit = None
        fwd = self._training_forward(trainer)
        self._dead = self._dead_units(trainer, fwd)
        self._sign = self._weight_sign(trainer)
        self._full = self._accuracy_full(trainer, fwd)
        self._epoch = trainer.epoch
        self._val = deque(maxlen=self.patience + 1)

    # ---------------------------------------------------------------- checks
    def __call__(self, trainer: Trainer, g: GradientRecord, output: Array | None) -> bool:
        """The trainer's observer: True (and ``hit`` set) when a breakpoint fires after this update."""
        if not self.enabled:
            return False
        # One forward pass over the training set serves both checks that need one.
        needs_pass = UNIT_DIED in self.enabled or TRAIN_ACCURACY_FULL in self.enabled
        fwd = self._training_forward(trainer) if needs_pass else None
        # Every check runs (each keeps what it saw for the next step); the first hit is reported.
        hits = [
            self._check_unit_died(trainer, fwd) if UNIT_DIED in self.enabled and fwd is not None else None,
            self._check_sign(trainer),
            self._check_accuracy(trainer, fwd) if TRAIN_ACCURACY_FULL in self.enabled and fwd is not None else None,
            self._check_validation(trainer),
        ]
        hit = next((h for h in hits if h is not None), None)
        if hit is not None:
            self.hit = hit
            return True
        return False

    def after_stop(self, trainer: Trainer) -> BreakpointHit | None:
        """A LOSS_NON_FINITE hit when the trainer stopped because the loss diverged.

        The trainer stops before a loss overflows (:meth:`Trainer.divergence`), so "non-finite"
        covers a loss on its way to infinity too; the hit carries the training-set loss.
        """
        if LOSS_NON_FINITE not in self.enabled or trainer.stop_reason is None:
            return None
        loss, _ = trainer.evaluate(TRAIN)
        if trainer.divergence(loss) is None:
            return None
        self.hit = BreakpointHit(LOSS_NON_FINITE, trainer.steps, (), (loss,))
        return self.hit

    @staticmethod
    def _training_forward(trainer: Trainer) -> ForwardRecord:
        X, _ = trainer.dataset.part(TRAIN)
        return trainer.network.forward(X)

    @staticmethod
    def _dead_units(trainer: Trainer, fwd: ForwardRecord) -> list[Array]:
        """Per layer 1..L a bool array (sizes[l],): ReLU units silent on every training sample."""
        net = trainer.network
        return [dead_units(net.activations[l - 1], fwd.a[l])[0] for l in range(1, net.n_layers + 1)]

    def _check_unit_died(self, trainer: Trainer, fwd: ForwardRecord) -> BreakpointHit | None:
        # Checked on the parameters after the update, over the whole training set: the step's own
        # δ comes from the parameters before it and would see a death one step late.
        previous = self._dead
        dead = self._dead = self._dead_units(trainer, fwd)
        if previous is None or len(previous) != len(dead):
            return None
        for l, (was, now) in enumerate(zip(previous, dead, strict=True), start=1):
            if was.shape == now.shape:
                new = np.flatnonzero(now & ~was)
                if len(new):
                    return BreakpointHit(UNIT_DIED, trainer.steps, (l, int(new[0])))
        return None

    def _weight_sign(self, trainer: Trainer) -> float | None:
        if self.weight is None:
            return None
        k, i, j = self.weight
        w = trainer.network.weights
        if k >= len(w) or i >= w[k].shape[0] or j >= w[k].shape[1]:
            return None
        return float(w[k][i, j])

    def _check_sign(self, trainer: Trainer) -> BreakpointHit | None:
        if WEIGHT_SIGN_CHANGED not in self.enabled or self.weight is None:
            return None
        before, after = self._sign, self._weight_sign(trainer)
        self._sign = after
        if before is None or after is None or before == 0.0:
            return None
        if np.sign(after) != np.sign(before):
            return BreakpointHit(WEIGHT_SIGN_CHANGED, trainer.steps, self.weight, (before, after))
        return None

    @staticmethod
    def _accuracy_full(trainer: Trainer, fwd: ForwardRecord) -> bool:
        if trainer.dataset.kind != "classification" or len(fwd.output) == 0:
            return False
        _, Y = trainer.dataset.part(TRAIN)
        return bool(accuracy(fwd.output, trainer.network.targets(Y)) == 1.0)

    def _check_accuracy(self, trainer: Trainer, fwd: ForwardRecord) -> BreakpointHit | None:
        before, now = self._full, self._accuracy_full(trainer, fwd)
        self._full = now
        if now and before is False:
            return BreakpointHit(TRAIN_ACCURACY_FULL, trainer.steps, (), (float(trainer.epoch),))
        return None

    def _check_validation(self, trainer: Trainer) -> BreakpointHit | None:
        if trainer.epoch == self._epoch:
            return None
        self._epoch = trainer.epoch
        if VALIDATION_ROSE not in self.enabled or self.patience < 1:
            return None
        record = trainer.history.last_record
        val = math.nan if record is None else record.val_loss
        if not math.isfinite(val):
            return None
        if self._val.maxlen != self.patience + 1:
            self._val = deque(self._val, maxlen=self.patience + 1)
        self._val.append(val)
        seen = list(self._val)
        rising = len(seen) == self.patience + 1 and all(b > a for a, b in zip(seen, seen[1:], strict=False))
        if rising:
            self._val.clear()  # fire once per run of rises
            self._val.append(val)
            return BreakpointHit(VALIDATION_ROSE, trainer.steps, (), (float(self.patience), seen[0], seen[-1]))
        return None
