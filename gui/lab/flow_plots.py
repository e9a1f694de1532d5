"""The plots of the "Inside the network" panel: per-layer histograms and per-layer series over steps.

pyqtgraph items are created when the number of layers changes (the structure
path) and fed with ``setData`` on every refresh (the values path), never
created in the hot path.  One colour per layer, from input side (dark) to
output side (light), the same in every plot.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from gui.plots.style import _labels, _note, _style
from model.stats import LayerStats

Array = np.ndarray

#: The usual healthy update-to-weight ratio, log10 (the reference line of the ratio plot).
RATIO_REFERENCE = -3.0
#: Points kept per series before it thins itself (every other point goes, as model.history does).
SERIES_BUDGET = 4096


def layer_colours(n: int) -> list[tuple[int, int, int]]:
    """n colours from viridis (colour-blind safe), first layer darkest."""
    lut = pg.colormap.get("viridis").getLookupTable(start=0.0, stop=0.9, nPts=max(n, 2), alpha=False)
    return [tuple(int(c) for c in lut[i]) for i in range(n)]  # type: ignore[misc]


class _LayerCurves:
    """One PlotWidget with one curve per layer; rebuilt only when the number of layers changes."""

    def __init__(self, x_label: str, y_label: str, step_mode: bool, log_y: bool = False) -> None:
        self.widget = pg.PlotWidget(background="w")
        self.plot: pg.PlotItem = self.widget.getPlotItem()
        _style(self.plot, x_label, y_label)
        self.plot.setMenuEnabled(False)
        self.step_mode = step_mode
        self.log_y = log_y
        self.plot.setLogMode(False, log_y)
        self.curves: list[pg.PlotDataItem] = []

    def set_labels(self, x_label: str, y_label: str) -> None:
        _labels(self.plot, x_label, y_label)

    def ensure(self, names: Sequence[str], title: str = "") -> None:
        """One curve per layer name; the key above the plot names them (after ``title``)."""
        if len(self.curves) != len(names):
            for curve in self.curves:
                self.plot.removeItem(curve)
            colours = layer_colours(len(names))
            self.curves = []
            for colour in colours:
                if self.step_mode:  # bars: an outline over a light fill, so that overlapping layers stay readable
                    curve = pg.PlotDataItem(
                        pen=pg.mkPen(colour, width=2), stepMode="center", fillLevel=0, brush=pg.mkBrush(*colour, 50)
                    )
                else:
                    curve = pg.PlotDataItem(pen=pg.mkPen(colour, width=2))
                self.plot.addItem(curve)
                self.curves.append(curve)
        colours = layer_colours(len(names))
        key = [(f"rgb{c}", "■", name) for c, name in zip(colours, names, strict=True)]
        _note(self.plot, [("#222222", "", title), *key] if title else key)

    def set(self, k: int, x: Array, y: Array) -> None:
        if self.step_mode:
            self.curves[k].setData(x, y)
            return
        keep = np.isfinite(y) & (y > 0 if self.log_y else True)
        self.curves[k].setData(x[keep], y[keep])


class LayerHistograms:
    """Histograms of a, δ and ∂L/∂W per layer, as the share of the layer's values per bin."""

    def __init__(self) -> None:
        self.a = _LayerCurves("a", "share of values", step_mode=True)
        self.delta = _LayerCurves("log10 |δ|", "share of values", step_mode=True)
        self.dW = _LayerCurves("log10 |∂L/∂W|", "share of values", step_mode=True)

    def widgets(self) -> list[QWidget]:
        return [self.a.widget, self.delta.widget, self.dW.widget]

    def set_labels(self, share: str, a: str, delta: str, dW: str) -> None:
        self.a.set_labels(a, share)
        self.delta.set_labels(delta, share)
        self.dW.set_labels(dW, share)

    def refresh(self, layers: Sequence[LayerStats], names: Sequence[str], title: str = "") -> None:
        for plot in (self.a, self.delta, self.dW):
            plot.ensure(names, title)
        for k, s in enumerate(layers):
            for plot, hist in ((self.a, s.a), (self.delta, s.delta), (self.dW, s.dW)):
                total = hist.counts.sum() + hist.zeros
                plot.set(k, hist.edges, hist.counts / total if total else hist.counts.astype(float))


class LayerSeries:
    """Per-layer numbers over steps, sampled at each refresh: gradient norm (log) and update ratio (log10).

    Each series is ``steps`` (n,) int and ``values`` (n, L) float; beyond SERIES_BUDGET points every
    other one is dropped.  Points after the current step are dropped when training went back.
    """

    def __init__(self) -> None:
        # log10 of the norm on a linear axis, like the ratio beside it: pyqtgraph's log axis piles its minor
        # labels on top of each other in a plot this short whenever the range spans less than a decade.
        self.norm = _LayerCurves("step", "log10 ‖∂L/∂W‖", step_mode=False)
        self.ratio = _LayerCurves("step", "log10 update / weight", step_mode=False)
        self.reference = pg.InfiniteLine(
            pos=RATIO_REFERENCE, angle=0, pen=pg.mkPen("#888888", width=1.5, style=Qt.PenStyle.DashLine)
        )
        self.ratio.plot.addItem(self.reference, ignoreBounds=True)
        self.clear(0)

    def widgets(self) -> list[QWidget]:
        return [self.norm.widget, self.ratio.widget]

    def clear(self, n_layers: int) -> None:
        self.steps = np.zeros(0, dtype=np.int64)  # (n,)
        self.norms = np.zeros((0, n_layers))  # (n, L) gradient norm per layer
        self.ratios = np.zeros((0, n_layers))  # (n, L) log10 update ratio per layer

    def add(self, step: int, norms: Array, ratios: Array) -> None:
        """Append one sample: ``norms`` and ``ratios`` (L,) at ``step``; a new layer count starts afresh."""
        if self.norms.shape[1] != len(norms):
            self.clear(len(norms))
        keep = self.steps < step
        if not keep.all():
            self.steps, self.norms, self.ratios = self.steps[keep], self.norms[keep], self.ratios[keep]
        if len(self.steps) >= SERIES_BUDGET:
            self.steps, self.norms, self.ratios = self.steps[::2], self.norms[::2], self.ratios[::2]
        self.steps = np.append(self.steps, step)
        self.norms = np.vstack([self.norms, norms])
        self.ratios = np.vstack([self.ratios, ratios])

    def refresh(self, names: Sequence[str], title: str = "") -> None:
        self.norm.ensure(names, title)
        self.ratio.ensure(names, title)
        x = self.steps.astype(float)
        with np.errstate(divide="ignore", invalid="ignore"):
            log_norms = np.log10(self.norms)  # a zero norm (-inf) is dropped by set()
        for k in range(len(names)):
            if k < self.norms.shape[1]:
                self.norm.set(k, x, log_norms[:, k])
                self.ratio.set(k, x, self.ratios[:, k])
