"""Training: batches, epochs, history, early stopping and divergence stops."""

from __future__ import annotations

import copy
import math
import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from . import dropout
from .dataset import TRAIN, VALIDATION, Dataset
from .history import EpochHistory, EpochRecord, LossHistory
from .messages import Message
from .network import GradientRecord, Network
from .optimizers import OPTIMIZERS, SGD, FlatParams, NonFiniteError, Optimizer, make_optimizer
from .settings import TrainingSettings

Array = np.ndarray

#: A loss above this counts as diverged (training pauses before it overflows).
DIVERGED_LOSS = 1e30
#: A loss this many times the run's first loss, and above DIVERGED_FLOOR, counts as
#: diverged too: a saturated sigmoid keeps BCE finite (~|z|) while the weights explode.
DIVERGED_FACTOR = 1e4
DIVERGED_FLOOR = 100.0


def accuracy(output: Array, Y: Array) -> float:
    """Share of samples classified right: argmax for several outputs, else a threshold.

    The threshold is 0 for ±1 targets and 0.5 for 0/1 targets.
    """
    n = len(Y)
    if n == 0:
        return math.nan
    if Y.shape[1] > 1:
        return np.count_nonzero(output.argmax(axis=1) == Y.argmax(axis=1)) / n
    threshold = 0.0 if Y.min() < 0 else 0.5
    return np.count_nonzero((output > threshold) == (Y > threshold)) / n


class Trainer:
    """Trains ``network`` on the TRAIN part of ``dataset`` with ``settings``.

    The network is trained in place.  ``steps`` counts updates applied,
    ``step_losses`` holds each step's batch loss, ``history`` one
    :class:`EpochRecord` per finished epoch, both in bounded memory (see
    :mod:`model.history`: beyond a budget they keep every 2nd, 4th, ... entry).
    ``stop_reason`` is set (and every further step refused) after divergence or
    early stopping.

    ``observers`` are called after every update as ``observer(trainer, g, output)``
    (the history store and the breakpoints of :mod:`model.breakpoints`); after
    :meth:`train_step`, ``g`` holds the loss, targets, dW and db only (its ``da``
    and ``delta`` are empty: a training step does not compute them); one that
    returns True sets ``pause_requested``, which ends :meth:`train_for` and
    :meth:`train_epoch` after that step.  Unlike a stop it is no verdict on the
    run: :meth:`train_epoch` clears it, and whoever resumes Play clears it before
    :meth:`train_for` trains again (until then train_for takes no step, so a
    breakpoint holds however soon the next chunk of Play comes).
    """

    def __init__(self, network: Network, dataset: Dataset, settings: TrainingSettings) -> None:
        self.network = network
        self.dataset = dataset
        self.settings = settings
        self.optimizer: Optimizer = optimizer_from(settings)
        self.rng = np.random.default_rng(settings.seed)
        self.dropout_rng = np.random.default_rng([settings.seed, 1])  # dropout's masks: their own seeded stream
        self.epoch = 0
        self.steps = 0
        self.step_losses = LossHistory()
        self.history = EpochHistory()
        self.stop_reason: Message | None = None
        self.observers: list[Callable[[Trainer, GradientRecord, Array | None], bool]] = []
        self.pause_requested = False
        self._best_val = math.inf
        self._bad_epochs = 0
        #: Early stopping: the epoch (as numbered in ``history``) with the best validation loss so far, and the
        #: epoch whose weights were restored when training stopped (None until it has).
        self.best_epoch: int | None = None
        self.restored_epoch: int | None = None
        self._best_params: tuple[list[Array], list[Array]] | None = None  # the best epoch's weights and biases
        self._first_loss: float | None = None
        self._train_idx = dataset.indices(TRAIN)
        self._has_validation = bool(np.any(dataset.split == VALIDATION))
        # accuracy()'s rule for one output: threshold 0 for ±1 targets, 0.5 for 0/1 targets.
        self._threshold = 0.0 if dataset.n and dataset.Y.min() < 0 else 0.5
        self._order = self._new_order()
        self._cursor = 0
        # This epoch so far: sum of (batch loss × batch size), samples classified right, samples seen.
        self._epoch_sums = (0.0, 0.0, 0)
        # The whole training set as (X, float targets, loss name), for full-batch steps without re-indexing.
        self._full: tuple[Array, Array, str] | None = None
        self._flat: FlatParams | None = None  # plain SGD's flat parameter buffer, made at the first step
        self._full_above = np.empty(0, dtype=bool)  # the full batch's targets > threshold (b, n_outputs)

    # ----------------------------------------------------------------- batches
    @property
    def batch_size(self) -> int:
        n = len(self._train_idx)
        b = self.settings.batch_size
        return n if b <= 0 or b >= n else b

    def _new_order(self) -> Array:
        if self.settings.shuffle and 0 < self.settings.batch_size < len(self._train_idx):
            return self.rng.permutation(self._train_idx)
        return self._train_idx

    def peek_batch(self) -> Array:
        """Row indices (b,) of the next mini-batch, without consuming it."""
        return self._order[self._cursor : self._cursor + self.batch_size]

    # ------------------------------------------------------------------ steps
    def _batch_arrays(self, idx: Array) -> tuple[Array, Array]:
        """Inputs (b, n_inputs) and float targets (b, n_outputs) of the rows ``idx``."""
        net = self.network
        if len(idx) == len(self._train_idx):
            # Full batch: the same rows every step (their order does not change a mean).
            if self._full is None or self._full[2] != net.loss:
                rows = self._train_idx
                self._full = (self.dataset.X[rows], net.targets(self.dataset.Y[rows]), net.loss)
                self._full_above = self._full[1] > self._threshold
            return self._full[0], self._full[1]
        return self.dataset.X[idx], net.targets(self.dataset.Y[idx])

    def _correct(self, output: Array, targets: Array) -> int:
        """How many rows of ``output`` (b, m) are classified as ``targets`` say (see :func:`accuracy`)."""
        if targets.shape[1] > 1:
            return int(np.count_nonzero(output.argmax(axis=1) == targets.argmax(axis=1)))
        threshold = self._threshold  # fixed per data set: computing it per step cost more than the count
        # The full batch's targets never change: their side of the threshold is worked out once.
        above = self._full_above if self._full is not None and targets is self._full[1] else targets > threshold
        return int(np.count_nonzero((output > threshold) == above))

    def compute(self, idx: Array) -> GradientRecord:
        """Forward and backward on the samples ``idx`` with the current parameters."""
        X, T = self._batch_arrays(idx)
        return self.network.backward(self.network.forward(X), T)

    def divergence(self, loss: float) -> Message | None:
        """Why ``loss`` counts as diverged, or None.

        Diverged: not finite, above DIVERGED_LOSS, or DIVERGED_FACTOR times the
        first loss this trainer saw and above DIVERGED_FLOOR.
        """
        if self._first_loss is None and math.isfinite(loss):
            self._first_loss = loss
        ref = self._first_loss if self._first_loss is not None else math.inf
        if not math.isfinite(loss) or loss > DIVERGED_LOSS or (loss > DIVERGED_FLOOR and loss > DIVERGED_FACTOR * ref):
            return Message("diverged", (float(loss),))
        return None

    def check_loss(self, loss: float) -> bool:
        """Stop (and say why) if the loss has diverged; see :meth:`divergence`."""
        reason = self.divergence(loss)
        if reason is not None:
            self.stop_reason = reason
            return False
        return True

    def apply(self, g: GradientRecord, advance: bool = True, output: Array | None = None, check: bool = True) -> bool:
        """Apply one optimizer update from ``g``; with ``advance``, move the batch cursor.

        ``output`` (b, n_outputs) is the batch's output before the update; it
        counts towards the epoch's accuracy.  Returns False (and sets
        stop_reason) if the update would be non-finite, or (with ``check``) if
        the loss has diverged; the parameters are then untouched.
        """
        return self._apply(g.loss, g.targets, g.dW, g.db, advance, output, check, g=g)

    def _apply(
        self,
        loss: float,
        targets: Array,
        dW: Sequence[Array],
        db: Sequence[Array],
        advance: bool = True,
        output: Array | None = None,
        check: bool = True,
        guard: bool = True,
        g: GradientRecord | None = None,
        flat: FlatParams | None = None,
    ) -> bool:
        if check and not self.check_loss(loss):
            return False
        try:
            if flat is not None:
                assert isinstance(self.optimizer, SGD)
                self.optimizer.update_flat(flat)
            else:
                self.optimizer.update(self.network, dW, db, guard)
        except NonFiniteError:
            self.stop_reason = Message("non_finite_update")
            return False
        self.steps += 1
        self.step_losses.append((loss,))
        if advance:
            n = len(targets)
            loss_sum, correct, seen = self._epoch_sums
            if output is not None and self.dataset.kind == "classification":
                correct += self._correct(output, targets)
            self._epoch_sums = (loss_sum + loss * n, correct, seen + n)
            self._cursor += n
            if self._cursor >= len(self._order):
                self._end_epoch()
        if self.observers:
            if g is None:  # a lean train_step: the record of what it computed (no dL/da, no deltas)
                g = GradientRecord(loss, targets, (), (), tuple(dW), tuple(db))
            for observe in self.observers:
                if observe(self, g, output):
                    self.pause_requested = True
        return True

    def train_step(self) -> bool:
        """One full step on the next mini-batch. False when training has stopped.

        Computes only what the step needs (:meth:`Network.train_pass`): the
        views ask for dL/da and dL/dX through :meth:`compute` when they show them.
        """
        if self.stop_reason is not None or len(self._train_idx) == 0:
            return False
        X, T = self._batch_arrays(self.peek_batch())
        p = self.settings.dropout
        if p > 0.0 and self.network.n_layers > 1:
            # Dropout on every hidden layer while training (the accuracy counted is the dropped network's, as Keras
            # reports it); evaluation and the boundary use the plain forward pass.
            rates = [p] * (self.network.n_layers - 1) + [0.0]
            masks = dropout.make_masks(self.dropout_rng, self.network, rates, len(X))
            fwd = dropout.forward(self.network, X, rates, masks)
            return self.apply(dropout.backward(self.network, fwd, T, rates, masks), output=fwd.output)
        # One numpy error state for the pass and the update (a diverging net overflows to inf,
        # which the loss check and the update's finite check read; the warnings are only noise).
        flat = self._flat_params()
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            grads = (flat.grad_W, flat.grad_b) if flat is not None else None
            loss, output, dW, db = self.network.train_pass(X, T, guard=False, out=grads)
            return self._apply(loss, T, dW, db, output=output, guard=False, flat=flat)

    def _flat_params(self) -> FlatParams | None:
        """The flat parameter buffer for plain SGD (made again when an edit replaced an array), else None."""
        opt = self.optimizer
        if not (isinstance(opt, SGD) and opt.plain) or self.observers:
            return None
        if self._flat is None or not self._flat.matches(self.network):
            self._flat = FlatParams(self.network)
        return self._flat

    def train_epoch(self) -> bool:
        """Steps until the current epoch ends. False when training has stopped."""
        start = self.epoch
        self.pause_requested = False
        while self.epoch == start and not self.pause_requested:
            if not self.train_step():
                return False
        return True

    def train_for(self, seconds: float, max_steps: int = 1_000_000) -> int:
        """Train until ``seconds`` of wall time are spent; returns steps taken."""
        deadline = time.perf_counter() + seconds
        done = 0
        while done < max_steps and not self.pause_requested and self.train_step():
            done += 1
            if self.pause_requested or time.perf_counter() >= deadline:
                break
        return done

    def run(self, epochs: int, on_epoch: Callable[[EpochRecord], None] | None = None) -> None:
        """Train ``epochs`` epochs (or until stopped), calling ``on_epoch`` after each."""
        for _ in range(epochs):
            if not self.train_epoch() or self.pause_requested:
                break
            if on_epoch is not None:
                record = self.history.last_record
                assert record is not None  # an epoch has just ended
                on_epoch(record)
            if self.stop_reason is not None:
                break

    # ----------------------------------------------------------------- epochs
    def evaluate(self, part: int = TRAIN) -> tuple[float, float]:
        """(loss, accuracy) on one part of the split; NaN when that part is empty."""
        X, Y = self.dataset.part(part)
        if len(X) == 0:
            return math.nan, math.nan
        fwd = self.network.forward(X)
        t = self.network.targets(Y)
        acc = accuracy(fwd.output, t) if self.dataset.kind == "classification" else math.nan
        return self.network.loss_value(fwd, t), acc

    def _end_epoch(self) -> None:
        # As Keras reports it: the epoch's training loss and accuracy are the means over
        # its batches, measured as each batch was trained (no second pass over the data).
        loss_sum, correct, seen = self._epoch_sums
        loss = loss_sum / seen if seen else math.nan
        acc = correct / seen if seen and self.dataset.kind == "classification" else math.nan
        self._epoch_sums = (0.0, 0.0, 0)
        val_loss, val_acc = self.evaluate(VALIDATION) if self._has_validation else (math.nan, math.nan)
        self.history.append((loss, val_loss, acc, val_acc, self.optimizer.lr))
        self.epoch += 1
        self.optimizer.lr = self.settings.lr_at(self.epoch)
        self._order = self._new_order()
        self._cursor = 0
        self.check_loss(loss)
        if self.settings.patience > 0 and math.isfinite(val_loss):
            if val_loss < self._best_val:
                self._best_val, self._bad_epochs = val_loss, 0
                net = self.network
                self.best_epoch = self.epoch - 1  # the epoch just finished, as numbered in ``history``
                self._best_params = ([w.copy() for w in net.weights], [b.copy() for b in net.biases])
            else:
                self._bad_epochs += 1
                if self._bad_epochs >= self.settings.patience:
                    self.stop_reason = Message("early_stopping", (self._bad_epochs,))
                    self._restore_best()

    def _restore_best(self) -> None:
        """Early stopping ends on the best epoch's weights (Keras' restore_best_weights), not on the last ones."""
        if self._best_params is None:
            return
        weights, biases = self._best_params
        for w, best in zip(self.network.weights, weights, strict=True):
            w[...] = best  # in place: views of the parameters stay valid
        for b, best in zip(self.network.biases, biases, strict=True):
            b[...] = best
        self.restored_epoch = self.best_epoch

    # --------------------------------------------------------------- snapshots
    def snapshot(self) -> dict[str, Any]:
        """Everything a step can change, so that step back restores it exactly."""
        return {
            "network": self.network.state(),
            "optimizer": self.optimizer.state_dict(),
            "rng": self.rng.bit_generator.state,
            "dropout_rng": self.dropout_rng.bit_generator.state,
            "epoch": self.epoch,
            "steps": self.steps,
            "losses": self.step_losses.mark(),
            "history": self.history.mark(),
            "stop_reason": self.stop_reason,
            "best": (self._best_val, self._bad_epochs),
            "best_params": (self.best_epoch, self.restored_epoch, self._best_params),
            "first_loss": self._first_loss,
            "epoch_sums": self._epoch_sums,
            "order": self._order,
            "cursor": self._cursor,
        }

    def restore(self, snap: dict[str, Any]) -> None:
        self.network.restore(snap["network"])
        self.optimizer.load_state_dict(snap["optimizer"])
        self.rng.bit_generator.state = snap["rng"]
        self.dropout_rng.bit_generator.state = snap["dropout_rng"]
        self.epoch, self.steps = snap["epoch"], snap["steps"]
        self.step_losses.truncate(snap["losses"])
        self.history.truncate(snap["history"])
        self.stop_reason = snap["stop_reason"]
        self._best_val, self._bad_epochs = snap["best"]
        self.best_epoch, self.restored_epoch, self._best_params = snap["best_params"]
        self._first_loss = snap["first_loss"]
        self._epoch_sums = snap["epoch_sums"]
        self._order, self._cursor = snap["order"], snap["cursor"]
        self._generation = getattr(self, "_generation", 0) + 1  # the histories were cut back: copies are stale

    # ------------------------------------------------ undo of training, rebuilding
    def checkpoint(self) -> dict[str, Any]:
        """:meth:`snapshot` plus copies of the loss and epoch histories and of the optimizer.

        What undo of a training run needs: a snapshot only marks where the histories
        ended (step back cuts them back there); a checkpoint holds them whole, so that
        redo can bring back the losses a run added.  A full history is a few MB, so
        consecutive checkpoints share one copy while the histories are unchanged: they
        only grow with ``steps`` and ``epoch``, and anything that cuts them back
        (:meth:`restore`, :meth:`restore_checkpoint`, :meth:`restart`) starts a new generation.
        """
        snap = self.snapshot()
        key = (getattr(self, "_generation", 0), id(self.step_losses), id(self.history), self.steps, self.epoch)
        cached = getattr(self, "_copies", None)
        if cached is None or cached[0] != key:
            cached = (key, copy.deepcopy(self.step_losses), copy.deepcopy(self.history))
            self._copies = cached
        snap["step_losses_copy"], snap["history_copy"] = cached[1], cached[2]  # never changed: shared
        snap["optimizer_copy"] = copy.deepcopy(self.optimizer)  # its kind and hyperparameters too
        return snap

    def restore_checkpoint(self, snap: dict[str, Any]) -> None:
        """Become exactly the trainer :meth:`checkpoint` saw (parameters, optimizer, counters, histories)."""
        self.restore(snap)
        # Copies again: the live histories grow in place, the checkpoint's must not.
        self.step_losses = copy.deepcopy(snap["step_losses_copy"])
        self.history = copy.deepcopy(snap["history_copy"])
        self.optimizer = copy.deepcopy(snap["optimizer_copy"])

    def redeal(self) -> None:
        """A new batch order after a change of batch size, shuffling or seed; training carries on.

        Steps, epoch, histories, optimizer state, the divergence reference and the
        early-stopping count all stay; the epoch under way starts again on the new
        order (its partial sums are dropped with the batches they came from).
        """
        self.rng = np.random.default_rng(self.settings.seed)
        self.dropout_rng = np.random.default_rng([self.settings.seed, 1])
        self._order = self._new_order()
        self._cursor = 0
        self._epoch_sums = (0.0, 0.0, 0)
        self._full = None

    def restart(self, dataset: Dataset | None = None) -> None:
        """Training from the start (on ``dataset`` if given): counters, histories and optimizer fresh.

        The observers stay: they watch this trainer, whatever it trains.
        """
        observers, generation = self.observers, getattr(self, "_generation", 0)
        Trainer.__init__(self, self.network, dataset if dataset is not None else self.dataset, self.settings)
        self.observers, self._generation = observers, generation + 1

    def switch_optimizer(self, name: str) -> None:
        """Use optimizer ``name`` from now on, keeping the hyperparameters it shares with the old one.

        Raises ValueError/TypeError (nothing changed) if the optimizer refuses the settings.
        """
        hyper = optimizer_hyper(name, self.settings.hyper)
        self.optimizer = optimizer_from(self.settings, self.epoch, name=name, hyper=hyper)
        self.settings.optimizer, self.settings.hyper = name, hyper


def optimizer_hyper(name: str, hyper: dict[str, Any]) -> dict[str, Any]:
    """The entries of ``hyper`` that optimizer ``name`` has (a file's sgd momentum means nothing to adam)."""
    known = OPTIMIZERS[name].defaults if name in OPTIMIZERS else {}
    return {k: v for k, v in hyper.items() if k in known}


def optimizer_from(
    settings: TrainingSettings, epoch: int = 0, name: str | None = None, hyper: dict[str, Any] | None = None
) -> Optimizer:
    """The optimizer ``settings`` describe (or ``name`` with ``hyper``), at epoch ``epoch``'s scheduled rate."""
    return make_optimizer(
        settings.optimizer if name is None else name,
        lr=settings.lr_at(epoch),
        weight_decay=settings.weight_decay,
        l1=settings.l1,
        **(settings.hyper if hyper is None else hyper),
    )
