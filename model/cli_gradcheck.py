"""``python main.py gradcheck PRESET_OR_FILE``: backprop against finite differences, headless.

    gradcheck PRESET_OR_FILE [--h H] [--method central|forward] [--threshold T] [--allow-kinks] [--top N]

Prints one row per parameter, worst relative error first, with its verdict
(good ≤ 1e-7, fine ≤ 1e-4, suspicious ≤ 1e-2, wrong above) and a kink mark
where a ±h probe moved a ReLU/step input across 0.  The loss is the one
training differentiates: the mean over the training samples (all samples when
the document has no training split).

Exit status: 0 when every relative error is ≤ the threshold (1e-4 unless
given), 1 when one exceeds it (with ``--allow-kinks``, rows marked as kinks
only fail above 1e-2), 2 for bad input (as the other commands).
"""

from __future__ import annotations

import argparse
import math
from typing import Any, TextIO

import numpy as np

from .gradcheck import METHODS, THRESHOLDS, GradCheckRow, gradient_check, verdict, worst_first

NAME = "gradcheck"
#: Default --threshold: the bound of "fine".
DEFAULT_THRESHOLD = THRESHOLDS[1]


def add_parser(sub: Any) -> None:
    """Register the sub-command on ``build_parser``'s sub-parsers."""
    p = sub.add_parser(
        NAME,
        help="compare backprop with finite differences for every parameter",
        description="Compare every weight's and bias's backprop derivative with a finite-difference estimate; "
        "exit status 1 if a relative error exceeds the threshold.",
    )
    p.add_argument("source", metavar="PRESET_OR_FILE", help="a preset name or a lesson file (.json)")
    p.add_argument("--h", type=float, default=1e-4, help="the step of the finite difference (default 1e-4)")
    p.add_argument("--method", choices=METHODS, default="central", help="central (default) or forward difference")
    p.add_argument(
        "--threshold",
        type=float,
        default=DEFAULT_THRESHOLD,
        help=f"largest acceptable relative error (default {DEFAULT_THRESHOLD:g})",
    )
    p.add_argument(
        "--allow-kinks", action="store_true", help="rows whose probe crossed a ReLU/step corner fail only above 1e-2"
    )
    p.add_argument("--top", type=int, default=0, metavar="N", help="print only the N worst rows (default: all)")


def parameter_name(row: GradCheckRow) -> str:
    """ "W (k, i, j)" from node (k, i) to node (k+1, j), or "b (l, j)" for the bias of node (l, j)."""
    return f"W ({row.k}, {row.i}, {row.j})" if row.kind == "W" else f"b ({row.k + 1}, {row.j})"


def fails(row: GradCheckRow, threshold: float, allow_kinks: bool) -> bool:
    bound = max(threshold, THRESHOLDS[2]) if allow_kinks and row.kink else threshold
    return math.isnan(row.rel_error) or row.rel_error > bound


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .cli import UsageError, load_document
    from .dataset import TRAIN
    from .explain import fmt

    if not (math.isfinite(args.h) and args.h > 0):
        raise UsageError(f"--h must be a finite number > 0, got {args.h}")
    if not (math.isfinite(args.threshold) and args.threshold >= 0):
        raise UsageError(f"--threshold must be a finite number >= 0, got {args.threshold}")
    if args.top < 0:
        raise UsageError(f"--top must be >= 0, got {args.top}")
    doc = load_document(args.source)
    X, Y = doc.dataset.part(TRAIN)
    if not len(X):
        X, Y = np.asarray(doc.dataset.X), np.asarray(doc.dataset.Y)
    if not len(X):
        raise UsageError(f"{args.source}: the data set has no samples to compute a loss on")
    net = doc.network
    rows = worst_first(gradient_check(net, X, Y, h=args.h, method=args.method))
    shown = rows[: args.top] if args.top else rows
    n = len(X)
    out.write(
        f"gradient check: {doc.title or args.source}\n"
        f"network: {'-'.join(map(str, net.sizes))} ({', '.join(net.activations)}), loss {net.loss}, "
        f"{n} sample{'' if n == 1 else 's'}, {args.method} difference, h = {fmt(args.h)}\n\n"
    )
    out.write(f"{'parameter':<16}{'backprop':>16}{'numeric':>16}{'rel. error':>12}  verdict\n")
    for r in shown:
        mark = "  kink" if r.kink else ""
        out.write(
            f"{parameter_name(r):<16}{fmt(r.backprop, 8):>16}{fmt(r.numeric, 8):>16}"
            f"{fmt(r.rel_error, 2):>12}  {r.verdict}{mark}\n"
        )
    if len(shown) < len(rows):
        out.write(f"... {len(rows) - len(shown)} more\n")
    bad = [r for r in rows if fails(r, args.threshold, args.allow_kinks)]
    worst = rows[0].rel_error if rows else 0.0
    kinks = sum(r.kink for r in rows)
    out.write(
        f"\nworst relative error: {fmt(worst, 2)} ({verdict(worst)}); "
        f"{kinks} parameter{'' if kinks == 1 else 's'} near a kink\n"
    )
    if bad:
        out.write(f"FAILED: {len(bad)} of {len(rows)} above the threshold {fmt(args.threshold)}\n")
        return 1
    out.write(f"passed: all {len(rows)} within the threshold {fmt(args.threshold)}\n")
    return 0
