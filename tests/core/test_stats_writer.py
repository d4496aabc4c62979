"""The stats writer: events put on one thread are written in batches by its own, the last
ones on stop; a blocked data folder, a full database and a damaged file cost no events that
fit in the queue and never stop the writer; questions are answered with futures."""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.core.clock import FixedClock
from kiosk.core.stats.events import MENU, Outcome, SlidePlayed, Tally, VisitEnded, hour_of, millis
from kiosk.core.stats.schema import StatsError
from kiosk.core.stats.store import RAW_DAYS, StatsStore
from kiosk.core.stats.writer import StatsWriter

T0 = datetime(2026, 3, 2, 15, 20, tzinfo=UTC)
H0 = hour_of(T0)
WAIT = 10.0


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


@pytest.fixture
def writer(tmp_path: Path, clock: FixedClock) -> Iterator[StatsWriter]:
    writer = StatsWriter(tmp_path / "data" / "stats.db", clock, retention_days=30, interval=3600, batch=10)
    writer.start()
    yield writer
    writer.stop(WAIT)


def menu_opens(path: Path) -> int:
    with StatsStore(path, read_only=True) as store:
        return sum(count for kind, _key, count, _ms in store.tally_totals(H0 - 1000, H0 + 1000) if kind == MENU)


def test_events_put_on_another_thread_are_written_and_the_last_ones_on_stop(
    writer: StatsWriter, tmp_path: Path
) -> None:
    def gui() -> None:
        for _ in range(25):
            writer.put(Tally(H0, MENU, ""))

    thread = threading.Thread(target=gui)
    thread.start()
    thread.join()
    writer.flush().result(WAIT)
    assert menu_opens(writer.path) == 25 and writer.pending == 0
    writer.put(VisitEnded(H0, 1000, Outcome.BACK))
    writer.put(SlidePlayed(millis(T0), "contact", "v1", 9000))
    writer.put(Tally(H0, MENU, ""))
    assert writer.stop(WAIT)
    assert menu_opens(writer.path) == 26
    with StatsStore(writer.path, read_only=True) as store:
        assert store.row_counts()["visits"] == 1 and store.row_counts()["plays"] == 1
    with pytest.raises(StatsError, match="not running"):
        writer.flush().result(WAIT)


def test_a_full_batch_wakes_the_writer_without_being_asked(writer: StatsWriter) -> None:
    for _ in range(10):  # batch=10
        writer.put(Tally(H0, MENU, ""))
    done = threading.Event()

    def written() -> None:
        while writer.written == 0:
            if done.wait(0.01):
                return

    watcher = threading.Thread(target=written)
    watcher.start()
    watcher.join(WAIT)
    done.set()
    assert writer.written == 1 and writer.pending == 0


@pytest.mark.faults
def test_a_blocked_data_folder_keeps_the_events_until_it_can_be_written(
    writer: StatsWriter, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "data").write_text("a file where the data folder should be")
    for _ in range(3):
        writer.put(Tally(H0, MENU, ""))
    with pytest.raises(StatsError, match="cannot open the stats database"):
        writer.flush().result(WAIT)
    assert writer.pending == 3 and "cannot open the stats database" in writer.problem
    (tmp_path / "data").unlink()
    writer.flush().result(WAIT)
    assert writer.problem == "" and menu_opens(writer.path) == 3
    assert caplog.text.count("cannot open the stats database") == 1  # once, not every round


@pytest.mark.faults
def test_a_full_database_keeps_the_events_in_order_and_writes_them_when_there_is_room(writer: StatsWriter) -> None:
    writer.put(Tally(H0, MENU, ""))
    page_count = writer.ask(lambda store: store._conn.execute("PRAGMA page_count").fetchone()[0]).result(WAIT)
    writer.ask(lambda store: store._conn.execute(f"PRAGMA max_page_count = {page_count}")).result(WAIT)
    for hour in range(300):  # some 30 kB: more than the pages the file has
        writer.put(Tally(H0 + hour, "topic", f"topic-{hour:03}-" + "x" * 90))
    with pytest.raises(StatsError):
        writer.flush().result(WAIT)  # the figures asked for cannot come from a file that is full
    assert "full" in writer.problem and writer.pending > 0
    writer.ask(lambda store: store._conn.execute("PRAGMA max_page_count = 1073741823")).result(WAIT)
    writer.flush().result(WAIT)
    assert writer.problem == "" and writer.pending == 0
    with StatsStore(writer.path, read_only=True) as store:
        topics = [key for kind, key, _n, _ms in store.tally_totals(H0, H0 + 300) if kind == "topic"]
    assert len(topics) == 300


def test_a_full_queue_drops_new_events_and_counts_them(tmp_path: Path, clock: FixedClock) -> None:
    writer = StatsWriter(tmp_path / "stats.db", clock, retention_days=30, batch=5, max_pending=5)
    for _ in range(8):  # not started: nothing is written meanwhile
        writer.put(Tally(H0, MENU, ""))
    assert writer.pending == 5 and writer.dropped == 3
    writer.start()
    assert writer.stop(WAIT)
    assert menu_opens(tmp_path / "stats.db") == 5


@pytest.mark.faults
def test_a_damaged_file_is_moved_aside_and_a_new_one_takes_the_events(
    tmp_path: Path, clock: FixedClock, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "stats.db"
    path.write_bytes(b"\xa5" * 8192)
    writer = StatsWriter(path, clock, retention_days=30, interval=3600)
    writer.start()
    writer.put(Tally(H0, MENU, ""))
    with pytest.raises(StatsError, match="damaged"):
        writer.flush().result(WAIT)
    writer.flush().result(WAIT)
    (aside,) = tmp_path.glob("stats.db.damaged-*")
    # Whoever reads the figures hears of it, until IT deletes the damaged copy.
    assert writer.figures(T0 - timedelta(days=1), T0, UTC).result(WAIT).set_aside == (aside.name,)
    assert writer.stop(WAIT)
    assert menu_opens(path) == 1
    assert aside.read_bytes() == b"\xa5" * 8192
    assert "moved it to stats.db.damaged-" in caplog.text


def test_the_writer_rolls_up_and_purges_on_its_own_by_its_injected_clock(
    writer: StatsWriter, clock: FixedClock
) -> None:
    def counts() -> dict[str, int]:
        return writer.ask(lambda store: store.row_counts()).result(WAIT)

    writer.put(SlidePlayed(millis(T0), "contact", "v1", 9000))
    writer.put(VisitEnded(H0, 1000, Outcome.IDLE))
    writer.flush().result(WAIT)
    assert counts()["plays"] == 1 and counts()["visits"] == 1
    period = (T0 - timedelta(days=1), T0 + timedelta(days=1))
    raw = writer.figures(*period, UTC).result(WAIT)
    clock.advance(timedelta(days=RAW_DAYS, minutes=39).total_seconds())  # 15:59, seven days on
    assert counts()["plays"] == 1  # the 15:00 hour is not seven days over yet
    clock.advance(3600)  # an hour later the writer looks again
    assert counts()["plays"] == 0 and counts()["visits"] == 0
    assert counts()["play_hours"] == 1 and counts()["tallies"] == 1
    assert writer.figures(*period, UTC).result(WAIT) == raw
    clock.advance(timedelta(days=30).total_seconds())  # retention_days=30
    assert counts() == dict.fromkeys(("shown_slides", "plays", "play_hours", "visits", "tallies"), 0)


def test_a_question_that_fails_reaches_the_asker_and_the_writer_goes_on(writer: StatsWriter) -> None:
    def broken(_store: StatsStore) -> None:
        raise RuntimeError("a bug in a question")

    with pytest.raises(RuntimeError, match="a bug in a question"):
        writer.ask(broken).result(WAIT)
    writer.put(Tally(H0, MENU, ""))
    writer.flush().result(WAIT)
    assert menu_opens(writer.path) == 1


def test_nonsense_settings_are_refused(tmp_path: Path, clock: FixedClock) -> None:
    with pytest.raises(ValueError):
        StatsWriter(tmp_path / "stats.db", clock, retention_days=0)
    with pytest.raises(ValueError):
        StatsWriter(tmp_path / "stats.db", clock, retention_days=30, batch=10, max_pending=5)


def test_the_insights_guide_states_the_codes_numbers() -> None:
    from kiosk.core.config_options import OPTIONS
    from kiosk.core.stats import writer as stats_writer

    guide = (Path(__file__).resolve().parents[2] / "docs" / "insights.md").read_text(encoding="utf-8")
    retention = next(o.default for o in OPTIONS if o.key == "stats.retention_days")
    assert f"once they are **{RAW_DAYS} days** old" in guide
    assert f"`stats.retention_days` ({retention} by default" in guide
    assert f"every {stats_writer.WRITE_INTERVAL_S:.0f} seconds" in guide
    assert f"(up to {stats_writer.MAX_PENDING:,}" in guide
    assert timedelta(hours=1) == stats_writer.MAINTENANCE_INTERVAL and "checked every hour" in guide


@pytest.mark.faults
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_in_place_of_the_file_is_moved_aside_not_read_for_ever(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "stats.db"
    os.mkfifo(path)
    writer = StatsWriter(path, clock, retention_days=30, interval=3600)
    writer.start()
    try:
        writer.put(Tally(H0, MENU, ""))
        with pytest.raises(StatsError, match="named pipe"):
            writer.flush().result(WAIT)
        writer.flush().result(WAIT)
    finally:
        assert writer.stop(WAIT)
    assert menu_opens(path) == 1
    (aside,) = tmp_path.glob("stats.db.damaged-*")
    assert stat.S_ISFIFO(aside.stat().st_mode)
    with pytest.raises(StatsError, match="not a file"):
        StatsStore(aside, read_only=True)
