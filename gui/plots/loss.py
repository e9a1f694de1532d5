"""The loss plot: training loss per step and per epoch, validation loss per epoch.

Its curves are created once and fed new arrays at the display rate, read
from the trainer's bounded histories (model.history).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

import model
from gui.plots.style import _font, _key_html, _labels, _note, _style
from gui.style.palette import CLASS_COLOURS

if TYPE_CHECKING:
    from gui.session import Session

Array = np.ndarray

#: Groups of steps (each drawn as its min and max) per curve once a run outgrows them: a few per pixel.
CURVE_GROUPS = 512


# ----------------------------------------------------------------- loss curve
class LossPlot(QWidget):
    """Training loss per step and per epoch, and validation loss per epoch.

    ``set_x_axis("step" | "epoch")`` picks the x axis; the other unit is
    converted with the current steps per epoch.  Hovering shows the exact value
    of the nearest point.  Non-finite values are dropped, and in log scale so
    are values ≤ 0.  With ``controls`` a small row above the plot offers both
    options; ``log_scale_changed`` lets a window's own toggle follow it.
    """

    log_scale_changed = Signal(bool)

    def __init__(self, session: Session, parent: QWidget | None = None, *, controls: bool = True) -> None:
        super().__init__(parent)
        self.session = session
        self.x_axis = "step"
        self.log_scale = False
        self.plot_widget = pg.PlotWidget(background="w")
        self.plot_item: pg.PlotItem = self.plot_widget.getPlotItem()
        # No grid: Qt draws its translucent lines slowly in software and the curve reads fine without.
        _style(self.plot_item)
        self.step_curve = pg.PlotDataItem(pen=pg.mkPen((150, 150, 150), width=1))
        self.epoch_curve = pg.PlotDataItem(pen=pg.mkPen(CLASS_COLOURS[0], width=2))
        self.val_curve = pg.PlotDataItem(pen=pg.mkPen(CLASS_COLOURS[1], width=2, style=Qt.PenStyle.DashLine))
        for curve in (self.step_curve, self.epoch_curve, self.val_curve):
            self.plot_item.addItem(curve)
            # After addItem, which imposes the PlotItem's own defaults (no downsampling, no clipping): set
            # before it, these were silently off, and every frame drew every step ever taken.
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            # About one min/max pair per pixel column instead of pyqtgraph's default of five:
            # the same picture for a loss curve, and a fifth of the line segments to draw.
            curve.opts["autoDownsampleFactor"] = 1.0
        self._names = {
            "step": self.tr("training loss (step)"),
            "epoch": self.tr("training loss (epoch)"),
            "val": self.tr("validation loss"),
        }
        self._has_val: bool | None = None  # whether the key lists the validation curve
        self._one_step_epochs = False  # full batch: the step curve is hidden (it is the epoch curve)
        session.structure_changed.connect(self._on_session_structure_changed)
        # The key sits beside the controls (or above the plot): a legend inside hides the curves in a short dock.
        self.controls = controls
        self.key = QLabel()
        self.key.setTextFormat(Qt.TextFormat.RichText)
        self.key.setWordWrap(True)  # wraps in a narrow dock instead of widening it
        self.key.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.hover_text = pg.TextItem("", color="#111111", fill=pg.mkBrush(255, 255, 240, 230), border="#888888")
        self.hover_text.setFont(_font())
        self.hover_dot = pg.ScatterPlotItem(size=9, pen=pg.mkPen("#111111", width=1.5), brush=None)
        for item in (self.hover_text, self.hover_dot):
            item.setZValue(100)
            item.hide()
            self.plot_item.addItem(item, ignoreBounds=True)
        # What each curve shows now: (x in view units, y in view units, raw number, raw loss).
        self._shown: dict[str, tuple[Array, Array, Array, Array]] = {}
        self.plot_widget.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.axis_combo = QComboBox()
        self.axis_combo.addItem(self.tr("steps"), "step")
        self.axis_combo.addItem(self.tr("epochs"), "epoch")
        self.axis_combo.currentIndexChanged.connect(lambda _i: self.set_x_axis(self.axis_combo.currentData()))
        self.log_check = QCheckBox(self.tr("Log scale"))
        self.log_check.toggled.connect(self.set_log_scale)
        self.axis_label = QLabel(self.tr("x axis:"))
        if controls:
            row = QHBoxLayout()
            row.addWidget(self.axis_label)
            row.addWidget(self.axis_combo)
            row.addWidget(self.log_check)
            row.addWidget(self.key, 1)
            layout.addLayout(row)
        layout.addWidget(self.plot_widget, 1)
        self._relabel()
        self.refresh()

    def _on_session_structure_changed(self) -> None:
        """Re-read the class colours (View → Colours may have switched the palette): curves and key."""
        self.epoch_curve.setPen(pg.mkPen(CLASS_COLOURS[0], width=2))
        self.val_curve.setPen(pg.mkPen(CLASS_COLOURS[1], width=2, style=Qt.PenStyle.DashLine))
        self._has_val = None
        self._one_step_epochs = False

    # ---------------------------------------------------------------- options
    def set_x_axis(self, unit: str) -> None:
        if unit not in ("step", "epoch"):
            raise ValueError(f"x axis must be 'step' or 'epoch', not {unit!r}")
        self.x_axis = unit
        self.axis_combo.blockSignals(True)
        self.axis_combo.setCurrentIndex(self.axis_combo.findData(unit))
        self.axis_combo.blockSignals(False)
        self._relabel()
        self.refresh()

    def set_log_scale(self, on: bool) -> None:
        changed = bool(on) != self.log_scale
        self.log_scale = bool(on)
        self.log_check.blockSignals(True)
        self.log_check.setChecked(self.log_scale)
        self.log_check.blockSignals(False)
        # Start from a sane range: until auto-range runs (or for ever, with no data) a log axis
        # would read the old linear range (say 0..400) as 10^0..10^400 and overflow.
        self.plot_item.setYRange(*((-3.0, 1.0) if self.log_scale else (0.0, 1.0)), padding=0)
        self.plot_item.setLogMode(x=False, y=self.log_scale)
        self.refresh()
        self.plot_item.enableAutoRange()
        if changed:
            self.log_scale_changed.emit(self.log_scale)

    def _relabel(self) -> None:
        _labels(self.plot_item, self.tr("step") if self.x_axis == "step" else self.tr("epoch"), self.tr("loss"))

    def retranslate(self) -> None:
        """The language changed: controls, axis labels, the key and the hover text."""
        self._names = {
            "step": self.tr("training loss (step)"),
            "epoch": self.tr("training loss (epoch)"),
            "val": self.tr("validation loss"),
        }
        self.axis_combo.setItemText(0, self.tr("steps"))
        self.axis_combo.setItemText(1, self.tr("epochs"))
        self.log_check.setText(self.tr("Log scale"))
        self.axis_label.setText(self.tr("x axis:"))
        self._relabel()
        if self._has_val is not None:
            self._set_key(self._has_val)
        self.hover_text.hide()
        self.hover_dot.hide()

    # ---------------------------------------------------------------- refresh
    def steps_per_epoch(self) -> int:
        """Updates per epoch with the current batch size (used to put steps and epochs on one axis)."""
        trainer = self.session.trainer
        n_train = len(self.session.dataset.indices(model.TRAIN))
        return max(1, math.ceil(n_train / max(1, trainer.batch_size))) if n_train else 1

    def _push(self, key: str, curve: pg.PlotDataItem, number: Array, loss: Array, x: Array) -> None:
        keep = np.isfinite(loss) & np.isfinite(x)
        if self.log_scale:
            keep &= loss > 0
        x, loss, number = x[keep], loss[keep], number[keep]
        curve.setData(x, loss)
        if len(x):
            self._shown[key] = (x, np.log10(loss) if self.log_scale else loss, number, loss)
        else:
            self._shown.pop(key, None)

    def refresh(self) -> None:
        """Push the trainer's current losses (items are never recreated)."""
        trainer = self.session.trainer
        spe = self.steps_per_epoch()
        # At most 2 x CURVE_GROUPS points per curve, however long the run: the exact values while
        # they fit, else each group of steps as its min and max (model.History.curve).
        # Step n and epoch n are event n - 1 of their history.
        step_no, steps = trainer.step_losses.curve("loss", CURVE_GROUPS)
        epoch_no, epoch_loss = trainer.history.curve("loss", CURVE_GROUPS)
        _, val_loss = trainer.history.curve("val_loss", CURVE_GROUPS)
        step_no += 1.0
        epoch_no += 1.0
        if self.x_axis == "step":
            step_x, epoch_x = step_no, epoch_no * spe
        else:
            step_x, epoch_x = step_no / spe, epoch_no
        # Full batch: every step is an epoch and both curves would be the same line drawn twice.
        one_step_epochs = spe <= 1
        empty = np.empty(0)
        if one_step_epochs:
            self._push("step", self.step_curve, empty, empty, empty)
        else:
            self._push("step", self.step_curve, step_no, steps, step_x)
        self._push("epoch", self.epoch_curve, epoch_no, epoch_loss, epoch_x)
        has_val = bool(np.isfinite(val_loss).any())
        if (has_val, one_step_epochs) != (self._has_val, self._one_step_epochs):
            self._one_step_epochs = one_step_epochs
            self._set_key(has_val)
        if not has_val:
            val_loss, epoch_x = np.empty(0), np.empty(0)
        self._push("val", self.val_curve, epoch_no[: len(val_loss)], val_loss, epoch_x)
        # Settle the auto-range now: pyqtgraph would do it at the start of the paint, and the new
        # range then asks for a second paint of the whole plot (1.5 paints per frame while playing).
        self.plot_widget.scene().prepareForPaint()

    def _set_key(self, has_val: bool) -> None:
        """The legend: one entry per curve shown (the validation curve only when there is validation data)."""
        self._has_val = has_val
        entries = [] if self._one_step_epochs else [(QColor(150, 150, 150).name(), "\u2501", self._names["step"])]
        entries.append((QColor(CLASS_COLOURS[0]).name(), "\u2501", self._names["epoch"]))
        if has_val:
            entries.append((QColor(CLASS_COLOURS[1]).name(), "\u254d", self._names["val"]))
        if self.controls:
            self.key.setText(_key_html(entries))
        else:
            _note(self.plot_item, entries)

    # ------------------------------------------------------------------ hover
    def _on_scene_mouse_moved(self, pos) -> None:
        vb = self.plot_item.getViewBox()
        if not vb.sceneBoundingRect().contains(pos):
            self.hover_text.hide()
            self.hover_dot.hide()
            return
        p = vb.mapSceneToView(pos)
        self.hover_at(p.x(), p.y())

    def hover_at(self, x: float, y: float) -> str:
        """Show and return the exact value of the point nearest (x, y) in view coordinates ("" if none)."""
        vb = self.plot_item.getViewBox()
        pw, ph = vb.viewPixelSize()
        pw, ph = pw or 1.0, ph or 1.0
        best: tuple[float, str, int] | None = None
        for key, (xs, ys, _n, _v) in self._shown.items():
            i = int(np.clip(np.searchsorted(xs, x), 0, len(xs) - 1))
            for k in {max(i - 1, 0), i}:
                d = math.hypot((xs[k] - x) / pw, (ys[k] - y) / ph)
                if best is None or d < best[0]:
                    best = (d, key, k)
        if best is None:
            self.hover_text.hide()
            self.hover_dot.hide()
            return ""
        _, key, k = best
        xs, ys, numbers, losses = self._shown[key]
        number, loss = int(numbers[k]), f"{losses[k]:.4g}"
        if key == "step":
            text = self.tr("step %1: loss %2").replace("%1", str(number)).replace("%2", loss)
        elif key == "epoch":
            text = self.tr("epoch %1: loss %2").replace("%1", str(number)).replace("%2", loss)
        else:
            text = self.tr("epoch %1: validation loss %2").replace("%1", str(number)).replace("%2", loss)
        (vx0, vx1), _ = vb.viewRange()
        self.hover_text.setAnchor((1.0, 1.0) if xs[k] > (vx0 + vx1) / 2 else (0.0, 1.0))
        self.hover_text.setText(text)
        self.hover_text.setPos(float(xs[k]), float(ys[k]))
        self.hover_dot.setData([float(xs[k])], [float(ys[k])])
        self.hover_text.show()
        self.hover_dot.show()
        return text
