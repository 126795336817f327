"""Creating the Qt application: language, translations, fonts."""

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app.resources import resource_path

TRANSLATIONS_DIR = resource_path("translations")
LANGUAGES = ("zh_CN", "en")


def create_application(language: str = "zh_CN", argv: list[str] | None = None) -> QApplication:
    """The QApplication with the chosen language installed (Simplified Chinese is the source)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("HotlineDesk")
    app.setApplicationDisplayName("热线座席工作台" if language == "zh_CN" else "Hotline Desk")
    install_translations(app, language)
    return app


def install_translations(app: QApplication, language: str) -> None:
    QLocale.setDefault(QLocale(language))
    qt_translator = QTranslator(app)
    if qt_translator.load(QLocale(language), "qtbase", "_",
                          QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
    if language != "zh_CN":
        ours = QTranslator(app)
        if ours.load(str(TRANSLATIONS_DIR / f"hotline_desk_{language}.qm")):
            app.installTranslator(ours)
