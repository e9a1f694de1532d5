"""The engine never imports Qt, the GUI, or torch (napari's components/_qt contract)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

MODEL = Path(__file__).resolve().parents[2] / "model"
ROOT = MODEL.parent
FORBIDDEN = ("PySide6", "PySide2", "PyQt5", "PyQt6", "shiboken6", "qtpy", "pyqtgraph", "gui", "main", "torch")


def forbidden(module: str) -> bool:
    return module.split(".")[0] in FORBIDDEN


def test_importing_model_and_every_submodule_pulls_in_no_qt():
    code = (
        "import importlib, json, pkgutil, sys\n"
        "import model\n"
        "for info in pkgutil.iter_modules(model.__path__):\n"
        "    importlib.import_module('model.' + info.name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(ROOT)!r})\n" + code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout.splitlines()[-1])
    assert "model" in loaded and "model.network" in loaded and "numpy" in loaded
    assert [m for m in loaded if forbidden(m)] == []


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, absolute-ish module name) for every import in one file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                found.append((node.lineno, node.module or ""))
            elif node.level >= 2:  # from .. import gui / from ..gui.x import y: leaves the package
                names = [node.module] if node.module else [alias.name for alias in node.names]
                found += [(node.lineno, name) for name in names]
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
            "import_module",
            "__import__",
        ):
            if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                found.append((node.lineno, node.args[0].value))
    return found


def test_static_scan_finds_no_qt_imports_in_model():
    files = sorted(MODEL.rglob("*.py"))
    assert MODEL / "network.py" in files and MODEL / "gradcheck.py" in files
    bad = [
        f"{f.relative_to(ROOT)}:{line}: {name}" for f in files for line, name in imported_modules(f) if forbidden(name)
    ]
    assert bad == []


def test_the_scan_would_catch_an_offender(tmp_path):
    sample = tmp_path / "offender.py"
    sample.write_text(
        "import numpy\nfrom PySide6.QtCore import QObject\nimport pyqtgraph as pg\n"
        "from .. import gui\nfrom ..gui.window import MainWindow\nimport importlib\n"
        "importlib.import_module('torch')\n",
        encoding="utf-8",
    )
    names = [name for _, name in imported_modules(sample) if forbidden(name)]
    assert names == ["PySide6.QtCore", "pyqtgraph", "gui", "gui.window", "torch"]
