"""The built-in lessons: documents shipped as lesson files in resources/presets.

Each preset is an ordinary lesson file (see :mod:`model.fileformat`), so a
teacher can open one, change it and save it as their own.
"""

from __future__ import annotations

from pathlib import Path

from .document import Document
from .fileformat import load
from .resources import RESOURCES

PRESET_DIR = RESOURCES / "presets"

#: The presets in the order of the lecture notes: linear model (A), backprop (B),
#: the same example as a "find the bug" exercise (note 000 prints a wrong update; the gradient lab checks it),
#: perceptrons, XOR by hand (C), XOR learned, softmax classifier; then why deep
#: networks are hard to train (note 001): vanishing gradients, dead ReLUs, overfitting;
#: then the lab's comparisons (their view hints carry "lab": the comparison the runs lab
#: opens ready to run).
PRESETS: tuple[str, ...] = (
    "house_price",
    "backprop_walkthrough",
    "find_the_bug",
    "and_perceptron",
    "or_perceptron",
    "xor_by_hand",
    "xor_train",
    "softmax_classifier",
    "vanishing_gradients",
    "dead_relu",
    "overfitting",
    "learning_rate_too_small_too_large",
    "optimizers_compare",
    "batch_size_compare",
)


def preset_path(name: str) -> Path:
    """The lesson file of preset ``name``; ValueError listing the valid names if there is none."""
    if name not in PRESETS:
        raise ValueError(f"unknown preset {name!r}; choose one of {', '.join(PRESETS)}")
    return PRESET_DIR / f"{name}.json"


def load_preset(name: str) -> Document:
    """A fresh document for preset ``name`` (each call reads the file again, so edits never leak)."""
    return load(preset_path(name))
