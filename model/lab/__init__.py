"""The gradient lab's engine (note 003): numerical derivatives, 2-D functions, descent paths, landscapes.

Pure numpy + stdlib like the rest of ``model``; the windows live in ``gui/lab``.
Submodules are imported here so that the no-Qt contract test, which imports
every package of ``model``, covers them too.
"""

from __future__ import annotations

from . import derivatives, descent, expr, functions2d, landscape, ledger

__all__ = ["derivatives", "descent", "expr", "functions2d", "landscape", "ledger"]
