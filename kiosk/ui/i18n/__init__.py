"""The kiosk's Spanish (and later other) UI strings: Qt translators per area.

Each area of the UI (menu, request, admin) keeps its strings in ``<area>_<lang>.ts`` next to
this file, compiled to ``<area>_<lang>.qm`` (see docs/translations.md for the
``pyside6-lupdate`` / ``pyside6-lrelease`` step). :class:`Translations` installs every
``*_<lang>.qm`` when the session switches to that language and removes them when it switches
back. Installing or removing a translator sends every widget a ``LanguageChange`` event, on
which the screens re-set their texts; a string missing from a ``.qm`` stays English.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTranslator

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parent
#: The language the source strings are written in: no translator needed.
SOURCE_LANGUAGE = "en"


def catalogues(language: str, directory: Path = I18N_DIR) -> list[Path]:
    """The compiled catalogues for ``language``, in a stable order."""
    return sorted(directory.glob(f"*_{language}.qm"))


class Translations(QObject):
    """Keeps the application's translators in step with one language."""

    def __init__(self, directory: Path = I18N_DIR, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._directory = directory
        self._language = SOURCE_LANGUAGE
        self._installed: list[QTranslator] = []

    @property
    def language(self) -> str:
        return self._language

    @property
    def installed(self) -> tuple[QTranslator, ...]:
        return tuple(self._installed)

    def set_language(self, language: str) -> None:
        if language == self._language:
            return
        self._remove()
        self._language = language
        if language == SOURCE_LANGUAGE:
            return
        for path in catalogues(language, self._directory):
            translator = QTranslator(self)
            if translator.load(str(path)):
                QCoreApplication.installTranslator(translator)
                self._installed.append(translator)
            else:
                log.error("could not load the translation catalogue %s", path)

    def _remove(self) -> None:
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
            translator.deleteLater()
        self._installed.clear()
