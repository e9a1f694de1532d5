"""Loss curves as a PNG or SVG file without Qt or matplotlib (for ``main.py sweep --plot``).

A small raster plotter: numpy for the pixels, zlib and struct for the PNG, a
5×7 bitmap font for tick labels and the legend.  The GUI draws its own plots
with pyqtgraph; this exists so that the headless command can hand a picture to
a student or a CI log on a machine without a display.

``curves`` is a list of (label, x (n,), y (n,)) and NaN points are gaps.
"""

from __future__ import annotations

import math
import struct
import zlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np

Array = np.ndarray
Curve = tuple[str, Array, Array]

#: Okabe–Ito, colour-blind safe, then darker repeats.
COLOURS = [
    (0, 114, 178),
    (230, 159, 0),
    (0, 158, 115),
    (204, 121, 167),
    (86, 180, 233),
    (213, 94, 0),
    (240, 228, 66),
    (0, 0, 0),
]

# 5x7 glyphs, one string of 7 rows of 5 pixels ('#' = ink) per character.
_FONT_ROWS = {
    "0": " ### #   ##  ### # ###  ##   # ### ",
    "1": "  #   ##    #    #    #    #   ### ",
    "2": " ### #   #    #   #   #   #   #####",
    "3": "#####   #   #     #     ##   # ### ",
    "4": "   #   ##  # # #  # #####   #    # ",
    "5": "######    ####     #    ##   # ### ",
    "6": "  ##  #   #    #### #   ##   # ### ",
    "7": "#####    #   #   #   #    #    #   ",
    "8": " ### #   ##   # ### #   ##   # ### ",
    "9": " ### #   ##   # ####    #   #  ##  ",
    "a": "           ###     # #####   # ####",
    "b": "#    #    # ## ##  ##   ##   ##### ",
    "c": "           ### #    #    #   # ### ",
    "d": "    #    # ## ##  ###   ##   # ####",
    "e": "           ### #   #######     ### ",
    "f": "  ##  #  # #   ###   #    #    #   ",
    "g": "      #####   ##   # ####    # ### ",
    "h": "#    #    # ## ##  ##   ##   ##   #",
    "i": "  #        ##    #    #    #   ### ",
    "j": "   #        ##    #    # #  #  ##  ",
    "k": "#    #    #  # # #  ##   # #  #  # ",
    "l": " ##    #    #    #    #    #   ### ",
    "m": "          ## # # # ## # ##   ##   #",
    "n": "          # ## ##  ##   ##   ##   #",
    "o": "           ### #   ##   ##   # ### ",
    "p": "          #### #   ##### #    #    ",
    "q": "           ## ##  ## ####    #    #",
    "r": "          # ## ##  ##    #    #    ",
    "s": "           ### #     ###     ##### ",
    "t": " #    #   ###   #    #    #  #  ## ",
    "u": "          #   ##   ##   ##  ## ## #",
    "v": "          #   ##   ##   # # #   #  ",
    "w": "          #   ##   ## # ## # # # # ",
    "x": "          #   # # #   #   # # #   #",
    "y": "          #   ##   # ####    # ### ",
    "z": "          #####   #   #   #   #####",
    ".": "                          ##   ##  ",
    ",": "                     ##    #   #   ",
    "-": "               #####               ",
    "+": "       #    #  #####  #    #       ",
    "=": "          #####     #####          ",
    "(": "   #   #   #    #    #     #     # ",
    ")": " #     #     #    #    #   #   #   ",
    "/": "         #   #   #   #   #         ",
    ":": "      ##   ##        ##   ##       ",
    "%": "##   ##  #   #   #   #   #  ##   ##",
    "_": "                              #####",
    "<": "   #   #   #   #     #     #     # ",
    ">": " #     #     #     #   #   #   #   ",
    " ": "                                   ",
    "?": " ### #   #    #   #   #         #  ",
}
_FONT = {ch: np.array([c == "#" for c in rows]).reshape(7, 5) for ch, rows in _FONT_ROWS.items()}


def _text(img: Array, x: int, y: int, s: str, colour: tuple[int, int, int] = (40, 40, 40), scale: int = 1) -> int:
    """Draw ``s`` with its top-left at (x, y); returns the x after it."""
    h, w = img.shape[:2]
    for ch in s.lower():
        glyph = _FONT.get(ch, _FONT["?"])
        if scale > 1:
            glyph = glyph.repeat(scale, 0).repeat(scale, 1)
        gy, gx = np.nonzero(glyph)
        py, px = gy + y, gx + x
        ok = (py >= 0) & (py < h) & (px >= 0) & (px < w)
        img[py[ok], px[ok]] = colour
        x += 6 * scale
    return x


def _line(img: Array, xs: Array, ys: Array, colour: tuple[int, int, int], width: int = 2) -> None:
    """A polyline through pixel coordinates (n,), broken at NaN."""
    h, w = img.shape[:2]
    for x0, y0, x1, y1 in zip(xs[:-1], ys[:-1], xs[1:], ys[1:], strict=True):
        if not all(map(math.isfinite, (x0, y0, x1, y1))):
            continue
        n = int(max(abs(x1 - x0), abs(y1 - y0))) + 2
        t = np.linspace(0.0, 1.0, n)
        px = np.round(x0 + (x1 - x0) * t).astype(int)
        py = np.round(y0 + (y1 - y0) * t).astype(int)
        for dy in range(width):
            for dx in range(width):
                qx, qy = px + dx, py + dy
                ok = (qx >= 0) & (qx < w) & (qy >= 0) & (qy < h)
                img[qy[ok], qx[ok]] = colour


def _fmt(v: float) -> str:
    return f"{v:.0e}".replace("e-0", "e-").replace("e+0", "e") if (v and (abs(v) < 1e-2 or abs(v) >= 1e4)) else f"{v:g}"


def _png(img: Array) -> bytes:
    h, w = img.shape[:2]
    raw = b"".join(b"\x00" + img[r].astype(np.uint8).tobytes() for r in range(h))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")


def _ranges(curves: Sequence[Curve], log_y: bool) -> tuple[float, float, float, float]:
    xs = np.concatenate([np.asarray(c[1], float) for c in curves] + [np.zeros(1)])
    ys = np.concatenate([np.asarray(c[2], float) for c in curves])
    ys = ys[np.isfinite(ys) & ((ys > 0) if log_y else True)]
    if not len(ys):
        ys = np.array([1.0])
    lo, hi = float(ys.min()), float(ys.max())
    if log_y:
        lo, hi = math.log10(lo), math.log10(hi)
    if hi - lo < 1e-12:
        lo, hi = lo - 0.5, hi + 0.5
    return 0.0, max(1.0, float(np.nanmax(xs))), lo, hi


def render(
    curves: Sequence[Curve], title: str = "", x_label: str = "epoch", size: tuple[int, int] = (800, 480)
) -> Array:
    """The picture (h, w, 3) uint8: curves over a log-scale loss axis when every value is positive."""
    w, h = size
    img = np.full((h, w, 3), 255, dtype=np.uint8)
    left, right, top, bottom = 70, 230, 30, 40
    ys_all = [np.asarray(c[2], float) for c in curves]
    log_y = all(np.all(y[np.isfinite(y)] > 0) for y in ys_all)
    x0, x1, y0, y1 = _ranges(curves, log_y)

    def px(x: Array) -> Array:
        return left + (np.asarray(x, float) - x0) / (x1 - x0) * (w - left - right)

    def py(y: Array) -> Array:
        y = np.asarray(y, float)
        with np.errstate(divide="ignore", invalid="ignore"):
            v = np.log10(np.where(y > 0, y, np.nan)) if log_y else y
        v = np.clip(v, y0 - 0.05 * (y1 - y0), y1 + 0.05 * (y1 - y0))
        return top + (y1 - v) / (y1 - y0) * (h - top - bottom)

    grey = (200, 200, 200)
    img[top, left : w - right] = img[h - bottom, left : w - right] = grey
    img[top : h - bottom, left] = img[top : h - bottom, w - right] = grey
    ticks = [10.0**e for e in range(math.floor(y0), math.ceil(y1) + 1)] if log_y else list(np.linspace(y0, y1, 5))
    for t in ticks:
        y = float(py(np.array(t)))
        if top <= y <= h - bottom:
            img[int(y), left - 4 : left] = (80, 80, 80)
            _text(img, 4, int(y) - 3, _fmt(t))
    for t in np.linspace(x0, x1, 5):
        tx = int(px(np.array(t)))
        img[h - bottom : h - bottom + 4, tx] = (80, 80, 80)
        _text(img, tx - 9, h - bottom + 8, f"{round(t):d}")
    _text(img, (w - right) // 2, h - 14, x_label)
    _text(img, left, 8, title + ("  (loss, log scale)" if log_y else "  (loss)"), scale=1)
    for i, (label, cx, cy) in enumerate(curves):
        colour = COLOURS[i % len(COLOURS)]
        _line(img, px(cx), py(cy), colour)
        ly = top + 6 + 16 * i
        img[ly + 2 : ly + 6, w - right + 12 : w - right + 30] = colour
        _text(img, w - right + 36, ly, label[:30], colour)
    return img


def _svg(curves: Sequence[Curve], title: str, x_label: str) -> str:
    """The same plot as SVG text (log10 loss when every value is positive)."""
    w, h, left, right, top, bottom = 800, 480, 70, 230, 30, 40
    log_y = all(np.all(np.asarray(c[2])[np.isfinite(c[2])] > 0) for c in curves)
    x0, x1, y0, y1 = _ranges(curves, log_y)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" '
        f'font-size="12"><rect width="100%" height="100%" fill="white"/>',
        f'<text x="{left}" y="18">{title} (loss{", log scale" if log_y else ""})</text>',
        f'<text x="{(w - right) // 2}" y="{h - 6}">{x_label}</text>',
    ]
    for i, (label, x, y) in enumerate(curves):
        r, g, b = COLOURS[i % len(COLOURS)]
        yy = np.asarray(y, float)
        with np.errstate(divide="ignore", invalid="ignore"):
            v = np.log10(np.where(yy > 0, yy, np.nan)) if log_y else yy
        sx = left + (np.asarray(x, float) - x0) / (x1 - x0) * (w - left - right)
        sy = top + (y1 - v) / (y1 - y0) * (h - top - bottom)
        pts = " ".join(f"{a:.1f},{b_:.1f}" for a, b_ in zip(sx, sy, strict=True) if math.isfinite(b_))
        parts.append(f'<polyline fill="none" stroke="rgb({r},{g},{b})" stroke-width="2" points="{pts}"/>')
        parts.append(f'<text x="{w - right + 12}" y="{top + 12 + 16 * i}" fill="rgb({r},{g},{b})">{label}</text>')
    parts.append("</svg>\n")
    return "\n".join(parts)


def save_plot(path: str | Path, curves: Sequence[Curve], title: str = "", x_label: str = "epoch") -> None:
    """Write the plot as .png or .svg (by the suffix); ValueError for another suffix, OSError if writing fails."""
    p = Path(path)
    if p.suffix.lower() == ".png":
        p.write_bytes(_png(render(curves, title, x_label)))
    elif p.suffix.lower() == ".svg":
        p.write_text(_svg(curves, title, x_label), encoding="utf-8")
    else:
        raise ValueError(f"--plot writes .png or .svg files, not {p.suffix or 'a file without a suffix'}")
