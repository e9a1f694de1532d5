"""The plots' shared styling: dark text on white, readable fonts, axis labels and the key above a plot.

Presentation mode (:mod:`gui.window.presentation`) scales what these set from :data:`FONT_PT`.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QGraphicsItem

#: Axis pen width.  The grid is the axis pen at low alpha, and Qt's raster engine draws translucent
#: 1-px cosmetic lines pixel by pixel, ~50x slower than lines a hair wider, which come out as the
#: very same pixels (checked): a 5 ms saving on every Play frame of the loss plot.
AXIS_PEN_WIDTH = 1.0001
FONT_PT = 10


def _font(points: int = FONT_PT) -> QFont:
    font = QFont()
    font.setPointSize(max(points, FONT_PT))
    return font


def _style(plot: pg.PlotItem, x_label: str = "", y_label: str = "") -> None:
    """Dark text on white, readable fonts (≥ 10 pt) and axis labels."""
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen("#555555", width=AXIS_PEN_WIDTH))
        axis.setTextPen(pg.mkPen("#222222"))
        axis.setTickFont(_font())
        axis.enableAutoSIPrefix(False)  # "loss (x0.001)" with ticks of 700 confuses more than it saves
        # Repaint from a cached pixmap while the axis is unchanged (a new heatmap or curve repaints the
        # whole plot, and redrawing four axes' ticks and labels was ~4 ms of every Play frame).
        axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    plot.getAxis("left").setWidth(56)
    _labels(plot, x_label, y_label)


def _labels(plot: pg.PlotItem, x_label: str, y_label: str) -> None:
    style = {"font-size": "11pt", "color": "#222222"}
    plot.setLabel("bottom", x_label, **style)
    plot.setLabel("left", y_label, **style)


def _key_html(entries: list[tuple[str, str, str]]) -> str:
    """A key: (colour, symbol, text) per entry; it may wrap between entries, never inside one."""
    return " &nbsp; ".join(
        f"<span style='color:{colour}'>{symbol}</span>&nbsp;{text.replace(' ', '&nbsp;')}"
        for colour, symbol, text in entries
    )


def _note(plot: pg.PlotItem, entries: list[tuple[str, str, str]], more: list[tuple[str, str, str]] = ()) -> None:
    """The key above the plot (a legend inside the plot would hide data); ``more`` goes on a
    second line when the whole would not fit a narrow dock on one."""
    entries, more = list(entries), list(more)
    two_lines = bool(more) and sum(len(text) + 4 for _, _, text in entries + more) > 44
    html = _key_html(entries) + "<br>" + _key_html(more) if two_lines else _key_html(entries + more)
    plot.setTitle(html, size=f"{FONT_PT}pt", color="#222222")
    height = QFontMetrics(_font()).lineSpacing() * (2 if two_lines else 1) + 12
    plot.titleLabel.setMaximumHeight(height)
    plot.layout.setRowFixedHeight(0, height)
