"""The 2-D lab's plot: contour map, −∇f quiver, descent paths with numbered points, a draggable start.

Items are created once and afterwards only receive new arrays (pyqtgraph's
``setImage``/``setData``), as QT_NOTES.md measured: one ImageItem for f, a
fixed set of IsocurveItems, one line item for every arrow of the quiver, one
PlotDataItem per optimizer, a pool of TextItems for the step numbers.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QColor

from gui.lab.common import OPTIMIZER_COLOURS
from model.lab.descent import Path

Array = np.ndarray
N_LEVELS = 12
MAX_NUMBERS = 40  # step numbers drawn on the selected path (more would cover the map)
_BOUND = 1e6  # coordinates beyond this are clipped before drawing (pyqtgraph cannot range over ±1e308)


def _clip(a: Array) -> Array:
    return np.clip(np.nan_to_num(a, nan=0.0, posinf=_BOUND, neginf=-_BOUND), -_BOUND, _BOUND)


class FunctionPlot(pg.PlotWidget):
    """Draws a function, its gradient field and the descent paths; emits the start point when dragged."""

    start_moved = Signal(float, float)
    hovered = Signal(float, float)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("function_plot")
        self.setBackground("w")
        item = self.getPlotItem()
        item.showGrid(x=True, y=True, alpha=0.15)
        item.setLabel("bottom", "x0")
        item.setLabel("left", "x1")
        item.setAspectLocked(False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(pg.colormap.get("viridis"))
        self.image.setOpacity(0.85)
        item.addItem(self.image)
        self.isocurves = []
        for _ in range(N_LEVELS):
            iso = pg.IsocurveItem(level=0.0, pen=pg.mkPen((255, 255, 255, 150), width=1), axisOrder="row-major")
            iso.setParentItem(self.image)
            self.isocurves.append(iso)
        self.quiver = pg.PlotDataItem(connect="pairs", pen=pg.mkPen((40, 40, 40, 200), width=1))
        item.addItem(self.quiver)
        self.minima = pg.ScatterPlotItem(symbol="star", size=14, brush=pg.mkBrush("#F0E442"), pen=pg.mkPen("k"))
        item.addItem(self.minima)
        self.paths: dict[str, pg.PlotDataItem] = {}
        for name, colour in OPTIMIZER_COLOURS.items():
            path = pg.PlotDataItem(
                pen=pg.mkPen(colour, width=2), symbol="o", symbolSize=5, symbolBrush=colour, symbolPen=None
            )
            path.setObjectName(f"path_{name}")
            item.addItem(path)
            self.paths[name] = path
        self.marker = pg.ScatterPlotItem(size=16, brush=None, pen=pg.mkPen("k", width=2))
        item.addItem(self.marker)
        self.numbers = [pg.TextItem("", color=(20, 20, 20), anchor=(-0.2, 1.1)) for _ in range(MAX_NUMBERS)]
        for text in self.numbers:
            item.addItem(text)
            text.hide()
        self.start = pg.TargetItem(pos=(0, 0), size=14, movable=True, pen=pg.mkPen("k", width=2))
        item.addItem(self.start)
        self.start.sigPositionChanged.connect(self._on_start_dragged)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self._placing = False

    # ------------------------------------------------------------ updates
    def set_function(self, values: Array, domain: tuple[float, float, float, float]) -> None:
        """Show ``values`` (n1, n0) over ``domain``: colours and iso-lines on log(1 + f − min f)."""
        finite = np.isfinite(values)
        shown = np.zeros_like(values)
        if finite.any():
            shown = np.log1p(np.where(finite, values - np.min(values[finite]), 0.0))
            shown[~finite] = np.max(shown[finite]) if finite.any() else 0.0
        lo, hi = float(np.min(shown)), float(np.max(shown))
        hi = hi if hi > lo else lo + 1.0
        self.image.setImage(shown.astype(np.float32), levels=(lo, hi))
        x0, x1, y0, y1 = domain
        self.image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        # the image's pixels are its own coordinates: the iso-lines share its transform (they are its children)
        for k, iso in enumerate(self.isocurves):
            iso.setData(shown, level=lo + (hi - lo) * (k + 0.5) / N_LEVELS)
        self.getPlotItem().setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def set_quiver(self, x0: Array, x1: Array, gx: Array, gy: Array, spacing: float) -> None:
        """Arrows of −∇f at the grid points (flattened arrays), scaled so the longest spans ``spacing``."""
        dx, dy = -np.ravel(gx), -np.ravel(gy)
        px, py = np.ravel(x0), np.ravel(x1)
        norm = np.hypot(dx, dy)
        ok = np.isfinite(norm) & (norm > 0)
        if not ok.any():
            self.quiver.setData([], [])
            return
        # length grows with |∇f| but saturates: a few huge gradients must not make every other arrow a dot
        ref = float(np.percentile(norm[ok], 90))
        length = 0.9 * spacing * np.minimum(norm, ref) / max(ref, 1e-300)
        ux, uy = np.where(ok, dx / np.where(ok, norm, 1), 0), np.where(ok, dy / np.where(ok, norm, 1), 0)
        tx, ty = px + ux * length, py + uy * length
        head = 0.3 * length
        # three segments per arrow: shaft and two barbs, as "pairs" of points
        hx1, hy1 = tx - head * (ux * 0.87 - uy * 0.5), ty - head * (uy * 0.87 + ux * 0.5)
        hx2, hy2 = tx - head * (ux * 0.87 + uy * 0.5), ty - head * (uy * 0.87 - ux * 0.5)
        xs = np.stack([px, tx, tx, hx1, tx, hx2], axis=1)[ok].ravel()
        ys = np.stack([py, ty, ty, hy1, ty, hy2], axis=1)[ok].ravel()
        self.quiver.setData(xs, ys)

    def set_minima(self, points: tuple[tuple[float, float], ...]) -> None:
        self.minima.setData([p[0] for p in points], [p[1] for p in points])

    def set_path(self, name: str, path: Path | None, upto: int) -> None:
        """Draw ``path`` up to step ``upto`` (all of it if larger), or hide it."""
        item = self.paths[name]
        if path is None:
            item.setData([], [])
            return
        pts = _clip(path.points[: upto + 1])
        item.setData(pts[:, 0], pts[:, 1])

    def set_numbers(self, path: Path | None, upto: int, selected: int) -> None:
        """Number the points of the selected path (0 = start) and ring the selected step's point."""
        pts = np.zeros((0, 2)) if path is None else _clip(path.points[: upto + 1])
        for k, text in enumerate(self.numbers):
            if k < len(pts):
                text.setText(str(k))
                text.setPos(float(pts[k, 0]), float(pts[k, 1]))
                text.show()
            else:
                text.hide()
        if path is not None and 0 <= selected < len(pts):
            self.marker.setData([float(pts[selected, 0])], [float(pts[selected, 1])])
        else:
            self.marker.setData([], [])

    def set_start(self, x0: float, x1: float) -> None:
        self._placing = True
        try:
            self.start.setPos(QPointF(x0, x1))
        finally:
            self._placing = False

    # ------------------------------------------------------------ events
    def _on_start_dragged(self) -> None:
        if self._placing:
            return
        pos = self.start.pos()
        self.start_moved.emit(float(pos.x()), float(pos.y()))

    def _on_mouse_moved(self, pos: QPointF) -> None:
        vb = self.getPlotItem().getViewBox()
        if vb.sceneBoundingRect().contains(pos):
            p = vb.mapSceneToView(pos)
            self.hovered.emit(float(p.x()), float(p.y()))

    def colour(self, name: str) -> QColor:
        return QColor(OPTIMIZER_COLOURS[name])
