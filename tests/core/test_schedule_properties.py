"""next_change against a brute-force oracle: random schedules, random instants near DST changes.

Every boundary in these schedules lies on a whole minute of UTC (window times on a 15-minute
grid; every zone used here changes offset by whole quarter hours), so scanning minute by minute
finds exactly the instants where ``is_active`` flips.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kiosk.core.schedule import Schedule, TimeWindow

#: One day keeps the oracle cheap; three also exercise the search past next_change's quick look.
HORIZONS = (1, 1, 3)
#: Zones and days on which they change offset in 2026: Denver (02:00 jumps), Lord Howe
#: (half-hour DST), Santiago (changes at midnight, so a weekday starts at 01:00), London.
ZONES_AND_DAYS = [
    ("America/Denver", date(2026, 3, 8)),
    ("America/Denver", date(2026, 11, 1)),
    ("America/Denver", date(2026, 7, 15)),
    ("Australia/Lord_Howe", date(2026, 4, 5)),
    ("Australia/Lord_Howe", date(2026, 10, 4)),
    ("America/Santiago", date(2026, 4, 5)),
    ("America/Santiago", date(2026, 9, 6)),
    ("Europe/London", date(2026, 3, 29)),
    ("Europe/London", date(2026, 10, 25)),
]

# Hours around 00:00-03:00 are drawn often: that is where the zones above change offset.
_HOUR = st.one_of(st.integers(0, 3), st.integers(0, 23))
_QUARTER = st.builds(time, _HOUR, st.sampled_from([0, 15, 30, 45]))
_WINDOW = st.builds(TimeWindow, _QUARTER, _QUARTER)


@st.composite
def cases(draw: st.DrawFn) -> tuple[Schedule, datetime, ZoneInfo, int]:
    zone_name, day = draw(st.sampled_from(ZONES_AND_DAYS))
    tz = ZoneInfo(zone_name)
    base = datetime.combine(day, time(), tzinfo=UTC)
    after = base + timedelta(minutes=draw(st.integers(-30 * 60, 8 * 60)), seconds=draw(st.integers(0, 59)))

    def bound() -> datetime | None:
        if not draw(st.booleans()):
            return None
        quarters = draw(st.integers(-4 * 24 * 4, 4 * 24 * 4))
        return datetime.combine(day, time()) + timedelta(minutes=15 * quarters)

    schedule = Schedule(
        active_from=bound(),
        active_until=bound(),
        weekdays=frozenset(draw(st.sets(st.integers(0, 6)))),
        windows=tuple(draw(st.lists(_WINDOW, max_size=2))),
    )
    return schedule, after, tz, draw(st.sampled_from(HORIZONS))


def first_flip(schedule: Schedule, after: datetime, tz: ZoneInfo, days: int) -> datetime | None:
    current = schedule.is_active(after, tz)
    moment = after.replace(second=0, microsecond=0) + timedelta(minutes=1)
    end = after + timedelta(days=days)
    while moment <= end:
        if schedule.is_active(moment, tz) != current:
            return moment
        moment += timedelta(minutes=1)
    return None


@settings(max_examples=250, deadline=None)
@given(cases())
def test_next_change_is_the_first_flip(case: tuple[Schedule, datetime, ZoneInfo, int]) -> None:
    schedule, after, tz, horizon = case
    change = schedule.next_change(after, tz, horizon_days=horizon)
    expected = first_flip(schedule, after, tz, horizon)
    current = schedule.is_active(after, tz)
    if expected is not None:
        assert change is not None, f"missed the flip at {expected}"
        assert change.astimezone(UTC) == expected
    elif change is not None:
        # Only allowed beyond the horizon, for a start that lies further ahead.
        assert change.astimezone(UTC) > after + timedelta(days=horizon)
        assert schedule.active_from is not None
    if change is not None:
        assert change.tzinfo is tz
        assert change.astimezone(UTC) > after
        assert schedule.is_active(change, tz) != current
        # In UTC: arithmetic on a zoned datetime is wall-clock arithmetic.
        just_before = change.astimezone(UTC) - timedelta(microseconds=1)
        assert schedule.is_active(just_before, tz) == current


@settings(max_examples=250, deadline=None)
@given(cases(), st.floats(0.0, 1.0, exclude_max=True))
def test_next_change_does_not_move_until_it_is_reached(
    case: tuple[Schedule, datetime, ZoneInfo, int], fraction: float
) -> None:
    schedule, after, tz, horizon = case
    change = schedule.next_change(after, tz, horizon_days=horizon)
    assume(change is not None)
    assert change is not None
    span = change.astimezone(UTC) - after
    later = after + span * fraction
    assume(later < change.astimezone(UTC))  # timedelta * float rounds to microseconds
    assert schedule.is_active(later, tz) == schedule.is_active(after, tz)
    again = schedule.next_change(later, tz, horizon_days=horizon)
    # Only a start beyond the horizon can look different from a later vantage point.
    if schedule.active_from is None or span <= timedelta(days=horizon):
        assert again is not None and again.astimezone(UTC) == change.astimezone(UTC)
