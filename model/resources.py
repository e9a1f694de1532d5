"""Where the app's data files (presets, fonts, icons, translations, data sets) live.

From a source checkout, an editable install or a PyInstaller bundle they sit
in ``resources/`` beside the packages; a regular ``pip install .`` puts them
under ``<prefix>/share/backprop-playground/resources`` (see pyproject's
data-files).
"""

from __future__ import annotations

import sys
from pathlib import Path

_BESIDE_PACKAGES = Path(__file__).resolve().parents[1] / "resources"
_INSTALLED = Path(sys.prefix) / "share" / "backprop-playground" / "resources"

RESOURCES: Path = _BESIDE_PACKAGES if _BESIDE_PACKAGES.is_dir() else _INSTALLED
