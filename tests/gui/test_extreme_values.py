"""Any finite number may reach a painter or a plot: nothing raises, nothing crashes, the loss reads as a sentence.

The values get in through the model directly (a diverged run, or a file
written by hand holding 1e308 weights), bypassing every field's range: the
canvas, the plots, the inspector and the table must still paint, in
presentation mode too and across resizes (a painter exception turned into a
segfault on the next resize there).  Typed values are refused outside
model.limits.MAX_VALUE: see test_bad_input_ranges.py.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication

import model
from model import presets

EXTREMES = [1e308, -1.79e308, 4e307, 1e-308, -0.0, 1e6, 5e15]


def exceptions_during(fn) -> list[str]:  # noqa: ANN001
    """Run ``fn`` and return the exceptions Qt virtual overrides raised meanwhile (PySide prints, not raises)."""
    import sys

    seen: list[str] = []
    old = sys.excepthook
    sys.excepthook = lambda t, v, tb: seen.append(f"{t.__name__}: {v}")
    old_unraisable = sys.unraisablehook
    sys.unraisablehook = lambda u: seen.append(f"{type(u.exc_value).__name__}: {u.exc_value}")
    try:
        fn()
        QCoreApplication.processEvents()
    finally:
        sys.excepthook = old
        sys.unraisablehook = old_unraisable
    return seen


def paint_everything(window) -> None:  # noqa: ANN001
    window.repaint()
    window.grab()
    for size in ((1280, 720), (700, 500), (1600, 1000)):
        window.resize(*size)
        QCoreApplication.processEvents()
        window.grab()


def extreme_document(value: float) -> model.Document:
    doc = presets.load_preset("xor_train")
    net = doc.network
    net.weights[0][:] = value
    net.weights[1][0, 0] = -value
    net.biases[0][1] = value
    net.biases[1][0] = value
    return doc


@pytest.mark.parametrize("value", EXTREMES)
@pytest.mark.parametrize("presenting", [False, True], ids=["window", "presentation"])
def test_extreme_parameters_paint_everywhere(make_window, value, presenting) -> None:  # noqa: ANN001
    window = make_window(extreme_document(value))
    if presenting:
        window.action("presentation").trigger()

    def run() -> None:
        paint_everything(window)
        window.select(("edge", 0, 0, 0))
        window.select(("node", 1, 1))
        for name in ("step_forward", "step_forward", "step_forward", "step_forward", "step_forward"):
            window.action(name).trigger()
            window.grab()
        window.action("backward_view").trigger()
        paint_everything(window)
        window.action("thumbnails").trigger()
        paint_everything(window)

    assert exceptions_during(run) == []
    assert window.session.network.weights[0][0, 0] == value  # painted as it is, not changed behind the user's back
    text = window.phase_label.text() if hasattr(window, "phase_label") else ""
    assert "inf" not in text.split() and "nan" not in text.lower().split()


@pytest.mark.parametrize("value", [1e308, -1.79e308, 1e300, -1e6])
@pytest.mark.parametrize("kind", ["classification", "regression"])
def test_extreme_data_values_reach_the_plots(make_window, value, kind) -> None:  # noqa: ANN001
    """`Cannot set range [-inf, ...]` from pyqtgraph must not happen, whatever finite data arrives."""
    doc = presets.load_preset("xor_train" if kind == "classification" else "house_price")
    doc.dataset.X[0, 0] = value
    doc.dataset.Y[-1, 0] = value if kind == "regression" else doc.dataset.Y[-1, 0]
    window = make_window(doc)

    def run() -> None:
        window.session.values_changed.emit()
        paint_everything(window)
        window.action("presentation").trigger()
        paint_everything(window)
        window.action("step_forward").trigger()
        paint_everything(window)

    assert exceptions_during(run) == []


def test_nan_and_inf_reaching_the_canvas_do_not_raise(make_window) -> None:  # noqa: ANN001
    """Defence in depth: non-finite values never get in through the editor, but a painter must not care."""
    window = make_window()
    net = window.session.network

    def run() -> None:
        net.weights[0][0, 0] = np.inf
        net.weights[0][1, 0] = np.nan
        net.biases[0][0] = -np.inf
        window.session.values_changed.emit()
        paint_everything(window)
        window.action("presentation").trigger()
        paint_everything(window)

    try:
        assert exceptions_during(run) == []
    finally:
        net.weights[0][:] = 0.5
        net.biases[0][:] = 0.0
