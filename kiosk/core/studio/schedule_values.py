"""Schedules as typed values a window's date and time pickers can show and set.

``ScheduleValue`` reads what a slide's ``schedule:`` says (leniently: anything it cannot read
makes it unreadable, and the validator's message says why) and writes it back in the form
``docs/content-format.md`` shows. The validator stays the authority on what is valid; a test
checks that for every schedule it accepts, this reading plays at the same times.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time

from kiosk.core.schedule import ALL_WEEKDAYS, WEEKDAY_NAMES, Schedule, TimeWindow
from kiosk.core.yaml_source import YNode

WEEKDAYS = frozenset(range(5))
WEEKENDS = frozenset({5, 6})
# The loader's words for groups of days (kiosk.core.loader._DAY_GROUPS).
_GROUPS = {
    "weekdays": WEEKDAYS,
    "weekends": WEEKENDS,
    "every day": ALL_WEEKDAYS,
    "everyday": ALL_WEEKDAYS,
    "daily": ALL_WEEKDAYS,
}
_FULL_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_WORDS = {word: i for names in (WEEKDAY_NAMES, _FULL_NAMES) for i, word in enumerate(names)}
_WINDOW = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


class Unreadable(ValueError):
    """What is written cannot be read as a schedule (the validator reports the details)."""


@dataclass(frozen=True)
class ScheduleValue:
    """When a slide plays, as a window shows it.

    ``start`` is ``from:`` and ``until`` is ``until:``; each is a ``date`` (an ``until`` date
    includes that whole day), a naive ``datetime`` in the clinic's local time, or None for
    no bound. ``days`` holds weekday numbers (0 is Monday); ``hours`` the daily windows (a
    window may cross midnight). The default value plays always."""

    start: date | datetime | None = None
    until: date | datetime | None = None
    days: frozenset[int] = field(default=ALL_WEEKDAYS)
    hours: tuple[TimeWindow, ...] = ()

    def __post_init__(self) -> None:
        for name in ("start", "until"):
            value = getattr(self, name)
            if isinstance(value, datetime) and value.tzinfo is not None:
                raise ValueError(f"{name} must be the clinic's local time, without a time zone")
        if not set(self.days) <= ALL_WEEKDAYS:
            raise ValueError(f"days are 0 (Monday) to 6 (Sunday), not {sorted(self.days)}")
        object.__setattr__(self, "days", frozenset(self.days))
        object.__setattr__(self, "hours", tuple(self.hours))

    @property
    def is_always(self) -> bool:
        return self.start is None and self.until is None and self.days == ALL_WEEKDAYS and not self.hours

    def to_schedule(self) -> Schedule:
        """The core's schedule, as the loader would build it."""
        return Schedule(
            active_from=_start_of(self.start),
            active_until=_end_of(self.until),
            weekdays=self.days,
            windows=self.hours,
        )

    @classmethod
    def read(cls, node: YNode | None) -> ScheduleValue:
        """The schedule written at ``node`` (None: no schedule, it always plays); raises
        :class:`Unreadable`."""
        if node is None:
            return cls()
        if not node.is_map:
            raise Unreadable("a schedule is a group of fields")
        entries = node.value
        unknown = set(entries) - {"from", "until", "days", "hours"}
        if unknown:
            raise Unreadable(f"unknown field {sorted(unknown)[0]!r}")
        return cls(
            start=read_date_time(entries["from"].node) if "from" in entries else None,
            until=read_date_time(entries["until"].node) if "until" in entries else None,
            days=read_days(entries["days"].node) if "days" in entries else ALL_WEEKDAYS,
            hours=read_hours(entries["hours"].node) if "hours" in entries else (),
        )


def _start_of(value: date | datetime | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.combine(value, time())


def _end_of(value: date | datetime | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return Schedule.until_end_of(value)


def read_date_time(node: YNode) -> date | datetime:
    value = node.value
    if node.is_map or node.is_seq:
        raise Unreadable("expected a date")
    if isinstance(value, str):
        text = value.strip()
        try:
            value = date.fromisoformat(text)
        except ValueError:
            try:
                value = datetime.fromisoformat(text)
            except ValueError:
                raise Unreadable(f"{text!r} is not a date") from None
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            raise Unreadable("a time zone offset is not allowed")
        return value
    if isinstance(value, date):
        return value
    raise Unreadable("expected a date")


def read_days(node: YNode) -> frozenset[int]:
    if isinstance(node.value, str) and not (node.is_map or node.is_seq):
        word = node.value.strip().lower()
        if word in _GROUPS:
            return _GROUPS[word]
        items: Iterable[YNode] = [node]
    elif node.is_seq:
        items = node.value
    else:
        raise Unreadable("expected a list of days")
    days = set()
    for item in items:
        word = item.value.strip().lower() if isinstance(item.value, str) and not item.is_map else ""
        if word not in _DAY_WORDS:
            raise Unreadable(f"unknown day {item.raw!r}")
        days.add(_DAY_WORDS[word])
    return frozenset(days)


def parse_window(text: str) -> TimeWindow:
    """``"07:00-11:00"`` as a window; raises :class:`Unreadable`."""
    match = _WINDOW.match(text)
    if not match:
        raise Unreadable(f"{text!r} is not a time window")
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
        raise Unreadable(f"{text!r} has an impossible time")
    window = TimeWindow(time(h1, m1), time(h2, m2))
    if window.start == window.end:
        raise Unreadable(f"{text!r} starts and ends at the same time")
    return window


def read_hours(node: YNode) -> tuple[TimeWindow, ...]:
    if isinstance(node.value, str) and not (node.is_map or node.is_seq):
        items: list[YNode] = [node]
    elif node.is_seq:
        items = node.value
    else:
        raise Unreadable("expected a list of time windows")
    windows = []
    for item in items:
        if not isinstance(item.value, str) or item.is_map or item.is_seq:
            raise Unreadable("expected a time window")
        windows.append(parse_window(item.value))
    return tuple(windows)


def format_date_time(value: date | datetime) -> str | date:
    """How a bound is written: a date as a YAML date, a date and time as ``2025-01-06 08:00``."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M") + (f":{value.second:02d}" if value.second else "")
    return value


def days_word(days: frozenset[int]) -> str | list[str] | None:
    """How ``days`` is written: None for every day (left out), a group word, or day names."""
    if days == ALL_WEEKDAYS:
        return None
    if days == WEEKDAYS:
        return "weekdays"
    if days == WEEKENDS:
        return "weekends"
    return [WEEKDAY_NAMES[d] for d in sorted(days)]
