"""View → Unit health on the network: dead and saturated units and per-layer gradient norms, on the canvas.

The numbers are :func:`model.stats.training_set_stats` of the network on the
whole training set (the same pass and numbers as the "Inside the network"
panel): a ReLU unit is dead when it outputs 0 for every training sample, a
sigmoid/tanh unit saturated when f'(z) < 0.01 on every sample, and each layer's
‖∂L/∂W‖ is the norm of its gradient on the training set.  They are computed
only while the overlay is on, and while playing at most every
SLOW_PANEL_INTERVAL_S (:class:`~gui.controller.PlayThrottle`); on pause the
overlay catches up at once.  A lesson turns it on with ``view.flow.canvas``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from gui.canvas.health_item import HealthMarks
from gui.controller import PlayThrottle
from gui.window.actions import ActionSpec
from model import stats
from model.dataset import TRAIN

if TYPE_CHECKING:
    from gui.window.interface import WindowInterface


def marks_of(layers: tuple[stats.LayerStats, ...]) -> HealthMarks:
    """What the canvas draws from the per-layer statistics (layers 1..L)."""
    return HealthMarks(
        dead=tuple(layer.dead for layer in layers),
        saturated=tuple(layer.saturated for layer in layers),
        grad_norm=np.array([layer.grad_norm for layer in layers], dtype=np.float64),
    )


class CanvasHealth(QObject):
    """Keeps the canvas's health overlay (``scene.health``) up to date while the View action is checked."""

    def __init__(self, window: WindowInterface) -> None:
        super().__init__(window)  # type: ignore[arg-type]  # the window is a QMainWindow
        self.window = window
        self.session = window.session
        self.throttle = PlayThrottle()
        (self.action,) = window.window_actions.add(
            [
                ActionSpec(
                    "unit_health",
                    QT_TRANSLATE_NOOP("MainWindow", "Dead and saturated units on the network"),
                    QT_TRANSLATE_NOOP(
                        "MainWindow",
                        "Grey out dead ReLU units, ring saturated sigmoid/tanh units and write each layer's "
                        "gradient norm ‖∂L/∂W‖ above it",
                    ),
                    ("Shift+G",),
                    toggled=lambda _w, on: self._on_action_toggled(on),
                    checkable=True,
                    menu="view",
                )
            ]
        ).values()
        self.session.values_changed.connect(self.refresh)
        self.session.structure_changed.connect(self.refresh)
        window.controller.playing_changed.connect(self._on_controller_playing_changed)
        window.document_loaded.connect(self._on_window_document_loaded)
        self.apply_hints(self.session.document.view)

    @property
    def on(self) -> bool:
        return self.action.isChecked()

    def apply_hints(self, view: dict) -> None:
        """``view.flow.canvas`` of a lesson file: true turns the overlay on, false off; absent: as it was."""
        hints = view.get("flow")
        if isinstance(hints, dict) and isinstance(hints.get("canvas"), bool):
            self.action.setChecked(hints["canvas"])

    def _on_window_document_loaded(self, _path: object) -> None:
        self.apply_hints(self.session.document.view)

    def _on_action_toggled(self, on: bool) -> None:
        if on:
            self.throttle.stale = True
            self.refresh()
        else:
            self.window.network_view.scene().set_health(None)

    def _on_controller_playing_changed(self, playing: bool) -> None:
        if self.throttle.set_playing(playing):
            self.refresh()

    def refresh(self) -> None:
        """Recompute the marks if the overlay is on and not held back while playing."""
        if not self.on or self.throttle.hold():
            return
        self.throttle.refreshed()
        scene = self.window.network_view.scene()
        X, Y = self.session.dataset.part(TRAIN)
        if len(X) == 0:
            scene.set_health(None)
            return
        scene.set_health(marks_of(stats.training_set_stats(self.session.network, X, Y)))


def install(window: WindowInterface) -> CanvasHealth:
    return CanvasHealth(window)
