"""Presentation mode, scale, themes, colour schemes, remembered choices and the keyboard shortcut sheet."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget

from gui.app import make_application
from gui.canvas import network_layout, scene_text
from gui.plots import boundary as plots
from gui.plots import style as plot_style
from gui.style import palette, themes
from gui.style.palette import LUT  # bound at import, as the scene and the plots bind it
from gui.window import presentation, shortcuts
from gui.window.main_window import MainWindow

KEPT = ("inspector", "loss", "boundary")


@pytest.fixture
def make_window(qtbot, settings) -> Iterator[Callable[..., MainWindow]]:  # noqa: ANN001
    """make_window() -> a shown MainWindow on the default lesson; closed (without prompts) at teardown."""
    make_application()
    made: list[MainWindow] = []

    def make() -> MainWindow:
        w = MainWindow()
        made.append(w)
        w.show()
        qtbot.waitExposed(w)
        return w

    yield make
    for w in made:
        w.controller.pause()
        w.session.undo_stack.setClean()
        w.close()
        w.deleteLater()
    QApplication.processEvents()


@pytest.fixture(autouse=True)
def standard_appearance() -> Iterator[None]:
    """Every test ends at 100 %, light, standard colours again (they are application-wide)."""
    yield
    palette.set_theme(palette.DEFAULT_THEME)
    palette.set_scheme(palette.DEFAULT_SCHEME)
    app = QApplication.instance()
    if app is not None and "palette" in presentation._original:
        app.setPalette(presentation._original["palette"])
        app.setFont(presentation._original["font"])


def visible_docks(window) -> dict[str, bool]:  # noqa: ANN001
    return {d.objectName(): d.isVisible() for d in window.findChildren(QDockWidget)}


def dock_geometries(window) -> dict[str, tuple[int, int, int, int]]:  # noqa: ANN001
    return {d.objectName(): d.geometry().getRect() for d in window.findChildren(QDockWidget) if d.isVisible()}


def settle(qtbot) -> None:  # noqa: ANN001
    qtbot.wait(30)
    QApplication.processEvents()


# ------------------------------------------------------------------ presentation mode
def test_presentation_hides_secondary_panels_and_restores_the_exact_layout(make_window, qtbot):
    w = make_window()
    w.resize(1500, 950)
    settle(qtbot)
    docks_before, geometry_before, state_before = visible_docks(w), dock_geometries(w), w.saveState()
    assert docks_before["dock_training"] and docks_before["dock_data"]

    w.action("presentation").trigger()
    settle(qtbot)
    assert w.presentation.presenting and w.action("presentation").isChecked()
    for name in ("training", "data", "lesson"):
        assert not w.docks[name].isVisible(), name
    for name in KEPT:
        assert w.docks[name].isVisible(), name
    assert w.network_view.isVisible()
    # Only the kept panels remain, whatever extensions added.
    kept = {w.docks[n].objectName() for n in presentation.KEPT_IN_PRESENTATION}
    assert {name for name, shown in visible_docks(w).items() if shown} <= kept

    w.action("presentation").trigger()
    settle(qtbot)
    assert not w.presentation.presenting and not w.action("presentation").isChecked()
    assert visible_docks(w) == docks_before
    assert dock_geometries(w) == geometry_before
    assert w.saveState() == state_before
    assert w.corner(Qt.Corner.BottomRightCorner) == Qt.DockWidgetArea.BottomDockWidgetArea


def test_f5_toggles_presentation_from_the_keyboard(make_window, qtbot):
    w = make_window()
    with qtbot.waitActive(w):
        w.activateWindow()
    QTest.keyClick(w, Qt.Key.Key_F5)
    assert w.presentation.presenting
    QTest.keyClick(w, Qt.Key.Key_F5)
    assert not w.presentation.presenting


def test_scale_250_multiplies_app_font_scene_text_and_plot_fonts(make_window, qtbot, qapp):
    w = make_window()
    base_pt = qapp.font().pointSizeF()
    axis = w.loss_plot.plot_item.getAxis("left")
    label_base = plot_style.FONT_PT
    p = w.presentation
    p.set_scale(250)
    assert qapp.font().pointSizeF() == base_pt  # the scale waits for presentation mode
    p.set_presentation(True)
    settle(qtbot)

    assert qapp.font().pointSizeF() == pytest.approx(base_pt * 2.5)
    assert w.inspector.font().pointSizeF() == pytest.approx(base_pt * 2.5)
    assert w.message_bar.font().pointSizeF() == pytest.approx(base_pt * 2.5)  # has a style sheet: re-polished
    assert w.docks["inspector"].font().pointSizeF() == pytest.approx(base_pt * 2.5)  # the dock's title follows
    assert w.view_settings.text_scale == pytest.approx(2.5)
    assert w.view_settings.line_scale == pytest.approx(presentation.line_factor(2.5))
    assert w.network_view.scene().ink.text == pytest.approx(2.5)
    for widget in (w.loss_plot.plot_widget, w.boundary_plot, w.fit_plot):
        for name in ("left", "bottom"):
            tick = widget.getPlotItem().getAxis(name).style["tickFont"]
            assert tick.pointSizeF() == pytest.approx(label_base * 2.5)
    assert axis.labelStyle["font-size"] == "27.5pt"  # 11 pt × 2.5
    assert axis.pen().widthF() == pytest.approx(presentation.line_factor(2.5), rel=1e-3)
    assert w.loss_plot.epoch_curve.opts["pen"].widthF() == pytest.approx(2 * presentation.line_factor(2.5))

    # The plots re-set their labels when their axis changes; the style survives it.
    w.loss_plot.axis_combo.setCurrentIndex(1)
    assert axis.labelStyle["font-size"] == "27.5pt"
    bottom = w.loss_plot.plot_item.getAxis("bottom")
    assert bottom.labelText == "epoch" and bottom.labelStyle["font-size"] == "27.5pt"

    p.set_presentation(False)
    settle(qtbot)
    assert qapp.font().pointSizeF() == pytest.approx(base_pt)
    assert w.view_settings.text_scale == 1.0
    assert axis.style["tickFont"].pointSizeF() == pytest.approx(label_base)
    assert axis.labelStyle["font-size"] == "11pt"
    assert w.loss_plot.epoch_curve.opts["pen"].widthF() == pytest.approx(2.0)


def test_scale_actions_step_by_25_within_100_to_250(make_window, qapp):
    w = make_window()
    p = w.presentation
    assert QKeySequence("Ctrl+Shift+=") in w.action("scale_up").shortcuts()
    assert QKeySequence("Ctrl+Shift+-") in w.action("scale_down").shortcuts()
    p.set_scale(200)
    p.set_presentation(True)
    base = presentation._original["font"].pointSizeF()
    w.action("scale_up").trigger()
    assert p.scale == 225 and p.scale_box.value() == 225
    assert qapp.font().pointSizeF() == pytest.approx(base * 2.25)
    for _ in range(5):
        w.action("scale_up").trigger()
    assert p.scale == 250
    for _ in range(10):
        w.action("scale_down").trigger()
    assert p.scale == 100
    assert qapp.font().pointSizeF() == pytest.approx(base)
    p.scale_box.setValue(175)  # the spin box in View → Scale
    assert p.scale == 175
    assert presentation.snap_scale(130) == 125 and presentation.snap_scale(999) == 250


# ------------------------------------------------------------------ themes and colours
def test_dark_theme_changes_window_palette_plot_and_canvas_backgrounds(make_window, qtbot, qapp):
    w = make_window()
    light_window = qapp.palette().color(QPalette.ColorRole.Window)
    assert w.boundary_plot.backgroundBrush().color() == QColor("white")

    w.action("theme_dark").trigger()
    settle(qtbot)
    assert w.action("theme_dark").isChecked()
    window_colour = w.palette().color(QPalette.ColorRole.Window)
    assert window_colour.lightness() < 80 < light_window.lightness()
    assert w.palette().color(QPalette.ColorRole.WindowText).lightness() > 200
    dark = QColor(*palette.THEMES["dark"].background)
    for widget in (w.loss_plot.plot_widget, w.boundary_plot, w.fit_plot):
        assert widget.backgroundBrush().color() == dark
        assert widget.getPlotItem().getAxis("left").textPen().color().lightness() > 200
    assert w.network_view.scene().backgroundBrush().color() == dark
    assert w.view_settings.theme == "dark"
    assert w.network_view.scene().ink.colours.text.lightness() > 200  # the scene's text colour
    # What the canvas shows is dark now, not white.
    image = w.network_view.grab().toImage()
    corner = image.pixelColor(5, image.height() - 5)
    assert corner.lightness() < 80

    w.action("theme_light").trigger()
    settle(qtbot)
    assert qapp.palette() == presentation._original["palette"]
    assert w.boundary_plot.backgroundBrush().color() == QColor("white")
    assert w.loss_plot.plot_item.getAxis("left").textPen().color() == QColor("#222222")  # the plot's own


def test_high_contrast_rebuilds_the_lut_in_place_and_every_view_follows(make_window, qtbot):
    w = make_window()
    lut_object, standard = LUT, LUT.copy()
    old_map = plots.MAP_LUT

    w.action("colours_high_contrast").trigger()
    settle(qtbot)
    hc = palette.SCHEMES["high_contrast"]
    assert palette.LUT is lut_object  # callers that imported it keep seeing the current map
    assert not np.array_equal(LUT, standard)
    assert tuple(int(v) for v in LUT[0][:3]) == hc.negative
    assert tuple(int(v) for v in LUT[255][:3]) == hc.positive
    assert palette.CLASS_COLOURS[0] == QColor(*hc.negative)
    assert palette.OUTLINE_WIDTH > 1.0
    # The caches derived from it were rebuilt too.
    assert w.network_view.scene().ink.colours.fills[0] == QColor(*hc.negative)
    assert w.view_settings.scheme == "high_contrast"
    assert plots.MAP_LUT is not old_map
    assert w.boundary_plot.image.lut is plots.MAP_LUT
    assert pg.mkPen(w.loss_plot.epoch_curve.opts["pen"]).color() == QColor(*hc.negative)

    w.action("colours_purple_green").trigger()
    settle(qtbot)
    assert tuple(int(v) for v in LUT[255][:3]) == palette.SCHEMES["purple_green"].positive
    w.action("colours_standard").trigger()
    assert np.array_equal(LUT, standard)


def test_unknown_scheme_or_theme_is_refused():
    with pytest.raises(ValueError):
        palette.set_scheme("rainbow")
    with pytest.raises(ValueError):
        palette.set_theme("sepia")
    assert palette.scheme_name == "standard" and palette.theme_name == "light"


def test_dark_plots_lighten_colours_that_would_vanish():
    palette.set_theme("dark")
    black = QColor("#000000")
    lighter = themes.visible(black)
    assert themes.contrast(lighter, palette.BACKGROUND) >= themes.MIN_CONTRAST
    orange = QColor(*palette.SCHEMES["standard"].positive)
    assert themes.visible(orange) == orange  # already visible: untouched
    html = themes.visible_html("<span style='color:#000000'>◯</span> wrong")
    assert "#000000" not in html and "◯</span> wrong" in html
    palette.set_theme("light")
    assert themes.visible(black) == black


# ------------------------------------------------------------------ remembered choices
def test_choices_persist_across_two_windows(make_window, settings, qapp):
    first = make_window()
    first.presentation.set_theme("dark")
    first.presentation.set_colours("purple_green")
    first.presentation.set_scale(150)
    first.close()
    stored = QSettings()
    assert stored.value(presentation.KEY_THEME, type=str) == "dark"
    assert stored.value(presentation.KEY_COLOURS, type=str) == "purple_green"
    assert stored.value(presentation.KEY_SCALE, type=int) == 150
    assert any(settings.rglob("*.ini"))  # written to the test's INI, not the user's settings

    # A new start: the module-level state is back to the defaults before the window reads its settings.
    palette.set_theme("light")
    palette.set_scheme("standard")
    qapp.setPalette(presentation._original["palette"])
    second = make_window()
    p = second.presentation
    assert (p.theme, p.colours, p.scale) == ("dark", "purple_green", 150)
    assert second.action("theme_dark").isChecked() and second.action("colours_purple_green").isChecked()
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 80
    assert tuple(int(v) for v in LUT[0][:3]) == palette.SCHEMES["purple_green"].negative
    assert not p.presenting  # presentation mode itself is not restored
    second.action("presentation").trigger()
    assert qapp.font().pointSizeF() == pytest.approx(presentation._original["font"].pointSizeF() * 1.5)


def test_garbage_in_settings_falls_back_to_defaults(make_window):
    s = QSettings()
    s.setValue(presentation.KEY_THEME, "neon")
    s.setValue(presentation.KEY_COLOURS, 3)
    s.setValue(presentation.KEY_SCALE, "9000")
    p = make_window().presentation
    assert (p.theme, p.colours, p.scale) == ("light", "standard", 250)


# ------------------------------------------------------------------ keyboard
def test_every_window_action_has_a_shortcut_shown_in_its_tooltip(make_window):
    w = make_window()
    commands = shortcuts.window_actions(w)
    names = {a.objectName() for _m, a in commands}
    assert set(w.actions_by_name) <= names
    assert {
        "presentation",
        "scale_up",
        "scale_down",
        "theme_dark",
        "colours_high_contrast",
        "shortcut_sheet",
        "panel_training",
        "example_xor_train",
    } <= names
    missing = [a.objectName() for _m, a in commands if not a.shortcuts()]
    assert missing == []
    assert shortcuts.conflicts(w) == {}
    for _menu, action in commands:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert action.toolTip().endswith(f"({keys})"), action.objectName()
    assert w.action("shortcut_sheet").shortcut() == QKeySequence("F1")
    assert w.action("presentation").shortcut() == QKeySequence("F5")


def test_shortcut_sheet_lists_every_action_with_its_keys(make_window, qtbot, qapp):
    w = make_window()
    w.action("shortcut_sheet").trigger()
    sheet = w.shortcuts.sheet
    assert sheet is not None and sheet.isVisible() and not sheet.isModal()
    expected = {(shortcuts.plain(a.text()), shortcuts.keys_text(a)) for _m, a in shortcuts.window_actions(w)}
    rows = sheet.rows()
    assert set(rows) == expected and len(rows) == len(expected)
    assert ("Redo", "Ctrl+Y") in rows or any(r[0] == "Redo" and "Ctrl+Y" in r[1] for r in rows)
    assert sheet.table.columnCount() == 2
    assert sheet.table.font().pointSizeF() >= shortcuts.SHEET_MIN_POINTS
    text = sheet.as_text()
    assert "Keyboard shortcuts\tF1" in text and "Presentation mode\tF5" in text
    # Triggering again raises the same sheet; it follows new actions and the current language.
    w.action("shortcut_sheet").trigger()
    assert w.shortcuts.sheet is sheet
    w.action("presentation").setText("&Projector")
    w.retranslate()  # re-sets every string, ours included
    assert w.action("presentation").text() == "&Presentation mode"
    assert ("Presentation mode", "F5") in sheet.rows()
    sheet.close()


def test_scene_text_scale_hook_rebuilds_and_resets(make_window):
    w = make_window()
    view = w.network_view
    edges = view.scene().edges_item
    view.set_text_scale(2.0)
    assert w.view_settings.text_scale == 2.0 and w.view_settings.line_scale == 2.0
    assert view.scene().edges_item is not edges  # pens are rebuilt at the new width
    pen = scene_text.cosmetic(view.scene().ink, QColor("black"), 3.0)
    assert pen.widthF() == 6.0
    view.set_text_scale(1.0)
    assert scene_text.cosmetic(view.scene().ink, QColor("black"), 3.0).widthF() == 3.0


# ------------------------------------------------------------------ panels added or shown later
def test_panels_added_or_shown_during_presentation_stay_hidden_until_it_ends(make_window, qtbot):
    w = make_window()
    settle(qtbot)
    w.action("presentation").trigger()
    settle(qtbot)
    extra = QDockWidget("Extension panel", w)  # an extension adds a panel while the class watches
    extra.setObjectName("dock_extension")
    w.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, extra)
    extra.show()
    w.docks["data"].show()  # View ▸ Samples pressed during presentation
    settle(qtbot)
    assert not extra.isVisible() and not w.docks["data"].isVisible()
    kept = {w.docks[n].objectName() for n in presentation.KEPT_IN_PRESENTATION}
    assert {name for name, shown in visible_docks(w).items() if shown} <= kept
    w.action("presentation").trigger()
    settle(qtbot)
    assert extra.isVisible() and w.docks["data"].isVisible()  # what was asked for is shown afterwards


def test_presentation_before_the_window_is_laid_out_hides_late_panels(settings, qtbot):  # noqa: ANN001
    make_application()
    w = MainWindow()
    try:
        w.resize(1600, 1000)
        w.show()
        w.action("presentation").trigger()  # before the data editor has placed its dock
        settle(qtbot)
        kept = {w.docks[n].objectName() for n in presentation.KEPT_IN_PRESENTATION}
        assert {name for name, shown in visible_docks(w).items() if shown} <= kept
        w.action("presentation").trigger()
        settle(qtbot)
        assert w.docks["data_editor"].isVisible() and w.docks["training"].isVisible()
    finally:
        w.session.undo_stack.setClean()
        w.close()
        w.deleteLater()
        QApplication.processEvents()


@pytest.mark.parametrize("scale", [150, 175, 200, 250])
def test_presentation_network_numbers_are_large_and_apart(make_window, qtbot, monkeypatch, scale):
    from tests.gui.test_network_view import drawn_texts, overlaps, texts_on_circles

    w = make_window()  # XOR, 2-2-1
    w.resize(1600, 1000)
    w.session.train_for(10.0, max_steps=300)
    w.session.values_changed.emit()
    settle(qtbot)
    w.action("presentation").trigger()
    w.presentation.set_scale(scale)  # Ctrl+Shift+= / − while presenting
    settle(qtbot)
    view = w.network_view
    view.fit()
    k = scale / 100
    sc = view.scene()
    assert sc.geo.radius >= network_layout.RADIUS * k  # the nodes grew with the text
    texts = drawn_texts(view, monkeypatch)
    numbers = [px for text, px, _ in texts if any(text in row for row in sc.node_main)]
    weights = [px for text, px, _ in texts if text in sc.edges_item.labels]
    assert min(numbers) >= min(12 * k, 20) and min(weights) >= 10 * k - 1
    assert overlaps(texts) == [] and texts_on_circles(view, texts) == []


def test_the_loss_plot_leaves_the_network_most_of_the_height():
    assert presentation.bottom_share(1.0) == pytest.approx(0.28)
    assert max(presentation.bottom_share(k / 100) for k in range(100, 251, 25)) <= 0.32
