"""When a notice posted now ends: in 30 minutes, in an hour or two, at the end of the day, or
at a chosen date and time (the clinic's wall clock, as in schedules)."""

from __future__ import annotations

import enum
from datetime import datetime, time, timedelta

from kiosk.core.model import Clinic
from kiosk.core.opening import closing_today

#: The latest a notice posted on a kiosk may end: a same-day notice that lasts a month is
#: a typo in the date, not a notice.
MAX_AHEAD = timedelta(days=31)


class EndChoice(enum.Enum):
    MINUTES_30 = "30m"
    HOUR_1 = "1h"
    HOURS_2 = "2h"
    END_OF_DAY = "end-of-day"
    AT = "at"


_DURATIONS = {
    EndChoice.MINUTES_30: timedelta(minutes=30),
    EndChoice.HOUR_1: timedelta(hours=1),
    EndChoice.HOURS_2: timedelta(hours=2),
}


def end_of_day(clinic: Clinic, now: datetime) -> datetime:
    """When "until the end of the day" ends: the clinic's closing time today while it is open
    or opens again later today, else midnight (aware, in the clinic's zone)."""
    closing = closing_today(clinic, now)
    if closing is not None:
        return closing
    local = now.astimezone(clinic.timezone)
    return datetime.combine(local.date() + timedelta(days=1), time(), tzinfo=clinic.timezone)


def end_time(choice: EndChoice, clinic: Clinic, now: datetime, at: datetime | None = None) -> datetime:
    """The end ``choice`` means when posted at ``now`` (aware). ``at`` is the chosen date and
    time for :attr:`EndChoice.AT` (aware, or naive for the clinic's wall clock)."""
    if now.tzinfo is None:
        raise ValueError("end_time needs a timezone-aware now")
    if choice in _DURATIONS:
        # Whole minutes: "until 3:47 PM" rather than a time to the second.
        return (now + _DURATIONS[choice]).astimezone(clinic.timezone).replace(second=0, microsecond=0)
    if choice is EndChoice.END_OF_DAY:
        return end_of_day(clinic, now)
    if at is None:
        raise ValueError("a chosen end needs its date and time")
    return at if at.tzinfo is not None else at.replace(tzinfo=clinic.timezone)
