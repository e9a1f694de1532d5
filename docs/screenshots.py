"""Render the README's screenshots: python docs/screenshots.py [OUT_DIR]

Each picture is set up through the window's scripting surface (the same calls
the tests use), so the pictures show what a student sees after those clicks.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings  # noqa: E402

from gui.app import make_application, take_screenshot  # noqa: E402


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent)
    out.mkdir(parents=True, exist_ok=True)
    # The default look whatever this machine remembers, and nothing remembered afterwards:
    # settings go to a throw-away INI file, never the user's.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp(prefix="bp-shots-"))
    app = make_application()
    import model
    from gui import i18n
    from gui.window.main_window import MainWindow

    def shoot(window: MainWindow, name: str) -> None:
        window.resize(1600, 1000)
        window.show()
        app.processEvents()
        window.network_view.fit()
        take_screenshot(window, str(out / name))
        window.session.undo_stack.setClean()
        window.close()
        print(out / name)

    # 1. XOR learned: Play for a while, then the boundary bends around the four points.
    w = MainWindow(model.load_preset("xor_train"))
    w.session.train_for(60.0, max_steps=1500)
    w.session.values_changed.emit()
    w.select(("node", 1, 0))
    shoot(w, "xor_trained.png")

    # 2. The worked example B mid-step: backward view, the output weight's gradient and update.
    w = MainWindow(model.load_preset("backprop_walkthrough"))
    w.action("detailed").setChecked(False)
    while w.session.phase != "gradient 3":
        w.action("step_forward").trigger()
    w.view_mode.setCurrentIndex(1)
    w.select(("edge", 2, 0, 0))
    shoot(w, "walkthrough_backward.png")

    # 3. The same lesson in Korean, forward pass done, a hidden node selected.
    i18n.set_language("ko", remember=False)
    w = MainWindow(model.load_preset("backprop_walkthrough"))
    w.set_language("ko")
    w.action("detailed").setChecked(False)
    for _ in range(4):
        w.action("step_forward").trigger()
    w.select(("node", 1, 0))
    shoot(w, "walkthrough_korean.png")
    i18n.set_language("en", remember=False)

    # 4. Presentation mode for the back row.
    w = MainWindow(model.load_preset("xor_train"))
    w.session.train_for(60.0, max_steps=300)
    w.session.values_changed.emit()
    w.resize(1600, 1000)
    w.show()
    app.processEvents()  # as a teacher would: the window is laid out (and its late panels placed) before F5
    w.action("presentation").trigger()
    w.select(("edge", 1, 0, 0))
    shoot(w, "presentation.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
