"""Schedules: weekdays, windows across midnight, DST in Denver, expiry, and next_change."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from kiosk.core.schedule import ALL_WEEKDAYS, WEEKDAY_NAMES, Schedule, TimeWindow

DENVER = ZoneInfo("America/Denver")
FRI, SAT, SUN = 4, 5, 6


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0, *, fold: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=DENVER, fold=fold)


def utc(moment: datetime | None) -> datetime:
    assert moment is not None
    return moment.astimezone(UTC)


def window(text: str) -> TimeWindow:
    start, end = text.split("-")
    return TimeWindow(time.fromisoformat(start), time.fromisoformat(end))


def test_weekday_names_and_all_weekdays() -> None:
    assert WEEKDAY_NAMES[0] == "mon" and WEEKDAY_NAMES[6] == "sun"
    assert frozenset(range(7)) == ALL_WEEKDAYS


def test_default_schedule_is_always_active() -> None:
    schedule = Schedule()
    assert schedule.is_always
    assert schedule.plays_ever()
    assert schedule.is_active(at(2026, 1, 1, 3, 0), DENVER)
    assert schedule.next_change(at(2026, 1, 1, 3, 0), DENVER) is None


@pytest.mark.parametrize(
    "schedule",
    [
        Schedule(active_from=datetime(2026, 1, 1)),
        Schedule(active_until=datetime(2026, 1, 1)),
        Schedule(weekdays=frozenset({0})),
        Schedule(windows=(window("08:00-09:00"),)),
    ],
)
def test_any_restriction_is_not_always(schedule: Schedule) -> None:
    assert not schedule.is_always


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        Schedule().is_active(datetime(2026, 1, 1), DENVER)
    with pytest.raises(ValueError, match="timezone-aware"):
        Schedule(weekdays=frozenset({1})).next_change(datetime(2026, 1, 1), DENVER)


def test_weekdays_without_windows_cover_whole_days() -> None:
    weekends = Schedule(weekdays=frozenset({SAT, SUN}))
    assert not weekends.is_active(at(2026, 3, 13, 23, 59, 59), DENVER)  # Friday
    assert weekends.is_active(at(2026, 3, 14, 0, 0), DENVER)  # Saturday
    assert weekends.is_active(at(2026, 3, 15, 23, 59), DENVER)  # Sunday
    assert not weekends.is_active(at(2026, 3, 16, 0, 0), DENVER)  # Monday
    assert weekends.next_change(at(2026, 3, 11, 12, 0), DENVER) == at(2026, 3, 14, 0, 0)
    assert weekends.next_change(at(2026, 3, 14, 12, 0), DENVER) == at(2026, 3, 16, 0, 0)


def test_time_is_judged_in_the_clinic_zone_whatever_the_input_zone() -> None:
    mornings = Schedule(windows=(window("07:00-11:00"),))
    # 15:00 UTC is 08:00 in Denver in winter.
    assert mornings.is_active(datetime(2026, 1, 5, 15, 0, tzinfo=UTC), DENVER)
    assert not mornings.is_active(datetime(2026, 1, 5, 8, 0, tzinfo=UTC), DENVER)
    change = mornings.next_change(datetime(2026, 1, 5, 15, 0, tzinfo=UTC), DENVER)
    assert change == at(2026, 1, 5, 11, 0)
    assert change is not None and change.tzinfo is DENVER


def test_window_bounds_are_start_inclusive_end_exclusive() -> None:
    schedule = Schedule(windows=(window("08:00-12:00"), window("13:00-18:00")))
    assert not schedule.is_active(at(2026, 3, 4, 7, 59, 59), DENVER)
    assert schedule.is_active(at(2026, 3, 4, 8, 0), DENVER)
    assert not schedule.is_active(at(2026, 3, 4, 12, 0), DENVER)
    assert schedule.is_active(at(2026, 3, 4, 17, 59), DENVER)
    assert not schedule.is_active(at(2026, 3, 4, 18, 0), DENVER)
    assert schedule.next_change(at(2026, 3, 4, 9, 0), DENVER) == at(2026, 3, 4, 12, 0)
    assert schedule.next_change(at(2026, 3, 4, 12, 0), DENVER) == at(2026, 3, 4, 13, 0)
    assert schedule.next_change(at(2026, 3, 4, 19, 0), DENVER) == at(2026, 3, 5, 8, 0)


class TestAcrossMidnight:
    friday_nights = Schedule(weekdays=frozenset({FRI}), windows=(window("22:00-02:00"),))

    def test_crosses_midnight(self) -> None:
        assert window("22:00-02:00").crosses_midnight
        assert window("22:00-00:00").crosses_midnight
        assert not window("08:00-12:00").crosses_midnight
        assert str(window("22:00-02:00")) == "22:00-02:00"

    @pytest.mark.parametrize(
        ("moment", "active"),
        [
            (at(2026, 3, 13, 21, 59), False),  # Friday before the window
            (at(2026, 3, 13, 22, 0), True),  # Friday night
            (at(2026, 3, 13, 23, 59, 59), True),
            (at(2026, 3, 14, 0, 0), True),  # Saturday morning belongs to Friday's window
            (at(2026, 3, 14, 1, 30), True),
            (at(2026, 3, 14, 2, 0), False),
            (at(2026, 3, 14, 22, 30), False),  # Saturday night: Saturday is not listed
            (at(2026, 3, 15, 1, 30), False),  # Sunday early: Saturday's window, not listed
            (at(2026, 3, 13, 1, 30), False),  # Friday early: Thursday's window, not listed
        ],
    )
    def test_window_belongs_to_the_day_it_starts(self, moment: datetime, active: bool) -> None:
        assert self.friday_nights.is_active(moment, DENVER) is active

    def test_next_change_across_midnight(self) -> None:
        schedule = self.friday_nights
        assert schedule.next_change(at(2026, 3, 13, 12, 0), DENVER) == at(2026, 3, 13, 22, 0)
        assert schedule.next_change(at(2026, 3, 13, 23, 0), DENVER) == at(2026, 3, 14, 2, 0)
        assert schedule.next_change(at(2026, 3, 14, 2, 0), DENVER) == at(2026, 3, 20, 22, 0)

    def test_saturday_window_when_saturday_is_listed(self) -> None:
        both = Schedule(weekdays=frozenset({FRI, SAT}), windows=(window("22:00-02:00"),))
        assert both.is_active(at(2026, 3, 14, 22, 30), DENVER)
        assert both.is_active(at(2026, 3, 15, 1, 30), DENVER)
        assert not both.is_active(at(2026, 3, 15, 2, 0), DENVER)

    def test_window_ending_at_midnight(self) -> None:
        evenings = Schedule(windows=(window("20:00-00:00"),))
        assert evenings.is_active(at(2026, 3, 4, 23, 59), DENVER)
        assert not evenings.is_active(at(2026, 3, 5, 0, 0), DENVER)
        assert evenings.next_change(at(2026, 3, 4, 21, 0), DENVER) == at(2026, 3, 5, 0, 0)


class TestDaylightSavingInDenver:
    """2026-03-08: 02:00 MST jumps to 03:00 MDT. 2026-11-01: 02:00 MDT falls back to 01:00 MST."""

    night = Schedule(windows=(window("01:30-02:30"),))

    def test_spring_forward_window_is_cut_short(self) -> None:
        assert self.night.is_active(at(2026, 3, 8, 1, 45), DENVER)
        # 01:59:59 MST is followed by 03:00 MDT: the window is left at the jump, not at 02:30.
        assert self.night.next_change(at(2026, 3, 8, 1, 45), DENVER) == datetime(2026, 3, 8, 9, 0, tzinfo=UTC)
        assert not self.night.is_active(datetime(2026, 3, 8, 9, 0, tzinfo=UTC), DENVER)

    def test_window_starting_in_the_skipped_hour_starts_at_the_jump(self) -> None:
        schedule = Schedule(windows=(window("02:30-04:00"),))
        assert not schedule.is_active(at(2026, 3, 8, 1, 59, 59), DENVER)
        change = schedule.next_change(at(2026, 3, 8, 1, 0), DENVER)
        assert change == datetime(2026, 3, 8, 9, 0, tzinfo=UTC)  # 03:00 MDT
        assert change is not None and (change.hour, change.minute) == (3, 0)
        assert schedule.is_active(change, DENVER)

    # Equality between zones is False for any fold=1 time (PEP 495), so these tests compare
    # instants in UTC.

    def test_fall_back_window_plays_in_both_passes_of_the_hour(self) -> None:
        first_pass = at(2026, 11, 1, 1, 45)  # MDT, 07:45 UTC
        second_start = at(2026, 11, 1, 1, 30, fold=1)  # MST, 08:30 UTC
        assert self.night.is_active(first_pass, DENVER)
        # At 02:00 MDT the clock reads 01:00 MST: outside 01:30-02:30 until 01:30 MST.
        assert not self.night.is_active(datetime(2026, 11, 1, 8, 0, tzinfo=UTC), DENVER)
        leaves = self.night.next_change(first_pass, DENVER)
        assert utc(leaves) == datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
        between = at(2026, 11, 1, 1, 10, fold=1)  # 08:10 UTC
        change = self.night.next_change(between, DENVER)
        assert utc(change) == utc(second_start)
        assert utc(change) > utc(between)
        assert self.night.next_change(second_start, DENVER) == at(2026, 11, 1, 2, 30)

    def test_window_inside_the_repeated_hour_is_found_again(self) -> None:
        schedule = Schedule(windows=(window("01:00-01:30"),))
        after = at(2026, 11, 1, 1, 40)  # first pass, MDT
        assert utc(schedule.next_change(after, DENVER)) == datetime(2026, 11, 1, 8, 0, tzinfo=UTC)

    def test_next_change_never_before_after_around_transitions(self) -> None:
        for day in (date(2026, 3, 8), date(2026, 11, 1)):
            start = datetime.combine(day, time(6, 0), tzinfo=UTC)
            moment = start
            previous: datetime | None = None
            while moment < start + timedelta(hours=5):
                change = utc(self.night.next_change(moment, DENVER))
                assert change > moment
                if previous is not None and moment < previous:
                    assert change == previous, "next_change moved while nothing changed"
                previous = change
                moment += timedelta(minutes=5)

    def test_daily_change_lands_on_local_midnight_across_dst(self) -> None:
        weekdays = Schedule(weekdays=frozenset({0, 1, 2, 3, 4}))
        # Saturday 2026-03-07 noon MST -> Monday 2026-03-09 00:00 MDT.
        change = weekdays.next_change(at(2026, 3, 7, 12, 0), DENVER)
        assert change == at(2026, 3, 9, 0, 0)
        assert change is not None and change.utcoffset() == timedelta(hours=-6)


class TestDates:
    def test_date_only_until_includes_the_whole_day(self) -> None:
        assert Schedule.until_end_of(date(2026, 3, 31)) == datetime(2026, 4, 1, 0, 0)
        schedule = Schedule(active_until=Schedule.until_end_of(date(2026, 3, 31)))
        assert schedule.is_active(at(2026, 3, 31, 23, 59, 59), DENVER)
        assert not schedule.is_active(at(2026, 4, 1, 0, 0), DENVER)
        assert schedule.next_change(at(2026, 3, 31, 12, 0), DENVER) == at(2026, 4, 1, 0, 0)

    def test_datetime_until_is_exclusive(self) -> None:
        schedule = Schedule(active_until=datetime(2026, 3, 31, 17, 0))
        assert schedule.is_active(at(2026, 3, 31, 16, 59, 59), DENVER)
        assert not schedule.is_active(at(2026, 3, 31, 17, 0), DENVER)

    def test_expired_schedule_never_changes_again(self) -> None:
        schedule = Schedule(active_until=datetime(2026, 3, 31, 17, 0))
        assert schedule.next_change(at(2026, 4, 5, 0, 0), DENVER) is None
        assert schedule.next_change(at(2026, 3, 31, 18, 0), DENVER) is None

    def test_from_in_the_future(self) -> None:
        schedule = Schedule(active_from=datetime(2026, 3, 5, 8, 0))
        assert not schedule.is_active(at(2026, 3, 5, 7, 59), DENVER)
        assert schedule.is_active(at(2026, 3, 5, 8, 0), DENVER)
        assert schedule.next_change(at(2026, 3, 1, 0, 0), DENVER) == at(2026, 3, 5, 8, 0)
        assert schedule.next_change(at(2026, 3, 5, 8, 0), DENVER) is None

    def test_start_far_in_the_future_is_still_reported(self) -> None:
        schedule = Schedule(active_from=datetime(2026, 6, 1), weekdays=frozenset({0}))
        assert schedule.next_change(at(2026, 3, 1, 0, 0), DENVER) == at(2026, 6, 1, 0, 0)

    def test_from_with_windows_starts_at_the_first_window(self) -> None:
        schedule = Schedule(
            active_from=datetime(2026, 6, 1),  # a Monday
            weekdays=frozenset({2}),
            windows=(window("09:00-10:00"),),
        )
        assert schedule.next_change(at(2026, 3, 1, 0, 0), DENVER) == at(2026, 6, 3, 9, 0)

    def test_from_and_until_window(self) -> None:
        schedule = Schedule(
            active_from=datetime(2026, 3, 5, 8, 0),
            active_until=Schedule.until_end_of(date(2026, 3, 6)),
            windows=(window("07:00-18:00"),),
        )
        assert not schedule.is_active(at(2026, 3, 5, 7, 30), DENVER)
        assert schedule.is_active(at(2026, 3, 6, 17, 0), DENVER)
        assert not schedule.is_active(at(2026, 3, 6, 18, 0), DENVER)
        assert not schedule.is_active(at(2026, 3, 7, 8, 0), DENVER)
        changes = []
        moment = at(2026, 3, 4, 0, 0)
        while (change := schedule.next_change(moment, DENVER)) is not None:
            changes.append(change)
            moment = change
        assert changes == [
            at(2026, 3, 5, 8, 0),
            at(2026, 3, 5, 18, 0),
            at(2026, 3, 6, 7, 0),
            at(2026, 3, 6, 18, 0),
        ]


class TestPlaysEver:
    def test_ordinary_schedules_play(self) -> None:
        assert Schedule(weekdays=frozenset({0})).plays_ever()
        one_day = Schedule(active_from=datetime(2026, 1, 1), active_until=datetime(2026, 1, 2))
        assert one_day.plays_ever()

    def test_no_weekdays_never_plays(self) -> None:
        assert not Schedule(weekdays=frozenset()).plays_ever()

    @pytest.mark.parametrize("until", [datetime(2026, 1, 1), datetime(2025, 12, 1)])
    def test_until_not_after_from_never_plays(self, until: datetime) -> None:
        assert not Schedule(active_from=datetime(2026, 1, 1), active_until=until).plays_ever()

    def test_short_range_without_a_listed_day_never_plays(self) -> None:
        # 2026-03-02 is a Monday; the range covers Monday and Tuesday only.
        schedule = Schedule(
            active_from=datetime(2026, 3, 2),
            active_until=Schedule.until_end_of(date(2026, 3, 3)),
            weekdays=frozenset({SAT}),
        )
        assert not schedule.plays_ever()
        assert Schedule(
            active_from=datetime(2026, 3, 2),
            active_until=Schedule.until_end_of(date(2026, 3, 8)),
            weekdays=frozenset({SAT}),
        ).plays_ever()

    def test_short_range_outside_the_hours_never_plays(self) -> None:
        schedule = Schedule(
            active_from=datetime(2026, 3, 2, 12, 0),
            active_until=datetime(2026, 3, 2, 17, 0),
            windows=(window("07:00-11:00"), window("18:00-20:00")),
        )
        assert not schedule.plays_ever()
        assert Schedule(
            active_from=datetime(2026, 3, 2, 12, 0),
            active_until=datetime(2026, 3, 2, 17, 0),
            windows=(window("16:59-20:00"),),
        ).plays_ever()

    def test_range_starting_inside_a_window_plays(self) -> None:
        # The Friday night window is still open at Saturday 01:00.
        schedule = Schedule(
            active_from=datetime(2026, 3, 14, 1, 0),
            active_until=datetime(2026, 3, 14, 1, 30),
            weekdays=frozenset({FRI}),
            windows=(window("22:00-02:00"),),
        )
        assert schedule.plays_ever()
