"""Backprop Playground's window (Qt).  ``gui.MainWindow(doc=None)`` is the scripting entry point."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .main_window import MainWindow

__all__ = ["MainWindow"]


def __getattr__(name: str) -> Any:
    # Lazy, so importing gui.something light does not build the whole window module.
    if name == "MainWindow":
        from .main_window import MainWindow

        return MainWindow
    raise AttributeError(name)
