"""Lab ▸ the gradient lab's windows (note 003), opened from the window's Lab menu.

``install(window)`` declares the menu and its actions through the window's
action table (``window.window_actions``), like every other feature module.
Each window is made the first time it is asked for and kept, so a student
finds it as they left it; ``windows`` holds them by action name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtWidgets import QWidget

from gui.window.actions import ActionSpec, MenuSpec

if TYPE_CHECKING:
    from gui.window.interface import WindowInterface

CONTEXT = "GradientLab"
MENUS = (MenuSpec("lab", QT_TRANSLATE_NOOP("GradientLab", "&Lab")),)
#: Two-stroke keys: Ctrl+K, then the window's letter (Ctrl+L is taken by "add hidden layer").
LAB_KEY = "Ctrl+K"


class GradientLab(QObject):
    """Owns the lab windows of one main window."""

    def __init__(self, window: WindowInterface) -> None:
        super().__init__(window)  # type: ignore[arg-type]  # the window is a QMainWindow
        self.setObjectName("gradient_lab")
        self.window = window
        self.windows: dict[str, QWidget] = {}
        makers: dict[str, Callable[[], QWidget]] = {
            "lab_derivatives": self._make_derivatives,
            "lab_functions": self._make_functions,
            "lab_gradient_check": self._make_gradient_check,
            "lab_landscape": self._make_landscape,
        }
        self._makers = makers
        table = window.window_actions
        table.declare_menus(MENUS, CONTEXT)
        specs = [
            ActionSpec(
                "lab_derivatives",
                QT_TRANSLATE_NOOP("GradientLab", "Derivatives (1-D)…"),
                QT_TRANSLATE_NOOP("GradientLab", "Forward and central differences beside the exact derivative"),
                (f"{LAB_KEY}, D",),
                triggered=lambda _w: self.open("lab_derivatives"),
                menu="lab",
            ),
            ActionSpec(
                "lab_functions",
                QT_TRANSLATE_NOOP("GradientLab", "2-D function lab…"),
                QT_TRANSLATE_NOOP("GradientLab", "Gradient field and descent paths of six optimizers"),
                (f"{LAB_KEY}, F",),
                triggered=lambda _w: self.open("lab_functions"),
                menu="lab",
            ),
            ActionSpec(
                "lab_gradient_check",
                QT_TRANSLATE_NOOP("GradientLab", "Gradient check…"),
                QT_TRANSLATE_NOOP("GradientLab", "Backprop against finite differences for every parameter"),
                (f"{LAB_KEY}, G",),
                triggered=lambda _w: self.open("lab_gradient_check"),
                menu="lab",
                separator=True,
            ),
            ActionSpec(
                "lab_landscape",
                QT_TRANSLATE_NOOP("GradientLab", "Loss landscape…"),
                QT_TRANSLATE_NOOP("GradientLab", "The loss over two parameters, and along the gradient"),
                (f"{LAB_KEY}, L",),
                triggered=lambda _w: self.open("lab_landscape"),
                menu="lab",
            ),
        ]
        table.add(specs, CONTEXT)

    def open(self, name: str) -> QWidget:
        """Show (making it the first time) and raise the lab window of action ``name``."""
        win = self.windows.get(name)
        if win is None:
            win = self.windows[name] = self._makers[name]()
        win.show()
        win.raise_()
        win.activateWindow()
        return win

    def _make_derivatives(self) -> QWidget:
        from gui.lab.derivatives_panel import DerivativesPanel

        return DerivativesPanel(self.window)  # type: ignore[arg-type]

    def _make_functions(self) -> QWidget:
        from gui.lab.function_lab import FunctionLab

        return FunctionLab(self.window)  # type: ignore[arg-type]

    def _make_gradient_check(self) -> QWidget:
        from gui.lab.gradcheck_table import GradientCheckWindow

        return GradientCheckWindow(self.window.session, self.window)  # type: ignore[arg-type]

    def _make_landscape(self) -> QWidget:
        from gui.lab.landscape_view import LandscapeWindow

        return LandscapeWindow(self.window.session, self.window)  # type: ignore[arg-type]


def install(window: WindowInterface) -> GradientLab:
    return GradientLab(window)
