"""File → Export: pictures, loss history, the current step as a worked example, standalone scripts."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSaveFile
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu

from gui.plots.boundary import export_png
from model import explain, exporters

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

    def __init__(self, window) -> None:  # noqa: ANN001 - a MainWindow
        super().__init__(window)
        self.window = window
        self.menu = QMenu(window)
        self.menu.setObjectName("export_menu")
        self.actions: dict[str, QAction] = {}
        # Two-stroke keys under Ctrl+E ("export"), one letter per kind.
        letters = dict(zip(KINDS, "PSLBCHMTNY", strict=True))
        shortcuts = {kind: f"Ctrl+E, {letter}" for kind, letter in letters.items()}
        for kind in KINDS:
            action = QAction(window)
            action.setObjectName(f"export_{kind}")
            if kind in shortcuts:
                action.setShortcut(QKeySequence(shortcuts[kind]))
            action.triggered.connect(lambda _c=False, k=kind: self.export_dialog(k))
            self.menu.addAction(action)
            self.actions[kind] = action
            window.actions_by_name[f"export_{kind}"] = action
        file_menu = window.menus["file"]
        file_menu.insertMenu(window.actions_by_name["quit"], self.menu)
        file_menu.insertSeparator(window.actions_by_name["quit"])
        window.retranslated.connect(self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Export"))
        names = {
            "network_png": self.tr("Network diagram as PNG…"),
            "network_svg": self.tr("Network diagram as SVG…"),
            "loss_png": self.tr("Loss plot as PNG…"),
            "boundary_png": self.tr("Decision boundary as PNG…"),
            "loss_csv": self.tr("Loss per step as CSV…"),
            "history_csv": self.tr("Epoch history as CSV…"),
            "step_markdown": self.tr("Current step as Markdown…"),
            "step_latex": self.tr("Current step as LaTeX…"),
            "numpy_script": self.tr("Python script (NumPy)…"),
            "pytorch_script": self.tr("Python script (PyTorch)…"),
        }
        for kind, text in names.items():
            action = self.actions[kind]
            action.setText(text)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text} ({keys})" if keys else text)

    # ------------------------------------------------------------------ exports
    def export_dialog(self, kind: str) -> bool:
        file_filter, suffix = KINDS[kind]
        start = str(Path(self.window._last_dir()) / f"{kind}{suffix}")
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export"), start, file_filter)
        return self.export(kind, path) if path else False

    def export(self, kind: str, path: str | Path) -> bool:
        """Write one export to ``path``; a failure is reported in one dialog and returns False."""
        writers: dict[str, Callable[[Path], None]] = {
            "network_png": self._network_picture,
            "network_svg": self._network_picture,
            "loss_png": lambda p: export_png(self.window.loss_plot, p),
            "boundary_png": self._boundary_picture,
            "loss_csv": lambda p: write_text(p, self.loss_csv()),
            "history_csv": lambda p: write_text(p, self.history_csv()),
            "step_markdown": lambda p: write_text(p, self.step_text(latex=False)),
            "step_latex": lambda p: write_text(p, self.step_text(latex=True)),
            "numpy_script": lambda p: write_text(p, exporters.numpy_script(self.window.session.document)),
            "pytorch_script": lambda p: write_text(p, exporters.pytorch_script(self.window.session.document)),
        }
        try:
            writers[kind](Path(path))
        except (OSError, ValueError) as exc:
            self.window.report_error(
                self.tr("Could not export to %1: %2").replace("%1", str(path)).replace("%2", str(exc))
            )
            return False
        self.window.show_message(self.tr("Exported %1").replace("%1", str(path)))
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
        for step, loss in enumerate(self.window.session.trainer.step_losses, start=1):
            writer.writerow([step, repr(loss)])
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
            return make(s.document, s.view(), s.trainer.optimizer, precision)
        return (exporters.latex if latex else exporters.markdown)(s.document, precision)


def install(window) -> ExportMenu:  # noqa: ANN001 - a MainWindow
    return ExportMenu(window)
