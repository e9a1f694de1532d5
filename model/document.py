"""A document: what one lesson file holds."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .dataset import Dataset
from .network import Network
from .settings import TrainingSettings


@dataclass
class Document:
    """Network + data + training settings + optional view hints and lesson text.

    ``description`` maps a language code ("en", "ko") to a short lesson text:
    what the example shows and what to try.  ``view`` holds optional display
    hints (e.g. {"precision": 4, "detailed": true, "sample": 0}).
    """

    network: Network
    dataset: Dataset
    training: TrainingSettings = field(default_factory=TrainingSettings)
    title: str = ""
    description: dict[str, str] = field(default_factory=dict)
    view: dict[str, Any] = field(default_factory=dict)

    def copy(self) -> Document:
        return Document(
            self.network.copy(), self.dataset.copy(), self.training.copy(),
            self.title, dict(self.description), dict(self.view),
        )
