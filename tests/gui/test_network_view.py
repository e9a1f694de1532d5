"""The network editor: layout, selection, structure edits through undo, inline editing, nudges, drawing."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

import model
from gui.canvas import network_items, network_layout, scene_text
from gui.canvas.network_items import EDGE_LABEL_LIMIT, NodeItem
from gui.canvas.network_view import NetworkView
from gui.canvas.scene_text import colour_indices, fmt
from gui.session import Session
from gui.style.palette import LUT, colour, symmetric_scale
from model.network import MAX_HIDDEN_LAYERS, MAX_NEURONS

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y = np.array([[0.0], [1.0], [1.0], [0.0]])
LEFT = Qt.MouseButton.LeftButton
NOMOD = Qt.KeyboardModifier.NoModifier


def make_session(sizes=(2, 3, 2, 1), activations=None, batch_size: int = 0) -> Session:
    L = len(sizes) - 1
    acts = activations or ["tanh"] * (L - 1) + ["sigmoid"]
    net = model.Network(list(sizes), acts, loss="mse", seed=1)
    data = model.Dataset(X.copy(), Y.copy())
    settings = model.TrainingSettings(optimizer="sgd", lr=0.5, batch_size=batch_size, shuffle=False)
    return Session(model.Document(net, data, settings))


@pytest.fixture
def session() -> Session:
    return make_session()


@pytest.fixture
def view(qtbot, session) -> NetworkView:
    v = NetworkView(session)
    qtbot.addWidget(v)
    qtbot.__dict__.setdefault("_kept_views", []).append(v)  # see shown_view
    v.resize(1000, 640)
    v.show()
    qtbot.waitExposed(v)
    return v


def messages(session: Session) -> list[str]:
    got: list[str] = []
    session.message.connect(got.append)
    return got


def counts(view: NetworkView) -> tuple[int, int, int]:
    sc = view.scene()
    nodes = sum(isinstance(item, NodeItem) for item in sc.items())
    return nodes, len(sc.header_items), sc.edges_item.count


def expected_counts(sizes) -> tuple[int, int, int]:
    return sum(sizes), len(sizes), sum(a * b for a, b in zip(sizes[:-1], sizes[1:], strict=False))


def click(view: NetworkView, target, modifier=NOMOD) -> None:
    QTest.mouseClick(view.viewport(), LEFT, modifier, view.view_pos_of(target))


def wheel(view: NetworkView, pos: QPoint, delta: int, modifiers=NOMOD) -> None:
    event = QWheelEvent(
        QPointF(pos),
        QPointF(view.viewport().mapToGlobal(pos)),
        QPoint(0, 0),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)


def action(menu, name: str):
    found = [a for a in menu.findChildren(type(menu.menuAction())) if a.objectName() == name]
    assert found, f"no action {name!r} in the menu"
    return found[0]


# ------------------------------------------------------------------ structure
def test_items_follow_the_layered_layout(view, session):
    assert counts(view) == expected_counts([2, 3, 2, 1])
    sc = view.scene()
    assert sc.itemIndexMethod() == sc.ItemIndexMethod.NoIndex
    # Layers left to right, inputs left; every layer centred vertically.
    xs = [sc.node_items[(l, 0)].pos().x() for l in range(4)]
    assert xs == sorted(xs) and len(set(xs)) == 4
    for l, n in enumerate([2, 3, 2, 1]):
        ys = [sc.node_items[(l, j)].pos().y() for j in range(n)]
        assert sum(ys) / n == pytest.approx(0.0)
    # Headers: only hidden layers have +/− buttons; the input header names the sample.
    assert [h.editable for h in sc.header_items] == [False, True, True, False]
    assert [h.title for h in sc.header_items] == ["Input", "Hidden 1", "Hidden 2", "Output"]
    assert sc.header_items[1].detail == "tanh · bias"
    assert "sample #0" in sc.header_items[0].detail and "4" in sc.header_items[0].detail


def test_header_plus_and_minus_buttons_edit_through_undo(view, session):
    click(view, ("header", 1, "+"))
    assert session.network.sizes == [2, 4, 2, 1]
    assert counts(view) == expected_counts([2, 4, 2, 1])
    assert session.undo_stack.count() == 1
    click(view, ("header", 2, "-"))
    assert session.network.sizes == [2, 4, 1, 1]
    assert counts(view) == expected_counts([2, 4, 1, 1])
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert session.network.sizes == [2, 3, 2, 1]
    assert counts(view) == expected_counts([2, 3, 2, 1])
    session.undo_stack.redo()
    assert counts(view) == expected_counts([2, 4, 2, 1])


def test_header_menu_actions_insert_remove_activation_bias(view, session):
    menu = view.menus.layer_menu(1)
    names = {a.objectName() for a in menu.findChildren(type(menu.menuAction()))}
    assert {"bias", "add_neuron", "remove_neuron", "insert_before", "insert_after", "remove_layer"} <= names
    assert "activation:softmax" not in names  # softmax only for the output layer
    assert "activation:softmax" in {
        a.objectName() for a in view.menus.layer_menu(3).findChildren(type(menu.menuAction()))
    }
    out_names = {a.objectName() for a in view.menus.layer_menu(3).findChildren(type(menu.menuAction()))}
    assert not {"add_neuron", "remove_neuron", "remove_layer", "insert_after"} & out_names

    action(view.menus.layer_menu(1), "insert_after").trigger()
    assert session.network.sizes == [2, 3, 3, 2, 1]
    assert counts(view) == expected_counts([2, 3, 3, 2, 1])
    action(view.menus.layer_menu(2), "remove_layer").trigger()
    assert session.network.sizes == [2, 3, 2, 1]
    action(view.menus.layer_menu(1), "activation:relu").trigger()
    assert session.network.activations[0] == "relu"
    assert view.scene().header_items[1].detail == "relu · bias"
    action(view.menus.layer_menu(2), "bias").trigger()
    assert session.network.bias[1] is False
    assert view.scene().header_items[2].detail == "tanh · no bias"
    action(view.menus.layer_menu(0), "insert_after").trigger()  # copies its hidden neighbour (3 relu neurons)
    assert session.network.sizes == [2, 3, 3, 2, 1] and session.network.activations[:2] == ["relu", "relu"]
    assert view.scene().header_items[2].title == "Hidden 2"
    for _ in range(5):
        session.undo_stack.undo()
    assert session.network.sizes == [2, 3, 2, 1]
    assert session.network.activations == ["tanh", "tanh", "sigmoid"]
    assert session.network.bias == [True, True, True]
    assert counts(view) == expected_counts([2, 3, 2, 1])


def test_canvas_menu_adds_a_hidden_layer_before_the_output(view, session):
    action(view.menus.canvas_menu(), "add_hidden_layer").trigger()
    assert len(session.network.sizes) == 5 and session.network.sizes[-1] == 1
    assert counts(view) == expected_counts(session.network.sizes)


def test_limits_and_refusals_show_a_message_and_change_nothing(qtbot):
    s = make_session((2, MAX_NEURONS, 1), ["relu", "sigmoid"])
    v = NetworkView(s)
    qtbot.addWidget(v)
    qtbot.__dict__.setdefault("_kept_views", []).append(v)  # see shown_view
    got = messages(s)
    before = counts(v)
    assert v.edits.add_neuron(1) is False
    assert s.network.sizes == [2, MAX_NEURONS, 1] and counts(v) == before
    assert got and str(MAX_NEURONS) in got[-1]
    assert s.undo_stack.count() == 0

    deep = make_session([2] + [1] * MAX_HIDDEN_LAYERS + [1], ["tanh"] * MAX_HIDDEN_LAYERS + ["sigmoid"])
    dv = NetworkView(deep)
    qtbot.addWidget(dv)
    qtbot.__dict__.setdefault("_kept_views", []).append(dv)  # see shown_view
    got = messages(deep)
    action(dv.menus.layer_menu(1), "insert_after").trigger()
    assert len(deep.network.sizes) == MAX_HIDDEN_LAYERS + 2
    assert got and str(MAX_HIDDEN_LAYERS) in got[-1]
    # The last neuron of a layer cannot go (the layer can), and input/output sizes follow the data.
    assert dv.menus.remove_neuron(1) is False and "at least one neuron" in got[-1]
    assert dv.edits.add_neuron(0) is False and deep.network.sizes[0] == 2
    assert deep.undo_stack.count() == 0


# ------------------------------------------------------------------ selection
def test_clicks_select_nodes_edges_and_nothing(view, session, qtbot):
    emitted: list = []
    view.selection_changed.connect(emitted.append)
    click(view, ("node", 1, 2))
    click(view, ("node", 0, 1))
    click(view, ("edge", 0, 0, 0))
    click(view, ("edge", 2, 1, 0))
    empty = view.mapFromScene(view.scene().content_rect.bottomRight() - QPointF(10, 10))
    QTest.mouseClick(view.viewport(), LEFT, NOMOD, empty)
    assert emitted == [("node", 1, 2), ("node", 0, 1), ("edge", 0, 0, 0), ("edge", 2, 1, 0), None]
    assert view.selection is None


def test_select_highlights_and_survives_only_valid_ids(view, session):
    emitted: list = []
    view.selection_changed.connect(emitted.append)
    view.select(("edge", 1, 2, 1))
    assert view.selection == ("edge", 1, 2, 1) and emitted[-1] == ("edge", 1, 2, 1)
    assert view.scene().edges_item.selected == view.scene().edges_item.index(1, 2, 1)
    view.select(("node", 1, 2))
    click(view, ("header", 1, "-"))  # removes the selected neuron (l=1, j=2)
    assert session.network.sizes == [2, 2, 2, 1]
    assert view.selection is None and emitted[-1] is None
    view.select(("node", 9, 0))  # not in the network
    assert view.selection is None


def test_keys_delete_plus_minus_and_fit(view, session):
    view.select(("node", 1, 0))
    w_row_1 = session.network.weights[1][1].copy()
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert session.network.sizes == [2, 2, 2, 1]
    np.testing.assert_array_equal(session.network.weights[1][0], w_row_1)  # neuron 0 went, neuron 1 moved up
    view.select(("node", 2, 1))
    QTest.keyClick(view, Qt.Key.Key_Plus)
    assert session.network.sizes == [2, 2, 3, 1]
    view.select(("node", 2, 0))
    QTest.keyClick(view, Qt.Key.Key_Minus)
    assert session.network.sizes == [2, 2, 2, 1]
    view.zoom_in()
    view.zoom_in()
    zoomed = view.transform().m11()
    QTest.keyClick(view, Qt.Key.Key_F)
    assert view.transform().m11() < zoomed
    centre = view.mapFromScene(view.scene().content_rect.center())
    assert abs(centre.x() - view.viewport().width() / 2) <= 2


def test_wheel_zooms_around_the_cursor(view):
    pos = view.view_pos_of(("node", 2, 0))
    scene_before = view.mapToScene(pos)
    s = view.transform().m11()
    wheel(view, pos, 240)
    assert view.transform().m11() == pytest.approx(s * 1.2**2)
    after = view.mapToScene(pos)
    assert abs(after.x() - scene_before.x()) < 2 and abs(after.y() - scene_before.y()) < 2


# ------------------------------------------------------------------ editing numbers
def test_double_click_edits_a_weight_with_full_precision(view, session):
    session.network.weights[0][1, 2] = 0.1 + 0.2  # 0.30000000000000004
    session.values_changed.emit()
    QTest.mouseDClick(view.viewport(), LEFT, NOMOD, view.view_pos_of(("edge", 0, 1, 2)))
    editor = view.inline.editor
    assert editor is not None and editor.isVisible()
    assert editor.text() == repr(0.1 + 0.2)
    editor.setText("-1.25")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert session.network.weights[0][1, 2] == -1.25
    assert view.inline.editor is None
    assert session.undo_stack.count() == 1
    assert view.scene().edge_label(0, 1, 2) == "-1.25"
    session.undo_stack.undo()
    assert session.network.weights[0][1, 2] == 0.1 + 0.2


@pytest.mark.parametrize("text", ["abc", "nan", "inf", "1e999", ""])
def test_bad_numbers_are_refused_and_the_editor_stays_open(view, session, text):
    got = messages(session)
    before = [w.copy() for w in session.network.weights]
    assert view.inline.edit_value(("edge", 1, 0, 1))
    view.inline.editor.setText(text)
    QTest.keyClick(view.inline.editor, Qt.Key.Key_Return)
    # The same sentence as every other number field (gui.validation), and the value in use is back.
    assert got[-1].startswith(f"'{text}' is not a ") and got[-1].endswith("; nothing was changed.")
    assert float(view.inline.editor.text()) == before[1][0, 1]
    assert view.inline.editor is not None and view.inline.editor.isVisible()
    assert "d62728" in view.inline.editor.styleSheet() and view.inline.editor.toolTip() == got[-1]
    for a, b in zip(before, session.network.weights, strict=True):
        np.testing.assert_array_equal(a, b)
    assert session.undo_stack.count() == 0
    QTest.keyClick(view.inline.editor, Qt.Key.Key_Escape)
    assert view.inline.editor is None and session.undo_stack.count() == 0


def test_bias_is_edited_on_nodes_but_inputs_have_none(view, session):
    QTest.mouseDClick(view.viewport(), LEFT, NOMOD, view.view_pos_of(("node", 0, 0)))
    assert view.inline.editor is None
    QTest.mouseDClick(view.viewport(), LEFT, NOMOD, view.view_pos_of(("node", 2, 1)))
    assert view.inline.editor is not None and view.inline.editor.text() == repr(float(session.network.biases[1][1]))
    view.inline.editor.setText("0,5")  # a decimal comma, as every number field accepts
    QTest.keyClick(view.inline.editor, Qt.Key.Key_Enter)
    assert session.network.biases[1][1] == 0.5
    action(view.menus.node_menu(2, 0), "edit_bias").trigger()
    assert view.inline.editor is not None and view.inline.editor.text() == repr(float(session.network.biases[1][0]))
    QTest.keyClick(view.inline.editor, Qt.Key.Key_Escape)
    assert view.inline.editor is None and session.undo_stack.count() == 1


def test_shift_wheel_nudges_merge_into_one_undo_step(view, session):
    w0 = float(session.network.weights[2][1, 0])
    view.select(("edge", 2, 1, 0))
    pos = view.view_pos_of(("edge", 2, 1, 0))
    s = view.transform().m11()
    expected = w0
    for _ in range(3):
        wheel(view, pos, 120, Qt.KeyboardModifier.ShiftModifier)
        expected += max(abs(expected) * 0.01, 0.01)
    assert view.transform().m11() == s  # nudging, not zooming
    assert session.network.weights[2][1, 0] == pytest.approx(expected)
    wheel(view, pos, -120, Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier)
    expected -= max(abs(expected) * 0.01, 0.01) * 10
    assert session.network.weights[2][1, 0] == pytest.approx(expected)
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert session.network.weights[2][1, 0] == w0


def test_alt_drag_nudges_a_bias_as_one_undo_step(view, session):
    b0 = float(session.network.biases[0][1])
    pos = view.view_pos_of(("node", 1, 1))
    QTest.mousePress(view.viewport(), LEFT, Qt.KeyboardModifier.AltModifier, pos)
    QTest.mouseMove(view.viewport(), pos - QPoint(0, 10))
    QTest.mouseMove(view.viewport(), pos - QPoint(0, 20))
    QTest.mouseRelease(view.viewport(), LEFT, Qt.KeyboardModifier.AltModifier, pos - QPoint(0, 20))
    assert view.selection == ("node", 1, 1)
    assert session.network.biases[0][1] > b0
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert session.network.biases[0][1] == b0


# ------------------------------------------------------------------ values
def test_refresh_keeps_items_and_shows_the_phase(view, session):
    sc = view.scene()
    items = dict(sc.node_items)
    edges = sc.edges_item
    assert sc.node_main[3][0] != "—"  # the live forward pass is complete
    assert session.step_forward()  # forward 1
    assert sc.node_items == items and all(sc.node_items[k] is items[k] for k in items)
    assert sc.edges_item is edges
    assert sc.node_main[1][0] != "—" and sc.node_main[2] == ["—", "—"] and sc.node_main[3] == ["—"]
    assert sc.active_nodes == {(1, 0), (1, 1), (1, 2)}
    a = session.view().a[1][0]
    assert sc.node_main[1] == [fmt(x, 4) for x in a]
    assert sc.node_sub[1][0] == "z = " + fmt(session.view().z[1][0, 0], 4)
    # Fill colours follow the palette on the layer's own symmetric scale.
    idx = int(sc.node_fill[1][0])
    expected = colour(float(a[0]), symmetric_scale(a))
    assert (int(LUT[idx][0]), int(LUT[idx][1]), int(LUT[idx][2])) == (expected.red(), expected.green(), expected.blue())
    view.set_precision(2)
    assert sc.node_main[1] == [fmt(x, 2) for x in a]


def test_backward_view_shows_nothing_before_it_is_computed(view, session):
    view.set_view_mode("backward")
    sc = view.scene()
    assert all(t == "—" for layer in sc.node_main for t in layer)
    assert all(sc.edge_label(*sc.edges_item.edge(e)) == "" for e in range(sc.edges_item.count))
    for _ in range(4):  # forward 1..3, loss
        session.step_forward()
    assert sc.node_main[3] == ["—"]  # δ of the output comes with the delta phase
    session.step_forward()  # delta 3
    v = session.view()
    assert sc.node_main[3] == [fmt(v.delta[3][0, 0], 4)] and sc.active_nodes == {(3, 0)}
    assert sc.node_main[2] == ["—", "—"]
    session.step_forward()  # gradient 3
    assert sc.edge_label(2, 1, 0) == fmt(session.view().dW[2][1, 0], 4)
    assert sc.edge_label(0, 0, 0) == ""
    active = sc.edges_item.active
    assert len(active) == 2  # the edges into the output
    session.finish_step()  # ... update: labels show Δw
    v = session.view()
    assert v.phase.kind == "update"
    assert sc.edge_label(0, 1, 1) == fmt(v.change_W[0][1, 1], 4)
    labels = [t for layer in sc.node_main + sc.node_sub for t in layer]
    assert not any("nan" in t.lower() for t in labels)


def test_detailed_half_layer_shows_dashes_not_nan(view, session):
    session.set_detailed(True)
    session.step_forward()  # forward 1.0: only node 0 of layer 1 is done
    sc = view.scene()
    assert sc.node_main[1][0] != "—" and sc.node_main[1][1:] == ["—", "—"]
    assert sc.node_sub[1][1] == ""
    assert sc.active_nodes == {(1, 0)}
    assert len(sc.edges_item.active) == 2  # the two edges into node (1, 0)


def test_large_networks_label_only_the_selected_edge(qtbot):
    s = make_session((2, 16, 16, 1), ["relu", "relu", "sigmoid"])
    v = NetworkView(s)
    qtbot.addWidget(v)
    qtbot.__dict__.setdefault("_kept_views", []).append(v)  # see shown_view
    sc = v.scene()
    assert sc.edges_item.count > EDGE_LABEL_LIMIT
    assert all(t == "" for t in sc.edges_item.labels)
    v.select(("edge", 1, 3, 4))
    assert sc.edge_label(1, 3, 4) == fmt(s.network.weights[1][3, 4], 4)
    assert sum(bool(t) for t in sc.edges_item.labels) == 1


def test_colour_indices_match_the_palette():
    values = np.array([-2.0, -0.3, 0.0, 0.7, 2.0, np.nan])
    idx = colour_indices(values, 2.0)
    for v, i in zip(values[:-1], idx[:-1], strict=True):
        c = colour(float(v), 2.0)
        assert tuple(int(x) for x in LUT[i][:3]) == (c.red(), c.green(), c.blue())
    assert idx[-1] == 256 and math.isnan(values[-1])


# ------------------------------------------------------------------ drawing
def test_grab_is_not_blank_and_shows_palette_colours(view, session):
    session.set_scope(3)  # x = (1, 1): every layer has non-zero values
    image = view.grab().toImage()
    assert image.width() > 100
    pixels = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    assert len(pixels) > 50
    # The positive input nodes are filled with the palette's strongest orange.
    centre = image.pixelColor(view.view_pos_of(("node", 0, 0)) + QPoint(0, 15))
    assert (centre.red(), centre.green(), centre.blue()) == tuple(int(x) for x in LUT[255][:3])


def test_render_to_png_and_svg(view, tmp_path):
    png, svg = tmp_path / "net.png", tmp_path / "net.svg"
    assert view.render_to_image(png)
    assert view.render_to_image(svg)
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    assert not image.isNull() and image.width() > 500
    assert len({image.pixel(x, image.height() // 2) for x in range(image.width())}) > 10
    text = svg.read_text()
    assert "<svg" in text and "Hidden 1" in text


def test_thumbnails_draw_each_neurons_map(view, session):
    above = int(0.6 * view.scene().geo.radius * view.transform().m11())
    pos = view.view_pos_of(("node", 1, 0)) - QPoint(0, above)  # inside the circle, above the text
    plain = view.grab().toImage().pixelColor(pos)
    blue_map = np.full((20, 20), -1.0, dtype=np.float32)
    view.set_node_maps({(1, j): blue_map for j in range(3)})
    assert view.grab().toImage().pixelColor(pos) == plain  # thumbnails off
    view.set_thumbnails(True)
    assert view.thumbnails
    drawn = view.grab().toImage().pixelColor(pos)
    assert (drawn.red(), drawn.green(), drawn.blue()) == tuple(int(x) for x in LUT[0][:3])
    assert set(view.scene().map_images) == {(1, 0), (1, 1), (1, 2)}


def test_playing_turns_antialiasing_off(view):
    view.set_playing(True)
    assert not view.renderHints() & QPainter.RenderHint.Antialiasing
    view.set_playing(False)
    assert view.renderHints() & QPainter.RenderHint.Antialiasing


def test_view_mode_is_checked(view):
    with pytest.raises(ValueError):
        view.set_view_mode("sideways")


# ------------------------------------------------------------------ layout at every scale
def drawn_texts(view: NetworkView, monkeypatch) -> list[tuple[str, int, QRectF]]:  # noqa: ANN001
    """Every text one paint of ``view`` draws: (text, pixel size, rectangle in the view's pixels)."""
    got: list[tuple[str, int, QRectF]] = []
    real = network_items.draw_text  # the items look it up there

    def record(painter, ink, at, text, size, **kw):  # noqa: ANN001, ANN202
        rect = real(painter, ink, at, text, size, **kw)
        font, *_ = scene_text._text_layout(
            painter,
            ink,
            text,
            size,
            kw.get("bold", False),
            kw.get("min_px", 10),
            kw.get("max_px", 22),
            kw.get("fit_width"),
        )
        got.append((text, font.pixelSize(), painter.worldTransform().mapRect(rect)))
        return rect

    monkeypatch.setattr(network_items, "draw_text", record)
    view.viewport().grab()
    monkeypatch.setattr(network_items, "draw_text", real)
    return got


def overlaps(texts: list[tuple[str, int, QRectF]], slack: float = 2.0) -> list[tuple[str, str]]:
    """Pairs of drawn texts whose rectangles overlap by more than ``slack`` pixels each way."""
    out = []
    for a in range(len(texts)):
        for b in range(a + 1, len(texts)):
            both = texts[a][2].intersected(texts[b][2])
            if both.width() > slack and both.height() > slack:
                out.append((texts[a][0], texts[b][0]))
    return out


def texts_on_circles(view: NetworkView, texts: list[tuple[str, int, QRectF]]) -> list[tuple[str, tuple]]:
    """Texts other than a node's own number that cover part of a node's circle."""
    sc = view.scene()
    r = sc.geo.radius * view.transform().m11() - 1.0
    out = []
    for node, item in sc.node_items.items():
        c = QPointF(view.mapFromScene(item.pos()))
        for text, _px, rect in texts:
            if (rect.center() - c).manhattanLength() < 3:
                continue  # the number inside this node
            dx = max(rect.left() - c.x(), 0.0, c.x() - rect.right())
            dy = max(rect.top() - c.y(), 0.0, c.y() - rect.bottom())
            if dx * dx + dy * dy < r * r:
                out.append((text, node))
    return out


def shown_view(qtbot, sizes, width: int, height: int, scale: float = 1.0) -> NetworkView:  # noqa: ANN001
    s = make_session(sizes)
    v = NetworkView(s)
    qtbot.addWidget(v)
    # qtbot holds widgets weakly: without a strong reference until its teardown closes the view, the garbage
    # collector may delete this parentless view in the middle of the paint that follows the test.
    qtbot.__dict__.setdefault("_kept_views", []).append(v)
    v.resize(width, height)
    v.show()
    qtbot.waitExposed(v)
    v.set_text_scale(scale, 1.0 + (scale - 1.0) * 0.6)
    v.fit()
    return v


@pytest.fixture
def reset_scale():
    # Scales live in each view's own ViewSettings now: nothing global to reset.
    yield


def test_layout_at_100_percent_is_the_old_one_for_large_networks():
    g, ns = network_layout.geometry(1.0, [2, 8, 1]), network_layout
    assert (g.radius, g.layer_gap, g.node_gap) == (ns.RADIUS, ns.LAYER_GAP, ns.NODE_GAP)
    assert (g.header_w, g.header_h, g.button_r) == (ns.HEADER_W, ns.HEADER_H, ns.BUTTON_R)
    # Small networks: larger nodes and labels, layers a little closer, the room under a node kept.
    small = network_layout.geometry(1.0, [2, 4, 1])
    assert small.radius == network_layout.RADIUS * network_layout.SMALL_NET_NODES
    assert small.label_text > g.label_text and small.layer_gap < g.layer_gap
    assert small.node_gap >= 2 * small.radius + 34


@pytest.mark.parametrize("k", [1.5, 1.75, 2.0, 2.5])
def test_presentation_geometry_grows_with_the_text_but_the_gaps_more_slowly(k):
    base, g = network_layout.geometry(1.0, [2, 8, 1]), network_layout.geometry(k, [2, 8, 1])
    assert g.radius == pytest.approx(base.radius * k)  # the number inside keeps its room
    assert g.header_h > base.header_h and g.button_r == pytest.approx(base.button_r * k)
    assert g.layer_gap / base.layer_gap < k  # more compact relative to the text: a fitted view magnifies it
    assert g.node_gap >= 2 * g.radius + 28 * k  # "z = …" under each circle
    assert g.layer_gap - g.header_w >= 50  # headers never touch


def test_small_network_numbers_are_legible_in_the_default_window(qtbot, monkeypatch):
    # 843 × 698 px: the network's share of the default 1600 × 1000 window.
    v = shown_view(qtbot, (2, 2, 1), 843, 698)
    v.session.step_forward()
    texts = drawn_texts(v, monkeypatch)
    sc = v.scene()
    numbers = [px for text, px, _ in texts if any(text in row for row in sc.node_main)]
    weights = [px for text, px, _ in texts if text in sc.edges_item.labels]
    assert numbers and min(numbers) >= 14
    assert weights and min(weights) >= 13
    assert overlaps(texts) == [] and texts_on_circles(v, texts) == []


@pytest.mark.parametrize("k", [1.5, 1.75, 2.0, 2.5])
def test_presentation_numbers_grow_without_overlapping(qtbot, monkeypatch, reset_scale, k):
    # 1040 × 530 px: the network's share of a 1600 × 1000 window in presentation mode.
    v = shown_view(qtbot, (2, 2, 1), 1040, 530, k)
    v.session.step_forward()
    texts = drawn_texts(v, monkeypatch)
    sc = v.scene()
    assert sc.geo.radius >= network_layout.RADIUS * k  # the geometry followed the scale
    numbers = [px for text, px, _ in texts if any(text in row for row in sc.node_main)]
    weights = [px for text, px, _ in texts if text in sc.edges_item.labels]
    assert min(numbers) >= min(9.0 * k, 20) and min(weights) >= 10 * k - 1
    assert overlaps(texts) == [] and texts_on_circles(v, texts) == []
    inside = QRectF(v.viewport().rect())
    assert all(inside.contains(rect) for _, _, rect in texts)


@pytest.mark.parametrize(
    ("sizes", "k", "spread"),
    [
        ((2, 4, 1), 2.0, True),
        ((2, 4, 1), 2.5, True),
        ((2, 6, 1), 2.0, True),
        ((2, 3, 1), 2.5, True),
        ((2, 2, 2, 1), 2.5, False),
        ((2, 3, 2, 1), 2.0, False),
    ],
)
def test_larger_networks_in_presentation_do_not_overlap(qtbot, monkeypatch, reset_scale, sizes, k, spread):
    v = shown_view(qtbot, sizes, 1040, 530, k)
    v.session.step_forward()
    sc = v.scene()
    # A network taller than the view is wide spreads its layers out.
    assert (sc.geo.layer_gap > network_layout.geometry(k, sizes).layer_gap) == spread
    texts = drawn_texts(v, monkeypatch)
    assert overlaps(texts) == [] and texts_on_circles(v, texts) == []
    inside = QRectF(v.viewport().rect())
    assert all(inside.contains(rect) for _, _, rect in texts)


def test_scale_change_keeps_the_selected_edge_and_header_buttons_work(qtbot, session, reset_scale):
    v = shown_view(qtbot, (2, 3, 2, 1), 1040, 530)
    v.select(("edge", 1, 2, 0))
    v.set_text_scale(2.0)
    v.fit()
    edges = v.scene().edges_item
    assert edges.selected == edges.index(1, 2, 0)  # still highlighted after the rebuild
    v.viewport().grab()  # the header lays itself out when painted
    click(v, ("header", 1, "+"))
    assert v.session.network.sizes == [2, 4, 2, 1]
    assert v.hit_at(QPointF(v.view_pos_of(("node", 1, 3)))) == ("node", 1, 3)
