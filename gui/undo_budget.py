"""The undo history in bounded memory: the oldest entries go once the history's estimated size passes a budget.

A training entry holds two trainer checkpoints (parameters, optimizer state and
copies of the loss and epoch histories: ~3 MB after a long run), so an evening
of Play, Epoch and edits grew without bound.  After every push the session asks
:meth:`UndoBudget.trim`: the history's size is estimated (:func:`estimate`, the
bytes of every numpy array and Python number a command holds, each shared
object counted once) and, while it is above :data:`UNDO_BUDGET`, the oldest
entries are dropped (the newest always stays, so the last action can be undone).

Qt can drop the oldest commands only through an undo limit, which may only be
set on an empty stack.  So the kept commands are re-pushed into the emptied
stack as *replicas*: instances of a subclass of their own class that carry the
same attributes (the same states, the same session), whose first redo does
nothing (the document is already there) and which never merge with each other
while they are put back.  The clean point (the saved state) moves with them or,
if it was among the dropped entries, is forgotten, as QUndoStack does itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from gui.safety import total

if TYPE_CHECKING:
    from gui.session import Session

#: The estimated size the undo history may reach before its oldest entries are dropped.
UNDO_BUDGET = 200 * 1024 * 1024
#: Attributes that refer to the application, not to the entry's own data.
_NOT_DATA = frozenset({"session", "edit", "window"})
_SCALAR_BYTES = 32  # a Python int/float/bool object and its slot


def estimate(value: Any, seen: set[int]) -> int:  # noqa: ANN401 - any state a command keeps
    """Bytes held by ``value`` (arrays, numbers, strings, containers, plain objects), skipping ids in ``seen``."""
    if id(value) in seen or value is None or isinstance(value, (QObject, type)) or callable(value):
        return 0
    seen.add(id(value))
    if isinstance(value, np.ndarray):
        return int(value.nbytes) if value.base is None or id(value.base) not in seen else 0
    if isinstance(value, (int, float, bool, complex, np.generic)):
        return _SCALAR_BYTES
    if isinstance(value, (str, bytes)):
        return len(value) + 50
    if isinstance(value, dict):
        return 64 + sum(estimate(k, seen) + estimate(v, seen) for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return 56 + 8 * len(value) + sum(estimate(v, seen) for v in value)
    fields = getattr(value, "__dict__", None)
    if isinstance(fields, dict):
        return 64 + sum(estimate(v, seen) for k, v in fields.items() if k not in _NOT_DATA)
    slots = getattr(type(value), "__slots__", ())
    return 64 + sum(estimate(getattr(value, s, None), seen) for s in slots)


def command_bytes(commands: list[QUndoCommand]) -> list[int]:
    """The estimated bytes of each command, oldest first; data shared between commands counts for the newest."""
    seen: set[int] = set()
    sizes = [256 + sum(estimate(v, seen) for k, v in vars(c).items() if k not in _NOT_DATA) for c in reversed(commands)]
    return sizes[::-1]


_REPLICAS: dict[type, type] = {}


def replica_class(cls: type) -> type:
    """A subclass of a command class whose instances can be put back on a stack without acting again."""
    cls = getattr(cls, "_replica_of", cls)
    if cls not in _REPLICAS:

        class Replica(cls):  # type: ignore[valid-type, misc]
            _replica_of = cls

            @total
            def redo(self) -> None:
                if self.__dict__.get("_putting_back"):
                    return  # the document already is in the state this entry leads to
                cls.redo(self)

            @total(-1)
            def id(self) -> int:  # noqa: A003 - Qt's name
                return -1 if self.__dict__.get("_putting_back") else cls.id(self)

        Replica.__name__ = Replica.__qualname__ = f"{cls.__name__}Replica"
        _REPLICAS[cls] = Replica
    return _REPLICAS[cls]


def replica(command: QUndoCommand) -> QUndoCommand:
    """A new command of the same kind, text and attributes as ``command`` (which the stack is about to delete)."""
    cls = replica_class(type(command))
    new = cls.__new__(cls)
    QUndoCommand.__init__(new, command.text())
    new.__dict__.update(vars(command))
    new._putting_back = True
    return new


class UndoBudget:
    """Keeps ``session.undo_stack`` under ``budget`` estimated bytes by dropping its oldest entries."""

    def __init__(self, session: Session, budget: int = UNDO_BUDGET) -> None:
        self.session = session
        self.budget = budget
        self.dropped = 0  # entries dropped so far (for tests and the curious)

    @property
    def stack(self) -> QUndoStack:
        return self.session.undo_stack

    def commands(self) -> list[QUndoCommand]:
        return [self.stack.command(i) for i in range(self.stack.count())]

    def size(self) -> int:
        """The estimated bytes of the whole undo history."""
        return sum(command_bytes(self.commands()))

    def trim(self) -> int:
        """Drop the oldest entries while the history is above the budget; returns how many went.

        Only right after a push (no redo tail, no macro open): then the kept entries are exactly the undo history.
        """
        stack = self.stack
        if stack.count() <= 1 or stack.index() != stack.count():
            return 0
        commands = self.commands()
        sizes = command_bytes(commands)
        total_bytes, drop = sum(sizes), 0
        while total_bytes > self.budget and drop < len(commands) - 1:
            total_bytes -= sizes[drop]
            drop += 1
        if drop:
            self._put_back(commands, drop)
            self.dropped += drop
        return drop

    def _put_back(self, commands: list[QUndoCommand], drop: int) -> None:
        stack, session = self.stack, self.session
        clean = stack.cleanIndex() - drop  # where the saved state is among the kept entries (<0: dropped)
        kept = [replica(c) for c in commands[drop:]]
        by_old = {id(old): new for old, new in zip(commands[drop:], kept, strict=True)}
        # The session's own references (the open Play run, the last hand-stepped update) follow their entries.
        session._run = by_old.get(id(session._run))  # noqa: SLF001 - the session owns this helper
        session._step_command = by_old.get(id(session._step_command))  # noqa: SLF001
        stack.clear()
        for i, command in enumerate(kept):
            if i == clean:
                stack.setClean()
            stack.push(command)
        if clean == len(kept):
            stack.setClean()
        elif clean < 0:
            stack.resetClean()  # the saved state was dropped: no entry leads back to it
        for command in kept:
            command._putting_back = False
