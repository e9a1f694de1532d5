"""The chain-rule arithmetic of one training step, written out with every number.

Everything here is read from the engine's own records (a :class:`StepView`
from the :class:`Stepper`), never recomputed by a second implementation, so
the numbers a student reads are the numbers the network used.  Each result
on the right of an ``=`` is the engine's value; the substituted operands on
the left are the same numbers rounded for reading.

Ids follow the engine: node (l, j) is node j of layer l (layer 0 = inputs);
weight (k, i, j) goes from node (k, i) to node (k+1, j).  A view that is only
part-way through a step is normal: lines whose numbers the view has not
computed yet are simply left out.

Formulas come in two spellings from the same builders: plain Unicode text
(the GUI inspector) and TeX (the Markdown and LaTeX worked examples).

This module is the one to import; the work is split by what it writes:

* :mod:`model.explain_format`: numbers (:func:`fmt`) and the two spellings;
* :mod:`model.explain_lines`: the lines of one node, weight or bias;
* :mod:`model.worked_example`: the whole step as a Markdown or LaTeX handout.
"""

from __future__ import annotations

from .explain_format import fmt, tex_escape

# The limits stay readable as explain.MAX_TERMS and so on ("X as X" re-exports them), outside __all__ as before.
from .explain_lines import MAX_SAMPLES as MAX_SAMPLES
from .explain_lines import MAX_TERMS as MAX_TERMS
from .explain_lines import bias_lines, edge_lines, node_lines
from .worked_example import MAX_DOC_NODES as MAX_DOC_NODES
from .worked_example import MAX_DOC_WEIGHTS as MAX_DOC_WEIGHTS
from .worked_example import step_latex, step_markdown

__all__ = [
    "bias_lines",
    "edge_lines",
    "fmt",
    "node_lines",
    "step_latex",
    "step_markdown",
    "tex_escape",
]
