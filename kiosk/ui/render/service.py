"""The one render service: every screen that shows slides asks it for them.

The slideshow's next slide, the topic browser's slides, ``kiosk preview``, the self-test (and
a studio's thumbnails and live preview) all ask for "this slide of this deck at this size,
language, text size and contrast" with a priority. Superseded requests can be cancelled,
finished images go back to whoever asked, and a bounded cache keeps recent ones.

Why it cannot deadlock (README, "Rendering off the GUI thread"): PySide6 holds the GIL
while Qt runs, and Qt calls back into PySide (which waits for the GIL) while it holds its
internal signal lock, e.g. when the GUI thread destroys or disconnects a Python-made object.
A thread that holds the GIL must therefore never wait for that lock. The render workers
here are plain Python threads that create no QObject and emit no Qt signal, so they never
take it:

- slide text is laid out with ``QTextLayout`` and photos are decoded with Pillow; SVG
  drawings (Qt's SVG renderer is a QObject) are handed to the GUI thread, which draws them
  in 1-3 ms while the worker waits on a Python event, without the GIL;
- results go back through a Python queue that the GUI thread drains on a ``QTimer``, which
  runs only while work is outstanding.

``tests/ui/test_render_service.py`` watches every QObject a worker creates, with a hook in
Qt itself, and fails on any.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time
import traceback
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum
from typing import Any, Protocol

from PySide6.QtCore import QObject, QSize, Qt, QTimer
from PySide6.QtGui import QImage

from kiosk.core.model import Deck, Slide
from kiosk.core.opening import opening_now
from kiosk.ui.render.errors import SlideRenderError
from kiosk.ui.render.images import draw_svg

log = logging.getLogger(__name__)

#: How often the GUI thread looks for finished work while some is outstanding.
POLL_MS = 4
#: Renderers (one per deck version) kept for requests still in flight after a reload.
KEPT_RENDERERS = 3
#: How long a worker waiting for the GUI thread to draw an SVG picture waits between checks
#: that the service still runs.
WAIT_SLICE_S = 0.05
#: A worker with nothing to do for this long ends.
IDLE_EXIT_S = 5.0


class Priority(IntEnum):
    """Lower goes first."""

    #: Someone is looking at the screen waiting for it.
    SHOWN = 0
    #: Will be wanted soon: the slideshow's next slide, the browser's neighbours.
    NEXT = 1
    #: Thumbnails and other work nobody waits for.
    BACKGROUND = 2


RenderKey = tuple[str, str, int, int, str, bool, bool, bool, int, Hashable]


@dataclass(frozen=True, eq=False)
class RenderSpec:
    """One slide of one deck as it should look."""

    deck: Deck
    slide: Slide
    width: int
    height: int
    language: str = "en"
    large_text: bool = False
    high_contrast: bool = False
    #: The topic browser's way: ``width`` wide and at least ``height`` tall, growing taller
    #: rather than cutting text (it scrolls).
    scrolled: bool = False
    #: Pixels kept free above the footer for the notices banner (the slideshow draws it).
    banner: int = 0
    #: The moment the slide is shown: the contact slide says whether the clinic is open then.
    at: datetime | None = None

    @classmethod
    def of(cls, deck: Deck, slide: Slide, size: QSize, language: str = "en", **options: Any) -> RenderSpec:
        return cls(deck, slide, size.width(), size.height(), language, **options)

    @property
    def size(self) -> QSize:
        return QSize(self.width, self.height)

    @property
    def key(self) -> RenderKey:
        return (
            self.deck.version,
            self.slide.id,
            self.width,
            self.height,
            self.language,
            self.large_text,
            self.high_contrast,
            self.scrolled,
            self.banner,
            self._moment(),
        )

    def _moment(self) -> Hashable:
        """What of ``at`` the picture shows: the contact slide's opening hours right now (the
        same picture all afternoon), nothing for the other kinds."""
        if self.at is None or self.slide.kind != "contact":
            return None
        return opening_now(self.deck.clinic, self.at)


@dataclass(frozen=True)
class RenderResult:
    spec: RenderSpec
    image: QImage | None
    #: Why there is no image: the renderer's message (the slide cannot be drawn) ...
    error: str = ""
    #: ... and whether that was a SlideRenderError (bad content) rather than a renderer bug.
    expected: bool = True

    @property
    def key(self) -> RenderKey:
        return self.spec.key

    @property
    def ok(self) -> bool:
        return self.image is not None


Callback = Callable[[RenderResult], None]


class SlideRendering(Protocol):
    """What the service needs of a renderer (``kiosk.ui.render.slide_renderer.SlideRenderer``
    or a test's stand-in); only the method a request needs is called, and ``high_contrast``,
    ``banner`` (pixels kept for the notices banner) and ``at`` (the moment a contact slide
    shows) are passed only when they matter."""

    def render(self, slide: Slide, size: QSize, language: str = "en", *, large_text: bool = False) -> QImage: ...

    def render_scrolled(self, slide: Slide, view: QSize, language: str = "en", *, large_text: bool = False) -> QImage:
        """``view.width()`` wide, taller than the view when text would otherwise be cut."""
        ...


RendererFactory = Callable[[Deck], SlideRendering]


def default_renderer_factory(deck: Deck) -> SlideRendering:
    from kiosk.ui.render.slide_renderer import SlideRenderer

    return SlideRenderer(deck)


@dataclass(eq=False)
class _Job:
    spec: RenderSpec
    renderer: SlideRendering
    priority: int
    seq: int
    #: (ticket, callback) pairs still waiting for this image.
    waiting: list[tuple[RenderTicket, Callback]] = field(default_factory=list)
    running: bool = False


class RenderTicket:
    """A request's handle: :meth:`cancel` when its image is no longer wanted."""

    def __init__(self, service: RenderService | None, key: RenderKey, owner: object) -> None:
        self._service = service
        self.key = key
        self.owner = owner

    def cancel(self) -> None:
        if self._service is not None:
            self._service._cancel(self)
            self._service = None


@dataclass(eq=False)
class _VectorCall:
    """An SVG picture a worker needs, drawn by the GUI thread."""

    data: bytes
    size: QSize
    done: threading.Event = field(default_factory=threading.Event)
    image: QImage | None = None
    error: str = ""


class _Stopped(Exception):
    """The service stopped while a worker waited for the GUI thread."""


class RenderWorker(threading.Thread):
    """A plain Python thread: it creates no QObject and emits no Qt signal (see the module)."""

    def __init__(self, service: RenderService, number: int) -> None:
        super().__init__(name=f"slide-render-{number}", daemon=True)
        self._service = service

    def vector_port(self, data: bytes, size: QSize) -> QImage:
        """Draw an SVG picture on the GUI thread and wait for it (see kiosk/ui/render/images.py)."""
        return self._service._draw_on_gui_thread(data, size)

    def run(self) -> None:
        self._service._work(self)


class RenderService(QObject):
    """Renders slides in ``workers`` Python threads; results come back on the GUI thread.

    One worker by default, as before the service: the slideshow and the browser never need
    two renders at once (the slideshow pauses while a patient browses), the machine has two
    cores and the GUI thread needs one, and each render thread keeps its own font caches.

    Create, call and stop it on the GUI thread only. ``cache_bytes`` bounds the images kept
    for later requests (0 keeps none: the kiosk's screens keep what they show as pixmaps).
    """

    def __init__(
        self,
        *,
        renderer_factory: RendererFactory = default_renderer_factory,
        workers: int = 1,
        cache_bytes: int = 0,
        poll_ms: int = POLL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if workers < 1:
            raise ValueError("a render service needs at least one worker")
        self._factory = renderer_factory
        self._worker_count = workers
        self._workers: list[RenderWorker] = []
        self._worker_numbers = itertools.count()
        self._cache_limit = max(0, cache_bytes)
        self._cache: OrderedDict[RenderKey, QImage] = OrderedDict()
        self._cache_used = 0
        self._renderers: OrderedDict[str, SlideRendering] = OrderedDict()
        self._seq = itertools.count()
        # Shared with the workers, always under _lock:
        self._lock = threading.Lock()
        self._work_ready = threading.Condition(self._lock)
        self._heap: list[tuple[int, int, _Job]] = []
        self._jobs: dict[RenderKey, _Job] = {}
        self._stopping = False
        # Filled by workers, emptied by the GUI thread (deque appends and pops are atomic):
        self._finished: deque[RenderResult] = deque()
        self._vector_calls: deque[_VectorCall] = deque()
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._drain)
        #: Renders finished, for tests and benchmarks.
        self.renders_done = 0

    # -- asking --------------------------------------------------------------------------------
    def request(
        self, spec: RenderSpec, done: Callback, *, priority: Priority = Priority.SHOWN, owner: object = None
    ) -> RenderTicket:
        """Render ``spec``; ``done(result)`` is called on the GUI thread, at once when the
        image is cached. A second request for the same image joins the first (at the more
        urgent of the two priorities). ``owner`` groups requests for :meth:`cancel_owner`."""
        key = spec.key
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            done(RenderResult(spec, cached))
            return RenderTicket(None, key, owner)
        if self._stopping:
            return RenderTicket(None, key, owner)
        ticket = RenderTicket(self, key, owner)
        with self._lock:
            job = self._jobs.get(key)
            if job is None:
                job = _Job(spec, self._renderer_for(spec.deck), int(priority), next(self._seq))
                self._jobs[key] = job
                heapq.heappush(self._heap, (job.priority, job.seq, job))
                self._work_ready.notify()
            elif int(priority) < job.priority and not job.running:
                job.priority, job.seq = int(priority), next(self._seq)
                heapq.heappush(self._heap, (job.priority, job.seq, job))
                self._work_ready.notify()
            job.waiting.append((ticket, done))
        self._start_workers()
        if not self._timer.isActive():
            self._timer.start()
        return ticket

    def cancel_owner(self, owner: object, *, keep: set[RenderKey] | frozenset[RenderKey] = frozenset()) -> None:
        """Drop ``owner``'s requests except those for ``keep`` (superseded: the patient moved on,
        the deck changed). A queued render nobody waits for any more never starts."""
        with self._lock:
            for key, job in list(self._jobs.items()):
                if key in keep:
                    continue
                job.waiting = [(t, cb) for t, cb in job.waiting if t.owner is not owner]
                self._forget_if_unwanted(key, job)

    def cached(self, spec: RenderSpec) -> QImage | None:
        return self._cache.get(spec.key)

    def is_pending(self, spec: RenderSpec) -> bool:
        with self._lock:
            return spec.key in self._jobs

    @property
    def busy(self) -> bool:
        """Work is queued or running, or results wait for the GUI thread."""
        with self._lock:
            return bool(self._jobs) or bool(self._finished) or bool(self._vector_calls)

    @property
    def stopped(self) -> bool:
        return self._stopping

    def render_now(self, spec: RenderSpec) -> QImage:
        """Render on this thread, which must be the GUI thread (``kiosk preview``: no event loop,
        no worker). Raises SlideRenderError when the slide cannot be drawn."""
        if threading.current_thread() is not threading.main_thread():
            raise RuntimeError("render_now runs on the GUI thread only")
        image = _render(self._renderer_for(spec.deck), spec)
        self._remember(spec.key, image)
        return image

    # -- stopping ------------------------------------------------------------------------------
    def stop(self, timeout: float = 2.0) -> bool:
        """No more work: queued renders are dropped, a worker waiting for an SVG picture gives
        up, and the workers are given ``timeout`` seconds in all to finish the render in hand
        (they are daemon threads: one still running never holds up the process's exit).
        Returns whether every worker ended in time."""
        with self._lock:
            self._stopping = True
            self._heap.clear()
            self._jobs.clear()
            self._work_ready.notify_all()
        self._timer.stop()
        self._finish_vector_calls(error="the render service stopped")
        self._finished.clear()
        with self._lock:
            workers = list(self._workers)
        deadline = time.monotonic() + timeout
        for worker in workers:
            if worker.is_alive():
                worker.join(max(0.0, deadline - time.monotonic()))
        return not any(worker.is_alive() for worker in workers)

    # -- the GUI thread's side -----------------------------------------------------------------
    def _renderer_for(self, deck: Deck) -> SlideRendering:
        renderer = self._renderers.get(deck.version)
        if renderer is None:
            # Made here, on the GUI thread: a renderer registers the bundled font.
            renderer = self._renderers[deck.version] = self._factory(deck)
            while len(self._renderers) > KEPT_RENDERERS:
                self._renderers.popitem(last=False)
        else:
            self._renderers.move_to_end(deck.version)
        return renderer

    def _start_workers(self) -> None:
        with self._lock:
            waiting = sum(1 for job in self._jobs.values() if not job.running)
            wanted = min(self._worker_count, len(self._workers) + waiting)
            while len(self._workers) < wanted:
                worker = RenderWorker(self, next(self._worker_numbers))
                self._workers.append(worker)
                worker.start()

    def worker_idents(self) -> list[int]:
        """The thread ids of the workers now running (tests watch them)."""
        with self._lock:
            return [w.ident for w in self._workers if w.ident is not None]

    def _drain(self) -> None:
        self._finish_vector_calls()
        while self._finished:
            result = self._finished.popleft()
            with self._lock:
                job = self._jobs.pop(result.key, None)
            if job is None:  # cancelled meanwhile, or the service stopped
                continue
            self.renders_done += 1
            if result.image is not None:
                self._remember(result.key, result.image)
            elif not result.expected:
                log.error("renderer crashed on slide %s:\n%s", result.spec.slide.id, result.error)
            for _ticket, done in job.waiting:
                try:
                    done(result)
                except Exception:  # one screen's bug must not starve the others of their slides
                    log.exception("a render result's receiver failed")
        if not self.busy:
            self._timer.stop()

    def _finish_vector_calls(self, error: str = "") -> None:
        while self._vector_calls:
            call = self._vector_calls.popleft()
            if error:
                call.error = error
            else:
                try:
                    call.image = draw_svg(call.data, call.size)
                except SlideRenderError as exc:
                    call.error = str(exc)
            call.done.set()

    def _remember(self, key: RenderKey, image: QImage) -> None:
        if self._cache_limit <= 0:
            return
        size = image.sizeInBytes()
        if size > self._cache_limit:
            return
        old = self._cache.pop(key, None)
        if old is not None:
            self._cache_used -= old.sizeInBytes()
        self._cache[key] = image
        self._cache_used += size
        while self._cache_used > self._cache_limit:
            _key, dropped = self._cache.popitem(last=False)
            self._cache_used -= dropped.sizeInBytes()

    def _cancel(self, ticket: RenderTicket) -> None:
        with self._lock:
            job = self._jobs.get(ticket.key)
            if job is None:
                return
            job.waiting = [(t, cb) for t, cb in job.waiting if t is not ticket]
            self._forget_if_unwanted(ticket.key, job)

    def _forget_if_unwanted(self, key: RenderKey, job: _Job) -> None:
        # Under _lock. A running render finishes (and may be cached); a queued one is dropped.
        if not job.waiting and not job.running:
            del self._jobs[key]

    # -- the workers' side ---------------------------------------------------------------------
    def _work(self, worker: RenderWorker) -> None:
        while True:
            with self._lock:
                job = self._next_job()
                while job is None:
                    # An idle worker ends (a new one starts with the next request): nothing
                    # runs while the kiosk has nothing to render, and a service dropped
                    # without stop() lets go of its threads.
                    if self._stopping or not self._work_ready.wait(IDLE_EXIT_S):
                        if self._next_job_waiting():
                            break
                        self._workers.remove(worker)
                        return
                    job = self._next_job()
                if job is None:
                    continue
                job.running = True
            result = self._run(job)
            if result is not None:
                self._finished.append(result)

    def _next_job_waiting(self) -> bool:
        # Under _lock: work arrived just as the wait timed out.
        return not self._stopping and any(self._jobs.get(j.spec.key) is j for _p, _s, j in self._heap)

    def _next_job(self) -> _Job | None:
        # Under _lock. Skips entries of dropped jobs and stale entries of re-prioritised ones.
        while self._heap and not self._stopping:
            priority, seq, job = heapq.heappop(self._heap)
            if self._jobs.get(job.spec.key) is job and (priority, seq) == (job.priority, job.seq):
                return job
        return None

    def _run(self, job: _Job) -> RenderResult | None:
        try:
            image = _render(job.renderer, job.spec)
        except _Stopped:
            return None
        except SlideRenderError as exc:
            return RenderResult(job.spec, None, str(exc) or type(exc).__name__, True)
        except Exception:  # noqa: BLE001 - a renderer bug must not kill the worker; the GUI thread logs it
            return RenderResult(job.spec, None, traceback.format_exc(), False)
        return RenderResult(job.spec, image)

    def _draw_on_gui_thread(self, data: bytes, size: QSize) -> QImage:
        call = _VectorCall(data, QSize(size))
        self._vector_calls.append(call)
        while not call.done.wait(WAIT_SLICE_S):
            if self._stopping:
                raise _Stopped
        if call.image is None:
            if self._stopping:
                raise _Stopped
            raise SlideRenderError(call.error)
        return call.image


def _render(renderer: SlideRendering, spec: RenderSpec) -> QImage:
    # Options beyond large_text are passed only when asked for: a test's stand-in renderer
    # need not know them.
    options: dict[str, Any] = {"large_text": spec.large_text}
    if spec.high_contrast:
        options["high_contrast"] = True
    if spec.banner > 0:
        options["banner"] = spec.banner
    if spec.at is not None and spec.slide.kind == "contact":
        options["at"] = spec.at
    method = renderer.render_scrolled if spec.scrolled else renderer.render
    return method(spec.slide, spec.size, spec.language, **options)
