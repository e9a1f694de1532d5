"""Presentation mode, scale, themes and colour schemes: the window as a classroom projector needs it.

* **Presentation mode** (View → Presentation mode, F5) hides the secondary
  panels (training settings, samples table), keeps the network, inspector,
  loss and boundary, and scales every font and line width by the
  presentation scale (100–250 %, View → Scale).  A secondary panel added or
  shown while it is on is hidden too, and shown when it ends.  Turning it off
  restores the exact layout saved when it was turned on
  (``saveState``/``restoreState``).
* **Theme** (View → Theme): light, or dark (Fusion's palette, the canvas and
  every plot).  **Colours** (View → Colours): the value map of
  :mod:`gui.style.palette` (standard blue/orange, high contrast, purple/green).
* The scale, theme and colours are remembered in QSettings and restored on
  start.  Presentation mode itself is not: the app always opens as a desk tool.

Scaling reaches every widget: the application font (which every widget
without its own font size follows; widgets with a style sheet are re-polished
so they follow too), the network scene's text and pens
(:meth:`NetworkView.set_text_scale`) and the pyqtgraph plots (tick fonts,
axis labels, keys, pens and markers).  The plots re-set their own labels and
keys when their data change, so :class:`PlotStyler` re-applies the style after
every refresh; it only touches what differs, and nothing at all at 100 % light.
The palette, contrast helpers and :class:`PlotStyler` live in :mod:`gui.style.themes`.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QDockWidget, QHBoxLayout, QLabel, QSpinBox, QWidget, QWidgetAction

from gui.safety import total
from gui.style import palette, themes
from gui.style.themes import (
    PlotStyler,
    _original,
)
from gui.window.actions import ActionSpec, MenuSpec

if TYPE_CHECKING:
    from gui.window.interface import WindowInterface

SCALE_MIN, SCALE_MAX, SCALE_STEP = 100, 250, 25
DEFAULT_SCALE = 200  # percent, in presentation mode
#: The panels presentation mode keeps; every other dock (training settings, samples, lesson, data set ...) is a
#: secondary panel and is hidden, so panels added later are hidden too.
KEPT_IN_PRESENTATION = ("inspector", "boundary", "fit", "loss")
#: Presentation layout: the right column's share of the window's width, the loss plot's of its height
#: (more for larger text: its controls and axes take more of it).
RIGHT_SHARE = 0.34


def bottom_share(text_factor: float) -> float:
    # At most a third: the network, under its own larger text, needs the height more than the loss curve.
    return min(0.32, 0.22 + 0.06 * text_factor)


KEY_SCALE = "presentation/scale"
KEY_THEME = "appearance/theme"
KEY_COLOURS = "appearance/colours"


def line_factor(text_factor: float) -> float:
    """Pen widths grow more slowly than text: 250 % text draws lines 1.9× as wide."""
    return 1.0 + (text_factor - 1.0) * 0.6


def snap_scale(percent: int | float) -> int:
    """The nearest allowed scale: a multiple of 25 between 100 and 250."""
    steps = round((float(percent) - SCALE_MIN) / SCALE_STEP)
    return int(min(SCALE_MAX, max(SCALE_MIN, SCALE_MIN + steps * SCALE_STEP)))


# ------------------------------------------------------------ the commands, declared once
CONTEXT = "Presentation"
MENUS = (
    MenuSpec("scale", QT_TRANSLATE_NOOP("Presentation", "&Scale"), parent="view"),
    MenuSpec("theme", QT_TRANSLATE_NOOP("Presentation", "T&heme"), parent="view"),
    MenuSpec("colours", QT_TRANSLATE_NOOP("Presentation", "&Colours"), parent="view"),
)
THEME_TEXTS = {
    "light": (
        QT_TRANSLATE_NOOP("Presentation", "Light"),
        QT_TRANSLATE_NOOP("Presentation", "Dark text on a light background"),
        "Ctrl+Shift+L",
    ),
    "dark": (
        QT_TRANSLATE_NOOP("Presentation", "Dark"),
        QT_TRANSLATE_NOOP("Presentation", "Light text on a dark background"),
        "Ctrl+Shift+D",
    ),
}
COLOUR_TEXTS = {
    "standard": (
        QT_TRANSLATE_NOOP("Presentation", "Standard (blue/orange)"),
        QT_TRANSLATE_NOOP("Presentation", "Blue for negative, orange for positive; safe for colour blindness"),
    ),
    "high_contrast": (
        QT_TRANSLATE_NOOP("Presentation", "High contrast (blue/amber)"),
        QT_TRANSLATE_NOOP("Presentation", "Saturated colours and heavy outlines for washed-out projectors"),
    ),
    "purple_green": (
        QT_TRANSLATE_NOOP("Presentation", "Purple/green"),
        QT_TRANSLATE_NOOP("Presentation", "Purple for negative, green for positive; safe for colour blindness"),
    ),
}
ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "presentation",
        QT_TRANSLATE_NOOP("Presentation", "&Presentation mode"),
        QT_TRANSLATE_NOOP(  # noqa: E501 - one translatable literal
            "Presentation", "Large text and lines, only the main panels; press again to restore the layout"
        ),
        ("F5",),
        lambda w: w.presentation.set_presentation(w.action("presentation").isChecked()),
        checkable=True,
        menu="view",
        separator=True,
    ),
    # Ctrl+Shift+= is what most keyboards give; Ctrl+Shift++ is the same keys where Qt reports the shifted symbol.
    ActionSpec(
        "scale_up",
        QT_TRANSLATE_NOOP("Presentation", "Larger"),
        QT_TRANSLATE_NOOP("Presentation", "Presentation scale up by 25 %"),
        ("Ctrl+Shift+=", "Ctrl+Shift++"),
        lambda w: w.presentation.scale_up(),
        menu="scale",
    ),
    ActionSpec(
        "scale_down",
        QT_TRANSLATE_NOOP("Presentation", "Smaller"),
        QT_TRANSLATE_NOOP("Presentation", "Presentation scale down by 25 %"),
        ("Ctrl+Shift+-", "Ctrl+Shift+_"),
        lambda w: w.presentation.scale_down(),
        menu="scale",
    ),
    *(
        ActionSpec(
            f"theme_{name}",
            text,
            tip,
            (keys,),
            functools.partial(lambda n, w: w.presentation.set_theme(n), name),
            checkable=True,
            menu="theme",
            group="theme",
        )
        for name, (text, tip, keys) in THEME_TEXTS.items()
    ),
    *(
        ActionSpec(
            f"colours_{name}",
            text,
            tip,
            (f"Ctrl+Alt+{i}",),
            functools.partial(lambda n, w: w.presentation.set_colours(n), name),
            checkable=True,
            menu="colours",
            group="colours",
        )
        for i, (name, (text, tip)) in enumerate(COLOUR_TEXTS.items(), start=1)
    ),
)


# ------------------------------------------------------------ the controller
class Presentation(QObject):
    """Presentation mode, scale, theme and colours of one window (``window.presentation``)."""

    def __init__(self, window: WindowInterface) -> None:
        super().__init__(window)
        self.setObjectName("presentation_controller")
        self.window = window
        themes.capture_original()
        self.presenting = False
        self._saved_state = None
        self._saved_size = None
        self._saved_corner = window.corner(Qt.Corner.BottomRightCorner)
        self._document_changed = False
        self._held_back: list[QDockWidget] = []  # secondary panels that tried to show during presentation
        # Panels may be added or shown after presentation mode starts (the data editor places its dock once
        # the window is laid out; View menu toggles): watch every dock, and the window for new ones.
        window.installEventFilter(self)
        for dock in window.findChildren(QDockWidget):
            dock.installEventFilter(self)
        settings = QSettings()
        self.scale = snap_scale(settings.value(KEY_SCALE, DEFAULT_SCALE, type=int))
        theme = settings.value(KEY_THEME, palette.DEFAULT_THEME, type=str)
        colours = settings.value(KEY_COLOURS, palette.DEFAULT_SCHEME, type=str)
        self.theme = theme if theme in palette.THEMES else palette.DEFAULT_THEME
        self.colours = colours if colours in palette.SCHEMES else palette.DEFAULT_SCHEME
        self.styler = PlotStyler(window)
        self._build_menus()
        s = window.session
        # Connected after the window's own handlers, so these run after the plots have refreshed.
        s.values_changed.connect(self.styler.touch_up)
        s.structure_changed.connect(self.styler.touch_up)
        window.document_loaded.connect(self._on_window_document_loaded)
        window.retranslated.connect(self.retranslate)
        window.loss_plot.axis_combo.currentIndexChanged.connect(lambda _i: self.styler.touch_up())
        self._apply_appearance(refresh=False)

    # ------------------------------------------------------------ building
    def _build_menus(self) -> None:
        """The actions come from ACTIONS (placed in View and its Scale, Theme and Colours menus)."""
        table = self.window.window_actions
        table.declare_menus(MENUS, CONTEXT)
        made = table.add(ACTIONS, CONTEXT)
        self.presentation_action = made["presentation"]
        self.scale_menu = table.menu("scale")
        self.scale_menu.setObjectName("scale_menu")
        self.scale_menu.addSeparator()
        # The exact value, typed or stepped, without a shortcut-less action per step.
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(24, 2, 8, 2)
        self.scale_label = QLabel()
        self.scale_box = QSpinBox()
        self.scale_box.setObjectName("presentation_scale")
        self.scale_box.setRange(SCALE_MIN, SCALE_MAX)
        self.scale_box.setSingleStep(SCALE_STEP)
        self.scale_box.setSuffix(" %")
        self.scale_box.setKeyboardTracking(False)
        self.scale_box.setValue(self.scale)
        self.scale_box.valueChanged.connect(self.set_scale)
        self.scale_label.setBuddy(self.scale_box)
        layout.addWidget(self.scale_label)
        layout.addWidget(self.scale_box)
        spin_action = QWidgetAction(self.scale_menu)
        spin_action.setDefaultWidget(row)
        self.scale_menu.addAction(spin_action)
        self.theme_menu = table.menu("theme")
        self.theme_menu.setObjectName("theme_menu")
        self.colours_menu = table.menu("colours")
        self.colours_menu.setObjectName("colours_menu")

    # ------------------------------------------------------------ strings
    def retranslate(self) -> None:
        """The scale row's strings (the actions and menus are the window's table's)."""
        self.scale_label.setText(self.tr("Presentation scale:"))
        self.scale_box.setToolTip(self.tr("Text and line size in presentation mode (100–250 %)"))

    # ------------------------------------------------------------ presentation mode
    def _kept(self, dock: QDockWidget) -> bool:
        docks = self.window.docks
        return any(docks.get(name) is dock for name in KEPT_IN_PRESENTATION)

    @total(False)
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.ChildPolished and obj is self.window:  # polished before its first show
            child = event.child()
            if isinstance(child, QDockWidget):
                child.removeEventFilter(self)  # once
                child.installEventFilter(self)
        elif kind == QEvent.Type.Show and self.presenting and isinstance(obj, QDockWidget) and not self._kept(obj):
            if obj not in self._held_back:
                self._held_back.append(obj)
            obj.hide()
        return False

    def set_presentation(self, on: bool) -> None:
        """Enter (hide the secondary panels, scale up) or leave (restore the saved layout at 100 %)."""
        on = bool(on)
        self.presentation_action.setChecked(on)
        if on == self.presenting:
            return
        w = self.window
        if on:
            self._saved_state = w.saveState()
            self._saved_size = w.size()  # large fonts can make the window grow
            self._saved_corner = w.corner(Qt.Corner.BottomRightCorner)
            self._document_changed = False
            self.presenting = True
            self._held_back = []
            for dock in w.findChildren(QDockWidget):
                if not self._kept(dock):
                    dock.hide()
            # The right column runs the full height (the loss plot goes under the network only).
            w.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
            self._apply_scale()
            self._share_space()
        else:
            self.presenting = False
            self._apply_scale()  # back at 100 % first, so the layout is restored at the sizes it was saved at
            w.setCorner(Qt.Corner.BottomRightCorner, self._saved_corner)  # saveState does not keep corners
            if self._saved_state is not None:
                # Panels hidden while the text was large still carry large size hints: show them, let their
                # layouts catch up with the normal font (else the window grows to fit), then restore again.
                QCoreApplication.sendPostedEvents()  # the font changes reach every widget first
                w.restoreState(self._saved_state)
                QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
                maximised = Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen
                if self._saved_size is not None and not w.windowState() & maximised:
                    w.resize(self._saved_size)  # not restoreGeometry: that also moves the window onto a screen
                w.restoreState(self._saved_state)
            for dock in self._held_back:  # asked to show while presenting: shown now (the saved layout may not
                if dock.isHidden():  # know a dock added since, so it cannot be put back in a tab group)
                    dock.show()
            self._held_back = []
            self._saved_state = self._saved_size = None
            if self._document_changed:  # which plot fits the data follows the document, not the old layout
                w.session.structure_changed.emit()
        w.network_view.fit()

    def _share_space(self) -> None:
        """Room for large text: a wider right column, a taller loss plot, inspector and boundary half each."""
        w, docks = self.window, self.window.docks
        shown = [n for n in ("inspector", "boundary", "fit") if n in docks and not docks[n].isHidden()]
        if shown:
            w.resizeDocks([docks[shown[0]]], [int(w.width() * RIGHT_SHARE)], Qt.Orientation.Horizontal)
        if "inspector" in shown and len(shown) > 1:
            half = int(w.height() * 0.45)
            w.resizeDocks([docks["inspector"], docks[shown[1]]], [half, half], Qt.Orientation.Vertical)
        if "loss" in docks and not docks["loss"].isHidden():
            w.resizeDocks([docks["loss"]], [int(w.height() * bottom_share(self.factor))], Qt.Orientation.Vertical)

    def set_scale(self, percent: int) -> None:
        """The presentation scale (snapped to 100–250 % in steps of 25); remembered."""
        percent = snap_scale(percent)
        changed = percent != self.scale
        self.scale = percent
        self.scale_box.blockSignals(True)
        self.scale_box.setValue(percent)
        self.scale_box.blockSignals(False)
        if not changed:
            return
        QSettings().setValue(KEY_SCALE, percent)
        if self.presenting:
            self._apply_scale()
            self._share_space()
        else:
            self.window.statusBar().showMessage(
                self.tr("Presentation scale %1 % (used in presentation mode, F5)").replace("%1", str(percent)), 8000
            )

    def scale_up(self) -> None:
        self.set_scale(self.scale + SCALE_STEP)

    def scale_down(self) -> None:
        self.set_scale(self.scale - SCALE_STEP)

    @property
    def factor(self) -> float:
        """How much larger text is drawn now (1.0 outside presentation mode)."""
        return self.scale / 100.0 if self.presenting else 1.0

    def _apply_scale(self) -> None:
        f = self.factor
        app = QApplication.instance()
        base: QFont = _original["font"]  # type: ignore[assignment]
        font = QFont(base)
        if base.pointSizeF() > 0:
            font.setPointSizeF(base.pointSizeF() * f)
        else:
            font.setPixelSize(int(round(base.pixelSize() * f)))
        app.setFont(font)
        # A style sheet freezes a widget's font at its last polish: re-polish those to follow the new size.
        for widget in self.window.findChildren(QWidget):
            if widget.styleSheet():
                widget.setStyleSheet(widget.styleSheet())
        # A dock draws its title in the font it was created with unless it has a font of its own; one that
        # differs from the application's only in a style strategy nobody sees lets the title follow the scale.
        for dock in self.window.findChildren(QDockWidget):
            if f == 1.0:
                dock.setFont(QFont())
            else:
                own = QFont(font)
                own.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
                dock.setFont(own)
        self.window.network_view.set_text_scale(f, line_factor(f))
        self.styler.apply(f, line_factor(f))
        # The toolbars and docks re-lay themselves out after the font change has been delivered.
        QTimer.singleShot(0, self.window.network_view.fit)

    # ------------------------------------------------------------ appearance
    def set_theme(self, name: str) -> None:
        """Light or dark; remembered."""
        if name not in palette.THEMES:
            raise ValueError(f"unknown theme {name!r}")
        self.theme = name
        QSettings().setValue(KEY_THEME, name)
        self._apply_appearance(refresh=True, structure=False)

    def set_colours(self, name: str) -> None:
        """The value map (a key of palette.SCHEMES); remembered."""
        if name not in palette.SCHEMES:
            raise ValueError(f"unknown colour scheme {name!r}")
        self.colours = name
        QSettings().setValue(KEY_COLOURS, name)
        self._apply_appearance(refresh=True, structure=True)

    def _apply_appearance(self, refresh: bool, structure: bool = True) -> None:
        themes.apply_theme(self.theme, self.colours)
        self.window.view_settings.set_appearance(self.theme, self.colours)  # what the canvas and inspector read
        self.window.actions_by_name[f"theme_{self.theme}"].setChecked(True)
        self.window.actions_by_name[f"colours_{self.colours}"].setChecked(True)
        self.window.network_view.scene().setBackgroundBrush(QColor(palette.BACKGROUND))
        self.styler.apply(self.factor, line_factor(self.factor))
        if refresh:
            s = self.window.session
            if structure:  # the scene's pens and the plots' data colours are rebuilt from the new map
                s.structure_changed.emit()
            s.values_changed.emit()
        self.window.network_view.viewport().update()

    def _on_window_document_loaded(self, _path: object) -> None:
        self._document_changed = True
        self.styler.touch_up()


def install(window: WindowInterface) -> Presentation:
    """Add presentation mode, scale, theme and colours to ``window``."""
    return Presentation(window)
