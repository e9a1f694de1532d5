"""The network editor's scene: layered layout, node items, one item for all edges, layer headers.

Items hold ids, never numpy arrays: a node is ``(l, j)``, a weight
``(k, i, j)``.  :meth:`NetworkScene.rebuild` (structure changed) recreates the
items; :meth:`NetworkScene.refresh` (values changed) only recomputes the small
caches the items read when they paint (colour indices, label strings, edge
colour buckets) and schedules a repaint.  Everything is drawn in ``paint()``
so ``QGraphicsScene.render`` gives the same picture in a PNG or an SVG.

Text is drawn in device pixels (see :func:`draw_text`): its size follows the
zoom but is clamped so it never gets smaller than ~10 px nor absurdly large;
when nodes become too small on screen for their numbers the numbers are left
out (zoom in to read them) instead of overlapping.

The layout's sizes come from :mod:`gui.network_layout`: nodes, headers and
the room text needs grow with the presentation scale, the gaps between layers
more slowly, so a fitted view magnifies the network and its numbers get larger.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from . import palette
from .model_text import phase as phase_text
from .network_layout import Geometry, content_rect, geometry, widened
from .palette import LUT, symmetric_scale
from .session import Session

try:  # the shared number formatter, if the explanations module exists
    from model.explain import fmt as _shared_fmt
except ImportError:  # pragma: no cover - depends on what else is installed
    _shared_fmt = None

Selection = tuple | None

EDGE_LABEL_LIMIT = 40  # label every edge only in small networks

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
    _INK[:] = [QColor(255, 255, 255) if 0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue() < 140 else dark
               for c in _FILL]


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
    """Vectorised :func:`gui.palette.colour`: LUT indices (int) of ``values``; non-finite → GREY."""
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
    text: str, size: float, s: float, bold: bool, min_px: int, max_px: int, fit_width: float | None,
    k: float, exporting: bool,
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
    painter: QPainter, at: QPointF, text: str, size: float, *, bold: bool = False, align: str = "center",
    min_px: int = 10, max_px: int = 22, fit_width: float | None = None, pad: float = 0.0,
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


class NodeItem(QGraphicsItem):
    """One neuron (l, j): a circle filled by its value, the value inside, a second value below."""

    def __init__(self, node: tuple[int, int], geo: Geometry | None = None) -> None:
        super().__init__()
        self.node = node
        self.geo = geo or geometry()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the view does hit testing
        self.setZValue(1)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        r, k = self.geo.radius, self.geo.text
        return QRectF(-r - 70 * k, -r - 10 * k, 2 * r + 220 * k, 2 * r + 44 * k)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        sc = self.scene()
        if not isinstance(sc, NetworkScene):
            return
        l, j = self.node
        fill = int(sc.node_fill[l][j])
        s = screen_scale(painter)
        r, k = self.geo.radius, self.geo.text
        painter.setPen(_cosmetic(OUTLINE, palette.OUTLINE_WIDTH))
        painter.setBrush(_FILL[fill])
        painter.drawEllipse(QPointF(0, 0), r, r)
        image = sc.map_images.get(self.node) if sc.thumbnails else None
        if image is not None:
            inner = r - 5 * k
            path = QPainterPath()
            path.addEllipse(QPointF(0, 0), inner, inner)
            painter.save()
            painter.setClipPath(path)
            painter.drawImage(QRectF(-inner, -inner, 2 * inner, 2 * inner), image)
            painter.restore()
        if ("node", l, j) == sc.selection:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(_cosmetic(SELECTED, 2.5, Qt.PenStyle.DashLine))
            painter.drawEllipse(QPointF(0, 0), r + 7 * k, r + 7 * k)
        if self.node in sc.active_nodes:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(_cosmetic(ACCENT, 4.0))
            painter.drawEllipse(QPointF(0, 0), r + 1.5 * k, r + 1.5 * k)
        if 2 * r * s < 30:  # too small on screen for numbers: leave them out, don't overlap
            return
        main = sc.node_main[l][j]
        inside = 2 * r - 6 * k
        size = self.geo.node_text
        top = int(round(18 * size / 13))  # larger nodes may draw their numbers larger
        if main == "—":  # not computed yet: a quiet dash, not a bold minus sign
            draw_text(painter, QPointF(0, 0), main, size, colour=MUTED, max_px=top)
        elif image is not None:
            draw_text(painter, QPointF(0, 0), main, size, bold=True, background=palette.LABEL_BACK, max_px=top,
                      fit_width=inside)
        else:
            draw_text(painter, QPointF(0, 0), main, size, bold=True, colour=_INK[fill], max_px=top, fit_width=inside)
        sub = sc.node_sub[l][j]
        if sub and (self.geo.node_gap - 2 * r) * s >= 12 * k:  # room under the circle for a line of text
            below = r + 13 * k
            if 11 * s < 10:  # clamped up to the legible minimum: keep the larger text off the circle
                below = max(below, r + text_rect(painter, QPointF(0, 0), sub, 11, max_px=16).height() / 2)
            draw_text(painter, QPointF(0, below), sub, 11, colour=MUTED, max_px=16)
        side = sc.node_side[l][j]
        if side:
            draw_text(painter, QPointF(r + 10 * k, 0), side, 11, colour=MUTED, align="left", max_px=16)


class LayerHeaderItem(QGraphicsItem):
    """Above layer l: its name and activation/bias; "−" and "+" buttons on hidden layers."""

    def __init__(self, layer: int, editable: bool, geo: Geometry | None = None) -> None:
        super().__init__()
        self.layer = layer
        self.editable = editable  # hidden layers: neurons can be added and removed
        self.geo = geo or geometry()
        self.title = ""
        self.detail = ""
        self._top, self._title_y = 0.0, self.geo.header_h * 0.3  # as last painted (see layout())
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(2)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        g = self.geo
        return QRectF(-g.header_w / 2 - 4, -g.header_h - 4, g.header_w + 8, 2 * g.header_h + 8)  # may grow upwards

    def _room(self) -> float:
        """Width for the title: between the "−" and "+" buttons."""
        g = self.geo
        return g.header_w - (4 * g.button_r + 30 * g.text if self.editable else 12 * g.text)

    def text_heights(self, s: float) -> tuple[float, float]:
        """Heights (item units) of the title and the detail at ``s`` pixels per unit."""
        _, _, ht = _measure(self.title, 14, s, bold=True, max_px=18, fit_width=self._room())
        _, _, hd = _measure(self.detail, 12, s, max_px=16, fit_width=self.geo.header_w - 12 * self.geo.text)
        return ht / s, hd / s

    def layout(self, s: float) -> tuple[float, float, float]:
        """(box top, title centre, detail centre) in item units at ``s`` pixels per unit.

        The box's bottom stays put; text clamped larger than planned (a view small for the network) makes it
        taller upwards, clear of the nodes below, as tall as every other header.
        """
        h = self.geo.header_h
        sc = self.scene()
        ht, hd = sc.header_text_heights(s) if isinstance(sc, NetworkScene) else self.text_heights(s)
        pad = 3 / s
        if ht + hd + 2 * pad <= h and h * 0.3 + ht / 2 <= h * 0.72 - hd / 2:
            return 0.0, h * 0.3, h * 0.72
        top = h - (ht + hd + 2 * pad)
        return top, top + pad + ht / 2, top + pad + ht + hd / 2

    def button_centre(self, which: str) -> QPointF:
        """Centre of the "+" or "-" button in item coordinates."""
        g = self.geo
        x = g.header_w / 2 - g.button_r - 7 * g.text
        return QPointF(x if which == "+" else -x, self._title_y)

    def part_at(self, p: QPointF) -> str | None:
        """"+", "-", "body" or None for a point in item coordinates."""
        if self.editable:
            for which in ("+", "-"):
                c = self.button_centre(which)
                if math.hypot(p.x() - c.x(), p.y() - c.y()) <= self.geo.button_r + 3 * self.geo.text:
                    return which
        g = self.geo
        return "body" if QRectF(-g.header_w / 2, self._top, g.header_w, g.header_h - self._top).contains(p) else None

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        g = self.geo
        w, h, k = g.header_w, g.header_h, g.text
        s = screen_scale(painter)
        top, self._title_y, detail = self.layout(s) if s >= 0.3 else (0.0, h * 0.3, h * 0.72)
        self._top = top
        painter.setPen(_cosmetic(palette.PANEL_EDGE, palette.OUTLINE_WIDTH))
        painter.setBrush(palette.PANEL)
        painter.drawRoundedRect(QRectF(-w / 2, top, w, h - top), 8 * k, 8 * k)
        if s < 0.3:
            return
        draw_text(painter, QPointF(0, self._title_y), self.title, 14, bold=True, max_px=18, fit_width=self._room())
        draw_text(painter, QPointF(0, detail), self.detail, 12, colour=MUTED, max_px=16, fit_width=w - 12 * k)
        if self.editable:
            for which, glyph in (("+", "+"), ("-", "−")):
                c = self.button_centre(which)
                painter.setPen(_cosmetic(palette.PANEL_EDGE, palette.OUTLINE_WIDTH))
                painter.setBrush(palette.BACKGROUND)
                painter.drawEllipse(c, g.button_r, g.button_r)
                draw_text(painter, c, glyph, 16, bold=True, max_px=18)


class CaptionItem(QGraphicsItem):
    """Two lines under the network: the phase and loss, and what the numbers mean."""

    def __init__(self, geo: Geometry | None = None) -> None:
        super().__init__()
        self.lines: tuple[str, str] = ("", "")
        self.geo = geo or geometry()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(2)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        k = self.geo.text
        return QRectF(-4 * k, -4 * k, 700 * k, 44 * k)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if screen_scale(painter) < 0.3:
            return
        first, second, _, _ = self.layout(screen_scale(painter))
        draw_text(painter, QPointF(0, first), self.lines[0], 13, bold=True, align="left", max_px=16)
        draw_text(painter, QPointF(0, second), self.lines[1], 12, colour=MUTED, align="left", max_px=15)

    def layout(self, s: float) -> tuple[float, float, float, float]:
        """(first line's centre, second line's centre, bottom, right) in item units at ``s`` pixels per unit.

        Text clamped larger than planned (a view small for the network) grows downwards, off the nodes.
        """
        g = self.geo
        k = g.text
        _, w1, h1 = _measure(self.lines[0], 13, s, bold=True, max_px=16)
        _, w2, h2 = _measure(self.lines[1], 12, s, max_px=15)
        # Below the lowest nodes' second values (placed as NodeItem.paint places them).
        hs = _measure("z", 11, s, max_px=16)[2] / s
        clear = g.radius + max(13 * k, hs / 2) + hs / 2 + 2 / s - g.caption_at
        first = max(8.0 * k, clear + h1 / s / 2, h1 / s / 2)
        second = max(28.0 * k, first + h1 / s)
        return first, second, second + h2 / s / 2, max(w1, w2) / s


class EdgesItem(QGraphicsItem):
    """Every weight of the network in one item: lines drawn per colour/width bucket.

    Edge e (flat index, k-major then i then j, as ``weights[k].ravel()``)
    is weight (k, i, j).  Geometry is fixed at construction; :meth:`set_values`
    regroups the edges into buckets of equal pen.
    """

    def __init__(self, sizes: list[int], pos: Callable[[int, int], QPointF], geo: Geometry | None = None) -> None:
        super().__init__()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(0)
        self.sizes = list(sizes)
        self.geo = geo or geometry()
        self._pos = pos
        ks, is_, js, offsets = [], [], [], [0]
        for k in range(len(sizes) - 1):
            ii, jj = np.meshgrid(np.arange(sizes[k]), np.arange(sizes[k + 1]), indexing="ij")
            ks.append(np.full(ii.size, k))
            is_.append(ii.ravel())
            js.append(jj.ravel())
            offsets.append(offsets[-1] + ii.size)
        self.k = np.concatenate(ks) if ks else np.zeros(0, int)
        self.i = np.concatenate(is_) if is_ else np.zeros(0, int)
        self.j = np.concatenate(js) if js else np.zeros(0, int)
        self.offsets = offsets
        starts = [pos(int(k), int(i)) for k, i in zip(self.k, self.i, strict=True)]
        ends = [pos(int(k) + 1, int(j)) for k, j in zip(self.k, self.j, strict=True)]
        self.x1 = np.array([p.x() for p in starts])
        self.y1 = np.array([p.y() for p in starts])
        self.x2 = np.array([p.x() for p in ends])
        self.y2 = np.array([p.y() for p in ends])
        self.lines = [QLineF(a, b) for a, b in zip(starts, ends, strict=True)]
        # Labels sit a fifth to two fifths of the way between the circles (the 1/3 point at 100 %), staggered by
        # source so neighbours' labels don't collide; paint() slides a label along its edge if it would still
        # cover one already drawn.  Measured between the circles, not their centres, so larger nodes never
        # hide a label.  label_t: fraction of the centre-to-centre line.
        n_src = np.array([sizes[k] for k in self.k]) if len(self.k) else np.zeros(0)
        length = np.maximum(np.hypot(self.x2 - self.x1, self.y2 - self.y1), 1e-9)
        self._rim = np.minimum(self.geo.radius / length, 0.45)  # (E,) fraction of the line inside one circle
        # Presentation mode (large labels): the labels of more sources are staggered further apart, and into a
        # layer larger than their own, where edges fan out, they go near the far end where the fan is widest.
        big = self.geo.text > 1.0
        stagger = np.minimum(0.18 * np.maximum(n_src - 1, 1), 0.45) if big else 0.18
        self.label_u = 0.2 + stagger * np.where(n_src > 1, self.i / np.maximum(n_src - 1, 1), 0.5)
        n_dst = np.array([sizes[k + 1] for k in self.k]) if len(self.k) else np.zeros(0)
        self._fan = np.where((n_dst > n_src) & big, -1.0, 1.0)  # (E,) +1: near the source, -1: near the target
        self.label_u = np.where(self._fan < 0, 1.0 - self.label_u, self.label_u)
        self.label_t = self._along(np.arange(self.count), self.label_u)
        self.label_at = [self.point_at(e, float(f)) for e, f in enumerate(self.label_t)]
        xs = np.concatenate([self.x1, self.x2]) if self.count else np.zeros(1)
        ys = np.concatenate([self.y1, self.y2]) if self.count else np.zeros(1)
        m = 40 * self.geo.text
        self._rect = QRectF(xs.min() - m, ys.min() - m, xs.max() - xs.min() + 2 * m, ys.max() - ys.min() + 2 * m)
        self.buckets: list[tuple[QPen, list]] = []
        self.widths = np.ones(self.count)
        self.colours = np.full(self.count, GREY)
        self.active: list = []
        self.labels: list[str] | None = None
        self.selected: int | None = None
        self._label_rects: list[tuple[QRectF, int]] = []
        self._pens: dict[int, QPen] = {}
        self._keys: np.ndarray | None = None

    @property
    def count(self) -> int:
        return len(self.lines)

    def _along(self, e: np.ndarray | int, u: np.ndarray | float) -> np.ndarray:
        """Fraction of the centre-to-centre line of edge(s) ``e`` at fraction ``u`` of the part between the circles."""
        rim = self._rim[e]
        return rim + np.asarray(u) * (1.0 - 2.0 * rim)

    def point_at(self, e: int, f: float) -> QPointF:
        """The point a fraction ``f`` of the way along edge e."""
        return QPointF(self.x1[e] + (self.x2[e] - self.x1[e]) * f, self.y1[e] + (self.y2[e] - self.y1[e]) * f)

    def index(self, k: int, i: int, j: int) -> int:
        return self.offsets[k] + i * self.sizes[k + 1] + j

    def edge(self, e: int) -> tuple[int, int, int]:
        return int(self.k[e]), int(self.i[e]), int(self.j[e])

    def set_values(self, colour_values: np.ndarray, labels: list[str] | None, active: np.ndarray) -> None:
        """Recolour: ``colour_values`` (E,) decides colour and width (NaN = grey, thin); ``active`` (E,) bool."""
        v = np.asarray(colour_values, dtype=np.float64)
        finite = np.isfinite(v)
        scale = symmetric_scale(v) if finite.any() else 1.0
        # 33 colour levels are indistinguishable from 256 on a line and keep the buckets few.
        level = np.full(v.shape, 33, dtype=np.int64)
        level[finite] = np.rint((np.clip(v[finite] / scale, -1, 1) + 1.0) * 16).astype(np.int64)
        width = np.ones(v.shape, dtype=np.int64)
        width[finite] = 1 + np.rint(5 * np.abs(v[finite]) / scale).astype(np.int64)
        # Near-zero weights would be near-white on white: draw them as grey hairlines (level 34);
        # not-computed ones (level 33) are dashed.
        level[finite & (np.abs(level - 16) <= 3)] = 34
        self.widths = width
        self.colours = np.where(level >= 33, GREY, np.rint(level * 255 / 32)).astype(np.int64)
        key = level * 8 + width
        order = np.argsort(key, kind="stable")
        keys, starts = np.unique(key[order], return_index=True)
        bounds = list(starts[1:]) + [len(order)]
        buckets = []
        for kk, a, b in zip(keys.tolist(), starts.tolist(), bounds, strict=True):
            pen = self._pens.get(kk)
            if pen is None:
                lvl, w = divmod(kk, 8)
                if lvl == 33:
                    pen = _cosmetic(QColor(185, 185, 185), 1, Qt.PenStyle.DashLine)
                elif lvl == 34:
                    pen = _cosmetic(QColor(165, 165, 165), 1)
                else:
                    pen = _cosmetic(_FILL[round(lvl * 255 / 32)], w)
                self._pens[kk] = pen
            buckets.append((pen, [self.lines[e] for e in order[a:b].tolist()]))
        self.buckets = buckets
        self._keys = key
        self.active = [(self.lines[e], int(width[e])) for e in np.flatnonzero(active).tolist()]
        self.labels = labels
        self.update()

    def _pen_of(self, e: int) -> QPen:
        return self._pens.get(int(self._keys[e]), _cosmetic(OUTLINE, 1)) if self._keys is not None else QPen()

    def edge_at(self, p: QPointF, tol: float) -> int | None:
        """The edge whose label is at ``p`` or whose segment passes within ``tol`` scene units."""
        for rect, e in self._label_rects:
            if rect.contains(p):
                return e
        if not self.count:
            return None
        dx, dy = self.x2 - self.x1, self.y2 - self.y1
        length2 = np.maximum(dx * dx + dy * dy, 1e-12)
        t = np.clip(((p.x() - self.x1) * dx + (p.y() - self.y1) * dy) / length2, 0.0, 1.0)
        d = np.hypot(self.x1 + t * dx - p.x(), self.y1 + t * dy - p.y())
        e = int(np.argmin(d))
        return e if d[e] <= tol else None

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._rect

    def _obstacles(self, painter: QPainter) -> list[tuple[list[QPointF], list[QRectF]]]:
        """Per layer: its node centres and the boxes of the text beside them ("z = …", "target …")."""
        sc = self.scene()
        g = self.geo
        out: list[tuple[list[QPointF], list[QRectF]]] = []
        for l, n in enumerate(self.sizes):
            centres = [self._pos(l, j) for j in range(n)]
            boxes = []
            if isinstance(sc, NetworkScene) and l < len(sc.node_sub) and len(sc.node_sub[l]) == n:
                for j, c in enumerate(centres):
                    if sc.node_sub[l][j]:
                        at = QPointF(c.x(), c.y() + g.radius + 13 * g.text)
                        boxes.append(text_rect(painter, at, sc.node_sub[l][j], 11, max_px=16))
                    if sc.node_side[l][j]:
                        at = QPointF(c.x() + g.radius + 10 * g.text, c.y())
                        boxes.append(text_rect(painter, at, sc.node_side[l][j], 11, align="left", max_px=16))
            out.append((centres, boxes))
        return out

    def _clear(self, box: QRectF, e: int, obstacles: list[tuple[list[QPointF], list[QRectF]]]) -> bool:
        """Whether ``box`` (scene units) stays off the circles and their text in edge e's two layers.

        Text is clamped to a legible size on screen, so in a view that is small for the network a label can
        be larger than the room the layout left it.
        """
        r2 = self.geo.radius**2
        for l in (int(self.k[e]), int(self.k[e]) + 1):
            centres, boxes = obstacles[l]
            for c in centres:
                dx = max(box.left() - c.x(), 0.0, c.x() - box.right())
                dy = max(box.top() - c.y(), 0.0, c.y() - box.bottom())
                if dx * dx + dy * dy < r2:
                    return False
            if any(box.intersects(b) for b in boxes):
                return False
        return True

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        halo = QColor(ACCENT)
        halo.setAlpha(150)
        for line, w in self.active:
            painter.setPen(_cosmetic(halo, w + 6))
            painter.drawLine(line)
        for pen, lines in self.buckets:
            painter.setPen(pen)
            painter.drawLines(lines)
        sel = self.selected
        if sel is not None and sel < self.count:
            w = int(self.widths[sel])
            painter.setPen(_cosmetic(SELECTED, w + 6))
            painter.drawLine(self.lines[sel])
            painter.setPen(self._pen_of(sel))
            painter.drawLine(self.lines[sel])
        self._label_rects = []
        if self.labels is None or screen_scale(painter) < 0.35:
            return
        show = range(self.count) if self.count <= EDGE_LABEL_LIMIT else ([sel] if sel is not None else [])
        back = palette.LABEL_BACK
        placed: list[QRectF] = []
        obstacles = self._obstacles(painter)
        size = self.geo.label_text
        top = int(round(15 * size / 11))
        for e in show:
            text = self.labels[e]
            if not text:
                continue
            u0, fan = float(self.label_u[e]), float(self._fan[e])
            at = free = None  # the first spot clear of the nodes and other labels; of other labels
            for du in (0.0, 0.13, -0.1, 0.25, 0.38, 0.5, 0.07, -0.05, 0.19, 0.31, 0.44, 0.57, -0.15):
                u = u0 + fan * du
                if not 0.1 <= u <= 0.9:
                    continue
                p = self.point_at(e, float(self._along(e, u)))
                box = text_rect(painter, p, text, size, max_px=top, bold=e == sel, pad=3)
                if any(box.intersects(r) for r in placed):
                    continue
                free = p if free is None else free
                if self._clear(box, e, obstacles):
                    at = p
                    break
            at = at if at is not None else free if free is not None else self.label_at[e]
            rect = draw_text(painter, at, text, size, background=back, max_px=top, bold=e == sel)
            placed.append(rect.adjusted(-2, -1, 2, 1))
            self._label_rects.append((rect, e))
            if e == sel:
                self.label_at[e] = at  # the inline editor opens where the label is


class NetworkScene(QGraphicsScene):
    """Items for the session's network; reads values from ``session.view()`` (batch row 0)."""

    def __init__(self, session: Session, parent=None) -> None:  # noqa: ANN001 - QObject
        super().__init__(parent)
        self.session = session
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # items are recoloured, not moved
        self.setBackgroundBrush(QBrush(palette.BACKGROUND))  # re-set by gui.presentation on a theme switch
        self.mode = "forward"
        self.precision = 4
        self.thumbnails = False
        self.selection: Selection = None
        self.map_images: dict[tuple[int, int], QImage] = {}
        self.node_items: dict[tuple[int, int], NodeItem] = {}
        self.header_items: list[LayerHeaderItem] = []
        self.edges_item: EdgesItem | None = None
        self.caption_item: CaptionItem | None = None
        self.sizes: list[int] = []
        # Caches read by the items' paint(), one entry per layer l.
        self.node_fill: list[np.ndarray] = []
        self.node_main: list[list[str]] = []
        self.node_sub: list[list[str]] = []
        self.node_side: list[list[str]] = []
        self.active_nodes: set[tuple[int, int]] = set()
        self.content_rect = QRectF()
        self.geo = geometry()  # remade by rebuild() for the text scale and the layer sizes
        self._header_heights: dict[float, tuple[float, float]] = {}  # header_text_heights() by scale
        self.view_aspect = 0.0  # the view's width / height, if it told us (set_view_aspect)
        self.rebuild()

    # ------------------------------------------------------------- layout
    def node_pos(self, l: int, j: int) -> QPointF:
        n = self.sizes[l]
        return QPointF(l * self.geo.layer_gap, (j - (n - 1) / 2) * self.geo.node_gap)

    def rebuild(self) -> None:
        """Recreate every item for the current structure, then refresh."""
        old_sizes = self.sizes
        self.clear()
        self.sizes = list(self.session.network.sizes)
        if self.sizes != old_sizes:
            self.map_images = {}  # the maps belong to neurons that may no longer exist
        self.geo = g = self._geometry()
        L = len(self.sizes) - 1
        self.edges_item = EdgesItem(self.sizes, self.node_pos, g)
        self.addItem(self.edges_item)
        self.node_items = {}
        for l, n in enumerate(self.sizes):
            for j in range(n):
                item = NodeItem((l, j), g)
                item.setPos(self.node_pos(l, j))
                self.addItem(item)
                self.node_items[(l, j)] = item
        half = (max(self.sizes) - 1) / 2 * g.node_gap
        top = -half - g.radius - g.header_drop - g.header_h
        self.header_items = []
        for l in range(L + 1):
            header = LayerHeaderItem(l, editable=0 < l < L, geo=g)
            header.setPos(l * g.layer_gap, top)
            self.addItem(header)
            self.header_items.append(header)
        self.caption_item = CaptionItem(g)
        self.caption_item.setPos(-g.header_w / 2, half + g.caption_at)
        self.addItem(self.caption_item)
        self.content_rect = content_rect(g, self.sizes)
        # Room to pan around the network.
        m = max(self.content_rect.width(), self.content_rect.height())
        self.setSceneRect(self.content_rect.adjusted(-m, -m, m, m))
        if not self.valid(self.selection):
            self.selection = None
        sel = self.selection
        self.edges_item.selected = self.edges_item.index(*sel[1:]) if sel and sel[0] == "edge" else None
        self.refresh()

    def header_text_heights(self, s: float) -> tuple[float, float]:
        """The tallest title and detail of the layer headers at ``s`` pixels per unit: all headers align."""
        got = self._header_heights.get(s)
        if got is None:
            if len(self._header_heights) > 8:
                self._header_heights.clear()
            heights = [header.text_heights(s) for header in self.header_items] or [(0.0, 0.0)]
            got = self._header_heights[s] = (max(t for t, _ in heights), max(d for _, d in heights))
        return got

    def _geometry(self) -> Geometry:
        g = geometry(_text_scale, self.sizes)
        # Only in presentation mode: at 100 % the layout is the same in every window.
        return widened(g, self.sizes, self.view_aspect) if g.text > 1.0 else g

    def overflow(self, s: float) -> tuple[float, float, float]:
        """How far (up, right, down; scene units) text sticks out of ``content_rect`` at ``s`` pixels per unit.

        Text never gets smaller on screen than its legible minimum, so in a view small for the network it
        takes more room than the layout planned; the view fits this much more.
        """
        g, rect = self.geo, self.content_rect
        right, bottom = rect.left(), rect.top()
        top = min((header.y() + header.layout(s)[0] for header in self.header_items), default=rect.bottom())
        if self.caption_item is not None:
            _, _, below, wide = self.caption_item.layout(s)
            bottom = self.caption_item.y() + below
            right = self.caption_item.x() + wide
        L = len(self.sizes) - 1
        for j, side in enumerate(self.node_side[L] if len(self.node_side) > L else []):
            if side:
                _, w, _ = _measure(side, 11, s, max_px=16)
                right = max(right, self.node_pos(L, j).x() + g.radius + 10 * g.text + w / s)
        return (
            max(0.0, rect.top() + g.margin / 2 - top),
            max(0.0, right + g.margin / 2 - rect.right()),
            max(0.0, bottom + g.margin / 2 - rect.bottom()),
        )

    def set_view_aspect(self, aspect: float) -> bool:
        """The view's width / height (presentation mode spreads the layers to use it); True if it rebuilt."""
        self.view_aspect = float(aspect)
        if not self.sizes or abs(self._geometry().layer_gap - self.geo.layer_gap) <= 0.02 * self.geo.layer_gap:
            return False
        self.rebuild()
        return True

    # -------------------------------------------------------------- values
    def _layer_values(self, l: int) -> tuple[np.ndarray, np.ndarray]:
        """(main, sub) values (sizes[l],) of layer l, row 0, NaN where not computed."""
        v = self.session.view()
        n = self.sizes[l]
        nan = np.full(n, np.nan)

        def row(arr: np.ndarray | None) -> np.ndarray:
            if arr is None or arr.ndim != 2 or arr.shape[0] == 0 or arr.shape[1] != n:
                return nan
            return np.asarray(arr[0], dtype=np.float64)

        if self.mode == "forward":
            return row(v.a[l] if l < len(v.a) else None), row(v.z[l] if l < len(v.z) else None)
        return row(v.delta.get(l)), row(v.da.get(l))

    def refresh(self) -> None:
        """Re-read values into the caches and repaint; never creates items."""
        session, p = self.session, self.precision
        if list(session.network.sizes) != self.sizes:
            return  # a structure change is on its way; rebuild() will follow
        view = session.view()
        net, data = session.network, session.dataset
        L = len(self.sizes) - 1
        backward = self.mode == "backward"
        self.node_fill, self.node_main, self.node_sub, self.node_side = [], [], [], []
        for l in range(L + 1):
            main, sub = self._layer_values(l)
            self.node_fill.append(colour_indices(main, symmetric_scale(main)))
            self.node_main.append([fmt(x, p) for x in main.tolist()])
            if l == 0:
                names = list(data.input_names) if len(data.input_names) == self.sizes[0] else []
                self.node_sub.append(names or [f"x{j + 1}" for j in range(self.sizes[0])])
            else:
                label = self.tr("∂L/∂a = %1") if backward else self.tr("z = %1")
                self.node_sub.append([label.replace("%1", fmt(x, p)) if math.isfinite(x) else "" for x in sub.tolist()])
            self.node_side.append([""] * self.sizes[l])
        # Targets beside the output nodes: what the output is compared with.
        if view.T.ndim == 2 and view.T.shape[0] and view.T.shape[1] == self.sizes[-1]:
            self.node_side[L] = [self.tr("target %1").replace("%1", fmt(t, p)) for t in view.T[0].tolist()]
        self._refresh_edges(view, net, backward)
        self._refresh_headers(view, net)
        self._refresh_caption(view, backward)
        self.update()

    def _refresh_edges(self, view, net, backward: bool) -> None:  # noqa: ANN001 - StepView, Network
        edges = self.edges_item
        if edges is None:
            return
        p = self.precision
        blocks_colour, blocks_label = [], []
        for k in range(len(self.sizes) - 1):
            shape = (self.sizes[k], self.sizes[k + 1])
            if not backward:
                w = np.asarray(net.weights[k], dtype=np.float64)
                blocks_colour.append(w.ravel())
                blocks_label.append(w.ravel())
                continue
            grad = view.dW.get(k)
            grad = grad.ravel() if grad is not None and grad.shape == shape else np.full(shape[0] * shape[1], np.nan)
            change = view.change_W.get(k)
            blocks_colour.append(grad)
            blocks_label.append(change.ravel() if change is not None and change.shape == shape else grad)
        colour = np.concatenate(blocks_colour) if blocks_colour else np.zeros(0)
        label_values = np.concatenate(blocks_label) if blocks_label else np.zeros(0)
        if edges.count <= EDGE_LABEL_LIMIT:
            labels = [fmt(x, p) if math.isfinite(x) else "" for x in label_values.tolist()]
        else:  # only the selected edge is labelled: format just that one
            labels = [""] * edges.count
            if edges.selected is not None:
                x = float(label_values[edges.selected])
                labels[edges.selected] = fmt(x, p) if math.isfinite(x) else ""
        edges.set_values(colour, labels, self._active_edges(view))

    def _active_edges(self, view) -> np.ndarray:  # noqa: ANN001 - StepView
        """(E,) bool: the edges the current phase works on; also sets ``active_nodes``."""
        edges = self.edges_item
        assert edges is not None
        active = np.zeros(edges.count, dtype=bool)
        phase = view.phase
        L = len(self.sizes) - 1
        self.active_nodes = set()
        if phase.kind == "forward" and 1 <= phase.layer <= L:
            l = phase.layer
            into = edges.k == l - 1
            if phase.node >= 0:
                into &= edges.j == phase.node
                self.active_nodes = {(l, phase.node)}
            else:
                self.active_nodes = {(l, j) for j in range(self.sizes[l])}
            active |= into
        elif phase.kind == "loss":
            self.active_nodes = {(L, j) for j in range(self.sizes[L])}
        elif phase.kind == "delta" and 0 <= phase.layer <= L:
            self.active_nodes = {(phase.layer, j) for j in range(self.sizes[phase.layer])}
        elif phase.kind == "gradient" and 1 <= phase.layer <= L:
            active |= edges.k == phase.layer - 1
        elif phase.kind == "update":
            active[:] = True
        return active

    def _refresh_headers(self, view, net) -> None:  # noqa: ANN001 - StepView, Network
        L = len(self.sizes) - 1
        self._header_heights = {}
        for l, header in enumerate(self.header_items):
            if l == 0:
                header.title = self.tr("Input")
                n = len(view.indices)
                row = int(view.indices[0]) if n else -1
                if n > 1:
                    header.detail = self.tr("sample #%1 of a batch of %2").replace("%1", str(row)).replace("%2", str(n))
                else:
                    header.detail = self.tr("sample #%1").replace("%1", str(row)) if n else self.tr("no sample")
                continue
            header.title = self.tr("Output") if l == L else self.tr("Hidden %1").replace("%1", str(l))
            bias = self.tr("bias") if net.bias[l - 1] else self.tr("no bias")
            header.detail = self.tr("%1 · %2").replace("%1", net.activations[l - 1]).replace("%2", bias)

    def _refresh_caption(self, view, backward: bool) -> None:  # noqa: ANN001 - StepView
        if self.caption_item is None:
            return
        phase = str(view.phase)
        first = self.tr("Phase: %1").replace("%1", phase_text(phase))
        if view.loss is not None:
            first = self.tr("%1 · loss = %2").replace("%1", first).replace("%2", fmt(view.loss, self.precision))
        if not backward:
            second = self.tr("Nodes: output a (z below) · edges: weight w")
        elif view.change_W:
            second = self.tr("Nodes: δ = ∂L/∂z · edges: Δw made by the update (colour: ∂L/∂w)")
        else:
            second = self.tr("Nodes: δ = ∂L/∂z (∂L/∂a below) · edges: ∂L/∂w")
        self.caption_item.lines = (first, second)
        self.caption_item.update()

    # ---------------------------------------------------------- selection
    def valid(self, sel: Selection) -> bool:
        """Whether ``sel`` names a node or edge of the current network (None is valid)."""
        if sel is None:
            return True
        try:
            if sel[0] == "node" and len(sel) == 3:
                return 0 <= sel[1] < len(self.sizes) and 0 <= sel[2] < self.sizes[sel[1]]
            if sel[0] == "edge" and len(sel) == 4:
                k, i, j = sel[1:]
                return 0 <= k < len(self.sizes) - 1 and 0 <= i < self.sizes[k] and 0 <= j < self.sizes[k + 1]
        except (TypeError, IndexError):
            return False
        return False

    def set_selection(self, sel: Selection) -> None:
        self.selection = sel
        if self.edges_item is not None:
            self.edges_item.selected = self.edges_item.index(*sel[1:]) if sel and sel[0] == "edge" else None
            if self.edges_item.count > EDGE_LABEL_LIMIT:
                self.refresh()  # the selected edge is the only one labelled
        self.update()

    def edge_label(self, k: int, i: int, j: int) -> str:
        """The label text of weight (k, i, j) as drawn (empty when not shown)."""
        edges = self.edges_item
        if edges is None or edges.labels is None:
            return ""
        return edges.labels[edges.index(k, i, j)]

    # ------------------------------------------------------------ hit test
    def hit(self, p: QPointF, tol: float) -> tuple | None:
        """What is at scene point ``p``: ("header", l, "+"|"-"|"body"), ("node", l, j), ("edge", k, i, j) or None."""
        for header in self.header_items:
            part = header.part_at(p - header.pos())
            if part is not None:
                return ("header", header.layer, part)
        g = self.geo
        for l in range(len(self.sizes)):
            x = l * g.layer_gap
            if abs(p.x() - x) <= g.radius + tol:
                n = self.sizes[l]
                j = int(round(p.y() / g.node_gap + (n - 1) / 2))
                if 0 <= j < n:
                    c = self.node_pos(l, j)
                    if math.hypot(p.x() - c.x(), p.y() - c.y()) <= g.radius + tol:
                        return ("node", l, j)
        if self.edges_item is not None:
            e = self.edges_item.edge_at(p, tol)
            if e is not None:
                return ("edge", *self.edges_item.edge(e))
        return None

    # ---------------------------------------------------------- thumbnails
    def set_node_maps(self, maps: dict) -> None:
        """Rebuild the thumbnail images from {(l, j): 2-D map}; the only place images are made."""
        self.map_images = {}
        for key, values in (maps or {}).items():
            arr = np.asarray(values)
            if arr.ndim == 2 and arr.size and tuple(key) in self.node_items:
                self.map_images[tuple(key)] = map_image(arr)
        self.update()

    def set_thumbnails(self, on: bool) -> None:
        self.thumbnails = bool(on)
        self.update()
