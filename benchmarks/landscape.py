"""The loss landscape's grid: one stacked pass beside a per-point loop, measured in the same run.

    python benchmarks/landscape.py [--side N] [--repeats R]

A 2-8-8-1 network (tanh, tanh, sigmoid, bce) on the 500-point spiral.  For
three pairs of parameters (both in the first layer, first + second, both in
the output layer) it times ``model.lab.landscape.loss_grid`` on an N×N grid
(default 64) and a reference that copies the network and calls
``Network.loss_value`` once per grid point.  The stacked pass runs with the
BLAS threads numpy chose and with one thread (threadpoolctl, if installed:
on 2 cores small products run faster on one).  The issue's target is 50 ms
for 64×64.  Each figure is the best of ``--repeats``; this prints, it asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from model import Network  # noqa: E402
from model.datasets import spiral  # noqa: E402
from model.lab.landscape import loss_grid  # noqa: E402

TARGET_MS = 50.0
PAIRS = {
    "first layer  W(0,0,0) & W(0,1,3)": (("W", 0, 0, 0), ("W", 0, 1, 3)),
    "layers 1 + 2 W(0,1,0) & W(1,2,5)": (("W", 0, 1, 0), ("W", 1, 2, 5)),
    "output layer W(2,3,0) & b(3,0)  ": (("W", 2, 3, 0), ("b", 2, -1, 0)),
}


def best_ms(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return 1000 * min(times)


def per_point(net: Network, X: np.ndarray, Y: np.ndarray, p1, p2, a1, a2) -> np.ndarray:  # type: ignore[no-untyped-def]
    out = np.empty((len(a2), len(a1)))
    t = net.targets(Y)
    copy = net.copy()
    for r, v2 in enumerate(a2):
        for c, v1 in enumerate(a1):
            for (kind, k, i, j), v in ((p1, v1), (p2, v2)):
                if kind == "W":
                    copy.weights[k][i, j] = v
                else:
                    copy.biases[k][j] = v
            out[r, c] = copy.loss_value(copy.forward(X), t)
    return out


def floor_ms(net: Network, n_points: int, side: int, repeats: int) -> float:
    """tanh alone on every hidden value the grid needs (G·n·16), in the same chunks: no grid pass can beat it."""
    x = np.random.default_rng(0).uniform(-2, 2, 32_768)
    total = side * side * n_points * sum(net.sizes[1:-1])
    chunks = max(1, total // x.size)
    return best_ms(lambda: [np.tanh(x) for _ in range(chunks)], repeats)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--side", type=int, default=64)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - optional
        threadpool_limits = None
    data = spiral(500)
    net = Network([2, 8, 8, 1], ["tanh", "tanh", "sigmoid"], loss="bce", seed=0)
    n = args.side
    print(f"loss landscape, {n}x{n} grid, 2-8-8-1 (tanh, tanh, sigmoid, bce) on the spiral, 500 points")
    print(f"target: {TARGET_MS:.0f} ms for 64x64; best of {args.repeats}")
    floor = floor_ms(net, len(data.X), n, args.repeats)
    print(
        f"floor: tanh of every hidden value of the grid alone = {floor:.1f} ms "
        "(a pair in the first layer needs them all; an output-layer pair needs none)\n"
    )
    print(f"{'pair':<36}{'stacked':>10}{'1 thread':>10}{'per-point':>11}{'speed-up':>10}  equal")
    for name, (p1, p2) in PAIRS.items():
        c1 = net.weights[p1[1]][p1[2], p1[3]]
        c2 = net.weights[p2[1]][p2[2], p2[3]] if p2[0] == "W" else net.biases[p2[1]][p2[3]]
        a1, a2 = np.linspace(c1 - 1, c1 + 1, n), np.linspace(c2 - 1, c2 + 1, n)

        def grid(p1=p1, p2=p2, a1=a1, a2=a2) -> np.ndarray:  # type: ignore[no-untyped-def]
            return loss_grid(net, data.X, data.Y, p1, p2, a1, a2)

        def loop(p1=p1, p2=p2, a1=a1, a2=a2) -> np.ndarray:  # type: ignore[no-untyped-def]
            return per_point(net, data.X, data.Y, p1, p2, a1, a2)

        stacked = best_ms(grid, args.repeats)
        one = float("nan")
        if threadpool_limits is not None:
            with threadpool_limits(1):
                one = best_ms(grid, args.repeats)
        reference = best_ms(loop, max(1, args.repeats // 3))
        same = np.allclose(grid(), loop(), rtol=1e-12)
        fastest = stacked if one != one else min(stacked, one)
        print(f"{name:<36}{stacked:>8.1f}ms{one:>8.1f}ms{reference:>9.1f}ms{reference / fastest:>9.1f}x  {same}")


if __name__ == "__main__":
    main()
