"""Drawing helpers the network scene's items share: colour indices, pens and device-pixel text.

Text is drawn in device pixels (see :func:`draw_text`): its size follows the
zoom but is clamped so it never gets smaller than ~10 px nor absurdly large.
While a file is rendered it scales with the picture instead.

What to draw with comes in one :class:`Ink`: the colours, the presentation
text and line scales (from the window's :class:`gui.view_settings.ViewSettings`)
and whether a file is being rendered.  The scene makes it; nothing here is
module state.  Numbers are written by :func:`model.numfmt.fmt`.
"""

from __future__ import annotations

import functools
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from gui.style import palette
from model.numfmt import fmt

__all__ = ["GREY", "Ink", "colour_indices", "cosmetic", "draw_text", "fmt", "map_image", "screen_scale", "text_rect"]

GREY = 256  # colour index of "not computed yet"


@dataclass(frozen=True)
class Ink:
    """How the canvas draws right now: ``colours``, text × ``text``, pens × ``lines``, and ``exporting``
    (a file: text in proportion to the picture, no legible-size clamps)."""

    colours: palette.Colours
    text: float = 1.0
    lines: float = 1.0
    exporting: bool = False


def default_ink() -> Ink:
    return Ink(palette.colours())


def total(paint: Callable[..., None]) -> Callable[..., None]:
    """Make an item's ``paint`` total: an exception leaving a Qt virtual override can crash PySide6
    (QT_NOTES), so it is logged and the item draws nothing more this time."""

    @functools.wraps(paint)
    def safe(self: Any, painter: QPainter, *args: Any) -> None:
        try:
            paint(self, painter, *args)
        except Exception:  # noqa: BLE001 - nothing may escape into Qt
            logging.getLogger(__name__).exception("painting %s failed", type(self).__name__)

    return safe


def colour_indices(values: np.ndarray, scale: float) -> np.ndarray:
    """Vectorised :func:`gui.style.palette.colour`: LUT indices (int) of ``values``; non-finite → GREY."""
    v = np.asarray(values, dtype=np.float64)
    out = np.full(v.shape, GREY, dtype=np.int64)
    ok = np.isfinite(v)
    if scale > 0 and math.isfinite(scale):
        t = np.clip(v[ok] / scale, -1.0, 1.0)
        out[ok] = np.rint((t + 1.0) * 127.5).astype(np.int64)
    return out


def screen_scale(painter: QPainter) -> float:
    """Device pixels per scene unit of the painter's current transform."""
    t = painter.worldTransform()
    return math.sqrt(abs(t.m11() * t.m22() - t.m12() * t.m21())) or 1.0


_FONTS: dict[tuple[int, bool], QFont] = {}


def _font(px: int, bold: bool) -> QFont:
    key = (px, bold)
    if key not in _FONTS:
        f = QFont()
        f.setPixelSize(px)
        f.setBold(bold)
        _FONTS[key] = f
    return _FONTS[key]


def _text_layout(
    painter: QPainter,
    ink: Ink,
    text: str,
    size: float,
    bold: bool,
    min_px: int,
    max_px: int,
    fit_width: float | None,
) -> tuple[QFont, float, float, float]:
    """(font, width, height in device pixels, device pixels per scene unit) of ``text``."""
    s = screen_scale(painter)
    return (*measure(ink, text, size, s, bold, min_px, max_px, fit_width), s)


def measure(
    ink: Ink,
    text: str,
    size: float,
    s: float,
    bold: bool = False,
    min_px: int = 10,
    max_px: int = 22,
    fit_width: float | None = None,
) -> tuple[QFont, float, float]:
    """(font, width, height in device pixels) of ``text`` drawn at ``s`` device pixels per scene unit."""
    return _measure_cached(text, size, s, bold, min_px, max_px, fit_width, ink.text, ink.exporting)


@functools.lru_cache(maxsize=8192)
def _measure_cached(
    text: str,
    size: float,
    s: float,
    bold: bool,
    min_px: int,
    max_px: int,
    fit_width: float | None,
    k: float,
    exporting: bool,
) -> tuple[QFont, float, float]:
    # Cached: every repaint measures the same labels again (a Play frame did ~100 font-metric calls).
    # A file gets text in proportion to the picture (whose geometry follows the text scale too).
    px = int(round(size * s * k)) if exporting else int(round(min(max(size * s * k, min_px * k), max_px * k)))
    font = _font(max(px, 1), bold)
    metrics = QFontMetricsF(font)
    w = metrics.horizontalAdvance(text) + 2
    floor = 1 if exporting else min_px
    while fit_width is not None and px > floor and w > fit_width * s:  # shrink to fit, never below min_px
        px -= 1
        font = _font(px, bold)
        metrics = QFontMetricsF(font)
        w = metrics.horizontalAdvance(text) + 2
    return font, w, metrics.height()


def text_rect(
    painter: QPainter,
    ink: Ink,
    at: QPointF,
    text: str,
    size: float,
    *,
    bold: bool = False,
    align: str = "center",
    min_px: int = 10,
    max_px: int = 22,
    fit_width: float | None = None,
    pad: float = 0.0,
) -> QRectF:
    """Where :func:`draw_text` would put ``text`` (item coordinates), grown by ``pad`` device pixels."""
    _, w, h, s = _text_layout(painter, ink, text, size, bold, min_px, max_px, fit_width)
    x = -w / 2 if align == "center" else 0.0
    return QRectF(at.x() + (x - pad) / s, at.y() + (-h / 2 - pad) / s, (w + 2 * pad) / s, (h + 2 * pad) / s)


def draw_text(
    painter: QPainter,
    ink: Ink,
    at: QPointF,
    text: str,
    size: float,
    *,
    colour: QColor | None = None,
    bold: bool = False,
    align: str = "center",
    background: QColor | None = None,
    min_px: int = 10,
    max_px: int = 22,
    fit_width: float | None = None,
) -> QRectF:
    """Draw ``text`` centred (or left-aligned) on ``at``; ``size`` in scene units, clamped on screen.

    ``colour`` defaults to the theme's text colour.  Returns the text's rectangle in the painter's (item)
    coordinates, for hit testing.
    """
    font, w, h, s = _text_layout(painter, ink, text, size, bold, min_px, max_px, fit_width)
    rect = QRectF(-w / 2 if align == "center" else 0.0, -h / 2, w, h)
    # The transform is set and put back by hand, not with save()/restore(): a full state copy per label
    # costs more, and the items set their own pen and brush before drawing anything else.
    transform = painter.worldTransform()
    painter.translate(at)
    painter.scale(1.0 / s, 1.0 / s)
    if background is not None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(rect.adjusted(-3, -1, 3, 1), 4, 4)
    painter.setFont(font)
    painter.setPen(ink.colours.text if colour is None else colour)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.setWorldTransform(transform)
    return QRectF(at.x() + rect.x() / s, at.y() + rect.y() / s, rect.width() / s, rect.height() / s)


def cosmetic(ink: Ink, colour: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    """A pen ``width`` device pixels wide (× the line scale) at any zoom."""
    pen = QPen(colour, width * ink.lines, style)
    pen.setCosmetic(True)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)  # round caps make antialiased wide lines ~40x slower
    return pen


def map_image(values: np.ndarray, lut: np.ndarray) -> QImage:
    """A neuron's map (rows=y, cols=x) as an RGBA image through the palette LUT.

    Maps with no negative value are read as [0, 1] (0 = blue, ½ = neutral, 1 =
    orange, like class 0/1 in the decision boundary); others as [-1, 1].
    Unbounded outputs (relu, linear) are divided by their largest magnitude
    when it exceeds 1.  Row 0 is the smallest y, so the rows are flipped to
    put +y at the top.
    """
    v = np.asarray(values, dtype=np.float64)
    v = np.where(np.isfinite(v), v, 0.0)
    peak = float(np.abs(v).max()) if v.size else 0.0
    if peak > 1.0:
        v = v / peak
    t = v * 2.0 - 1.0 if v.size and v.min() >= 0.0 else v
    idx = np.rint((np.clip(t, -1.0, 1.0) + 1.0) * 127.5).astype(np.intp)
    rgba = np.ascontiguousarray(lut[np.flipud(idx)])  # lut: (256, 4) uint8, the palette's value map
    h, w = idx.shape
    return QImage(rgba.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()
