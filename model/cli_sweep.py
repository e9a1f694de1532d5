"""``python main.py sweep PRESET_OR_FILE --vary lr --values 0.001,0.01,0.1,1``: runs side by side, headless.

    sweep PRESET_OR_FILE --vary VARIABLE (--values V1,V2,... | --log LOW,HIGH,N) [--layer L] [--epochs N]
          [--target LOSS] [--csv OUT.csv] [--plot OUT.png|OUT.svg]

Trains one run per value from the document's network and settings (same start,
same batches, see model.runs) with a progress bar on stderr, then prints one
row per run: the value, final and best epoch loss, the epoch the loss first
reached ``--target``, the final accuracy, and what happened (converging, too
slow, oscillating, diverged at step k).  ``--csv`` writes every epoch of every
run; ``--plot`` the loss curves.  Bad input gives one ``error:`` line and exit
status 2, as the other commands.
"""

from __future__ import annotations

import argparse
import math
import time
from typing import Any, TextIO

from .run_specs import VARIABLES, RunSpecError, log_sweep, parse_values
from .runs import RunSet

NAME = "sweep"
#: Seconds between progress redraws while training.
_TICK = 0.1


def add_parser(sub: Any) -> None:
    """Register the sub-command on ``build_parser``'s sub-parsers."""
    p = sub.add_parser(
        NAME,
        help="train several runs that differ in one setting and compare them",
        description="Train one run per value of one variable from the same start and the same batches, "
        "and print a table comparing them.",
    )
    p.add_argument("source", metavar="PRESET_OR_FILE", help="a preset name or a lesson file (.json)")
    p.add_argument(
        "--vary",
        required=True,
        choices=VARIABLES,
        metavar="VARIABLE",
        help=f"what differs between the runs: {', '.join(VARIABLES)}",
    )
    values = p.add_mutually_exclusive_group(required=True)
    values.add_argument(
        "--values", metavar="V1,V2,...", help="the values, comma-separated (optimizers as e.g. sgd,adam(lr=0.01))"
    )
    values.add_argument("--log", metavar="LOW,HIGH,N", help="N values from LOW to HIGH evenly on a log scale")
    p.add_argument(
        "--layer",
        type=int,
        help="the hidden layer (1, 2, ...) for --vary activation/hidden_width; default: every hidden layer",
    )
    p.add_argument("--epochs", type=int, help="epochs per run (default: the document's)")
    p.add_argument("--target", type=float, help="report the first epoch whose loss is at most this")
    p.add_argument("--csv", metavar="OUT", help="write every run's epoch figures as CSV")
    p.add_argument("--plot", metavar="OUT", help="write the loss curves as .png or .svg")


def _values(args: argparse.Namespace) -> list[Any]:
    from .cli import UsageError

    try:
        if args.log is not None:
            parts = args.log.split(",")
            if len(parts) != 3:
                raise UsageError("--log needs LOW,HIGH,N, e.g. --log 0.001,10,5")
            return list(log_sweep(float(parts[0]), float(parts[1]), int(parts[2])))
        return parse_values(args.vary, args.values)
    except RunSpecError as exc:
        raise UsageError(str(exc).rstrip(".")) from None
    except ValueError:
        raise UsageError(f"--log needs numbers LOW,HIGH,N, got {args.log!r}") from None


def _number(x: float, digits: int = 6) -> str:
    from .explain import fmt

    return "n/a" if math.isnan(x) else fmt(x, digits)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .cli import ProgressBar, UsageError, load_document

    doc = load_document(args.source)
    values = _values(args)
    epochs = doc.training.epochs if args.epochs is None else args.epochs
    if epochs < 0:
        raise UsageError(f"--epochs must be >= 0, got {epochs}")
    if args.target is not None and not math.isfinite(args.target):
        raise UsageError("--target must be a finite number")
    if args.plot and not args.plot.lower().endswith((".png", ".svg")):
        raise UsageError(f"--plot writes .png or .svg files, not {args.plot}")
    try:
        runs = RunSet(doc.network, doc.dataset, doc.training, args.vary, values, layer=args.layer)
    except RunSpecError as exc:
        raise UsageError(str(exc).rstrip(".")) from None

    bar = ProgressBar(epochs * len(runs), err)
    start = time.perf_counter()
    while not runs.train(epochs, seconds=_TICK):
        done = sum(epochs if runs.stop(k) else runs.epoch(k) for k in range(len(runs)))
        bar.update(done, min((runs.summary(k).final_loss for k in range(len(runs))), default=math.nan))
    if epochs:
        bar.update(epochs * len(runs), math.nan, force=True)
        bar.close()
    seconds = time.perf_counter() - start

    rows = [runs.summary(k, args.target) for k in range(len(runs))]
    head = [
        args.vary,
        "final loss",
        "best loss",
        "epochs to target" if args.target is not None else "",
        "accuracy",
        "what happened",
    ]
    table = [
        [
            r.label,
            _number(r.final_loss),
            _number(r.best_loss),
            ("-" if r.epochs_to_target < 0 else str(r.epochs_to_target)) if args.target is not None else "",
            "n/a" if math.isnan(r.accuracy) else f"{100 * r.accuracy:.1f}%",
            r.status.sentence(args.vary == "lr"),
        ]
        for r in rows
    ]
    keep = [i for i, h in enumerate(head) if h]
    widths = [max(len(head[i]), *(len(row[i]) for row in table)) for i in keep]
    lines = [
        f"sweep:   {doc.title or args.source}, {len(runs)} runs of {epochs} epochs "
        f"({len(runs.groups)} stacked group{'s' if len(runs.groups) != 1 else ''}, {seconds:.2f} s)",
        "",
    ]
    lines.append("  ".join(head[i].ljust(w) for i, w in zip(keep, widths, strict=True)).rstrip())
    for row in table:
        lines.append("  ".join(row[i].ljust(w) for i, w in zip(keep, widths, strict=True)).rstrip())
    out.write("\n".join(lines) + "\n")

    try:
        if args.csv:
            runs.write_csv(args.csv)
            err.write(f"wrote {args.csv}\n")
        if args.plot:
            from .plot_png import save_plot

            curves = [(runs.specs[k].label, *runs.epoch_values(k)) for k in range(len(runs))]
            save_plot(args.plot, curves, f"{args.vary} sweep")
            err.write(f"wrote {args.plot}\n")
    except OSError as exc:
        err.write(f"error: could not write {exc.filename or ''}: {exc.strerror or exc}\n")
        return 1
    return 0
