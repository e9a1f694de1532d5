"""Korean interface: every visible string is translated, switching back restores English, the choice is kept.

The walk below reads what a student would see (labels, buttons, every menu and
toolbar action with its tooltip, dock titles, combo items, the sample table's
headers, the plots' axis labels and keys, the network's layer headers and
caption) and calls a string English if it holds a run of three or more ASCII
letters that is not a name which stays as it is (XOR, sigmoid, adam, CSV,
x1, h1.0, the data set's own column names, key names such as Ctrl ...).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QFontMetrics, QTextDocumentFragment
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QDockWidget, QLabel, QMenu, QToolBar, QWidget

from model import presets

#: Names and units that stay as they are in the Korean interface.
ALLOWED = {
    "XOR",
    "AND",
    "OR",
    "NAND",
    "NOR",
    "XNOR",
    "ReLU",
    "relu",
    "sigmoid",
    "tanh",
    "softmax",
    "linear",
    "step",
    "leaky_relu",
    "mse",
    "bce",
    "cross_entropy",
    "sgd",
    "momentum",
    "nesterov",
    "adagrad",
    "rmsprop",
    "adam",
    "English",
    "CSV",
    "PNG",
    "SVG",
    "JSON",
    "json",
    "LaTeX",
    "Markdown",
    "PyTorch",
    "NumPy",
    "NaN",
    "Backprop",
    "Playground",
    # key names in shortcuts and tooltips ("Enter로 적용", "(Ctrl+Shift+R)")
    "Ctrl",
    "Shift",
    "Alt",
    "Meta",
    "Space",
    "Left",
    "Right",
    "Enter",
    "Return",
    "Esc",
    "Del",
    "Delete",
    "Backspace",
    "Home",
    "End",
    "PgUp",
    "PgDown",
    "Tab",
}
WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
LETTERS3 = re.compile(r"[A-Za-z]{3}")
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def english_words(text: str, allowed: set[str]) -> list[str]:
    """The words of ``text`` that look like untranslated English."""
    if GuiQt.mightBeRichText(text):
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    text = text.replace("&&", "").replace("&", "")
    return [w for w in WORD.findall(text) if LETTERS3.search(w) and w not in allowed]


# ------------------------------------------------------------------ fixtures
@pytest.fixture
def make_window(qtbot, settings):  # settings: the conftest fixture (INI under tmp_path)  # noqa: ANN001, ANN201
    from gui import i18n
    from gui.app import make_application
    from gui.window.main_window import MainWindow

    make_application()
    i18n.set_language("en", remember=False)
    made: list[Any] = []

    def make(preset: str = "xor_train") -> Any:
        window = MainWindow(presets.load_preset(preset))
        made.append(window)
        window.resize(1600, 1000)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    i18n.set_language("en", remember=False)
    for window in made:
        window.controller.pause()
        window.session.undo_stack.setClean()
        window.close()
        window.deleteLater()


# ------------------------------------------------------------------ the walk
def menu_actions(menu: QMenu, title: str) -> Iterator[tuple[str, QAction]]:
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = action.menu()
        if sub is not None:
            yield f"menu {title} > {sub.title()}", sub.menuAction()
            yield from menu_actions(sub, f"{title} > {sub.title()}")
        elif action.text():
            yield f"action in {title}", action


def visible_strings(window: Any) -> list[tuple[str, str]]:
    """(where, text) for every string the window shows now, in a stable order."""
    out: list[tuple[str, str]] = [("window title", window.windowTitle().replace("[*]", ""))]
    for top in window.menuBar().actions():
        menu = top.menu()
        out.append(("menu title", menu.title()))
        for where, action in menu_actions(menu, menu.title()):
            out.append((where, action.text()))
            out.append((f"tooltip of {action.objectName() or action.text()}", action.toolTip()))
    for bar in window.findChildren(QToolBar):
        for action in bar.actions():
            if action.text():
                out.append(("toolbar action", action.text()))
                out.append((f"tooltip of {action.objectName()}", action.toolTip()))
    for dock in window.findChildren(QDockWidget):
        out.append((f"dock {dock.objectName()}", dock.windowTitle()))
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, QLabel):
            out.append((f"label {name}", widget.text()))
        elif isinstance(widget, QAbstractButton):
            out.append((f"button {name}", widget.text()))
        elif isinstance(widget, QComboBox):
            out += [(f"combo {name}", widget.itemText(i)) for i in range(widget.count())]
        if widget.toolTip():
            out.append((f"tooltip of {name}", widget.toolTip()))
    table = window.data_panel.table.model()
    for c in range(table.columnCount()):
        out.append(("sample table header", table.headerData(c, Qt.Orientation.Horizontal)))
        out.append(
            ("sample table header tooltip", table.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole))
        )
    for r in range(table.rowCount()):
        out.append(("sample table split", table.data(table.index(r, 1))))
    for name in ("loss_plot", "boundary_plot", "fit_plot"):
        plot = getattr(window, name)
        if not plot.isVisible():
            continue
        item = plot.plot_item
        for side in ("left", "bottom"):
            if item.getAxis(side).isVisible():
                out.append((f"{name} {side} axis", item.getAxis(side).labelText))
        out.append((f"{name} key", item.titleLabel.text))
    out.append(("loss key", window.loss_plot.key.text()))
    scene = window.network_view.scene()
    for header in scene.header_items:
        out += [("layer header", header.title), ("layer header", header.detail)]
    out += [("caption", line) for line in scene.caption_item.lines]
    out.append(("inspector heading", window.inspector.title.text()))
    return [(where, text) for where, text in out if text]


def untranslated(window: Any) -> list[str]:
    data = window.session.dataset
    allowed = ALLOWED | set(data.input_names) | set(data.output_names) | {data.name}
    bad = []
    for where, text in visible_strings(window):
        words = english_words(text, allowed)
        if words:
            bad.append(f"{where}: {text!r} ({', '.join(words)})")
    return bad


# ------------------------------------------------------------------ tests
def test_the_allow_list_rule() -> None:
    assert english_words("파일(&F)", ALLOWED) == []
    assert english_words("XOR 학습하기 · sigmoid · x1 · h1.0", ALLOWED) == []
    assert english_words("다음 단계 (Right)", ALLOWED) == []
    assert english_words("Step ▶", ALLOWED) == ["Step"]
    assert english_words("<span style='color:#123456'>●</span>&nbsp;학습 손실", ALLOWED) == []
    assert english_words("cross_entropy 손실", ALLOWED) == []


@pytest.mark.parametrize("preset", ["xor_train", "backprop_walkthrough", "house_price"])
def test_korean_window_has_no_english_left(make_window, preset: str) -> None:  # noqa: ANN001
    window = make_window(preset)
    english = visible_strings(window)
    assert window.set_language("ko")
    bad = untranslated(window)
    assert not bad, "untranslated strings:\n" + "\n".join(bad)
    # a few phases into a step, with a node selected: phase names, inspector heading, batch caption
    window.select(("node", 1, 0))
    for _ in range(4):
        assert window.session.step_forward()
    bad = untranslated(window)
    assert not bad, "untranslated strings:\n" + "\n".join(bad)
    assert window.menus["file"].title() == "파일(&F)"
    # back to English: no Hangul left (but the language menu's own 한국어) ...
    assert window.set_language("en")
    korean = [(w, t) for w, t in visible_strings(window) if HANGUL.search(t) and not t.startswith("한국어")]
    assert not korean, korean
    # ... and, back where it started, the very strings of before
    while window.session.stepping:
        window.session.step_back()
    window.select(None)
    assert visible_strings(window) == english


def test_view_menu_switches_language_and_back(make_window) -> None:  # noqa: ANN001
    from gui import i18n

    window = make_window()
    window.action("language_ko").trigger()
    assert i18n.current_language() == "ko"
    assert window.action("language_ko").isChecked()
    assert window.docks["loss"].windowTitle() == "손실"
    assert window.action("play").text() == "재생"
    assert window.loss_plot.plot_item.getAxis("left").labelText == "손실"
    assert "단계:" in window.phase_label.text()
    window.action("language_en").trigger()
    assert i18n.current_language() == "en"
    assert window.docks["loss"].windowTitle() == "Loss"
    assert window.action("play").text() == "Play"
    assert window.loss_plot.plot_item.getAxis("left").labelText == "loss"
    assert window.phase_label.text().startswith("Phase: ready")


def test_language_is_remembered(make_window) -> None:  # noqa: ANN001
    from gui import i18n

    window = make_window()
    window.set_language("ko")
    assert QSettings().value(i18n.SETTINGS_KEY, "", type=str) == "ko"
    assert i18n.preferred_language() == "ko"
    window.set_language("en")
    assert i18n.preferred_language() == "en"


def test_missing_translation_keeps_english_with_a_message(make_window, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    from gui import i18n

    window = make_window()
    monkeypatch.setattr(i18n, "TRANSLATIONS", tmp_path / "nowhere")
    assert window.set_language("ko") is False
    assert i18n.current_language() == "en"
    assert window.action("language_en").isChecked()
    assert window.menus["file"].title() == "&File"
    assert "missing" in window.message_bar.text() and window.message_bar.isVisible()


def test_korean_text_has_glyphs(make_window) -> None:  # noqa: ANN001
    window = make_window()
    window.set_language("ko")
    label = window.phase_label
    assert HANGUL.search(label.text())
    metrics = QFontMetrics(label.font())
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "가단계스텝에포크손실")
    picture = label.grab().toImage()
    assert picture.width() > 0 and not picture.isNull()


def test_model_sentences_are_translated(make_window) -> None:  # noqa: ANN001
    from gui import model_text
    from model.messages import Message
    from model.network import NetworkError

    window = make_window()
    stop = Message("diverged", (float("inf"),))
    refused = NetworkError(Message("last_neuron"))
    assert model_text.message(stop) == str(stop)  # English: the model's own sentence
    assert model_text.message(stop) == (
        "Training stopped: the loss became inf (diverged). Lower the learning rate and press Reset to start again."
    )
    assert model_text.phase("forward 2") == "forward 2"
    window.set_language("ko")
    assert model_text.message(stop).startswith("학습 중단") and "inf" in model_text.message(stop)
    assert not english_words(model_text.message(stop).replace("inf", ""), ALLOWED)
    assert model_text.message(refused).startswith("은닉층에는")
    assert model_text.message("something new").endswith("something new")
    assert HANGUL.search(model_text.message("something new"))
    assert model_text.phase("forward 2") == "순전파 2"
    assert model_text.phase("ready") == "준비"
    # a refused edit, end to end: the message bar speaks Korean
    window.session.edit_network(lambda net: net.remove_neuron(1, 0) or net.remove_neuron(1, 0))
    assert HANGUL.search(window.message_bar.text())
    assert not english_words(window.message_bar.text(), ALLOWED)


def test_every_ts_entry_is_finished_and_compiled() -> None:
    import xml.etree.ElementTree as ET

    from model.resources import RESOURCES

    folder = RESOURCES / "translations"
    root = ET.parse(folder / "backprop_ko.ts").getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 300
    for message in messages:
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, message.findtext("source")
        assert translation.text, message.findtext("source")
        for placeholder in re.findall(r"%\d", message.findtext("source") or ""):
            assert placeholder in translation.text, message.findtext("source")
    qm = folder / "backprop_ko.qm"
    assert qm.stat().st_mtime >= (folder / "backprop_ko.ts").stat().st_mtime - 5
