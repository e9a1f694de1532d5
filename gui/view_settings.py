"""How one window shows numbers: the one owner of precision, view mode, scale, theme and colours.

Every view of a window (the network canvas, the inspector, the sample table,
the plots) is given the window's :class:`ViewSettings` and *reads* it; no
view keeps its own copy of these facts, and there are no module globals for
them.  Two signals, emitted only here, tell views what to redo:

* ``changed``: precision or view mode; relabel (values are the same).
* ``appearance_changed``: theme, colours or the presentation scale; repaint
  with the new :attr:`colours` / :attr:`text_scale` (the canvas rebuilds its
  layout, which grows with the text).

Numbers are written by :meth:`fmt` (``model.numfmt.fmt`` at this window's
precision) and, for edit fields, :meth:`edit_text`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from gui.style import palette
from model import numfmt

VIEW_MODES = ("forward", "backward")
MIN_PRECISION, MAX_PRECISION = 1, 17
DEFAULT_PRECISION = 4


def clamp_precision(digits: object, default: int = DEFAULT_PRECISION) -> int:
    """``digits`` as a number of significant digits in [MIN_PRECISION, MAX_PRECISION]; ``default`` if not a number."""
    try:
        n = int(digits)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        return default
    return max(MIN_PRECISION, min(MAX_PRECISION, n))


class ViewSettings(QObject):
    """Precision, view mode, presentation scale, theme and colour scheme of one window."""

    changed = Signal()
    appearance_changed = Signal()

    def __init__(self, precision: int = DEFAULT_PRECISION, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._precision = clamp_precision(precision)
        self._view_mode = "forward"
        self._text_scale = 1.0
        self._line_scale = 1.0
        self._colours = palette.colours(palette.DEFAULT_THEME, palette.DEFAULT_SCHEME)

    # ------------------------------------------------------------ numbers
    @property
    def precision(self) -> int:
        """Significant digits of every number shown (the toolbar's Digits)."""
        return self._precision

    def set_precision(self, digits: int) -> None:
        digits = clamp_precision(digits, self._precision)
        if digits != self._precision:
            self._precision = digits
            self.changed.emit()

    def fmt(self, x: float) -> str:
        """``x`` at this window's precision (see :func:`model.numfmt.fmt`)."""
        return numfmt.fmt(x, self._precision)

    @staticmethod
    def edit_text(x: float) -> str:
        """``x`` for an edit field (see :func:`model.numfmt.edit_text`)."""
        return numfmt.edit_text(x)

    # ------------------------------------------------------------ view mode
    @property
    def view_mode(self) -> str:
        """What the canvas shows when no step is under way: "forward" (z, a, w) or "backward" (δ, ∂L/∂w)."""
        return self._view_mode

    def set_view_mode(self, mode: str) -> None:
        if mode not in VIEW_MODES:
            raise ValueError(f"unknown view mode {mode!r}; choose one of {', '.join(VIEW_MODES)}")
        if mode != self._view_mode:
            self._view_mode = mode
            self.changed.emit()

    # ------------------------------------------------------------ appearance
    @property
    def text_scale(self) -> float:
        """On-screen text (and the layout that holds it) × this; 1.0 outside presentation mode."""
        return self._text_scale

    @property
    def line_scale(self) -> float:
        """Pen widths × this; 1.0 outside presentation mode."""
        return self._line_scale

    def set_scales(self, text: float = 1.0, lines: float | None = None) -> None:
        text = float(text) if text > 0 else 1.0
        lines = text if lines is None else (float(lines) if lines > 0 else 1.0)
        if (text, lines) != (self._text_scale, self._line_scale):
            self._text_scale, self._line_scale = text, lines
            self.appearance_changed.emit()

    @property
    def colours(self) -> palette.Colours:
        """The current theme's and value map's colours (immutable; a switch makes a new object)."""
        return self._colours

    @property
    def theme(self) -> str:
        return self._colours.theme

    @property
    def scheme(self) -> str:
        return self._colours.scheme

    def set_appearance(self, theme: str | None = None, scheme: str | None = None) -> None:
        """Switch theme (a key of palette.THEMES) and/or colour scheme (of palette.SCHEMES); ValueError if unknown."""
        new = palette.colours(theme or self.theme, scheme or self.scheme)
        if new is not self._colours:
            self._colours = new
            self.appearance_changed.emit()
