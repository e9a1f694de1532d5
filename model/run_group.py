"""One group of runs that share shapes and settings, trained as one stacked computation.

See :mod:`model.runs` for the set of runs; a :class:`RunGroup` holds the runs
whose structure, batch size and optimizer agree.  Parameters carry a leading
run axis: weights (K, m_in, m_out), biases (K, 1, m_out), for the K_active
runs still training (a run that stops leaves the stacked arrays; its parameters
are kept in ``frozen``).  Positions (0..K-1) index the group's runs; rows of the
stacked arrays index ``active`` positions.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from .dataset import TRAIN, VALIDATION, Dataset
from .losses import values
from .network import layer_forward
from .optimizers import full_hyper, regularised, rule
from .run_pass import Workspace, dropout_keep, train_pass, workspace
from .run_specs import RunSpec
from .run_status import Stop, Track
from .trainer import DIVERGED_FACTOR, DIVERGED_FLOOR, DIVERGED_LOSS

Array = np.ndarray

STEP_NAMES = ("loss",)
EPOCH_NAMES = ("loss", "val_loss", "accuracy", "val_accuracy", "lr")
_add_reduce = np.add.reduce


def group_key(spec: RunSpec) -> tuple[Any, ...]:
    """Runs with equal keys can share one stacked computation (lr, weight decay and L1 may differ)."""
    net, s = spec.network, spec.settings
    hyper = tuple(sorted((k, repr(v)) for k, v in s.hyper.items()))
    return (
        tuple(net.sizes),
        tuple(net.activations),
        net.loss,
        tuple(net.bias),
        s.batch_size,
        s.shuffle,
        s.seed,
        s.optimizer,
        hyper,
        s.schedule,
        tuple(sorted(s.schedule_params.items())),
        s.patience,
    )


class RunGroup:
    """Runs ``members`` (indices into the set) that train as one stacked computation."""

    def __init__(
        self,
        members: list[int],
        specs: Sequence[RunSpec],
        dataset: Dataset,
        max_points: int,
        max_checkpoints: int,
        grad_norms: bool = False,
    ) -> None:
        first = specs[members[0]]
        self.members = np.array(members)
        self.specs = [specs[i] for i in members]
        self.net0, self.settings = first.network, first.settings  # the shared structure and settings
        self.dataset = dataset
        k = len(members)
        self.active = np.arange(k)  # positions (into members) still training
        self.W = [np.stack([s.network.weights[j] for s in self.specs]) for j in range(self.net0.n_layers)]
        self.b = [np.stack([s.network.biases[j] for s in self.specs])[:, None, :] for j in range(self.net0.n_layers)]
        self.state: dict[tuple[str, int], dict[str, Any]] = {}
        self.rule = rule(self.settings.optimizer)
        self.hyper = full_hyper(self.settings.optimizer, self.settings.hyper)
        if "betas" in self.hyper:
            self.hyper["betas"] = tuple(float(b) for b in self.hyper["betas"])  # as make_optimizer does
        self.lr = np.array([s.settings.lr for s in self.specs])[:, None, None]
        self.wd = np.array([s.settings.weight_decay for s in self.specs])[:, None, None]
        self.l1 = np.array([s.settings.l1 for s in self.specs])[:, None, None]
        # Dropout as the Trainer applies it: rate p (K,) on every hidden layer, masks from their own stream.
        self.dropout = np.array([s.settings.dropout if self.net0.n_layers > 1 else 0.0 for s in self.specs])
        self.dropout_rng = np.random.default_rng([self.settings.seed, 1])
        self._drops = bool(self.dropout.any())
        self._ws: Workspace | None = None  # the step's reused arrays (model.run_pass.Workspace)
        self._regularisation = self._regularisation_args()
        #: The trainable parameters in the Optimizer's order: every weight, biases of layers that have one.
        self.slots = [
            (kind, j) for j in range(self.net0.n_layers) for kind in ("W", "b") if kind == "W" or self.net0.bias[j]
        ]
        self.t = 0  # optimizer steps of the active runs (they all step together)
        self.steps = np.zeros(k, dtype=np.int64)
        self.epochs_done = np.zeros(k, dtype=np.int64)
        self.epoch = 0
        self.stops: list[Stop | None] = [None] * k
        #: stopped runs' parameters, and (with patience) each run's best epoch's, by position
        self.frozen: dict[int, tuple[list[Array], list[Array]]] = {}
        self.best_params: dict[int, tuple[list[Array], list[Array]]] = {}
        # Per active run, as the Trainer keeps them: first loss seen, epoch sums, early-stopping counters.
        self.first_loss = np.full(k, np.nan)
        self._nan, self._zeros = np.full(k, np.nan), np.zeros(k)  # read-only templates for the epoch's records
        self._nan.flags.writeable = False
        self._first_set = False
        self.loss_sum, self.correct = np.zeros(k), np.zeros(k)
        self.seen = 0
        self.best_val, self.bad_epochs = np.full(k, np.inf), np.zeros(k, dtype=np.int64)
        # The Trainer's batch order: the same generator, seeded and consumed the same way.
        self.rng = np.random.default_rng(self.settings.seed)
        self.train_idx = dataset.indices(TRAIN)
        self.has_validation = bool(np.any(dataset.split == VALIDATION))
        self.threshold = 0.0 if dataset.n and dataset.Y.min() < 0 else 0.5
        self.order = self._new_order()
        self.cursor = 0
        self.full: tuple[Array, Array] | None = None
        self.steps_track = Track(k, STEP_NAMES, max_points)
        self.epochs_track = Track(k, EPOCH_NAMES, max_points)
        #: With ``grad_norms``: per epoch and layer j, the mean over the epoch's steps of ‖∂L/∂W_j‖ (Frobenius, of
        #: the loss alone, before weight decay and L1), names "layer1".."layerL"; the sums of the epoch so far.
        self.grads_track = Track(k, grad_names(self.net0.n_layers), max_points) if grad_norms else None
        self.grad_sum = np.zeros((k, self.net0.n_layers))
        self.grad_steps = 0
        self.classification = dataset.kind == "classification"
        self.max_checkpoints, self.ckpt_every = max_checkpoints, 1
        #: (epoch, active positions, stacked weights, stacked biases) on a grid of every ckpt_every epochs
        self.checkpoints: list[tuple[int, Array, list[Array], list[Array]]] = []
        self._checkpoint()

    # ---------------------------------------------------------------- batches
    @property
    def batch_size(self) -> int:
        n, b = len(self.train_idx), self.settings.batch_size
        return n if b <= 0 or b >= n else b

    def _new_order(self) -> Array:
        if self.settings.shuffle and 0 < self.settings.batch_size < len(self.train_idx):
            return self.rng.permutation(self.train_idx)
        return self.train_idx

    def peek_batch(self) -> Array:
        """Row indices (b,) of the next mini-batch (the same as the Trainer's)."""
        return self.order[self.cursor : self.cursor + self.batch_size]

    def _batch(self, idx: Array) -> tuple[Array, Array]:
        if len(idx) == len(self.train_idx):
            if self.full is None:
                self.full = (self.dataset.X[self.train_idx], self.net0.targets(self.dataset.Y[self.train_idx]))
            return self.full
        return self.dataset.X[idx], self.net0.targets(self.dataset.Y[idx])

    # ----------------------------------------------------------------- passes
    def _forward(self, X: Array) -> tuple[list[Array], list[Array]]:
        """z and a per layer, (K_active, n, m) (layer 0: X itself, shared by every run)."""
        zs, as_ = [X], [X]
        a = X
        for j, name in enumerate(self.net0.activations):
            z, a = layer_forward(self.W[j], self.b[j] if self.net0.bias[j] else None, name, a)
            zs.append(z)
            as_.append(a)
        return zs, as_

    def _correct(self, output: Array, targets: Array) -> Array:
        """Samples classified right per active run (K_active,), by the Trainer's rule."""
        # add.reduce counts booleans as integers, without count_nonzero's Python wrapper.
        right: Array
        if targets.shape[1] > 1:
            right = _add_reduce(output.argmax(axis=-1) == targets.argmax(axis=-1), axis=-1)
        else:
            right = _add_reduce((output > self.threshold) == (targets > self.threshold), axis=(-2, -1))
        return right

    def _diverged(self, loss: Array) -> Array | None:
        """The Trainer's divergence rule per active run: (K_active,) bool, or None if none diverged.

        Records each run's first finite loss, the reference of the rule.
        """
        if self._first_set and loss.max() <= DIVERGED_FLOOR:  # NaN fails the test: the full rule runs then
            return None
        unset = np.isnan(self.first_loss) & np.isfinite(loss)
        self.first_loss[unset] = loss[unset]
        self._first_set = not np.isnan(self.first_loss).any()
        ref = np.where(np.isnan(self.first_loss), np.inf, self.first_loss)
        with np.errstate(invalid="ignore", over="ignore"):
            too_large = (loss > DIVERGED_FLOOR) & (loss > DIVERGED_FACTOR * ref)
            bad: Array = ~np.isfinite(loss) | (loss > DIVERGED_LOSS) | too_large
        return bad if bad.any() else None

    def _retire(self, rows: Array, codes: Sequence[str], values: Array) -> None:
        """Stop the active runs ``rows`` (bool over active) with their current parameters kept aside."""
        for r in np.flatnonzero(rows):
            pos = int(self.active[r])
            self.stops[pos] = Stop(str(codes[int(r)]), int(self.steps[pos]), self.epoch, float(values[r]))
            if codes[int(r)] == "early_stopping" and pos in self.best_params:
                self.frozen[pos] = self.best_params.pop(pos)  # as the Trainer: back to the best epoch's weights
            else:
                self.frozen[pos] = ([w[r].copy() for w in self.W], [b[r, 0].copy() for b in self.b])
        keep = ~rows
        self.active = self.active[keep]
        self.W = [w[keep] for w in self.W]
        self.b = [b[keep] for b in self.b]
        self.state = _select_state(self.state, keep)
        per_run = ("lr", "wd", "l1", "dropout", "first_loss", "loss_sum", "correct", "best_val", "bad_epochs")
        for name in (*per_run, "grad_sum"):
            setattr(self, name, getattr(self, name)[keep])
        self._regularisation = self._regularisation_args()
        self._drops = bool(self.dropout.any())

    def _regularisation_args(self) -> tuple[Any, Any]:
        """(weight decay, L1) for the rule: 0.0 when no active run has any (skips the work, as the Trainer does)."""
        return (self.wd if self.wd.any() else 0.0), (self.l1 if self.l1.any() else 0.0)

    def _rows(self) -> Array | slice:
        """The history rows of the active runs: a slice while all train (cheaper than fancy indexing)."""
        return self.active if len(self.active) < len(self.members) else slice(None)

    # ------------------------------------------------------------------ steps
    def step(self) -> bool:
        """One step of every active run on the next mini-batch (the Trainer's train_step). False once none trains."""
        if not len(self.active) or not len(self.train_idx):
            return False
        idx = self.peek_batch()
        X, T = self._batch(idx)
        net = self.net0
        t = self.t + 1
        new_W: list[Array] = []
        new_b: list[Array] = []
        new_state: dict[tuple[str, int], dict[str, Any]] = {}
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            ws = self._ws = workspace(self._ws, len(self.active), len(X), net.sizes, self._drops)
            keep = dropout_keep(self.dropout_rng, self.dropout, net.sizes, len(X), ws) if self._drops else None
            loss, output, dW, db = train_pass(self.W, self.b, net.bias, net.activations, net.loss, X, T, keep, ws)
            correct = self._correct(output, T) if self.classification else None
            norms = None if self.grads_track is None else _norms(dW)
            wd, l1 = self._regularisation
            for kind, j in self.slots:
                p, g = (self.W[j], dW[j]) if kind == "W" else (self.b[j], db[j][:, None, :])
                value, new_state[(kind, j)] = self.rule(
                    p, regularised(p, g, wd, l1), self.state.get((kind, j), {}), t, self.lr, **self.hyper
                )
                (new_W if kind == "W" else new_b).append(value)
                if kind == "W" and not net.bias[j]:
                    new_b.append(self.b[j])  # never updated: stays zero, as the Trainer leaves it
            # One sum is finite only if every element of every run is: the per-run check runs only when it is not.
            total = 0.0
            for v in new_W + new_b:
                total += _add_reduce(v, axis=None)
        # As the Trainer: a diverged loss stops a run before its update, a non-finite update is refused.
        diverged = self._diverged(loss)
        if diverged is not None or not math.isfinite(total):
            if diverged is None:
                diverged = np.zeros(len(loss), dtype=bool)
            with np.errstate(over="ignore", invalid="ignore"):
                per_run = sum(_add_reduce(v.reshape(len(v), -1), axis=1) for v in new_W + new_b)
            refused = ~np.isfinite(per_run) & ~diverged
            ok = ~(diverged | refused)
            codes = np.where(diverged, "diverged", "non_finite")
            self._retire(~ok, list(codes), np.where(diverged, loss, np.nan))  # with their parameters before the step
            new_W, new_b = [w[ok] for w in new_W], [b[ok] for b in new_b]
            new_state = _select_state(new_state, ok)
            loss = loss[ok]
            correct = None if correct is None else correct[ok]
            norms = None if norms is None else norms[ok]
            if not len(self.active):
                return False
        self.W, self.b, self.state, self.t = new_W, new_b, new_state, t
        self.steps[self._rows()] += 1
        self.steps_track.append(self._rows(), loss=loss)
        n = len(idx)
        self.loss_sum += loss * n
        if correct is not None:
            self.correct += correct
        self.seen += n
        if norms is not None:
            self.grad_sum += norms
            self.grad_steps += 1
        self.cursor += self.batch_size
        if self.cursor >= len(self.order):
            self._end_epoch()
        return bool(len(self.active))

    def _evaluate(self, part: int) -> tuple[Array, Array]:
        """(loss, accuracy) per active run (K_active,) on one part of the split, as Trainer.evaluate."""
        X, Y = self.dataset.part(part)
        k = len(self.active)
        if len(X) == 0:
            return np.full(k, np.nan), np.full(k, np.nan)
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            zs, as_ = self._forward(X)
            t = self.net0.targets(Y)
            loss = values(self.net0.loss, zs[-1], as_[-1], t)
            if not self.classification:
                return loss, np.full(k, np.nan)
            out = as_[-1]
            if t.shape[1] > 1:
                right = np.count_nonzero(out.argmax(axis=-1) == t.argmax(axis=-1), axis=-1)
            else:
                thr = 0.0 if t.min() < 0 else 0.5  # trainer.accuracy's threshold: from these targets
                right = np.count_nonzero((out > thr) == (t > thr), axis=(-2, -1))
        return loss, right / len(t)

    def _end_epoch(self) -> None:
        """The Trainer's _end_epoch for every active run."""
        k = len(self.active)
        nan = self._nan[:k]
        loss = self.loss_sum / self.seen if self.seen else nan
        acc = self.correct / self.seen if self.seen and self.classification else nan
        self.loss_sum, self.correct, self.seen = self._zeros[:k].copy(), self._zeros[:k].copy(), 0
        val_loss, val_acc = self._evaluate(VALIDATION) if self.has_validation else (nan, nan)
        self.epochs_track.append(
            self._rows(), loss=loss, val_loss=val_loss, accuracy=acc, val_accuracy=val_acc, lr=self.lr[:, 0, 0]
        )
        if self.grads_track is not None:
            mean = self.grad_sum / max(1, self.grad_steps)
            self.grads_track.append(self._rows(), **{f"layer{j + 1}": mean[:, j] for j in range(mean.shape[1])})
            self.grad_sum, self.grad_steps = np.zeros_like(self.grad_sum), 0
        self.epoch += 1
        self.epochs_done[self._rows()] += 1
        if self.settings.schedule != "constant":
            self.lr = np.array([self.specs[p].settings.lr_at(self.epoch) for p in self.active])[:, None, None]
        self.order = self._new_order()
        self.cursor = 0
        diverged = self._diverged(loss)
        early = None
        if self.settings.patience > 0:
            finite = np.isfinite(val_loss)
            better = finite & (val_loss < self.best_val)
            self.best_val = np.where(better, val_loss, self.best_val)
            self.bad_epochs = np.where(better, 0, self.bad_epochs + (finite & ~better))
            for r in np.flatnonzero(better):  # the best epoch's parameters, which early stopping ends on
                self.best_params[int(self.active[r])] = (
                    [w[r].copy() for w in self.W],
                    [b[r, 0].copy() for b in self.b],
                )
            early = finite & ~better & (self.bad_epochs >= self.settings.patience)
            early = early if early.any() else None
        if diverged is not None or early is not None:
            div = diverged if diverged is not None else np.zeros(k, dtype=bool)
            stop = div | (early if early is not None else div)
            codes = list(np.where(div, "diverged", "early_stopping"))
            self._retire(stop, codes, np.where(div, loss, self.bad_epochs))
        self._checkpoint()

    # ------------------------------------------------------------ parameters
    def params(self, pos: int) -> tuple[list[Array], list[Array]]:
        """Run ``pos``'s current weights and biases (copies, the Network's shapes)."""
        if pos in self.frozen:
            W, b = self.frozen[pos]
            return [w.copy() for w in W], [v.copy() for v in b]
        r = int(np.flatnonzero(self.active == pos)[0])
        return [w[r].copy() for w in self.W], [b[r, 0].copy() for b in self.b]

    def params_at(self, pos: int, epoch: int) -> tuple[int, list[Array], list[Array]]:
        """(the checkpoint's epoch, weights, biases) of run ``pos`` at the last checkpoint at or before ``epoch``."""
        at = [c for c in self.checkpoints if c[0] <= epoch] or self.checkpoints[:1]
        e, active, W, b = at[-1]
        rows = np.flatnonzero(active == pos)
        if not len(rows):  # stopped before this checkpoint: its parameters never changed after
            W_f, b_f = self.frozen[pos]
            return e, [w.copy() for w in W_f], [v.copy() for v in b_f]
        r = int(rows[0])
        return e, [w[r].copy() for w in W], [v[r, 0].copy() for v in b]

    def _checkpoint(self) -> None:
        """Keep the active runs' stacked parameters at this epoch if it is on the checkpoint grid (bounded count)."""
        if self.epoch % self.ckpt_every:
            return
        # The update rules return new arrays and never write into old ones, so references are copies enough.
        self.checkpoints.append((self.epoch, self.active, list(self.W), list(self.b)))
        if len(self.checkpoints) > self.max_checkpoints:
            self.checkpoints = self.checkpoints[::2]
            self.ckpt_every *= 2


def grad_names(n_layers: int) -> tuple[str, ...]:
    """The gradient-norm track's names: "layer1" .. "layerL" (layer l's incoming weights W_(l-1))."""
    return tuple(f"layer{j + 1}" for j in range(n_layers))


def _norms(dW: Sequence[Array]) -> Array:
    """‖∂L/∂W_j‖ per run and layer (K, L) from the stacked gradients dW[j] (K, m_j, m_j+1)."""
    return np.stack([np.sqrt(_add_reduce((d * d).reshape(len(d), -1), axis=1)) for d in dW], axis=1)


def _select_state(state: dict[tuple[str, int], dict[str, Any]], keep: Array) -> dict[tuple[str, int], dict[str, Any]]:
    return {pid: {k: v[keep] if isinstance(v, np.ndarray) else v for k, v in st.items()} for pid, st in state.items()}
