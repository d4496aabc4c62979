"""The figures staff and IT read, for a period: the same for ``kiosk stats``, the admin
screen's Insights page, the studio's Insights tab and ``kiosk status --json``.

Everything a patient does is kept by the hour, so a period counts the hours that start in it
(``since`` <= start of hour < ``until``): from 10:30 on means from 11:00 on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from kiosk.core.stats.events import (
    CHOICE,
    HOUR_S,
    MENU,
    REQUEST,
    REQUEST_TOPIC,
    TOPIC,
    TOPIC_SLIDES,
    Outcome,
    hour_start,
)
from kiosk.core.stats.store import StatsStore, damaged_copies

OUTCOMES: tuple[str, ...] = tuple(o.value for o in Outcome)


@dataclass(frozen=True)
class SlideFigures:
    """One slide of one content version on the slideshow (proof of play)."""

    slide_id: str
    version: str
    shows: int
    seconds: float


@dataclass(frozen=True)
class TopicFigures:
    topic_id: str
    #: times patients opened it from the menu
    opens: int
    #: its slides they looked at (each slide once per opening)
    slides_viewed: int
    #: time spent in it
    seconds: float
    #: requests that named it
    requests: int


@dataclass(frozen=True)
class Figures:
    since: datetime
    until: datetime
    #: the time zone ``visits_by_hour`` is in (an IANA name, or a UTC offset)
    timezone: str
    #: the earliest hour anything was recorded (None: nothing yet)
    first_recorded: datetime | None
    slides: tuple[SlideFigures, ...] = ()
    visits: int = 0
    visit_seconds: float = 0.0
    #: visits by how they ended: back, idle, request, other
    outcomes: Mapping[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))
    #: visits that began in each hour of the day (0-23) in ``timezone``
    visits_by_hour: tuple[int, ...] = (0,) * 24
    menu_opens: int = 0
    #: most opened first
    topics: tuple[TopicFigures, ...] = ()
    #: e.g. "language:es", "large_text:on", "high_contrast:on": visits that chose it
    choices: Mapping[str, int] = field(default_factory=dict)
    requests: int = 0
    #: damaged stats files the kiosk set aside, still in the data folder (their figures are
    #: not in these; IT deletes them once nobody needs them)
    set_aside: tuple[str, ...] = ()

    @property
    def shows(self) -> int:
        return sum(s.shows for s in self.slides)

    @property
    def seconds_shown(self) -> float:
        return sum(s.seconds for s in self.slides)

    @property
    def request_share(self) -> float | None:
        """The share of visits that ended in a request (None without visits)."""
        return self.outcomes.get(Outcome.REQUEST.value, 0) / self.visits if self.visits else None

    @property
    def average_visit_seconds(self) -> float | None:
        return self.visit_seconds / self.visits if self.visits else None

    def slides_by_id(self) -> list[tuple[str, int, float]]:
        """(slide id, shows, seconds) with every content version added up, most shown first."""
        totals: dict[str, list[float]] = {}
        for slide in self.slides:
            entry = totals.setdefault(slide.slide_id, [0, 0.0])
            entry[0] += slide.shows
            entry[1] += slide.seconds
        return sorted(((k, int(v[0]), v[1]) for k, v in totals.items()), key=lambda row: (-row[1], row[0]))

    def to_dict(self) -> dict[str, object]:
        share = self.request_share
        average = self.average_visit_seconds
        return {
            "since": _iso(self.since),
            "until": _iso(self.until),
            "timezone": self.timezone,
            "first_recorded": None if self.first_recorded is None else _iso(self.first_recorded),
            "visits": {
                "total": self.visits,
                "ended": dict(self.outcomes),
                "ended_in_request_share": None if share is None else round(share, 4),
                "average_seconds": None if average is None else round(average, 1),
                "by_hour_of_day": list(self.visits_by_hour),
            },
            "menu_opens": self.menu_opens,
            "topics": [
                {
                    "topic": t.topic_id,
                    "opens": t.opens,
                    "slides_viewed": t.slides_viewed,
                    "seconds": round(t.seconds, 1),
                    "requests": t.requests,
                }
                for t in self.topics
            ],
            "choices": dict(sorted(self.choices.items())),
            "requests": self.requests,
            "set_aside": list(self.set_aside),
            "slides_shown": {
                "shows": self.shows,
                "seconds": round(self.seconds_shown, 1),
                "slides": [
                    {"slide": s.slide_id, "version": s.version, "shows": s.shows, "seconds": round(s.seconds, 1)}
                    for s in self.slides
                ],
            },
        }


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def hour_after_or_at(moment: datetime) -> int:
    """The first whole hour (hours since 1970 UTC) that starts at or after ``moment``."""
    if moment.tzinfo is None:
        raise ValueError("figure periods must be timezone-aware")
    return -int(-moment.timestamp() // HOUR_S)


def zone_name(zone: tzinfo) -> str:
    key = getattr(zone, "key", None)
    return key if isinstance(key, str) else str(zone)


def compute_figures(store: StatsStore, since: datetime, until: datetime, zone: tzinfo) -> Figures:
    """The figures for hours starting in [``since``, ``until``); hours of the day in ``zone``."""
    if until < since:
        raise ValueError("the end of the period comes before its start")
    start, end = hour_after_or_at(since), hour_after_or_at(until)
    first = store.first_hour()
    slides = tuple(
        sorted(
            (
                SlideFigures(slide, version, shows, ms / 1000)
                for slide, version, shows, ms in store.slide_plays(start, end)
            ),
            key=lambda s: (-s.shows, s.slide_id, s.version),
        )
    )
    outcomes = dict.fromkeys(OUTCOMES, 0)
    by_hour = [0] * 24
    visits, visit_ms = 0, 0
    for hour, outcome, count, ms in store.visit_hours(start, end):
        outcomes[outcome] = outcomes.get(outcome, 0) + count
        by_hour[hour_start(hour).astimezone(zone).hour] += count
        visits += count
        visit_ms += ms
    menu_opens = requests = 0
    choices: dict[str, int] = {}
    opens: dict[str, int] = {}
    dwell: dict[str, int] = {}
    viewed: dict[str, int] = {}
    asked: dict[str, int] = {}
    for kind, key, count, ms in store.tally_totals(start, end):
        if kind == MENU:
            menu_opens += count
        elif kind == REQUEST:
            requests += count
        elif kind == CHOICE:
            choices[key] = count
        elif kind == TOPIC:
            opens[key], dwell[key] = count, ms
        elif kind == TOPIC_SLIDES:
            viewed[key] = count
        elif kind == REQUEST_TOPIC:
            asked[key] = count
    topics = tuple(
        sorted(
            (
                TopicFigures(t, opens.get(t, 0), viewed.get(t, 0), dwell.get(t, 0) / 1000, asked.get(t, 0))
                for t in {*opens, *viewed, *asked}
            ),
            key=lambda t: (-t.opens, -t.requests, t.topic_id),
        )
    )
    return Figures(
        since=since,
        until=until,
        timezone=zone_name(zone),
        first_recorded=None if first is None else hour_start(first),
        slides=slides,
        visits=visits,
        visit_seconds=visit_ms / 1000,
        outcomes=outcomes,
        visits_by_hour=tuple(by_hour),
        menu_opens=menu_opens,
        topics=topics,
        choices=choices,
        requests=requests,
        set_aside=damaged_copies(store.path),
    )


def read_figures(path: Path, since: datetime, until: datetime, zone: tzinfo) -> Figures:
    """The figures from the stats database at ``path``, opened read-only for the occasion
    (``kiosk stats``, ``kiosk status``, the studio): raises StatsError when it cannot be read."""
    with StatsStore(path, read_only=True) as store:
        return compute_figures(store, since, until, zone)
