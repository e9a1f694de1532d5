"""The session: the one document being edited and trained, and its events.

Every mutation of the network, the data or the settings goes through a
method here (called by undo commands), and every change is announced by a
signal so that views re-read what they show:

* ``structure_changed``: layers or neurons were added/removed, or a new
  document was loaded: views rebuild their items.
* ``values_changed``: parameters, activations, phase or training progress
  changed: views recolour and relabel only.
* ``settings_changed``: optimizer, learning rate, batch size, scope ...
* ``message(str)``: one sentence for the status bar (errors included).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

import model
from gui import model_text
from model.network import NetworkError
from model.optimizers import OPTIMIZERS, make_optimizer
from model.stepper import Phase, Stepper, StepView

Array = np.ndarray

#: Fields of TrainingSettings the window edits (the training panel checks the values).
SETTING_FIELDS = ("optimizer", "lr", "batch_size", "weight_decay", "l1", "seed", "shuffle", "schedule", "patience")


class Session(QObject):
    """The open document, its trainer and stepper, and the undo stack."""

    structure_changed = Signal()
    values_changed = Signal()
    settings_changed = Signal()
    document_replaced = Signal()
    message = Signal(str)
    training_stopped = Signal(str)

    def __init__(self, doc: model.Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.scope: int | None = None  # None = the mini-batch; else one dataset row
        self.detailed = False
        self._live: StepView | None = None
        self._set_document(doc)

    # ------------------------------------------------------------ documents
    def _set_document(self, doc: model.Document) -> None:
        self.document = doc
        self.initial_state = doc.network.state()  # "reset to the same start"
        if self.scope is not None and self.scope >= doc.dataset.n:
            self.scope = None
        self.trainer = model.Trainer(doc.network, doc.dataset, doc.training)
        self.stepper = Stepper(self.trainer, sample=self.scope, detailed=self.detailed)
        self._live = None

    def load_document(self, doc: model.Document) -> None:
        """Replace everything with ``doc``; the undo history starts afresh."""
        self.undo_stack.clear()
        self._set_document(doc)
        self.document_replaced.emit()
        self.structure_changed.emit()
        self.settings_changed.emit()

    # ------------------------------------------------------------ read side
    @property
    def network(self) -> model.Network:
        return self.document.network

    @property
    def dataset(self) -> model.Dataset:
        return self.document.dataset

    @property
    def settings(self) -> model.TrainingSettings:
        return self.document.training

    @property
    def phase(self) -> str:
        """The stepping phase as a short string: ready, forward 1, loss, delta 2, gradient 2, update."""
        return str(self.stepper.phase)

    @property
    def steps(self) -> int:
        """Updates applied so far."""
        return self.trainer.steps

    @property
    def stepping(self) -> bool:
        return self.stepper.view is not None

    def scope_indices(self) -> Array:
        """Dataset rows (n,) the next step works on."""
        if self.scope is not None:
            return np.array([self.scope])
        return self.trainer.peek_batch()

    def view(self) -> StepView:
        """What the network display shows: the step under way, or the live forward pass on the scope."""
        if self.stepper.view is not None:
            return self.stepper.view
        if self._live is None:
            net, data = self.network, self.dataset
            idx = self.scope_indices()
            if len(idx) == 0:
                idx = np.arange(min(1, data.n))
            X = data.X[idx]
            fwd = net.forward(X)
            self._live = StepView(
                phase=Phase(),
                indices=idx,
                X=X,
                T=net.targets(data.Y[idx]),
                z=fwd.z,
                a=fwd.a,
                weights_before=tuple(w.copy() for w in net.weights),
                biases_before=tuple(b.copy() for b in net.biases),
            )
        return self._live

    @property
    def forward(self) -> model.ForwardRecord | None:
        """The latest complete forward record for the scope (None while a layer is half done)."""
        return self.view().forward_record()

    @property
    def gradients(self) -> model.GradientRecord | None:
        """The gradients of the step under way once its backward pass is complete, else None."""
        return self.view().gradient_record()

    # ------------------------------------------------------------- mutation
    def _changed(self, structure: bool = False, reset_optimizer: bool | None = None) -> None:
        """After any edit: the step under way is stale (its numbers came from other weights).

        ``structure``: views rebuild their items.  The optimizer's state (momentum, Adam's
        moments) is dropped with structural edits unless ``reset_optimizer`` says otherwise.
        """
        self.stepper.forget()
        self.trainer.stop_reason = None  # the user changed something: let them try again
        self._live = None
        if structure if reset_optimizer is None else reset_optimizer:
            self.trainer.optimizer.reset()
        if structure:
            self.structure_changed.emit()
        self.values_changed.emit()

    def set_parameter(self, kind: str, k: int, i: int, j: int, value: float) -> None:
        """Set weight (k, i, j) (kind "W") or the bias of node j of layer k+1 (kind "b", i ignored).

        Giving a value to a bias of a layer without bias turns that layer's bias on.
        """
        turned_on = False
        if kind == "W":
            self.network.weights[k][i, j] = value
        else:
            if not self.network.bias[k]:
                self.network.set_bias_enabled(k, True)
                turned_on = True
            self.network.biases[k][j] = value
        # A bias switched on relabels the layer header: the structure path, optimizer state kept.
        self._changed(structure=turned_on, reset_optimizer=False)

    def set_bias_enabled(self, k: int, enabled: bool) -> None:
        """Turn layer k+1's bias on or off (off zeroes it)."""
        self.network.set_bias_enabled(k, enabled)
        self._changed(structure=True, reset_optimizer=False)

    def parameter(self, kind: str, k: int, i: int, j: int) -> float:
        return float(self.network.weights[k][i, j] if kind == "W" else self.network.biases[k][j])

    def restore_network(self, state: dict[str, Any]) -> None:
        """Become the network ``state`` (undo of structure edits, reset, re-randomise)."""
        resized = state["sizes"] != self.network.sizes
        self.network.restore(state)
        # Headers relabel either way (activations or bias flags may differ); the optimizer's
        # state survives only when every parameter keeps its shape.
        self._changed(structure=True, reset_optimizer=resized)

    def edit_network(self, edit: Callable[[model.Network], None]) -> bool:
        """Apply a structural edit; on refusal say why and change nothing."""
        before = self.network.state()
        try:
            edit(self.network)
        except NetworkError as exc:
            self.network.restore(before)
            self.message.emit(model_text.message(str(exc)))
            return False
        self._changed(structure=True)
        return True

    def set_setting(self, name: str, value: Any) -> bool:
        """Change one training setting; False (with a message) if the optimizer refuses it.

        Training goes on where it was: the loss history, the epoch and the learning-rate
        schedule's position are kept.  Only a new optimizer starts with fresh state
        (momentum, Adam's moments); a new batch size, shuffle or seed re-deals the batches.
        """
        if name not in SETTING_FIELDS:
            raise KeyError(name)
        settings, trainer = self.settings, self.trainer
        optimizer = None
        if name == "optimizer":
            # Keep only the hyperparameters the new optimizer has (a file's sgd momentum means nothing to adam).
            known = OPTIMIZERS[value].defaults
            hyper = {k: v for k, v in settings.hyper.items() if k in known}
            try:
                optimizer = make_optimizer(
                    value,
                    lr=settings.lr_at(trainer.epoch),
                    weight_decay=settings.weight_decay,
                    l1=settings.l1,
                    **hyper,
                )
            except (TypeError, ValueError) as exc:
                self.message.emit(str(exc))
                return False
            settings.hyper = hyper
        setattr(settings, name, value)
        if optimizer is not None:
            trainer.optimizer = optimizer
        elif name in ("batch_size", "shuffle", "seed"):
            self._rebuild_trainer()
        elif name in ("weight_decay", "l1"):
            setattr(trainer.optimizer, name, float(value))
        trainer = self.trainer
        trainer.optimizer.lr = settings.lr_at(trainer.epoch)  # lr and schedule changes apply at once
        self.settings_changed.emit()
        self._changed()
        return True

    def restart_training(self) -> None:
        """A fresh trainer (steps, epochs, loss history, optimizer state) for the current network."""
        self._rebuild_trainer(keep_history=False)
        self._live = None
        self.values_changed.emit()

    def _rebuild_trainer(self, keep_history: bool = True) -> None:
        """A new trainer (new batch order); with ``keep_history`` it carries on the old one's
        counters, losses and optimizer (state and scheduled learning rate included)."""
        old = self.trainer
        self.trainer = model.Trainer(self.network, self.dataset, self.settings)
        if keep_history:
            self.trainer.steps = old.steps
            self.trainer.epoch = old.epoch
            self.trainer.step_losses = old.step_losses
            self.trainer.history = old.history
            self.trainer.optimizer = old.optimizer
        self.stepper = Stepper(self.trainer, sample=self.scope, detailed=self.detailed)

    def set_dataset(self, dataset: model.Dataset) -> None:
        """Replace the data; the input and output layers follow its width."""
        self.document.dataset = dataset
        net = self.network
        resized = (dataset.n_inputs, dataset.n_outputs) != (net.sizes[0], net.sizes[-1])
        if resized:
            net.resize_io(dataset.n_inputs, dataset.n_outputs)
        if self.scope is not None and self.scope >= dataset.n:
            self.scope = None
        self._rebuild_trainer(keep_history=False)
        self._changed(structure=True)
        self.document_replaced.emit()

    def set_scope(self, sample: int | None) -> None:
        """Step on one dataset row (``sample``) or on the mini-batch (None)."""
        self.scope = sample
        self.stepper.forget()
        self.stepper.sample = sample
        self._live = None
        self.settings_changed.emit()
        self.values_changed.emit()

    def set_detailed(self, on: bool) -> None:
        self.detailed = on
        self.stepper.detailed = on
        self.stepper.forget()
        self._live = None
        self.values_changed.emit()

    # ------------------------------------------------------------- training
    def _after_training(self, ok: bool) -> bool:
        self._live = None
        # A step that went through may still carry a warning (a diverging loss while stepping by hand).
        reason = self.stepper.message or ("" if ok else self.trainer.stop_reason or "")
        if reason:
            self.message.emit(model_text.message(reason))
        if not ok:
            if self.trainer.stop_reason:
                self.training_stopped.emit(self.trainer.stop_reason)
        self.values_changed.emit()
        return ok

    def step_forward(self) -> bool:
        return self._after_training(self.stepper.forward_step())

    def step_back(self) -> bool:
        return self._after_training(self.stepper.back_step())

    def finish_step(self) -> bool:
        return self._after_training(self.stepper.finish_step())

    def train_epoch(self) -> bool:
        self.stepper.forget()
        return self._after_training(self.trainer.train_epoch())

    def train_for(self, seconds: float, max_steps: int = 1_000_000) -> int:
        """Train for a time budget or a number of steps (Play); the caller redraws.  Returns steps taken."""
        if self.stepper.view is not None:
            self.stepper.forget()
        done = self.trainer.train_for(seconds, max_steps) if max_steps > 0 else 0
        self._live = None
        if self.trainer.stop_reason:
            self.message.emit(model_text.message(self.trainer.stop_reason))
            self.training_stopped.emit(self.trainer.stop_reason)
        return done

    def clear_stop(self) -> None:
        """Allow training again after a stop (the user changed something) or a breakpoint's pause."""
        self.trainer.stop_reason = None
        self.trainer.pause_requested = False
