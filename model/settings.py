"""Training settings: everything besides the network and the data."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

SCHEDULES = ("constant", "step", "exponential", "inverse_time")


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
