"""When a slide plays: active dates, weekdays and daily time windows, in the clinic's time zone.

Dates and times in content are wall-clock times at the clinic. A date-only ``until`` includes
that whole day. A daily window whose end is not after its start crosses midnight and belongs
to the weekday on which it starts (a Friday 22:00-02:00 window is active early Saturday).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ALL_WEEKDAYS = frozenset(range(7))
_QUICK_LOOK_DAYS = 2


@dataclass(frozen=True)
class TimeWindow:
    start: time
    end: time

    @property
    def crosses_midnight(self) -> bool:
        return self.end <= self.start

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


@dataclass(frozen=True)
class Schedule:
    """``active_from``/``active_until`` are naive local date-times (``until`` exclusive)."""

    active_from: datetime | None = None
    active_until: datetime | None = None
    weekdays: frozenset[int] = ALL_WEEKDAYS
    windows: tuple[TimeWindow, ...] = ()

    @property
    def is_always(self) -> bool:
        return (
            self.active_from is None
            and self.active_until is None
            and self.weekdays == ALL_WEEKDAYS
            and not self.windows
        )

    @staticmethod
    def until_end_of(day: date) -> datetime:
        """The exclusive bound that makes a date-only ``until`` include that whole day."""
        return datetime.combine(day + timedelta(days=1), time())

    def has_ended(self, at: datetime, tz: ZoneInfo) -> bool:
        """Whether ``until`` has passed at ``at`` (aware): the slide never plays again."""
        if at.tzinfo is None:
            raise ValueError("has_ended needs a timezone-aware datetime")
        return self.active_until is not None and at.astimezone(tz).replace(tzinfo=None) >= self.active_until

    def is_active(self, at: datetime, tz: ZoneInfo) -> bool:
        if at.tzinfo is None:
            raise ValueError("is_active needs a timezone-aware datetime")
        local = at.astimezone(tz).replace(tzinfo=None)
        return self._active_local(local)

    def _active_local(self, local: datetime) -> bool:
        if self.active_from is not None and local < self.active_from:
            return False
        if self.active_until is not None and local >= self.active_until:
            return False
        if not self.windows:
            return local.weekday() in self.weekdays
        now = local.time()
        for window in self.windows:
            if not window.crosses_midnight:
                if local.weekday() in self.weekdays and window.start <= now < window.end:
                    return True
            else:
                if local.weekday() in self.weekdays and now >= window.start:
                    return True
                yesterday = (local.weekday() - 1) % 7
                if yesterday in self.weekdays and now < window.end:
                    return True
        return False

    def _wall_times(self) -> set[time]:
        """Times of day at which activity may flip: midnight (the weekday changes) and the
        ends of every window."""
        times = {time()}
        for window in self.windows:
            times.add(window.start)
            times.add(window.end)
        return times

    def _candidates(self, first: date, last: date, tz: ZoneInfo) -> list[datetime]:
        """UTC instants, ascending, that include every instant at which ``is_active`` can flip
        while the local dates run from ``first`` to ``last``.

        Activity is a function of wall-clock time, and wall-clock time only crosses a boundary
        ``b`` at ``b`` converted with either UTC offset (a repeated fall-back hour crosses it
        twice) or jumps over it at a DST transition; so both conversions of every boundary
        plus the transitions themselves are enough."""
        walls = {b for b in (self.active_from, self.active_until) if b is not None}
        times = self._wall_times()
        day = first
        while day <= last:
            walls.update(datetime.combine(day, t) for t in times)
            day += timedelta(days=1)
        instants = sorted({wall.replace(tzinfo=tz, fold=fold).astimezone(UTC) for wall in walls for fold in (0, 1)})
        transitions = [
            _transition(tz, a, b)
            for a, b in itertools.pairwise(instants)
            if a.astimezone(tz).utcoffset() != b.astimezone(tz).utcoffset()
        ]
        return sorted(set(instants).union(transitions))

    def next_change(self, after: datetime, tz: ZoneInfo, horizon_days: int = 8) -> datetime | None:
        """The first instant after ``after`` at which ``is_active`` flips, or None.

        The search covers ``horizon_days`` from ``after``, or from ``active_from`` when that
        is later (nothing can flip before it), so a slide that starts in a month still
        reports its start. Returned timezone-aware in ``tz``, never at or before ``after``."""
        if after.tzinfo is None:
            raise ValueError("next_change needs a timezone-aware datetime")
        if self.is_always:
            return None
        start = after.astimezone(UTC)
        local = start.astimezone(tz).replace(tzinfo=None)
        # Wall-clock time can step back (a repeated fall-back hour) but never by a day.
        if self.active_until is not None and local >= self.active_until + timedelta(days=1):
            return None
        origin = start
        if self.active_from is not None and local < self.active_from:
            earliest = min(self.active_from.replace(tzinfo=tz, fold=fold).astimezone(UTC) for fold in (0, 1))
            origin = max(start, earliest)
        limit = origin + timedelta(days=horizon_days)
        first = origin.astimezone(tz).date() - timedelta(days=1)
        last = limit.astimezone(tz).date() + timedelta(days=1)
        current = self._active_local(local)
        # Most schedules change within a day: look at the next two days' boundaries first.
        # A flip found there is the first one only if it lies a day inside what was covered
        # (a fall-back hour can bring wall-clock time back across midnight).
        edge = origin.astimezone(tz).date() + timedelta(days=_QUICK_LOOK_DAYS)
        quick = edge + timedelta(days=1)
        for end in ([quick] if quick < last else []) + [last]:
            covered = limit
            if end != last:
                midnight = datetime.combine(edge, time()).replace(tzinfo=tz)
                covered = min(limit, midnight.astimezone(UTC))
            for candidate in self._candidates(first, end, tz):
                if candidate <= start:
                    continue
                if candidate > covered:
                    break
                if self.is_active(candidate, tz) != current:
                    return candidate.astimezone(tz)
        return None

    def plays_ever(self) -> bool:
        """False for a schedule that can never be active: no weekdays, ``until`` not after
        ``from``, or a short from/until range that none of its days and hours fall in.

        Judged on wall-clock time; a window that exists only in a skipped DST hour counts."""
        if not self.weekdays:
            return False
        if self.active_from is None or self.active_until is None:
            return True
        if self.active_until <= self.active_from:
            return False
        # Over nine days every weekday, and every window starting on it, fits whole.
        if self.active_until - self.active_from >= timedelta(days=9):
            return True
        walls = {self.active_from}
        day = self.active_from.date()
        while day <= self.active_until.date():
            walls.update(datetime.combine(day, t) for t in self._wall_times())
            day += timedelta(days=1)
        return any(self._active_local(wall) for wall in walls if self.active_from <= wall < self.active_until)


def _transition(tz: ZoneInfo, before: datetime, after: datetime) -> datetime:
    """The instant in ``(before, after]`` (UTC) at which ``tz`` switches to ``after``'s
    offset, to the second (zones change on whole seconds)."""
    target = after.astimezone(tz).utcoffset()
    low, high = 0, math.ceil((after - before).total_seconds())
    while high - low > 1:
        middle = (low + high) // 2
        if (before + timedelta(seconds=middle)).astimezone(tz).utcoffset() == target:
            high = middle
        else:
            low = middle
    return min(before + timedelta(seconds=high), after)
