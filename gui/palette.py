"""Colours: one colour-blind-safe diverging map for every value shown.

Negative values are blue, positive orange, zero a light neutral grey (the
blue-orange pair stays distinct under the common colour-vision deficiencies).
``LUT`` (256, 4) uint8 RGBA is shared by the network scene and the heatmaps so
one colour always means the same number.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtGui import QColor

NEGATIVE = (33, 102, 172)  # blue
NEUTRAL = (240, 240, 240)
POSITIVE = (230, 97, 1)  # orange

CLASS_COLOURS = (QColor(*NEGATIVE), QColor(*POSITIVE))  # class 0, class 1 markers


def _lut() -> np.ndarray:
    """(256, 4) uint8: index 0 = most negative, 128 ≈ zero, 255 = most positive."""
    t = np.linspace(-1.0, 1.0, 256)[:, None]
    neg, mid, pos = (np.array(c, dtype=float) for c in (NEGATIVE, NEUTRAL, POSITIVE))
    rgb = np.where(t < 0, mid + (neg - mid) * (-t), mid + (pos - mid) * t)
    return np.hstack([rgb, np.full((256, 1), 255.0)]).astype(np.uint8)


LUT = _lut()


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
