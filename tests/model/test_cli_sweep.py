"""``main.py sweep``: the table, CSV and plot, one error line for bad input, and no Qt."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from model import cli

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.main(list(args), out, err)
    return status, out.getvalue(), err.getvalue()


def test_sweep_through_main_py_prints_the_table(tmp_path: Path) -> None:
    out_csv, out_png = tmp_path / "s.csv", tmp_path / "s.png"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "sweep",
            "xor_train",
            "--vary",
            "lr",
            "--values",
            "0.001,1,400",
            "--epochs",
            "300",
            "--target",
            "0.1",
            "--csv",
            str(out_csv),
            "--plot",
            str(out_png),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "3 runs of 300 epochs" in lines[0]
    header = lines[2]
    for col in ("lr", "final loss", "best loss", "epochs to target", "accuracy", "what happened"):
        assert col in header
    assert lines[3].startswith("0.001") and "too slow" in lines[3] and "learning rate is too small" in lines[3]
    assert lines[4].startswith("1 ") and "converging" in lines[4]
    assert "300/300" not in done.stderr or "[" in done.stderr  # a progress bar on stderr
    with out_csv.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows[0]["label"] == "0.001" and rows[0]["epoch"] == "1"
    assert sum(r["run"] == "1" for r in rows) == 300
    assert out_png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "PySide6" not in done.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--vary", "lr", "--values", "0.1,x"], "'x' is not a number"),
        (["--vary", "lr", "--values", "-1"], "at least 0"),
        (["--vary", "colour", "--values", "1"], "invalid choice"),
        (["--vary", "lr"], "one of the arguments --values --log is required"),
        (["--vary", "lr", "--log", "1,0.1,3"], "0 < low < high"),
        (["--vary", "optimizer", "--values", "adam(momentum=0.9)"], "no setting 'momentum'"),
        (["--vary", "lr", "--values", "0.1", "--plot", "x.jpg"], ".png or .svg"),
        (["--vary", "hidden_width", "--values", "2", "--layer", "5"], "not a hidden layer"),
    ],
)
def test_bad_input_is_one_error_line(args, words) -> None:
    status, out, err = run("sweep", "xor_train", "--epochs", "2", *args)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("error: ") and words in err, err


def test_log_sweep_and_optimizers(tmp_path: Path) -> None:
    status, out, _ = run("sweep", "xor_train", "--vary", "lr", "--log", "0.01,10,4", "--epochs", "5")
    assert status == 0 and [line.split()[0] for line in out.splitlines()[3:]] == ["0.01", "0.1", "1", "10"]
    status, out, _ = run(
        "sweep",
        "xor_train",
        "--vary",
        "optimizer",
        "--values",
        "sgd(lr=1),adam(lr=0.05)",
        "--epochs",
        "5",
        "--plot",
        str(tmp_path / "p.svg"),
    )
    assert status == 0 and "adam (lr=0.05)" in out
    assert (tmp_path / "p.svg").read_text(encoding="utf-8").startswith("<svg")
