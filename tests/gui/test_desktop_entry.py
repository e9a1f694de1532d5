"""The Linux menu entry written by ``python main.py --install-desktop-entry``."""

from __future__ import annotations

import configparser
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gui.window import desktop_entry
from gui.window.desktop_entry import APP_ID, ICON_SOURCE, install_desktop_entry


def _read(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive in .desktop files (Name vs name)
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


@pytest.fixture
def source_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    """Behave as a source checkout: no gui-script beside the interpreter or on PATH."""
    monkeypatch.setattr(desktop_entry, "launch_command", lambda: [sys.executable, str(desktop_entry.MAIN_PY)])


def test_writes_entry_and_icon_under_the_given_home(tmp_path: Path, source_checkout: None, capsys) -> None:
    path = install_desktop_entry(tmp_path)

    assert path == tmp_path / ".local/share/applications/backprop-playground.desktop"
    entry = _read(path)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Backprop Playground"
    assert entry["Name[ko]"] == "역전파 놀이터"
    assert entry["Comment"] and entry["Comment[ko]"]
    assert entry["Terminal"] == "false"
    assert entry["Categories"] == "Education;Science;"
    assert entry["MimeType"] == "application/json;"
    assert entry["StartupWMClass"] == APP_ID

    icon = tmp_path / ".local/share/icons/hicolor/256x256/apps/backprop-playground.png"
    assert entry["Icon"] == str(icon)
    assert Path(entry["Icon"]).is_absolute()
    assert icon.read_bytes() == ICON_SOURCE.read_bytes()
    assert icon.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    assert shlex.split(entry["Exec"]) == [sys.executable, str(desktop_entry.MAIN_PY), "%f"]
    assert Path(desktop_entry.MAIN_PY).name == "main.py" and Path(desktop_entry.MAIN_PY).is_absolute()
    assert capsys.readouterr().out == ""  # the caller prints


def test_running_twice_replaces_the_entry(tmp_path: Path, source_checkout: None) -> None:
    first = install_desktop_entry(tmp_path)
    second = install_desktop_entry(tmp_path)
    assert first == second
    assert sorted(p.name for p in first.parent.iterdir()) == ["backprop-playground.desktop"] + (
        ["mimeinfo.cache"] if shutil.which("update-desktop-database") else []
    )


def test_prefers_the_installed_gui_script(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bin_dir = tmp_path / "venv bin"  # a space forces the spec's double-quoting
    bin_dir.mkdir()
    script = bin_dir / APP_ID
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(bin_dir / "python"))

    entry = _read(install_desktop_entry(tmp_path / "home"))

    assert entry["Exec"] == f'"{script}" %f'
    assert shlex.split(entry["Exec"]) == [str(script), "%f"]
    assert entry["TryExec"] == str(script)


def test_frozen_build_launches_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    exe = tmp_path / "dist" / APP_ID / APP_ID
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    assert desktop_entry.launch_command() == [str(exe)]


@pytest.mark.parametrize(
    ("arg", "quoted"),
    [
        ("/usr/bin/python3", "/usr/bin/python3"),
        ("/home/kim/my apps/main.py", '"/home/kim/my apps/main.py"'),
        ('/a"b$c`d', '"/a\\"b\\$c\\`d"'),
        ("/100%/main.py", "/100%%/main.py"),
    ],
)
def test_exec_arguments_are_quoted_per_spec(arg: str, quoted: str) -> None:
    assert desktop_entry._exec_quote(arg) == quoted


def test_backslash_is_escaped_twice_in_exec(tmp_path: Path) -> None:
    # Exec quoting turns \ into \\, then the general string escape doubles each again.
    text = desktop_entry.desktop_entry_text(["/odd\\dir/app"], tmp_path / "i.png")
    assert 'Exec="/odd\\\\\\\\dir/app" %f' in text.splitlines()


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_passes_desktop_file_validate(tmp_path: Path, source_checkout: None) -> None:
    path = install_desktop_entry(tmp_path)
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True, check=False)
    # Hints are allowed: "Education;Science;" is two main categories, deliberately (both menus).
    problems = [line for line in result.stdout.splitlines() if ": hint: " not in line]
    assert result.returncode == 0 and not problems, result.stdout + result.stderr
