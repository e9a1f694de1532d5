"""K runs of one network side by side, trained as stacked computations.

``RunSet(network, dataset, settings, variable, values)`` builds one run per
value (see :mod:`model.run_specs`): all start from the same weights (unless the
variable is the start itself), see the same batches in the same order, and
differ in that one variable.  Runs whose shapes, activations, batch size and
optimizer agree form a :class:`~model.run_group.RunGroup` and train together:
their parameters carry a leading run axis and one pass of
``network.layer_forward`` / ``layer_backward`` (np.matmul broadcasts the run
axis) and one call of the optimizer's array rule (per-run learning rate, weight
decay and L1 of shape (K, 1, 1)) step them all (the pass itself, with dropout, is
:mod:`model.run_pass`); runs that differ in shape
(hidden width, activation, batch size, optimizer) fall into separate groups.

Each run follows :class:`model.trainer.Trainer`'s rules, so run k equals a
Trainer on ``specs[k]`` (the tests check it to 1e-12): the divergence check
before each update, the refusal of a non-finite update, the epoch mean of the
batch losses, the learning-rate schedule, early stopping.  A run that stops
leaves its group and the others go on.  History is bounded numpy arrays
(:class:`~model.run_status.Track`): per step the batch loss, per epoch loss,
val_loss, accuracy, val_accuracy and lr; parameters are kept at up to
``max_checkpoints`` epochs per group for the scrubber.  With ``grad_norms=True``
each run also keeps per epoch the mean ‖∂L/∂W‖ of every layer (the vanishing-
gradient comparison).

Runs are numbered 0..K-1 in the order of ``values``.
"""

from __future__ import annotations

import csv
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .dataset import TRAIN, Dataset
from .network import Network
from .run_group import EPOCH_NAMES, RunGroup, group_key
from .run_specs import RunSpec, build_specs
from .run_status import RunStatus, Stop, classify
from .settings import TrainingSettings

Array = np.ndarray


@dataclass(frozen=True)
class RunSummary:
    """One row of the comparison table (NaN where not applicable; -1 epochs = target not reached)."""

    label: str
    final_loss: float
    best_loss: float
    epochs_to_target: int
    accuracy: float
    epochs: int
    steps: int
    status: RunStatus


def _split(members: list[int], size: int) -> list[list[int]]:
    """``members`` in consecutive parts of at most ``size``, as equal as possible."""
    parts = -(-len(members) // size)
    return [[int(i) for i in p] for p in np.array_split(members, parts)]


class RunSet:
    """K runs of one network differing in one variable; see the module docstring."""

    def __init__(
        self,
        network: Network,
        dataset: Dataset,
        settings: TrainingSettings,
        variable: str,
        values: Sequence[Any],
        layer: int | None = None,
        max_points: int = 1 << 16,
        max_checkpoints: int = 64,
        group_bytes: int = 32 * 1024 * 1024,
        grad_norms: bool = False,
    ) -> None:
        self.variable = variable
        self.dataset = dataset
        self.specs: list[RunSpec] = build_specs(network, settings, variable, values, layer)
        by_key: dict[tuple[Any, ...], list[int]] = {}
        for i, spec in enumerate(self.specs):
            by_key.setdefault(group_key(spec), []).append(i)
        self.groups = [
            RunGroup(part, self.specs, dataset, max_points, max_checkpoints, grad_norms)
            for members in by_key.values()
            for part in _split(members, self._runs_per_group(self.specs[members[0]], group_bytes))
        ]
        #: run -> (its group, its position in that group)
        self._where = [(g, p) for g in self.groups for p in range(len(g.members))]
        self._where.sort(key=lambda gp: int(gp[0].members[gp[1]]))

    def _runs_per_group(self, spec: RunSpec, budget: int) -> int:
        """How many runs one stacked computation takes so that its largest array stays within ``budget`` bytes.

        Bounds the memory of one step on large data sets (a group keeps its step's arrays: model.run_pass.Workspace).
        """
        rows = len(self.dataset.indices(TRAIN))
        b = spec.settings.batch_size
        rows = rows if b <= 0 else min(rows, b)
        per_run = max(1, rows * max(spec.network.sizes) * 8)
        return max(1, budget // per_run)

    def __len__(self) -> int:
        return len(self.specs)

    # --------------------------------------------------------------- training
    def step(self) -> bool:
        """One step in every group that still trains. False once no run trains."""
        return any([g.step() for g in self.groups])

    def finished(self, epochs: int) -> bool:
        """True when every run has stopped or trained ``epochs`` epochs (or has no training data)."""
        return all(g.epoch >= epochs or not len(g.active) or not len(g.train_idx) for g in self.groups)

    def train(self, epochs: int, seconds: float | None = None, chunk: int = 32) -> bool:
        """Train every run towards ``epochs`` epochs; True when finished (see :meth:`finished`).

        With ``seconds``, return once that much wall time is spent (the GUI's time box);
        groups take turns ``chunk`` steps at a time so that every curve grows together.
        """
        deadline = math.inf if seconds is None else time.perf_counter() + seconds
        while not self.finished(epochs):
            for g in self.groups:
                for _ in range(chunk):
                    if g.epoch >= epochs or not g.step():
                        break
                if time.perf_counter() >= deadline:
                    return self.finished(epochs)
        return True

    # ---------------------------------------------------------------- queries
    def group_of(self, run: int) -> tuple[RunGroup, int]:
        return self._where[run]

    def steps(self, run: int) -> int:
        g, p = self._where[run]
        return int(g.steps[p])

    def epoch(self, run: int) -> int:
        """Epochs finished by ``run`` (a stopped run stays at the epoch it stopped in)."""
        g, p = self._where[run]
        return int(g.epochs_done[p])

    def stop(self, run: int) -> Stop | None:
        g, p = self._where[run]
        return g.stops[p]

    def step_losses(self, run: int) -> tuple[Array, Array]:
        """(steps (n,), batch loss (n,)) of ``run``; the loss is NaN after the run stopped."""
        g, p = self._where[run]
        return g.steps_track.x, g.steps_track.values("loss")[p]

    def epoch_values(self, run: int, name: str = "loss") -> tuple[Array, Array]:
        """(epochs (n,), values (n,)) of ``run`` for one of EPOCH_NAMES; NaN after the run stopped."""
        if name not in EPOCH_NAMES:
            raise KeyError(name)
        g, p = self._where[run]
        return g.epochs_track.x, g.epochs_track.values(name)[p]

    def grad_norms(self, run: int) -> tuple[Array, Array]:
        """(epochs (n,), norms (L, n)): per epoch the mean over its steps of ‖∂L/∂W‖ of each layer 1..L (the
        weights into it), NaN after the run stopped; needs ``grad_norms=True`` (ValueError otherwise)."""
        g, p = self._where[run]
        if g.grads_track is None:
            raise ValueError("this set of runs does not record gradient norms (grad_norms=False)")
        track = g.grads_track
        return track.x, np.stack([track.values(name)[p] for name in track.names])

    def status(self, run: int, slow_drop: float = 0.5) -> RunStatus:
        """What happened to ``run`` so far, as a code and numbers (see run_status.classify)."""
        _, loss = self.epoch_values(run)
        return classify(loss[: self.epoch(run)], self.stop(run), slow_drop)

    def network(self, run: int, epoch: int | None = None) -> Network:
        """A copy of ``run``'s network now, or at the last checkpoint at or before ``epoch``."""
        g, p = self._where[run]
        net = g.specs[p].network.copy()
        if epoch is None:
            net.weights, net.biases = g.params(p)
        else:
            _, net.weights, net.biases = g.params_at(p, epoch)
        return net

    def checkpoint_epochs(self, run: int) -> list[int]:
        g, _ = self._where[run]
        return [c[0] for c in g.checkpoints]

    def settings(self, run: int) -> TrainingSettings:
        return self.specs[run].settings.copy()

    def peek_batch(self, run: int) -> Array:
        """Row indices of ``run``'s next mini-batch."""
        g, _ = self._where[run]
        return g.peek_batch()

    def summary(self, run: int, target: float | None = None) -> RunSummary:
        """The comparison table's row: final and best epoch loss, epochs to ``target`` loss, accuracy, status."""
        n = self.epoch(run)
        _, loss = self.epoch_values(run)
        _, acc = self.epoch_values(run, "accuracy")
        loss, acc = loss[:n], acc[:n]
        finite = loss[np.isfinite(loss)]
        reach = -1
        if target is not None:
            hits = np.flatnonzero(loss <= target)
            reach = int(hits[0]) + 1 if len(hits) else -1
        return RunSummary(
            self.specs[run].label,
            float(finite[-1]) if len(finite) else math.nan,
            float(finite.min()) if len(finite) else math.nan,
            reach,
            float(acc[-1]) if len(acc) else math.nan,
            n,
            self.steps(run),
            self.status(run),
        )

    def write_csv(self, path: str | Path) -> None:
        """Every run's epoch figures, one row per run and epoch:
        run, label (the value), epoch (from 1), loss, val_loss, accuracy, val_accuracy, lr.  OSError if it fails.
        """
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["run", "label", "epoch", *EPOCH_NAMES])
            for k in range(len(self)):
                x, _ = self.epoch_values(k)
                cols = [self.epoch_values(k, n)[1] for n in EPOCH_NAMES]
                for i in range(min(len(x), self.epoch(k))):
                    w.writerow([k, self.specs[k].label, int(x[i]) + 1, *(repr(float(c[i])) for c in cols)])

    def nbytes(self) -> int:
        """Memory held by the histories (bounded by max_points per run)."""
        return sum(
            g.steps_track.nbytes() + g.epochs_track.nbytes() + (g.grads_track.nbytes() if g.grads_track else 0)
            for g in self.groups
        )
