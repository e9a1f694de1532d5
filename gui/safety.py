"""Keep Qt virtual overrides total: no Python exception may leave ``paint``, ``resizeEvent``, ``event``, ``data`` ...

An exception escaping an override goes through shiboken's error path, which
crashed PySide6 6.11.2 outright (a painter's IndexError became a segfault on
the next resize, QT_NOTES.md).  Every override in ``gui/`` is therefore
decorated::

    @total                        # returns None on an error (paint, mousePressEvent, ...)
    def paint(self, painter, option, widget=None): ...

    @total(False)                 # returns this value instead (event, eventFilter, setData ...)
    def eventFilter(self, obj, event): ...

An exception is reported through ``sys.excepthook`` (printed with its
traceback, or recorded by pytest-qt so a test still fails) and logged, then
swallowed: the application carries on with the override's harmless default.
``tests/gui/test_safety.py`` checks that every override in ``gui/`` carries
the guard.
"""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from typing import Any, TypeVar, overload

F = TypeVar("F", bound=Callable[..., Any])

log = logging.getLogger("backprop.gui")

#: Marks a guarded function (for the test that every override has the guard).
MARK = "__total__"


def report(where: str) -> None:
    """Report the exception being handled, as an uncaught one would be, without letting it reach Qt."""
    kind, value, tb = sys.exc_info()
    if kind is None or value is None:
        return
    log.error("exception in Qt override %s", where, exc_info=(kind, value, tb))
    try:
        sys.excepthook(kind, value, tb)
    except Exception:  # noqa: BLE001 - a broken hook must not undo the guard
        pass


def _guard(fn: F, default: Any) -> F:
    where = getattr(fn, "__qualname__", repr(fn))

    @functools.wraps(fn)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except Exception:  # noqa: BLE001 - the whole point: nothing leaves a Qt override
            report(where)
            return default() if callable(default) else default

    setattr(guarded, MARK, True)
    return guarded  # type: ignore[return-value]


@overload
def total(fn: F) -> F: ...
@overload
def total(default: Any = None) -> Callable[[F], F]: ...


def total(fn: Any = None, default: Any = None) -> Any:
    """Guard a Qt override.  ``@total`` returns None on an error; ``@total(value)`` returns ``value``.

    A callable ``value`` (e.g. ``QSize``) is called for a fresh default each time.
    """
    if callable(fn) and not isinstance(fn, type):
        return _guard(fn, default)
    value = fn if fn is not None else default
    return lambda f: _guard(f, value)
