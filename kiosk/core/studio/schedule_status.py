"""A slide's schedule state for the slide list: playing now, starts on, ended on, hidden..."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from kiosk.core.studio.schedule_values import ScheduleValue


class ScheduleState(enum.Enum):
    PLAYING = "playing"  # plays now
    NOT_NOW = "not now"  # in its dates, but not at this hour or on this day
    STARTS = "starts"  # starts later (``when``: its first day or time)
    ENDED = "ended"  # its last day or time has passed (``when``)
    NEVER = "never"  # its days and dates leave no time at all
    HIDDEN = "hidden"  # staff hid it (``hidden: true``)
    UNLISTED = "unlisted"  # not in the playlist, so it never plays
    UNKNOWN = "unknown"  # the schedule cannot be read (see the slide's problems)


@dataclass(frozen=True)
class ScheduleStatus:
    state: ScheduleState
    #: For STARTS and ENDED: the day (or day and time) as written; for NOT_NOW: the next
    #: time it plays within a week, in the clinic's time zone, if any.
    when: date | datetime | None = None

    @property
    def label(self) -> str:
        """Words for the slide list (the window may word it itself from state and when)."""
        when = _shown(self.when)
        return {
            ScheduleState.PLAYING: "Playing now",
            ScheduleState.NOT_NOW: f"Not playing now; next at {when}" if when else "Not playing now",
            ScheduleState.STARTS: f"Starts on {when}",
            ScheduleState.ENDED: f"Ended on {when}",
            ScheduleState.NEVER: "Never plays: check its days and dates",
            ScheduleState.HIDDEN: "Hidden",
            ScheduleState.UNLISTED: "Not in the playlist",
            ScheduleState.UNKNOWN: "Schedule has a problem",
        }[self.state]


def _shown(when: date | datetime | None) -> str:
    if when is None:
        return ""
    if isinstance(when, datetime):
        return when.strftime("%Y-%m-%d %H:%M")
    return when.isoformat()


def schedule_status(
    value: ScheduleValue | None, *, hidden: bool, listed: bool, now: datetime, timezone: ZoneInfo
) -> ScheduleStatus:
    """The state at ``now`` (aware) of a slide with schedule ``value`` (None: unreadable)."""
    if hidden:
        return ScheduleStatus(ScheduleState.HIDDEN)
    if value is None:
        return ScheduleStatus(ScheduleState.UNKNOWN)
    if not listed:
        return ScheduleStatus(ScheduleState.UNLISTED)
    schedule = value.to_schedule()
    local = now.astimezone(timezone).replace(tzinfo=None)
    if schedule.has_ended(now, timezone):
        return ScheduleStatus(ScheduleState.ENDED, value.until)
    if not schedule.plays_ever():
        return ScheduleStatus(ScheduleState.NEVER)
    if schedule.active_from is not None and local < schedule.active_from:
        return ScheduleStatus(ScheduleState.STARTS, value.start)
    if schedule.is_active(now, timezone):
        return ScheduleStatus(ScheduleState.PLAYING)
    upcoming = schedule.next_change(now, timezone)
    return ScheduleStatus(ScheduleState.NOT_NOW, upcoming.replace(tzinfo=None) if upcoming else None)
