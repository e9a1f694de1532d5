"""Play: trains in time-boxed chunks on the GUI thread and redraws at most at display rate.

Per QT_NOTES: a full-batch XOR step costs ~30 µs, so a QTimer tick trains
for a few milliseconds and then, if a frame is due, emits one ``frame``
signal; never one signal per step.  Edits made while playing run between
ticks, so they apply between steps.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

from .session import Session

#: Steps per second for each speed setting; None = as fast as possible.
SPEEDS: tuple[int | None, ...] = (1, 4, 15, 60, 250, 1000, None)
TRAIN_BUDGET_S = 0.006  # per tick at full speed (4-8 ms keeps frames on time)
FRAME_INTERVAL_S = 1.0 / 60.0


class TrainingController(QObject):
    """Runs training while playing; emits ``frame`` when the views should redraw."""

    frame = Signal()
    playing_changed = Signal(bool)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.speed_index = len(SPEEDS) - 1
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._last_frame = 0.0
        self._owed = 0.0  # fractional steps carried between ticks at slow speeds
        self._last_tick = 0.0
        self.frames = 0
        session.training_stopped.connect(lambda _reason: self.pause())

    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    def set_speed(self, index: int) -> None:
        self.speed_index = max(0, min(len(SPEEDS) - 1, index))
        if self.playing:
            self._timer.setInterval(self._interval())

    def _interval(self) -> int:
        speed = SPEEDS[self.speed_index]
        return 0 if speed is None or speed >= 60 else int(1000 / speed)

    def play(self) -> None:
        if self.playing:
            return
        self.session.clear_stop()
        self.session.stepper.forget()
        self._last_tick = time.perf_counter()
        self._owed = 0.0
        self._timer.start(self._interval())
        self.playing_changed.emit(True)

    def pause(self) -> None:
        if not self.playing:
            return
        self._timer.stop()
        self.playing_changed.emit(False)
        self.session.values_changed.emit()  # final full-quality redraw
        self.frame.emit()

    def toggle(self) -> None:
        self.pause() if self.playing else self.play()

    def _tick(self) -> None:
        now = time.perf_counter()
        speed = SPEEDS[self.speed_index]
        session = self.session
        if speed is None:
            session.train_for(TRAIN_BUDGET_S)
        else:
            self._owed += speed * (now - self._last_tick)
            n = int(self._owed)
            self._owed -= n
            session.train_for(TRAIN_BUDGET_S, max_steps=n)
        self._last_tick = now
        if now - self._last_frame >= FRAME_INTERVAL_S or not self.playing:
            self._last_frame = now
            self.frames += 1
            self.frame.emit()
