"""Slides prepared before they are shown: the player asks the render service for the next
slide, so its frame is complete before the transition starts.

Images come back on the GUI thread, which turns them into ``QPixmap``s (pixmaps may only be
made there). Only the latest deck's frames are kept, and only the few the player names
(current and next).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QObject, QSize, Signal
from PySide6.QtGui import QPixmap

from kiosk.core.model import Deck, Slide
from kiosk.ui.render.service import (
    Priority,
    RendererFactory,
    RenderResult,
    RenderService,
    RenderSpec,
    SlideRendering,
    default_renderer_factory,
)
from kiosk.ui.render.text_regions import NO_REGIONS, TextRegions, read_regions

__all__ = ["Frame", "FrameKey", "FramePreparer", "RendererFactory", "SlideRendering", "default_renderer_factory"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FrameKey:
    """What a rendered frame depends on."""

    version: str
    slide_id: str
    width: int
    height: int
    language: str
    #: Pixels kept for the notices banner (0: none).
    banner: int = 0


@dataclass(frozen=True)
class Frame:
    key: FrameKey
    slide: Slide
    pixmap: QPixmap
    #: Where the slide's words are drawn (for screen readers), in pixmap pixels.
    regions: TextRegions = field(default_factory=lambda: NO_REGIONS)


class FramePreparer(QObject):
    """Has slides rendered by ``service``; emits ``ready(Frame)`` or ``failed(slide_id, message)``.

    Only the latest request for each key is kept; finished frames stay in a small cache
    (current and next slide) so a prepared frame is shown without waiting.
    """

    ready = Signal(object)  # Frame
    failed = Signal(str, str)  # slide id, message

    def __init__(
        self,
        service: RenderService,
        deck: Deck,
        parent: QObject | None = None,
        *,
        banner: Callable[[QSize, str], int] = lambda _size, _language: 0,
        now: Callable[[], datetime | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._deck = deck
        #: The banner's height for a size and language (the notices board's reserve).
        self._banner = banner
        #: The moment a render shows (the contact slide's opening hours).
        self._now = now
        self._pending: set[FrameKey] = set()
        self._cache: dict[FrameKey, Frame] = {}

    @property
    def service(self) -> RenderService:
        return self._service

    def set_deck(self, deck: Deck) -> None:
        """A new deck: later requests render it; frames and requests of the old deck are
        dropped (except frames still on screen, which their holders keep)."""
        self._deck = deck
        self._cache.clear()
        self._pending.clear()
        self._service.cancel_owner(self)

    def key_for(self, slide: Slide, size: QSize, language: str) -> FrameKey:
        banner = self._banner(size, language)
        return FrameKey(self._deck.version, slide.id, size.width(), size.height(), language, banner)

    def cached(self, slide: Slide, size: QSize, language: str) -> Frame | None:
        return self._cache.get(self.key_for(slide, size, language))

    def is_pending(self, slide: Slide, size: QSize, language: str) -> bool:
        return self.key_for(slide, size, language) in self._pending

    def request(self, slide: Slide, size: QSize, language: str, *, priority: Priority = Priority.SHOWN) -> None:
        """Prepare ``slide``; ``ready`` follows at once when it is cached."""
        key = self.key_for(slide, size, language)
        frame = self._cache.get(key)
        if frame is not None:
            self.ready.emit(frame)
            return
        if key in self._pending:
            return
        self._pending.add(key)
        spec = RenderSpec.of(self._deck, slide, size, language, banner=key.banner, at=self._now())
        self._service.request(spec, lambda result: self._on_result(key, slide, result), priority=priority, owner=self)

    def keep_only(self, keys: set[FrameKey]) -> None:
        """Drop cached frames other than ``keys`` (bounded memory: current and next)."""
        for key in [k for k in self._cache if k not in keys]:
            del self._cache[key]

    def _on_result(self, key: FrameKey, slide: Slide, result: RenderResult) -> None:
        if key not in self._pending:  # superseded by a new deck
            return
        self._pending.discard(key)
        if result.image is None:
            self.failed.emit(slide.id, result.error if result.expected else _last_line(result.error))
            return
        frame = Frame(key, slide, QPixmap.fromImage(result.image), read_regions(result.image))
        self._cache[key] = frame
        self.ready.emit(frame)


def _last_line(trace: str) -> str:
    """The exception line of a traceback (the whole trace is in the log)."""
    lines = [line for line in trace.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "renderer crashed"
