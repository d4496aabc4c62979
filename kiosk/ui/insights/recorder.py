"""Counts how the kiosk is used from the signals its screens already emit, and hands each
count to a sink (the stats writer's ``put``) as a small event. On the GUI thread, with no
I/O: a clock reading, a few attribute changes and a deque append per signal (under 1 ms:
bench/stats.py).

What it listens to: the player's ``slideShown`` and ``progressChanged`` (proof of play: how
long each slide was on screen, not covered by a touch screen), the shell's ``screenChanged``
(visits and how they end, menu opens), the session's language, larger text and high
contrast changes (the choices a visit made), the idle monitor's countdown (a visit that timed
out), the topic browser's ``positionChanged`` (topics opened, slides viewed, time spent) and
the request form's ``requestTopics`` (requests per topic).

What it never holds: anything a patient typed, a request id, or a time finer than the hour
for anything a patient did. A visit's choices, topics and request are counted separately
(each its own tally), never as one visit's record.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from kiosk.core.clock import Clock
from kiosk.core.stats.events import (
    CHOICE,
    MENU,
    REQUEST,
    REQUEST_TOPIC,
    TOPIC,
    TOPIC_SLIDES,
    Event,
    Outcome,
    SlidePlayed,
    Tally,
    VisitEnded,
    hour_of,
    millis,
)
from kiosk.ui.shell import ADMIN, BROWSE, PIN, SLIDESHOW
from kiosk.ui.shell import MENU as MENU_SCREEN
from kiosk.ui.shell import REQUEST as REQUEST_SCREEN

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kiosk.ui.shell import KioskShell

#: Screens that are staff's, not a patient's: a visit ends when one comes up.
STAFF_SCREENS = frozenset({PIN, ADMIN})


def _ms(start: datetime, end: datetime) -> int:
    # A clock set back mid-visit must not make a negative time.
    return max(0, round((end - start).total_seconds() * 1000))


@dataclass
class _Play:
    slide_id: str
    version: str
    #: when it was first visible (Unix ms); None until then
    shown_at_ms: int | None
    #: visible since (None while a touch screen covers it)
    since: datetime | None
    ms: int = 0


@dataclass
class _Visit:
    start: datetime
    language: str
    large_text: bool
    high_contrast: bool
    choices: set[str] = field(default_factory=set)
    request_sent: bool = False


@dataclass
class _Stint:
    """One opening of a topic, until the patient leaves the topic browser."""

    topic_id: str
    since: datetime
    seen: set[str] = field(default_factory=set)


class InsightsRecorder:
    """Turns the shell's signals into stats events for ``sink``."""

    def __init__(self, clock: Clock, sink: Callable[[Event], None]) -> None:
        self._clock = clock
        self._sink = sink
        self._shell: KioskShell | None = None
        self._screen = SLIDESHOW
        self._play: _Play | None = None
        self._visit: _Visit | None = None
        self._stint: _Stint | None = None
        #: the idle countdown is running (if a visit ends meanwhile, it timed out)
        self._counting = False
        self._request_screen: QWidget | None = None
        self._finished = False

    def attach(self, shell: KioskShell) -> None:
        """Listen to ``shell``'s screens (once; the request form is hooked when it first shows)."""
        if self._shell is not None:
            raise RuntimeError("the recorder is already attached to a shell")
        self._shell = shell
        self._screen = shell.current_screen
        player = shell.player
        player.slideShown.connect(self._on_slide_shown)
        player.progressChanged.connect(self._on_progress)
        shell.screenChanged.connect(self._on_screen)
        shell.session.languageChanged.connect(self._on_language)
        shell.session.largeTextChanged.connect(self._on_large_text)
        shell.session.highContrastChanged.connect(self._on_high_contrast)
        shell.idle.countdownStarted.connect(self._on_countdown_started)
        shell.idle.countdownCancelled.connect(self._on_countdown_cancelled)
        shell.browse.positionChanged.connect(self._on_position)
        slide = player.current_slide
        if slide is not None:
            self._on_slide_shown(slide.id)
        self._hook_request_screen()

    def finish(self) -> None:
        """The kiosk stops: what is open (the slide on screen, a visit, a topic) is counted
        as it stands, and nothing is counted after."""
        if self._finished:
            return
        now = self._clock.now()
        self._close_stint(now)
        self._close_play(now)
        if self._visit is not None:
            self._end_visit(now, Outcome.OTHER)
        self._finished = True

    # -- proof of play -------------------------------------------------------------------------

    def _on_slide_shown(self, slide_id: str) -> None:
        now = self._clock.now()
        self._close_play(now)
        assert self._shell is not None
        visible = self._screen == SLIDESHOW
        self._play = _Play(
            slide_id, self._shell.player.deck.version, millis(now) if visible else None, now if visible else None
        )

    def _on_progress(self, _index: int, count: int, _seconds: float) -> None:
        if count == 0:  # the welcome frame: no slide is on screen
            self._close_play(self._clock.now())

    def _close_play(self, now: datetime) -> None:
        play, self._play = self._play, None
        if play is None:
            return
        if play.since is not None:
            play.ms += _ms(play.since, now)
        if play.shown_at_ms is not None:
            self._emit(SlidePlayed(play.shown_at_ms, play.slide_id, play.version, play.ms))

    def _cover_play(self, now: datetime) -> None:
        play = self._play
        if play is not None and play.since is not None:
            play.ms += _ms(play.since, now)
            play.since = None

    def _uncover_play(self, now: datetime) -> None:
        play = self._play
        if play is not None and play.since is None:
            play.since = now
            if play.shown_at_ms is None:
                play.shown_at_ms = millis(now)

    # -- screens and visits --------------------------------------------------------------------

    def _on_screen(self, name: str) -> None:
        previous, self._screen = self._screen, name
        if previous == name:
            return
        now = self._clock.now()
        if name == SLIDESHOW:
            self._uncover_play(now)
        elif previous == SLIDESHOW:
            self._cover_play(now)
        if name != BROWSE:
            self._close_stint(now)
        if name == REQUEST_SCREEN:
            self._hook_request_screen()
        patient = name != SLIDESHOW and name not in STAFF_SCREENS
        if self._visit is not None and not patient:
            self._end_visit(now, self._outcome(previous, name))
        elif self._visit is None and patient:
            self._start_visit(now)
        if name == MENU_SCREEN and self._visit is not None:
            self._emit(Tally(hour_of(now), MENU, ""))

    def _start_visit(self, now: datetime) -> None:
        assert self._shell is not None
        session = self._shell.session
        # A visit starts from the reset session: what differs later is the patient's choice.
        self._visit = _Visit(now, session.language, session.large_text, session.high_contrast)
        self._counting = False

    def _outcome(self, previous: str, name: str) -> Outcome:
        assert self._visit is not None
        if self._visit.request_sent:
            return Outcome.REQUEST
        if self._counting:
            # The countdown was never cancelled: it ran out and the shell went home.
            return Outcome.IDLE
        if name == SLIDESHOW and previous == MENU_SCREEN:
            return Outcome.BACK
        return Outcome.OTHER

    def _end_visit(self, now: datetime, outcome: Outcome) -> None:
        visit, self._visit = self._visit, None
        self._counting = False
        if visit is not None:
            self._emit(VisitEnded(hour_of(visit.start), _ms(visit.start, now), outcome))

    def _on_countdown_started(self, _seconds: int) -> None:
        self._counting = True

    def _on_countdown_cancelled(self) -> None:
        self._counting = False

    # -- choices ---------------------------------------------------------------------------------

    def _on_language(self, language: str) -> None:
        if self._visit is not None:
            self._choose(f"language:{language}", language != self._visit.language)

    def _on_large_text(self, on: bool) -> None:
        if self._visit is not None:
            self._choose(f"large_text:{'on' if on else 'off'}", on != self._visit.large_text)

    def _on_high_contrast(self, on: bool) -> None:
        if self._visit is not None:
            self._choose(f"high_contrast:{'on' if on else 'off'}", on != self._visit.high_contrast)

    def _choose(self, key: str, chosen: bool) -> None:
        """Counted once per visit; a change back to how the visit began (the patient's, or the
        reset at its end) is no choice."""
        visit = self._visit
        if chosen and visit is not None and key not in visit.choices:
            visit.choices.add(key)
            self._emit(Tally(hour_of(self._clock.now()), CHOICE, key))

    # -- topics ----------------------------------------------------------------------------------

    def _on_position(self, _index: int, _count: int) -> None:
        if self._screen != BROWSE or self._shell is None:
            return  # a reload re-reads a topic left open behind the menu: nobody is looking
        browse = self._shell.browse
        topic_id, slide = browse.topic_id, browse.current_slide
        if topic_id is None or slide is None:
            return
        if self._stint is None or self._stint.topic_id != topic_id:
            now = self._clock.now()
            self._close_stint(now)
            self._stint = _Stint(topic_id, now)
        self._stint.seen.add(slide.id)

    def _close_stint(self, now: datetime) -> None:
        stint, self._stint = self._stint, None
        if stint is None:
            return
        hour = hour_of(stint.since)
        self._emit(Tally(hour, TOPIC, stint.topic_id, 1, _ms(stint.since, now)))
        self._emit(Tally(hour, TOPIC_SLIDES, stint.topic_id, len(stint.seen)))

    # -- requests --------------------------------------------------------------------------------

    def _hook_request_screen(self) -> None:
        """The screen called "request", whoever added it (the form is built after the first
        frame, and only imported then: start-up time)."""
        if self._shell is None:
            return
        try:
            screen = self._shell.screen_widget(REQUEST_SCREEN)
        except KeyError:
            return
        sent = getattr(screen, "requestTopics", None)
        if sent is not None and screen is not self._request_screen:
            self._request_screen = screen
            sent.connect(self._on_request_sent)

    def _on_request_sent(self, topic_ids: list[str]) -> None:
        """Counted by the hour, per topic: which topics one request named together is not kept."""
        if self._visit is not None:
            self._visit.request_sent = True
        hour = hour_of(self._clock.now())
        self._emit(Tally(hour, REQUEST, ""))
        for topic_id in dict.fromkeys(t for t in topic_ids if isinstance(t, str) and t):
            self._emit(Tally(hour, REQUEST_TOPIC, topic_id))

    def _emit(self, event: Event) -> None:
        if not self._finished:
            self._sink(event)
