"""One training step as a worked example for a handout: Markdown with $…$ maths, or LaTeX.

Built from the same line builders as the inspector (:mod:`model.explain_lines`),
always in the TeX spelling, so a printed step shows the very numbers and
formulas the app shows; :func:`step_markdown` and :func:`step_latex` are
re-exported by :mod:`model.explain`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .explain_format import Style, fmt, tex_escape
from .explain_lines import MAX_SAMPLES, _backward, _bias, _biases, _edge, _forward, _loss_node, _loss_total, _weights
from .network import Network
from .optimizers import Optimizer
from .stepper import StepView

Array = np.ndarray

#: Nodes per layer, and weights per matrix, written out in a worked example.
MAX_DOC_NODES = 16
MAX_DOC_WEIGHTS = 64


class _Writer:
    """Collects a worked example as Markdown or LaTeX."""

    def __init__(self, tex: bool) -> None:
        self.tex = tex
        self.out: list[str] = []
        self._in_list = False

    def _close(self) -> None:
        if self._in_list:
            self.out.append(r"\end{itemize}" if self.tex else "")
            self._in_list = False

    def text(self, s: str) -> str:
        return r"$\to$".join(tex_escape(part) for part in s.split("->")) if self.tex else s

    def heading(self, level: int, s: str) -> None:
        self._close()
        if self.tex:
            cmd = ("section*", "subsection*", "subsubsection*")[min(level, 3) - 1]
            self.out.append(f"\\{cmd}{{{self.text(s)}}}")
        else:
            self.out += [f"{'#' * level} {s}", ""]

    def para(self, s: str, maths: Sequence[str] = ()) -> None:
        self._close()
        body = " ".join([self.text(s), *(f"${m}$" for m in maths)]).strip()
        self.out += [body, ""]

    def item(self, label: str, maths: Sequence[str]) -> None:
        if not maths:
            return
        if not self._in_list:
            if self.tex:
                self.out.append(r"\begin{itemize}")
            self._in_list = True
        sep = r", \quad " if self.tex else ",  "
        body = sep.join(f"${m}$" for m in maths)
        lead = r"\item " if self.tex else "- "
        self.out.append(f"{lead}{self.text(label)}: {body}" if label else f"{lead}{body}")

    def done(self) -> str:
        self._close()
        return "\n".join(self.out).rstrip() + "\n"


def _matrix(S: Style, M: Array) -> str:
    M = np.atleast_2d(M)
    if S.tex:
        rows = [" & ".join(S.num(v) for v in r) for r in M]
        return r"\begin{bmatrix} " + r" \\ ".join(rows) + r" \end{bmatrix}"
    return "[" + "; ".join(", ".join(fmt(v, S.p) for v in r) for r in M) + "]"


def _layer_name(net: Network, l: int) -> str:
    if l == 0:
        return "layer 0 (inputs)"
    role = "output" if l == net.n_layers else "hidden"
    return f"layer {l} ({role}, {net.activations[l - 1]})"


def _parameters(w: _Writer, S: Style, net: Network, Ws: Sequence[Array], bs: Sequence[Array], arrow: str) -> None:
    for k in range(net.n_layers):
        if Ws[k].size > MAX_DOC_WEIGHTS:
            w.para(f"Weights {k} {arrow} {k + 1}: {Ws[k].shape[0]} x {Ws[k].shape[1]} (too many to print).")
            continue
        maths = [f"W^{{({k + 1})}} = {_matrix(S, Ws[k])}" if S.tex else _matrix(S, Ws[k])]
        if net.bias[k]:
            maths.append(f"b^{{({k + 1})}} = {_matrix(S, bs[k])}" if S.tex else _matrix(S, bs[k]))
        w.para(
            f"Weights {k} {arrow} {k + 1} (row i = from node i, column j = to node j)"
            + (" and biases" if net.bias[k] else "")
            + ":",
            maths,
        )


def _worked_example(tex: bool, doc_or_net: Any, view: StepView, optimizer: Optimizer | None, precision: int) -> str:
    net: Network = getattr(doc_or_net, "network", doc_or_net)
    title = str(getattr(doc_or_net, "title", "") or "")
    S, w = Style(True, precision), _Writer(tex)  # TeX maths in both: $…$ in Markdown
    arrow = "->" if tex else "→"
    L, n = net.n_layers, len(view.X)
    rows = range(min(n, MAX_SAMPLES))

    def each_row(label: str) -> list[tuple[int, str]]:
        return [(r, f"{label}, sample {r + 1}" if n > 1 else label) for r in rows]

    heading = "One training step, worked by hand"
    w.heading(1, f"{heading}: {title}" if title and (not tex or tex_escape(title).strip()) else heading)
    bias = ", ".join("on" if b else "off" for b in net.bias)
    w.para(
        f"Network {'-'.join(map(str, net.sizes))}; activations {', '.join(net.activations)}; "
        f"loss {net.loss}; bias per layer: {bias}."
    )
    if optimizer is not None:
        extra = "".join(f", {k} = {v}" for k, v in optimizer.hyper.items() if v)
        w.para(
            f"Optimizer {optimizer.name}: lr = {fmt(optimizer.lr, precision)}{extra}"
            + (f", weight decay = {optimizer.weight_decay}" if optimizer.weight_decay else "")
            + (f", L1 = {optimizer.l1}" if optimizer.l1 else "")
            + "."
        )
    shown = f" (the first {MAX_SAMPLES} are written out, the rest the same way)" if n > MAX_SAMPLES else ""
    w.para(
        f"Batch: {n} sample{'s' if n > 1 else ''}, dataset row{'s' if n > 1 else ''} "
        f"{', '.join(map(str, view.indices[:8]))}{', ...' if n > 8 else ''}{shown}."
    )
    for r, label in each_row("Input"):
        w.item(label, [f"x = {_matrix(S, view.X[r])}", f"t = {_matrix(S, view.T[r])}"])
    _parameters(w, S, net, _weights(net, view), _biases(net, view), arrow)

    w.heading(2, "1. Forward pass")
    for l in range(1, min(L, len(view.z) - 1) + 1):
        w.heading(3, _layer_name(net, l).capitalize())
        for r, label in each_row(""):
            for j in range(min(net.sizes[l], MAX_DOC_NODES)):
                w.item(f"node ({l}, {j})" + label, _forward(S, net, view, l, j, r))
        if net.sizes[l] > MAX_DOC_NODES:
            w.para(f"(and {net.sizes[l] - MAX_DOC_NODES} more nodes, computed the same way)")

    if view.loss is not None:
        w.heading(2, "2. Loss")
        w.item("", _loss_total(S, net, view))
        for r, label in each_row(""):
            for j in range(min(net.sizes[L], MAX_DOC_NODES)):
                w.item(f"output {j}" + label, _loss_node(S, net, view, r, j))

    if view.delta:
        w.heading(2, "3. Backward pass: delta = dL/dz of every node")
        for l in range(L, 0, -1):
            if l not in view.delta and l not in view.da:
                continue
            w.heading(3, _layer_name(net, l).capitalize())
            for r, label in each_row(""):
                for j in range(min(net.sizes[l], MAX_DOC_NODES)):
                    w.item(f"node ({l}, {j})" + label, _backward(S, net, view, l, j, r))

    def parameters_section(title: str, parts: str) -> None:
        w.heading(2, title)
        if parts == "u" and optimizer is not None:
            w.para(f"Rule ({optimizer.name}):", [S.rule(optimizer.describe_update())])
        for k in range(L - 1, -1, -1):
            if k not in view.dW:
                continue
            w.heading(3, f"Weights {k} {arrow} {k + 1}")
            for count, (i, j) in enumerate(np.ndindex(*view.dW[k].shape)):
                if count == MAX_DOC_WEIGHTS:
                    w.para(f"(and {view.dW[k].size - MAX_DOC_WEIGHTS} more weights, the same way)")
                    break
                w.item(f"w ({k}, {i}) {arrow} ({k + 1}, {j})", _edge(S, net, view, k, i, j, 0, optimizer, parts))
            for j in range(min(net.sizes[k + 1], MAX_DOC_WEIGHTS)):
                w.item(f"bias of node ({k + 1}, {j})", _bias(S, net, view, k + 1, j, 0, optimizer, parts))

    if view.dW:
        parameters_section("4. Gradients", "g")
    if view.change_W:
        parameters_section("5. Update", "u")
        w.heading(2, "After the step")
        after_W = [view.weights_before[k] + view.change_W[k] for k in range(L)]
        after_b = [view.biases_before[k] + view.change_b[k] for k in range(L)]
        _parameters(w, S, net, after_W, after_b, arrow)
    return w.done()


def step_markdown(doc_or_net: Any, view: StepView, optimizer: Optimizer | None, precision: int = 4) -> str:
    """The step so far as a Markdown worked example with $…$ maths (a Document or a Network)."""
    return _worked_example(False, doc_or_net, view, optimizer, precision)


def step_latex(doc_or_net: Any, view: StepView, optimizer: Optimizer | None, precision: int = 4) -> str:
    """The step so far as a standalone LaTeX document (article + amsmath, ASCII only, for pdflatex)."""
    body = _worked_example(True, doc_or_net, view, optimizer, precision)
    text = "\n".join(
        [
            r"\documentclass[11pt]{article}",
            r"\usepackage{amsmath}",
            r"\setlength{\parindent}{0pt}",
            r"\setlength{\parskip}{4pt}",
            r"\sloppy",
            r"\begin{document}",
            body,
            r"\end{document}",
            "",
        ]
    )
    # Every piece is built ASCII-only; this is the last guard so pdflatex never sees Unicode.
    return text.encode("ascii", "replace").decode("ascii")
