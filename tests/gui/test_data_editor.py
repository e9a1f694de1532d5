"""The data editor: sources, generator controls, cell and row edits, plot clicks, CSV, undo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QSettings, QStandardPaths, Qt, QTranslator
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox

import model
from model import datasets, presets

IRIS = Path(__file__).resolve().parents[2] / "resources" / "data" / "iris.csv"
XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])


class Dialogs:
    """Records every dialog the editor opens and gives scripted answers; nothing modal ever blocks."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []
        self.open_path = ""
        self.save_path = ""
        self.outputs = (1, True)

    def of(self, kind: str) -> list[str]:
        return [text for k, text in self.calls if k == kind]


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    rec = Dialogs()

    def box(kind: str) -> Any:
        def fake(_parent: Any, _title: str, text: str = "", *args: Any, **kwargs: Any) -> Any:
            rec.calls.append((kind, str(text)))
            return QMessageBox.StandardButton.Discard if kind == "question" else QMessageBox.StandardButton.Ok

        return fake

    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, box(kind))
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (rec.calls.append(("open", "")), (rec.open_path, ""))[1]
    )
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (rec.calls.append(("save", "")), (rec.save_path, ""))[1]
    )

    def get_int(_parent: Any, _title: str, label: str, *args: Any, **kwargs: Any) -> tuple[int, bool]:
        rec.calls.append(("ask_outputs", label))
        return rec.outputs

    monkeypatch.setattr(QInputDialog, "getInt", get_int)
    return rec


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, dialogs: Dialogs) -> Iterator[Any]:
    """The xor_train window, shown and laid out, with settings in tmp_path."""
    QStandardPaths.setTestModeEnabled(True)
    old_format = QSettings.defaultFormat()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    from gui.window.main_window import MainWindow

    w = MainWindow(presets.load_preset("xor_train"))
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.data_editor._placed)
    yield w
    w.controller.pause()
    w.session.undo_stack.setClean()
    w.close()
    w.deleteLater()
    QCoreApplication.processEvents()
    QSettings.setDefaultFormat(old_format)
    QStandardPaths.setTestModeEnabled(False)


def messages(window: Any) -> list[str]:
    said: list[str] = []
    window.session.message.connect(said.append)
    return said


def column_of(window: Any, name: str) -> int:
    m = window.data_panel.model
    return [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())].index(name)


def stack(window: Any) -> QUndoStack:
    return window.session.undo_stack


# ------------------------------------------------------------------ sources
def test_truth_table_switch_changes_data_and_is_undoable(window: Any) -> None:
    ed, s = window.data_editor, window.session
    window.action("data_table_and").trigger()  # the Data menu's one-click route
    np.testing.assert_array_equal(s.dataset.X, XOR_X)
    np.testing.assert_array_equal(s.dataset.Y[:, 0], [0, 0, 0, 1])
    assert ed.source_combo.currentText() == "AND"

    ed.encoding_combo.setCurrentIndex(1)  # −1 / +1
    assert window.action("data_signed").isChecked()
    ed.use_source("table", "xnor")
    np.testing.assert_array_equal(s.dataset.X, 2 * XOR_X - 1)
    np.testing.assert_array_equal(s.dataset.Y[:, 0], [1, -1, -1, 1])
    assert [ed.class_combo.itemText(i) for i in range(ed.class_combo.count())] == ["XNOR = −1", "XNOR = 1"]

    stack(window).undo()
    np.testing.assert_array_equal(s.dataset.Y[:, 0], [0, 0, 0, 1])
    stack(window).undo()
    np.testing.assert_array_equal(s.dataset.X, XOR_X)
    np.testing.assert_array_equal(s.dataset.Y, XOR_Y)
    assert s.network.sizes == [2, 2, 1]
    stack(window).redo()
    np.testing.assert_array_equal(s.dataset.Y[:, 0], [0, 0, 0, 1])


def test_generator_controls_give_the_shapes_split_and_points_asked_for(window: Any, qtbot: Any) -> None:
    ed, s = window.data_editor, window.session
    ed.source_combo.setCurrentIndex(ed.source_combo.findData("generator:circle"))
    assert ed.n_spin.isEnabled() and ed.noise_spin.isEnabled()
    ed.n_spin.setValue(150)
    ed.noise_spin.setValue(0.2)
    ed.seed_spin.setValue(7)
    ed.train_spin.setValue(60)
    ed.validation_spin.setValue(20)
    assert ed.test_label.text() == "20 %"
    qtbot.mouseClick(ed.apply_button, Qt.MouseButton.LeftButton)

    ds = s.dataset
    assert ds.X.shape == (150, 2) and ds.Y.shape == (150, 1)
    assert [len(ds.indices(p)) for p in (model.TRAIN, model.VALIDATION, model.TEST)] == [90, 30, 30]
    expected = datasets.circle(150, 0.2, 7)
    np.testing.assert_array_equal(ds.X, expected.X)  # the same seed gives the same points
    assert window.data_panel.model.rowCount() == 150
    assert stack(window).undoText() == "use data Circle"

    # The validation share cannot push the test share below zero.
    ed.train_spin.setValue(90)
    assert ed.validation_spin.value() == 10 and ed.test_label.text() == "0 %"

    # A regression set with one input: the input layer follows, and the fit plot replaces the boundary.
    window.action("data_generate_sine").trigger()
    assert s.dataset.kind == "regression" and s.network.sizes[0] == 1
    assert not ed.encoding_combo.isEnabled()
    assert window.docks["boundary"].isHidden() and not window.docks["fit"].isHidden()
    stack(window).undo()
    assert s.network.sizes[0] == 2 and s.dataset.n == 150


def test_truth_table_disables_size_and_noise(window: Any) -> None:
    ed = window.data_editor
    ed.source_combo.setCurrentIndex(ed.source_combo.findData("table:or"))
    assert not ed.n_spin.isEnabled() and not ed.noise_spin.isEnabled() and ed.encoding_combo.isEnabled()


def test_opening_a_lesson_shows_its_data_source(window: Any) -> None:
    ed = window.data_editor
    window.load_document(presets.load_preset("and_perceptron"))
    assert ed.source() == ("table", "and") and ed.encoding_combo.currentIndex() == 0
    assert ed.class_combo.isEnabled()
    window.load_document(presets.load_preset("softmax_classifier"))  # Iris: 4 inputs, no plot to click on
    assert not ed.class_combo.isEnabled() and not ed.click_check.isEnabled()
    assert "150 samples" in ed.summary.text()


# ------------------------------------------------------------------ table edits
def test_editing_a_cell_changes_exactly_that_value(window: Any) -> None:
    s, m = window.session, window.data_panel.model
    before = s.dataset
    X_before, Y_before = before.X.copy(), before.Y.copy()
    x2 = column_of(window, "x2")
    assert m.flags(m.index(1, x2)) & Qt.ItemFlag.ItemIsEditable
    assert not m.flags(m.index(1, column_of(window, "output XOR"))) & Qt.ItemFlag.ItemIsEditable

    assert m.setData(m.index(1, x2), "0.25")
    expected = X_before.copy()
    expected[1, 1] = 0.25
    np.testing.assert_array_equal(s.dataset.X, expected)
    np.testing.assert_array_equal(s.dataset.Y, Y_before)
    np.testing.assert_array_equal(before.X, X_before)  # the old arrays were not written to
    assert m.index(1, x2).data() == "0.25"

    assert m.setData(m.index(3, column_of(window, "target XOR")), "1")
    assert s.dataset.Y[3, 0] == 1.0 and s.dataset.Y[:3, 0].tolist() == [0, 1, 1]

    assert m.setData(m.index(2, 1), model.TEST)  # the split cell
    assert s.dataset.split.tolist() == [0, 0, 2, 0]

    for _ in range(3):
        stack(window).undo()
    np.testing.assert_array_equal(s.dataset.X, X_before)
    np.testing.assert_array_equal(s.dataset.Y, Y_before)
    assert s.dataset.split.tolist() == [0, 0, 0, 0]


def test_typing_a_non_number_is_refused_with_a_message(window: Any) -> None:
    s, m = window.session, window.data_panel.model
    said = messages(window)
    data, count = s.dataset, stack(window).count()
    assert not m.setData(m.index(0, column_of(window, "x1")), "abc")
    assert len(said) == 1 and "'abc' is not a number" in said[0] and said[0].count(".") == 1
    assert s.dataset is data and stack(window).count() == count
    assert not m.setData(m.index(0, column_of(window, "x1")), "inf")
    assert s.dataset is data and stack(window).count() == count


def test_typing_into_the_table_commits_through_the_editor(window: Any, qtbot: Any) -> None:
    table, m = window.data_panel.table, window.data_panel.model
    index = m.index(2, column_of(window, "x1"))
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.findChild(QLineEdit)
    assert editor is not None and editor.text() == "1"  # starts from the full-precision value
    editor.selectAll()
    qtbot.keyClicks(editor, "-0,5")  # a decimal comma is accepted
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session.dataset.X[2, 0] == -0.5)  # the delegate commits on a queued call
    assert window.session.dataset.X[2, 1] == 0.0
    assert stack(window).undoText() == "edit an input"


def test_add_and_remove_rows_but_never_the_last(window: Any) -> None:
    ed, s, panel = window.data_editor, window.session, window.data_panel
    said = messages(window)
    panel.select_row(2)
    assert ed.add_row()
    assert s.dataset.n == 5
    np.testing.assert_array_equal(s.dataset.X[4], XOR_X[2])
    np.testing.assert_array_equal(s.dataset.Y[4], XOR_Y[2])
    assert ed.selected_rows() == [4]  # the new row is selected, ready to edit

    assert ed.remove_rows([0, 4])
    np.testing.assert_array_equal(s.dataset.X, XOR_X[1:])
    assert s.network.sizes == [2, 2, 1]

    assert not ed.remove_rows(range(s.dataset.n))
    assert s.dataset.n == 3 and said == ["At least one sample must remain; nothing was removed."]

    panel.table.selectAll()  # the Delete key's action works on the selection
    window.action("data_remove_rows").trigger()
    assert s.dataset.n == 3 and len(said) == 2

    panel.table.clearSelection()
    panel.table.selectionModel().select(
        panel.model.index(0, 0),
        panel.table.selectionModel().SelectionFlag.Select | panel.table.selectionModel().SelectionFlag.Rows,
    )
    assert ed.move_selected_rows(model.VALIDATION)
    assert s.dataset.split.tolist() == [1, 0, 0]

    for _ in range(3):
        stack(window).undo()
    np.testing.assert_array_equal(s.dataset.X, XOR_X)
    assert s.dataset.split.tolist() == [0, 0, 0, 0]


# ------------------------------------------------------------------ plot clicks
def scene_pos(window: Any, x: float, y: float) -> QPointF:
    return window.boundary_plot.plot_item.vb.mapViewToScene(QPointF(x, y))


def test_click_adds_a_point_of_the_chosen_class_and_right_click_removes_it(window: Any) -> None:
    ed, s = window.data_editor, window.session
    ed.class_combo.setCurrentIndex(1)
    assert ed.class_combo.currentText() == "XOR = 1"
    assert ed.handle_plot_click(scene_pos(window, 0.5, 0.25), Qt.MouseButton.LeftButton)
    assert s.dataset.n == 5
    np.testing.assert_allclose(s.dataset.X[4], [0.5, 0.25], atol=1e-9)
    assert s.dataset.Y[4, 0] == 1.0 and s.dataset.split[4] == model.TRAIN
    assert stack(window).undoText() == "add a point"

    ed.class_combo.setCurrentIndex(0)
    assert ed.handle_plot_click(scene_pos(window, 0.2, 0.8), Qt.MouseButton.LeftButton)
    assert s.dataset.Y[5, 0] == 0.0

    # Right-click a few pixels beside the first new point removes that one and no other.
    near = scene_pos(window, 0.5, 0.25) + QPointF(3, -2)
    assert ed.handle_plot_click(near, Qt.MouseButton.RightButton)
    assert s.dataset.n == 5
    np.testing.assert_array_equal(s.dataset.X[:4], XOR_X)
    np.testing.assert_allclose(s.dataset.X[4], [0.2, 0.8], atol=1e-9)

    # Far from every point, or outside the plotting area: nothing happens.
    count = stack(window).count()
    assert not ed.handle_plot_click(scene_pos(window, 0.5, 0.55), Qt.MouseButton.RightButton)
    axis = window.boundary_plot.plot_item.getAxis("bottom").sceneBoundingRect().center()
    assert not ed.handle_plot_click(axis, Qt.MouseButton.LeftButton)
    assert stack(window).count() == count and s.dataset.n == 5

    stack(window).undo()
    stack(window).undo()
    assert s.dataset.n == 5
    stack(window).undo()
    np.testing.assert_array_equal(s.dataset.X, XOR_X)


def test_a_real_mouse_click_on_the_plot_adds_a_point(window: Any, qtbot: Any) -> None:
    plot = window.boundary_plot
    view_pos = plot.mapFromScene(scene_pos(window, 0.75, 0.5))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(view_pos.x(), view_pos.y()))
    ds = window.session.dataset
    assert ds.n == 5
    np.testing.assert_allclose(ds.X[4], [0.75, 0.5], atol=0.02)  # within a pixel or so


def test_signed_targets_add_minus_one_points(window: Any) -> None:
    ed, s = window.data_editor, window.session
    ed.encoding_combo.setCurrentIndex(1)
    ed.use_source("table", "xor")
    ed.class_combo.setCurrentIndex(0)
    assert ed.handle_plot_click(scene_pos(window, 0.0, 0.0), Qt.MouseButton.LeftButton)
    assert s.dataset.Y[-1, 0] == -1.0


def test_plot_clicks_can_be_switched_off(window: Any) -> None:
    ed = window.data_editor
    ed.click_check.setChecked(False)
    assert not ed.handle_plot_click(scene_pos(window, 0.5, 0.5), Qt.MouseButton.LeftButton)
    assert window.session.dataset.n == 4


# ------------------------------------------------------------------ CSV
def test_csv_round_trip_through_the_dialogs(window: Any, dialogs: Dialogs, tmp_path: Path) -> None:
    ed, s = window.data_editor, window.session
    s_before = s.dataset.copy()
    dialogs.save_path = str(tmp_path / "xor")  # no suffix: .csv is added
    assert ed.export_dialog()
    assert (tmp_path / "xor.csv").read_text().splitlines()[0] == "x1,x2,XOR"

    ed.use_source("table", "and")
    dialogs.open_path = str(tmp_path / "xor.csv")
    assert ed.import_dialog()
    assert len(dialogs.of("ask_outputs")) == 1  # three columns, no one-hot: which are targets?
    ds = s.dataset
    np.testing.assert_array_equal(ds.X, s_before.X)
    np.testing.assert_array_equal(ds.Y, s_before.Y)
    assert ds.input_names == ["x1", "x2"] and ds.output_names == ["XOR"] and ds.name == "xor"
    assert not dialogs.of("warning")


def test_bad_csv_names_row_and_column_and_changes_nothing(window: Any, dialogs: Dialogs, tmp_path: Path) -> None:
    s = window.session
    bad = tmp_path / "bad.csv"
    bad.write_text("x1,x2,y\n0,0,0\n1,abc,1\n", encoding="utf-8")
    data, net, count = s.dataset, s.network.state(), stack(window).count()
    assert not window.data_editor.import_csv(bad)
    warnings = dialogs.of("warning")
    assert len(warnings) == 1 and "row 3" in warnings[0] and "'x2'" in warnings[0] and "bad.csv" in warnings[0]
    assert s.dataset is data and stack(window).count() == count
    assert s.network.state()["sizes"] == net["sizes"]


def test_iris_resizes_the_input_layer_and_undo_restores_both(window: Any, dialogs: Dialogs) -> None:
    s = window.session
    weights = [w.copy() for w in s.network.weights]
    dialogs.open_path = str(IRIS)
    assert window.data_editor.import_dialog()
    assert not dialogs.of("ask_outputs")  # the one-hot species columns say they are the targets
    assert s.dataset.X.shape == (150, 4) and s.dataset.Y.shape == (150, 3)
    assert s.network.sizes[0] == 4 and s.network.sizes[-1] == 3
    assert window.data_panel.model.columnCount() >= 2 + 4 + 3 + 3
    assert window.docks["boundary"].isHidden()  # no decision boundary for 4 inputs

    stack(window).undo()
    assert s.network.sizes == [2, 2, 1]
    for w, w0 in zip(s.network.weights, weights, strict=True):
        np.testing.assert_array_equal(w, w0)
    np.testing.assert_array_equal(s.dataset.X, XOR_X)
    stack(window).redo()
    assert s.network.sizes[0] == 4 and s.dataset.n == 150


def test_one_hot_width() -> None:
    from model.dataset_edits import one_hot_width

    table = np.array([[0.5, 1, 0, 0], [0.1, 0, 0, 1], [1.0, 0, 1, 0]])
    assert one_hot_width(table) == 3
    assert one_hot_width(np.array([[0.0, 1.0, 1.0], [1.0, 0.0, 1.0]])) == 0  # XOR-like: a single target


# ------------------------------------------------------------------ strings
def test_strings_are_translated_and_reset_on_retranslate(window: Any) -> None:
    class Marked(QTranslator):
        """Stands in for the Korean .qm: marks every string of the editor's context."""

        def translate(self, context: str, text: str, disambiguation: Any = None, n: int = -1) -> Any:
            return f"KO:{text}" if context == "DataEditor" else None

        def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
            return False

    translator = Marked()
    QCoreApplication.installTranslator(translator)
    try:
        window.retranslate()
        ed = window.data_editor
        assert ed.dock.windowTitle() == "KO:Data set"
        assert window.menus["data"].title() == "KO:&Data"
        assert ed.apply_button.text() == "KO:Apply"
        assert window.action("data_import_csv").text() == "KO:Import CSV…"
        assert ed.source_combo.itemText(ed.source_combo.findData("generator:spiral")) == "KO:Spiral"
        assert window.action("data_move_test").text() == "KO:test"
        assert ed.summary.text().startswith("KO:Now: xor")
    finally:
        QCoreApplication.removeTranslator(translator)
    window.retranslate()
    assert window.data_editor.apply_button.text() == "Apply"
