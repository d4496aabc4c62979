"""stats.db: recording, the hourly roll-up of raw rows after RAW_DAYS and the retention purge
(with an injected clock), read-only readers, damaged and newer files."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.core.stats.events import (
    CHOICE,
    HOUR_MS,
    MENU,
    REQUEST,
    REQUEST_TOPIC,
    TOPIC,
    TOPIC_SLIDES,
    Event,
    Outcome,
    SlidePlayed,
    Tally,
    VisitEnded,
    hour_of,
    millis,
)
from kiosk.core.stats.figures import compute_figures
from kiosk.core.stats.schema import LATEST_VERSION, StatsDamaged, StatsError, StatsTooNew
from kiosk.core.stats.store import RAW_DAYS, StatsStore, move_aside

T0 = datetime(2026, 3, 2, 15, 20, tzinfo=UTC)
H0 = hour_of(T0)


def some_events(at: datetime) -> list[Event]:
    hour = hour_of(at)
    return [
        SlidePlayed(millis(at), "about-welcome", "v1", 12_000),
        SlidePlayed(millis(at) + 12_000, "contact", "v1", 9_500),
        SlidePlayed(millis(at) + 21_500, "about-welcome", "v2", 12_000),
        VisitEnded(hour, 61_000, Outcome.REQUEST),
        VisitEnded(hour, 5_000, Outcome.BACK),
        Tally(hour, MENU, ""),
        Tally(hour, MENU, ""),
        Tally(hour, TOPIC, "exercise", 1, 40_000),
        Tally(hour, TOPIC_SLIDES, "exercise", 3),
        Tally(hour, CHOICE, "language:es"),
        Tally(hour, REQUEST, ""),
        Tally(hour, REQUEST_TOPIC, "exercise"),
    ]


def test_events_are_counted_and_counts_of_the_same_hour_add_up(tmp_path: Path) -> None:
    with StatsStore(tmp_path / "data" / "stats.db") as store:
        assert store.record(some_events(T0)) == 11  # the two menu opens are one row
        store.record([Tally(H0, MENU, ""), Tally(H0, TOPIC, "exercise", 1, 2_000)])
        totals = {(kind, key): (count, ms) for kind, key, count, ms in store.tally_totals(H0, H0 + 1)}
        assert totals[(MENU, "")] == (3, 0)
        assert totals[(TOPIC, "exercise")] == (2, 42_000)
        assert sorted(store.visit_hours(H0, H0 + 1)) == [(H0, "back", 1, 5_000), (H0, "request", 1, 61_000)]
        assert sorted(store.slide_plays(H0, H0 + 1)) == [
            ("about-welcome", "v1", 1, 12_000),
            ("about-welcome", "v2", 1, 12_000),
            ("contact", "v1", 1, 9_500),
        ]
        assert store.slide_plays(H0 + 1, H0 + 2) == [] and store.tally_totals(H0 - 1, H0) == []
        assert store.first_hour() == H0
    if os.name == "posix":
        assert (tmp_path / "data" / "stats.db").stat().st_mode & 0o777 == 0o600
        assert (tmp_path / "data").stat().st_mode & 0o777 == 0o700


def test_events_that_make_no_sense_are_left_out(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with StatsStore(tmp_path / "stats.db") as store:
        written = store.record(
            [
                Tally(H0, "no-such-kind", "x"),
                Tally(H0, MENU, "", count=-1),
                SlidePlayed(millis(T0), "", "v1", 10),
                Tally(H0, MENU, ""),
            ]
        )
        assert written == 1
        assert store.tally_totals(H0, H0 + 1) == [(MENU, "", 1, 0)]
    assert "left out 3 event(s)" in caplog.text


def test_raw_rows_are_rolled_up_per_hour_after_seven_days_with_the_same_figures(tmp_path: Path) -> None:
    with StatsStore(tmp_path / "stats.db") as store:
        store.record(some_events(T0))
        store.record(some_events(T0 + timedelta(days=3)))
        period = (T0 - timedelta(days=1), T0 + timedelta(days=30))
        before = compute_figures(store, *period, UTC)

        assert store.roll_up(T0 + timedelta(days=RAW_DAYS)) == (0, 0)  # the hour has not been over for 7 days
        rolled = store.roll_up(T0 + timedelta(days=RAW_DAYS, hours=1))
        assert rolled == (3, 2)  # the first day's three slides (two versions of one) and two outcomes
        counts = store.row_counts()
        assert counts["plays"] == 3 and counts["visits"] == 2 and counts["play_hours"] == 3
        assert store.roll_up(T0 + timedelta(days=RAW_DAYS, hours=1)) == (0, 0)  # nothing left to roll up
        store.roll_up(T0 + timedelta(days=30))
        assert store.row_counts()["plays"] == 0 and store.row_counts()["visits"] == 0
        assert compute_figures(store, *period, UTC) == before


EVENTS = st.lists(
    st.one_of(
        st.builds(
            SlidePlayed,
            st.integers(H0 * HOUR_MS, (H0 + 24 * 20) * HOUR_MS),
            st.sampled_from(["a", "b", "c"]),
            st.sampled_from(["v1", "v2"]),
            st.integers(0, 60_000),
        ),
        st.builds(VisitEnded, st.integers(H0, H0 + 24 * 20), st.integers(0, 600_000), st.sampled_from(list(Outcome))),
        st.builds(
            Tally,
            st.integers(H0, H0 + 24 * 20),
            st.sampled_from([MENU, TOPIC, TOPIC_SLIDES, CHOICE, REQUEST, REQUEST_TOPIC]),
            st.sampled_from(["", "exercise", "language:es"]),
            st.integers(0, 5),
            st.integers(0, 90_000),
        ),
    ),
    max_size=40,
)


@settings(max_examples=40)
@given(events=EVENTS, days=st.integers(0, 25))
def test_rolling_up_never_changes_a_figure(
    tmp_path_factory: pytest.TempPathFactory, events: list[Event], days: int
) -> None:
    with StatsStore(tmp_path_factory.mktemp("rollup") / "stats.db") as store:
        store.record(events)
        period = (T0 - timedelta(days=1), T0 + timedelta(days=30))
        before = compute_figures(store, *period, UTC)
        store.roll_up(T0 + timedelta(days=days))
        assert compute_figures(store, *period, UTC) == before


def test_figures_older_than_the_retention_period_are_deleted_and_the_file_shrinks(tmp_path: Path) -> None:
    path = tmp_path / "stats.db"
    with StatsStore(path) as store:
        for day in range(40):
            store.record(some_events(T0 + timedelta(days=day)) * 20)
        store.roll_up(T0 + timedelta(days=60))
        full = path.stat().st_size + path.with_name("stats.db-wal").stat().st_size
        first_kept = T0 + timedelta(days=30)
        now = first_kept + timedelta(days=10)
        assert store.purge(now, 10) > 0  # days 0-29
        assert store.first_hour() == hour_of(first_kept)
        assert store.purge(now + timedelta(minutes=39), 10) == 0  # day 30's hour is not 10 days over yet
        assert store.purge(now + timedelta(minutes=40), 10) > 0
        assert store.first_hour() == hour_of(first_kept + timedelta(days=1))
        assert store.row_counts()["shown_slides"] == 3
        store.purge(now + timedelta(days=400), 10)
        assert store.row_counts() == dict.fromkeys(("shown_slides", "plays", "play_hours", "visits", "tallies"), 0)
        assert store.first_hour() is None
    shrunk = path.stat().st_size + (
        path.with_name("stats.db-wal").stat().st_size if path.with_name("stats.db-wal").exists() else 0
    )
    assert shrunk < full / 2


def test_a_reader_opens_read_only_and_never_creates_or_changes_the_file(tmp_path: Path) -> None:
    path = tmp_path / "stats.db"
    with pytest.raises(StatsError, match="no such file"):
        StatsStore(path, read_only=True)
    assert not path.exists()
    with StatsStore(path) as writer:
        writer.record(some_events(T0))
        with StatsStore(path, read_only=True) as reader:
            assert reader.first_hour() == H0
            with pytest.raises(StatsError, match="read-only"):
                reader.record(some_events(T0))
            with pytest.raises(StatsError):
                reader.purge(T0 + timedelta(days=900), 1)
    path.write_bytes(b"")
    with pytest.raises(StatsError, match="no figures yet"):
        StatsStore(path, read_only=True)


def test_a_file_from_a_newer_kiosk_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "stats.db"
    StatsStore(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    for read_only in (False, True):
        with pytest.raises(StatsTooNew, match="newer kiosk"):
            StatsStore(path, read_only=read_only)
    assert path.read_bytes() == before


@pytest.mark.faults
def test_a_damaged_file_is_reported_as_damaged_and_moved_aside_whole(tmp_path: Path) -> None:
    path = tmp_path / "stats.db"
    path.write_bytes(b"this is not a database, whatever its name says" * 100)
    with pytest.raises(StatsDamaged, match="damaged"):
        StatsStore(path)
    moved = move_aside(path, T0)
    assert not path.exists()
    assert moved.name == "stats.db.damaged-20260302T152000Z"
    assert moved.read_bytes().startswith(b"this is not a database")
    with StatsStore(path) as fresh:
        assert fresh.first_hour() is None
