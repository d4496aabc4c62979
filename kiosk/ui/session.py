"""What the patient at the screen has chosen, and the one place that forgets it.

Every screen that holds anything a patient chose or typed connects to ``resetRequested`` and
clears itself there; the idle timeout, "Back to slideshow" and a finished request all end in
``reset()``, so the next patient never sees the previous one's choices.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk.core.text import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES


class Session(QObject):
    languageChanged = Signal(str)
    largeTextChanged = Signal(bool)
    highContrastChanged = Signal(bool)
    #: Emitted by ``reset()`` after the settings above are back to their defaults.
    resetRequested = Signal()

    def __init__(
        self,
        default_language: str = DEFAULT_LANGUAGE,
        parent: QObject | None = None,
        *,
        default_high_contrast: bool = False,
    ) -> None:
        super().__init__(parent)
        if default_language not in SUPPORTED_LANGUAGES:
            raise ValueError(f"unsupported language {default_language!r}")
        self._default_language = default_language
        self._language = default_language
        self._large_text = False
        # A kiosk configured for high contrast (display.theme) starts in it and comes back to
        # it for every patient; a patient can still turn it off for their own visit.
        self._default_high_contrast = default_high_contrast
        self._high_contrast = default_high_contrast

    @property
    def language(self) -> str:
        return self._language

    def set_language(self, language: str) -> None:
        if language not in SUPPORTED_LANGUAGES:
            raise ValueError(f"unsupported language {language!r}")
        if language != self._language:
            self._language = language
            self.languageChanged.emit(language)

    @property
    def large_text(self) -> bool:
        return self._large_text

    def set_large_text(self, on: bool) -> None:
        if on != self._large_text:
            self._large_text = on
            self.largeTextChanged.emit(on)

    @property
    def high_contrast(self) -> bool:
        return self._high_contrast

    def set_high_contrast(self, on: bool) -> None:
        if on != self._high_contrast:
            self._high_contrast = on
            self.highContrastChanged.emit(on)

    def reset(self) -> None:
        """Back to the attract loop's defaults; screens clear themselves on ``resetRequested``."""
        self.set_language(self._default_language)
        self.set_large_text(False)
        self.set_high_contrast(self._default_high_contrast)
        self.resetRequested.emit()
