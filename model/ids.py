"""Typed ids of what a student can point at: a node, a weight, a bias; and which of them a phase produces.

Ids are plain tuples tagged by their kind, so they hash, compare and unpack
like the ``("node", l, j)`` / ``("edge", k, i, j)`` tuples the GUI has always
passed around (``NodeId(1, 0) == ("node", 1, 0)``), while new code reads
``sel.layer`` instead of ``sel[1]``:

* ``NodeId(layer, index)``: node j of layer l (layer 0 = the inputs).
* ``WeightId(layer, source, target)``: weight ``weights[k][i, j]`` from node
  (k, i) to node (k+1, j); ``layer`` is k, the layer it comes *from*, as in
  the engine's ``weights[k]``.
* ``BiasId(layer, index)``: the bias of node (l, j), stored in
  ``biases[l - 1][j]``; ``layer`` is the node's layer l (1..L).

:func:`phase_focus` says which node or weight a stepping phase has just
produced (what the inspector explains after the phase); :func:`in_phase`
whether a given id belongs to a phase (a selection that does stays).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["BiasId", "Id", "NodeId", "WeightId", "as_id", "in_phase", "phase_focus"]


class NodeId(tuple[str, int, int]):
    """Node ``index`` of layer ``layer``; equal to the tuple ``("node", layer, index)``."""

    __slots__ = ()
    kind = "node"

    def __new__(cls, layer: int, index: int) -> NodeId:
        return tuple.__new__(cls, ("node", int(layer), int(index)))

    @property
    def layer(self) -> int:
        return self[1]

    @property
    def index(self) -> int:  # type: ignore[override]  # tuple.index (a method) is not used on ids
        return self[2]

    def __repr__(self) -> str:
        return f"NodeId({self[1]}, {self[2]})"


class WeightId(tuple[str, int, int, int]):
    """Weight ``weights[layer][source, target]``; equal to the tuple ``("edge", layer, source, target)``."""

    __slots__ = ()
    kind = "edge"

    def __new__(cls, layer: int, source: int, target: int) -> WeightId:
        return tuple.__new__(cls, ("edge", int(layer), int(source), int(target)))

    @property
    def layer(self) -> int:
        return self[1]

    @property
    def source(self) -> int:
        return self[2]

    @property
    def target(self) -> int:
        return self[3]

    def __repr__(self) -> str:
        return f"WeightId({self[1]}, {self[2]}, {self[3]})"


class BiasId(tuple[str, int, int]):
    """The bias of node (``layer``, ``index``) (``biases[layer - 1][index]``); equal to ``("bias", layer, index)``."""

    __slots__ = ()
    kind = "bias"

    def __new__(cls, layer: int, index: int) -> BiasId:
        return tuple.__new__(cls, ("bias", int(layer), int(index)))

    @property
    def layer(self) -> int:
        return self[1]

    @property
    def index(self) -> int:  # type: ignore[override]
        return self[2]

    @property
    def node(self) -> NodeId:
        return NodeId(self[1], self[2])

    def __repr__(self) -> str:
        return f"BiasId({self[1]}, {self[2]})"


Id = NodeId | WeightId | BiasId


def as_id(value: Any, sizes: Sequence[int] | None = None) -> Id | None:
    """``value`` (an id or a legacy tuple such as ``("node", 1, 0)``) as a typed id; None if it names nothing.

    With ``sizes`` (the network's layer sizes) an id outside the network is None too.
    """
    if isinstance(value, (NodeId, WeightId, BiasId)):
        out: Id = value
    else:
        try:
            kind, *rest = value
            numbers = [int(x) for x in rest]
        except (TypeError, ValueError):
            return None
        if kind == "node" and len(numbers) == 2:
            out = NodeId(*numbers)
        elif kind == "edge" and len(numbers) == 3:
            out = WeightId(*numbers)
        elif kind == "bias" and len(numbers) == 2:
            out = BiasId(*numbers)
        else:
            return None
    if sizes is not None and not _inside(out, sizes):
        return None
    return out


def _inside(i: Id, sizes: Sequence[int]) -> bool:
    n = len(sizes)
    if isinstance(i, WeightId):
        k, a, b = i.layer, i.source, i.target
        return 0 <= k < n - 1 and 0 <= a < sizes[k] and 0 <= b < sizes[k + 1]
    low = 1 if isinstance(i, BiasId) else 0
    return low <= i.layer < n and 0 <= i.index < sizes[i.layer]


# ------------------------------------------------------------------ phases
def in_phase(i: Id | None, kind: str, layer: int, node: int, sizes: Sequence[int]) -> bool:
    """Whether the phase (``kind``, ``layer``, ``node`` as in :class:`model.stepper.Phase`) produces ``i``.

    forward l: the nodes of layer l (node j alone, node by node); loss: the output nodes; delta l: the
    nodes of layer l; gradient l: the weights into layer l and the biases of layer l; update: every
    weight and bias.
    """
    if i is None or not _inside(i, sizes):
        return False
    L = len(sizes) - 1
    if kind == "forward":
        return isinstance(i, NodeId) and i.layer == layer and (node < 0 or i.index == node)
    if kind == "loss":
        return isinstance(i, NodeId) and i.layer == L
    if kind == "delta":
        return isinstance(i, NodeId) and i.layer == layer
    if kind == "gradient":
        return i.layer == layer - 1 if isinstance(i, WeightId) else isinstance(i, BiasId) and i.layer == layer
    if kind == "update":
        return isinstance(i, (WeightId, BiasId))
    return False


def phase_focus(kind: str, layer: int, node: int, sizes: Sequence[int]) -> Id | None:
    """The first node or weight the phase produces: what to explain right after it (None for "ready").

    The update's focus is the first weight of the output layer: the first weight whose gradient the
    backward pass computed, so the student sees the gradient they just met applied.
    """
    L = len(sizes) - 1
    if L < 1:
        return None
    if kind == "forward" and 1 <= layer <= L:
        return NodeId(layer, max(node, 0))
    if kind == "loss":
        return NodeId(L, 0)
    if kind == "delta" and 0 <= layer <= L:
        return NodeId(layer, 0)
    if kind == "gradient" and 1 <= layer <= L:
        return WeightId(layer - 1, 0, 0)
    if kind == "update":
        return WeightId(L - 1, 0, 0)
    return None
