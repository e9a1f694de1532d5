"""File → Export: every kind writes a real file, from the window, and bad paths lose nothing."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox

import model
from gui.app import make_application
from gui.window.main_window import MainWindow


@pytest.fixture()
def window(qtbot, monkeypatch, tmp_path):
    make_application()
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    # Training is an undoable change: closing a trained window would ask to save (and block the test).
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    w = MainWindow(model.load_preset("backprop_walkthrough"))
    qtbot.addWidget(w)
    w.warnings = warnings
    yield w
    w.session.undo_stack.setClean()


def test_pictures_are_written(window, tmp_path):
    assert not window.export_menu.export("boundary_png", tmp_path / "none.png")  # regression data: no boundary
    assert len(window.warnings) == 1 and not (tmp_path / "none.png").exists()
    window.load_document(model.load_preset("xor_train"))
    for kind, name in (("network_png", "n.png"), ("loss_png", "l.png"), ("boundary_png", "b.png")):
        assert window.export_menu.export(kind, tmp_path / name), kind
        image = QImage(str(tmp_path / name))
        assert image.width() > 100 and image.height() > 50, kind
    assert window.export_menu.export("network_svg", tmp_path / "n.svg")
    assert "<svg" in (tmp_path / "n.svg").read_text(encoding="utf-8")


def test_loss_and_history_csv_hold_the_training(window, tmp_path):
    for _ in range(3):
        window.action("finish_step").trigger()
    assert window.export_menu.export("loss_csv", tmp_path / "loss.csv")
    rows = list(csv.reader((tmp_path / "loss.csv").read_text().splitlines()))
    assert rows[0] == ["step", "loss"]
    assert [float(r[1]) for r in rows[1:]] == list(window.session.trainer.step_losses)
    assert window.export_menu.export("history_csv", tmp_path / "h.csv")
    rows = list(csv.reader((tmp_path / "h.csv").read_text().splitlines()))
    assert rows[0][:2] == ["epoch", "loss"] and len(rows) == 1 + len(window.session.trainer.history)


def test_current_step_markdown_has_the_walkthrough_numbers(window, tmp_path):
    assert window.export_menu.export("step_markdown", tmp_path / "step.md")
    text = (tmp_path / "step.md").read_text(encoding="utf-8")
    for number in ("1520", "15.2", "-851.2", "8.612"):
        assert number in text, number
    assert window.export_menu.export("step_latex", tmp_path / "step.tex")
    assert "\\documentclass" in (tmp_path / "step.tex").read_text(encoding="utf-8")


def test_markdown_of_a_step_under_way_shows_only_what_was_computed(window, tmp_path):
    for _ in range(3):  # forward layer by layer, not yet the loss
        window.action("step_forward").trigger()
    text = window.export_menu.step_text(latex=False)
    assert "1520" in text and "-851.2" not in text


def test_numpy_script_reproduces_the_engine(window, tmp_path):
    path = tmp_path / "net.py"
    assert window.export_menu.export("numpy_script", path)
    out = subprocess.run([sys.executable, str(path), "--json"], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    assert np.allclose(result["output"], [[15.2]])
    assert np.allclose(result["weights_after"][2], [[8.612], [25.0]])


def test_a_path_that_cannot_be_written_is_reported_and_changes_nothing(window, tmp_path):
    before = window.session.network.state()
    assert not window.export_menu.export("loss_csv", tmp_path / "missing-dir" / "x.csv")
    assert len(window.warnings) == 1
    after = window.session.network.state()
    assert all(np.array_equal(a, b) for a, b in zip(before["weights"], after["weights"], strict=True))


def test_every_export_action_is_in_the_file_menu_with_a_name(window):
    names = [a.objectName() for a in window.export_menu.menu.actions()]
    assert names == [
        f"export_{k}"
        for k in (
            "network_png",
            "network_svg",
            "loss_png",
            "boundary_png",
            "loss_csv",
            "history_csv",
            "step_markdown",
            "step_latex",
            "numpy_script",
            "pytorch_script",
        )
    ]
    assert all(a.text() for a in window.export_menu.menu.actions())
