"""Starting the window: the QApplication, fonts, style, and the --screenshot mode."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

# The engine (and numpy) before Qt: once PySide6 is imported it reads the source of every module
# imported after it (shibokensupport's feature check), ~300 modules and tens of ms of start-up.
from model.resources import RESOURCES

# isort: split
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

APP_NAME = "Backprop Playground"
DESKTOP_NAME = "backprop-playground"


def load_fonts() -> list[str]:
    """Register the bundled fonts; returns the families for the app font, Latin first.

    DejaVu Sans draws digits and the decimal point clearly at small sizes (Nanum
    Gothic's point looks like a comma at 11 px); Nanum Gothic supplies Hangul
    through Qt's per-character fallback.  Bundled, so every classroom PC renders
    the same.
    """
    families: list[str] = []
    for path in sorted((RESOURCES / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families]
    order = ("DejaVu Sans", "NanumGothic")
    return [f for f in order if f in families]


def make_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, named to match its .desktop entry, Fusion-styled, Korean-capable."""
    app = QApplication.instance()
    if app is None:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and sys.platform.startswith("linux"):
            # No screen (a server, CI, a screenshot run): render offscreen instead of failing to start.
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QCoreApplication.setOrganizationName("BackpropPlayground")
        QCoreApplication.setApplicationName(APP_NAME)
        app = QApplication(argv if argv is not None else [sys.argv[0]])
        app.setDesktopFileName(DESKTOP_NAME)
        app.setStyle("Fusion")
        families = load_fonts()
        if families:
            font = QFont()
            font.setFamilies(families)
            font.setPointSize(10)
            app.setFont(font)
        icon = RESOURCES / "icons" / "backprop-playground.png"
        if icon.exists():
            app.setWindowIcon(QIcon(str(icon)))
    return app  # type: ignore[return-value]


def take_screenshot(window, path: str) -> bool:  # noqa: ANN001 - a MainWindow
    """Render the window as it is on screen into ``path`` (PNG)."""
    app = QApplication.instance()
    for _ in range(5):
        app.processEvents()
    return window.grab().save(path)


def run(args: argparse.Namespace) -> int:
    """Start the GUI with parsed command-line arguments (see main.py)."""
    if getattr(args, "install_desktop_entry", False):
        from gui.window.desktop_entry import install_desktop_entry

        print(f"Installed the menu entry {install_desktop_entry()}")
        return 0
    app = make_application()
    import model
    from gui.window.main_window import MainWindow
    from model import presets

    doc = None
    error = ""
    try:
        if getattr(args, "preset", None):
            doc = presets.load_preset(args.preset)
        elif getattr(args, "file", None):
            doc = model.load(args.file)
    except (ValueError, OSError, KeyError) as exc:
        error = str(exc)
        if getattr(args, "screenshot", None):
            print(f"error: {exc}", file=sys.stderr)
            return 2
    from gui import i18n
    from gui.window import autosave

    i18n.set_language(
        getattr(args, "lang", None) or i18n.preferred_language(), remember=bool(getattr(args, "lang", None))
    )
    path = Path(args.file) if doc is not None and getattr(args, "file", None) and not args.preset else None
    window = MainWindow(doc)
    if path is not None:
        window.set_path(path)  # also adds it to Recent files
    steps = int(getattr(args, "train_steps", 0) or 0)
    if steps:
        window.session.train_for(3600.0, max_steps=steps)  # one undo entry; the session redraws the views
        window.session.close_run()
    if getattr(args, "screenshot", None):
        window.resize(1600, 1000)
        window.show()
        window.network_view.fit()
        ok = take_screenshot(window, args.screenshot)
        window.session.undo_stack.setClean()
        window.close()
        if not ok:
            print(f"error: could not write {args.screenshot}", file=sys.stderr)
            return 1
        return 0
    window.show()
    QTimer.singleShot(0, lambda: autosave.offer_restore(window))  # unsaved work left by a crash (not in --screenshot)
    if error:
        QTimer.singleShot(0, lambda: window.report_error(error))
    return app.exec()
