"""Play with the "Inside the network" panel open against Play with it closed.  Prints a table; asserts nothing.

    python benchmarks/flow.py            # 3 rounds of 4 s per lesson and state
    python benchmarks/flow.py --seconds 2 --rounds 2

For each lesson the real MainWindow (1280x720, offscreen) plays for a fixed wall time with the panel
closed, then open, alternating, and counts the steps trained.  The panel recomputes its statistics
(one forward and backward pass over the training set) at most every 0.1 s while playing and records
every step's parameters in its history (that part runs whether it is open or not).  Target (issue 10):
open ≥ 80 % of closed.  On a shared, loaded machine compare the ratio, not the absolute figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # ahead of benchmarks/, whose gui.py would shadow the gui package

TARGET_SHARE = 0.8


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--lessons", default="xor_train,vanishing_gradients,overfitting")
    args = parser.parse_args()

    from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    os.environ["HOME"] = tempfile.mkdtemp()
    from gui.app import make_application
    from gui.window.main_window import MainWindow
    from model import presets

    app = make_application()
    print(f"{'lesson':22} {'closed steps/s':>15} {'open steps/s':>13} {'open/closed':>12}  target ≥ {TARGET_SHARE:.0%}")
    for name in args.lessons.split(","):
        window = MainWindow(presets.load_preset(name))
        window.resize(1280, 720)
        window.show()
        for action in window.flow.panel.breakpoint_actions.values():
            action.setChecked(False)  # a lesson's breakpoint would pause Play: measure the panel alone
        rates: dict[bool, list[float]] = {False: [], True: []}
        for _ in range(args.rounds):
            for panel_open in (False, True):
                window.flow.dock.setVisible(panel_open)
                window.action("reset").trigger()
                app.processEvents()
                start_steps = window.session.steps
                window.controller.play()
                start = time.perf_counter()
                while time.perf_counter() - start < args.seconds and window.controller.playing:
                    app.processEvents()
                window.controller.pause()
                elapsed = time.perf_counter() - start
                rates[panel_open].append((window.session.steps - start_steps) / elapsed)
        closed, opened = statistics.median(rates[False]), statistics.median(rates[True])
        print(f"{name:22} {closed:15.0f} {opened:13.0f} {opened / closed:12.0%}")
        window.session.undo_stack.setClean()
        window.close()
        window.deleteLater()
        QCoreApplication.processEvents()


if __name__ == "__main__":
    main()
