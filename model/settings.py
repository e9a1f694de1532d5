"""Training settings: everything besides the network and the data."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any

from .dataset import MAX_SAMPLES
from .limits import MAX_VALUE

SCHEDULES = ("constant", "step", "exponential", "inverse_time")

#: The largest seed (every integer up to 2⁵³ survives a trip through a float, as a typed field gives it).
MAX_SEED = 2**53
#: Epoch counts and patience beyond this mean "forever" anyway.
MAX_COUNT = 10**9

#: (smallest, largest, whole number) allowed for each numeric setting: the one rule the training
#: panel's fields, the file validator and autosave all apply (see :func:`setting_problem`).
BOUNDS: dict[str, tuple[float, float, bool]] = {
    "lr": (0.0, MAX_VALUE, False),
    "batch_size": (0, MAX_SAMPLES, True),
    "epochs": (0, MAX_COUNT, True),
    "seed": (0, MAX_SEED, True),
    "weight_decay": (0.0, MAX_VALUE, False),
    "l1": (0.0, MAX_VALUE, False),
    "patience": (0, MAX_COUNT, True),
}


def setting_problem(name: str, value: Any) -> str | None:
    """Why ``value`` cannot be setting ``name`` (one English sentence), or None if it can.

    Only the numeric settings in BOUNDS are checked here; names (optimizer,
    schedule) are checked against their lists where they are chosen.
    """
    if name not in BOUNDS:
        return None
    lo, hi, whole = BOUNDS[name]
    shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"{name} must be a number, got {shown}"
    if whole and not isinstance(value, int):
        return f"{name} must be a whole number, got {shown}"
    if isinstance(value, float) and not math.isfinite(value):
        return f"{name} is {shown}; only finite numbers are allowed"
    if value < lo:  # int vs float comparison is exact in Python, even for huge ints
        return f"{name} must be at least {lo:g}, got {shown}"
    if value > hi:
        return f"{name} must be at most {hi:g}, got {shown}"
    return None


@dataclass
class TrainingSettings:
    """How to train.

    * ``optimizer``: a name from ``model.optimizers.NAMES``; ``lr`` its learning
      rate; ``hyper`` its other hyperparameters (torch names: momentum, betas,
      eps, alpha, ...), empty = torch's defaults.
    * ``batch_size``: samples per step; 0 = the whole training set (full batch),
      1 = plain SGD.
    * ``weight_decay``: coupled L2 as torch's; ``l1``: L1 strength.
    * ``schedule`` and ``schedule_params``: learning rate per epoch e (from 0):
      constant; step: lr·gamma^(e // step_size); exponential: lr·gamma^e;
      inverse_time: lr / (1 + decay·e).
    * ``patience``: early stopping after this many epochs without a better
      validation loss (0 = off); training then ends on the best epoch's weights.
    * ``dropout``: inverted dropout rate p of every hidden layer while training
      (0 = off, below 1; see :mod:`model.dropout`); never when evaluating.
    """

    optimizer: str = "sgd"
    lr: float = 0.1
    hyper: dict[str, Any] = field(default_factory=dict)
    batch_size: int = 0
    epochs: int = 1000
    shuffle: bool = True
    seed: int = 0
    weight_decay: float = 0.0
    l1: float = 0.0
    schedule: str = "constant"
    schedule_params: dict[str, float] = field(default_factory=dict)
    patience: int = 0
    dropout: float = 0.0

    def lr_at(self, epoch: int) -> float:
        """The scheduled learning rate for epoch ``epoch`` (0-based)."""
        p = self.schedule_params
        if self.schedule == "step":
            return self.lr * p.get("gamma", 0.1) ** (epoch // max(1, int(p.get("step_size", 100))))
        if self.schedule == "exponential":
            return self.lr * p.get("gamma", 0.99) ** epoch
        if self.schedule == "inverse_time":
            return self.lr / (1.0 + p.get("decay", 0.01) * epoch)
        return self.lr

    def copy(self, **changes: Any) -> TrainingSettings:
        # Changes may replace hyper or schedule_params too; either way the copy owns its dicts.
        fields: dict[str, Any] = {"hyper": self.hyper, "schedule_params": self.schedule_params, **changes}
        fields["hyper"] = dict(fields["hyper"])
        fields["schedule_params"] = dict(fields["schedule_params"])
        return replace(self, **fields)
