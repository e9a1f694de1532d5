"""Drawing helpers the network scene's items share: colours, numbers, pens and device-pixel text.

Text is drawn in device pixels (see :func:`draw_text`): its size follows the
zoom but is clamped so it never gets smaller than ~10 px nor absurdly large.
While a file is rendered (:func:`exporting`) it scales with the picture instead.

The presentation scales (:func:`set_scales`) and the exporting flag live here
and only here; read them as ``scene_text._text_scale`` etc. at call time,
never copy them with ``from .scene_text import _text_scale``.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from gui.style import palette
from gui.style.palette import LUT

try:  # the shared number formatter, if the explanations module exists
    from model.explain import fmt as _shared_fmt
except ImportError:  # pragma: no cover - depends on what else is installed
    _shared_fmt = None

ACCENT = QColor("#1b9e77")  # the phase's active items
# Theme colours: the palette's QColors, which View → Theme / Colours change in place.
SELECTED = palette.SELECTED  # the selection
OUTLINE = palette.OUTLINE
TEXT = palette.TEXT
MUTED = palette.MUTED
GREY = 256  # colour index of "not computed yet"

# One QColor per LUT entry plus grey, and a readable text colour on each.
_FILL: list[QColor] = []
_INK: list[QColor] = []


def _rebuild_fills() -> None:
    """(Re)build _FILL and _INK from the LUT, in place; palette.set_scheme calls it again."""
    _FILL[:] = [QColor(int(r), int(g), int(b)) for r, g, b, _ in LUT] + [QColor(200, 200, 200)]
    dark = QColor(30, 30, 30)  # ink on light fills is dark in every theme
    _INK[:] = [
        QColor(255, 255, 255) if 0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue() < 140 else dark for c in _FILL
    ]


_rebuild_fills()
palette.add_listener(_rebuild_fills)


def fmt(x: float, precision: int) -> str:
    """``x`` to ``precision`` significant digits; not computed (NaN, inf) → "—", never "nan"."""
    if x is None or not math.isfinite(x):
        return "—"
    if _shared_fmt is not None:
        return str(_shared_fmt(float(x), precision))
    text = f"{x:.{precision}g}"
    return "0" if text == "-0" else text


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
_exporting = False  # while rendering a file: text scales with the picture, no screen clamps
_text_scale = 1.0  # presentation mode: on-screen text (and its clamps) × this
_line_scale = 1.0  # presentation mode: pen widths × this


def set_scales(text: float = 1.0, lines: float = 1.0) -> None:
    """On-screen text and line widths × ``text`` / ``lines`` (see NetworkView.set_text_scale)."""
    global _text_scale, _line_scale
    _text_scale, _line_scale = float(text), float(lines)


@contextmanager
def exporting() -> Iterator[None]:
    """Render text in proportion (for PNG/SVG files) instead of clamped to legible screen sizes."""
    global _exporting
    old, _exporting = _exporting, True
    try:
        yield
    finally:
        _exporting = old


def _font(px: int, bold: bool) -> QFont:
    key = (px, bold)
    if key not in _FONTS:
        f = QFont()
        f.setPixelSize(px)
        f.setBold(bold)
        _FONTS[key] = f
    return _FONTS[key]


def _text_layout(
    painter: QPainter, text: str, size: float, bold: bool, min_px: int, max_px: int, fit_width: float | None
) -> tuple[QFont, float, float, float]:
    """(font, width, height in device pixels, device pixels per scene unit) of ``text``."""
    s = screen_scale(painter)
    return (*_measure(text, size, s, bold, min_px, max_px, fit_width), s)


def _measure(
    text: str,
    size: float,
    s: float,
    bold: bool = False,
    min_px: int = 10,
    max_px: int = 22,
    fit_width: float | None = None,
) -> tuple[QFont, float, float]:
    """(font, width, height in device pixels) of ``text`` drawn at ``s`` device pixels per scene unit."""
    return _measure_cached(text, size, s, bold, min_px, max_px, fit_width, _text_scale, _exporting)


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
    _, w, h, s = _text_layout(painter, text, size, bold, min_px, max_px, fit_width)
    x = -w / 2 if align == "center" else 0.0
    return QRectF(at.x() + (x - pad) / s, at.y() + (-h / 2 - pad) / s, (w + 2 * pad) / s, (h + 2 * pad) / s)


def draw_text(
    painter: QPainter,
    at: QPointF,
    text: str,
    size: float,
    *,
    colour: QColor = TEXT,
    bold: bool = False,
    align: str = "center",
    background: QColor | None = None,
    min_px: int = 10,
    max_px: int = 22,
    fit_width: float | None = None,
) -> QRectF:
    """Draw ``text`` centred (or left-aligned) on ``at``; ``size`` in scene units, clamped on screen.

    Returns the text's rectangle in the painter's (item) coordinates, for hit testing.
    """
    font, w, h, s = _text_layout(painter, text, size, bold, min_px, max_px, fit_width)
    rect = QRectF(-w / 2 if align == "center" else 0.0, -h / 2, w, h)
    painter.save()
    painter.translate(at)
    painter.scale(1.0 / s, 1.0 / s)
    if background is not None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(rect.adjusted(-3, -1, 3, 1), 4, 4)
    painter.setFont(font)
    painter.setPen(colour)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
    return QRectF(at.x() + rect.x() / s, at.y() + rect.y() / s, rect.width() / s, rect.height() / s)


def _cosmetic(colour: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(colour, width * _line_scale, style)
    pen.setCosmetic(True)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)  # round caps make antialiased wide lines ~40x slower
    return pen


def map_image(values: np.ndarray) -> QImage:
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
    rgba = np.ascontiguousarray(LUT[np.flipud(idx)])
    h, w = idx.shape
    return QImage(rgba.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()
