"""The network scene's items: a neuron, a layer's header, the caption, and one item for all edges.

Items hold ids, never numpy arrays: a node is ``(l, j)``, a weight
``(k, i, j)``.  They read the :class:`~gui.canvas.scene_content.Content` that
:class:`gui.canvas.network_scene.NetworkScene` makes on refresh and its
:class:`~gui.canvas.scene_text.Ink` (colours and scales), and draw everything
in ``paint()``, so ``QGraphicsScene.render`` gives the same picture in a PNG
or an SVG.  Each item's ``texts(s)`` decides which of its strings are visible
at ``s`` device pixels per scene unit; ``paint()`` draws exactly those, and
the canvas's text for tests and screen readers is read through the same call.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from gui.canvas.network_layout import Geometry, geometry
from gui.canvas.scene_content import Content
from gui.canvas.scene_text import (
    GREY,
    Ink,
    cosmetic,
    default_ink,
    draw_text,
    measure,
    screen_scale,
    text_rect,
)
from gui.safety import total
from gui.style.palette import symmetric_scale

EDGE_LABEL_LIMIT = 40  # label every edge only in small networks
RIGHT_TEXT = 11  # size of the lines beside a node (badges, target, loss)


def _scene(item: QGraphicsItem):  # noqa: ANN202 - NetworkScene | None
    from gui.canvas.network_scene import NetworkScene  # here: that module imports this one

    sc = item.scene()
    return sc if isinstance(sc, NetworkScene) else None


def _ink(item: QGraphicsItem) -> Ink:
    sc = _scene(item)
    return sc.ink if sc is not None else default_ink()


# ---------------------------------------------------------------- a node's text, for its paint and its neighbours
def _numbers_fit(geo: Geometry, s: float) -> bool:
    """Whether a circle is large enough on screen for numbers (else none are drawn: no overlaps)."""
    return 2 * geo.radius * s >= 30


def sub_point(geo: Geometry, ink: Ink, s: float) -> QPointF:
    """Where the line under a circle is centred (relative to the node's centre)."""
    below = geo.radius + 13 * geo.text
    if 11 * s < 10:  # clamped up to the legible minimum: keep the larger text off the circle
        below = max(below, geo.radius + measure(ink, "z", 11, s, max_px=16)[2] / s / 2)
    return QPointF(0, below)


def right_lines(
    geo: Geometry, content: Content, node: tuple[int, int], ink: Ink, s: float
) -> list[tuple[str, str, QPointF]]:
    """(text, kind, left-centre point relative to the node) of the lines beside node (l, j), stacked and
    centred on it; empty when the numbers do not fit (see :func:`node_texts`)."""
    if not _numbers_fit(geo, s):
        return []
    l, j = node
    right = content.right
    lines = right[l][j] if l < len(right) and j < len(right[l]) else ()
    if not lines:
        return []
    heights = [measure(ink, text, RIGHT_TEXT, s, max_px=16)[2] / s + 3 / s for text, _ in lines]
    y = -sum(heights) / 2
    x = geo.radius + 12 * geo.text  # clear of the selection ring (r + 7)
    out = []
    for (text, kind), h in zip(lines, heights, strict=True):
        out.append((text, kind, QPointF(x, y + h / 2)))
        y += h
    return out


def node_texts(geo: Geometry, content: Content, node: tuple[int, int], ink: Ink, s: float) -> list[str]:
    """The strings node (l, j) draws at ``s`` device pixels per scene unit: its value, the line under it when
    there is room, the lines beside it; nothing when the circle is too small on screen."""
    l, j = node
    if not _numbers_fit(geo, s) or l >= len(content.main) or j >= len(content.main[l]):
        return []
    out = [content.main[l][j]]
    sub = content.sub[l][j]
    if sub and (geo.node_gap - 2 * geo.radius) * s >= 12 * geo.text:
        out.append(sub)
    return out + [text for text, _, _ in right_lines(geo, content, node, ink, s)]


class NodeItem(QGraphicsItem):
    """One neuron (l, j): a circle filled by its value, the value inside, a second value below."""

    def __init__(self, node: tuple[int, int], geo: Geometry | None = None) -> None:
        super().__init__()
        self.node = node
        self.geo = geo or geometry()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the view does hit testing
        self.setZValue(1)

    @total(QRectF)
    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        r, k = self.geo.radius, self.geo.text
        return QRectF(-r - 70 * k, -r - 10 * k, 2 * r + 220 * k, 2 * r + 44 * k)

    # ------------------------------------------------------------ what is visible
    def right_lines(self, ink: Ink, s: float) -> list[tuple[str, str, QPointF]]:
        sc = _scene(self)
        return right_lines(self.geo, sc.content, self.node, ink, s) if sc is not None else []

    def texts(self, s: float) -> list[str]:
        """The strings this node draws at ``s`` device pixels per scene unit (paint() draws exactly these)."""
        sc = _scene(self)
        return node_texts(self.geo, sc.content, self.node, sc.ink, s) if sc is not None else []

    @total
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        sc = _scene(self)
        if sc is None:
            return
        l, j = self.node
        c, ink = sc.content, sc.ink
        col = ink.colours
        if l >= len(c.fill) or j >= len(c.fill[l]):
            return
        fill = int(c.fill[l][j])
        s = screen_scale(painter)
        r, k = self.geo.radius, self.geo.text
        painter.setPen(cosmetic(ink, col.outline, col.outline_width))
        painter.setBrush(col.fills[fill])
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
            painter.setPen(cosmetic(ink, col.selected, 2.5, Qt.PenStyle.DashLine))
            painter.drawEllipse(QPointF(0, 0), r + 7 * k, r + 7 * k)
        if self.node in c.active_nodes:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(cosmetic(ink, col.accent, 4.0))
            painter.drawEllipse(QPointF(0, 0), r + 1.5 * k, r + 1.5 * k)
        texts = self.texts(s)
        if not texts:
            return
        main = texts[0]
        inside = 2 * r - 6 * k
        size = self.geo.node_text
        top = int(round(18 * size / 13))  # larger nodes may draw their numbers larger
        if main == "—":  # not computed yet: a quiet dash, not a bold minus sign
            draw_text(painter, ink, QPointF(0, 0), main, size, colour=col.muted, max_px=top)
        elif image is not None:
            draw_text(
                painter,
                ink,
                QPointF(0, 0),
                main,
                size,
                bold=True,
                background=col.label_back,
                max_px=top,
                fit_width=inside,
            )
        else:
            draw_text(
                painter, ink, QPointF(0, 0), main, size, bold=True, colour=col.inks[fill], max_px=top, fit_width=inside
            )
        sub = c.sub[l][j]
        if sub and sub in texts[1:2]:
            draw_text(painter, ink, sub_point(self.geo, ink, s), sub, 11, colour=col.muted, max_px=16)
        for text, kind, at in right_lines(self.geo, c, self.node, ink, s):
            if kind == "side":
                draw_text(painter, ink, at, text, RIGHT_TEXT, colour=col.muted, align="left", max_px=16)
            else:
                draw_text(painter, ink, at, text, RIGHT_TEXT, align="left", background=col.badge, max_px=16)


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

    @total(QRectF)
    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        g = self.geo
        return QRectF(-g.header_w / 2 - 4, -g.header_h - 4, g.header_w + 8, 2 * g.header_h + 8)  # may grow upwards

    def _room(self) -> float:
        """Width for the title: between the "−" and "+" buttons."""
        g = self.geo
        return g.header_w - (4 * g.button_r + 30 * g.text if self.editable else 12 * g.text)

    def text_heights(self, s: float) -> tuple[float, float]:
        """Heights (item units) of the title and the detail at ``s`` pixels per unit."""
        ink = _ink(self)
        _, _, ht = measure(ink, self.title, 14, s, bold=True, max_px=18, fit_width=self._room())
        _, _, hd = measure(ink, self.detail, 12, s, max_px=16, fit_width=self.geo.header_w - 12 * self.geo.text)
        return ht / s, hd / s

    def layout(self, s: float) -> tuple[float, float, float]:
        """(box top, title centre, detail centre) in item units at ``s`` pixels per unit.

        The box's bottom stays put; text clamped larger than planned (a view small for the network) makes it
        taller upwards, clear of the nodes below, as tall as every other header.
        """
        h = self.geo.header_h
        sc = _scene(self)
        ht, hd = sc.header_text_heights(s) if sc is not None else self.text_heights(s)
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
        """ "+", "-", "body" or None for a point in item coordinates."""
        if self.editable:
            for which in ("+", "-"):
                c = self.button_centre(which)
                if math.hypot(p.x() - c.x(), p.y() - c.y()) <= self.geo.button_r + 3 * self.geo.text:
                    return which
        g = self.geo
        return "body" if QRectF(-g.header_w / 2, self._top, g.header_w, g.header_h - self._top).contains(p) else None

    def texts(self, s: float) -> list[str]:
        """The title and detail, drawn when the header is at least 0.3 pixels per unit on screen."""
        return [t for t in (self.title, self.detail) if t] if s >= 0.3 else []

    @total
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        g = self.geo
        w, h, k = g.header_w, g.header_h, g.text
        ink = _ink(self)
        col = ink.colours
        s = screen_scale(painter)
        top, self._title_y, detail = self.layout(s) if s >= 0.3 else (0.0, h * 0.3, h * 0.72)
        self._top = top
        painter.setPen(cosmetic(ink, col.panel_edge, col.outline_width))
        painter.setBrush(col.panel)
        painter.drawRoundedRect(QRectF(-w / 2, top, w, h - top), 8 * k, 8 * k)
        shown = self.texts(s)
        if self.title in shown:
            at = QPointF(0, self._title_y)
            draw_text(painter, ink, at, self.title, 14, bold=True, max_px=18, fit_width=self._room())
        if self.detail in shown:
            draw_text(
                painter, ink, QPointF(0, detail), self.detail, 12, colour=col.muted, max_px=16, fit_width=w - 12 * k
            )
        if self.editable and s >= 0.3:
            for which, glyph in (("+", "+"), ("-", "−")):
                c = self.button_centre(which)
                painter.setPen(cosmetic(ink, col.panel_edge, col.outline_width))
                painter.setBrush(col.background)
                painter.drawEllipse(c, g.button_r, g.button_r)
                draw_text(painter, ink, c, glyph, 16, bold=True, max_px=18)


class CaptionItem(QGraphicsItem):
    """Two lines under the network: the phase and loss, and what the numbers mean."""

    def __init__(self, geo: Geometry | None = None) -> None:
        super().__init__()
        self.lines: tuple[str, str] = ("", "")
        self.geo = geo or geometry()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(2)

    @total(QRectF)
    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        k = self.geo.text
        return QRectF(-4 * k, -4 * k, 700 * k, 44 * k)

    def texts(self, s: float) -> list[str]:
        """The two lines, drawn when the caption is at least 0.3 pixels per unit on screen."""
        return [t for t in self.lines if t] if s >= 0.3 else []

    @total
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        s = screen_scale(painter)
        if not self.texts(s):
            return
        ink = _ink(self)
        first, second, _, _ = self.layout(s)
        draw_text(painter, ink, QPointF(0, first), self.lines[0], 13, bold=True, align="left", max_px=16)
        draw_text(
            painter, ink, QPointF(0, second), self.lines[1], 12, colour=ink.colours.muted, align="left", max_px=15
        )

    def layout(self, s: float) -> tuple[float, float, float, float]:
        """(first line's centre, second line's centre, bottom, right) in item units at ``s`` pixels per unit.

        Text clamped larger than planned (a view small for the network) grows downwards, off the nodes.
        """
        g = self.geo
        k = g.text
        ink = _ink(self)
        _, w1, h1 = measure(ink, self.lines[0], 13, s, bold=True, max_px=16)
        _, w2, h2 = measure(ink, self.lines[1], 12, s, max_px=15)
        # Below the lowest nodes' second values (placed as NodeItem.paint places them).
        hs = measure(ink, "z", 11, s, max_px=16)[2] / s
        clear = g.radius + max(13 * k, hs / 2) + hs / 2 + 2 / s - g.caption_at
        first = max(8.0 * k, clear + h1 / s / 2, h1 / s / 2)
        second = max(28.0 * k, first + h1 / s)
        return first, second, second + h2 / s / 2, max(w1, w2) / s


class EdgeLabelsItem(QGraphicsItem):
    """The edges' labels, above the nodes (z 1.5) and below the headers: see :meth:`EdgesItem.paint_labels`."""

    def __init__(self, edges: EdgesItem) -> None:
        super().__init__()
        self.edges = edges
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(1.5)

    @total(QRectF)
    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self.edges.boundingRect()

    @total
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        self.edges.paint_labels(painter)


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
        self.label_item: EdgeLabelsItem | None = None  # set by the scene, which adds it
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
        width[finite] = 1 + np.rint(5 * np.clip(np.abs(v[finite]) / scale, 0, 1)).astype(np.int64)
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
        ink = _ink(self)
        for kk, a, b in zip(keys.tolist(), starts.tolist(), bounds, strict=True):
            pen = self._pens.get(kk)
            if pen is None:
                lvl, w = divmod(kk, 8)
                if lvl == 33:
                    pen = cosmetic(ink, QColor(185, 185, 185), 1, Qt.PenStyle.DashLine)
                elif lvl == 34:
                    pen = cosmetic(ink, QColor(165, 165, 165), 1)
                else:
                    pen = cosmetic(ink, ink.colours.fills[round(lvl * 255 / 32)], w)
                self._pens[kk] = pen
            buckets.append((pen, [self.lines[e] for e in order[a:b].tolist()]))
        self.buckets = buckets
        self._keys = key
        self.active = [(self.lines[e], int(width[e])) for e in np.flatnonzero(active).tolist()]
        self.labels = labels
        self.update()
        if self.label_item is not None:
            self.label_item.update()

    def _pen_of(self, e: int) -> QPen:
        if self._keys is None:
            return QPen()
        ink = _ink(self)
        return self._pens.get(int(self._keys[e]), cosmetic(ink, ink.colours.outline, 1))

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

    @total(QRectF)
    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._rect

    def _obstacles(self, painter: QPainter) -> list[tuple[list[QPointF], list[QRectF]]]:
        """Per layer: its node centres and the boxes of the text around them ("z = …", badges, "target …")."""
        sc = _scene(self)
        out: list[tuple[list[QPointF], list[QRectF]]] = []
        s = screen_scale(painter)
        ink = _ink(self)
        for l, n in enumerate(self.sizes):
            centres = [self._pos(l, j) for j in range(n)]
            boxes = []
            for j, c in enumerate(centres):
                if sc is None:
                    continue
                texts = node_texts(self.geo, sc.content, (l, j), ink, s)
                sub = sc.content.sub[l][j] if l < len(sc.content.sub) and j < len(sc.content.sub[l]) else ""
                if sub and sub in texts[1:2]:
                    boxes.append(text_rect(painter, ink, c + sub_point(self.geo, ink, s), sub, 11, max_px=16))
                for text, _kind, at in right_lines(self.geo, sc.content, (l, j), ink, s):
                    boxes.append(text_rect(painter, ink, c + at, text, RIGHT_TEXT, align="left", max_px=16, pad=2))
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

    def texts(self, s: float) -> list[tuple[int, str]]:
        """(edge, label) of every label drawn at ``s`` pixels per unit: all edges of a small network, only the
        selected one of a large network, none when the network is too small on screen."""
        if self.labels is None or s < 0.35:
            return []
        sel = self.selected
        show = range(self.count) if self.count <= EDGE_LABEL_LIMIT else ([sel] if sel is not None else [])
        return [(e, self.labels[e]) for e in show if 0 <= e < len(self.labels) and self.labels[e]]

    def _crowding(self, box: QRectF, e: int, obstacles: list[tuple[list[QPointF], list[QRectF]]]) -> float:
        """How much of the circles and their text in edge e's two layers ``box`` covers (area, scene units²)."""
        r = self.geo.radius
        total_area = 0.0
        for l in (int(self.k[e]), int(self.k[e]) + 1):
            centres, boxes = obstacles[l]
            for rect in [QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r) for c in centres] + boxes:
                both = box.intersected(rect)
                total_area += both.width() * both.height()
        return total_area

    @total
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        ink = _ink(self)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        halo = QColor(ink.colours.accent)
        halo.setAlpha(150)
        for line, w in self.active:
            painter.setPen(cosmetic(ink, halo, w + 6))
            painter.drawLine(line)
        for pen, lines in self.buckets:
            painter.setPen(pen)
            painter.drawLines(lines)
        sel = self.selected
        if sel is not None and sel < self.count:
            w = int(self.widths[sel])
            painter.setPen(cosmetic(ink, ink.colours.selected, w + 6))
            painter.drawLine(self.lines[sel])
            painter.setPen(self._pen_of(sel))
            painter.drawLine(self.lines[sel])

    def paint_labels(self, painter: QPainter) -> None:
        """The labels, placed clear of the nodes, their text and each other where there is room (drawn by
        :class:`EdgeLabelsItem` above the nodes, so a label that finds no clear spot is never hidden)."""
        ink = _ink(self)
        sel = self.selected
        self._label_rects = []
        shown = self.texts(screen_scale(painter))
        if not shown:
            return
        back = ink.colours.label_back
        placed: list[QRectF] = []
        obstacles = self._obstacles(painter)
        size = self.geo.label_text
        top = int(round(15 * size / 11))
        for e, text in shown:
            u0, fan = float(self.label_u[e]), float(self._fan[e])
            at: QPointF | None = None  # the first spot clear of the nodes, their text and other labels
            free: tuple[float, QPointF] | None = None  # else: clear of other labels, covering least of the rest
            for du in (0.0, 0.13, -0.1, 0.25, 0.38, 0.5, 0.07, -0.05, 0.19, 0.31, 0.44, 0.57, -0.15):
                u = u0 + fan * du
                if not 0.1 <= u <= 0.9:
                    continue
                p = self.point_at(e, float(self._along(e, u)))
                box = text_rect(painter, ink, p, text, size, max_px=top, bold=e == sel, pad=3)
                if any(box.intersects(r) for r in placed):
                    continue
                if self._clear(box, e, obstacles):
                    at = p
                    break
                crowd = self._crowding(box, e, obstacles)
                if free is None or crowd < free[0]:
                    free = (crowd, p)  # no clear spot yet: the least crowded one so far
            at = at if at is not None else free[1] if free is not None else self.label_at[e]
            rect = draw_text(painter, ink, at, text, size, background=back, max_px=top, bold=e == sel)
            placed.append(rect.adjusted(-2, -1, 2, 1))
            self._label_rects.append((rect, e))
            if e == sel:
                self.label_at[e] = at  # the inline editor opens where the label is
