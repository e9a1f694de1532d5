"""Korean and English: Qt translators for the app's strings and Qt's own dialogs.

The app's strings live in resources/translations/backprop_ko.ts (source,
edited with Qt Linguist or by hand) and are compiled with pyside6-lrelease to
backprop_ko.qm.  English is the source language, so "en" just removes the
translators.  Switching at runtime sends QEvent.LanguageChange to every
widget; the main window re-sets its strings when it sees it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from model.resources import RESOURCES

TRANSLATIONS = RESOURCES / "translations"
LANGUAGES = ("en", "ko")
SETTINGS_KEY = "language"

_installed: list[QTranslator] = []
_current = "en"


def current_language() -> str:
    return _current


def preferred_language() -> str:
    """The remembered choice, else the system locale's language if we have it, else English."""
    saved = QSettings().value(SETTINGS_KEY, "", type=str)
    if saved in LANGUAGES:
        return saved
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"


def set_language(code: str, remember: bool = True) -> bool:
    """Install the translators for ``code`` ("en" or "ko"); False if its .qm file is missing."""
    global _current
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}; choose one of {', '.join(LANGUAGES)}")
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    ok = True
    if code != "en":
        ours = QTranslator(app)
        ok = ours.load(str(TRANSLATIONS / f"backprop_{code}.qm"))
        if ok:
            app.installTranslator(ours)
            _installed.append(ours)
        qt_own = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{code}", qt_dir):
            app.installTranslator(qt_own)
            _installed.append(qt_own)
    _current = code if ok else "en"
    if remember:
        QSettings().setValue(SETTINGS_KEY, _current)
    return ok
