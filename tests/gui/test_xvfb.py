"""The real xcb platform under Xvfb: the app starts, draws, takes a key press and quits.

Everything else in tests/gui runs offscreen; this module is the one check that
the window works on a real X server (xcb plugin and its libraries, window
title, keyboard shortcuts).  It starts its own ``Xvfb`` on a free display
(``-displayfd`` lets the server pick one) and sets DISPLAY only for the
subprocesses.  CI installs xvfb, xauth, xdotool and the xcb libraries
(.ci/run); without Xvfb the tests skip and say why.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAIN = ROOT / "main.py"
SCREEN = "1600x1000x24"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not on PATH (Debian: apt-get install xvfb xauth)"),
]


def _read_display(fd: int, proc: subprocess.Popen, timeout: float = 15.0) -> str:
    """The display number Xvfb writes to ``fd`` once it is ready to accept clients."""
    deadline = time.monotonic() + timeout
    text = b""
    os.set_blocking(fd, False)
    while time.monotonic() < deadline:
        try:
            chunk = os.read(fd, 64)
        except BlockingIOError:
            chunk = None
        if chunk:
            text += chunk
            if text.endswith(b"\n"):
                return text.decode().strip()
        elif chunk == b"" or proc.poll() is not None:
            break
        time.sleep(0.05)
    proc.kill()
    out = proc.communicate(timeout=5)[1] or b""
    pytest.fail(f"Xvfb did not start: {out.decode(errors='replace')[-2000:]}")


@pytest.fixture
def xvfb(tmp_path: Path) -> Iterator[str]:
    """Start Xvfb on a free display; yield ":N"; always kill it."""
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", SCREEN, "-nolisten", "tcp"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    os.close(write_fd)
    try:
        yield ":" + _read_display(read_fd, proc)
    finally:
        os.close(read_fd)
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)
        if proc.stderr is not None:
            proc.stderr.close()


def app_env(display: str, tmp_path: Path) -> dict[str, str]:
    """The real xcb platform on ``display``, with settings and data kept under tmp_path."""
    env = dict(os.environ)
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        PYTHONFAULTHANDLER="1",
    )
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env["XDG_RUNTIME_DIR"] = str(runtime)
    env.pop("WAYLAND_DISPLAY", None)
    return env


def image_stats(path: Path) -> tuple[int, int, int]:
    """(width, height, distinct colours on a 40 × 40 grid) of an image file."""
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull(), f"{path} is not a readable image"
    w, h = image.width(), image.height()
    colours = {image.pixel(x * w // 40, y * h // 40) for x in range(40) for y in range(40)}
    return w, h, len(colours)


def test_screenshot_on_the_xcb_platform(xvfb: str, tmp_path: Path) -> None:
    out = tmp_path / "window.png"
    result = subprocess.run(
        [sys.executable, str(MAIN), "--preset", "backprop_walkthrough", "--lang", "en", "--screenshot", str(out)],
        cwd=ROOT, env=app_env(xvfb, tmp_path), capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    report = f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr[-4000:]}"
    assert result.returncode == 0, report
    assert "could not load the Qt platform plugin" not in result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert out.stat().st_size > 20_000
    w, h, colours = image_stats(out)
    assert w >= 1200 and h >= 800, (w, h)
    assert colours >= 8, "the screenshot is (nearly) one flat colour"


def _xdotool(display: str, *args: str, timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["xdotool", *args], env={**os.environ, "DISPLAY": display}, capture_output=True, text=True,
        timeout=timeout, check=False,
    )  # fmt: skip


def _grab_root(display: str, path: Path) -> None:
    result = subprocess.run(
        ["import", "-window", "root", str(path)], env={**os.environ, "DISPLAY": display},
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0 and path.exists(), result.stderr


@pytest.mark.skipif(shutil.which("xdotool") is None, reason="xdotool is not on PATH (Debian: apt-get install xdotool)")
def test_the_real_window_takes_keys_and_quits(xvfb: str, tmp_path: Path) -> None:
    env = app_env(xvfb, tmp_path)
    log = (tmp_path / "app.log").open("w+")
    app = subprocess.Popen(
        [sys.executable, str(MAIN), "--preset", "backprop_walkthrough", "--lang", "en"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    try:
        found = _xdotool(xvfb, "search", "--sync", "--onlyvisible", "--name", "Backprop Playground", timeout=60)
        if found.returncode != 0 or not found.stdout.split():
            log.seek(0)
            pytest.fail(f"no window titled 'Backprop Playground' appeared: {found.stderr}\napp output:\n{log.read()}")
        window_id = found.stdout.split()[-1]
        name = _xdotool(xvfb, "getwindowname", window_id).stdout
        assert "Backprop Playground" in name and "Backprop step by step" in name, name
        time.sleep(1.0)  # let the first frame be painted

        can_grab = shutil.which("import") is not None
        before, after = tmp_path / "before.png", tmp_path / "after.png"
        if can_grab:
            _grab_root(xvfb, before)
        # No window manager: give the window the keyboard focus directly, then type through XTEST.
        _xdotool(xvfb, "windowfocus", "--sync", window_id)
        for _ in range(3):
            pressed = _xdotool(xvfb, "key", "--clearmodifiers", "Right")
            assert pressed.returncode == 0, pressed.stderr
            time.sleep(0.3)
        time.sleep(0.7)
        assert app.poll() is None, "the app exited after a key press"
        if can_grab:
            _grab_root(xvfb, after)
            assert image_stats(after)[2] >= 8
            # Stepping changes the phase label and the network's numbers: the screen must change.
            assert before.read_bytes() != after.read_bytes(), "pressing Right (step) changed nothing on screen"

        _xdotool(xvfb, "key", "--clearmodifiers", "ctrl+q")
        try:
            code = app.wait(timeout=15)
        except subprocess.TimeoutExpired:
            code = None  # e.g. a prompt about unsaved work is open: killed below
        if code is not None:
            log.seek(0)
            output = log.read()
            assert code == 0, f"exit {code}\n{output[-4000:]}"
            assert "Traceback" not in output, output[-4000:]
    finally:
        if app.poll() is None:
            os.killpg(app.pid, signal.SIGTERM)
            try:
                app.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(app.pid, signal.SIGKILL)
                app.wait(timeout=5)
        log.close()
