"""File → Export: pictures, loss history, the current step as a worked example, standalone scripts."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QSaveFile
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from gui import model_text
from gui.plots.boundary import export_png
from gui.window.actions import ActionSpec, MenuSpec
from gui.window.files import last_dir
from model import explain, exporters

if TYPE_CHECKING:
    from gui.window.interface import WindowInterface

# kind -> (file filter, default suffix)
KINDS: dict[str, tuple[str, str]] = {
    "network_png": ("PNG (*.png)", ".png"),
    "network_svg": ("SVG (*.svg)", ".svg"),
    "loss_png": ("PNG (*.png)", ".png"),
    "boundary_png": ("PNG (*.png)", ".png"),
    "loss_csv": ("CSV (*.csv)", ".csv"),
    "history_csv": ("CSV (*.csv)", ".csv"),
    "step_markdown": ("Markdown (*.md)", ".md"),
    "step_latex": ("LaTeX (*.tex)", ".tex"),
    "numpy_script": ("Python (*.py)", ".py"),
    "pytorch_script": ("Python (*.py)", ".py"),
}
CONTEXT = "ExportMenu"
#: File ▸ Export, declared once: kind -> (menu text, the letter of its two-stroke key under Ctrl+E, "export").
EXPORTS: dict[str, tuple[str, str]] = {
    "network_png": (QT_TRANSLATE_NOOP("ExportMenu", "Network diagram as PNG…"), "P"),
    "network_svg": (QT_TRANSLATE_NOOP("ExportMenu", "Network diagram as SVG…"), "S"),
    "loss_png": (QT_TRANSLATE_NOOP("ExportMenu", "Loss plot as PNG…"), "L"),
    "boundary_png": (QT_TRANSLATE_NOOP("ExportMenu", "Decision boundary as PNG…"), "B"),
    "loss_csv": (QT_TRANSLATE_NOOP("ExportMenu", "Loss per step as CSV…"), "C"),
    "history_csv": (QT_TRANSLATE_NOOP("ExportMenu", "Epoch history as CSV…"), "H"),
    "step_markdown": (QT_TRANSLATE_NOOP("ExportMenu", "Current step as Markdown…"), "M"),
    "step_latex": (QT_TRANSLATE_NOOP("ExportMenu", "Current step as LaTeX…"), "T"),
    "numpy_script": (QT_TRANSLATE_NOOP("ExportMenu", "Python script (NumPy)…"), "N"),
    "pytorch_script": (QT_TRANSLATE_NOOP("ExportMenu", "Python script (PyTorch)…"), "Y"),
}


def write_text(path: str | Path, text: str) -> None:
    """Write atomically (nothing half-written replaces an old file); OSError on failure."""
    out = QSaveFile(str(path))
    if not out.open(QSaveFile.OpenModeFlag.WriteOnly):
        raise OSError(out.errorString())
    out.write(text.encode("utf-8"))
    if not out.commit():
        raise OSError(out.errorString())


class ExportMenu(QObject):
    """Builds the Export submenu of the File menu and does each export."""

    def __init__(self, window: WindowInterface) -> None:
        super().__init__(window)  # type: ignore[arg-type]  # the window is a QMainWindow
        self.window = window
        table = window.window_actions
        table.declare_menus(
            [MenuSpec("export", QT_TRANSLATE_NOOP("ExportMenu", "&Export"), "file", before="quit")], CONTEXT
        )
        self.menu = table.menu("export")
        self.menu.setObjectName("export_menu")
        window.menus["file"].insertSeparator(window.action("quit"))
        specs = [
            ActionSpec(
                f"export_{kind}",
                text,
                shortcuts=(f"Ctrl+E, {letter}",),
                triggered=lambda _window, k=kind: self.export_dialog(k),
                menu="export",
            )
            for kind, (text, letter) in EXPORTS.items()
        ]
        made = table.add(specs, CONTEXT)
        self.actions: dict[str, QAction] = {kind: made[f"export_{kind}"] for kind in EXPORTS}

    # ------------------------------------------------------------------ exports
    def export_dialog(self, kind: str) -> bool:
        file_filter, suffix = KINDS[kind]
        start = str(Path(last_dir()) / f"{kind}{suffix}")
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export"), start, file_filter)  # type: ignore[arg-type]
        return self.export(kind, path) if path else False

    def export(self, kind: str, path: str | Path) -> bool:
        """Write one export to ``path``; a failure is reported in one dialog and returns False."""
        say = model_text.message  # the words and comments in the interface's language
        writers: dict[str, Callable[[Path], None]] = {
            "network_png": self._network_picture,
            "network_svg": self._network_picture,
            "loss_png": lambda p: export_png(self.window.loss_plot, p),
            "boundary_png": self._boundary_picture,
            "loss_csv": lambda p: write_text(p, self.loss_csv()),
            "history_csv": lambda p: write_text(p, self.history_csv()),
            "step_markdown": lambda p: write_text(p, self.step_text(latex=False)),
            "step_latex": lambda p: write_text(p, self.step_text(latex=True)),
            "numpy_script": lambda p: write_text(p, exporters.numpy_script(self.window.session.document, say)),
            "pytorch_script": lambda p: write_text(p, exporters.pytorch_script(self.window.session.document, say)),
        }
        try:
            writers[kind](Path(path))
        except (OSError, ValueError) as exc:
            self.window.report_error(
                self.tr("Could not export to %1: %2").replace("%1", str(path)).replace("%2", str(exc))
            )
            return False
        self.window.show_message(self.tr("Exported %1").replace("%1", str(path)), info=True)
        return True

    def _boundary_picture(self, path: Path) -> None:
        data = self.window.session.dataset
        if data.n_inputs != 2 or data.kind != "classification":
            raise ValueError(self.tr("there is a decision boundary only for classification data with 2 inputs"))
        export_png(self.window.boundary_plot, path)

    def _network_picture(self, path: Path) -> None:
        if not self.window.network_view.render_to_image(path):
            raise OSError("the picture could not be written")

    def loss_csv(self) -> str:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["step", "loss"])
        losses = self.window.session.trainer.step_losses
        # The kept steps: every step until the history's budget, evenly thinned beyond it (model.history).
        for step, loss in zip(losses.numbers() + 1, losses, strict=True):
            writer.writerow([int(step), repr(loss)])
        return buf.getvalue()

    def history_csv(self) -> str:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["epoch", "loss", "val_loss", "accuracy", "val_accuracy", "lr"])
        for r in self.window.session.trainer.history:
            row = [r.epoch, r.loss, r.val_loss, r.accuracy, r.val_accuracy, r.lr]
            writer.writerow([v if isinstance(v, int) else ("" if math.isnan(v) else repr(v)) for v in row])
        return buf.getvalue()

    def step_text(self, latex: bool) -> str:
        """The step under way (as far as it has gone), or else the next whole step, as a worked example."""
        s = self.window.session
        precision = max(4, self.window.precision)
        if s.stepping:
            make = explain.step_latex if latex else explain.step_markdown
            return make(s.document, s.view(), s.trainer.optimizer, precision, model_text.message)
        return (exporters.latex if latex else exporters.markdown)(s.document, precision, model_text.message)


def install(window: WindowInterface) -> ExportMenu:
    return ExportMenu(window)
