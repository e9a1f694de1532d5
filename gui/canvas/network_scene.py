"""The network editor's scene: builds the items for the layered layout, refreshes them, hit tests.

Items hold ids, never numpy arrays: a node is ``(l, j)``, a weight
``(k, i, j)``.  :meth:`NetworkScene.rebuild` (structure changed) recreates the
items; :meth:`NetworkScene.refresh` (values changed) only recomputes the
:class:`~gui.canvas.scene_content.Content` the items draw from (colour
indices, strings, edge colour buckets) and schedules a repaint.  Which
strings are visible at a zoom each item decides in its ``texts(s)``, which its
``paint()`` and :meth:`NetworkScene.visible_text` (the canvas's text for tests
and screen readers) both call.  Everything is drawn in ``paint()``
so ``QGraphicsScene.render`` gives the same picture in a PNG or an SVG.

The items live in :mod:`gui.canvas.network_items`, the drawing helpers in
:mod:`gui.canvas.scene_text`, the strings in :mod:`gui.canvas.scene_content`.

Text is drawn in device pixels (see :func:`draw_text`): its size follows the
zoom but is clamped so it never gets smaller than ~10 px nor absurdly large;
when nodes become too small on screen for their numbers the numbers are left
out (zoom in to read them) instead of overlapping.

The layout's sizes come from :mod:`gui.canvas.network_layout`: nodes, headers and
the room text needs grow with the presentation scale, the gaps between layers
more slowly, so a fitted view magnifies the network and its numbers get larger.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QBrush, QImage
from PySide6.QtWidgets import QGraphicsScene

from gui.canvas import scene_content
from gui.canvas.health_item import HealthItem, HealthMarks
from gui.canvas.network_items import (
    EDGE_LABEL_LIMIT,
    CaptionItem,
    EdgeLabelsItem,
    EdgesItem,
    LayerHeaderItem,
    NodeItem,
)
from gui.canvas.network_layout import Geometry, content_rect, geometry, widened
from gui.canvas.scene_text import Ink, map_image, measure
from gui.selection import SelectionModel
from gui.session import Session
from gui.view_settings import ViewSettings

Selection = tuple | None


class NetworkScene(QGraphicsScene):
    """Items for the session's network; reads values from the window's selection model (the sample shown),
    numbers and colours from its view settings."""

    def __init__(
        self,
        session: Session,
        settings: ViewSettings | None = None,
        selection: SelectionModel | None = None,
        parent=None,  # noqa: ANN001 - QObject
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings if settings is not None else ViewSettings(parent=self)
        self.selection_model = selection if selection is not None else SelectionModel(session, self)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # items are recoloured, not moved
        self.thumbnails = False
        self.map_images: dict[tuple[int, int], QImage] = {}
        self._maps: dict = {}  # the 2-D maps the images were made from (remade on a palette switch)
        self.node_items: dict[tuple[int, int], NodeItem] = {}
        self.header_items: list[LayerHeaderItem] = []
        self.edges_item: EdgesItem | None = None
        self.caption_item: CaptionItem | None = None
        self.health: HealthMarks | None = None  # dead/saturated units and gradient norms (set_health); None: off
        self.health_item: HealthItem | None = None
        self.sizes: list[int] = []
        self.content = scene_content.Content()  # what the items write; remade by refresh()
        self.content_rect = QRectF()
        self._exporting = False
        self.ink = self._make_ink()
        self.geo = geometry()  # remade by rebuild() for the text scale and the layer sizes
        self._header_heights: dict[float, tuple[float, float]] = {}  # header_text_heights() by scale
        self.view_aspect = 0.0  # the view's width / height, if it told us (set_view_aspect)
        self.setBackgroundBrush(QBrush(self.ink.colours.background))
        self.rebuild()

    # ------------------------------------------------------------- settings
    def _make_ink(self) -> Ink:
        st = self.settings
        return Ink(st.colours, st.text_scale, st.line_scale, self._exporting)

    @contextmanager
    def exporting(self) -> Iterator[None]:
        """Render text in proportion (for PNG/SVG files) instead of clamped to legible screen sizes."""
        old, self._exporting = self._exporting, True
        self.ink = self._make_ink()
        try:
            yield
        finally:
            self._exporting = old
            self.ink = self._make_ink()

    def appearance_changed(self) -> None:
        """Theme, colours or scale changed (the view calls this): new ink, layout and pens."""
        self.ink = self._make_ink()
        self.setBackgroundBrush(QBrush(self.ink.colours.background))
        self.set_node_maps(self._maps)
        self.rebuild()

    @property
    def mode(self) -> str:
        return self.settings.view_mode

    @property
    def precision(self) -> int:
        return self.settings.precision

    @property
    def selection(self) -> Selection:
        return self.selection_model.current

    # The text in and under each circle, per layer (read by tests and the inline editor).
    @property
    def node_main(self) -> list[list[str]]:
        return self.content.main

    @property
    def node_fill(self) -> list[np.ndarray]:
        return self.content.fill

    @property
    def node_sub(self) -> list[list[str]]:
        return self.content.sub

    @property
    def active_nodes(self) -> set[tuple[int, int]]:
        return self.content.active_nodes

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
        self.edges_item.label_item = EdgeLabelsItem(self.edges_item)
        self.addItem(self.edges_item.label_item)
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
        self.health_item = HealthItem(self)
        self.addItem(self.health_item)
        # Room to pan around the network.
        m = max(self.content_rect.width(), self.content_rect.height())
        self.setSceneRect(self.content_rect.adjusted(-m, -m, m, m))
        self._select_edge()
        self.refresh()

    def _select_edge(self) -> None:
        sel = self.selection
        if self.edges_item is not None:
            ok = sel is not None and sel[0] == "edge" and self.valid(sel)
            self.edges_item.selected = self.edges_item.index(*sel[1:]) if ok else None

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
        g = geometry(self.settings.text_scale, self.sizes)
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
        if self.health_item is not None:
            top = min(top, self.health_item.top(s))
        if self.caption_item is not None:
            _, _, below, wide = self.caption_item.layout(s)
            bottom = self.caption_item.y() + below
            right = self.caption_item.x() + wide
        L = len(self.sizes) - 1
        for j, lines in enumerate(self.content.right[L] if len(self.content.right) > L else []):
            for text, _kind in lines:
                _, w, _ = measure(self.ink, text, 11, s, max_px=16)
                right = max(right, self.node_pos(L, j).x() + g.radius + 12 * g.text + w / s)
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
    def refresh(self) -> None:
        """Re-read values into ``content`` and repaint; never creates items."""
        session = self.session
        if list(session.network.sizes) != self.sizes:
            return  # a structure change is on its way; rebuild() will follow
        view, row = self.selection_model.shown()
        self._select_edge()
        edges = self.edges_item
        info = (
            (edges.k, edges.i, edges.j, edges.selected, EDGE_LABEL_LIMIT)
            if edges is not None
            else (np.zeros(0, int), np.zeros(0, int), np.zeros(0, int), None, EDGE_LABEL_LIMIT)
        )
        names = list(session.dataset.input_names)
        self.content = c = scene_content.content(
            session.network, names, view, row, self.settings.view_mode, self.settings.fmt, info
        )
        if edges is not None:
            edges.set_values(c.edge_colour, c.edge_labels, c.active_edges)
        self._header_heights = {}
        for l, header in enumerate(self.header_items):
            header.title, header.detail = c.header_titles[l], c.header_details[l]
        if self.caption_item is not None:
            self.caption_item.lines = c.caption
            self.caption_item.update()
        self.update()

    def visible_text(self, s: float) -> list[str]:
        """Every string the items draw at ``s`` device pixels per scene unit (the same decisions as paint)."""
        out: list[str] = []
        for header in self.header_items:
            out += header.texts(s)
        for _node, item in sorted(self.node_items.items()):
            out += item.texts(s)
        if self.edges_item is not None:
            out += [text for _e, text in self.edges_item.texts(s)]
        if self.caption_item is not None:
            out += self.caption_item.texts(s)
        if self.health_item is not None:
            out += self.health_item.texts(s)
        return out

    def set_health(self, marks: HealthMarks | None) -> None:
        """Show dead/saturated units and gradient norms (:mod:`gui.canvas.health_item`); None hides them."""
        self.health = marks
        if self.health_item is not None:
            self.health_item.prepareGeometryChange()
            self.health_item.update()

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

    def selection_changed(self) -> None:
        """The selection model changed (the view calls this): mark the new selection."""
        self._select_edge()
        if self.edges_item is not None and self.edges_item.count > EDGE_LABEL_LIMIT:
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
        self._maps = dict(maps or {})
        self.map_images = {}
        lut = self.ink.colours.lut
        for key, values in self._maps.items():
            arr = np.asarray(values)
            if arr.ndim == 2 and arr.size and tuple(key) in self.node_items:
                self.map_images[tuple(key)] = map_image(arr, lut)
        self.update()

    def set_thumbnails(self, on: bool) -> None:
        self.thumbnails = bool(on)
        self.update()
