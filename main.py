"""Backprop Playground: the one entry point, for the window and for the headless commands.

    python main.py [FILE] [--preset NAME] [--screenshot OUT.png] [--train-steps N] [--lang en|ko]
    python main.py train PRESET_OR_FILE [--epochs N] [--optimizer NAME] [--lr X] [--batch-size N] ...
    python main.py export FILE_OR_PRESET --format numpy|pytorch|markdown|latex -o OUT
    python main.py gradcheck PRESET_OR_FILE [--h H] [--threshold T]
    python main.py sweep PRESET_OR_FILE --vary lr --values 0.001,0.01,0.1,1 [--epochs N] [--csv OUT] [--plot OUT.png]

Parsing and dispatch only: the window lives in gui.app, the commands in
model.cli.  Imports are lazy so that the headless commands never load Qt.
"""

from __future__ import annotations

import argparse
import sys

HEADLESS_COMMANDS = ("train", "export", "gradcheck", "sweep")


def gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Draw a small neural network, set every number by hand and step through backprop.",
        epilog="Without a window: 'main.py train PRESET_OR_FILE ...' and 'main.py export FILE_OR_PRESET ...' "
        "(see 'main.py train --help').",
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help="a lesson file (.json) to open")
    parser.add_argument("--preset", metavar="NAME", help="open a built-in lesson, e.g. backprop_walkthrough")
    parser.add_argument("--screenshot", metavar="OUT.png", help="save a picture of the window and quit")
    parser.add_argument("--train-steps", type=int, default=0, metavar="N", help="train N steps before showing")
    parser.add_argument("--lang", choices=("en", "ko"), help="language of the interface")
    parser.add_argument("--install-desktop-entry", action="store_true", help="add the app to the desktop menu")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in HEADLESS_COMMANDS:
        from model.cli import main as run_command

        return run_command(argv)
    args = gui_parser().parse_args(argv)
    from gui.app import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
