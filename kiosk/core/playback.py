"""Which slide is on screen and which comes next: the slideshow's logic without Qt.

The player view wraps a :class:`Playback` in a Qt timer: it calls :meth:`Playback.start`
once, then :meth:`Playback.advance` whenever the current slide's :meth:`Playback.duration`
has passed (and at :meth:`Playback.next_schedule_change`, so a slide whose time window
closes leaves the screen on time). Schedules are evaluated at every step against the injected
clock, so news appears and expires on its dates without a restart.
"""

from __future__ import annotations

from datetime import datetime

from kiosk.core.clock import Clock
from kiosk.core.model import Deck, Slide


class Playback:
    """The position in a deck's playlist. Not thread-safe: drive it from one thread."""

    def __init__(self, deck: Deck, clock: Clock) -> None:
        self._deck = deck
        self._clock = clock
        self._pending: Deck | None = None
        self._current: Slide | None = None
        # Where the rotation continues from, kept while nothing plays so it resumes in order.
        self._cursor: str | None = None
        self._broken: set[str] = set()

    @property
    def deck(self) -> Deck:
        """The newest deck: a replacement is returned at once, although the rotation only
        moves on to its slides at the next :meth:`advance`."""
        return self._pending if self._pending is not None else self._deck

    def current(self) -> Slide | None:
        return self._current

    def start(self) -> Slide | None:
        """Show the first slide in playlist order that plays now (or None)."""
        self._apply_pending()
        self._show(self._after(self._deck, None, self._broken))
        return self._current

    def advance(self) -> Slide | None:
        """Move to the next slide in playlist order that plays now, wrapping around.

        Returns the same slide when it is the only one playing, None when nothing plays."""
        self._apply_pending()
        self._show(self._after(self._deck, self._cursor, self._broken))
        return self._current

    def peek_next(self) -> Slide | None:
        """What :meth:`advance` would return now, without moving."""
        deck, broken = self._upcoming()
        return self._after(deck, self._cursor, broken)

    def duration(self, slide: Slide) -> float:
        """Seconds ``slide`` stays on screen: its own duration or its deck's default."""
        pending = self._pending
        deck = pending if pending is not None and slide in pending.slides else self._deck
        return deck.duration_of(slide)

    def replace_deck(self, deck: Deck) -> None:
        """Use ``deck`` from the next step on, continuing after the current slide's id if the
        new deck still has it, else from the start of its playlist.

        With nothing on screen there is nothing to finish, so the deck applies at once."""
        self._pending = deck
        if self._current is None:
            self._apply_pending()

    def mark_broken(self, slide_id: str) -> None:
        """Skip ``slide_id`` (e.g. its image would not decode) until the content changes."""
        self._broken.add(slide_id)

    def position(self) -> tuple[int, int]:
        """(1-based index of the current slide among the slides playing now, their count).

        The index is 0 when nothing is on screen or the current slide stopped playing."""
        playing = [s.id for s in self._playing(self._deck, self._broken)]
        if self._current is None or self._current.id not in playing:
            return (0, len(playing))
        return (playing.index(self._current.id) + 1, len(playing))

    def next_schedule_change(self) -> datetime | None:
        """When the set of playing slides next changes (within the schedule horizon)."""
        deck, _ = self._upcoming()
        return deck.next_change(self._clock.now())

    def _upcoming(self) -> tuple[Deck, set[str]]:
        if self._pending is None:
            return self._deck, self._broken
        return self._pending, self._broken_after(self._pending)

    def _broken_after(self, deck: Deck) -> set[str]:
        # A reload of identical files cannot have fixed a broken image; any change might have.
        if deck.version and deck.version == self._deck.version:
            return self._broken
        return set()

    def _apply_pending(self) -> None:
        if self._pending is None:
            return
        self._broken = self._broken_after(self._pending)
        old, self._deck = self._deck, self._pending
        self._pending = None
        if self._cursor is not None and self._deck.slide(self._cursor) is None:
            self._cursor = self._nearest_kept_before(old, self._cursor)

    def _nearest_kept_before(self, old: Deck, cursor: str) -> str | None:
        """A removed slide gives way to the one after it: continue from the nearest slide before
        it (in the old playlist) that the new deck still has; from the top if there is none."""
        ids = [s.id for s in old.slides]
        if cursor not in ids:
            return None
        earlier = ids[: ids.index(cursor)]
        return next((i for i in reversed(earlier) if self._deck.slide(i) is not None), None)

    def _show(self, slide: Slide | None) -> None:
        self._current = slide
        if slide is not None:
            self._cursor = slide.id

    def _playing(self, deck: Deck, broken: set[str]) -> list[Slide]:
        return [s for s in deck.playing_at(self._clock.now()) if s.id not in broken]

    def _after(self, deck: Deck, cursor: str | None, broken: set[str]) -> Slide | None:
        """The first slide playing now after ``cursor`` in playlist order, wrapping around
        to ``cursor`` itself; from the top when ``cursor`` is None or not in ``deck``."""
        slides = deck.slides
        start = next((i + 1 for i, s in enumerate(slides) if s.id == cursor), 0)
        now = self._clock.now()
        for offset in range(len(slides)):
            slide = slides[(start + offset) % len(slides)]
            if slide.id not in broken and deck.is_playing(slide, now):
                return slide
        return None
