"""Linux menu entry: a freedesktop .desktop file plus the icon in the user's hicolor theme.

``python main.py --install-desktop-entry`` calls :func:`install_desktop_entry`. Nothing here
needs Qt, so it also works on a machine without a display.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

APP_ID = "backprop-playground"  # also the gui-script name and QGuiApplication.desktopFileName()
from model.resources import RESOURCES  # noqa: E402

ICON_SOURCE = RESOURCES / "icons" / f"{APP_ID}.png"  # 256 × 256
MAIN_PY = Path(__file__).resolve().parents[1] / "main.py"

# Spec: https://specifications.freedesktop.org/desktop-entry-spec/latest/ (Exec quoting: "The Exec key").
_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def _data_home(home: Path | None) -> Path:
    """$XDG_DATA_HOME (only when the caller did not pin a home) or <home>/.local/share."""
    if home is None:
        xdg = os.environ.get("XDG_DATA_HOME", "")
        if xdg and Path(xdg).is_absolute():
            return Path(xdg)
        home = Path.home()
    return Path(home) / ".local" / "share"


def _exec_quote(arg: str) -> str:
    """One Exec argument: double-quoted if needed, with the spec's inner escapes and '%' doubled."""
    arg = arg.replace("%", "%%")
    if arg and not (set(arg) & _EXEC_RESERVED):
        return arg
    inner = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
    return f'"{inner}"'


def _escape_value(value: str) -> str:
    """The key-file string escapes, applied after Exec quoting (so a quoted backslash becomes 4)."""
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def launch_command() -> list[str]:
    """What the menu runs, absolute so it works without this venv on the login PATH.

    A frozen (PyInstaller) build runs itself; an installed package runs its ``backprop-playground``
    gui-script (next to this interpreter, else on PATH); a source checkout runs
    ``<python> <abs main.py>``.
    """
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).resolve())]
    script = Path(sys.executable).parent / APP_ID
    if not (script.is_file() and os.access(script, os.X_OK)):
        found = shutil.which(APP_ID)
        script = Path(found) if found else None
    if script is not None:
        return [str(script.absolute())]
    return [str(Path(sys.executable).absolute()), str(MAIN_PY)]


def desktop_entry_text(exec_args: list[str], icon: Path) -> str:
    """The .desktop file body; ``%f`` lets a file manager open a .json network with the app."""
    exec_line = " ".join(_exec_quote(arg) for arg in exec_args) + " %f"
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        "Name=Backprop Playground",
        "Name[ko]=역전파 놀이터",
        "GenericName=Neural Network Playground",
        "GenericName[ko]=신경망 놀이터",
        "Comment=Draw a small neural network and step through backpropagation",
        "Comment[ko]=작은 신경망을 그리고 역전파를 한 단계씩 따라가 봅니다",
        f"Exec={_escape_value(exec_line)}",
        f"TryExec={_escape_value(exec_args[0])}",
        f"Icon={_escape_value(str(icon))}",
        "Terminal=false",
        "Categories=Education;Science;",
        "Keywords=neural;network;backpropagation;gradient;machine learning;",
        "Keywords[ko]=신경망;역전파;기울기;머신러닝;딥러닝;",
        "MimeType=application/json;",
        f"StartupWMClass={APP_ID}",
        "",
    ]
    return "\n".join(lines)


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def install_desktop_entry(home: Path | None = None) -> Path:
    """Install the menu entry and its icon for the current user; return the .desktop path.

    ``home`` replaces the user's home directory (tests pass a tmp dir). Existing files are
    replaced, so running it again after moving the checkout repairs the entry. Prints nothing.
    """
    data_home = _data_home(home)
    icon = data_home / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png"
    _write_atomically(icon, ICON_SOURCE.read_bytes())
    small = ICON_SOURCE.with_name(f"{APP_ID}-48.png")
    if small.is_file():
        _write_atomically(data_home / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png", small.read_bytes())

    applications = data_home / "applications"
    desktop = applications / f"{APP_ID}.desktop"
    _write_atomically(desktop, desktop_entry_text(launch_command(), icon).encode("utf-8"))

    # Refresh the MIME cache so "Open with" lists the app; menus pick the file up without it.
    tool = shutil.which("update-desktop-database")
    if tool:
        try:
            subprocess.run([tool, "-q", str(applications)], capture_output=True, timeout=20, check=False)
        except (OSError, subprocess.SubprocessError):
            pass
    return desktop
