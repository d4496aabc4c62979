"""Read aloud: slides spoken by Qt TextToSpeech when the machine has a speech engine.

QtTextToSpeech ships in PySide6-Addons (the optional ``speech`` extra), and even then a
machine may have no engine or voice. :func:`create_speaker` returns ``None`` in every such
case, and the "Read aloud" button is hidden rather than broken.
"""

from __future__ import annotations

import logging
from typing import Protocol

from PySide6.QtCore import QLocale, QObject

from kiosk.core.model import Clinic, Slide
from kiosk.core.resources import running_from_bundle
from kiosk.ui.render.slide_parts import slide_parts, spoken_text

log = logging.getLogger(__name__)


class Speaker(Protocol):
    """What the kiosk needs of ``QTextToSpeech``."""

    def say(self, text: str) -> None: ...
    def stop(self) -> None: ...
    def setLocale(self, locale: QLocale) -> None: ...


def slide_text(slide: Slide, clinic: Clinic, language: str) -> str:
    """What a slide says, as plain sentences for a speech engine (no Markdown markers): the
    same words, in the same order, as a screen reader finds on it
    (kiosk/ui/render/slide_parts.py)."""
    return spoken_text(slide_parts(slide, clinic, language))


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
