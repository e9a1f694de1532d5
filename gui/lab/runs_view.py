"""The runs lab's pictures: every loss curve overlaid, and one small decision boundary per run.

Items are created once per set of runs and then fed new arrays with ``setData``/``setImage`` (levels fixed);
nothing is created while the runs train.  Values are clipped before they reach pyqtgraph, so a diverged run
(1e308, inf) can never make an axis range overflow.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from model.dataset import TRAIN, Dataset
from model.network import Network
from model.runs import RunSet

Array = np.ndarray

#: Okabe–Ito, colour-blind safe (the same order as the headless plot).
COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
#: Loss values drawn are kept inside this range (log axes need > 0; huge values would overflow the ranges).
CLIP = (1e-12, 1e12)
GRID = 48


def colour(k: int) -> str:
    return COLOURS[k % len(COLOURS)]


class CurvesPlot(pg.PlotWidget):
    """Training loss per run (solid) and validation loss (dashed), against epochs or steps."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("runs_curves")
        self.setBackground("w")
        self.showGrid(x=True, y=True, alpha=0.2)
        self.legend = self.addLegend(offset=(-10, 10))
        self.train_items: list[pg.PlotDataItem] = []
        self.val_items: list[pg.PlotDataItem] = []
        self.x_axis = "epoch"
        self.log_y = False

    def set_runs(self, labels: list[str]) -> None:
        """One curve pair per run (structure changed: the only place items are made)."""
        for item in self.train_items + self.val_items:
            self.removeItem(item)
        self.legend.clear()
        self.train_items, self.val_items = [], []
        for k, label in enumerate(labels):
            pen = pg.mkPen(colour(k), width=2)
            train = self.plot([], [], pen=pen, name=label, connect="finite")
            val = self.plot([], [], pen=pg.mkPen(colour(k), width=1, style=Qt.PenStyle.DashLine), connect="finite")
            for item in (train, val):
                item.setDownsampling(auto=True)
                item.setClipToView(True)
            self.train_items.append(train)
            self.val_items.append(val)

    def set_log(self, on: bool) -> None:
        self.log_y = on
        self.setLogMode(y=on)

    def update_from(self, runs: RunSet) -> None:
        """Push every run's curves (values only)."""
        for k, (train, val) in enumerate(zip(self.train_items, self.val_items, strict=True)):
            if self.x_axis == "step":
                x, y = runs.step_losses(k)
                vx, vy = x[:0], y[:0]
            else:
                x, y = runs.epoch_values(k, "loss")
                vx, vy = runs.epoch_values(k, "val_loss")
                x, vx = x + 1, vx + 1  # epoch 1 is the first finished epoch
            train.setData(x, np.clip(y, *CLIP))
            val.setData(vx, np.clip(vy, *CLIP))


class BoundaryGrid(pg.GraphicsLayoutWidget):
    """One small decision boundary per run, from the parameters at a scrubbed epoch (2 inputs only)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("runs_boundaries")
        self.setBackground("w")
        self.images: list[pg.ImageItem] = []
        self.titles: list[pg.LabelItem] = []
        self.grid: Array | None = None  # (GRID*GRID, 2) points of the plane
        self.rect = (0.0, 0.0, 1.0, 1.0)
        cmap = pg.ColorMap([0.0, 0.5, 1.0], [(0, 114, 178), (245, 245, 245), (230, 159, 0)])
        self.lut = cmap.getLookupTable(0.0, 1.0, 256)
        self.levels = (0.0, 1.0)

    @staticmethod
    def supports(dataset: Dataset) -> bool:
        return dataset.n_inputs == 2 and dataset.kind == "classification"

    def set_runs(self, labels: list[str], dataset: Dataset) -> None:
        self.clear()
        self.images, self.titles = [], []
        if not self.supports(dataset) or dataset.n == 0:
            return
        X = dataset.X
        lo, hi = X.min(axis=0), X.max(axis=0)
        pad = 0.1 * np.maximum(hi - lo, 1e-9)
        lo, hi = lo - pad, hi + pad
        xs, ys = np.linspace(lo[0], hi[0], GRID), np.linspace(lo[1], hi[1], GRID)
        gx, gy = np.meshgrid(xs, ys)
        self.grid = np.column_stack([gx.ravel(), gy.ravel()])
        # Applied after each setImage: an ImageItem's rect needs its image's size to become a transform.
        self.rect = (float(lo[0]), float(lo[1]), float(hi[0] - lo[0]), float(hi[1] - lo[1]))
        self.levels = (-1.0, 1.0) if dataset.Y.min() < 0 else (0.0, 1.0)
        train = dataset.indices(TRAIN)
        cls = dataset.Y[train].argmax(axis=1) if dataset.n_outputs > 1 else dataset.Y[train, 0] > np.mean(self.levels)
        cols = min(4, max(1, len(labels)))
        for k, label in enumerate(labels):
            if k and k % cols == 0:
                self.nextRow()
            cell = self.addLayout()
            title = cell.addLabel(label, color=colour(k), size="8pt")
            cell.nextRow()
            view = cell.addViewBox(lockAspect=False, enableMouse=False)
            image = pg.ImageItem(axisOrder="row-major")
            image.setLookupTable(self.lut)
            view.addItem(image)
            view.addItem(
                pg.ScatterPlotItem(
                    X[train, 0],
                    X[train, 1],
                    size=4,
                    pen=pg.mkPen("k", width=0.5),
                    brush=[pg.mkBrush("#E69F00" if c else "#0072B2") for c in cls],
                )
            )
            view.setRange(xRange=(lo[0], hi[0]), yRange=(lo[1], hi[1]), padding=0)
            self.images.append(image)
            self.titles.append(title)

    def show_networks(self, networks: list[Network], titles: list[str]) -> None:
        """Paint each run's boundary from its network (values only)."""
        if self.grid is None or not self.images:
            return
        for image, title, net, text in zip(self.images, self.titles, networks, titles, strict=True):
            with np.errstate(all="ignore"):
                out = net.predict(self.grid)
            z = out.argmax(axis=1) / max(1, out.shape[1] - 1) if out.shape[1] > 1 else out[:, 0]
            z = np.nan_to_num(np.clip(z, *self.levels), nan=float(np.mean(self.levels)))
            image.setImage(z.reshape(GRID, GRID).astype(np.float32), levels=self.levels)
            image.setRect(*self.rect)
            title.setText(text)
