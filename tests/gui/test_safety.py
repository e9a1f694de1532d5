"""No Python exception may leave a Qt virtual override: each one carries gui.safety.total.

An exception escaping ``paint`` or ``resizeEvent`` went through shiboken's
error path and segfaulted PySide6 6.11.2 (QT_NOTES.md); the guard reports it
and returns a harmless default instead.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

import gui
from gui import safety


def gui_classes() -> list[type]:
    found: list[type] = []
    for info in pkgutil.walk_packages(gui.__path__, "gui."):
        module = importlib.import_module(info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__:
                found.append(cls)
    return found


def qt_overrides(cls: type) -> list[str]:
    """Names of the methods ``cls`` itself defines that a PySide6 base class also has (Qt calls these)."""
    qt_bases = [b for b in cls.__mro__[1:] if b.__module__.startswith(("PySide6", "shiboken6"))]
    names = []
    for name, member in vars(cls).items():
        if name.startswith("__") or not inspect.isfunction(member):
            continue
        if any(hasattr(b, name) for b in qt_bases):
            names.append(name)
    return names


def test_every_qt_override_in_gui_is_total() -> None:
    missing = [
        f"{cls.__module__}.{cls.__qualname__}.{name}"
        for cls in gui_classes()
        for name in qt_overrides(cls)
        if not getattr(vars(cls)[name], safety.MARK, False)
    ]
    assert missing == [], "Qt overrides without @total (gui/safety.py): " + ", ".join(missing)


def test_the_census_finds_the_overrides() -> None:
    """The check above must see real overrides, or it would pass on nothing."""
    every = {f"{cls.__qualname__}.{name}" for cls in gui_classes() for name in qt_overrides(cls)}
    assert {"NetworkView.resizeEvent", "EdgesItem.paint", "SampleModel.data"} <= every or len(every) > 20


def test_the_guard_reports_and_returns_the_default(qtbot, monkeypatch) -> None:  # noqa: ANN001
    seen: list[str] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, v, tb: seen.append(f"{t.__name__}: {v}"))

    class Broken(QWidget):
        painted = 0

        @safety.total
        def paintEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
            Broken.painted += 1
            raise IndexError("a weight of 1e308 overflowed an index")

        @safety.total(False)
        def event(self, event) -> bool:  # noqa: ANN001 - Qt's name
            if event.type() == event.Type.User:
                raise ValueError("bad event")
            return super().event(event)

        @safety.total(QSize)
        def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
            raise RuntimeError("no size")

    w = Broken()
    qtbot.addWidget(w)
    w.show()
    w.repaint()
    w.resize(300, 200)
    w.grab()
    assert Broken.painted >= 1
    assert w.sizeHint() == QSize()
    from PySide6.QtCore import QEvent

    assert w.event(QEvent(QEvent.Type.User)) is False
    assert any("IndexError" in s for s in seen) and any("ValueError" in s for s in seen)


@pytest.mark.parametrize("default", [None, False, 0])
def test_the_guard_passes_values_through(default) -> None:  # noqa: ANN001
    @safety.total(default)
    def f(x: int) -> int:
        return x * 2

    assert f(21) == 42 and getattr(f, safety.MARK)
