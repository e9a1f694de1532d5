"""The headless commands behind ``python main.py train|export ...``.

    train PRESET_OR_FILE [--epochs N] [--optimizer NAME] [--lr X] [--batch-size N] [--seed N] [--save OUT]
    export FILE_OR_PRESET --format numpy|pytorch|markdown|latex [-o OUT]
    gradcheck PRESET_OR_FILE [--h H] [--threshold T] ...   (model/cli_gradcheck.py)
    sweep PRESET_OR_FILE --vary VARIABLE --values V1,V2,... [--epochs N] ...   (model/cli_sweep.py)

Progress goes to stderr, results to stdout.  Bad input (an unknown preset, a
file that does not load, a bad option) gives one line ``error: ...`` on
stderr and exit status 2; a failure to write the output gives exit status 1.
Like everything in ``model``, this never imports Qt, so it runs on machines
without a display.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from . import cli_gradcheck, cli_sweep
from .document import Document

COMMANDS = ("train", "export", "gradcheck", "sweep")
FORMATS = ("numpy", "pytorch", "markdown", "latex")
#: --format inferred from the output's suffix when not given.
SUFFIX_FORMATS = {".md": "markdown", ".markdown": "markdown", ".tex": "latex"}


class UsageError(Exception):
    """Bad input: reported as one line ``error: ...`` with exit status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse that raises UsageError instead of printing usage and exiting."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="main.py", description="Backprop Playground without a window.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    train = sub.add_parser(
        "train",
        help="train a preset or lesson file and print a summary",
        description="Train a preset or lesson file; a progress bar goes to stderr, the summary to stdout.",
    )
    train.add_argument("source", metavar="PRESET_OR_FILE", help="a preset name or a lesson file (.json)")
    train.add_argument("--epochs", type=int, help="epochs to train (default: the document's)")
    train.add_argument("--optimizer", metavar="NAME", help="sgd, momentum, nesterov, adagrad, rmsprop or adam")
    train.add_argument(
        "--lr",
        type=float,
        help="learning rate (default: the document's, or the optimizer's own default when --optimizer changes it)",
    )
    train.add_argument("--batch-size", type=int, help="samples per step; 0 = the whole training set")
    train.add_argument("--seed", type=int, help="seed of the mini-batch shuffling")
    train.add_argument("--save", metavar="OUT", help="save the trained document as a lesson file")
    export = sub.add_parser(
        "export",
        help="write a document's first training step as a script or worked example",
        description="Write the first training step of a preset or lesson file as a runnable numpy or PyTorch "
        "script, or as a worked example in Markdown or LaTeX.",
    )
    export.add_argument("source", metavar="FILE_OR_PRESET", help="a lesson file (.json) or a preset name")
    export.add_argument("--format", choices=FORMATS, help="default: from the suffix of OUT (.md, .tex)")
    export.add_argument("-o", "--output", metavar="OUT", help="file to write (default or '-': stdout)")
    cli_gradcheck.add_parser(sub)
    cli_sweep.add_parser(sub)
    return parser


# ------------------------------------------------------------------- loading
def load_document(source: str) -> Document:
    """A lesson file if ``source`` is an existing file, else the preset of that name."""
    from . import fileformat, presets

    path = Path(source)
    try:
        if path.is_file():
            return fileformat.load(path)
        if source in presets.PRESETS:
            return presets.load_preset(source)
    except fileformat.FileFormatError as exc:
        raise UsageError(f"{source}: {exc}") from None
    except OSError as exc:
        raise UsageError(f"cannot read {source}: {exc.strerror or exc}") from None
    if path.suffix or "/" in source or "\\" in source:
        raise UsageError(f"no such file: {source}")
    raise UsageError(f"no preset or file named {source!r}; presets: {', '.join(presets.PRESETS)}")


def apply_overrides(doc: Document, args: argparse.Namespace) -> None:
    """Apply --optimizer/--lr/--batch-size/--seed/--epochs to ``doc.training``, checking each."""
    from .optimizers import NAMES, default_lr, make_optimizer

    s = doc.training
    if args.optimizer is not None and args.optimizer != s.optimizer:
        if args.optimizer not in NAMES:
            raise UsageError(f"unknown optimizer {args.optimizer!r}; choose one of {', '.join(NAMES)}")
        # Another optimizer starts from its own defaults: the old one's hyperparameters may not apply.
        s.optimizer, s.hyper = args.optimizer, {}
        if args.lr is None:
            s.lr = default_lr(args.optimizer)
    if args.lr is not None:
        if not (math.isfinite(args.lr) and args.lr >= 0):
            raise UsageError(f"--lr must be a finite number >= 0, got {args.lr}")
        s.lr = args.lr
    if args.batch_size is not None:
        if args.batch_size < 0:
            raise UsageError(f"--batch-size must be >= 0 (0 = the whole training set), got {args.batch_size}")
        s.batch_size = args.batch_size
    if args.seed is not None:
        if args.seed < 0:
            raise UsageError(f"--seed must be >= 0, got {args.seed}")
        s.seed = args.seed
    if args.epochs is not None:
        if args.epochs < 0:
            raise UsageError(f"--epochs must be >= 0, got {args.epochs}")
        s.epochs = args.epochs
    try:
        make_optimizer(s.optimizer, lr=s.lr, weight_decay=s.weight_decay, l1=s.l1, **s.hyper)
    except (TypeError, ValueError) as exc:
        raise UsageError(str(exc)) from None


# ------------------------------------------------------------------- training
class ProgressBar:
    """A one-line text progress bar, redrawn at most ten times a second."""

    def __init__(self, total: int, stream: TextIO, width: int = 30) -> None:
        self.total, self.stream, self.width = total, stream, width
        self.done = 0
        self._last = -math.inf

    def update(self, done: int, loss: float, force: bool = False) -> None:
        self.done = done
        now = time.monotonic()
        if not force and done < self.total and now - self._last < 0.1:
            return
        self._last = now
        from .explain import fmt

        filled = self.width * done // max(1, self.total)
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(f"\r[{bar}] {done}/{self.total} epochs  loss {fmt(loss, 4)}")
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\n")
        self.stream.flush()


def train(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .dataset import TRAIN, VALIDATION
    from .explain import fmt
    from .history import EpochRecord
    from .trainer import Trainer

    doc = load_document(args.source)
    apply_overrides(doc, args)
    s = doc.training
    trainer = Trainer(doc.network, doc.dataset, s)
    n_train = len(doc.dataset.indices(TRAIN))
    bar = ProgressBar(s.epochs, err)
    start = time.perf_counter()

    def on_epoch(rec: EpochRecord) -> None:
        bar.update(trainer.history.count, rec.loss)

    if n_train and s.epochs:
        bar.update(0, trainer.evaluate(TRAIN)[0])
        trainer.run(s.epochs, on_epoch)
        bar.update(trainer.history.count, trainer.evaluate(TRAIN)[0], force=True)
        bar.close()
    seconds = time.perf_counter() - start

    loss, acc = trainer.evaluate(TRAIN)
    val_loss, val_acc = trainer.evaluate(VALIDATION)
    net = doc.network
    if trainer.stop_reason:
        reason = str(trainer.stop_reason)
    elif not n_train:
        reason = "nothing to train on: the dataset has no training samples"
    else:
        reason = f"finished all {s.epochs} epochs"
    batch = "full batch" if trainer.batch_size >= n_train else f"batch {trainer.batch_size}"
    samples = f"{n_train} sample" + ("" if n_train == 1 else "s")

    def pct(x: float) -> str:
        return "n/a" if math.isnan(x) else f"{100 * x:.1f}%"

    lines = [
        f"trained:     {doc.title or args.source}",
        f"network:     {'-'.join(map(str, net.sizes))} ({', '.join(net.activations)}), loss {net.loss}",
        f"optimizer:   {s.optimizer}, lr {fmt(s.lr, 6)}, {batch} of {samples}",
        f"epochs:      {trainer.history.count} ({trainer.steps} step{'' if trainer.steps == 1 else 's'}, "
        f"{seconds:.2f} s)",
        f"final loss:  {fmt(loss, 6)}",
        f"accuracy:    {pct(acc)}" + ("" if doc.dataset.kind == "classification" else " (regression)"),
    ]
    if not math.isnan(val_loss):
        lines.append(f"validation:  loss {fmt(val_loss, 6)}, accuracy {pct(val_acc)}")
    lines.append(f"stop reason: {reason}")
    if args.save:
        from .fileformat import save

        try:
            save(doc, args.save)
        except OSError as exc:
            out.write("\n".join(lines) + "\n")
            err.write(f"error: could not save {args.save}: {exc.strerror or exc}\n")
            return 1
        lines.append(f"saved:       {args.save}")
    out.write("\n".join(lines) + "\n")
    return 0


# -------------------------------------------------------------------- export
def export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from . import exporters

    fmt_name = args.format
    if fmt_name is None and args.output not in (None, "-"):
        fmt_name = SUFFIX_FORMATS.get(Path(args.output).suffix.lower())
    if fmt_name is None:
        raise UsageError(f"choose a format with --format ({'|'.join(FORMATS)})")
    doc = load_document(args.source)
    writers: dict[str, Callable[[Document], str]] = {
        "numpy": exporters.numpy_script,
        "pytorch": exporters.pytorch_script,
        "markdown": exporters.markdown,
        "latex": exporters.latex,
    }
    try:
        text = writers[fmt_name](doc)
    except ValueError as exc:
        raise UsageError(f"cannot export {args.source}: {exc}") from None
    if args.output in (None, "-"):
        out.write(text)
        return 0
    try:
        Path(args.output).write_text(text, encoding="utf-8")
    except OSError as exc:
        err.write(f"error: could not write {args.output}: {exc.strerror or exc}\n")
        return 1
    err.write(f"wrote {args.output} ({fmt_name})\n")
    return 0


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run one headless command; returns the exit status."""
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    try:
        args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
        if args.command == cli_gradcheck.NAME:
            return cli_gradcheck.run(args, out, err)
        if args.command == cli_sweep.NAME:
            return cli_sweep.run(args, out, err)
        return train(args, out, err) if args.command == "train" else export(args, out, err)
    except UsageError as exc:
        err.write(f"error: {' '.join(str(exc).split())}\n")
        return 2
