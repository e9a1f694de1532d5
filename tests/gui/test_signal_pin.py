"""Guards the PySide6 pin (see QT_NOTES.md and pyproject.toml).

PySide6 6.12.0 on CPython 3.11 drops a reference to ``True`` on every
Python-side ``Signal.emit()`` and aborts the interpreter after roughly 1,000
emits ("Fatal Python error: bool_dealloc").  pyqtgraph emits such signals on
every ``setImage``, so Play would kill the app within seconds.  If this module
aborts pytest (exit 134, no summary; run with ``python -X faulthandler``),
the installed PySide6 is not the pinned one.
"""

from __future__ import annotations

import sys

import numpy as np
import PySide6
from PySide6.QtCore import QObject, Signal

import model
from gui.plots.boundary import BoundaryPlot, grid_forward
from gui.session import Session


class _Emitter(QObject):
    fired = Signal(int)


def test_pinned_pyside6_version():
    if sys.version_info < (3, 12):
        assert PySide6.__version__ == "6.11.2", "PySide6 6.12.0 aborts CPython 3.11 after ~1,000 emits"


def test_5000_emits_survive():
    emitter = _Emitter()
    received: list[int] = []
    emitter.fired.connect(received.append)
    refs_before = sys.getrefcount(True)
    for i in range(5000):
        emitter.fired.emit(i)
    assert len(received) == 5000 and received[-1] == 4999
    # The leak itself, measured before it is fatal: each bad emit drops one reference to True.
    # (Immortal on CPython ≥ 3.12, where the count is a constant.)
    assert sys.getrefcount(True) >= refs_before - 100


def test_2000_boundary_refreshes_survive(qtbot):
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    net = model.Network([2, 3, 1], ["tanh", "sigmoid"], loss="bce", seed=0)
    session = Session(model.Document(net, model.Dataset(X, [[0], [1], [1], [0]]), model.TrainingSettings(lr=1.0)))
    plot = BoundaryPlot(session)
    qtbot.addWidget(plot)
    maps = grid_forward(net, session.dataset, resolution=16)
    image = plot.image
    for i in range(2000):
        if i % 100 == 0:  # new pixels now and then; setImage emits pyqtgraph signals every time
            session.trainer.train_step()
            maps = grid_forward(net, session.dataset, resolution=16)
        plot.refresh(maps)
    assert plot.image is image
    np.testing.assert_array_equal(plot.image.image, maps.output)
