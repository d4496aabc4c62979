"""When a slide plays: active dates, weekdays and daily time windows, in the clinic's time zone.

Dates and times in content are wall-clock times at the clinic. A date-only ``until`` includes
that whole day. A daily window whose end is not after its start crosses midnight and belongs
to the weekday on which it starts (a Friday 22:00-02:00 window is active early Saturday).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ALL_WEEKDAYS = frozenset(range(7))


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

    def _boundaries(self, start: datetime, days: int) -> Iterator[datetime]:
        """Local wall-clock instants (ascending, possibly repeated) where activity may flip."""
        fixed = [b for b in (self.active_from, self.active_until) if b is not None]
        times = {time()}
        for window in self.windows:
            times.add(window.start)
            times.add(window.end)
        candidates = set(fixed)
        for offset in range(days + 1):
            day = start.date() + timedelta(days=offset)
            for t in times:
                candidates.add(datetime.combine(day, t))
        yield from sorted(c for c in candidates if c > start)

    def next_change(self, after: datetime, tz: ZoneInfo, horizon_days: int = 8) -> datetime | None:
        """The first instant after ``after`` at which ``is_active`` flips, or None within
        the horizon. Returned timezone-aware in ``tz``."""
        if after.tzinfo is None:
            raise ValueError("next_change needs a timezone-aware datetime")
        local = after.astimezone(tz).replace(tzinfo=None)
        current = self._active_local(local)
        for candidate in self._boundaries(local, horizon_days):
            if self._active_local(candidate) != current:
                aware = candidate.replace(tzinfo=tz)
                # A wall-clock time skipped by a spring-forward gap maps past the gap;
                # never report a change that lies before ``after``.
                return max(aware, after.astimezone(tz))
        return None

    def plays_ever(self) -> bool:
        """False for a schedule that can never be active (e.g. until before from)."""
        if not self.weekdays:
            return False
        if self.active_from and self.active_until and self.active_until <= self.active_from:
            return False
        return True
