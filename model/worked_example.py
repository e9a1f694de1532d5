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

from .explain_format import Style, fmt, is_hangul, tex_escape
from .explain_lines import MAX_SAMPLES, _backward, _bias, _biases, _edge, _forward, _loss_node, _loss_total, _weights
from .messages import Say
from .network import Network
from .optimizers import Optimizer
from .stepper import StepView

Array = np.ndarray

#: Nodes per layer, and weights per matrix, written out in a worked example.
MAX_DOC_NODES = 16
MAX_DOC_WEIGHTS = 64


class _Writer:
    """Collects a worked example as Markdown or LaTeX."""

    def __init__(self, tex: bool, hangul: bool = False) -> None:
        self.tex = tex
        self.hangul = hangul  # keep Korean letters in TeX text (see Style.hangul)
        self.out: list[str] = []
        self._in_list = False

    def _close(self) -> None:
        if self._in_list:
            self.out.append(r"\end{itemize}" if self.tex else "")
            self._in_list = False

    def text(self, s: str) -> str:
        return r"$\to$".join(tex_escape(part, self.hangul) for part in s.split("->")) if self.tex else s

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


def _layer_name(S: Style, net: Network, l: int) -> str:
    if l == 0:
        return S.words("wx_layer_input")
    role = "wx_layer_output" if l == net.n_layers else "wx_layer_hidden"
    return S.words(role, l, net.activations[l - 1])


def _parameters(w: _Writer, S: Style, net: Network, Ws: Sequence[Array], bs: Sequence[Array], arrow: str) -> None:
    for k in range(net.n_layers):
        if Ws[k].size > MAX_DOC_WEIGHTS:
            w.para(S.words("wx_weights_too_many", k, arrow, k + 1, Ws[k].shape[0], Ws[k].shape[1]))
            continue
        maths = [f"W^{{({k + 1})}} = {_matrix(S, Ws[k])}" if S.tex else _matrix(S, Ws[k])]
        if net.bias[k]:
            maths.append(f"b^{{({k + 1})}} = {_matrix(S, bs[k])}" if S.tex else _matrix(S, bs[k]))
        w.para(S.words("wx_weights_biases" if net.bias[k] else "wx_weights", k, arrow, k + 1), maths)


def _worked_example(
    tex: bool, doc_or_net: Any, view: StepView, optimizer: Optimizer | None, precision: int, say: Say
) -> str:
    net: Network = getattr(doc_or_net, "network", doc_or_net)
    title = str(getattr(doc_or_net, "title", "") or "")
    S = Style(True, precision, say)  # TeX maths in both: $…$ in Markdown
    w = _Writer(tex, S.hangul)
    arrow = "->" if tex else "→"
    L, n = net.n_layers, len(view.X)
    rows = range(min(n, MAX_SAMPLES))

    def label(code: str, r: int, *args: object) -> str:
        """``code`` names the thing; in a batch of several samples ``code``_sample adds which one (r + 1)."""
        return S.words(f"{code}_sample", *args, r + 1) if n > 1 else S.words(code, *args)

    if title and (not tex or tex_escape(title, S.hangul).strip()):
        w.heading(1, S.words("wx_title_of", title))
    else:
        w.heading(1, S.words("wx_title"))
    bias = ", ".join(S.words("wx_on" if b else "wx_off") for b in net.bias)
    w.para(S.words("wx_network", "-".join(map(str, net.sizes)), ", ".join(net.activations), net.loss, bias))
    if optimizer is not None:
        terms = [f"lr = {fmt(optimizer.lr, precision)}"] + [f"{k} = {v}" for k, v in optimizer.hyper.items() if v]
        if optimizer.weight_decay:
            terms.append(S.words("wx_weight_decay", str(optimizer.weight_decay)))
        if optimizer.l1:
            terms.append(f"L1 = {optimizer.l1}")
        w.para(S.words("wx_optimizer", optimizer.name, ", ".join(terms)))
    batch_rows = f"{', '.join(map(str, view.indices[:8]))}{', ...' if n > 8 else ''}"
    if n == 1:
        w.para(S.words("wx_batch_one", batch_rows))
    elif n > MAX_SAMPLES:
        w.para(S.words("wx_batch_cut", n, batch_rows, MAX_SAMPLES))
    else:
        w.para(S.words("wx_batch", n, batch_rows))
    for r in rows:
        w.item(label("wx_input", r), [f"x = {_matrix(S, view.X[r])}", f"t = {_matrix(S, view.T[r])}"])
    _parameters(w, S, net, _weights(net, view), _biases(net, view), arrow)

    w.heading(2, S.words("wx_forward"))
    for l in range(1, min(L, len(view.z) - 1) + 1):
        w.heading(3, _layer_name(S, net, l))
        for r in rows:
            for j in range(min(net.sizes[l], MAX_DOC_NODES)):
                w.item(label("wx_node", r, l, j), _forward(S, net, view, l, j, r))
        if net.sizes[l] > MAX_DOC_NODES:
            w.para(S.words("wx_more_nodes", net.sizes[l] - MAX_DOC_NODES))

    if view.loss is not None:
        w.heading(2, S.words("wx_loss"))
        w.item("", _loss_total(S, net, view))
        for r in rows:
            for j in range(min(net.sizes[L], MAX_DOC_NODES)):
                w.item(label("wx_output", r, j), _loss_node(S, net, view, r, j))

    if view.delta:
        w.heading(2, S.words("wx_backward"))
        for l in range(L, 0, -1):
            if l not in view.delta and l not in view.da:
                continue
            w.heading(3, _layer_name(S, net, l))
            for r in rows:
                for j in range(min(net.sizes[l], MAX_DOC_NODES)):
                    w.item(label("wx_node", r, l, j), _backward(S, net, view, l, j, r))

    def parameters_section(title: str, parts: str) -> None:
        w.heading(2, title)
        if parts == "u" and optimizer is not None:
            w.para(S.words("wx_rule", optimizer.name), [S.rule(optimizer.describe_update())])
        for k in range(L - 1, -1, -1):
            if k not in view.dW:
                continue
            w.heading(3, S.words("wx_weights_heading", k, arrow, k + 1))
            for count, (i, j) in enumerate(np.ndindex(*view.dW[k].shape)):
                if count == MAX_DOC_WEIGHTS:
                    w.para(S.words("wx_more_weights", view.dW[k].size - MAX_DOC_WEIGHTS))
                    break
                w.item(f"w ({k}, {i}) {arrow} ({k + 1}, {j})", _edge(S, net, view, k, i, j, 0, optimizer, parts))
            for j in range(min(net.sizes[k + 1], MAX_DOC_WEIGHTS)):
                w.item(S.words("wx_bias_of", k + 1, j), _bias(S, net, view, k + 1, j, 0, optimizer, parts))

    if view.dW:
        parameters_section(S.words("wx_gradients"), "g")
    if view.change_W:
        parameters_section(S.words("wx_update"), "u")
        w.heading(2, S.words("wx_after"))
        after_W = [view.weights_before[k] + view.change_W[k] for k in range(L)]
        after_b = [view.biases_before[k] + view.change_b[k] for k in range(L)]
        _parameters(w, S, net, after_W, after_b, arrow)
    return w.done()


def step_markdown(
    doc_or_net: Any, view: StepView, optimizer: Optimizer | None, precision: int = 4, say: Say = str
) -> str:
    """The step so far as a Markdown worked example with $…$ maths (a Document or a Network).

    ``say`` renders the words (model.messages.Message): English by default, the interface's language in the GUI.
    """
    return _worked_example(False, doc_or_net, view, optimizer, precision, say)


def step_latex(doc_or_net: Any, view: StepView, optimizer: Optimizer | None, precision: int = 4, say: Say = str) -> str:
    """The step so far as a standalone LaTeX document (article + amsmath, for pdflatex).

    ASCII only in English; Korean words (from ``say``) are kept and load the kotex package (ko.TeX).
    """
    body = _worked_example(True, doc_or_net, view, optimizer, precision, say)
    korean = any(is_hangul(ch) for ch in body)
    text = "\n".join(
        [
            r"\documentclass[11pt]{article}",
            r"\usepackage{amsmath}",
            *([r"\usepackage{kotex}"] if korean else []),
            r"\setlength{\parindent}{0pt}",
            r"\setlength{\parskip}{4pt}",
            r"\sloppy",
            r"\begin{document}",
            body,
            r"\end{document}",
            "",
        ]
    )
    # Every piece is built ASCII-only (Korean letters aside); this is the last guard so pdflatex sees nothing else.
    return "".join(ch if ord(ch) < 128 or is_hangul(ch) else "?" for ch in text)
