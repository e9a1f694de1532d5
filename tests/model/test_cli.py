"""The headless commands: train and export through main.py, their errors, and no Qt on the way."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from model import cli

ROOT = Path(__file__).resolve().parents[2]
presets = pytest.importorskip("model.presets")


def main_py(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=300, cwd=cwd
    )


def run(*args: str) -> tuple[int, str, str]:
    """model.cli.main in-process: (status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    status = cli.main(list(args), out, err)
    return status, out.getvalue(), err.getvalue()


def test_train_a_preset_through_main_py() -> None:
    done = main_py("train", "xor_train", "--epochs", "40")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "epochs:      40 (40 steps" in out
    for key in ("final loss:", "accuracy:", "stop reason: finished all 40 epochs", "optimizer:   sgd"):
        assert key in out, key
    assert "40/40 epochs" in done.stderr and "[" in done.stderr  # the progress bar


def test_train_does_not_import_qt() -> None:
    code = (
        "import sys; sys.argv = ['main.py']; import main\n"
        "status = main.main(['train', 'xor_train', '--epochs', '3'])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph', 'gui'))\n"
        "print('status', status, 'qt', bad)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "status 0 qt []" in done.stdout


def test_overrides_and_save(tmp_path: Path) -> None:
    from model import fileformat

    out_file = tmp_path / "trained.json"
    status, out, err = run(
        "train",
        "xor_train",
        "--epochs",
        "7",
        "--optimizer",
        "adam",
        "--batch-size",
        "2",
        "--seed",
        "4",
        "--save",
        str(out_file),
    )
    assert status == 0, err
    assert "optimizer:   adam, lr 0.001, batch 2 of 4 samples" in out  # adam's own default lr
    assert "epochs:      7 (14 steps" in out and f"saved:       {out_file}" in out
    saved = fileformat.load(out_file)
    assert saved.training.optimizer == "adam" and saved.training.batch_size == 2 and saved.training.seed == 4
    fresh = presets.load_preset("xor_train")
    assert not np.array_equal(saved.network.weights[0], fresh.network.weights[0])  # trained weights were saved

    status, out, err = run("train", str(out_file), "--epochs", "2", "--lr", "0.5")
    assert status == 0, err
    assert "lr 0.5" in out


def test_regression_and_divergence_are_reported_not_failed() -> None:
    status, out, _ = run("train", "house_price", "--lr", "1", "--epochs", "100")
    assert status == 0
    assert "accuracy:    n/a (regression)" in out
    assert "stop reason: Training stopped" in out and "diverged" in out


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["train", "no_such_preset"], "no preset or file named 'no_such_preset'"),
        (["train", "missing.json"], "no such file: missing.json"),
        (["train", "xor_train", "--optimizer", "lbfgs"], "unknown optimizer 'lbfgs'"),
        (["train", "xor_train", "--lr", "-0.1"], "--lr must be a finite number >= 0"),
        (["train", "xor_train", "--lr", "nan"], "--lr must be a finite number >= 0"),
        (["train", "xor_train", "--epochs", "-3"], "--epochs must be >= 0"),
        (["train", "xor_train", "--epochs", "many"], "invalid int value"),
        (["train", "xor_train", "--batch-size", "-1"], "--batch-size must be >= 0"),
        (["train", "xor_train", "--seed", "-1"], "--seed must be >= 0"),
        (["train"], "required"),
        (["train", "xor_train", "--bogus"], "unrecognized arguments"),
        (["export", "xor_train", "--format", "pdf"], "invalid choice"),
        (["export", "xor_train", "-o", "out.txt"], "choose a format"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: list[str], words: str) -> None:
    status, out, err = run(*args)
    assert status == 2 and out == ""
    assert err.startswith("error: ") and err.endswith("\n") and err.count("\n") == 1, err
    assert words in err


def test_a_broken_file_is_a_file_format_error(tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "backprop-playground", "version": 1, "network": {}}', encoding="utf-8")
    done = main_py("train", str(bad))
    assert done.returncode == 2
    assert done.stderr.startswith(f"error: {bad}: ") and done.stderr.count("\n") == 1
    bad.write_text("not json", encoding="utf-8")
    status, _, err = run("export", str(bad), "--format", "numpy")
    assert status == 2 and "not valid JSON" in err


@pytest.mark.parametrize(
    ("fmt", "name", "check"),
    [
        ("numpy", "step.py", "import numpy as np"),
        ("pytorch", "step_torch.py", "import torch"),
        ("markdown", "step.md", "## 1. Forward pass"),
        ("latex", "step.tex", r"\documentclass"),
    ],
)
def test_export_writes_each_format(tmp_path: Path, fmt: str, name: str, check: str) -> None:
    target = tmp_path / name
    done = main_py("export", "backprop_walkthrough", "--format", fmt, "-o", str(target))
    assert done.returncode == 0, done.stderr
    text = target.read_text(encoding="utf-8")
    assert check in text
    if fmt in ("markdown", "latex"):
        assert "-851.2" in text and "8.612" in text
    if fmt == "numpy":
        result = subprocess.run([sys.executable, str(target), "--json"], capture_output=True, text=True, timeout=60)
        assert json.loads(result.stdout)["dW"][2][0][0] == pytest.approx(-851.2)


def test_export_format_from_suffix_and_to_stdout(tmp_path: Path) -> None:
    status, _, err = run("export", "xor_by_hand", "-o", str(tmp_path / "x.tex"))
    assert status == 0 and "latex" in err
    assert (tmp_path / "x.tex").read_text(encoding="ascii").startswith(r"\documentclass")
    status, out, _ = run("export", "xor_by_hand", "--format", "markdown")
    assert status == 0 and out.startswith("# One training step")


def test_gui_arguments_are_parsed_for_gui_app() -> None:
    import main

    args = main.gui_parser().parse_args(
        ["lesson.json", "--screenshot", "a.png", "--preset", "xor_train", "--train-steps", "5", "--lang", "ko"]
    )
    assert (args.file, args.screenshot, args.preset, args.train_steps, args.lang) == (
        "lesson.json",
        "a.png",
        "xor_train",
        5,
        "ko",
    )
    assert args.install_desktop_entry is False
    assert main.gui_parser().parse_args([]).train_steps == 0
