"""Undo commands: each one only calls Session mutators (one direction per path)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

import model
from gui.safety import total

if TYPE_CHECKING:  # the session builds TrainingCommands itself: a runtime import would be circular
    from gui.session import Session

_MERGE_PARAMETER = 1


def setting_name(name: str) -> str:
    """A training setting's name for undo texts ("change learning rate"), in the interface's language."""
    names = {
        "optimizer": QCoreApplication.translate("commands", "optimizer"),
        "lr": QCoreApplication.translate("commands", "learning rate"),
        "batch_size": QCoreApplication.translate("commands", "batch size"),
        "weight_decay": QCoreApplication.translate("commands", "L2 weight decay"),
        "l1": QCoreApplication.translate("commands", "L1"),
        "seed": QCoreApplication.translate("commands", "seed"),
        "shuffle": QCoreApplication.translate("commands", "shuffling"),
        "schedule": QCoreApplication.translate("commands", "learning rate schedule"),
        "patience": QCoreApplication.translate("commands", "early stop patience"),
        "dropout": QCoreApplication.translate("commands", "dropout"),
    }
    return names.get(name, name)


class SetParameterCommand(QUndoCommand):
    """Set one weight or bias; consecutive nudges of the same value merge into one step."""

    def __init__(self, session: Session, kind: str, k: int, i: int, j: int, value: float, nudge: bool = False) -> None:
        super().__init__()
        self.session = session
        self.key = (kind, k, i, j)
        self.old = session.parameter(kind, k, i, j)
        self.old_bias_flag = session.network.bias[k]
        self.new = float(value)
        self.nudge = nudge
        if kind == "W":
            self.setText(QCoreApplication.translate("commands", "set a weight"))
        else:
            self.setText(QCoreApplication.translate("commands", "set a bias"))

    @total(-1)
    def id(self) -> int:  # noqa: A003 - Qt's name
        return _MERGE_PARAMETER if self.nudge else -1

    @total(False)
    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, SetParameterCommand) or other.key != self.key or not other.nudge:
            return False
        self.new = other.new
        return True

    @total
    def redo(self) -> None:
        self.session.set_parameter(*self.key, self.new)

    @total
    def undo(self) -> None:
        kind, k, i, j = self.key
        self.session.set_parameter(kind, k, i, j, self.old)
        if kind == "b" and not self.old_bias_flag:
            self.session.set_bias_enabled(k, False)


class NetworkEditCommand(QUndoCommand):
    """Any edit of the network, undone by restoring the exact state from before it.

    ``edit`` is a function of the Network (e.g. add a neuron, set an
    activation); it runs once through Session.edit_network, which refuses it
    with a message if the network says no.  Redo after undo restores the
    exact state the first run produced, so freshly initialised weights come
    back identical.
    """

    def __init__(self, session: Session, text: str, edit: Callable[[model.Network], None]) -> None:
        super().__init__(text)
        self.session = session
        self.edit = edit
        self.before: dict[str, Any] = session.network.state()
        self.after: dict[str, Any] | None = None
        self.failed = False

    @total
    def redo(self) -> None:
        if self.after is None:
            if not self.session.edit_network(self.edit):
                self.failed = True
                self.setObsolete(True)  # nothing happened: keep it off the stack
                return
            self.after = self.session.network.state()
        else:
            self.session.restore_network(self.after)

    @total
    def undo(self) -> None:
        self.session.restore_network(self.before)


#: Settings whose change loses training state (optimizer state, batch order): undo brings it back.
_RESTARTING_SETTINGS = ("optimizer", "batch_size", "shuffle", "seed")


class SetSettingCommand(QUndoCommand):
    """Change one training setting (optimizer, learning rate, batch size ...)."""

    def __init__(self, session: Session, name: str, value: Any) -> None:
        super().__init__(QCoreApplication.translate("commands", "change %1").replace("%1", setting_name(name)))
        self.session = session
        self.name = name
        self.old = getattr(session.settings, name)
        self.old_hyper = dict(session.settings.hyper)  # a new optimizer drops hyperparameters it lacks
        self.new = value
        self.failed = False
        # A new optimizer starts without momentum, a new batch order mid-epoch: undo restores the trainer exactly.
        self.old_training = session.trainer.checkpoint() if name in _RESTARTING_SETTINGS else None

    @total
    def redo(self) -> None:
        if not self.session.set_setting(self.name, self.new):
            self.failed = True
            self.setObsolete(True)  # refused (the session said why): keep it off the stack

    @total
    def undo(self) -> None:
        self.session.settings.hyper = dict(self.old_hyper)
        self.session.set_setting(self.name, self.old)
        if self.old_training is not None:
            self.session.restore_checkpoint(self.old_training)


class SetDatasetCommand(QUndoCommand):
    """Replace the data set (and with it, perhaps, the input/output layers); training starts afresh.

    The trainer's checkpoints (which hold the network too) make undo and redo
    exact: counters, loss history and optimizer state come back with the data.
    """

    def __init__(self, session: Session, dataset: model.Dataset, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.old_data = session.dataset.copy()
        self.old_training = session.trainer.checkpoint()
        self.new_data = dataset
        self.new_training: dict[str, Any] | None = None

    @total
    def redo(self) -> None:
        self.session.set_dataset(self.new_data.copy())
        if self.new_training is None:
            self.new_training = self.session.trainer.checkpoint()
        else:
            self.session.restore_checkpoint(self.new_training)

    @total
    def undo(self) -> None:
        self.session.set_dataset(self.old_data.copy())
        self.session.restore_checkpoint(self.old_training)


def train_text(steps: int) -> str:
    """The undo text of a training run of ``steps`` updates, in the interface's language."""
    if steps == 1:
        return QCoreApplication.translate("commands", "train 1 step")
    return QCoreApplication.translate("commands", "train %1 steps").replace("%1", str(steps))


class TrainingCommand(QUndoCommand):
    """Training (or Reset, Re-randomise): the weights and the whole training state changed together.

    ``before`` and ``after`` are trainer checkpoints (``Trainer.checkpoint``): parameters, optimizer
    state, step and epoch counters, the schedule's position, batch order and the loss
    and epoch histories.  Undo and redo restore them exactly.

    A training command is pushed after its training has happened, so its first
    redo does nothing.  A Play run is pushed *open* (``after`` None) with its first
    steps; :meth:`close` (the session's close_run) or its first undo takes ``after``.
    """

    def __init__(self, session: Session, before: dict[str, Any], after: dict[str, Any] | None) -> None:
        super().__init__()
        self.session = session
        self.before = before
        self.after = after
        self._pushed = False
        self.update_text(after["steps"] if after is not None else session.trainer.steps)

    def update_text(self, steps: int) -> None:
        """The text for a run that has reached ``steps`` updates (an open run grows)."""
        self.setText(train_text(steps - self.before["steps"]))

    def close(self, after: dict[str, Any]) -> None:
        self.after = after
        self.update_text(after["steps"])

    @total
    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # pushed after the fact: the training has happened
            return
        assert self.after is not None  # undo closed it
        self.session.restore_checkpoint(self.after)

    @total
    def undo(self) -> None:
        if self.after is None:
            self.session.close_run()  # Ctrl+Z while playing: the run so far is what is undone
        self.session.restore_checkpoint(self.before)


class RenewWeightsCommand(QUndoCommand):
    """Reset (``how`` "reset") or Re-randomise ("randomize") the weights; training starts afresh.

    Only parameters and training state change (structure, data and settings stay),
    so checkpoints of the trainer undo and redo it exactly.
    """

    def __init__(self, session: Session, how: str) -> None:
        if how == "reset":
            text = QCoreApplication.translate("commands", "reset the weights")
        else:
            text = QCoreApplication.translate("commands", "re-randomise the weights")
        super().__init__(text)
        self.session = session
        self.how = how
        self.before = session.trainer.checkpoint()
        self.after: dict[str, Any] | None = None

    @total
    def redo(self) -> None:
        if self.after is None:
            self.session.renew_weights(self.how)
            self.after = self.session.trainer.checkpoint()
        else:
            self.session.restore_checkpoint(self.after)

    @total
    def undo(self) -> None:
        self.session.restore_checkpoint(self.before)


def push(session: Session, command: QUndoCommand) -> bool:
    """Push a command; False if it refused to run (its message was already shown).

    A Play run still going on becomes its own finished undo entry first, so the edit
    lands after it (and undoing the edit does not undo the training).
    """
    session.close_run()
    session.undo_stack.push(command)
    ok = not getattr(command, "failed", False)
    session.undo_budget.trim()  # may replace the commands on the stack by replicas (gui/undo_budget.py)
    return ok
