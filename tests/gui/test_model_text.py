"""The GUI's template of each engine message says what the engine's English sentence says."""

from __future__ import annotations

import re

from gui import model_text
from model.messages import ENGLISH, Message


def test_every_message_code_has_a_template_with_the_same_english() -> None:
    assert set(model_text.MESSAGES) == set(ENGLISH)
    for code, sentence in ENGLISH.items():
        as_template = re.sub(r"\{(\d)\}", lambda m: f"%{int(m.group(1)) + 1}", sentence)
        assert model_text.MESSAGES[code] == as_template, code


def test_in_english_a_message_reads_as_the_engine_wrote_it(qapp) -> None:  # noqa: ANN001
    for msg in (Message("diverged", (3.5e31,)), Message("layer_size", (128, 500)), Message("last_neuron")):
        assert model_text.message(msg) == str(msg)
