"""How fast the window is while playing, and how fast it starts.  Prints tables; asserts nothing.

    python benchmarks/gui.py                      # everything, about two minutes
    python benchmarks/gui.py --quick              # fewer frames, shorter runs
    python benchmarks/gui.py --only frames,throughput,startup --configs xor,spiral,deep
    python benchmarks/gui.py --profile deep       # cProfile of 60 redraws of one configuration

Three figures, each printed beside its target (see benchmarks/README.md):

1. One Play frame, for (a) XOR 2-4-1, (b) 2-8-8-1 and (c) 6 hidden layers of 32 on a
   500-point spiral, in the real MainWindow shown at 1600x1000: a chunk of training, then
   the session's ``values_changed``, every view's refresh and the painting, timed separately.
2. Training steps per second while playing (the real TrainingController and its QTimer,
   through the event loop) against a bare ``Trainer.train_step`` loop in the same run.
3. Time from process start to the main window's first complete paint, in fresh processes,
   against a bare QMainWindow holding one pg.PlotWidget measured the same way.
4. The loss plot's refresh and paint after 1,000,000 steps in the history, against the same
   plot after 1,000 steps, in the same run (the trainer's bounded history, model/history.py).

Qt renders offscreen (software rasterizer), as in CI.  Settings and autosaves go to a
temporary directory, so the user's own settings (language, presentation scale, recent
files) neither change the figures nor get changed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # ahead of benchmarks/, whose gui.py (this file) would shadow the gui package

WINDOW_SIZE = (1600, 1000)

# Targets from the performance issue.
TARGET_REDRAW_MS = {"xor": 8.0, "spiral": 8.0, "deep": 16.0}  # median redraw
TARGET_PLAY_SHARE = 0.7  # steps/s while playing / headless steps/s
TARGET_STARTUP_RATIO = 1.3  # app's first paint / bare pyqtgraph window's first paint
TARGET_LOSS_PLOT_MS = 2.0  # the loss plot's refresh and paint after 1,000,000 steps
LOSS_PLOT_STEPS = (1_000, 1_000_000)  # the reference, then the figure


# ------------------------------------------------------------------ configurations
@dataclass(frozen=True)
class Config:
    key: str
    label: str
    make: Callable[[], object]  # -> a fresh model.Document


def _xor_doc():  # noqa: ANN202 - model.Document (model is imported lazily)
    import model
    from model import datasets

    net = model.Network([2, 4, 1], ["tanh", "sigmoid"], loss="bce", seed=0)
    settings = model.TrainingSettings(optimizer="sgd", lr=0.5)
    return model.Document(net, datasets.truth_table("xor"), settings, title="benchmark: XOR")


def _spiral_doc(hidden: list[int], activation: str):  # noqa: ANN202
    import model
    from model import datasets

    net = model.Network([2, *hidden, 1], [activation] * len(hidden) + ["sigmoid"], loss="bce", seed=0)
    settings = model.TrainingSettings(optimizer="adam", lr=0.003, batch_size=0)  # full batch of 500
    return model.Document(net, datasets.spiral(n=500, noise=0.05, seed=0), settings, title="benchmark: spiral")


CONFIGS = (
    Config("xor", "(a) XOR 2-4-1", _xor_doc),
    Config("spiral", "(b) spiral 500, 2-8-8-1", lambda: _spiral_doc([8, 8], "tanh")),
    Config("deep", "(c) spiral 500, 6x32", lambda: _spiral_doc([32] * 6, "relu")),
)


def _percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100), interpolated like numpy's default."""
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100.0
    lo = int(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def _isolate_settings() -> str:
    """Point Qt's settings and data locations at a fresh temporary directory (inherited by children)."""
    home = tempfile.mkdtemp(prefix="bp-bench-")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        os.environ[name] = os.path.join(home, name.lower())
    return home


# ------------------------------------------------------------------ in-process window
def _application():  # noqa: ANN202 - QApplication
    from gui.app import make_application

    return make_application([sys.argv[0]])


def _open_window(doc):  # noqa: ANN001, ANN202 - model.Document -> MainWindow
    from gui.window.main_window import MainWindow

    app = _application()
    window = MainWindow(doc)
    window.resize(*WINDOW_SIZE)
    window.show()
    for _ in range(5):
        app.processEvents()
    window.select(("node", 1, 0))  # a student watching one neuron: the inspector has work to do
    app.processEvents()
    return window


def _close_window(window) -> None:  # noqa: ANN001
    app = _application()
    window.controller.pause()
    window.session.undo_stack.setClean()  # never ask about unsaved changes
    window.close()
    window.deleteLater()
    for _ in range(3):
        app.processEvents()


def _paint_counter():  # noqa: ANN202 - (filter, counts)
    """An application-wide event filter counting paint events (proof that a redraw really painted)."""
    from PySide6.QtCore import QEvent, QObject

    class PaintCounter(QObject):
        count = 0

        def eventFilter(self, obj, event) -> bool:  # noqa: ANN001, N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    counter = PaintCounter()
    _application().installEventFilter(counter)
    return counter


@dataclass
class FrameResult:
    train_ms: float  # median wall time of the training chunk (TRAIN_BUDGET_S)
    redraw_ms: float  # median wall time: values_changed, every view's refresh, painting
    redraw_p95_ms: float
    redraw_cpu_ms: float  # median CPU time of this process for the redraw: steady on a busy machine
    frame_ms: float  # median of train + redraw
    frame_p95_ms: float
    paints: float  # widget paint events per frame


def measure_frames(config: Config, frames: int, warmup: int = 10) -> FrameResult:
    """What TrainingController._tick does at full speed (train for TRAIN_BUDGET_S, emit ``values_changed``),
    then the event loop until the window has painted.  Play is on (antialiasing off, text panels
    throttled, as for a user) but the controller's own timer is blocked: only measured frames run."""
    from gui.controller import TRAIN_BUDGET_S

    app = _application()
    window = _open_window(config.make())
    controller, session = window.controller, window.session
    controller.play()
    controller._timer.blockSignals(True)
    counter = _paint_counter()
    train, redraw, redraw_cpu, whole = [], [], [], []
    try:
        for i in range(warmup + frames):
            t0 = time.perf_counter()
            session.train_for(TRAIN_BUDGET_S, redraw=False)
            t1, c1 = time.perf_counter(), time.process_time()
            session.values_changed.emit()  # what a due frame emits: every view refreshes
            app.processEvents()  # the posted update requests: the window paints here
            t2, c2 = time.perf_counter(), time.process_time()
            if i == warmup:
                counter.count = 0
            if i >= warmup:
                train.append((t1 - t0) * 1e3)
                redraw.append((t2 - t1) * 1e3)
                redraw_cpu.append((c2 - c1) * 1e3)
                whole.append((t2 - t0) * 1e3)
    finally:
        app.removeEventFilter(counter)
        controller._timer.blockSignals(False)
        _close_window(window)
    med = statistics.median
    return FrameResult(
        med(train),
        med(redraw),
        _percentile(redraw, 95),
        med(redraw_cpu),
        med(whole),
        _percentile(whole, 95),
        counter.count / frames,
    )


def profile_redraw(config: Config, frames: int = 60) -> None:
    """cProfile of ``frames`` redraws (training excluded) of one configuration."""
    import cProfile
    import pstats

    from gui.controller import TRAIN_BUDGET_S

    app = _application()
    window = _open_window(config.make())
    controller, session = window.controller, window.session
    controller.play()
    controller._timer.blockSignals(True)
    profiler = cProfile.Profile()
    try:
        for _ in range(frames):
            session.train_for(TRAIN_BUDGET_S, redraw=False)
            profiler.enable()
            session.values_changed.emit()
            app.processEvents()
            profiler.disable()
    finally:
        controller._timer.blockSignals(False)
        _close_window(window)
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(30)
    stats.sort_stats("tottime").print_stats(20)


@dataclass
class ThroughputResult:
    playing: float  # steps/s with the real controller and event loop
    headless: float  # steps/s of a bare Trainer.train_step loop
    fps: float  # frames per second while playing


def measure_throughput(config: Config, seconds: float, rounds: int = 3) -> ThroughputResult:
    """Steps per second while playing (the real QTimer through the event loop) versus headless.

    The two alternate in ``rounds`` slices of ``seconds / rounds`` each, so that a change in the
    machine's load during the run hits both alike."""
    from PySide6.QtCore import QEventLoop, QTimer

    import model

    doc = config.make()
    twin = doc.copy()  # the same network, data and settings, trained headless
    trainer = model.Trainer(twin.network, twin.dataset, twin.training)
    window = _open_window(doc)
    controller, session = window.controller, window.session
    slice_s = seconds / rounds
    headless_time = playing_time = 0.0
    playing_steps = frames = 0
    for _ in range(rounds):
        start = time.perf_counter()
        while time.perf_counter() - start < slice_s and trainer.train_step():
            pass
        headless_time += time.perf_counter() - start

        loop = QEventLoop()
        QTimer.singleShot(int(slice_s * 1000), loop.quit)
        steps0, frames0 = session.trainer.steps, controller.frames
        start = time.perf_counter()
        controller.play()
        loop.exec()
        playing_time += time.perf_counter() - start
        playing_steps += session.trainer.steps - steps0
        frames += controller.frames - frames0
        controller.pause()  # (its final full redraw is not timed)
    stopped = session.trainer.stop_reason or trainer.stop_reason
    _close_window(window)
    if stopped:
        print(f"  note: {config.label} stopped training: {stopped}", file=sys.stderr)
    return ThroughputResult(playing_steps / playing_time, trainer.steps / headless_time, frames / playing_time)


def _ms_range(seconds: list[float]) -> str:
    return f"{min(seconds) * 1e3:.0f}-{max(seconds) * 1e3:.0f}"


def _range(values: list[float]) -> str:
    return f"{min(values):.2f}-{max(values):.2f}"


def measure_loss_plot(steps: int, repeats: int = 40) -> tuple[list[float], list[float]]:
    """CPU ms per loss-plot refresh, and per refresh + paint, with ``steps`` full-batch XOR steps
    in the history.

    The histories are filled directly (a loss per step, an epoch per step), as a long Play leaves them.
    CPU time of this thread (where Qt paints too): on a busy machine the wall clock mostly measures
    waiting for a core.
    """
    app = _application()
    window = _open_window(_xor_doc())
    trainer = window.session.trainer
    values = np.exp(-np.linspace(0.0, 8.0, steps)) + 0.01 * np.random.default_rng(0).random(steps)
    nan = float("nan")
    for v in values.tolist():
        trainer.step_losses.append((v,))
        trainer.history.append((v, nan, 1.0, nan, 0.5))
    plot = window.loss_plot
    refresh, whole = [], []
    try:
        for i in range(repeats + 5):
            t0 = time.thread_time()
            plot.refresh()
            t1 = time.thread_time()
            plot.plot_widget.viewport().repaint()  # paint now, the plot only
            if i >= 5:  # the first refreshes settle the ranges
                refresh.append((t1 - t0) * 1e3)
                whole.append((time.thread_time() - t0) * 1e3)
            app.processEvents()
    finally:
        _close_window(window)
    return refresh, whole


# ------------------------------------------------------------------ start-up (fresh processes)
_first_paint_filter = None  # kept alive for the life of the child process


def _watch_first_paint(app) -> None:  # noqa: ANN001 - QApplication
    """When a widget of a QMainWindow gets the first paint event, let that paint pass (the whole
    window, one backing-store sync) finish, print the time and exit at once."""
    global _first_paint_filter
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow, QWidget

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, obj, event) -> bool:  # noqa: ANN001, N802 - Qt override
            if (
                not self.seen
                and event.type() == QEvent.Type.Paint
                and isinstance(obj, QWidget)
                and isinstance(obj.window(), QMainWindow)
            ):
                self.seen = True
                QTimer.singleShot(0, self.report)  # runs once the rest of the window has painted
            return False

        def report(self) -> None:
            print(json.dumps({"first_paint": time.time(), "cpu": time.process_time()}), flush=True)
            os._exit(0)  # no teardown: only the start counts

    _first_paint_filter = FirstPaint()
    app.installEventFilter(_first_paint_filter)


def _child_app() -> int:
    """Start the app as ``python main.py`` does (same imports, same code path)."""
    import main
    from gui.app import make_application

    _watch_first_paint(make_application())  # gui.app.run() reuses this application
    return main.main([])


def _child_bare() -> int:
    """The reference: a bare QMainWindow holding one pg.PlotWidget."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([sys.argv[0]])
    _watch_first_paint(app)
    window = QMainWindow()
    window.setCentralWidget(pg.PlotWidget())
    window.resize(*WINDOW_SIZE)
    window.show()
    return app.exec()


def _first_paint_s(kind: str, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawning a fresh ``--child kind`` process to its main window's first complete paint,
    and the CPU seconds the process had used by then (steadier than the wall clock on a busy machine)."""
    start = time.time()
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", kind],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"the {kind} window never painted:\n{out.stdout}\n{out.stderr}")
    report = json.loads(lines[-1])
    return float(report["first_paint"]) - start, float(report["cpu"])


def measure_startup(runs: int) -> tuple[list[float], list[float], list[float], list[float]]:
    """(bare, app) start-up times in seconds, then (bare, app) CPU seconds, ``runs`` of each,
    alternating so that a change in the machine's load hits both alike, after one untimed run of each
    (which writes the bytecode cache and warms the disk cache, as any earlier start of an installed app
    would have)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    times: dict[str, list[float]] = {"bare": [], "app": []}
    cpu: dict[str, list[float]] = {"bare": [], "app": []}
    for i in range(runs + 1):
        for kind in ("bare", "app"):
            t, c = _first_paint_s(kind, env)
            if i:
                times[kind].append(t)
                cpu[kind].append(c)
    return times["bare"], times["app"], cpu["bare"], cpu["app"]


# ------------------------------------------------------------------ report
def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        padded = (c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True)))
        return "  ".join(padded)

    return "\n".join([line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def _verdict(good: bool) -> str:
    return "met" if good else "MISSED"


def _header() -> str:
    import platform

    import numpy
    import pyqtgraph
    import PySide6

    load = " / ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    return (
        f"Backprop Playground GUI benchmark: Python {platform.python_version()}, PySide6 {PySide6.__version__}, "
        f"pyqtgraph {pyqtgraph.__version__}, numpy {numpy.__version__}\n"
        f"{os.cpu_count()} CPUs, load average {load} (1/5/15 min), "
        f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM')}, "
        f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}, "
        f"window {WINDOW_SIZE[0]}x{WINDOW_SIZE[1]}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="60 frames, 1.5 s runs, 3 start-ups")
    parser.add_argument("--only", default="frames,throughput,startup,lossplot", help="parts to run (comma-separated)")
    parser.add_argument("--configs", default="xor,spiral,deep", help="configurations (comma-separated)")
    parser.add_argument("--frames", type=int, default=0, help="measured frames per configuration (200)")
    parser.add_argument("--seconds", type=float, default=0.0, help="seconds per throughput run (3)")
    parser.add_argument("--runs", type=int, default=0, help="start-ups per window (5)")
    parser.add_argument("--profile", metavar="CONFIG", help="profile the redraw of one configuration, then stop")
    parser.add_argument("--child", choices=("app", "bare"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child_app() if args.child == "app" else _child_bare()

    home = _isolate_settings()
    try:
        return _run(args)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def _run(args: argparse.Namespace) -> int:
    by_key = {c.key: c for c in CONFIGS}
    if args.profile:
        _application()
        profile_redraw(by_key[args.profile])
        return 0
    parts = set(args.only.split(","))
    configs = [by_key[k] for k in args.configs.split(",")]
    frames = args.frames or (60 if args.quick else 200)
    seconds = args.seconds or (1.5 if args.quick else 3.0)
    runs = args.runs or (3 if args.quick else 5)
    print(_header(), end="\n\n", flush=True)
    summary: list[list[str]] = []  # figure, configuration, measured, target, reference, verdict

    if "frames" in parts:
        _application()
        rows = []
        for config in configs:
            r = measure_frames(config, frames)
            target = TARGET_REDRAW_MS[config.key]
            good = r.redraw_ms <= target
            rows.append(
                [
                    config.label,
                    f"{r.train_ms:.1f}",
                    f"{r.redraw_ms:.1f}",
                    f"{r.redraw_p95_ms:.1f}",
                    f"{r.redraw_cpu_ms:.1f}",
                    f"{r.frame_ms:.1f}",
                    f"{r.frame_p95_ms:.1f}",
                    f"{r.paints:.0f}",
                    f"<= {target:g}",
                    _verdict(good),
                ]
            )
            summary.append(
                [
                    "Play redraw, median",
                    config.label,
                    f"{r.redraw_ms:.1f} ms (p95 {r.redraw_p95_ms:.1f})",
                    f"<= {target:g} ms",
                    f"CPU {r.redraw_cpu_ms:.1f} ms",
                    _verdict(good),
                ]
            )
        print(f"1. One Play frame, ms (median of {frames} unless p95)")
        print(
            _table(
                [
                    "configuration",
                    "train",
                    "redraw",
                    "p95",
                    "redraw CPU",
                    "frame",
                    "p95",
                    "paints",
                    "target (redraw)",
                    "",
                ],
                rows,
            ),
            end="\n\n",
            flush=True,
        )

    if "throughput" in parts:
        _application()
        rows = []
        for config in configs:
            r = measure_throughput(config, seconds)
            share = r.playing / r.headless if r.headless else float("nan")
            good = share >= TARGET_PLAY_SHARE
            rows.append(
                [
                    config.label,
                    f"{r.playing:,.0f}",
                    f"{r.headless:,.0f}",
                    f"{share:.0%}",
                    f"{r.fps:.0f}",
                    f">= {TARGET_PLAY_SHARE:.0%}",
                    _verdict(good),
                ]
            )
            summary.append(
                [
                    "Steps/s while playing",
                    config.label,
                    f"{r.playing:,.0f} ({share:.0%})",
                    f">= {TARGET_PLAY_SHARE:.0%} of headless",
                    f"headless {r.headless:,.0f}",
                    _verdict(good),
                ]
            )
        print(f"2. Training steps per second, {seconds:g} s each: playing (real controller) vs headless Trainer")
        print(
            _table(["configuration", "playing", "headless", "share", "fps", "target", ""], rows), end="\n\n", flush=True
        )

    if "startup" in parts:
        bare, app, bare_cpu, app_cpu = measure_startup(runs)
        med = statistics.median
        b, a = med(bare), med(app)
        ratio = a / b
        cpu_ratio = med(app_cpu) / med(bare_cpu)
        good = ratio <= TARGET_STARTUP_RATIO
        rows = [
            ["bare QMainWindow + pg.PlotWidget", f"{b * 1e3:.0f}", _ms_range(bare), "1.00x"]
            + [f"{med(bare_cpu) * 1e3:.0f}", "1.00x", "", ""],
            ["Backprop Playground (main.py)", f"{a * 1e3:.0f}", _ms_range(app), f"{ratio:.2f}x"]
            + [f"{med(app_cpu) * 1e3:.0f}", f"{cpu_ratio:.2f}x", f"<= {TARGET_STARTUP_RATIO:g}x", _verdict(good)],
        ]
        summary.append(
            [
                "First paint after start",
                "main.py",
                f"{a * 1e3:.0f} ms ({ratio:.2f}x; CPU {cpu_ratio:.2f}x)",
                f"<= {TARGET_STARTUP_RATIO:g}x bare",
                f"bare {b * 1e3:.0f} ms",
                _verdict(good),
            ]
        )
        print(f"3. Process start to first complete paint, ms (median of {runs} fresh processes)")
        header = ["window", "median", "range", "vs bare", "CPU", "CPU vs bare", "target", ""]
        print(_table(header, rows), end="\n\n", flush=True)

    if "lossplot" in parts:
        ref_steps, steps = LOSS_PLOT_STEPS
        (ref, ref_all), (big, big_all) = measure_loss_plot(ref_steps), measure_loss_plot(steps)
        med = statistics.median
        good = med(big) <= TARGET_LOSS_PLOT_MS
        rows = [  # history, refresh median and range, with paint median and range, target, verdict
            [f"{n:,} steps", f"{med(r):.2f}", f"{min(r):.2f}-{max(r):.2f}", f"{med(a):.2f}", _range(a)]
            for n, r, a in ((ref_steps, ref, ref_all), (steps, big, big_all))
        ]
        rows[0] += ["", ""]
        rows[1] += [f"<= {TARGET_LOSS_PLOT_MS:g} (refresh)", _verdict(good)]
        summary.append(
            [
                "Loss plot refresh (with paint)",
                f"{steps:,} steps",
                f"{med(big):.2f} ms ({med(big_all):.2f} ms)",
                f"<= {TARGET_LOSS_PLOT_MS:g} ms",
                f"{ref_steps:,} steps {med(ref):.2f} ms ({med(ref_all):.2f} ms)",
                _verdict(good),
            ]
        )
        print("4. Loss plot refresh, and refresh + paint, CPU ms (median and range of 40)")
        header = ["history", "refresh", "range", "with paint", "range", "target", ""]
        print(_table(header, rows), end="\n\n", flush=True)

    if summary:
        print("Summary (Markdown)\n")
        header = ["Figure", "Configuration", "Measured", "Target", "Reference", "Verdict"]
        print("| " + " | ".join(header) + " |")
        print("|" + "|".join("---" for _ in header) + "|")
        for row in summary:
            print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
