"""The network editor: a QGraphicsView over :class:`NetworkScene` that turns gestures into undo commands.

Public API used by the main window::

    view = NetworkView(session, view_settings, selection, parent)   # the window's one of each
    view.selection_changed            # NodeId / WeightId (== ("node", l, j), ("edge", k, i, j)) or None
    view.select(sel); view.selection  # both go through the window's SelectionModel
    view.set_view_mode(...); view.set_precision(n); view.set_text_scale(f[, lines])   # write the ViewSettings
    view.set_thumbnails(on); view.set_node_maps({(l, j): 2-D map})
    view.set_playing(on); view.fit(); view.zoom_in(); view.zoom_out()
    view.visible_text()               # the strings drawn right now (also the accessible description)
    view.render_to_image(path)        # PNG (or SVG by suffix) of the whole network
    view.edits                        # NetworkEdits: add_neuron(l), insert_layer(l), add_hidden_layer(), ...
    view.menus                        # NetworkMenus: layer_menu(l), node_menu(l, j), edge_menu(k, i, j), canvas_menu()
    view.inline                       # InlineEditor: edit_value(sel), editor, nudge(sel, steps), close()

The view subscribes in its constructor to the session (structure and values),
the view settings (numbers, appearance) and the selection model.

Gestures: click selects; drag on empty space pans; wheel zooms around the
cursor; double-click edits a weight or bias in place; Shift+wheel over the
selection, or Alt+vertical drag, nudges it (consecutive nudges are one undo
step); the layer headers' "+"/"−" buttons, header/node/canvas menus and the
keys Delete, +, - and F edit the structure.  Every edit is an undo command;
refusals are reported by ``session.message``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QMenu, QWidget

from gui.canvas.inline_editor import InlineEditor, parameter_key
from gui.canvas.network_menus import NetworkEdits, NetworkMenus
from gui.canvas.network_scene import NetworkScene, Selection
from gui.safety import total
from gui.selection import SelectionModel
from gui.session import Session
from gui.view_settings import ViewSettings

MIN_SCALE, MAX_SCALE = 0.05, 6.0
MAX_FIT_SCALE = 2.5  # fill the view (legible from the back row) but do not blow a tiny net up absurdly
HIT_TOLERANCE_PX = 5.0
NUDGE_DRAG_PX = 4.0  # vertical pixels per nudge step with Alt held


class NetworkView(QGraphicsView):
    """Shows and edits the session's network.

    Composed of ``edits`` (:class:`~gui.canvas.network_menus.NetworkEdits`, structure edits), ``menus``
    (:class:`~gui.canvas.network_menus.NetworkMenus`) and ``inline`` (:class:`~gui.canvas.inline_editor.InlineEditor`,
    nudging and the in-place value editor).
    """

    selection_changed = Signal(object)

    def __init__(
        self,
        session: Session,
        settings: ViewSettings | None = None,
        selection: SelectionModel | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings if settings is not None else ViewSettings(parent=self)
        self.selection_model = selection if selection is not None else SelectionModel(session, self)
        self._scene = NetworkScene(session, self.settings, self.selection_model, self)
        self.setScene(self._scene)
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)  # wheel zoom anchors itself
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(200, 150)
        self.edits = NetworkEdits(session)
        self.inline = InlineEditor(self, session)
        self.menus = NetworkMenus(self, session, self.edits, self.inline)
        self._press: QPointF | None = None  # a press on empty space: a click if it doesn't move
        self._drag_nudge: tuple[float, int] | None = None  # (start y, steps done) of an Alt+drag
        self._wheel_rest = 0.0
        self._auto_fit = True  # until the user zooms or pans, follow the window size
        self._playing = False
        self.setAccessibleName(self.tr("Network"))
        self._describe_timer = QTimer(self)
        self._describe_timer.setSingleShot(True)
        self._describe_timer.setInterval(0)
        self._describe_timer.timeout.connect(self._update_description)
        session.values_changed.connect(self.refresh)
        session.structure_changed.connect(self.rebuild)
        self.settings.changed.connect(self.refresh)
        self.settings.appearance_changed.connect(self._on_settings_appearance_changed)
        self.selection_model.changed.connect(self._on_selection_changed)
        self.selection_model.sample_changed.connect(self.refresh)
        self._describe()

    @total(QSize)
    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(760, 480)

    # ---------------------------------------------------------- public API
    @property
    def selection(self) -> Selection:
        return self.selection_model.current

    def select(self, sel: Selection) -> None:
        """Select a node or edge (or nothing; anything not in the network is nothing) and announce it."""
        if not self.selection_model.select(sel):
            self.selection_model.select(None)

    def _on_selection_changed(self) -> None:
        self._scene.selection_changed()
        self._describe()
        self.selection_changed.emit(self.selection_model.current)

    def set_view_mode(self, mode: str) -> None:
        self.settings.set_view_mode(mode)

    @property
    def view_mode(self) -> str:
        return self.settings.view_mode

    def set_precision(self, n: int) -> None:
        self.settings.set_precision(n)

    def set_thumbnails(self, on: bool) -> None:
        self._scene.set_thumbnails(on)

    @property
    def thumbnails(self) -> bool:
        """Whether hidden neurons show their maps (the caller then keeps set_node_maps fed)."""
        return self._scene.thumbnails

    def set_node_maps(self, maps: dict) -> None:
        self._scene.set_node_maps(maps)

    def set_text_scale(self, factor: float, lines: float | None = None) -> None:
        """Presentation mode: on-screen text × ``factor`` and pen widths × ``lines`` (default: the same).

        The layout follows (see network_scene.geometry): nodes and headers grow with the text, the gaps
        between layers more slowly, so fit() shows the numbers larger.
        """
        self.settings.set_scales(factor, lines)

    def _on_settings_appearance_changed(self) -> None:
        self.inline.close()
        self._scene.appearance_changed()  # new ink and layout; the edges' pens are cached per item
        self._describe()
        if self._auto_fit:
            self.fit()

    def set_playing(self, on: bool) -> None:
        # Antialiasing costs 4-7x in software rendering: off while frames must be fast.
        self.setRenderHint(QPainter.RenderHint.Antialiasing, not on)
        self._playing = bool(on)
        self._describe()

    def refresh(self) -> None:
        """Re-read values (session.values_changed, view settings); items are kept."""
        self._scene.refresh()
        self._describe()
        if self._auto_fit and not self._playing and self.isVisible():
            self._keep_text_in_view()

    def _keep_text_in_view(self) -> None:
        """Refit when new text (the loss beside the output, a badge) would stick out of the fitted view."""
        up, right, down = self._scene.overflow(self.transform().m11())
        needed = self._scene.content_rect.adjusted(0, -up, right, down)
        shown = self.mapToScene(self.viewport().rect()).boundingRect()
        if not shown.adjusted(-1, -1, 1, 1).contains(needed):
            self.fit()

    def visible_text(self) -> list[str]:
        """The strings the canvas draws right now: headers, node values, badges, edge labels, the caption.

        Decided by the same item methods ``paint()`` calls, at the view's current zoom.
        """
        return self._scene.visible_text(abs(self.transform().m11()) or 1.0)

    def _describe(self) -> None:
        """Screen readers get the canvas's text as the view's accessible description: updated from the event
        loop once the burst of changes is over (never from inside a signal that may be tearing things down),
        and not while playing (it would change every frame)."""
        if not self._playing:
            self._describe_timer.start()

    def _update_description(self) -> None:
        if not self._playing:
            self.setAccessibleDescription("\n".join(self.visible_text()))

    def retranslate(self) -> None:
        """The language changed: the headers and caption are drawn from strings made in refresh()."""
        self._scene.refresh()

    def rebuild(self) -> None:
        """Recreate items (session.structure_changed); refit if the layout changed."""
        old_sizes = list(self._scene.sizes)
        self.inline.close()
        self._scene.rebuild()
        if not self._scene.valid(self.selection):
            self.select(None)
        if self._scene.sizes != old_sizes:
            self.fit()
        self._describe()

    def fit(self) -> None:
        """Show the whole network (not magnified beyond MAX_FIT_SCALE), its clamped-up text included."""
        size = self.viewport().size()
        if size.height() > 0 and self._scene.set_view_aspect(size.width() / size.height()):
            self.inline.close()  # the layout moved under it
        rect = self._scene.content_rect
        if rect.isEmpty():
            return
        for _ in range(3):  # text clamped up to a legible size in a small view needs more room: fit that too
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
            if self.transform().m11() > MAX_FIT_SCALE:
                self.resetTransform()
                self.scale(MAX_FIT_SCALE, MAX_FIT_SCALE)
            up, right, down = self._scene.overflow(self.transform().m11())
            if max(up, right, down) < 1:
                break
            rect = self._scene.content_rect.adjusted(0, -up, right, down)
        self.centerOn(rect.center())
        self._auto_fit = True

    def zoom_in(self) -> None:
        self._zoom(1.25, None)

    def zoom_out(self) -> None:
        self._zoom(1 / 1.25, None)

    def render_to_image(self, path: str | Path, scale: float = 2.0) -> bool:
        """Render the whole network to ``path``: SVG if it ends in .svg, else a bitmap (PNG)."""
        path = str(path)
        source = self._scene.content_rect
        if path.lower().endswith(".svg"):
            from PySide6.QtSvg import QSvgGenerator

            gen = QSvgGenerator()
            gen.setFileName(path)
            gen.setSize(source.size().toSize())
            gen.setViewBox(QRectF(0, 0, source.width(), source.height()))
            gen.setTitle(self.tr("Network"))
            painter = QPainter(gen)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            with self._scene.exporting():
                self._scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
            return painter.end()
        image = QImage((source.size() * scale).toSize(), QImage.Format.Format_ARGB32)
        image.fill(QColor(255, 255, 255))
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        with self._scene.exporting():
            self._scene.render(painter, QRectF(image.rect()), source)
        painter.end()
        return image.save(path)

    # ------------------------------------------------------------ geometry
    def _scene_point(self, pos: QPointF) -> QPointF:
        return self.mapToScene(pos.toPoint())

    def hit_at(self, pos: QPointF) -> tuple | None:
        """What is under viewport position ``pos`` (see NetworkScene.hit)."""
        tol = HIT_TOLERANCE_PX / max(self.transform().m11(), 1e-9)
        return self._scene.hit(self._scene_point(pos), tol)

    def view_pos_of(self, sel: tuple) -> QPoint:
        """Viewport position of a node's centre, a point on an edge, or a header part ("header", l, "+").

        The edge point is 60 % of the way along, clear of the labels near the 1/3 point.
        """
        sc = self._scene
        if sel[0] == "node":
            p = sc.node_pos(sel[1], sel[2])
        elif sel[0] == "edge":
            k, i, j = sel[1:]
            a, b = sc.node_pos(k, i), sc.node_pos(k + 1, j)
            p = a + (b - a) * 0.6
        else:
            header = sc.header_items[sel[1]]
            p = header.pos() + (header.button_centre(sel[2]) if sel[2] in "+-" else QPointF(0, 10))
        return self.mapFromScene(p)

    def _zoom(self, factor: float, pos: QPointF | None) -> None:
        current = self.transform().m11()
        factor = min(max(current * factor, MIN_SCALE), MAX_SCALE) / current
        if pos is None:
            pos = QPointF(self.viewport().rect().center())
        before = self._scene_point(pos)
        self.scale(factor, factor)
        after = self._scene_point(pos)
        self.translate(after.x() - before.x(), after.y() - before.y())
        self._auto_fit = False

    # --------------------------------------------------------------- mouse
    @total
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self.inline.close()
        self._press = None
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        hit = self.hit_at(event.position())
        if hit is None:
            self._press = event.position()
            self._auto_fit = False
            super().mousePressEvent(event)  # ScrollHandDrag pans
            return
        event.accept()
        if hit[0] == "header":
            l, part = hit[1], hit[2]
            if part == "+":
                self.edits.add_neuron(l)
            elif part == "-":
                self.menus.remove_neuron(l)
            else:
                self._exec_menu(self.menus.layer_menu(l), event.globalPosition().toPoint())
            return
        self.select(hit)
        if event.modifiers() & Qt.KeyboardModifier.AltModifier and parameter_key(hit) is not None:
            self._drag_nudge = (event.position().y(), 0)

    @total
    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self._drag_nudge is not None:
            start, done = self._drag_nudge
            steps = int((start - event.position().y()) / NUDGE_DRAG_PX)  # up = larger
            if steps != done and self.selection is not None:
                coarse = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
                self.inline.nudge(self.selection, steps - done, coarse)
                self._drag_nudge = (start, steps)
            event.accept()
            return
        super().mouseMoveEvent(event)

    @total
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self._drag_nudge is not None:
            self._drag_nudge = None
            event.accept()
            return
        press, self._press = self._press, None
        super().mouseReleaseEvent(event)
        if press is not None and (event.position() - press).manhattanLength() < 4:
            self.select(None)  # a click, not a pan, on empty space

    @total
    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        hit = self.hit_at(event.position())
        if hit is not None and hit[0] in ("node", "edge"):
            event.accept()
            self.inline.edit_value(hit)
            return
        super().mouseDoubleClickEvent(event)

    @total
    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        delta = event.angleDelta().y() or event.angleDelta().x()  # Shift turns the wheel sideways on some systems
        event.accept()
        if not delta:
            return
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if shift and self.selection is not None and self.hit_at(event.position()) == self.selection:
            self._wheel_rest += delta / 120.0
            steps = int(self._wheel_rest)
            if steps:
                self._wheel_rest -= steps
                coarse = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
                self.inline.nudge(self.selection, steps, coarse)
            return
        self._zoom(1.2 ** (delta / 120.0), event.position())

    @total
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt's name
        self.inline.close()
        hit = self.hit_at(QPointF(event.pos()))
        if hit is None:
            menu = self.menus.canvas_menu()
        elif hit[0] == "header":
            menu = self.menus.layer_menu(hit[1])
        elif hit[0] == "node":
            self.select(hit)
            menu = self.menus.node_menu(hit[1], hit[2])
        else:
            self.select(hit)
            menu = self.menus.edge_menu(*hit[1:])
        self._exec_menu(menu, event.globalPos())

    def _exec_menu(self, menu: QMenu, at: QPoint) -> None:
        menu.exec(at)
        menu.deleteLater()

    @total
    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        super().showEvent(event)
        if self._auto_fit:
            self.fit()

    @total
    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        super().resizeEvent(event)
        if self._auto_fit:
            self.fit()

    # ---------------------------------------------------------------- keys
    @total
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        sel = self.selection
        key, text = event.key(), event.text()
        node = sel if sel is not None and sel[0] == "node" else None
        if key == Qt.Key.Key_F and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.fit()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and node is not None:
            self.menus.remove_neuron(node[1], node[2])
        elif (text == "+" or key == Qt.Key.Key_Plus) and node is not None:
            self.edits.add_neuron(node[1])
        elif (text == "-" or key == Qt.Key.Key_Minus) and node is not None:
            self.menus.remove_neuron(node[1], node[2])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2) and sel is not None:
            self.inline.edit_value(sel)
        else:
            super().keyPressEvent(event)
            return
        event.accept()
