"""Themes for the window: Fusion's dark palette, plot colours that stay visible on it, and the plot styler.

Split out of :mod:`gui.window.presentation`: the
application palette for the light and dark themes, the WCAG contrast helpers
that lighten plot colours on a dark background, and :class:`PlotStyler`, which
applies theme and scale to every pyqtgraph plot of a window.
"""

from __future__ import annotations

import re

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget

from gui.plots import style as plot_style
from gui.style import palette

MIN_CONTRAST = 2.5  # in the dark theme, a plot colour closer than this to the background is drawn lighter

_original: dict[str, object] = {}  # the application's own palette and font, captured before anything changed them


def capture_original() -> None:
    """Remember the application's own palette and font (once), before a theme or scale changes them."""
    app = QApplication.instance()
    _original.setdefault("palette", QPalette(app.palette()))
    _original.setdefault("font", QFont(app.font()))


def apply_theme(theme: str, colours: str) -> None:
    """Set the value map and theme in :mod:`gui.style.palette` and the application palette to match."""
    palette.set_theme(theme)
    palette.set_scheme(colours)
    QApplication.instance().setPalette(dark_palette() if palette.is_dark() else _original["palette"])  # type: ignore[arg-type]


def dark_palette() -> QPalette:
    """Fusion's dark palette: light text on dark grey, a blue selection, dimmed disabled text."""
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    text, dim = QColor(236, 236, 236), QColor(128, 130, 134)
    p = QPalette()
    for r, c in (
        (role.Window, QColor(45, 46, 50)),
        (role.WindowText, text),
        (role.Base, QColor(32, 33, 36)),
        (role.AlternateBase, QColor(40, 41, 45)),
        (role.ToolTipBase, QColor(60, 62, 66)),
        (role.ToolTipText, text),
        (role.PlaceholderText, QColor(150, 150, 150)),
        (role.Text, text),
        (role.Button, QColor(56, 58, 62)),
        (role.ButtonText, text),
        (role.BrightText, QColor(255, 110, 110)),
        (role.Light, QColor(80, 82, 88)),
        (role.Midlight, QColor(66, 68, 72)),
        (role.Mid, QColor(40, 41, 45)),
        (role.Dark, QColor(26, 27, 30)),
        (role.Shadow, QColor(10, 10, 10)),
        (role.Highlight, QColor(42, 130, 218)),
        (role.HighlightedText, QColor(255, 255, 255)),
        (role.Link, QColor(110, 175, 255)),
        (role.LinkVisited, QColor(190, 150, 255)),
    ):
        p.setColor(r, c)
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, r, dim)
    p.setColor(group.Disabled, role.Highlight, QColor(80, 80, 80))
    return p


# ----------------------------------------------------------------- colours
def _luminance(c: QColor) -> float:
    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 = identical lightness, 21 = black on white)."""
    la, lb = sorted((_luminance(a), _luminance(b)))
    return (lb + 0.05) / (la + 0.05)


def visible(colour: QColor) -> QColor:
    """``colour``, lightened just enough to stand out on a dark background (same hue, so keys still match)."""
    if not palette.is_dark():
        return colour
    out = QColor(colour)
    for _ in range(12):
        if contrast(out, palette.BACKGROUND) >= MIN_CONTRAST:
            break
        out = QColor.fromRgbF(*(c + (1.0 - c) * 0.2 for c in (out.redF(), out.greenF(), out.blueF())), colour.alphaF())
    return out


_HTML_COLOUR = re.compile(r"color:\s*(#[0-9a-fA-F]{6})")


def visible_html(html: str) -> str:
    """Rich text with every inline colour passed through :func:`visible`."""
    return _HTML_COLOUR.sub(lambda m: "color:" + visible(QColor(m.group(1))).name(), html)


# ------------------------------------------------------------------ plots
def _points(size: str, default: float) -> float:
    """10 from "10pt" (pyqtgraph keeps CSS font sizes as strings)."""
    try:
        return float(str(size).strip().removesuffix("pt"))
    except ValueError:
        return default


class PlotStyler:
    """Theme and scale for every pyqtgraph plot in a window.

    The plots style themselves for 100 % on white and re-set labels, keys and
    items when their data change; ``touch_up()`` runs after each refresh and
    re-applies only what differs.  Everything remembers its owner's style
    (``_presentation_base``): scaling starts from it (so it never compounds),
    the light theme at 100 % gives it back exactly, and a style its owner
    re-sets becomes the new base.
    """

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.text = 1.0
        self.lines = 1.0

    def widgets(self) -> list[pg.PlotWidget]:
        return self.window.findChildren(pg.PlotWidget)

    @property
    def identity(self) -> bool:
        return self.text == 1.0 and self.lines == 1.0 and not palette.is_dark()

    def apply(self, text: float, lines: float) -> None:
        """Set the scale and re-style every plot for the current theme."""
        self.text, self.lines = text, lines
        for widget in self.widgets():
            memory = self._memory(widget)
            if "base" not in memory:
                memory["base"] = QColor(widget.backgroundBrush().color())
            widget.setBackground(QColor(palette.BACKGROUND) if palette.is_dark() else memory["base"])
            item = widget.getPlotItem()
            for name in ("left", "bottom"):
                self._axis(item.getAxis(name))
            self._touch_up(item, force=True)

    def touch_up(self) -> None:
        """After a refresh: re-apply the style to labels, keys and items the plots have re-set."""
        if self.identity:
            return
        for widget in self.widgets():
            self._touch_up(widget.getPlotItem())

    # -- one plot
    def _touch_up(self, item: pg.PlotItem, force: bool = False) -> None:
        for name in ("left", "bottom"):
            self._label(item.getAxis(name), force)
        self._title(item, force)
        for child in list(item.items):
            if isinstance(child, pg.PlotDataItem):
                self._curve(child)
            elif isinstance(child, pg.ScatterPlotItem):
                self._scatter(child)
            elif isinstance(child, pg.TextItem):
                self._text(child)

    @staticmethod
    def _memory(obj: object, part: str = "") -> dict:
        """What this styler remembers about ``obj`` (its owner's style under "base", its own under "set")."""
        memories = getattr(obj, "_presentation_base", None)
        if memories is None:
            memories = {}
            obj._presentation_base = memories  # type: ignore[attr-defined]
        return memories.setdefault(part, {})

    def _ink(self, base: QColor) -> QColor:
        """Text colour: the owner's on the light theme, the theme's on the dark one."""
        return QColor(palette.TEXT) if palette.is_dark() else QColor(base)

    def _axis(self, axis: pg.AxisItem) -> None:
        memory = self._memory(axis, "axis")
        if "base" not in memory:  # the plots style their axes once, when they are built
            font = axis.style["tickFont"]
            memory["base"] = {
                "pen": QPen(axis.pen()),
                "text_pen": QPen(axis.textPen()),
                "font": QFont(font) if font is not None else QFont(),
                "length": axis.style["tickLength"],
                "offset": list(axis.style["tickTextOffset"]),
                "width": axis.fixedWidth,
                "height": axis.fixedHeight,
            }
        base = memory["base"]
        pen = QPen(base["pen"])
        pen.setWidthF(max(pen.widthF(), 1.0) * self.lines)
        pen.setCosmetic(True)
        if palette.is_dark():
            pen.setColor(QColor(palette.AXIS))
        axis.setPen(pen)
        text_pen = QPen(base["text_pen"])
        text_pen.setColor(self._ink(text_pen.color()))
        axis.setTextPen(text_pen)
        font = QFont(base["font"])
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * self.text)
        offset = base["offset"][0 if axis.orientation in ("left", "right") else 1]
        axis.setStyle(
            tickFont=font,
            tickLength=int(round(base["length"] * self.lines)),
            tickTextOffset=int(round(offset * self.text)),
        )
        if base["width"] is not None:
            axis.setWidth(int(round(base["width"] * self.text)))
        if base["height"] is not None:
            axis.setHeight(int(round(base["height"] * self.text)))

    def _label(self, axis: pg.AxisItem, force: bool) -> None:
        memory = self._memory(axis, "label")
        if axis.labelStyle != memory.get("set"):  # first sight, or the plot re-set its label
            memory["base"] = dict(axis.labelStyle)
        elif not force:
            return
        base = memory["base"]
        style = dict(base)
        if "font-size" in base:
            style["font-size"] = f"{_points(base['font-size'], 11.0) * self.text:g}pt"
        if "color" in base or palette.is_dark():
            style["color"] = self._ink(QColor(base.get("color", "#000000"))).name()
        if style != axis.labelStyle:
            if axis.labelText or axis.labelUnits:
                axis.setLabel(
                    axis.labelText, units=axis.labelUnits or None, unitPrefix=axis.labelUnitPrefix or None, **style
                )
            else:
                axis.labelStyle = style
        memory["set"] = dict(axis.labelStyle)

    def _title(self, item: pg.PlotItem, force: bool) -> None:
        label = item.titleLabel
        if not label.isVisible():
            return
        memory = self._memory(label)
        current = (label.text, label.opts.get("size"), label.opts.get("color"), label.maximumHeight())
        if current != memory.get("set"):
            memory["base"] = current
        elif not force:
            return
        text, size, colour, height = memory["base"]
        points = _points(size or f"{plot_style.FONT_PT}pt", plot_style.FONT_PT) * self.text
        ink = self._ink(QColor(colour) if colour is not None else QColor(palette.TEXT))
        label.setText(visible_html(text), size=f"{points:g}pt", color=ink.name())
        if self.text != 1.0:
            font = QFont()
            font.setPointSizeF(points)
            height = QFontMetrics(font).lineSpacing() * (text.count("<br>") + 1) + int(round(12 * self.text))
        label.setMaximumHeight(height)
        item.layout.setRowFixedHeight(0, height)
        memory["set"] = (label.text, label.opts.get("size"), label.opts.get("color"), label.maximumHeight())

    def _curve(self, curve: pg.PlotDataItem) -> None:
        memory = self._memory(curve)
        pen = pg.mkPen(curve.opts["pen"])
        if memory.get("set") is None or pen != memory["set"]:
            memory["base"] = QPen(pen)
        base: QPen = memory["base"]
        new = QPen(base)
        new.setWidthF(base.widthF() * self.lines)
        new.setColor(visible(base.color()))
        if new != pen:
            curve.setPen(new)
        memory["set"] = pg.mkPen(curve.opts["pen"])

    def _scatter(self, scatter: pg.ScatterPlotItem) -> None:
        memory = self._memory(scatter)
        size = scatter.opts["size"]
        pen = pg.mkPen(scatter.opts["pen"])
        if memory.get("set") is None or (size, pen) != memory["set"]:
            memory["base"] = (size, QPen(pen))
        base_size, base_pen = memory["base"]
        new_size = base_size * self.lines
        new_pen = QPen(base_pen)
        new_pen.setWidthF(base_pen.widthF() * self.lines)
        if new_pen != pen:
            scatter.setPen(new_pen)
        if new_size != size:
            scatter.setSize(new_size)
        memory["set"] = (scatter.opts["size"], pg.mkPen(scatter.opts["pen"]))

    def _text(self, text: pg.TextItem) -> None:
        memory = self._memory(text)
        font = text.textItem.font()
        colour = QColor(text.color)
        if memory.get("set") is None or (font.pointSizeF(), colour.rgba()) != memory["set"]:
            memory["base"] = (font.pointSizeF(), colour)
        points, base_colour = memory["base"]
        if points > 0 and font.pointSizeF() != points * self.text:
            font.setPointSizeF(points * self.text)
            text.setFont(font)
        if text.fill.style() == Qt.BrushStyle.NoBrush:  # text straight on the background
            new = visible(base_colour)
            if new.rgba() != colour.rgba():
                text.setColor(new)
        memory["set"] = (text.textItem.font().pointSizeF(), QColor(text.color).rgba())
