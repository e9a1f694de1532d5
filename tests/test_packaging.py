"""The PyInstaller one-folder build starts, finds its bundled resources and renders the window.

Slow (about a minute): builds packaging/backprop-playground.spec into tmp_path, then runs the
frozen executable with --screenshot under the offscreen platform.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "backprop-playground.spec"
NAME = "backprop-playground"

pytestmark = pytest.mark.slow


def _distinct_colours(path: Path) -> tuple[int, int, int]:
    """(width, height, number of distinct colours on a 40 × 40 sample grid) of a PNG."""
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull(), f"{path} is not a readable image"
    w, h = image.width(), image.height()
    colours = {image.pixel(x * w // 40, y * h // 40) for x in range(40) for y in range(40)}
    return w, h, len(colours)


@pytest.fixture(scope="module")
def frozen_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build once for this module; return the one-folder directory dist/backprop-playground."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"PyInstaller is not importable ({exc}); to test packaging: pip install pyinstaller==6.22.3")
    out = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(out / "dist"), "--workpath", str(out / "build"), str(SPEC)],
        cwd=ROOT, capture_output=True, text=True, timeout=400, check=False,
    )  # fmt: skip
    assert result.returncode == 0, f"PyInstaller failed:\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}"
    return out / "dist" / NAME


def test_resources_sit_where_the_code_looks_for_them(frozen_app: Path) -> None:
    # Frozen, gui/app.py is <_internal>/gui/app.pyc, so parents[1] / "resources" is <_internal>/resources.
    resources = frozen_app / "_internal" / "resources"
    assert sorted(p.name for p in (resources / "fonts").glob("*.ttf")), "bundled Korean font missing"
    assert (resources / "icons" / f"{NAME}.png").is_file()
    source_presets = sorted(p.name for p in (ROOT / "resources" / "presets").glob("*.json"))
    assert sorted(p.name for p in (resources / "presets").glob("*.json")) == source_presets
    for heavy in ("torch", "hypothesis", "pytest", "tests", "scipy"):
        assert not (frozen_app / "_internal" / heavy).exists(), f"{heavy} was bundled"


def _first_preset() -> list[str]:
    from model.presets import PRESETS

    return ["--preset", PRESETS[0]]


@pytest.mark.parametrize("extra", [[], "preset"], ids=["default", "preset"])
def test_frozen_app_renders_a_screenshot(frozen_app: Path, tmp_path: Path, extra: list[str] | str) -> None:
    # With --preset the frozen code itself must resolve resources/presets (a miss exits 2).
    args = _first_preset() if extra == "preset" else extra
    exe = frozen_app / (f"{NAME}.exe" if sys.platform == "win32" else NAME)
    assert exe.is_file(), f"no executable at {exe}"
    shot = tmp_path / "frozen.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [str(exe), *args, "--screenshot", str(shot)],
        cwd=tmp_path,  # not the checkout: the frozen app must not lean on the source tree
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}"
    assert shot.is_file() and shot.stat().st_size > 20_000, "screenshot missing or tiny"
    width, height, colours = _distinct_colours(shot)
    assert width >= 800 and height >= 500, (width, height)
    assert colours >= 8, f"screenshot looks blank ({colours} distinct colours)"
