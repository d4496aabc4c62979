"""The records the kiosk's recorder hands to the stats writer: small, immutable, and holding
nothing about who the patient is.

Times of what a patient does are whole hours (:func:`hour_of`): a visit, a topic opened, a
choice or a request is never stored to the second, so none can be matched to a request's
time in the requests database. Only slides shown on the slideshow (proof of play, nobody's
action) keep their time to the millisecond.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import UTC, datetime

HOUR_S = 3600
HOUR_MS = HOUR_S * 1000
#: Longest slide, topic or content version id kept; longer ones are cut (ids from the
#: content are far shorter: kiosk.core.loader checks them).
KEY_MAX = 100


class Outcome(enum.Enum):
    """How a touch visit ended."""

    #: the patient tapped "Back to slideshow"
    BACK = "back"
    #: nobody touched the screen and the idle countdown ran out
    IDLE = "idle"
    #: a request was sent during the visit (however the visit then ended)
    REQUEST = "request"
    #: staff opened the admin screen, or the kiosk stopped, mid-visit
    OTHER = "other"


#: Kinds of :class:`Tally`: what ``key`` names and what ``count`` and ``ms`` add up.
MENU = "menu"  # key "": menu opened; count = opens
TOPIC = "topic"  # key topic id: count = times opened, ms = time spent in it
TOPIC_SLIDES = "topic_slides"  # key topic id: count = its slides viewed (each slide once per opening)
CHOICE = "choice"  # key e.g. "language:es", "large_text:on": count = visits that chose it
REQUEST = "request"  # key "": count = requests sent
REQUEST_TOPIC = "request_topic"  # key topic id: count = requests that named the topic
VISIT = "visit"  # key outcome: count = visits, ms = their length (written by the roll-up only)
TALLY_KINDS = frozenset({MENU, TOPIC, TOPIC_SLIDES, CHOICE, REQUEST, REQUEST_TOPIC, VISIT})


def hour_of(moment: datetime) -> int:
    """Whole hours since 1970-01-01 00:00 UTC: the bucket every patient action is kept in."""
    if moment.tzinfo is None:
        raise ValueError("stats times must be timezone-aware")
    return int(moment.timestamp() // HOUR_S)


def hour_start(hour: int) -> datetime:
    return datetime.fromtimestamp(hour * HOUR_S, UTC)


def millis(moment: datetime) -> int:
    if moment.tzinfo is None:
        raise ValueError("stats times must be timezone-aware")
    return int(moment.timestamp() * 1000)


@dataclass(frozen=True, slots=True)
class SlidePlayed:
    """A slide was on the slideshow (proof of play): from ``shown_at_ms`` (Unix ms) for ``ms``
    milliseconds in all, counting only the time it was not covered by a touch screen."""

    shown_at_ms: int
    slide_id: str
    version: str
    ms: int


@dataclass(frozen=True, slots=True)
class VisitEnded:
    """A touch visit: the hour it started, how long it lasted, how it ended."""

    hour: int
    ms: int
    outcome: Outcome


@dataclass(frozen=True, slots=True)
class Tally:
    """``count`` more of ``kind``/``key`` in ``hour`` (and ``ms`` more time, where it has one)."""

    hour: int
    kind: str
    key: str
    count: int = 1
    ms: int = 0


Event = SlidePlayed | VisitEnded | Tally
