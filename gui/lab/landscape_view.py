"""The loss landscape of the student's network over two parameters, and the loss along the gradient.

The grid is one stacked pass in :mod:`model.lab.landscape`.  The window
follows the network: it subscribes to the session's signals and recomputes at
most a few times a second (a single-shot timer), while it is visible.  The
path the two weights took is remembered from the values the session shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gui.lab.common import number, parse_float
from gui.lab.gradcheck_table import check_data
from gui.safety import total
from model.cli_gradcheck import parameter_name
from model.gradcheck import GradCheckRow
from model.lab import landscape as ls

if TYPE_CHECKING:
    from gui.session import Session

SIDE = 48  # grid points per side: ~2,300 networks per refresh
MAX_TRAIL = 2000


def parameter_keys(net) -> list[ls.ParamKey]:  # noqa: ANN001 - a model.Network
    keys: list[ls.ParamKey] = []
    for k in range(net.n_layers):
        keys += [("W", k, i, j) for i in range(net.sizes[k]) for j in range(net.sizes[k + 1])]
        if net.bias[k]:
            keys += [("b", k, -1, j) for j in range(net.sizes[k + 1])]
    return keys


def key_name(key: ls.ParamKey) -> str:
    return parameter_name(GradCheckRow(key[0], key[1], key[2], key[3], 0.0, 0.0, 0.0))


class LandscapeWindow(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("landscape_window")
        self.session = session
        self.keys: list[ls.ParamKey] = []
        self.trail: list[tuple[float, float]] = []
        self.p1_combo, self.p2_combo = QComboBox(objectName="p1_combo"), QComboBox(objectName="p2_combo")
        for combo in (self.p1_combo, self.p2_combo):
            combo.activated.connect(lambda _i: self._on_pair_changed())
        self.largest_button = QPushButton(objectName="largest_button")
        self.largest_button.clicked.connect(self.pick_largest)
        self.span_label = QLabel()
        self.span_edit = QLineEdit("1", objectName="span_edit")
        self.span_edit.setMaximumWidth(70)
        self.span_edit.editingFinished.connect(self.recompute)
        self.info = QLabel(objectName="landscape_info")
        self.info.setWordWrap(True)
        self.map = pg.PlotWidget()
        self.map.setObjectName("landscape_map")
        self.map.setBackground("w")
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(pg.colormap.get("viridis"))
        self.map.addItem(self.image)
        self.isos = []
        for _ in range(10):
            iso = pg.IsocurveItem(level=0.0, pen=pg.mkPen((255, 255, 255, 140)), axisOrder="row-major")
            iso.setParentItem(self.image)
            self.isos.append(iso)
        self.trail_item = self.map.plot(pen=pg.mkPen("#E69F00", width=2))
        self.arrow = self.map.plot(pen=pg.mkPen("#D55E00", width=3))
        self.point = pg.ScatterPlotItem(size=12, brush=pg.mkBrush("#D55E00"), pen=pg.mkPen("w"))
        self.map.addItem(self.point)
        self.slice = pg.PlotWidget()
        self.slice.setObjectName("landscape_slice")
        self.slice.setBackground("w")
        for axis in ("bottom", "left"):
            self.slice.getAxis(axis).enableAutoSIPrefix(False)
        self.slice_curve = self.slice.plot(pen=pg.mkPen("#0072B2", width=2))
        self.step_line = pg.InfiniteLine(angle=90, pen=pg.mkPen("#D55E00", width=2, style=Qt.PenStyle.DashLine))
        self.slice.addItem(self.step_line)
        self.step_point = self.slice.plot(pen=None, symbol="o", symbolSize=10, symbolBrush="#D55E00")
        top = QHBoxLayout()
        for w in (self.p1_combo, self.p2_combo, self.largest_button, self.span_label, self.span_edit):
            top.addWidget(w)
        top.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.map)
        split.addWidget(self.slice)
        split.setSizes([420, 200])
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.info)
        lay.addWidget(split, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.recompute)
        session.values_changed.connect(self._on_session_values_changed)
        session.structure_changed.connect(self._on_session_structure_changed)
        self._fill_keys()
        self.pick_largest()
        self.retranslate()
        self.resize(900, 760)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Loss landscape of two parameters"))
        self.largest_button.setText(self.tr("The two with the largest gradient"))
        self.span_label.setText(self.tr("range ±"))
        self.map.setLabel("bottom", key_name(self.pair()[0]) if self.keys else "")
        self.map.setLabel("left", key_name(self.pair()[1]) if self.keys else "")
        self.slice.setLabel("bottom", self.tr("t in θ − t·∇L (the dashed line: the step lr)"))
        self.slice.setLabel("left", self.tr("loss"))
        self.recompute()

    @total
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        try:
            if event.type() == QEvent.Type.LanguageChange:
                self.retranslate()
        except Exception:  # noqa: BLE001 - never let an exception leave a Qt override
            pass
        super().changeEvent(event)

    # ------------------------------------------------------------ choosing
    def _fill_keys(self) -> None:
        self.keys = parameter_keys(self.session.network)
        for combo in (self.p1_combo, self.p2_combo):
            combo.blockSignals(True)
            combo.clear()
            for key in self.keys:
                combo.addItem(key_name(key))
            combo.blockSignals(False)

    def pair(self) -> tuple[ls.ParamKey, ls.ParamKey]:
        return self.keys[self.p1_combo.currentIndex()], self.keys[self.p2_combo.currentIndex()]

    def set_pair(self, p1: ls.ParamKey, p2: ls.ParamKey) -> None:
        self.p1_combo.setCurrentIndex(self.keys.index(p1))
        self.p2_combo.setCurrentIndex(self.keys.index(p2))
        self._on_pair_changed()

    def pick_largest(self) -> None:
        if len(self.keys) < 2:
            return
        X, Y = check_data(self.session)
        self.set_pair(*ls.largest_gradient_pair(self.session.network, X, Y))

    def _on_pair_changed(self) -> None:
        self.trail = []
        self.map.setLabel("bottom", key_name(self.pair()[0]))
        self.map.setLabel("left", key_name(self.pair()[1]))
        self.recompute()

    def _on_session_values_changed(self) -> None:
        if self.isVisible() and not self._timer.isActive():
            self._timer.start()

    def _on_session_structure_changed(self) -> None:
        old = self.pair() if self.keys else None
        self._fill_keys()
        self.trail = []
        if old is not None and old[0] in self.keys and old[1] in self.keys:
            self.set_pair(*old)
        else:
            self.pick_largest()

    # ------------------------------------------------------------ drawing
    def recompute(self) -> None:
        if len(self.keys) < 2 or not hasattr(self, "slice_curve"):
            return
        p1, p2 = self.pair()
        if p1 == p2:
            self.info.setText(self.tr("Pick two different parameters."))
            return
        span = parse_float(self.span_edit, 0.0)
        if span is None or span <= 0:
            self.info.setText(self.tr("The range needs a number greater than 0."))
            return
        net = self.session.network
        X, Y = check_data(self.session)
        land = ls.landscape(net, X, Y, p1, p2, span, SIDE)
        c1, c2 = land.center
        if not self.trail or self.trail[-1] != (c1, c2):
            self.trail = [*self.trail, (c1, c2)][-MAX_TRAIL:]
        z = np.log10(np.maximum(np.nan_to_num(land.losses, nan=1e300, posinf=1e300), 1e-300))
        lo, hi = float(z.min()), float(z.max())
        hi = hi if hi > lo else lo + 1.0
        self.image.setImage(z.astype(np.float32), levels=(lo, hi))
        self.image.setRect(QRectF(c1 - span, c2 - span, 2 * span, 2 * span))
        for k, iso in enumerate(self.isos):
            iso.setData(z, level=lo + (hi - lo) * (k + 0.5) / len(self.isos))
        trail = np.clip(np.array(self.trail), -1e6, 1e6)
        self.trail_item.setData(trail[:, 0], trail[:, 1])
        self.point.setData([c1], [c2])
        g = np.array(land.grad)
        norm = float(np.hypot(*g))
        if np.isfinite(norm) and norm > 0:
            tip = np.array([c1, c2]) - 0.5 * span * g / norm
            self.arrow.setData([c1, tip[0]], [c2, tip[1]])
        else:
            self.arrow.setData([], [])
        lr = float(self.session.settings.lr)
        text = self.tr("loss %1 at (%2, %3); ∂L = (%4, %5); log₁₀ loss in colour, −∇ as the red arrow")
        for k, v in enumerate((land.center_loss, c1, c2, g[0], g[1]), start=1):
            text = text.replace(f"%{k}", number(float(v)))
        self.info.setText(text)
        if lr > 0:
            s = ls.gradient_slice(net, X, Y, lr)
            # losses are ≥ 0; a log axis shows an overshoot of many orders of magnitude (note 002) without clipping
            losses = np.clip(np.nan_to_num(s.losses, nan=1e300, posinf=1e300), 1e-300, 1e300)
            log = bool(losses.max() > 100 * max(losses.min(), 1e-300))
            self.slice.setLogMode(y=log)
            self.slice_curve.setData(s.t, losses)
            self.step_line.setPos(s.step_t)
            step = float(np.clip(np.nan_to_num(s.step_loss, nan=1e300), 1e-300, 1e300))
            self.step_point.setData([s.step_t], [step])
