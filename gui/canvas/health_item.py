"""The canvas's "unit health" overlay: dead and saturated units, and each layer's gradient norm.

One item for the whole network (like the edges), drawn above the nodes.  It
reads a :class:`HealthMarks` that the scene holds (``scene.health``; None:
nothing is drawn) and the node positions of the scene's layout:

* a **dead** ReLU unit (output 0 for every training sample) is covered with
  grey, outlined dashed, and gets the badge "dead" at its upper left;
* a **saturated** sigmoid/tanh unit (f'(z) < 0.01 on every training sample)
  gets an amber ring and the badge "saturated";
* above each layer's header: ‖∂L/∂W‖ of that layer, and how many of its units
  are dead or saturated (only the norm when the view is zoomed out too far for
  the whole line), so a vanishing gradient reads as numbers shrinking
  from the output towards the input.

Badges on single nodes are written only when the nodes are large enough on
screen for numbers (large layers keep the grey and the ring; the layer's line
gives the counts).  As for every item, :meth:`HealthItem.texts` decides what
is written and both ``paint()`` and the canvas's text (``window.canvas_text()``)
call it.  The numbers come from :mod:`model.stats` (see
:mod:`gui.lab.flow_canvas`, which computes them at most at display rate and
only while the overlay is on).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from gui.canvas.scene_text import cosmetic, draw_text, measure, screen_scale
from gui.safety import total

Array = np.ndarray

#: Text size (scene units) of the badges and the layer lines.
BADGE_TEXT = 10.0
LINE_TEXT = 11.0
#: The ring of a saturated unit (amber: "careful", not the value map's colours).
SATURATED_RING = QColor(230, 150, 0)


@dataclass(frozen=True)
class HealthMarks:
    """What the overlay shows, per layer l = 1..L (index l - 1): ``dead`` and ``saturated`` (sizes[l],) bool,
    ``grad_norm`` (L,) ‖(∂L/∂W, ∂L/∂b)‖ of the layer's parameters (see :class:`model.stats.LayerStats`)."""

    dead: tuple[Array, ...]
    saturated: tuple[Array, ...]
    grad_norm: Array


def tr(text: str) -> str:
    return QCoreApplication.translate("HealthItem", text)


def _norm_text(x: float) -> str:
    if not math.isfinite(x):
        return "–"
    return f"{x:.2g}" if 1e-3 <= abs(x) < 1e3 or x == 0.0 else f"{x:.1e}"


def layer_line(marks: HealthMarks, l: int) -> str:
    """The line above layer l's header (l ≥ 1): its gradient norm and counts of dead and saturated units."""
    text = tr("‖∂L/∂W‖ = %1").replace("%1", _norm_text(float(marks.grad_norm[l - 1])))
    dead, saturated = int(marks.dead[l - 1].sum()), int(marks.saturated[l - 1].sum())
    if dead:
        text = tr("%1 · %2 dead").replace("%1", text).replace("%2", str(dead))
    if saturated:
        text = tr("%1 · %2 saturated").replace("%1", text).replace("%2", str(saturated))
    return text


class HealthItem(QGraphicsItem):
    """Dead and saturated units and per-layer gradient norms over the whole network (see the module)."""

    def __init__(self, scene) -> None:  # noqa: ANN001 - NetworkScene (that module imports this one)
        super().__init__()
        self._scene = scene
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(3)  # over the nodes and the headers

    @total(QRectF)
    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        rect = QRectF(self._scene.content_rect)
        return rect.adjusted(0, -3 * self._scene.geo.header_h, 0, 0)  # the layer lines sit above the headers

    def _marks(self) -> HealthMarks | None:
        marks = self._scene.health
        sizes = self._scene.sizes
        if marks is None or len(marks.dead) != len(sizes) - 1 or len(marks.grad_norm) != len(sizes) - 1:
            return None
        if any(len(d) != n or len(s) != n for d, s, n in zip(marks.dead, marks.saturated, sizes[1:], strict=True)):
            return None  # made for another structure: a rebuild is on its way
        return marks

    def _badges_fit(self, s: float) -> bool:
        return 2 * self._scene.geo.radius * s >= 30  # as the nodes' own numbers

    def line_at(self, l: int, s: float) -> QPointF:
        """Centre of layer l's line, just above its header box as drawn at ``s`` pixels per unit."""
        sc = self._scene
        header = sc.header_items[l]
        top = header.y() + (header.layout(s)[0] if s >= 0.3 else 0.0)
        _, _, h = measure(sc.ink, "‖", LINE_TEXT, s, max_px=15)
        return QPointF(header.x(), top - h / s / 2 - 3 / s)

    def top(self, s: float) -> float:
        """The highest point drawn (scene units) at ``s`` pixels per unit, for the view's fit."""
        if self._marks() is None or len(self._scene.header_items) < 2:
            return math.inf
        _, _, h = measure(self._scene.ink, "‖", LINE_TEXT, s, max_px=15)
        return self.line_at(1, s).y() - h / s / 2

    def lines(self, s: float) -> list[tuple[int, str]]:
        """(layer, text) of the line above each layer 1..L at ``s`` pixels per unit: the whole line where it fits
        between the layers on screen, else only the norm (a zoomed-out view of a deep network), else nothing."""
        marks = self._marks()
        if marks is None:
            return []
        sc = self._scene
        room = sc.geo.layer_gap - 8 / s
        out = []
        for l in range(1, len(sc.sizes)):
            text = layer_line(marks, l)
            if measure(sc.ink, text, LINE_TEXT, s, max_px=15)[1] / s > room:
                text = _norm_text(float(marks.grad_norm[l - 1]))
                if measure(sc.ink, text, LINE_TEXT, s, max_px=15)[1] / s > room:
                    return []
            out.append((l, text))
        return out

    def texts(self, s: float) -> list[str]:
        """The strings drawn at ``s`` pixels per unit: each layer's line, then the badges of single units."""
        marks = self._marks()
        if marks is None:
            return []
        out = [text for _l, text in self.lines(s)]
        if self._badges_fit(s):
            for l in range(1, len(self._scene.sizes)):
                for j in range(self._scene.sizes[l]):
                    if marks.dead[l - 1][j]:
                        out.append(tr("dead"))
                    elif marks.saturated[l - 1][j]:
                        out.append(tr("saturated"))
        return out

    @total
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        marks = self._marks()
        if marks is None:
            return
        sc = self._scene
        ink, g = sc.ink, sc.geo
        col = ink.colours
        s = screen_scale(painter)
        r = g.radius
        badges = self._badges_fit(s)
        grey = QColor(col.background)
        grey.setAlpha(170)
        for l in range(1, len(sc.sizes)):
            dead, saturated = marks.dead[l - 1], marks.saturated[l - 1]
            for j in np.flatnonzero(dead | saturated).tolist():
                c = sc.node_pos(l, j)
                if dead[j]:
                    painter.setPen(cosmetic(ink, col.muted, 1.5, Qt.PenStyle.DashLine))
                    painter.setBrush(grey)
                    painter.drawEllipse(c, r, r)
                    if badges:
                        at = QPointF(c.x() - r, c.y() - r)  # on the outline, clear of the value inside
                        draw_text(painter, ink, at, tr("dead"), BADGE_TEXT, background=col.label_back, max_px=13)
                else:
                    painter.setPen(cosmetic(ink, SATURATED_RING, 3.0))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawEllipse(c, r + 3 * g.text, r + 3 * g.text)
                    if badges:
                        at = QPointF(c.x() - r, c.y() - r)
                        draw_text(painter, ink, at, tr("saturated"), BADGE_TEXT, background=col.label_back, max_px=13)
        for l, text in self.lines(s):
            draw_text(painter, ink, self.line_at(l, s), text, LINE_TEXT, colour=col.text, max_px=15)
