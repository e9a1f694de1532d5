"""The network scene's items: a neuron, a layer's header, the caption, and one item for all edges.

Items hold ids, never numpy arrays: a node is ``(l, j)``, a weight
``(k, i, j)``.  They read the small caches :class:`gui.canvas.network_scene.NetworkScene`
fills on refresh (colour indices, label strings, edge colour buckets) and draw
everything in ``paint()``, so ``QGraphicsScene.render`` gives the same picture
in a PNG or an SVG.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from gui.canvas.network_layout import Geometry, geometry
from gui.canvas.scene_text import (
    _FILL,
    _INK,
    ACCENT,
    GREY,
    MUTED,
    OUTLINE,
    SELECTED,
    _cosmetic,
    _measure,
    draw_text,
    screen_scale,
    text_rect,
)
from gui.style import palette
from gui.style.palette import symmetric_scale

EDGE_LABEL_LIMIT = 40  # label every edge only in small networks


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
        from gui.canvas.network_scene import NetworkScene  # here: that module imports this one

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
            draw_text(
                painter,
                QPointF(0, 0),
                main,
                size,
                bold=True,
                background=palette.LABEL_BACK,
                max_px=top,
                fit_width=inside,
            )
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
        from gui.canvas.network_scene import NetworkScene  # here: that module imports this one

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
        """ "+", "-", "body" or None for a point in item coordinates."""
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
        from gui.canvas.network_scene import NetworkScene  # here: that module imports this one

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
