"""Play: trains in time-boxed chunks on the GUI thread and redraws at most at display rate.

Per QT_NOTES: a full-batch XOR step costs ~30 µs, so a QTimer tick trains
for a few milliseconds and then, if a frame is due, has the session announce
one ``values_changed``; never one signal per step.  The controller emits no
change signal of its own: only the Session does.  Edits made while playing run between
ticks, so they apply between steps.  When the window takes long to draw a
frame, a tick trains correspondingly longer (``TRAIN_SHARE``), so a slow
window costs frame rate rather than training speed.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

from gui.session import Session

#: Steps per second for each speed setting; None = as fast as possible.
SPEEDS: tuple[int | None, ...] = (1, 4, 15, 60, 250, 1000, None)
TRAIN_BUDGET_S = 0.006  # per tick at full speed (4-8 ms keeps frames on time)
#: At full speed training gets at least this share of Play's time: a tick also trains for
#: TRAIN_SHARE / (1 - TRAIN_SHARE) times as long as the window took since the previous chunk
#: (refreshing and painting the last frame).  On a slow machine or with a big network frames then
#: come less often instead of training crawling; a fast window keeps TRAIN_BUDGET_S and 60 Hz.
TRAIN_SHARE = 0.6
#: ... but a tick never trains longer than this, so that clicks and keys are still handled promptly.
MAX_TRAIN_BUDGET_S = 0.1
FRAME_INTERVAL_S = 1.0 / 60.0
#: While playing, the text panels (inspector, sample table) refresh at most this often: numbers
#: changing 60 times a second cannot be read, and re-laying out text is most of a frame's cost.
#: They catch up at once on pause.  (benchmarks/gui.py measures the difference.)
SLOW_PANEL_INTERVAL_S = 0.1


class TrainingController(QObject):
    """Runs training while playing; ``frames`` counts the redraws it asked the session for."""

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
        self._trained_until = 0.0  # when the last chunk of training ended (0: not since play())
        self.frames = 0
        session.training_stopped.connect(self._on_session_training_stopped)
        session.training_rewound.connect(self.pause)  # Ctrl+Z while playing: show what undo restored

    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    def set_speed(self, index: int) -> None:
        self.speed_index = max(0, min(len(SPEEDS) - 1, index))
        if self.playing:
            self._timer.setInterval(self._interval())

    def _interval(self) -> int:
        speed = SPEEDS[self.speed_index]
        if speed is None:
            return 0  # full speed: train back to back, time-boxed per tick
        # Fast finite speeds tick once a frame (the owed steps accumulate), never busy-spin.
        return int(1000 * FRAME_INTERVAL_S) if speed >= 60 else int(1000 / speed)

    def play(self) -> None:
        if self.playing:
            return
        self.session.start_run()
        self._last_tick = time.perf_counter()
        self._owed = 0.0
        self._trained_until = 0.0
        self._timer.start(self._interval())
        self.playing_changed.emit(True)

    def pause(self) -> None:
        if not self.playing:
            return
        self._timer.stop()
        self.playing_changed.emit(False)  # views leave their fast mode first ...
        self.session.end_run()  # ... then the run becomes one undo entry and they redraw once, at full quality

    def _on_session_training_stopped(self, _reason: str) -> None:
        self.pause()

    def toggle(self) -> None:
        self.pause() if self.playing else self.play()

    def _tick(self) -> None:
        now = time.perf_counter()
        speed = SPEEDS[self.speed_index]
        session = self.session
        due = now - self._last_frame >= FRAME_INTERVAL_S
        if due:
            self._last_frame = now
            self.frames += 1
        if speed is None:
            drawing = now - self._trained_until if self._trained_until else 0.0
            budget = max(TRAIN_BUDGET_S, drawing * TRAIN_SHARE / (1.0 - TRAIN_SHARE))
            session.train_for(min(budget, MAX_TRAIN_BUDGET_S), redraw=due)
        else:
            self._owed += speed * (now - self._last_tick)
            n = int(self._owed)
            self._owed -= n
            session.train_for(TRAIN_BUDGET_S, max_steps=n, redraw=due)
        self._last_tick = now
        self._trained_until = time.perf_counter()


class PlayThrottle:
    """Lets a slow panel refresh at most every SLOW_PANEL_INTERVAL_S while playing.

    The panel asks ``hold()`` before a refresh, calls ``refreshed()`` after one and
    forwards ``set_playing``; pausing returns True when a held-back refresh is owed,
    so the panel shows exact numbers again the moment Play stops.
    """

    def __init__(self) -> None:
        self.playing = False
        self.stale = False  # values changed since the last refresh
        self._last = 0.0

    def hold(self) -> bool:
        """True (and remembered) if a refresh asked for now should wait."""
        if self.playing and time.perf_counter() - self._last < SLOW_PANEL_INTERVAL_S:
            self.stale = True
            return True
        return False

    def refreshed(self) -> None:
        self.stale = False
        self._last = time.perf_counter()

    def set_playing(self, on: bool) -> bool:
        """Follow Play; True when pausing owes the panel an exact refresh."""
        self.playing = on
        return not on and self.stale
