"""Read aloud: slides spoken by Qt TextToSpeech when the machine has a speech engine.

QtTextToSpeech ships in PySide6-Addons (the optional ``speech`` extra), and even then a
machine may have no engine or voice. :func:`create_speaker` returns ``None`` in every such
case, and the "Read aloud" button is hidden rather than broken.
"""

from __future__ import annotations

import logging
from typing import Protocol

from PySide6.QtCore import QLocale, QObject

from kiosk.core.markdown import MarkdownError, parse_markdown, plain_text
from kiosk.core.model import BulletsSlide, ContactSlide, ExerciseSlide, InfoSlide, NewsSlide, Slide
from kiosk.core.resources import running_from_bundle
from kiosk.core.text import LocalizedText

log = logging.getLogger(__name__)


class Speaker(Protocol):
    """What the kiosk needs of ``QTextToSpeech``."""

    def say(self, text: str) -> None: ...
    def stop(self) -> None: ...
    def setLocale(self, locale: QLocale) -> None: ...


def _plain(text: LocalizedText | None, language: str) -> str:
    if text is None:
        return ""
    raw = text.get(language)
    try:
        return plain_text(parse_markdown(raw))
    except MarkdownError:
        return raw


def slide_text(slide: Slide, language: str) -> str:
    """What a slide says, as plain sentences for a speech engine (no Markdown markers)."""
    parts = [slide.title.get(language)]
    if isinstance(slide, (InfoSlide, NewsSlide)):
        parts.append(_plain(slide.body, language))
    elif isinstance(slide, BulletsSlide):
        parts.extend(_plain(item, language) for item in slide.items)
    elif isinstance(slide, ExerciseSlide):
        parts.extend(_plain(step, language) for step in slide.steps)
        parts.append(_plain(slide.caution, language))
    elif isinstance(slide, ContactSlide):
        parts.append(_plain(slide.body, language))
        parts.append(_plain(slide.qr_caption, language))
    return "\n".join(p for p in parts if p)


def missing_speech_reason(bundled: bool) -> str:
    """Why there is no Qt TextToSpeech, in words for whoever installed this kiosk."""
    if bundled:
        # deploy/bundle_contents.py leaves it out of the packaged kiosk on purpose.
        return "the packaged kiosk does not include Qt TextToSpeech (the Read aloud button stays hidden)"
    return "QtTextToSpeech is not installed (pip install 'clinic-kiosk[speech]' in this environment)"


def create_speaker(parent: QObject | None = None) -> Speaker | None:
    """A ready ``QTextToSpeech``, or ``None`` when the module or every engine is missing."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        log.info("read aloud unavailable: %s", missing_speech_reason(running_from_bundle()))
        return None
    engines = [e for e in QTextToSpeech.availableEngines() if e != "mock"]
    if not engines:
        log.info("read aloud unavailable: no speech engine on this machine")
        return None
    engine = QTextToSpeech(engines[0], parent)
    if engine.state() == QTextToSpeech.State.Error:
        log.warning("read aloud unavailable: speech engine %s failed: %s", engines[0], engine.errorString())
        return None
    return engine


def locale_for(language: str) -> QLocale:
    return QLocale(QLocale.Language.Spanish if language == "es" else QLocale.Language.English)
