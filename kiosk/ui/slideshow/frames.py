"""Slides rendered off the GUI thread, so the next frame is complete before it is shown.

A ``FramePreparer`` renders with the slide renderer in a ``QThreadPool`` worker and delivers
the ``QImage`` back to the GUI thread through a queued signal; the GUI thread turns it into a
``QPixmap`` (pixmaps may only be made there).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject, QRunnable, QSize, QThreadPool, Signal
from PySide6.QtGui import QImage, QPixmap

from kiosk.core.model import Deck, Slide

log = logging.getLogger(__name__)


class SlideRendering(Protocol):
    """What the player and topic browser need of ``kiosk.ui.render.slide_renderer.SlideRenderer``."""

    def render(self, slide: Slide, size: QSize, language: str = "en", *, large_text: bool = False) -> QImage: ...

    def render_scrolled(self, slide: Slide, view: QSize, language: str = "en", *, large_text: bool = False) -> QImage:
        """For the topic browser: ``view.width()`` wide, taller than the view when text
        would otherwise be cut (the browser scrolls it)."""
        ...


RendererFactory = Callable[[Deck], SlideRendering]


def default_renderer_factory(deck: Deck) -> SlideRendering:
    from kiosk.ui.render.slide_renderer import SlideRenderer

    return SlideRenderer(deck)


def render_error_types() -> tuple[type[BaseException], ...]:
    """The renderer's "this slide cannot be drawn" error (skip the slide, keep playing)."""
    from kiosk.ui.render.errors import SlideRenderError

    return (SlideRenderError,)


@dataclass(frozen=True)
class FrameKey:
    """What a rendered frame depends on."""

    version: str
    slide_id: str
    width: int
    height: int
    language: str


@dataclass(frozen=True)
class Frame:
    key: FrameKey
    slide: Slide
    pixmap: QPixmap


class _Relay(QObject):
    """Lives in the GUI thread; emitting from a worker therefore queues to the GUI thread."""

    rendered = Signal(int, QImage)
    failed = Signal(int, str, bool)  # ticket, message, expected (SlideRenderError)


class _RenderJob(QRunnable):
    def __init__(
        self, ticket: int, renderer: SlideRendering, slide: Slide, size: QSize, language: str, relay: _Relay
    ) -> None:
        super().__init__()
        self._ticket = ticket
        self._renderer = renderer
        self._slide = slide
        self._size = QSize(size)
        self._language = language
        self._relay = relay

    def run(self) -> None:
        try:
            image = self._renderer.render(self._slide, self._size, self._language)
        except render_error_types() as exc:
            self._relay.failed.emit(self._ticket, str(exc) or type(exc).__name__, True)
            return
        except Exception as exc:  # noqa: BLE001 - a renderer bug must not kill the worker or the show; logged with its traceback
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            log.error("renderer crashed on slide %s:\n%s", self._slide.id, traceback.format_exc())
            self._relay.failed.emit(self._ticket, detail, False)
            return
        self._relay.rendered.emit(self._ticket, image)


class FramePreparer(QObject):
    """Renders slides in a worker thread; emits ``ready(Frame)`` or ``failed(slide_id, message)``.

    Only the latest request for each key is kept; finished frames stay in a small cache
    (current and next slide) so a prepared frame is shown without waiting.
    """

    ready = Signal(object)  # Frame
    failed = Signal(str, str)  # slide id, message

    def __init__(self, renderer: SlideRendering, version: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._renderer = renderer
        self._version = version
        self._pool = QThreadPool(self)
        # One worker: renders are memory-heavy and the machine has few cores; the GUI thread
        # must stay free for painting transitions.
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.rendered.connect(self._on_rendered)
        self._relay.failed.connect(self._on_failed)
        self._next_ticket = 0
        self._pending: dict[int, tuple[FrameKey, Slide]] = {}
        self._cache: dict[FrameKey, Frame] = {}

    def set_renderer(self, renderer: SlideRendering, version: str) -> None:
        """A new deck: later requests use this renderer; frames of the old deck are dropped
        (except ones still on screen, which their holders keep)."""
        self._renderer = renderer
        self._version = version
        self._cache.clear()
        self._pending.clear()

    def key_for(self, slide: Slide, size: QSize, language: str) -> FrameKey:
        return FrameKey(self._version, slide.id, size.width(), size.height(), language)

    def cached(self, slide: Slide, size: QSize, language: str) -> Frame | None:
        return self._cache.get(self.key_for(slide, size, language))

    def is_pending(self, slide: Slide, size: QSize, language: str) -> bool:
        key = self.key_for(slide, size, language)
        return any(k == key for k, _ in self._pending.values())

    def request(self, slide: Slide, size: QSize, language: str) -> None:
        """Prepare ``slide``; ``ready`` follows at once when it is cached."""
        key = self.key_for(slide, size, language)
        frame = self._cache.get(key)
        if frame is not None:
            self.ready.emit(frame)
            return
        if self.is_pending(slide, size, language):
            return
        ticket = self._next_ticket
        self._next_ticket += 1
        self._pending[ticket] = (key, slide)
        self._pool.start(_RenderJob(ticket, self._renderer, slide, size, language, self._relay))

    def keep_only(self, keys: set[FrameKey]) -> None:
        """Drop cached frames other than ``keys`` (bounded memory: current and next)."""
        for key in [k for k in self._cache if k not in keys]:
            del self._cache[key]

    def wait_idle(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    @property
    def rendering(self) -> bool:
        """A render is running or queued (see kiosk/ui/retire.py for why that matters)."""
        return self._pool.activeThreadCount() > 0

    def _on_rendered(self, ticket: int, image: QImage) -> None:
        entry = self._pending.pop(ticket, None)
        if entry is None:  # superseded by a new deck
            return
        key, slide = entry
        frame = Frame(key, slide, QPixmap.fromImage(image))
        self._cache[key] = frame
        self.ready.emit(frame)

    def _on_failed(self, ticket: int, message: str, _expected: bool) -> None:
        entry = self._pending.pop(ticket, None)
        if entry is None:
            return
        self.failed.emit(entry[0].slide_id, message)
