"""The slideshow's brain on the GUI thread: what to show next, when, and with which deck.

The player drives ``Playback`` (the Qt-free sequencer), has each next slide rendered off the
GUI thread before its transition starts, and tells its view which frame to show. The view
reports back when a frame is fully visible; only then does the slide's timer start.

Time never comes from the wall clock directly: schedules read the injected ``Clock`` and every
interval goes through ``PlayerTiming``, so tests run a day of slides in milliseconds.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap

from kiosk.core.clock import Clock
from kiosk.core.model import Deck, Slide
from kiosk.core.problems import Problem
from kiosk.ui.notices.board import NoticeBoard
from kiosk.ui.render.service import Priority, RenderService
from kiosk.ui.render.text_regions import NO_REGIONS, TextRegions, read_regions
from kiosk.ui.slideshow.frames import Frame, FrameKey, FramePreparer, RendererFactory, default_renderer_factory
from kiosk.ui.slideshow.welcome import render_welcome

log = logging.getLogger(__name__)

TRANSITIONS = ("fade", "slide", "none")
#: Qt timers take int milliseconds; longer waits are split and re-checked.
MAX_TIMER_MS = 6 * 3600 * 1000


@dataclass(frozen=True)
class PlayerTiming:
    """Intervals the player uses; tests and benchmarks shrink them.

    ``time_scale`` is real seconds per content second: slide durations and schedule waits are
    multiplied by it (0.001 plays a 12 s slide in 12 ms; 10 makes it last two minutes).
    """

    time_scale: float = 1.0
    transition_ms: int = 800
    #: The shortest wait before re-checking the schedule, in content seconds.
    min_schedule_wait: float = 1.0
    #: How long before a slide's end the next slide's frame is rendered, in content seconds.
    #: Not at once: a 1080p frame is 8 MB (32 MB at 4K) held for the whole slide otherwise,
    #: and a render takes well under a second even on a busy two-core machine.
    prefetch_lead: float = 4.0

    def real_ms(self, content_seconds: float) -> int:
        return max(1, min(MAX_TIMER_MS, round(content_seconds * self.time_scale * 1000)))


class Sequencer(Protocol):
    """What the player needs of ``kiosk.core.playback.Playback``."""

    @property
    def deck(self) -> Deck: ...
    def current(self) -> Slide | None: ...
    def start(self) -> Slide | None: ...
    def advance(self) -> Slide | None: ...
    def peek_next(self) -> Slide | None: ...
    def duration(self, slide: Slide) -> float: ...
    def replace_deck(self, deck: Deck) -> None: ...
    def mark_broken(self, slide_id: str) -> None: ...
    def position(self) -> tuple[int, int]: ...
    def next_schedule_change(self) -> datetime | None: ...


SequencerFactory = Callable[[Deck, Clock], Sequencer]


def default_sequencer_factory(deck: Deck, clock: Clock) -> Sequencer:
    from kiosk.core.playback import Playback

    return Playback(deck, clock)


class LoadOutcome(Protocol):
    """What the player needs of ``kiosk.core.loader.LoadResult`` (read-only: it is frozen)."""

    @property
    def deck(self) -> Deck | None: ...

    @property
    def problems(self) -> tuple[Problem, ...]: ...

    @property
    def ok(self) -> bool: ...


class Player(QObject):
    """Plays a deck. Signals carry what the view shows; the view calls ``frame_visible``."""

    #: pixmap, transition ("fade"/"slide"/"none"), slide id ("" for the welcome frame)
    frameChanged = Signal(QPixmap, str, str)
    #: index (1-based), count, real seconds the slide stays up; count 0 hides the indicator
    progressChanged = Signal(int, int, float)
    slideShown = Signal(str)
    slideSkipped = Signal(str, str)
    deckApplied = Signal(str)
    reloadRejected = Signal(int)

    def __init__(
        self,
        deck: Deck,
        *,
        clock: Clock,
        size: QSize,
        language: str = "en",
        transition: str = "fade",
        timing: PlayerTiming = PlayerTiming(),
        renderer_factory: RendererFactory = default_renderer_factory,
        sequencer_factory: SequencerFactory = default_sequencer_factory,
        service: RenderService | None = None,
        notices: NoticeBoard | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if transition not in TRANSITIONS:
            raise ValueError(f"transition must be one of {', '.join(TRANSITIONS)}, not {transition!r}")
        self._clock = clock
        self._size = QSize(size)
        self._language = language
        self.transition = transition
        self.timing = timing
        self._playback = sequencer_factory(deck, clock)
        #: A service of its own unless the kiosk shares one between its screens.
        self._owns_service = service is None
        self._service = (
            service if service is not None else RenderService(renderer_factory=renderer_factory, parent=self)
        )
        #: The notices banner's board: frames keep room for its banner while notices show.
        self._notices = notices
        self._applying_deck = False
        self._preparer = FramePreparer(self._service, deck, self, banner=self.banner_for, now=clock.now)
        self._preparer.ready.connect(self._on_frame_ready)
        self._preparer.failed.connect(self._on_frame_failed)
        self.last_problems: tuple[Problem, ...] = ()
        #: The banner room of the welcome frame on screen.
        self._welcome_banner = 0

        self._shown: Frame | None = None  # None with _welcome False: nothing shown yet
        self._welcome = False
        self._welcome_regions: TextRegions = NO_REGIONS
        self._wanted: Slide | None = None  # waiting for this slide's frame
        #: ``_wanted`` is the slide on screen again, from a reloaded deck: shown only if it looks different.
        self._refreshing = False
        #: A reload arrived while the frame on screen was still coming up.
        self._recheck_when_visible = False
        self._awaiting_visible = False
        self._stopped = False
        self._paused = False
        #: A frame became visible while paused: its timer starts on ``resume``.
        self._visible_while_paused = False
        self._slide_left_ms: int | None = None

        self._slide_timer = QTimer(self)
        self._slide_timer.setSingleShot(True)
        self._slide_timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._slide_timer.timeout.connect(self._on_slide_elapsed)
        self._schedule_timer = QTimer(self)
        self._schedule_timer.setSingleShot(True)
        self._schedule_timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._schedule_timer.timeout.connect(self._on_schedule_change)
        self._prefetch_timer = QTimer(self)
        self._prefetch_timer.setSingleShot(True)
        self._prefetch_timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._prefetch_timer.timeout.connect(self._on_prefetch_due)
        if notices is not None:
            notices.changed.connect(self._on_notices_changed)

    # -- what the outside reads ------------------------------------------------------------
    @property
    def deck(self) -> Deck:
        return self._playback.deck

    @property
    def playback(self) -> Sequencer:
        return self._playback

    @property
    def current_slide(self) -> Slide | None:
        """The slide on screen (None while the welcome frame or nothing is shown)."""
        return self._shown.slide if self._shown is not None else None

    @property
    def showing_welcome(self) -> bool:
        return self._welcome

    @property
    def shown_regions(self) -> TextRegions:
        """Where the words of the frame on screen are drawn (kiosk/ui/render/text_regions.py)."""
        if self._welcome:
            return self._welcome_regions
        return self._shown.regions if self._shown is not None else NO_REGIONS

    @property
    def size(self) -> QSize:
        return QSize(self._size)

    @property
    def language(self) -> str:
        return self._language

    @property
    def preparer(self) -> FramePreparer:
        return self._preparer

    @property
    def service(self) -> RenderService:
        return self._service

    @property
    def notices(self) -> NoticeBoard | None:
        return self._notices

    @property
    def current_banner(self) -> int:
        """Pixels the frame on screen keeps for the notices banner (0: it has no banner)."""
        if self._shown is not None:
            return self._shown.key.banner
        return self._welcome_banner if self._welcome else 0

    def banner_for(self, size: QSize, language: str) -> int:
        """The banner room a frame of ``size`` in ``language`` keeps now."""
        return self._notices.reserve(size, language) if self._notices is not None else 0

    # -- control ---------------------------------------------------------------------------
    def start(self) -> None:
        slide = self._playback.start()
        if slide is None:
            self._show_welcome()
        else:
            self._want(slide)

    def stop(self) -> None:
        """Stop for good: no more timers or frames (shutdown, end of a test)."""
        self._stopped = True
        self._slide_timer.stop()
        self._schedule_timer.stop()
        self._prefetch_timer.stop()
        if self._owns_service:
            self._service.stop()
        else:
            self._service.cancel_owner(self._preparer)

    @property
    def slide_running(self) -> bool:
        """The slide on screen is fully visible and its time is running."""
        return self._slide_timer.isActive()

    @property
    def paused(self) -> bool:
        return self._paused

    def pause(self) -> None:
        """Hold the current slide (a patient is using the touch screens): no timers run and
        no frame is shown until ``resume``; a render already asked for waits in the cache."""
        if self._paused or self._stopped:
            return
        self._paused = True
        if self._slide_timer.isActive():
            self._slide_left_ms = max(1, self._slide_timer.remainingTime())
        self._slide_timer.stop()
        self._schedule_timer.stop()
        self._prefetch_timer.stop()
        log.debug("player paused")

    def resume(self) -> None:
        """Carry on where ``pause`` left off (the rest of the current slide's time)."""
        if not self._paused or self._stopped:
            return
        self._paused = False
        log.debug("player resumed")
        left, self._slide_left_ms = self._slide_left_ms, None
        if self._visible_while_paused:
            self._visible_while_paused = False
            self._awaiting_visible = True
            self.frame_visible()
        elif self._wanted is not None:
            self._want(self._wanted)
        elif left is not None and self._shown is not None:
            self._slide_timer.start(left)
            self._arm_prefetch(left)
            self._arm_schedule_timer()
        elif self._shown is not None and not self._awaiting_visible:
            slide_ms = self.timing.real_ms(self._playback.duration(self._shown.slide))
            self._slide_timer.start(slide_ms)
            self._arm_prefetch(slide_ms)
            self._arm_schedule_timer()
        else:
            self._on_schedule_change()

    def set_language(self, language: str) -> None:
        """Later frames (and the one on screen, re-rendered) follow ``language``."""
        if language == self._language:
            return
        self._language = language
        if self._wanted is not None:
            self._want(self._wanted)
        elif self._shown is not None and not self._awaiting_visible:
            self._slide_timer.stop()
            self._want(self._shown.slide)

    def set_size(self, size: QSize) -> None:
        """The view's size changed: later frames are rendered at the new size."""
        if size == self._size or size.isEmpty():
            return
        self._size = QSize(size)
        if self._wanted is not None:
            self._want(self._wanted)

    def show_slide(self, slide: Slide) -> None:
        """Show ``slide`` next regardless of the playlist (self-test, admin preview)."""
        self._slide_timer.stop()
        self._prefetch_timer.stop()
        self._want(slide)

    def frame_visible(self) -> None:
        """Called by the view when the last frame is fully on screen (transition over)."""
        if not self._awaiting_visible or self._stopped:
            return
        if self._paused:
            self._visible_while_paused = True
            self._awaiting_visible = False
            return
        self._awaiting_visible = False
        if self._shown is not None:
            slide_ms = self.timing.real_ms(self._playback.duration(self._shown.slide))
            self._slide_timer.start(slide_ms)
            if self._recheck_when_visible:
                self._recheck_when_visible = False
                self._redraw_current(self.deck)
                return
            self._arm_prefetch(slide_ms)
            self._arm_schedule_timer()
        else:
            # Something may have become due while the welcome frame was being shown.
            self._on_schedule_change()

    def apply_load_result(self, result: LoadOutcome) -> None:
        """A reload finished: apply a valid changed deck at the next slide boundary, or keep
        playing the last good deck and remember why the new content was rejected."""
        self.last_problems = tuple(result.problems)
        if not result.ok or result.deck is None:
            errors = [p for p in result.problems if p.is_error] or list(result.problems)
            log.warning("reload rejected: %d problem(s); still playing deck %s", len(errors), self.deck.version)
            for problem in result.problems:
                log.warning("  %s", problem)
            self.reloadRejected.emit(len(errors))
            return
        deck = result.deck
        if deck.version == self.deck.version:
            return
        self._playback.replace_deck(deck)
        self._preparer.set_deck(deck)
        if self._notices is not None:
            # Its notices first: the frames asked for below keep room for them. The board's
            # change is not acted on separately (the new deck's frames are asked for anyway).
            self._applying_deck = True
            try:
                self._notices.set_deck(deck)
            finally:
                self._applying_deck = False
        log.info("reload applied: deck %s with %d slides", deck.version, len(deck.slides))
        self.deckApplied.emit(deck.version)
        if self._wanted is not None:
            # Its render belonged to the old deck and was dropped; ask again with the new one.
            replacement = deck.slide(self._wanted.id)
            if replacement is not None:
                self._want(replacement)
            else:
                self._advance()
        elif self._welcome:
            self._on_schedule_change()
        elif not self._awaiting_visible:
            if self._shown is not None:
                self._redraw_current(deck)
            else:
                self._prefetch_next()
                self._arm_schedule_timer()
        elif self._shown is not None:
            # The frame on screen is still coming up: look at it again once it is visible.
            self._recheck_when_visible = True

    def _on_notices_changed(self) -> None:
        """Notices were posted, ended or expired: frames from now on keep the banner's new room,
        and the frame on screen is drawn again with it, at once (not at the next slide)."""
        if self._stopped or self._applying_deck:
            return
        if self._wanted is not None:
            self._want(self._wanted)  # its frame is asked for again, with the new room
        elif self._welcome:
            if self._welcome_banner != self.banner_for(self._size, self._language):
                self._show_welcome(again=True)
        elif self._shown is not None:
            if self._shown.key == self._key(self._shown.slide):
                if not self._awaiting_visible:
                    self._prefetch_next()
            elif self._awaiting_visible:
                self._recheck_when_visible = True
            else:
                self._redraw_current(self.deck)

    def _redraw_current(self, deck: Deck) -> None:
        """Staff saved while a slide is on screen: render it from the new deck and show it if it
        changed (a removed or no longer scheduled slide gives way to the next one at once)."""
        assert self._shown is not None
        current = self._shown.slide
        replacement = deck.slide(current.id)
        if replacement is None or not deck.is_playing(replacement, self._clock.now()):
            log.info("slide %s is gone from the new content: moving on", current.id)
            self._slide_timer.stop()
            self._advance()
            return
        self._refreshing = True
        self._want(replacement)

    # -- internals -------------------------------------------------------------------------
    def _key(self, slide: Slide) -> FrameKey:
        return self._preparer.key_for(slide, self._size, self._language)

    def _want(self, slide: Slide) -> None:
        if self._refreshing and (self._shown is None or slide.id != self._shown.slide.id):
            self._refreshing = False
        self._wanted = slide
        if self._stopped:
            return  # stopped for good: no new render may start
        self._preparer.request(slide, self._size, self._language)

    def _advance(self) -> None:
        slide = self._playback.advance()
        if slide is None:
            self._show_welcome()
        elif self._shown is not None and not self._welcome and self._key(slide) == self._shown.key:
            # The only playing slide: keep it up, no transition into itself.
            self._wanted = None
            self._awaiting_visible = True
            self.frame_visible()
        else:
            self._want(slide)

    def _on_frame_ready(self, frame: Frame) -> None:
        wanted = self._wanted
        if self._stopped or self._paused or wanted is None or frame.key != self._key(wanted):
            return  # a prefetched frame (or paused): it waits in the cache
        self._wanted = None
        refreshing, self._refreshing = self._refreshing, False
        if refreshing and self._shown is not None and frame.pixmap.toImage() == self._shown.pixmap.toImage():
            # The reload did not change this slide: keep it up and its timer running.
            self._shown = frame
            self._preparer.keep_only({frame.key})
            self._prefetch_next()
            self._arm_schedule_timer()
            return
        first = self._shown is None and not self._welcome
        # A frame whose banner room differs from the one on screen replaces it at once: a
        # cross-fade would show the banner over the old frame's text for its length.
        instant = first or self.current_banner != frame.key.banner
        self._shown = frame
        self._welcome = False
        self._awaiting_visible = True
        self._slide_timer.stop()
        self._prefetch_timer.stop()
        self._preparer.keep_only({frame.key})
        index, count = self._playback.position()
        duration = self._playback.duration(frame.slide)
        log.debug("showing slide %s (%d/%d)", frame.slide.id, index, count)
        self.progressChanged.emit(index, count, self.timing.real_ms(duration) / 1000)
        self.frameChanged.emit(frame.pixmap, "none" if instant else self.transition, frame.slide.id)
        self.slideShown.emit(frame.slide.id)

    def _on_frame_failed(self, slide_id: str, message: str) -> None:
        if self._stopped:
            return
        log.warning("slide %s skipped: %s", slide_id, message)
        self._playback.mark_broken(slide_id)
        self.slideSkipped.emit(slide_id, message)
        if self._wanted is not None and self._wanted.id == slide_id:
            self._wanted = None
            # The current slide stays on screen while the one after is prepared.
            self._advance()
        elif not self._awaiting_visible:
            self._prefetch_next()

    def _arm_prefetch(self, slide_ms: int) -> None:
        """Render the next slide's frame ``prefetch_lead`` before the ``slide_ms`` left end."""
        wait_ms = slide_ms - self.timing.real_ms(self.timing.prefetch_lead)
        if wait_ms <= 0:
            self._prefetch_timer.stop()
            self._prefetch_next()
        else:
            self._prefetch_timer.start(wait_ms)

    def _on_prefetch_due(self) -> None:
        # Only while a slide sits on screen waiting for its end: a frame asked for meanwhile
        # (show_slide, a new language or size) must not be dropped from the cache for it.
        if self._stopped or self._paused or self._awaiting_visible or self._wanted is not None:
            return
        if self._shown is not None and not self._welcome:
            self._prefetch_next()

    def _prefetch_next(self) -> None:
        upcoming = self._playback.peek_next()
        keep = {self._shown.key} if self._shown is not None else set()
        if upcoming is not None:
            keep.add(self._key(upcoming))
            self._preparer.keep_only(keep)
            self._preparer.request(upcoming, self._size, self._language, priority=Priority.NEXT)
        else:
            self._preparer.keep_only(keep)

    def _show_welcome(self, *, again: bool = False) -> None:
        """The welcome frame (``again``: drawn anew on screen, for a new banner room)."""
        self._slide_timer.stop()
        self._prefetch_timer.stop()
        self._wanted = None
        if not self._welcome or again:
            banner = self.banner_for(self._size, self._language)
            instant = self._shown is None or banner != self.current_banner
            if not self._welcome:
                log.info("no slide scheduled now: showing the welcome frame")
            self._shown = None
            self._welcome = True
            self._welcome_banner = banner
            self._awaiting_visible = True
            image = render_welcome(self.deck.clinic, self._size, banner=banner)
            self._welcome_regions = read_regions(image)
            pixmap = QPixmap.fromImage(image)
            self.progressChanged.emit(0, 0, 0.0)
            self.frameChanged.emit(pixmap, "none" if instant else self.transition, "")
        else:
            self._arm_schedule_timer()

    def _arm_schedule_timer(self) -> None:
        if self._paused:
            return
        change = self._playback.next_schedule_change()
        if change is None:
            self._schedule_timer.stop()
            return
        wait = max((change - self._clock.now()).total_seconds(), self.timing.min_schedule_wait)
        self._schedule_timer.start(self.timing.real_ms(wait))

    def _on_slide_elapsed(self) -> None:
        if not self._stopped and not self._paused:
            self._advance()

    def _on_schedule_change(self) -> None:
        """The set of playing slides may have changed: leave the welcome frame, or cut an
        expired slide short; anything else waits for the next slide boundary."""
        if self._stopped or self._paused:
            return
        if self._wanted is not None or self._awaiting_visible:
            self._arm_schedule_timer()
            return
        now = self._clock.now()
        if self._welcome:
            slide = self._playback.advance()
            if slide is not None:
                self._want(slide)
                return
        elif self._shown is not None and not self.deck.is_playing(self._shown.slide, now):
            self._slide_timer.stop()
            self._advance()
            return
        self._arm_schedule_timer()
