"""The network editor's layout: sizes in scene units for a text scale and a network, and nothing that draws.

At 100 % a network with more than SMALL_NET neurons in a layer has the
constants below.  Smaller networks get larger nodes and labels (there is room
for them).  At a presentation scale k (text × k on screen) what holds text
grows like the text (node circles, header boxes, the room under a node), the
gaps between layers more slowly, so a view that fits the whole network
magnifies it and the numbers come out larger; :func:`widened` spreads the
layers of a network that is taller than the view is wide.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QRectF

# Scene units at 100 % (see geometry() for other scales).
RADIUS = 28.0
LAYER_GAP = 270.0
NODE_GAP = 104.0
HEADER_W = 190.0
HEADER_H = 52.0
BUTTON_R = 11.0
#: Networks with at most this many neurons in every layer get nodes (and in-node numbers) at least
#: SMALL_NET_NODES times as large, SMALL_NET_LABELS times larger weight labels, and layers SMALL_NET_GAP
#: closer: there is room, and at the window's default size their numbers would otherwise be 10-12 px.
SMALL_NET = 4
SMALL_NET_NODES = 1.5
SMALL_NET_LABELS = 1.15
SMALL_NET_GAP = 30.0
#: The gaps between layers and nodes grow this much as fast as the text (0: not at all, 1: as fast) unless
#: what they hold needs more, so at a larger presentation scale the network is more compact relative to its
#: text and a fitted view magnifies it.
GAP_GROWTH = 0.3
#: In presentation mode the layers of a network taller than the view is wide spread out sideways, up to this
#: many times their gap: the fitted scale stays the same and the weight labels get room.
MAX_SPREAD = 2.5


@dataclass(frozen=True)
class Geometry:
    """The layout's sizes in scene units for one text scale and network (see :func:`geometry`)."""

    text: float  # the text scale it was made for (1.0 = 100 %)
    radius: float  # of a node circle
    node_text: float  # size of the number inside a node (× the text scale on screen, like every size)
    label_text: float  # size of a weight's label
    layer_gap: float  # between the centres of neighbouring layers
    node_gap: float  # between the centres of neighbouring nodes of a layer
    header_w: float  # a layer header's box
    header_h: float
    button_r: float  # a header's "+"/"−" button
    header_drop: float  # from a header's bottom to the top of its highest node
    caption_at: float  # from the lowest nodes' centres to the caption
    caption_h: float  # the caption's two lines
    right_room: float  # right of the output nodes' centres, for "target …"
    margin: float  # around the whole picture


def geometry(text: float = 1.0, sizes: Sequence[int] = ()) -> Geometry:
    """Layout sizes for text scale ``text`` (presentation scale / 100) and layer sizes ``sizes``.

    What holds text (node circles, header boxes, the room under a node for its
    second value) grows like the text, so nothing overlaps or shrinks to fit;
    the gaps between layers grow GAP_GROWTH as fast, just enough for the
    headers and the edge labels between the circles.  At 100 % a large
    network has exactly the constants above.
    """
    k = max(float(text), 0.1)
    more = k - 1.0  # spacing that is not all text grows by a part of this
    small = bool(sizes) and max(sizes) <= SMALL_NET
    node = max(k * 1.15, SMALL_NET_NODES) if small else k
    radius = RADIUS * node
    # Between neighbouring circles: room for two staggered weight labels.
    layer_gap = max((LAYER_GAP - (SMALL_NET_GAP if small else 0.0)) * (1.0 + GAP_GROWTH * more), 2 * radius + 130 * k)
    header_w = min(HEADER_W * k, layer_gap - 50 - 30 * more)  # a gap between headers; their text shrinks to fit
    node_gap = max(NODE_GAP * (1.0 + GAP_GROWTH * more), 2 * radius + 6 + 28 * k)  # "z = …" under each circle
    return Geometry(
        text=k,
        radius=radius,
        node_text=13.0 * node / k,
        label_text=11.0 * (SMALL_NET_LABELS if small else 1.0),
        layer_gap=layer_gap,
        node_gap=node_gap,
        header_w=header_w,
        header_h=HEADER_H + 24 * more,
        button_r=BUTTON_R * k,
        header_drop=22 + 4 * more,
        caption_at=radius + 34 + 14 * more,
        caption_h=46 + 34 * more,
        right_room=radius + 90 + 50 * more,
        margin=20 + 4 * more,
    )


def content_rect(g: Geometry, sizes: Sequence[int]) -> QRectF:
    """The picture's rectangle in scene units (margins included) for layer ``sizes`` laid out by ``g``."""
    half = (max(sizes) - 1) / 2 * g.node_gap
    top = -half - g.radius - g.header_drop - g.header_h
    right = (len(sizes) - 1) * g.layer_gap + max(g.header_w / 2, g.right_room)
    left = -g.header_w / 2
    bottom = half + g.caption_at + g.caption_h
    return QRectF(left, top, right - left, bottom - top).adjusted(-g.margin, -g.margin, g.margin, g.margin)


def widened(g: Geometry, sizes: Sequence[int], aspect: float) -> Geometry:
    """``g`` with its layers spread so the picture is up to ``aspect`` (width / height) wide (MAX_SPREAD at most)."""
    gaps = len(sizes) - 1
    if gaps < 1 or not aspect > 0:
        return g
    rect = content_rect(g, sizes)
    extra = rect.height() * aspect - rect.width()
    if extra <= 0:
        return g
    gap = min(g.layer_gap + extra / gaps, g.layer_gap * MAX_SPREAD)
    return replace(g, layer_gap=gap, header_w=min(HEADER_W * g.text, g.header_w + gap - g.layer_gap))
