"""The one number formatter: every number the app shows or exports is written by a function here.

* :func:`fmt` writes a value to ``precision`` significant digits for reading
  (the canvas, the inspector's lines, the sample table, the phase line, the
  worked examples): 1520.0 → "1520", -851.2 → "-851.2", 1.5e-07 → "1.5e-7".
* :func:`edit_text` writes a value for a field the user edits: as many digits
  as the value honestly has (15 significant at most), so 0.1 − 0.01 × (−851.2)
  = 8.611999999999998 is "8.612" and a typed 0.30000000000000004 stays exact
  enough to round-trip through float to the same text.

Both treat the special values the same way: NaN → "—" (no number), +∞ → "∞",
−∞ → "-∞", −0 → "0".  The minus sign is ASCII so any text can be copied back
into a field or a CSV file.
"""

from __future__ import annotations

import math

__all__ = ["NOT_A_NUMBER", "edit_text", "fmt", "special"]

#: What NaN (a value not computed, or not a number) is written as.
NOT_A_NUMBER = "—"

#: Significant digits of :func:`edit_text`: float64 holds 15.95, so 15 never shows binary noise.
EDIT_DIGITS = 15


def special(x: float) -> str | None:
    """The text of NaN, ±∞ and zero (of either sign), or None for any other number."""
    if math.isnan(x):
        return NOT_A_NUMBER
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if x == 0:
        return "0"
    return None


def fmt(x: float, precision: int = 4) -> str:
    """``x`` to ``precision`` significant digits without trailing zeros.

    Plain notation for 1e-4 ≤ |x| < 1e6, scientific otherwise (exponent
    without padding: "1.5e-7"); see the module docstring for NaN, ∞ and −0.
    """
    x = float(x)
    s = special(x)
    if s is not None:
        return s
    p = max(1, int(precision))
    if 1e-4 <= abs(x) < 1e6:
        decimals = p - 1 - math.floor(math.log10(abs(x)))
        s = f"{x:.{decimals}f}" if decimals >= 0 else f"{round(x, decimals):.0f}"
        if "." in s:
            s = s.rstrip("0").rstrip(".")
        return "0" if s == "-0" else s
    mantissa, exponent = f"{x:.{p - 1}e}".split("e")
    if "." in mantissa:
        mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa}e{int(exponent)}"


def edit_text(x: float) -> str:
    """``x`` for an edit field: the shortest text of at most 15 significant digits (8.612, not 8.611999999999998)."""
    x = float(x)
    s = special(x)
    if s is not None:
        return s
    text = f"{x:.{EDIT_DIGITS}g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = f"{mantissa}e{int(exponent)}"
    return text
