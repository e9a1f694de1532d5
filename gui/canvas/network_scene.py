"""The network editor's scene: builds the items for the layered layout, refreshes them, hit tests.

Items hold ids, never numpy arrays: a node is ``(l, j)``, a weight
``(k, i, j)``.  :meth:`NetworkScene.rebuild` (structure changed) recreates the
items; :meth:`NetworkScene.refresh` (values changed) only recomputes the small
caches the items read when they paint (colour indices, label strings, edge
colour buckets) and schedules a repaint.  Everything is drawn in ``paint()``
so ``QGraphicsScene.render`` gives the same picture in a PNG or an SVG.

The items live in :mod:`gui.canvas.network_items`, the text/colour helpers and the
presentation/export scales in :mod:`gui.canvas.scene_text`.

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

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QBrush, QImage
from PySide6.QtWidgets import QGraphicsScene

from gui.canvas import scene_text
from gui.canvas.network_items import EDGE_LABEL_LIMIT, CaptionItem, EdgesItem, LayerHeaderItem, NodeItem
from gui.canvas.network_layout import Geometry, content_rect, geometry, widened
from gui.canvas.scene_text import (
    _measure,
    colour_indices,
    fmt,
    map_image,
)
from gui.model_text import phase as phase_text
from gui.session import Session
from gui.style import palette
from gui.style.palette import symmetric_scale

Selection = tuple | None


class NetworkScene(QGraphicsScene):
    """Items for the session's network; reads values from ``session.view()`` (batch row 0)."""

    def __init__(self, session: Session, parent=None) -> None:  # noqa: ANN001 - QObject
        super().__init__(parent)
        self.session = session
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # items are recoloured, not moved
        self.setBackgroundBrush(QBrush(palette.BACKGROUND))  # re-set by gui.window.presentation on a theme switch
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
        g = geometry(scene_text._text_scale, self.sizes)
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
