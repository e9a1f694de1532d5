"""The range people's numbers stay in: typed parameters and every data value.

|value| ≤ MAX_VALUE (10⁶) for every weight or bias a person types or nudges,
and for every input and target, whatever put it there (a data table cell, a
click on the plot, a CSV file, a lesson file).  Why 10⁶: lessons use values
far inside it (house prices in thousands, weights of a few units), and with
at most 128 neurons per layer and 11 weight layers a forward pass from such
values is bounded by about (1.28·10⁸)¹¹·10⁶ ≈ 10⁹⁵, its squared error by
≈ 10¹⁹⁰: every loss, gradient and painted label stays finite.

Training may still carry weights beyond 10⁶ (a diverging run stops only once
its loss or update is out of bounds, see :mod:`model.trainer`), so a lesson
file holds any finite weight: a document training produced can always be
saved and opened again.
"""

from __future__ import annotations

import math

import numpy as np

#: The largest magnitude of any weight, bias, input or target.
MAX_VALUE = 1e6


def in_range(value: float) -> bool:
    """True if ``value`` is finite and |value| ≤ MAX_VALUE."""
    return math.isfinite(value) and abs(value) <= MAX_VALUE


def all_in_range(values: np.ndarray) -> bool:
    """True if every element of ``values`` (any shape) is finite and within ±MAX_VALUE."""
    with np.errstate(invalid="ignore"):
        return bool(np.all(np.abs(values) <= MAX_VALUE))  # NaN compares False, so it fails too


def out_of_range_text(value: float) -> str:
    """One sentence saying why ``value`` is refused (English; the GUI has its own translated one)."""
    return f"{value:g} is outside the allowed range ±{MAX_VALUE:g}"
