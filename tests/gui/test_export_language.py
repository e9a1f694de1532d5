"""Exports and the inspector speak the interface's language (issue 7 part 5): Markdown, LaTeX, script comments."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import numpy as np
import pytest

from gui import model_text
from model.messages import ENGLISH, Message
from model.messages_export import EXPLAIN, SCRIPT, WORKED
from tests.gui.test_i18n import ALLOWED, HANGUL, english_words

#: Symbols of the inspector's formulas, which stay as they are in Korean.
FORMULA = {"w_new", "b_new", "sign"}


def korean_window(make_window: Any, preset: str = "backprop_walkthrough") -> Any:  # noqa: ANN401
    window = make_window(preset)
    assert window.set_language("ko")
    return window


def test_korean_markdown_and_latex(make_window, tmp_path) -> None:  # noqa: ANN001
    window = korean_window(make_window)
    assert window.export_menu.export("step_markdown", tmp_path / "step.md")
    md = (tmp_path / "step.md").read_text(encoding="utf-8")
    for korean in ("# 손으로 풀어 본 학습 스텝 하나", "## 1. 순전파", "## 3. 역전파", "## 5. 갱신", "배치: 샘플 1개"):
        assert korean in md, korean
    for number in ("1520", "-851.2", "8.612"):  # the numbers are the engine's, whatever the language
        assert number in md
    for code in (*WORKED, *EXPLAIN):
        words = max(ENGLISH[code].split("{"), key=len)  # the longest run of words between arguments
        if len(words) > 12:  # no English phrase is left (short ones such as "on" are also words of formulas)
            assert words not in md, code
    assert window.export_menu.export("step_latex", tmp_path / "step.tex")
    tex = (tmp_path / "step.tex").read_text(encoding="utf-8")
    assert r"\usepackage{kotex}" in tex and r"\section*{손으로 풀어 본 학습 스텝 하나" in tex and "순전파" in tex
    assert all(ord(ch) < 128 or HANGUL.match(ch) for ch in tex)


def test_english_exports_stay_english_and_ascii_latex(make_window, tmp_path) -> None:  # noqa: ANN001
    window = make_window("backprop_walkthrough")
    assert window.export_menu.export("step_latex", tmp_path / "step.tex")
    tex = (tmp_path / "step.tex").read_text(encoding="utf-8")
    assert tex.isascii() and "kotex" not in tex and "1. Forward pass" in tex


@pytest.mark.parametrize("kind", ["numpy_script", "pytorch_script"])
def test_korean_script_comments_and_the_same_numbers(make_window, tmp_path, kind: str) -> None:  # noqa: ANN001
    window = make_window("backprop_walkthrough")
    assert window.export_menu.export(kind, tmp_path / "en.py")
    english = (tmp_path / "en.py").read_text(encoding="utf-8")
    assert window.set_language("ko")
    assert window.export_menu.export(kind, tmp_path / "ko.py")
    korean = (tmp_path / "ko.py").read_text(encoding="utf-8")
    assert "k+1층의 활성화 함수" in korean and "Backprop Playground에서 내보냄" in korean
    left = [code for code in SCRIPT if ENGLISH[code] in korean and model_text.message(Message(code)) != ENGLISH[code]]
    assert not left, left
    code_lines = [line.split("#")[0].rstrip() for line in english.splitlines() if not line.lstrip().startswith("#")]
    code_lines_ko = [line.split("#")[0].rstrip() for line in korean.splitlines() if not line.lstrip().startswith("#")]
    assert len(code_lines) == len(code_lines_ko)  # only comments and docstrings differ
    if kind == "numpy_script":
        out = subprocess.run([sys.executable, str(tmp_path / "ko.py"), "--json"], capture_output=True, text=True)
        assert out.returncode == 0, out.stderr
        result = json.loads(out.stdout)
        assert np.allclose(result["weights_after"][2], [[8.612], [25.0]])


@pytest.mark.parametrize("preset", ["backprop_walkthrough", "xor_train", "softmax_classifier"])
def test_korean_inspector_has_no_english_at_any_phase(make_window, preset: str) -> None:  # noqa: ANN001
    window = korean_window(make_window, preset)
    window.session.set_setting("weight_decay", 0.01)  # the regularised gradient's line too
    net, data = window.session.network, window.session.dataset
    allowed = ALLOWED | FORMULA | set(data.input_names) | set(data.output_names)
    chosen = [("node", l, j) for l in range(net.n_layers + 1) for j in range(min(2, net.sizes[l]))]
    chosen += [("edge", k, 0, 0) for k in range(net.n_layers)]
    seen_update_note = False
    for _phase in range(3 * net.n_layers + 3):  # every phase of a step, and into the next
        for selection in chosen:
            window.select(selection)
            text = window.inspector.text_content()
            assert not english_words(text, allowed), (selection, text)
            seen_update_note |= "갱신 단계에서" in text
        window.action("step_forward").trigger()
    assert seen_update_note  # "(at the update)" in Korean
