"""Colours: one diverging map for every value shown, and the theme colours around it.

Negative values are blue, positive orange, zero a light neutral grey (the
blue-orange pair stays distinct under the common colour-vision deficiencies).
``LUT`` (256, 4) uint8 RGBA is shared by the network scene and the heatmaps so
one colour always means the same number.

Both are switchable at run time (View → Colours, View → Theme).  The
window's :class:`gui.view_settings.ViewSettings` holds the current choice and
hands views an immutable :class:`Colours` (from :func:`colours`): the canvas
and inspector read that and nothing else.

Legacy, for the plots until they read the view settings too:

* :func:`set_scheme` rebuilds ``LUT``, ``NEGATIVE``/``NEUTRAL``/``POSITIVE``
  and ``CLASS_COLOURS`` *in place* (the array's contents and the QColors'
  values), so ``from gui.style.palette import LUT`` keeps seeing the current map.
* :func:`set_theme` re-sets the theme QColors (``BACKGROUND``, ``TEXT`` ...)
  in place, which the network scene reads when it paints.

Modules that derive caches from these (the scene's per-entry QColors, the
boundary map's lightened LUT) register a rebuild with :func:`add_listener`;
after a switch the caller announces a full refresh (the session's
structure_changed and values_changed) so every view re-reads.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtGui import QColor

RGB = tuple[int, int, int]


@dataclass(frozen=True)
class Scheme:
    """A diverging map: the colours of −1, 0 and +1, and how much heavier outlines are drawn."""

    negative: RGB
    neutral: RGB
    positive: RGB
    outline: float = 1.0  # line-width factor for outlines (high contrast draws them heavier)


SCHEMES: dict[str, Scheme] = {
    # ColorBrewer RdBu's blue and PuOr's orange: distinct under protan-, deutan- and tritanopia.
    "standard": Scheme((33, 102, 172), (240, 240, 240), (230, 97, 1)),
    # For washed-out projectors: saturated blue and amber (the pair every colour vision tells apart,
    # far apart in lightness too), a white zero, heavy outlines.
    "high_contrast": Scheme((0, 55, 220), (252, 252, 252), (255, 170, 0), outline=2.0),
    # ColorBrewer PRGn: the other colour-blind-safe diverging map, for rooms where orange is taken.
    "purple_green": Scheme((118, 42, 131), (247, 247, 247), (27, 120, 55)),
}
DEFAULT_SCHEME = "standard"


@dataclass(frozen=True)
class Theme:
    """What surrounds the values: canvas, text, outlines; ``dark`` selects Qt's dark palette too."""

    dark: bool
    background: RGB  # the network canvas and the plots
    text: RGB
    muted: RGB  # secondary labels (z below a node, the caption's second line)
    outline: RGB  # node outlines
    selected: RGB  # the selection ring
    panel: RGB  # layer header boxes
    panel_edge: RGB
    label_back: tuple[int, int, int, int]  # RGBA behind edge labels
    axis: RGB  # plot axes


THEMES: dict[str, Theme] = {
    "light": Theme(
        dark=False,
        background=(255, 255, 255),
        text=(30, 30, 30),
        muted=(85, 85, 85),
        outline=(90, 90, 90),
        selected=(0, 0, 0),
        panel=(248, 248, 248),
        panel_edge=(170, 170, 170),
        label_back=(255, 255, 255, 225),
        axis=(85, 85, 85),
    ),
    "dark": Theme(
        dark=True,
        background=(32, 33, 36),
        text=(236, 236, 236),
        muted=(190, 190, 190),
        outline=(170, 170, 170),
        selected=(255, 255, 255),
        panel=(52, 54, 58),
        panel_edge=(120, 122, 128),
        label_back=(32, 33, 36, 225),
        axis=(170, 170, 170),
    ),
}
DEFAULT_THEME = "light"

scheme_name = DEFAULT_SCHEME
theme_name = DEFAULT_THEME

_s = SCHEMES[DEFAULT_SCHEME]
NEGATIVE: RGB = _s.negative  # blue
NEUTRAL: RGB = _s.neutral
POSITIVE: RGB = _s.positive  # orange
OUTLINE_WIDTH = _s.outline

CLASS_COLOURS = (QColor(*NEGATIVE), QColor(*POSITIVE))  # class 0, class 1 markers

# Theme colours: QColor objects that set_theme() changes in place (the scene holds on to them).
BACKGROUND = QColor()
TEXT = QColor()
MUTED = QColor()
OUTLINE = QColor()
SELECTED = QColor()
PANEL = QColor()
PANEL_EDGE = QColor()
LABEL_BACK = QColor()
AXIS = QColor()

_listeners: list[Callable[[], None]] = []


def _lut(scheme: Scheme) -> np.ndarray:
    """(256, 4) uint8: index 0 = most negative, 128 ≈ zero, 255 = most positive."""
    t = np.linspace(-1.0, 1.0, 256)[:, None]
    neg, mid, pos = (np.array(c, dtype=float) for c in (scheme.negative, scheme.neutral, scheme.positive))
    rgb = np.where(t < 0, mid + (neg - mid) * (-t), mid + (pos - mid) * t)
    return np.hstack([rgb, np.full((256, 1), 255.0)]).astype(np.uint8)


LUT = _lut(_s)


def add_listener(rebuild: Callable[[], None]) -> None:
    """Call ``rebuild()`` after every set_scheme / set_theme (for caches derived from these colours)."""
    if rebuild not in _listeners:
        _listeners.append(rebuild)


def _notify() -> None:
    for rebuild in list(_listeners):
        rebuild()


def set_scheme(name: str) -> None:
    """Switch the value map to ``name`` (a key of SCHEMES), in place; the caller then refreshes the views."""
    global scheme_name, NEGATIVE, NEUTRAL, POSITIVE, OUTLINE_WIDTH
    if name not in SCHEMES:
        raise ValueError(f"unknown colour scheme {name!r}; choose one of {', '.join(SCHEMES)}")
    s = SCHEMES[name]
    scheme_name = name
    NEGATIVE, NEUTRAL, POSITIVE, OUTLINE_WIDTH = s.negative, s.neutral, s.positive, s.outline
    LUT[:] = _lut(s)
    CLASS_COLOURS[0].setRgb(*NEGATIVE)
    CLASS_COLOURS[1].setRgb(*POSITIVE)
    _set_theme_colours()
    _notify()


def set_theme(name: str) -> None:
    """Switch the canvas and text colours to ``name`` (a key of THEMES), in place."""
    global theme_name
    if name not in THEMES:
        raise ValueError(f"unknown theme {name!r}; choose one of {', '.join(THEMES)}")
    theme_name = name
    _set_theme_colours()
    _notify()


def _set_theme_colours() -> None:
    """The theme's colours; a scheme with heavy outlines (high contrast) also gets full-strength lines and text."""
    t = THEMES[theme_name]
    strong = SCHEMES[scheme_name].outline > 1.0
    for colour, rgb in (
        (BACKGROUND, t.background),
        (TEXT, t.text),
        (MUTED, t.text if strong else t.muted),
        (OUTLINE, t.text if strong else t.outline),
        (SELECTED, t.selected),
        (PANEL, t.panel),
        (PANEL_EDGE, t.text if strong else t.panel_edge),
        (LABEL_BACK, t.label_back),
        (AXIS, t.text if strong else t.axis),
    ):
        colour.setRgb(*rgb)


def is_dark() -> bool:
    return THEMES[theme_name].dark


set_theme(DEFAULT_THEME)


# ------------------------------------------------------------ immutable colours
@dataclass(frozen=True, eq=False)
class Colours:
    """Every colour of one (theme, scheme): what a view reads from its window's view settings.

    ``lut`` (256, 4) uint8 RGBA is the value map; ``fills`` its 256 entries as QColors plus grey
    (index 256, "not computed"), ``inks`` a readable text colour on each fill.  Never changed in place:
    a switch makes a new object, so nothing derived from an old one can drift.
    """

    theme: str
    scheme: str
    dark: bool
    outline_width: float
    lut: np.ndarray
    fills: tuple[QColor, ...]
    inks: tuple[QColor, ...]
    negative: QColor
    positive: QColor
    background: QColor
    text: QColor
    muted: QColor
    outline: QColor
    selected: QColor
    panel: QColor
    panel_edge: QColor
    label_back: QColor
    axis: QColor
    accent: QColor  # the phase's active items
    badge: QColor  # behind a backward-pass badge (δ, ∂L/∂b) beside a node


_COLOURS: dict[tuple[str, str], Colours] = {}


def colours(theme: str = DEFAULT_THEME, scheme: str = DEFAULT_SCHEME) -> Colours:
    """The colours of ``theme`` (a key of THEMES) with value map ``scheme`` (a key of SCHEMES); cached."""
    key = (theme, scheme)
    got = _COLOURS.get(key)
    if got is not None:
        return got
    if theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}; choose one of {', '.join(THEMES)}")
    if scheme not in SCHEMES:
        raise ValueError(f"unknown colour scheme {scheme!r}; choose one of {', '.join(SCHEMES)}")
    t, sc = THEMES[theme], SCHEMES[scheme]
    strong = sc.outline > 1.0  # high contrast: full-strength lines and text too
    lut = _lut(sc)
    lut.setflags(write=False)
    fills = tuple(QColor(int(r), int(g), int(b)) for r, g, b, _ in lut) + (QColor(200, 200, 200),)
    dark_ink = QColor(30, 30, 30)  # ink on light fills is dark in every theme
    inks = tuple(
        QColor(255, 255, 255) if 0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue() < 140 else dark_ink
        for c in fills
    )
    accent = QColor("#1b9e77")
    # Behind a badge: the accent over the canvas, mixed here so the badge hides the edges beneath it.
    back = QColor(*t.background)
    badge = QColor(
        round(back.red() * 0.78 + accent.red() * 0.22),
        round(back.green() * 0.78 + accent.green() * 0.22),
        round(back.blue() * 0.78 + accent.blue() * 0.22),
    )
    got = Colours(
        theme=theme,
        scheme=scheme,
        dark=t.dark,
        outline_width=sc.outline,
        lut=lut,
        fills=fills,
        inks=inks,
        negative=QColor(*sc.negative),
        positive=QColor(*sc.positive),
        background=QColor(*t.background),
        text=QColor(*t.text),
        muted=QColor(*(t.text if strong else t.muted)),
        outline=QColor(*(t.text if strong else t.outline)),
        selected=QColor(*t.selected),
        panel=QColor(*t.panel),
        panel_edge=QColor(*(t.text if strong else t.panel_edge)),
        label_back=QColor(*t.label_back),
        axis=QColor(*(t.text if strong else t.axis)),
        accent=accent,
        badge=badge,
    )
    _COLOURS[key] = got
    return got


def colour(value: float, scale: float = 1.0) -> QColor:
    """The colour of ``value`` on a symmetric scale of ±``scale``; non-finite → grey."""
    if not math.isfinite(value) or scale <= 0 or not math.isfinite(scale):
        return QColor(200, 200, 200)
    t = max(-1.0, min(1.0, value / scale))
    r, g, b, _ = LUT[int(round((t + 1.0) * 127.5))]
    return QColor(int(r), int(g), int(b))


def symmetric_scale(values: np.ndarray) -> float:
    """A robust ±scale for colouring an array (its largest finite magnitude, at least a tiny floor)."""
    finite = np.abs(values[np.isfinite(values)])
    return float(finite.max()) if finite.size and finite.max() > 1e-12 else 1.0
