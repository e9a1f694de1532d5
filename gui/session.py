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

import copy
import dataclasses
from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

import model
from gui import model_text
from gui.commands import TrainingCommand
from gui.undo_budget import UndoBudget
from model.network import NetworkError
from model.stepper import Stepper, StepView

Array = np.ndarray

#: Fields of TrainingSettings the window edits (the training panel checks the values).
SETTING_FIELDS = (
    "optimizer",
    "lr",
    "batch_size",
    "weight_decay",
    "l1",
    "seed",
    "shuffle",
    "schedule",
    "patience",
    "dropout",
)


class Session(QObject):
    """The open document, its trainer and stepper, and the undo stack."""

    structure_changed = Signal()
    values_changed = Signal()
    settings_changed = Signal()
    document_replaced = Signal()
    message = Signal(str)
    training_stopped = Signal(str)
    training_rewound = Signal()

    def __init__(self, doc: model.Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_budget = UndoBudget(self)  # the oldest entries go beyond ~200 MB (gui/undo_budget.py)
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
        self._run: TrainingCommand | None = None  # the open Play run (the top of the undo stack)
        self._step_command: TrainingCommand | None = None  # the last hand-stepped update, for step back

    def load_document(self, doc: model.Document) -> None:
        """Replace everything with ``doc``; the undo history starts afresh."""
        self._run = self._step_command = None  # clear() deletes the commands
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
        return self.stepper.rows()

    def view(self) -> StepView:
        """What the network display shows: the step under way, or the live forward pass on the scope."""
        if self.stepper.view is not None:
            return self.stepper.view
        if self._live is None:
            self._live = self.stepper.preview()
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
        self.trainer.stop_reason = None  # the user changed something: let them try again
        if structure if reset_optimizer is None else reset_optimizer:
            self.trainer.optimizer.reset()
        self._refresh(structure)

    def _refresh(self, structure: bool = False) -> None:
        """The step under way is stale; views rebuild (``structure``) or re-read."""
        self._step_command = None
        self.stepper.forget()
        self._live = None
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
            self.message.emit(model_text.message(exc))
            return False
        self._changed(structure=True)
        return True

    def set_setting(self, name: str, value: Any) -> bool:
        """Change one training setting; False (with a message) if the optimizer refuses it.

        Training goes on where it was: the loss history, the epoch, the learning-rate
        schedule's position and the divergence and early-stopping bookkeeping are kept.
        Only a new optimizer starts with fresh state (momentum, Adam's moments); a new
        batch size, shuffle or seed re-deals the batches (Trainer.redeal).
        """
        if name not in SETTING_FIELDS:
            raise KeyError(name)
        settings, trainer = self.settings, self.trainer
        if name == "optimizer":
            try:
                trainer.switch_optimizer(value)
            except (TypeError, ValueError) as exc:
                self.message.emit(model_text.message(exc))
                return False
        else:
            setattr(settings, name, value)
            if name in ("batch_size", "shuffle", "seed"):
                trainer.redeal()
            elif name in ("weight_decay", "l1"):
                setattr(trainer.optimizer, name, float(value))
        trainer.optimizer.lr = settings.lr_at(trainer.epoch)  # lr and schedule changes apply at once
        self.settings_changed.emit()
        self._changed()
        return True

    def adopt(self, state: dict[str, Any], settings: model.TrainingSettings) -> None:
        """Become the network ``state`` with training ``settings`` (the runs lab's "use this run", and its undo).

        The settings are copied into the document's own (the trainer holds that object); training
        restarts, since the adopted weights came from another run's history.
        """
        self.network.restore(state)
        for f in dataclasses.fields(settings):
            setattr(self.settings, f.name, copy.deepcopy(getattr(settings, f.name)))
        self.trainer.restart()
        self.settings_changed.emit()
        self._changed(structure=True, reset_optimizer=True)

    def set_dataset(self, dataset: model.Dataset) -> None:
        """Replace the data; the input and output layers follow its width and training starts afresh."""
        self.document.dataset = dataset
        net = self.network
        if (dataset.n_inputs, dataset.n_outputs) != (net.sizes[0], net.sizes[-1]):
            net.resize_io(dataset.n_inputs, dataset.n_outputs)
        if self.scope is not None and self.scope >= dataset.n:
            self.scope = None
            self.stepper.sample = None
        self.trainer.restart(dataset)
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
        if not ok and self.trainer.stop_reason:
            self.training_stopped.emit(model_text.message(self.trainer.stop_reason))
        self.values_changed.emit()
        return ok

    def _record(self, before: dict[str, Any], open_run: bool = False) -> TrainingCommand | None:
        """Push what training did since ``before`` (a checkpoint) as one undo entry; None if it took no step."""
        if self.trainer.steps == before["steps"]:
            return None
        command = TrainingCommand(self, before, None if open_run else self.trainer.checkpoint())
        stack = self.undo_stack
        stack.push(command)  # its first redo does nothing: the training has happened
        if self.undo_budget.trim():
            command = stack.command(stack.count() - 1)  # put back as a replica: the same entry, a new object
        return command

    def close_run(self) -> None:
        """Finish the open Play run's undo entry (before another command, an undo, or a pause)."""
        run, self._run = self._run, None
        if run is not None:
            run.close(self.trainer.checkpoint())
            self._retitle()

    def _retitle(self) -> None:
        """The open run's text grew ("train 17 steps" -> "train 283 steps"): the Undo action follows.

        QUndoStack announces its undo text only when its index moves, not when the top
        command's text changes, so the session announces it for the stack it owns.
        """
        stack = self.undo_stack
        stack.undoTextChanged.emit(stack.undoText())

    def step_forward(self) -> bool:
        updating = self.stepper.next_phase.kind == "update"
        before = self.trainer.checkpoint() if updating else None
        ok = self.stepper.forward_step()
        if before is not None and ok:
            self._step_command = self._record(before)
        return self._after_training(ok)

    def step_back(self) -> bool:
        steps = self.trainer.steps
        ok = self.stepper.back_step()
        if ok and self.trainer.steps < steps:
            self._drop_step_command()
        return self._after_training(ok)

    def _drop_step_command(self) -> None:
        """Step back across an update took it back already: its undo entry goes too (nothing to redo)."""
        command, self._step_command = self._step_command, None
        stack = self.undo_stack
        if command is not None and stack.index() == stack.count() and stack.command(stack.index() - 1) is command:
            command.setObsolete(True)  # QUndoStack.undo() then drops it without calling its undo()
            stack.undo()

    def finish_step(self) -> bool:
        before = self.trainer.checkpoint()
        ok = self.stepper.finish_step()
        self._step_command = self._record(before)
        return self._after_training(ok)

    def train_epoch(self) -> bool:
        self.stepper.forget()
        before = self.trainer.checkpoint()
        ok = self.trainer.train_epoch()
        self._record(before)
        return self._after_training(ok)

    def start_run(self) -> None:
        """Play starts: a stopped trainer (or one a breakpoint holds) may try again; a step under way is dropped."""
        self.clear_stop()
        self.stepper.forget()
        self._live = None

    def train_for(self, seconds: float, max_steps: int = 1_000_000, redraw: bool = True) -> int:
        """Train for a time budget or a number of steps (a chunk of Play); returns the steps taken.

        The chunk joins the open run's undo entry (or opens one).  With ``redraw`` the views
        re-read once; a stop says why and emits ``training_stopped`` (Play pauses, and
        :meth:`end_run` redraws once).
        """
        if self.stepper.view is not None:
            self.stepper.forget()
        if max_steps <= 0:
            return 0
        before = None if self._run is not None else self.trainer.checkpoint()
        done = self.trainer.train_for(seconds, max_steps)
        self._live = None
        if before is not None:
            self._run = self._record(before, open_run=True)
        elif self._run is not None:
            self._run.update_text(self.trainer.steps)
            if redraw:
                self._retitle()
        reason = self.trainer.stop_reason
        if reason:
            self.message.emit(model_text.message(reason))
            self.training_stopped.emit(model_text.message(reason))
            if self._run is not None:  # nobody paused: no Play is running
                self.end_run()
        elif redraw:
            self.values_changed.emit()
        return done

    def end_run(self) -> None:
        """Play paused: the run so far becomes one finished undo entry, and the views redraw once."""
        self.close_run()
        self._live = None
        self.values_changed.emit()

    def clear_stop(self) -> None:
        """Allow training again after a stop (the user changed something) or a breakpoint's pause."""
        self.trainer.stop_reason = None
        self.trainer.pause_requested = False

    def restore_checkpoint(self, checkpoint: dict[str, Any]) -> None:
        """Become the training state ``checkpoint`` holds (undo and redo of training, Reset, Re-randomise)."""
        net = self.network
        shape = (list(net.sizes), list(net.activations), list(net.bias), net.loss)
        self.trainer.restore_checkpoint(checkpoint)
        self._refresh(structure=shape != (net.sizes, net.activations, net.bias, net.loss))
        self.training_rewound.emit()

    def renew_weights(self, how: str) -> None:
        """Weights only, and training from the start: ``how`` is "reset" or "randomize".

        Reset returns to the weights the document was opened with wherever a layer's
        shape is unchanged (fresh seeded ones elsewhere); Re-randomise draws from the
        next seed.  Structure, data and settings stay.
        """
        net = self.network
        if how == "reset":
            net.reset_parameters(self.initial_state)
        else:
            net.reinitialise(net.seed + 1)
        self.trainer.restart()
        self._changed()
