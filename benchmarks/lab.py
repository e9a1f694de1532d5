"""The runs lab: a 16-learning-rate sweep as stacked runs beside 16 separate Trainers, in the same run.

    python benchmarks/lab.py [--repeats N] [--steps S]

Two sweeps of 16 learning rates (log-spaced 0.01 … 10), ``--steps`` full-batch
steps each (default 1,000, as issue 8 asks):

    a  XOR 2-4-1, 4 samples             tanh hidden, sigmoid output, bce
    b  spiral 2-8-8-1, 500 points       tanh hidden, sigmoid output, bce

"stacked" is model.runs.RunSet.train (one stacked computation for the 16
runs, history and checkpoints included); "separate" is 16 model.Trainer runs
one after another on the same specs.  Both are measured alternately in each of
``--repeats`` rounds; the figures are medians with the spread (min–max) and the
load average of the machine, since the 2 cores are shared.  BLAS is held to one
thread as the app does for small matrices.  It also prints the memory the
histories hold per run.  This prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from model import datasets  # noqa: E402
from model.dataset import Dataset  # noqa: E402
from model.network import Network  # noqa: E402
from model.runs import RunSet  # noqa: E402
from model.settings import TrainingSettings  # noqa: E402
from model.trainer import Trainer  # noqa: E402

#: issue 8's targets: stacked/separate speed-up per case, and the XOR sweep's wall time.
TARGETS = {"a": 10.0, "b": 3.0}
XOR_TARGET_MS = 100.0
LRS = [float(v) for v in np.geomspace(0.01, 10, 16)]


def cases() -> list[tuple[str, Network, Dataset]]:
    return [
        (
            "a  XOR 2-4-1, 4 samples",
            Network([2, 4, 1], ["tanh", "sigmoid"], loss="bce", seed=0),
            datasets.truth_table("xor"),
        ),
        (
            "b  spiral 2-8-8-1, 500 points",
            Network([2, 8, 8, 1], ["tanh", "tanh", "sigmoid"], loss="bce", seed=0),
            datasets.spiral(n=500, noise=0.1, seed=0),
        ),
    ]


def stacked(net: Network, data: Dataset, steps: int) -> tuple[float, float, RunSet]:
    """(wall seconds, CPU seconds, the trained set)."""
    start, cpu = time.perf_counter(), time.process_time()
    runs = RunSet(net, data, TrainingSettings(lr=0.1, batch_size=0), "lr", LRS)
    runs.train(steps)
    return time.perf_counter() - start, time.process_time() - cpu, runs


def separate(runs: RunSet, data: Dataset, steps: int) -> tuple[float, float]:
    start, cpu = time.perf_counter(), time.process_time()
    for spec in runs.specs:
        Trainer(spec.network.copy(), data, spec.settings.copy()).run(steps)
    return time.perf_counter() - start, time.process_time() - cpu


def spread(xs: list[float]) -> str:
    return f"{1e3 * statistics.median(xs):8.1f} ms  ({1e3 * min(xs):.1f}–{1e3 * max(xs):.1f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--steps", type=int, default=1000)
    args = parser.parse_args()
    try:
        from threadpoolctl import threadpool_limits

        limit = threadpool_limits(1)
    except ImportError:  # pragma: no cover - optional
        limit = None
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    print(
        f"16 learning rates × {args.steps} full-batch steps; {args.repeats} rounds; "
        f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores"
    )
    for name, net, data in cases():
        fast, slow, fast_cpu, slow_cpu = [], [], [], []
        runs: RunSet | None = None
        for _ in range(args.repeats):
            t, c, runs = stacked(net, data, args.steps)
            fast.append(t)
            fast_cpu.append(c)
            t, c = separate(runs, data, args.steps)
            slow.append(t)
            slow_cpu.append(c)
        assert runs is not None
        ratios = [s / f for s, f in zip(slow, fast, strict=True)]
        cpu_ratios = [s / f for s, f in zip(slow_cpu, fast_cpu, strict=True)]
        key = name[0]
        print(f"\n{name}  ({len(runs.groups)} stacked group(s)); wall time | CPU time of this process")
        print(f"  stacked runs      {spread(fast)} | {spread(fast_cpu)}")
        print(f"  separate Trainers {spread(slow)} | {spread(slow_cpu)}")
        print(
            f"  speed-up          {statistics.median(ratios):8.1f} ×     ({min(ratios):.1f}–{max(ratios):.1f})"
            f" | {statistics.median(cpu_ratios):.1f} × ({min(cpu_ratios):.1f}–{max(cpu_ratios):.1f}); "
            f"target ≥ {TARGETS[key]:g} ×"
        )
        if key == "a":
            print(
                f"  XOR sweep target  < {XOR_TARGET_MS:g} ms: median {1e3 * statistics.median(fast):.1f} ms wall, "
                f"{1e3 * statistics.median(fast_cpu):.1f} ms CPU"
            )
        print(f"  history memory    {runs.nbytes() / len(runs) / 1024:.1f} kB per run")
    if limit is not None:
        limit.restore_original_limits()
    return 0


if __name__ == "__main__":
    sys.exit(main())
