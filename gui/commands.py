"""Undo commands: each one only calls Session mutators (one direction per path)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

import model
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

    def id(self) -> int:  # noqa: A003 - Qt's name
        return _MERGE_PARAMETER if self.nudge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, SetParameterCommand) or other.key != self.key or not other.nudge:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.session.set_parameter(*self.key, self.new)

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

    def redo(self) -> None:
        if self.after is None:
            if not self.session.edit_network(self.edit):
                self.failed = True
                self.setObsolete(True)  # nothing happened: keep it off the stack
                return
            self.after = self.session.network.state()
        else:
            self.session.restore_network(self.after)

    def undo(self) -> None:
        self.session.restore_network(self.before)


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

    def redo(self) -> None:
        if not self.session.set_setting(self.name, self.new):
            self.failed = True
            self.setObsolete(True)  # refused (the session said why): keep it off the stack

    def undo(self) -> None:
        self.session.settings.hyper = dict(self.old_hyper)
        self.session.set_setting(self.name, self.old)


class SetDatasetCommand(QUndoCommand):
    """Replace the data set (and with it, perhaps, the input/output layers)."""

    def __init__(self, session: Session, dataset: model.Dataset, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.old_data = session.dataset.copy()
        self.old_net = session.network.state()
        self.new_data = dataset
        self.new_net: dict[str, Any] | None = None

    def redo(self) -> None:
        self.session.set_dataset(self.new_data.copy())
        if self.new_net is None:
            self.new_net = self.session.network.state()
        else:
            self.session.restore_network(self.new_net)

    def undo(self) -> None:
        self.session.set_dataset(self.old_data.copy())
        self.session.restore_network(self.old_net)


def push(session: Session, command: QUndoCommand) -> bool:
    """Push a command; False if it refused to run (its message was already shown)."""
    session.undo_stack.push(command)
    return not getattr(command, "failed", False)
