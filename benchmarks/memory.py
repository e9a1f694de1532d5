"""Memory kept by training: RSS growth and history bytes after N steps, beside references.

    python benchmarks/memory.py [--steps N] [--repeats R]

Trains XOR 2-4-1 full batch (every step is also an epoch, the worst case for
the history) with ``model.Trainer.train_step`` for N steps (default
1,000,000) in a fresh process per repeat, and reports:

* RSS growth from the first step to the last (VmRSS from /proc), beside the
  same-run reference: a minimal numpy loop of the same maths for the same
  number of steps, which keeps nothing.  Target: growth ≤ 20 MB.
* the bytes the trainer's histories hold (``nbytes``), and the bytes the old
  layout (a list of Python floats plus an EpochRecord per epoch) would hold
  for the same steps, measured on 20,000 of them.
* the loss plot's data cost at N steps: ``History.envelope`` (the min/max
  view a plot draws), median of 50 calls.  Target ≤ 2 ms including the plot;
  ``benchmarks/gui.py`` measures the whole refresh.

Medians over the repeats, with the spread (min–max) and the load average.
It prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_RSS_MB = 20.0
TARGET_ENVELOPE_MS = 2.0


def rss_bytes() -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def child(kind: str, steps: int) -> dict[str, float]:
    """One measurement in this (fresh) process."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import engine  # the minimal loop and the data, shared with the speed benchmark

    import model

    X, Y = engine.make_data(4)
    if kind == "minimal":
        step = engine.minimal_stepper([2, 4, 1], "tanh", "bce", 4)
        step()
        start = rss_bytes()
        for _ in range(steps):
            step()
        return {"rss": rss_bytes() - start}
    net = model.Network([2, 4, 1], ["tanh", "sigmoid"], "bce", seed=0)
    trainer = model.Trainer(net, model.Dataset(X, Y), model.TrainingSettings(optimizer="sgd", lr=0.05, batch_size=0))
    trainer.train_step()
    start = rss_bytes()
    for _ in range(steps - 1):
        trainer.train_step()
    grown = rss_bytes() - start
    times = []
    for _ in range(50):
        t0 = time.perf_counter()
        trainer.history.envelope("loss")
        trainer.step_losses.envelope("loss")
        times.append(time.perf_counter() - t0)
    return {
        "rss": grown,
        "history": trainer.step_losses.nbytes + trainer.history.nbytes,
        "kept": len(trainer.step_losses),
        "envelope_ms": 1000 * statistics.median(times),
    }


def old_layout_bytes_per_step() -> float:
    """Bytes per full-batch step of the old history: a float in a list and an EpochRecord in a list."""
    import tracemalloc

    import model

    tracemalloc.start()
    losses: list[float] = []
    records: list[model.EpochRecord] = []
    before = tracemalloc.get_traced_memory()[0]
    n = 20_000
    for i in range(n):
        loss = 0.5 + i * 1e-9  # a fresh float, as each step's loss is
        losses.append(loss)
        records.append(model.EpochRecord(i, loss, float("nan"), 0.75 + i * 1e-9, float("nan"), 0.05))
    used = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    return used / n


def run_child(kind: str, steps: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--steps", str(steps)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    return json.loads(out.splitlines()[-1])  # type: ignore[no-any-return]


def spread(values: list[float], fmt: str) -> str:
    return f"{format(statistics.median(values), fmt)} ({format(min(values), fmt)}–{format(max(values), fmt)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--steps", type=int, default=1_000_000, help="training steps per measurement")
    parser.add_argument("--repeats", type=int, default=3, help="fresh processes per figure")
    parser.add_argument("--child", choices=("engine", "minimal"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.steps)))
        return 0

    load = os.getloadavg()
    print(f"memory after {args.steps:,} full-batch XOR steps, {args.repeats} fresh processes each")
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores\n")
    engine_runs, minimal_runs = [], []
    for _ in range(args.repeats):  # alternating, so that a change in load hits both alike
        engine_runs.append(run_child("engine", args.steps))
        minimal_runs.append(run_child("minimal", args.steps))
    mb = 1 / 2**20
    rss = [r["rss"] * mb for r in engine_runs]
    ref = [r["rss"] * mb for r in minimal_runs]
    hist = [r["history"] / 2**20 for r in engine_runs]
    old = old_layout_bytes_per_step()
    env = [r["envelope_ms"] for r in engine_runs]
    print(f"{'figure':34} {'measured (median, min–max)':>30} {'reference':>30}  target")
    print(
        f"{'RSS growth, engine':34} {spread(rss, '.1f') + ' MB':>30} "
        f"{'minimal loop ' + spread(ref, '.1f') + ' MB':>30}  ≤ {TARGET_RSS_MB:.0f} MB"
        + ("" if statistics.median(rss) <= TARGET_RSS_MB else "  MISSED")
    )
    print(
        f"{'history arrays':34} {spread(hist, '.2f') + ' MB':>30} "
        f"{'old lists ' + format(old * args.steps * mb, ',.0f') + ' MB':>30}  bounded"
    )
    per_step = statistics.median(r["history"] for r in engine_runs) / args.steps
    print(f"{'history bytes per step':34} {per_step:>30.2f} {'old lists ' + format(old, '.0f'):>30}")
    print(f"{'rows kept per history':34} {int(engine_runs[0]['kept']):>30,}")
    print(
        f"{'envelope (loss plot data)':34} {spread(env, '.3f') + ' ms':>30} {'':>30}  ≤ {TARGET_ENVELOPE_MS:.0f} ms"
        + ("" if statistics.median(env) <= TARGET_ENVELOPE_MS else "  MISSED")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
