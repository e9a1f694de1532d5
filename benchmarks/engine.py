"""Training steps per second: the engine beside a minimal numpy loop and PyTorch.

    python benchmarks/engine.py [--seconds S] [--repeats N] [--profile]

Three networks, each trained with plain SGD on the full batch:

    a  XOR 2-4-1, 4 samples         tanh hidden, sigmoid output, bce
    b  2-8-8-1 on 500 points        sigmoid hidden, sigmoid output, mse
    c  2-32-32-32-32-1 on 500 pts   tanh hidden, sigmoid output, bce

"engine" is model.Trainer.train_step (batching, loss bookkeeping, epoch
records, finite checks included); "minimal" is the same maths written as a
bare numpy loop, measured in the same run, so the ratio engine/minimal is
the price of the engine's generality.  PyTorch (float64, autograd +
torch.optim.SGD) runs with one thread and with its default, when installed.

Every runner is measured ``--repeats`` times, interleaved so that a change in
the machine's load hits all of them alike; each figure is the median with the
spread (min–max).  Steps per second are wall clock; the ratio is taken per
repeat from CPU time (``time.thread_time``), which a busy machine disturbs far
less than the wall clock.  The header prints the load average.  This prints
figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import model  # noqa: E402

TARGET_RATIO = 0.8

# name, sizes, hidden activation, loss, samples
CASES = [
    ("a  XOR 2-4-1, full batch of 4", [2, 4, 1], "tanh", "bce", 4),
    ("b  2-8-8-1, 500 points", [2, 8, 8, 1], "sigmoid", "mse", 500),
    ("c  4 x 32 hidden, 500 points", [2, 32, 32, 32, 32, 1], "tanh", "bce", 500),
]


def make_data(n: int) -> tuple[np.ndarray, np.ndarray]:
    if n == 4:
        X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
        return X, np.array([[0.0], [1.0], [1.0], [0.0]])
    rng = np.random.default_rng(0)
    X = rng.uniform(-1, 1, (n, 2))
    return X, ((X[:, 0] * X[:, 1]) > 0).astype(np.float64).reshape(-1, 1)


def steps_per_second(step: Callable[[], object], seconds: float) -> tuple[float, float]:
    """(steps per wall-clock second, steps per CPU second) over about ``seconds``."""
    step()  # warm up
    n, start, cpu = 0, time.perf_counter(), time.thread_time()
    deadline = start + seconds
    while True:
        for _ in range(20):
            step()
        n += 20
        now = time.perf_counter()
        if now >= deadline:
            return n / (now - start), n / max(time.thread_time() - cpu, 1e-9)


def spread(values: list[float], fmt: str = ",.0f") -> str:
    """The median with the spread (min–max)."""
    return f"{format(statistics.median(values), fmt)} ({format(min(values), fmt)}–{format(max(values), fmt)})"


def engine_stepper(sizes: list[int], hidden: str, loss: str, n: int) -> Callable[[], object]:
    X, Y = make_data(n)
    net = model.Network(sizes, [hidden] * (len(sizes) - 2) + ["sigmoid"], loss, seed=0)
    data = model.Dataset(X, Y)
    # epochs only matters for the GUI; lr small enough that nothing diverges in a long run.
    trainer = model.Trainer(net, data, model.TrainingSettings(optimizer="sgd", lr=0.05, batch_size=0))
    return trainer.train_step


def minimal_stepper(sizes: list[int], hidden: str, loss: str, n: int) -> Callable[[], object]:
    """The same network and update as the engine, as a bare numpy loop."""
    X, Y = make_data(n)
    net = model.Network(sizes, [hidden] * (len(sizes) - 2) + ["sigmoid"], loss, seed=0)
    W = [w.copy() for w in net.weights]
    b = [v.copy() for v in net.biases]
    lr, L = 0.05, len(W)
    if hidden == "tanh":
        f, df = np.tanh, (lambda a: 1.0 - a * a)
    else:
        f, df = (lambda z: 1.0 / (1.0 + np.exp(-z))), (lambda a: a * (1.0 - a))

    def step() -> float:
        acts = [X]
        for k in range(L):
            z = acts[-1] @ W[k] + b[k]
            acts.append(1.0 / (1.0 + np.exp(-z)) if k == L - 1 else f(z))
        y = acts[-1]
        if loss == "bce":
            value = -np.mean(Y * np.log(y) + (1 - Y) * np.log(1 - y))
            delta = (y - Y) / y.size
        else:
            value = np.mean((y - Y) ** 2)
            delta = 2.0 * (y - Y) / y.size * y * (1.0 - y)
        for k in range(L - 1, -1, -1):
            dW, db = acts[k].T @ delta, delta.sum(axis=0)
            if k:
                delta = (delta @ W[k].T) * df(acts[k])
            W[k] -= lr * dW
            b[k] -= lr * db
        return float(value)

    return step


def torch_stepper(sizes: list[int], hidden: str, loss: str, n: int) -> Callable[[], object]:
    import torch

    X, Y = make_data(n)
    net = model.Network(sizes, [hidden] * (len(sizes) - 2) + ["sigmoid"], loss, seed=0)
    W = [torch.tensor(w, requires_grad=True) for w in net.weights]
    b = [torch.tensor(v, requires_grad=True) for v in net.biases]
    x, t = torch.tensor(X), torch.tensor(Y)
    opt = torch.optim.SGD([*W, *b], lr=0.05)
    f = torch.tanh if hidden == "tanh" else torch.sigmoid

    def step() -> float:
        opt.zero_grad()
        a = x
        for k in range(len(W) - 1):
            a = f(a @ W[k] + b[k])
        z = a @ W[-1] + b[-1]
        if loss == "bce":
            value = torch.nn.functional.binary_cross_entropy_with_logits(z, t)
        else:
            value = torch.nn.functional.mse_loss(torch.sigmoid(z), t)
        value.backward()
        opt.step()
        return value.item()

    return step


def profile_engine(case: tuple) -> str:
    """Where a training step's time goes: the parts of Trainer.train_step, then the busiest functions."""
    _, sizes, hidden, loss, n = case
    step = engine_stepper(sizes, hidden, loss, n)
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(3000):
        step()
    prof.disable()
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    cumulative: dict[str, float] = {}
    for (file, _, func), (_, _, _, ct, _callers) in stats.items():
        cumulative[f"{Path(file).name}:{func}"] = ct
    total = cumulative["trainer.py:train_step"]
    parts = [
        ("forward + backward of the batch (Network.train_pass)", cumulative.get("network.py:train_pass", 0.0)),
        ("optimizer update incl. the finite check", cumulative.get("optimizers.py:update", 0.0)),
        ("accuracy count", cumulative.get("trainer.py:_correct", 0.0)),
        ("end of epoch (history, schedule, validation)", cumulative.get("trainer.py:_end_epoch", 0.0)),
    ]
    lines = [f"{label:52} {100 * seconds / total:5.1f}%" for label, seconds in parts]
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(10)
    body = buf.getvalue()
    return "\n".join(lines) + "\n" + body[body.index("   ncalls") :]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=0.5, help="time per measurement")
    parser.add_argument("--repeats", type=int, default=7, help="measurements per figure (median and spread shown)")
    parser.add_argument("--profile", action="store_true", help="profile the engine on any case below target")
    args = parser.parse_args()
    try:
        import torch
    except ImportError:
        torch = None  # type: ignore[assignment]
    default_threads = torch.get_num_threads() if torch is not None else 0

    load = os.getloadavg()
    print(f"training steps per second: median (min–max) of {args.repeats} x {args.seconds:.1f} s, interleaved")
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores\n")
    slow = []
    for case in CASES:
        name, sizes, hidden, loss, n = case
        runners = {
            "engine": engine_stepper(sizes, hidden, loss, n),
            "minimal": minimal_stepper(sizes, hidden, loss, n),
        }
        if torch is not None:
            runners["torch 1 thread"] = torch_stepper(sizes, hidden, loss, n)
            runners[f"torch {default_threads} threads"] = torch_stepper(sizes, hidden, loss, n)
        wall: dict[str, list[float]] = {key: [] for key in runners}
        ratios: list[float] = []
        for _ in range(args.repeats):  # interleaved, so that machine noise hits every runner alike
            cpu: dict[str, float] = {}
            for key, step in runners.items():
                if torch is not None:
                    torch.set_num_threads(1 if key == "torch 1 thread" else default_threads)
                w, c = steps_per_second(step, args.seconds)
                wall[key].append(w)
                cpu[key] = c
            ratios.append(cpu["engine"] / cpu["minimal"])
        ratio = statistics.median(ratios)
        print(f"{name}")
        for key, values in wall.items():
            print(f"    {key:18} {spread(values):>28} steps/s")
        verdict = "" if ratio >= TARGET_RATIO else "   MISSED"
        print(f"    {'engine / minimal':18} {spread(ratios, '.2f'):>28} (CPU time)   target ≥ {TARGET_RATIO}{verdict}")
        if ratio < TARGET_RATIO:
            slow.append(case)
    if torch is not None:
        torch.set_num_threads(default_threads)
    if args.profile:
        for case in slow:
            print(f"\nwhere the engine's time goes in {case[0]}:\n{profile_engine(case)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
