"""The data table: rows, columns, values, batch highlight, misclassified rows, scope selection."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

import model
from gui.data.data_panel import BATCH_COLOUR, MISCLASSIFIED_ROLE, VALUE_ROLE, WRONG_COLOUR, DataPanel, fmt
from gui.session import Session

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])


def xor_session(batch_size: int = 0) -> Session:
    net = model.Network([2, 2, 1], ["sigmoid", "sigmoid"], loss="mse", seed=1)
    data = model.Dataset(XOR_X.copy(), XOR_Y.copy(), input_names=["x1", "x2"], output_names=["t"])
    settings = model.TrainingSettings(optimizer="sgd", lr=0.5, batch_size=batch_size, shuffle=False)
    return Session(model.Document(net, data, settings))


def headers(panel: DataPanel) -> list[str]:
    m = panel.model
    return [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]


def column(panel: DataPanel, name: str, role: int = VALUE_ROLE) -> list:
    c = headers(panel).index(name)
    return [panel.model.index(r, c).data(role) for r in range(panel.model.rowCount())]


def test_rows_columns_and_values_equal_the_network(qtbot):
    session = xor_session()
    panel = DataPanel(session)
    qtbot.addWidget(panel)
    assert panel.model.rowCount() == 4
    assert headers(panel) == ["#", "split", "x1", "x2", "target t", "output t", "h1.0", "h1.1"]
    fwd = session.network.forward(XOR_X)
    np.testing.assert_allclose(column(panel, "output t"), fwd.output[:, 0])
    np.testing.assert_allclose(column(panel, "h1.0"), fwd.a[1][:, 0])
    np.testing.assert_allclose(column(panel, "h1.1"), fwd.a[1][:, 1])
    assert column(panel, "x2") == [0.0, 1.0, 0.0, 1.0]
    assert column(panel, "target t") == [0.0, 1.0, 1.0, 0.0]
    # Displayed to 4 significant digits.
    assert column(panel, "output t", Qt.ItemDataRole.DisplayRole) == [fmt(v) for v in fwd.output[:, 0]]
    assert fmt(0.0123456) == "0.01235" and fmt(123456.0) == "1.235e+05"
    assert column(panel, "split", Qt.ItemDataRole.DisplayRole) == ["train"] * 4


def test_hidden_columns_only_for_small_nets(qtbot):
    session = xor_session()
    session.edit_network(lambda net: net.insert_layer(2, 7, "tanh"))  # 2 + 7 = 9 hidden neurons
    panel = DataPanel(session)
    qtbot.addWidget(panel)
    assert not any(h.startswith("h") for h in headers(panel))
    assert panel.model.columnCount() == 2 + 2 + 1 + 1


def test_refresh_updates_values_without_reset_and_keeps_rows(qtbot):
    session = xor_session()
    panel = DataPanel(session)
    qtbot.addWidget(panel)
    resets: list[int] = []
    changes: list[int] = []
    panel.model.modelReset.connect(lambda: resets.append(1))
    panel.model.dataChanged.connect(lambda *a: changes.append(1))
    for _ in range(50):
        session.trainer.train_step()
    panel.refresh()
    assert panel.model.rowCount() == 4
    assert resets == [] and changes == [1]
    np.testing.assert_allclose(column(panel, "output t"), session.network.predict(XOR_X)[:, 0])

    # A structural change (one more hidden neuron) resets the model with the new column.
    session.edit_network(lambda net: net.add_neuron(1))
    panel.refresh()
    assert resets == [1] and "h1.2" in headers(panel)
    assert panel.model.rowCount() == 4


def test_batch_rows_highlighted_and_misclassified_marked(qtbot):
    session = xor_session(batch_size=2)
    panel = DataPanel(session)
    qtbot.addWidget(panel)
    batch = set(session.view().indices.tolist())
    assert batch == {0, 1}  # no shuffle: the first two rows
    backgrounds = [panel.model.index(r, 2).data(Qt.ItemDataRole.BackgroundRole) for r in range(4)]
    assert [b == BATCH_COLOUR for b in backgrounds] == [r in batch for r in range(4)]

    out = session.network.predict(XOR_X)[:, 0]
    wrong = (out > 0.5) != (XOR_Y[:, 0] > 0.5)
    assert column(panel, "#", MISCLASSIFIED_ROLE) == wrong.tolist()
    assert wrong.any()  # the untrained net gets some XOR rows wrong
    out_col = headers(panel).index("output t")
    r = int(np.flatnonzero(wrong)[0])
    assert panel.model.index(r, out_col).data(Qt.ItemDataRole.BackgroundRole) == WRONG_COLOUR

    # After a full step, the first phase of the next one works on the next batch: rows 2 and 3.
    assert session.finish_step()
    assert session.step_forward()
    assert session.view().indices.tolist() == [2, 3]
    panel.refresh()
    backgrounds = [panel.model.index(r, 2).data(Qt.ItemDataRole.BackgroundRole) for r in range(4)]
    assert [b == BATCH_COLOUR for b in backgrounds] == [False, False, True, True]


def test_selecting_a_row_sets_the_scope(qtbot):
    session = xor_session()
    panel = DataPanel(session)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.sample_selected) as blocker:
        panel.table.selectRow(2)
    assert blocker.args == [2]
    assert session.scope is None  # still stepping on the mini-batch

    panel.scope_combo.setCurrentIndex(panel.scope_combo.findData("sample"))
    assert session.scope == 2
    panel.refresh()
    assert session.view().indices.tolist() == [2]
    highlighted = [panel.model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole) == BATCH_COLOUR for r in range(4)]
    assert highlighted == [False, False, True, False]

    panel.table.selectRow(3)
    assert session.scope == 3

    panel.scope_combo.setCurrentIndex(panel.scope_combo.findData("batch"))
    assert session.scope is None

    # The session changed elsewhere (e.g. the network view): the panel follows without echoing.
    session.set_scope(1)
    assert panel.scope_combo.currentData() == "sample" and panel.selected_row() == 1
    session.set_scope(None)
    assert panel.scope_combo.currentData() == "batch"


def test_sample_mode_without_selection_picks_the_first_row(qtbot):
    session = xor_session()
    panel = DataPanel(session)
    qtbot.addWidget(panel)
    panel.scope_combo.setCurrentIndex(panel.scope_combo.findData("sample"))
    assert session.scope == 0 and panel.selected_row() == 0


def test_refresh_is_one_vectorised_forward_for_500_rows(qtbot, monkeypatch):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(500, 2))
    data = model.Dataset(X, (X[:, :1] * X[:, 1:] > 0).astype(float))
    net = model.Network([2, 4, 3, 1], ["tanh", "tanh", "sigmoid"], seed=0)
    session = Session(model.Document(net, data, model.TrainingSettings(batch_size=32)))
    panel = DataPanel(session)
    qtbot.addWidget(panel)
    panel.resize(700, 400)
    panel.show()
    assert panel.model.rowCount() == 500 and "h2.2" in headers(panel)

    batch_sizes: list[int] = []
    real_forward = net.forward
    monkeypatch.setattr(net, "forward", lambda X: batch_sizes.append(len(X)) or real_forward(X))
    for _ in range(5):
        session.trainer.train_step()
        panel.refresh()
        qtbot.wait(0)
    assert batch_sizes.count(500) == 5  # one pass over every row per refresh, never one per row
    assert all(n in (500, 32) for n in batch_sizes)  # 32: the session's own live view of the batch
    np.testing.assert_allclose(column(panel, "output y"), session.network.predict(X)[:, 0])
    wrong = (session.network.predict(X)[:, 0] > 0.5) != (data.Y[:, 0] > 0.5)
    assert column(panel, "#", MISCLASSIFIED_ROLE) == wrong.tolist()


def test_follows_session_edits_while_visible_and_catches_up_when_shown(qtbot):
    session = xor_session()
    panel = DataPanel(session)
    qtbot.addWidget(panel)
    session.set_parameter("b", 1, 0, 0, 3.0)  # hidden: nothing recomputed yet
    assert column(panel, "output t") != session.network.predict(XOR_X)[:, 0].tolist()
    panel.show()
    qtbot.waitExposed(panel)
    np.testing.assert_allclose(column(panel, "output t"), session.network.predict(XOR_X)[:, 0])
    session.set_parameter("b", 1, 0, 0, -3.0)  # visible: follows at once
    np.testing.assert_allclose(column(panel, "output t"), session.network.predict(XOR_X)[:, 0])


def test_coloured_text_always_sits_on_its_own_pale_background(qtbot):
    """Rows that set a text colour set the background too, so they read in the dark theme as in the light one."""
    from gui.style.themes import contrast

    session = xor_session(batch_size=2)
    panel = DataPanel(session)
    qtbot.addWidget(panel)
    m = panel.model
    assert any(m.index(r, 0).data(MISCLASSIFIED_ROLE) for r in range(4))
    coloured = 0
    for r in range(m.rowCount()):
        for c in range(m.columnCount()):
            ink = m.index(r, c).data(Qt.ItemDataRole.ForegroundRole)
            if ink is None:
                continue
            back = m.index(r, c).data(Qt.ItemDataRole.BackgroundRole)
            assert back is not None, (r, c)
            assert contrast(ink, back) >= 4.5, (r, c)
            coloured += 1
    assert coloured
