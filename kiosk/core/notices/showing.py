"""Which notices show at a moment, in which order, what each says, and when that changes.

A notice shows from the moment it is loaded or posted until its ``until`` (exclusive).
Several showing at once take turns in the banner, each for :data:`ROTATE_SECONDS`:
important ones first, then the others, each group in the order they were written (the
pack's in file order, then the kiosk's own in posting order). The kiosk's Qt side only
sets timers at the instants :class:`Rotation` and :func:`next_end` name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from kiosk.core.notices.model import Notice
from kiosk.core.notices.placeholders import UNTIL, fill
from kiosk.core.wording import MONTHS, day_and_time, language_of, weekday_name

#: How long each of several notices stays in the banner before the next one.
ROTATE_SECONDS = 8.0


def showing_at(notices: Iterable[Notice], at: datetime, *, ended: Iterable[str] = ()) -> tuple[Notice, ...]:
    """The notices that show at ``at`` (aware), in rotation order; ``ended`` holds the keys
    of notices ended early on this kiosk."""
    gone = set(ended)
    live = [n for n in notices if not n.has_ended(at) and n.key not in gone]
    # A stable sort keeps the written order within each level.
    return tuple(sorted(live, key=lambda n: not n.important))


def next_end(notices: Iterable[Notice], at: datetime) -> datetime | None:
    """The first end after ``at`` among ``notices`` (when the banner next changes by itself)."""
    ends = [n.until.astimezone(UTC) for n in notices if not n.has_ended(at)]
    return min(ends, default=None)


def notice_text(notice: Notice, language: str, now: datetime, tz: ZoneInfo) -> str:
    """What the banner says: the text in ``language`` (English where it has none), with
    ``{until}`` filled with the notice's end as a patient says it ("3 PM", "el lunes a las
    15:00")."""
    return fill(notice.text.get(language), {UNTIL: end_words(notice.until, now, tz, language)})


def end_words(until: datetime, now: datetime, tz: ZoneInfo, language: str) -> str:
    """An end as "until ..." finishes it: "3 PM", "tomorrow 3 PM", "the end of the day"."""
    local_now = now.astimezone(tz)
    end = until.astimezone(tz)
    # An end at midnight is the end of the day before: "until Monday", not "until Tuesday 12 AM".
    if end.time().hour == 0 and end.time().minute == 0 and end.date() > local_now.date():
        return _end_of_day(end.date() - timedelta(days=1), local_now.date(), language)
    return day_and_time(end.date(), end.time(), local_now.date(), language)


def _end_of_day(day: date, today: date, language: str) -> str:
    """The end of ``day`` as "until ..." finishes it: "the end of the day", "the end of
    tomorrow", "the end of Monday" (Spanish: "el final del día", "el final de mañana", "el
    final del lunes")."""
    lang = language_of(language)
    days = (day - today).days
    name = weekday_name(day.weekday(), lang)
    month = MONTHS[lang][day.month - 1]
    if lang == "es":
        words = {0: "el final del día", 1: "el final de mañana"}
        later = f"el final del {name}" + ("" if days < 7 else f" {day.day} de {month}")
        return words.get(days, later)
    words = {0: "the end of the day", 1: "the end of tomorrow"}
    later = f"the end of {name}" + ("" if days < 7 else f", {month} {day.day}")
    return words.get(days, later)


@dataclass(frozen=True)
class Turn:
    """The notice in the banner now, its place in the rotation, and when the turn ends."""

    notice: Notice | None
    index: int = 0
    count: int = 0
    #: When the next notice takes over (None: only one shows, or none).
    next_switch: datetime | None = None


class Rotation:
    """Whose turn it is in the banner. Keeps the notice on show when the set changes (a new
    one is posted, another ends) and moves on only when its turn is over."""

    def __init__(self, seconds: float = ROTATE_SECONDS) -> None:
        if seconds <= 0:
            raise ValueError("a rotation needs a positive turn length")
        self._turn = timedelta(seconds=seconds)
        self._current: str | None = None
        self._since: datetime | None = None

    @property
    def seconds(self) -> float:
        return self._turn.total_seconds()

    def turn(self, showing: Sequence[Notice], now: datetime) -> Turn:
        """The notice to show at ``now`` among ``showing`` (in rotation order)."""
        if not showing:
            self._current, self._since = None, None
            return Turn(None)
        keys = [n.key for n in showing]
        if self._current not in keys or self._since is None:
            # The first notice, or the one on show ended or was removed: the first one takes over.
            self._current, self._since = keys[0], now
        elif len(keys) > 1 and now - self._since >= self._turn:
            # Whole turns that passed unseen (the kiosk was busy) are skipped, not replayed.
            passed = int((now - self._since) / self._turn)
            index = (keys.index(self._current) + passed) % len(keys)
            self._current, self._since = keys[index], self._since + passed * self._turn
        index = keys.index(self._current)
        switch = self._since + self._turn if len(keys) > 1 else None
        return Turn(showing[index], index, len(keys), switch)
