"""Plots: the decision boundary, the regression fit, PNG export.

The loss curve lives in :mod:`gui.plots.loss` and the shared styling in
:mod:`gui.plots.style`.

Every plot creates its pyqtgraph items once and afterwards only pushes new
arrays (``setData`` / ``setImage`` with fixed levels), as QT_NOTES.md measured:
recreating items per frame leaks and is slow.  The owner (the main window)
calls ``refresh()`` at the display rate; the plots never train, and emit
only for the user's own choices (``LossPlot.log_scale_changed``).

:func:`model.grid.grid_forward` is the one vectorised forward pass over a grid
of the input plane (after TensorFlow Playground): it gives the decision boundary
and, for free, every hidden neuron's own map for the network view's thumbnails.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

import model
from gui.plots.style import (
    _font,
    _labels,
    _note,
    _style,
)
from gui.style import palette
from gui.style.palette import CLASS_COLOURS, LUT

# The grid pass lives in the engine (model.grid: one BLAS thread, no Qt); the window picks the resolution.
from model.grid import GridMaps, grid_forward, output_levels, span  # noqa: F401 - re-exported for the GUI callers

if TYPE_CHECKING:
    from gui.session import Session

Array = np.ndarray

#: Class colours beyond the palette's two: Okabe-Ito, which stays distinct under colour-vision deficiencies.
_EXTRA_CLASS_COLOURS = ((0, 158, 115), (204, 121, 167), (86, 180, 233), (240, 228, 66), (0, 0, 0), (153, 153, 153))
#: Marker symbol per split: train, validation, test.
SPLIT_SYMBOLS = ("o", "s", "t1")  # t1 points up, like the ▲ in the keys


def class_colour(k: int) -> QColor:
    """The colour of class k (0 and 1 from the palette, then Okabe-Ito)."""
    if k < len(CLASS_COLOURS):
        return QColor(CLASS_COLOURS[k])
    return QColor(*_EXTRA_CLASS_COLOURS[(k - len(CLASS_COLOURS)) % len(_EXTRA_CLASS_COLOURS)])


def target_classes(network: model.Network, dataset: model.Dataset) -> tuple[Array, float | None] | None:
    """(class per row (n,) int, threshold or None for argmax) of a classification dataset; else None."""
    if dataset.kind != "classification" or dataset.n == 0:
        return None
    try:
        t = network.targets(dataset.Y)
    except (ValueError, IndexError):
        return None
    if t.shape[1] != network.sizes[-1]:
        return None
    if t.shape[1] > 1:
        return t.argmax(axis=1), None
    threshold = 0.0 if t.min() < 0 else 0.5
    return (t[:, 0] > threshold).astype(np.int64), threshold


def classes(network: model.Network, dataset: model.Dataset, output: Array) -> tuple[Array, Array] | None:
    """(true class, predicted class), both (n,) int, for a classification dataset; else None.

    ``output`` (n, m) is the network's output for every row.  The rule is the
    trainer's accuracy rule: argmax for several outputs, else a threshold of 0
    for ±1 targets and 0.5 for 0/1 targets.
    """
    truth = target_classes(network, dataset)
    if truth is None or output.shape != (dataset.n, network.sizes[-1]):
        return None
    true, threshold = truth
    if threshold is None:
        return true, np.nan_to_num(output, nan=-np.inf).argmax(axis=1)
    return true, (output[:, 0] > threshold).astype(np.int64)


def _split_symbols(dataset: model.Dataset) -> list[str]:
    split = np.clip(dataset.split, 0, 2)
    return [SPLIT_SYMBOLS[s] for s in split]


# ---------------------------------------------------------- decision boundary
def _lighten(lut: Array, amount: float = 0.45) -> Array:
    """``lut`` (256, 4) uint8 moved ``amount`` of the way to white, so full-colour points stand out on the map."""
    rgb = lut[:, :3].astype(float)
    rgb = rgb + (255.0 - rgb) * amount
    return np.hstack([rgb, lut[:, 3:].astype(float)]).astype(np.uint8)


#: The boundary's map: the palette's diverging LUT, lightened (same hues, same order, same zero).
MAP_LUT = _lighten(LUT)


def _follow_palette() -> None:
    """palette.set_scheme() changed LUT: a new MAP_LUT object (setLookupTable ignores the same object)."""
    global MAP_LUT
    MAP_LUT = _lighten(LUT)


palette.add_listener(_follow_palette)


def _class_lut(m: int) -> Array:
    """(256, 4) uint8: a light tint of class k's colour at k/(m − 1), for m ≥ 3 classes."""
    idx = np.rint(np.linspace(0, 1, 256) * (m - 1)).astype(int)
    rgb = np.array([class_colour(k).getRgb()[:3] for k in range(m)], dtype=float)[idx]
    return _lighten(np.hstack([rgb, np.full((256, 1), 255.0)]).astype(np.uint8))


class BoundaryPlot(pg.PlotWidget):
    """The network's output over the input plane, with the data on top.

    Train points are circles, validation squares, test triangles; points the
    network gets wrong carry a black ring.  ``refresh(maps)`` only calls
    setImage / setData.
    """

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.session = session
        self.plot_item: pg.PlotItem = self.getPlotItem()
        _style(self.plot_item)
        self.plot_item.setMenuEnabled(False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setLookupTable(MAP_LUT)
        self.image.setZValue(-10)
        self.points = pg.ScatterPlotItem(size=10, pen=pg.mkPen("#202020", width=1))
        self.wrong_marks = pg.ScatterPlotItem(symbol="o", size=19, pen=pg.mkPen("#000000", width=2.2), brush=None)
        self.note = pg.TextItem(self.tr("Decision boundary needs 2 inputs"), color="#333333", anchor=(0.5, 0.5))
        self.note.setFont(_font(12))
        for item in (self.image, self.points, self.wrong_marks, self.note):
            self.plot_item.addItem(item)
        self.note.setPos(0.5, 0.5)
        self.note.hide()
        self.misclassified = np.zeros(0, dtype=bool)  # (n,) per dataset row, after the last refresh
        self._extent: tuple[float, float, float, float] | None = None
        self._n_outputs = 1
        self._data_key: tuple | None = None
        session.structure_changed.connect(self._on_session_structure_changed)

    def _on_session_structure_changed(self) -> None:
        self._data_key = None  # new data or output layer: reset the data layer on the next refresh
        self._n_outputs = 0  # and re-apply the map's LUT: the palette may have been switched

    def retranslate(self) -> None:
        """The language changed: the "needs 2 inputs" note and the key above the plot."""
        self.note.setText(self.tr("Decision boundary needs 2 inputs"))
        if self._data_key is not None:
            self._set_note(self.session.dataset, max(2, self.session.network.sizes[-1]))

    def _class_names(self, dataset: model.Dataset, n_classes: int) -> list[str]:
        names = dataset.output_names
        if n_classes > 1 and dataset.n_outputs == 1:  # one output: class 0/1 is "y = 0" / "y = 1"
            signed = bool(np.nanmin(dataset.Y, initial=0.0) < 0)
            values = ("−1", "1") if signed else ("0", "1")
            return [f"{names[0]} = {v}" for v in values]
        if len(names) == n_classes:
            return list(names)
        return [self.tr("class %1").replace("%1", str(k)) for k in range(n_classes)]

    def _set_note(self, dataset: model.Dataset, n_classes: int) -> None:
        """The key above the plot (a legend inside would hide points)."""
        entries = []
        for s, symbol, name in ((0, "●", self.tr("train")), (1, "■", self.tr("validation")), (2, "▲", self.tr("test"))):
            if (dataset.split == s).any():
                entries.append(("#555555", symbol, name))
        if dataset.kind == "classification":
            entries.append(("#000000", "◯", self.tr("misclassified")))
        classes_ = []
        if dataset.kind == "classification" and n_classes <= 6:
            names = self._class_names(dataset, n_classes)
            classes_ = [(class_colour(k).name(), "●", names[k]) for k in range(n_classes)]
        _note(self.plot_item, entries, classes_)

    def _set_points(self, dataset: model.Dataset, levels: tuple[float, float]) -> None:
        """The data layer: set only when the dataset (or its colour scale) changes."""
        X = dataset.X
        if dataset.kind == "classification":
            truth = target_classes(self.session.network, dataset)
            cls = truth[0] if truth is not None else np.zeros(dataset.n, dtype=int)
            palette = [pg.mkBrush(class_colour(k)) for k in range(int(cls.max(initial=0)) + 1)]
            brushes = [palette[k] for k in cls]
        else:
            lo, hi = levels
            u = np.clip((dataset.Y[:, 0] - lo) / ((hi - lo) or 1.0), 0.0, 1.0)
            brushes = [pg.mkBrush(*LUT[int(round(v * 255))]) for v in np.nan_to_num(u, nan=0.5)]
        self.points.setData(x=X[:, 0], y=X[:, 1], symbol=_split_symbols(dataset), brush=brushes)
        self._set_note(dataset, max(2, self.session.network.sizes[-1]))
        _labels(self.plot_item, dataset.input_names[0], dataset.input_names[1])

    def refresh(self, maps: GridMaps | None) -> None:
        """Show ``maps`` (from :func:`grid_forward`) and mark the misclassified points."""
        if maps is None:
            for item in (self.image, self.points, self.wrong_marks):
                item.hide()
            self.plot_item.setTitle(None)
            self._data_key = None
            self.note.show()
            for name in ("left", "bottom"):
                self.plot_item.hideAxis(name)
            self._extent = None
            self.plot_item.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
            return
        session = self.session
        dataset, network = session.dataset, session.network
        if self.note.isVisible():
            self.note.hide()
            for name in ("left", "bottom"):
                self.plot_item.showAxis(name)
        for item in (self.image, self.points, self.wrong_marks):
            item.show()
        if maps.n_outputs != self._n_outputs:
            self._n_outputs = maps.n_outputs
            self.image.setLookupTable(MAP_LUT if maps.n_outputs <= 2 else _class_lut(maps.n_outputs))
        self.image.setImage(maps.output, levels=maps.levels, autoLevels=False)
        if maps.extent != self._extent:
            x0, x1, y0, y1 = maps.extent
            self.image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
            self.plot_item.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
            self._extent = maps.extent
        key = (id(dataset), id(dataset.X), dataset.X.shape, id(dataset.Y), id(dataset.split), maps.levels)
        if key != self._data_key:
            self._set_points(dataset, maps.levels)
            self._data_key = key
        wrong = np.zeros(dataset.n, dtype=bool)
        if dataset.kind == "classification" and dataset.n:
            with np.errstate(all="ignore"):
                pair = classes(network, dataset, network.predict(dataset.X))
            if pair is not None:
                wrong = pair[0] != pair[1]
        self.misclassified = wrong
        self.wrong_marks.setData(x=dataset.X[wrong, 0], y=dataset.X[wrong, 1])


# -------------------------------------------------------------- regression fit
class FitPlot(pg.PlotWidget):
    """Regression: for one input the data (x, target) and the model's curve;
    otherwise prediction against target with the line y = x."""

    CURVE_POINTS = 200

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.session = session
        self.plot_item: pg.PlotItem = self.getPlotItem()
        self.plot_item.showGrid(x=True, y=True, alpha=0.25)
        _style(self.plot_item)
        self.mode = ""  # "curve" (1 input) or "parity"
        self.scatters: list[pg.ScatterPlotItem] = []  # one per output
        self.curves: list[pg.PlotDataItem] = []  # one per output, "curve" mode only
        self.diagonal = pg.PlotDataItem(pen=pg.mkPen("#666666", width=1.5, style=Qt.PenStyle.DashLine))
        self._key: tuple | None = None
        session.structure_changed.connect(self._on_session_structure_changed)

    def _on_session_structure_changed(self) -> None:
        self._key = None  # rebuild the items on the next refresh

    def retranslate(self) -> None:
        """The language changed: the key and axis labels are made in _rebuild()."""
        if self._key is not None:
            self._key = None
            self.refresh()

    def _rebuild(self, dataset: model.Dataset, m: int) -> None:
        """The data or the output layer changed: one scatter (and curve) per output.  Not the hot path."""
        for item in [*self.scatters, *self.curves, self.diagonal]:
            if item.scene() is not None:
                self.plot_item.removeItem(item)
        self.mode = "curve" if dataset.n_inputs == 1 else "parity"
        names = dataset.output_names if len(dataset.output_names) == m else [f"y{j + 1}" for j in range(m)]
        self.scatters, self.curves = [], []
        entries = []
        for s, symbol, name in (
            (0, "\u25cf", self.tr("train")),
            (1, "\u25a0", self.tr("validation")),
            (2, "\u25b2", self.tr("test")),
        ):
            if (dataset.split == s).any() and (dataset.split != 0).any():
                entries.append(("#555555", symbol, name))
        for j in range(m):
            colour = class_colour(j)
            scatter = pg.ScatterPlotItem(size=8, pen=pg.mkPen("#202020", width=0.8), brush=pg.mkBrush(colour))
            self.plot_item.addItem(scatter)
            self.scatters.append(scatter)
            if self.mode == "curve":
                curve = pg.PlotDataItem(pen=pg.mkPen(colour, width=2.5))
                self.plot_item.addItem(curve)
                self.curves.append(curve)
                if j < dataset.n_outputs:
                    scatter.setData(x=dataset.X[:, 0], y=dataset.Y[:, j], symbol=_split_symbols(dataset))
                entries.append((colour.name(), "\u25cf", self.tr("%1 (data)").replace("%1", names[j])))
                entries.append((colour.name(), "\u2501", self.tr("%1 (network)").replace("%1", names[j])))
            elif m > 1:
                entries.append((colour.name(), "\u25cf", names[j]))
        if self.mode == "curve":
            _labels(self.plot_item, dataset.input_names[0], names[0] if m == 1 else self.tr("output"))
        else:
            self.plot_item.addItem(self.diagonal)
            entries.append(("#666666", "\u2504", self.tr("prediction = target")))
            _labels(self.plot_item, self.tr("target"), self.tr("prediction"))
        _note(self.plot_item, entries)

    def refresh(self) -> None:
        """Redraw the network's curve (or its predictions) with the current parameters."""
        dataset, network = self.session.dataset, self.session.network
        m = network.sizes[-1]
        key = (id(dataset), id(dataset.X), id(dataset.Y), id(dataset.split), m, network.sizes[0])
        if key != self._key:
            self._rebuild(dataset, m)
            self._key = key
        if dataset.n == 0 or network.sizes[0] != dataset.n_inputs:
            return
        X, Y = dataset.X, dataset.Y
        with np.errstate(all="ignore"):
            if self.mode == "curve":
                x0, x1 = span(X[:, 0])
                xs = np.linspace(x0, x1, self.CURVE_POINTS)
                ys = network.predict(xs[:, None])
                for j, curve in enumerate(self.curves):
                    ok = np.isfinite(ys[:, j])
                    curve.setData(xs[ok], ys[ok, j])
                return
            pred = network.predict(X)
        symbols = np.array(_split_symbols(dataset))
        lo, hi = math.inf, -math.inf
        for j, scatter in enumerate(self.scatters[: Y.shape[1]]):
            ok = np.isfinite(pred[:, j]) & np.isfinite(Y[:, j])
            scatter.setData(x=Y[ok, j], y=pred[ok, j], symbol=list(symbols[ok]))
            if ok.any():
                lo = min(lo, float(Y[ok, j].min()), float(pred[ok, j].min()))
                hi = max(hi, float(Y[ok, j].max()), float(pred[ok, j].max()))
        if lo <= hi:
            self.diagonal.setData([lo, hi], [lo, hi])


# --------------------------------------------------------------------- export
def export_png(widget: QWidget, path: str | Path) -> None:
    """Save what ``widget`` shows (a plot or any widget) as a PNG; raises OSError on failure."""
    if not widget.grab().save(str(path), "PNG"):
        raise OSError(QCoreApplication.translate("plots", "Could not write the image %1").replace("%1", str(path)))
