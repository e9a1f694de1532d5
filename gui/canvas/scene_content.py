"""What the network canvas says: every string and colour index, decided from the step's records.

:func:`content` turns the session's records (a :class:`model.stepper.StepView`
and the batch row shown) into a :class:`Content`; the scene calls it when
values change and its items draw from it.  Which of these strings is visible
at a zoom is decided by each item's ``texts(s)`` (see
:mod:`gui.canvas.network_items`), which both ``paint()`` and
``NetworkView.visible_text()`` call.

What a step shows, phase by phase, in the forward view (the default): every
node keeps its forward value a (in the circle) and z (below) once computed;
beside the nodes of the phase's layer a badge shows what the phase computed
for them: ∂L/∂y (loss), δ and ∂L/∂a (delta l), ∂L/∂b (gradient l) and
b old → new (update); the output's target and the loss are written to its
right.  An edge shows its weight w until its
gradient is known, then ∂L/∂w, and after the update old → new.  The phase's
own nodes and edges are marked active.  The backward view (Show: backward)
stays a fixed view of δ, ∂L/∂a and ∂L/∂w for training.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from gui.canvas.scene_text import colour_indices
from gui.model_text import phase as phase_text
from gui.style.palette import symmetric_scale
from model.network import Network
from model.stepper import StepView

Array = np.ndarray
Fmt = Callable[[float], str]
#: (text, kind) of one line beside a node; kind: "badge" (what the phase computed for it), "side" (target, loss).
RightLine = tuple[str, str]
EdgeInfo = tuple[Array, Array, Array, "int | None", int]


def tr(text: str) -> str:
    return QCoreApplication.translate("NetworkScene", text)


@dataclass
class Content:
    """Per layer l: ``fill[l]`` (n_l,) colour indices, ``main``/``sub`` the text in and under each circle,
    ``right`` the lines beside it.  Per edge e (``EdgesItem`` order): ``edge_colour`` (E,) the value that
    colours it (NaN = not computed), ``edge_labels`` its label ("" = none), ``active_edges`` (E,) bool."""

    fill: list[Array] = field(default_factory=list)
    main: list[list[str]] = field(default_factory=list)
    sub: list[list[str]] = field(default_factory=list)
    right: list[list[tuple[RightLine, ...]]] = field(default_factory=list)
    active_nodes: set[tuple[int, int]] = field(default_factory=set)
    edge_colour: Array = field(default_factory=lambda: np.zeros(0))
    edge_labels: list[str] = field(default_factory=list)
    active_edges: Array = field(default_factory=lambda: np.zeros(0, dtype=bool))
    header_titles: list[str] = field(default_factory=list)
    header_details: list[str] = field(default_factory=list)
    caption: tuple[str, str] = ("", "")


def _row(arr: Array | None, row: int, n: int) -> Array:
    """Row ``row`` of a (batch, n) record as (n,) float64; NaN where there is no record."""
    if arr is None or arr.ndim != 2 or not 0 <= row < arr.shape[0] or arr.shape[1] != n:
        return np.full(n, np.nan)
    return np.asarray(arr[row], dtype=np.float64)


def _label(template: str, value: str) -> str:
    """``template`` (already translated) with %1 = ``value``."""
    return template.replace("%1", value)


def content(
    net: Network,
    input_names: list[str],
    view: StepView,
    row: int,
    mode: str,
    fmt: Fmt,
    edges: EdgeInfo,
) -> Content:
    """Everything the canvas writes for ``view``'s batch row ``row`` in view ``mode`` ("forward"/"backward").

    ``edges``: the edges' k, i, j (E,) each, the selected edge or None, and how many edges get labels at most
    (more: only the selected one is labelled).
    """
    sizes = list(net.sizes)
    stepping = view.phase.kind != "ready"
    backward = mode == "backward"
    out = Content()
    out.active_nodes, out.active_edges = _active(view, sizes, edges[0], edges[2])
    for l, n in enumerate(sizes):
        a, z = (
            _row(view.a[l] if l < len(view.a) else None, row, n),
            _row(view.z[l] if l < len(view.z) else None, row, n),
        )
        if backward:
            main, sub = _row(view.delta.get(l), row, n), _row(view.da.get(l), row, n)
        else:
            main, sub = a, z
        out.fill.append(colour_indices(main, symmetric_scale(main)))
        out.main.append([fmt(x) for x in main.tolist()])
        if l == 0:
            out.sub.append(input_names if len(input_names) == n else [f"x{j + 1}" for j in range(n)])
        else:
            template = (
                QCoreApplication.translate("NetworkScene", "∂L/∂a = %1")
                if backward
                else QCoreApplication.translate("NetworkScene", "z = %1")
            )
            out.sub.append([_label(template, fmt(x)) if math.isfinite(x) else "" for x in sub.tolist()])
        badges = _badges(net, view, l, row, fmt) if stepping and not backward else [[] for _ in range(n)]
        out.right.append([tuple((text, "badge") for text in lines) for lines in badges])
    _output_side(out, net, view, row, fmt)
    out.edge_colour, out.edge_labels = _edges(net, view, mode, fmt, edges)
    _headers(out, net, view, row)
    out.caption = _caption(view, backward, fmt)
    return out


def _badges(net: Network, view: StepView, l: int, row: int, fmt: Fmt) -> list[list[str]]:
    """Per node of layer l: the numbers the current phase computed for it, beside its forward value.

    loss: ∂L/∂y on the output; delta l: δ and ∂L/∂a (∂L/∂y on the output); gradient l: ∂L/∂b (layers with
    a bias); update: b old → new.  Only the phase's own layer, so nothing from earlier phases crowds the
    labels the phase is about (they stay in the inspector and in Show: backward).
    """
    n, L = net.sizes[l], net.n_layers
    out: list[list[str]] = [[] for _ in range(n)]
    phase, k = view.phase, l - 1
    has_bias = 0 <= k < net.n_layers and bool(net.bias[k])
    if l == L:
        up = QCoreApplication.translate("NetworkScene", "∂L/∂y = %1")
    else:
        up = QCoreApplication.translate("NetworkScene", "∂L/∂a = %1")
    if phase.kind == "loss" and l == L:
        da = _row(view.da.get(l), row, n)
        for j in range(n):
            if math.isfinite(da[j]):
                out[j].append(_label(up, fmt(da[j])))
    elif phase.kind == "delta" and l == phase.layer and l > 0:
        delta, da = _row(view.delta.get(l), row, n), _row(view.da.get(l), row, n)
        for j in range(n):
            if math.isfinite(delta[j]):
                out[j].append(_label(QCoreApplication.translate("NetworkScene", "δ = %1"), fmt(delta[j])))
            if math.isfinite(da[j]):
                out[j].append(_label(up, fmt(da[j])))
    elif phase.kind == "gradient" and l == phase.layer and has_bias:
        db = view.db.get(k)
        if db is not None and db.shape == (n,):
            for j in range(n):
                out[j].append(_label(QCoreApplication.translate("NetworkScene", "∂L/∂b = %1"), fmt(float(db[j]))))
    elif phase.kind == "update" and has_bias and len(view.biases_before) > k:
        change = view.change_b.get(k)
        if change is not None and change.shape == (n,):
            for j in range(n):
                old = float(view.biases_before[k][j])
                text = QCoreApplication.translate("NetworkScene", "b: %1 → %2")
                out[j].append(text.replace("%1", fmt(old)).replace("%2", fmt(old + float(change[j]))))
    return out


def _output_side(out: Content, net: Network, view: StepView, row: int, fmt: Fmt) -> None:
    """The target beside every output node, and the loss beside the first once it is computed."""
    L = net.n_layers
    n = net.sizes[L]
    if view.T.ndim != 2 or not 0 <= row < view.T.shape[0] or view.T.shape[1] != n:
        return
    for j, t in enumerate(view.T[row].tolist()):
        target = QCoreApplication.translate("NetworkScene", "target %1")
        side: tuple[RightLine, ...] = ((_label(target, fmt(t)), "side"),)
        if j == 0 and view.loss is not None:
            loss = QCoreApplication.translate("NetworkScene", "loss L = %1")
            side = ((_label(loss, fmt(view.loss)), "side"), *side)
        out.right[L][j] = out.right[L][j] + side


def _edges(net: Network, view: StepView, mode: str, fmt: Fmt, edges: EdgeInfo) -> tuple[Array, list[str]]:
    """(E,) colour values and E labels: see the module docstring for what each view and phase writes."""
    edge_k, edge_i, edge_j, selected, limit = edges
    count = len(edge_k)
    sizes = net.sizes
    backward = mode == "backward"
    blocks = []
    for k in range(len(sizes) - 1):
        shape = (sizes[k], sizes[k + 1])
        grad = view.dW.get(k)
        if not backward:
            blocks.append(np.asarray(net.weights[k], dtype=np.float64).ravel())
        elif grad is not None and grad.shape == shape:
            blocks.append(np.asarray(grad, dtype=np.float64).ravel())
        else:
            blocks.append(np.full(shape[0] * shape[1], np.nan))
    colour = np.concatenate(blocks) if blocks else np.zeros(0)

    def label(k: int, i: int, j: int) -> str:
        change, grad = view.change_W.get(k), view.dW.get(k)
        if backward:  # the fixed backward view: Δw after the update, else ∂L/∂w, as bare numbers
            value = change if change is not None else grad
            x = float(value[i, j]) if value is not None else math.nan
            return fmt(x) if math.isfinite(x) else ""
        if change is not None and len(view.weights_before) > k:
            old = float(view.weights_before[k][i, j])
            return (
                QCoreApplication.translate("NetworkScene", "%1 → %2")
                .replace("%1", fmt(old))
                .replace("%2", fmt(old + float(change[i, j])))
            )
        if grad is not None and math.isfinite(float(grad[i, j])):
            return QCoreApplication.translate("NetworkScene", "∂L/∂w = %1").replace("%1", fmt(float(grad[i, j])))
        w = float(net.weights[k][i, j])
        return fmt(w) if math.isfinite(w) else ""

    if count <= limit:
        labels = [label(k, i, j) for k, i, j in zip(edge_k.tolist(), edge_i.tolist(), edge_j.tolist(), strict=True)]
    else:  # a large network labels only the selected edge: format just that one
        labels = [""] * count
        if selected is not None and 0 <= selected < count:
            labels[selected] = label(int(edge_k[selected]), int(edge_i[selected]), int(edge_j[selected]))
    return colour, labels


def _active(view: StepView, sizes: list[int], edge_k: Array, edge_j: Array) -> tuple[set[tuple[int, int]], Array]:
    """The nodes and (E,) edges the current phase works on (``edge_k``, ``edge_j``: (E,) each edge's k and j)."""
    active = np.zeros(len(edge_k), dtype=bool)
    phase, L = view.phase, len(sizes) - 1
    nodes: set[tuple[int, int]] = set()
    if phase.kind == "forward" and 1 <= phase.layer <= L:
        l = phase.layer
        if phase.node >= 0:  # node by node: the edges into this node only
            active |= (edge_k == l - 1) & (edge_j == phase.node)
            nodes = {(l, phase.node)}
        else:
            active |= edge_k == l - 1
            nodes = {(l, j) for j in range(sizes[l])}
    elif phase.kind == "loss":
        nodes = {(L, j) for j in range(sizes[L])}
    elif phase.kind == "delta" and 0 <= phase.layer <= L:
        nodes = {(phase.layer, j) for j in range(sizes[phase.layer])}
    elif phase.kind == "gradient" and 1 <= phase.layer <= L:
        active |= edge_k == phase.layer - 1
    elif phase.kind == "update":
        active[:] = True
    return nodes, active


def _headers(out: Content, net: Network, view: StepView, row: int) -> None:
    L = net.n_layers
    n = len(view.indices)
    for l in range(L + 1):
        if l == 0:
            out.header_titles.append(QCoreApplication.translate("NetworkScene", "Input"))
            sample = int(view.indices[row]) if 0 <= row < n else -1
            if n > 1:
                detail = (
                    QCoreApplication.translate("NetworkScene", "sample #%1 of a batch of %2")
                    .replace("%1", str(sample))
                    .replace("%2", str(n))
                )
            else:
                detail = (
                    QCoreApplication.translate("NetworkScene", "sample #%1").replace("%1", str(sample))
                    if n
                    else QCoreApplication.translate("NetworkScene", "no sample")
                )
            out.header_details.append(detail)
            continue
        out.header_titles.append(
            QCoreApplication.translate("NetworkScene", "Output")
            if l == L
            else QCoreApplication.translate("NetworkScene", "Hidden %1").replace("%1", str(l))
        )
        bias = (
            QCoreApplication.translate("NetworkScene", "bias")
            if net.bias[l - 1]
            else QCoreApplication.translate("NetworkScene", "no bias")
        )
        out.header_details.append(
            QCoreApplication.translate("NetworkScene", "%1 · %2")
            .replace("%1", net.activations[l - 1])
            .replace("%2", bias)
        )


#: The caption's second line while a step is under way, by phase kind (%1: the layer).
STEP_CAPTIONS = {
    "forward": QT_TRANSLATE_NOOP(
        "NetworkScene", "Layer %1 computed: a in each node, z = Σ w·a + b below it · edges: weights w"
    ),
    "loss": QT_TRANSLATE_NOOP("NetworkScene", "The loss L and ∂L/∂y beside the output · edges: weights w"),
    "delta": QT_TRANSLATE_NOOP(
        "NetworkScene", "δ = ∂L/∂z of layer %1 beside its nodes, with ∂L/∂a · edges: w, or ∂L/∂w once computed"
    ),
    "gradient": QT_TRANSLATE_NOOP(
        "NetworkScene", "∂L/∂w of the weights into layer %1 on their edges (∂L/∂b beside the nodes)"
    ),
    "update": QT_TRANSLATE_NOOP(
        "NetworkScene", "Edges: each weight old → new after the update · nodes: a and z of this step"
    ),
}


def _caption(view: StepView, backward: bool, fmt: Fmt) -> tuple[str, str]:
    phase = view.phase
    first = QCoreApplication.translate("NetworkScene", "Phase: %1").replace("%1", phase_text(str(phase)))
    if view.loss is not None:
        first = (
            QCoreApplication.translate("NetworkScene", "%1 · loss = %2")
            .replace("%1", first)
            .replace("%2", fmt(view.loss))
        )
    if backward:
        if view.change_W:
            second = QCoreApplication.translate(
                "NetworkScene", "Nodes: δ = ∂L/∂z · edges: Δw made by the update (colour: ∂L/∂w)"
            )
        else:
            second = QCoreApplication.translate("NetworkScene", "Nodes: δ = ∂L/∂z (∂L/∂a below) · edges: ∂L/∂w")
    elif phase.kind in STEP_CAPTIONS:
        second = tr(STEP_CAPTIONS[phase.kind]).replace("%1", str(phase.layer))
    else:
        second = QCoreApplication.translate("NetworkScene", "Nodes: output a (z below) · edges: weight w")
    return first, second
