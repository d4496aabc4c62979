"""Retention: delivered or contacted requests go after retention_days; others stay."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.core.clock import FixedClock
from kiosk.core.requests.model import RequestInput, RequestStatus, parse_request
from kiosk.core.requests.retention import DEFAULT_RETENTION_DAYS, Retention, purge
from kiosk.core.requests.store import RequestStore

T0 = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
DAY = 86400.0
REQUEST = parse_request(RequestInput(name="Ana", email="ana@example.com", consent=True))


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


@pytest.fixture
def store(tmp_path: Path, clock: FixedClock) -> Iterator[RequestStore]:
    with RequestStore(tmp_path / "requests.db", clock) as s:
        yield s


def test_default_is_thirty_days() -> None:
    assert DEFAULT_RETENTION_DAYS == 30


def test_only_closed_requests_expire_counted_from_closing(store: RequestStore, clock: FixedClock) -> None:
    delivered = store.submit(REQUEST, "delivered", channels=["smtp"])
    contacted = store.submit(REQUEST, "contacted")
    waiting = store.submit(REQUEST, "waiting", channels=["smtp"])
    failed = store.submit(REQUEST, "failed", channels=["smtp"])
    store.record_permanent_failure(failed.id, "smtp", "550")
    clock.advance(2 * DAY)
    store.record_delivered(delivered.id, "smtp")  # closed on day 2
    clock.advance(3 * DAY)
    store.mark_contacted(contacted.id)  # closed on day 5

    assert purge(store, T0 + timedelta(days=31)) == 0  # 29 days after the first closing
    assert purge(store, T0 + timedelta(days=32)) == 1  # exactly 30 days after day 2
    assert store.get(delivered.id) is None and store.deliveries(delivered.id) == []
    assert purge(store, T0 + timedelta(days=35) - timedelta(seconds=1)) == 0
    assert purge(store, T0 + timedelta(days=35)) == 1
    assert store.get(contacted.id) is None
    # Nobody has acted on these yet: never purged, however old.
    assert purge(store, T0 + timedelta(days=3650)) == 0
    assert {r.id for r in store.list_requests()} == {waiting.id, failed.id}
    assert store.counts()[RequestStatus.NEW] == 1 and store.counts()[RequestStatus.FAILED] == 1


def test_purged_rows_leave_no_trace_in_the_files(tmp_path: Path, store: RequestStore, clock: FixedClock) -> None:
    marker = parse_request(RequestInput(name="Zyxwv Marker", email="ana@example.com", consent=True))
    stored = store.submit(marker, "m")
    store.mark_contacted(stored.id)
    clock.advance(31 * DAY)
    assert purge(store, clock.now()) == 1
    for path in tmp_path.iterdir():
        assert b"Zyxwv" not in path.read_bytes(), path.name


def test_retention_runs_at_most_daily_with_the_injected_clock(store: RequestStore, clock: FixedClock) -> None:
    retention = Retention(store, clock, retention_days=7)
    stored = store.submit(REQUEST, "a")
    store.mark_contacted(stored.id)
    assert retention.purge() == 0 and retention.last_run == T0  # start-up run
    clock.advance(7 * DAY)
    again = store.submit(REQUEST, "b")
    store.mark_contacted(again.id)
    assert retention.purge_if_due() == 1
    clock.advance(DAY / 2)
    store.submit(REQUEST, "c")
    assert retention.purge_if_due() == 0 and retention.last_run == T0 + timedelta(days=7)
    clock.advance(7 * DAY)
    assert retention.purge_if_due() == 1
    assert [r.status for r in store.list_requests()] == [RequestStatus.NEW]


def test_nonsense_retention_is_refused(store: RequestStore, clock: FixedClock) -> None:
    with pytest.raises(ValueError):
        Retention(store, clock, retention_days=0)
    with pytest.raises(ValueError):
        purge(store, clock.now(), retention_days=-1)
