"""The request store on a real SQLite file: submit, read, statuses, the delivery outbox,
file modes, errors and logs that never carry patient data."""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.clock import FixedClock
from kiosk.core.requests.errors import RequestNotFound, StorageError
from kiosk.core.requests.model import ContactTime, InfoRequest, RequestInput, RequestStatus, parse_request
from kiosk.core.requests.outbox import DeliveryState
from kiosk.core.requests.store import RequestStore, from_db_time, new_request_id, to_db_time

T0 = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
MARKER = "Zyxwv Marker"


def make_request(name: str = "Ana López", **changes: Any) -> InfoRequest:
    values: dict[str, Any] = {
        "name": name,
        "phone": "(303) 555-0123",
        "consent": True,
        "topics": ("back-pain",),
        "contact_time": "evening",
        "language": "es",
    }
    values.update(changes)
    return parse_request(RequestInput(**values))


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


@pytest.fixture
def store(tmp_path: Path, clock: FixedClock) -> Iterator[RequestStore]:
    with RequestStore(tmp_path / "data" / "requests.db", clock) as s:
        yield s


def test_submit_then_get_returns_the_same_request(store: RequestStore) -> None:
    req = make_request(email="ana@example.com", source_topic="back-pain")
    stored = store.submit(req, "token-1")
    assert stored.request == req
    assert stored.created_at == T0 and stored.status is RequestStatus.NEW and stored.closed_at is None
    assert len(stored.id) == 26
    assert store.get(stored.id) == stored
    assert store.get("no-such-id") is None


def test_submit_is_committed_when_it_returns(store: RequestStore, tmp_path: Path) -> None:
    stored = store.submit(make_request(), "token-1")
    # A second, independent connection (as after a crash) sees it.
    with sqlite3.connect(tmp_path / "data" / "requests.db") as other:
        assert other.execute("SELECT id FROM requests").fetchall() == [(stored.id,)]


def test_pragmas_give_durability(store: RequestStore, tmp_path: Path) -> None:
    conn = store._conn  # the settings live on the connection; nothing else exposes them
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_double_submit_with_one_token_stores_one_request(store: RequestStore) -> None:
    first = store.submit(make_request(), "form-session-1", channels=["smtp"])
    second = store.submit(make_request(name="Someone Else"), "form-session-1", channels=["smtp", "webhook"])
    assert second == first
    assert [r.id for r in store.list_requests()] == [first.id]
    assert [d.channel for d in store.deliveries(first.id)] == ["smtp"]
    third = store.submit(make_request(), "form-session-2")
    assert third.id != first.id and len(store.list_requests()) == 2


def test_bad_tokens_and_unvalidated_requests_are_refused(store: RequestStore) -> None:
    with pytest.raises(ValueError):
        store.submit(make_request(), "")
    with pytest.raises(ValueError):
        store.submit(make_request(), "x" * 129)
    unconsented = InfoRequest("Ana", "+13035550123", None, (), ContactTime.ANY, "en", consent=False)
    with pytest.raises(ValueError):
        store.submit(unconsented, "t")
    with pytest.raises(ValueError):
        store.submit(InfoRequest("Ana", None, None, (), ContactTime.ANY, "en"), "t")
    assert store.list_requests() == []


def test_ids_sort_by_time_and_are_unique() -> None:
    ids = [new_request_id(T0 + timedelta(milliseconds=i)) for i in range(200)]
    assert ids == sorted(ids) and len(set(ids)) == 200
    same_ms = {new_request_id(T0) for _ in range(1000)}
    assert len(same_ms) == 1000


def test_db_time_round_trips_and_sorts() -> None:
    local = datetime(2026, 11, 2, 3, 30, tzinfo=timezone(timedelta(hours=-7)))
    assert from_db_time(to_db_time(local)) == local
    assert to_db_time(T0) < to_db_time(T0 + timedelta(microseconds=1)) < to_db_time(T0 + timedelta(days=400))
    with pytest.raises(ValueError):
        to_db_time(datetime(2026, 1, 1))


def test_list_filters_by_status_and_since(store: RequestStore, clock: FixedClock) -> None:
    a = store.submit(make_request(), "a")
    clock.advance(3600)
    b = store.submit(make_request(), "b")
    clock.advance(3600)
    c = store.submit(make_request(), "c")
    store.mark_contacted(b.id)
    assert [r.id for r in store.list_requests()] == [a.id, b.id, c.id]
    assert [r.id for r in store.list_requests(status=RequestStatus.NEW)] == [a.id, c.id]
    assert [r.id for r in store.list_requests(status=RequestStatus.CONTACTED)] == [b.id]
    assert [r.id for r in store.list_requests(since=T0 + timedelta(hours=1))] == [b.id, c.id]
    assert [r.id for r in store.list_requests(status=RequestStatus.NEW, since=T0 + timedelta(minutes=1))] == [c.id]
    assert [r.id for r in store.list_requests(limit=1)] == [a.id]


def test_mark_contacted_and_counts(store: RequestStore, clock: FixedClock) -> None:
    a = store.submit(make_request(), "a")
    store.submit(make_request(), "b")
    clock.advance(60)
    contacted = store.mark_contacted(a.id)
    assert contacted.status is RequestStatus.CONTACTED and contacted.closed_at == T0 + timedelta(seconds=60)
    clock.advance(60)
    assert store.mark_contacted(a.id).closed_at == T0 + timedelta(seconds=60)  # idempotent
    assert store.counts() == {
        RequestStatus.NEW: 1,
        RequestStatus.DELIVERED: 0,
        RequestStatus.FAILED: 0,
        RequestStatus.CONTACTED: 1,
    }
    with pytest.raises(RequestNotFound):
        store.mark_contacted("missing")


# --- the outbox ----------------------------------------------------------------------


def test_deliveries_are_queued_in_the_same_transaction(store: RequestStore) -> None:
    stored = store.submit(make_request(), "t", channels=["smtp", "webhook", "smtp"])
    deliveries = store.deliveries(stored.id)
    assert [(d.channel, d.state, d.attempts, d.next_attempt_at) for d in deliveries] == [
        ("smtp", DeliveryState.PENDING, 0, T0),
        ("webhook", DeliveryState.PENDING, 0, T0),
    ]


def test_claim_due_oldest_first_with_a_lease(store: RequestStore, clock: FixedClock) -> None:
    first = store.submit(make_request(), "1", channels=["smtp"])
    clock.advance(1)
    second = store.submit(make_request(), "2", channels=["smtp", "webhook"])
    claimed = store.claim_due(limit=2)
    assert [(d.request_id, d.channel) for d in claimed] == [(first.id, "smtp"), (second.id, "smtp")]
    assert [(d.request_id, d.channel) for d in store.claim_due()] == [(second.id, "webhook")]
    assert store.claim_due() == []  # all leased
    clock.advance(timedelta(minutes=5).total_seconds())
    # The worker died without recording anything: the lease ran out, so they come back.
    assert len(store.claim_due(limit=10)) == 3
    clock.advance(timedelta(minutes=5).total_seconds())
    assert [d.channel for d in store.claim_due(channel="webhook")] == ["webhook"]


def test_delivered_on_every_channel_makes_the_request_delivered(store: RequestStore, clock: FixedClock) -> None:
    stored = store.submit(make_request(), "t", channels=["smtp", "webhook"])
    clock.advance(10)
    done = store.record_delivered(stored.id, "smtp")
    assert done.state is DeliveryState.DELIVERED and done.attempts == 1 and done.delivered_at == clock.now()
    assert store.get(stored.id).status is RequestStatus.NEW
    clock.advance(10)
    store.record_delivered(stored.id, "webhook")
    after = store.get(stored.id)
    assert after is not None and after.status is RequestStatus.DELIVERED and after.closed_at == clock.now()
    assert store.claim_due() == []
    assert store.delivery_counts()[DeliveryState.DELIVERED] == 2


def test_temporary_failure_retries_later(store: RequestStore, clock: FixedClock) -> None:
    stored = store.submit(make_request(), "t", channels=["webhook"])
    store.claim_due()
    later = T0 + timedelta(minutes=2)
    failed = store.record_retry(stored.id, "webhook", "HTTP 503 Service Unavailable", later)
    assert (failed.state, failed.attempts, failed.last_error, failed.next_attempt_at) == (
        DeliveryState.PENDING,
        1,
        "HTTP 503 Service Unavailable",
        later,
    )
    clock.advance(60)
    assert store.claim_due() == []
    clock.advance(60)
    assert [d.request_id for d in store.claim_due()] == [stored.id]
    long_error = store.record_retry(stored.id, "webhook", "x" * 5000, later)
    assert long_error.attempts == 2 and len(long_error.last_error or "") == 500


def test_permanent_failure_then_retry(store: RequestStore, clock: FixedClock) -> None:
    stored = store.submit(make_request(), "t", channels=["smtp", "webhook"])
    store.record_delivered(stored.id, "smtp")
    store.record_permanent_failure(stored.id, "webhook", "HTTP 400 Bad Request")
    assert store.get(stored.id).status is RequestStatus.FAILED
    assert store.claim_due() == []
    clock.advance(3600)
    assert store.retry_failed(stored.id) == 1
    assert store.get(stored.id).status is RequestStatus.NEW
    assert [d.channel for d in store.deliveries(stored.id) if d.next_attempt_at == clock.now()] == ["webhook"]
    assert [d.channel for d in store.claim_due()] == ["webhook"]
    store.record_delivered(stored.id, "webhook")
    assert store.get(stored.id).status is RequestStatus.DELIVERED
    with pytest.raises(RequestNotFound):
        store.retry_failed("missing")
    with pytest.raises(StorageError):
        store.record_delivered(stored.id, "fax")


def test_retry_all_failed(store: RequestStore) -> None:
    ids = [store.submit(make_request(), str(i), channels=["smtp"]).id for i in range(3)]
    for rid in ids[:2]:
        store.record_permanent_failure(rid, "smtp", "550 mailbox unavailable")
    assert store.counts()[RequestStatus.FAILED] == 2
    assert store.retry_failed() == 2
    assert store.counts()[RequestStatus.NEW] == 3


def test_contacted_wins_over_delivery_outcomes(store: RequestStore) -> None:
    stored = store.submit(make_request(), "t", channels=["smtp"])
    store.mark_contacted(stored.id)
    store.record_permanent_failure(stored.id, "smtp", "550")
    assert store.get(stored.id).status is RequestStatus.CONTACTED


def test_channels_added_later_reach_waiting_requests(store: RequestStore) -> None:
    waiting = store.submit(make_request(), "a")
    done = store.submit(make_request(), "b")
    store.mark_contacted(done.id)
    assert store.add_channels(["smtp"]) == 1
    assert store.add_channels(["smtp"]) == 0
    assert [d.request_id for d in store.claim_due()] == [waiting.id]


# --- files, modes, errors ------------------------------------------------------------


def test_database_and_folder_are_private(tmp_path: Path, clock: FixedClock) -> None:
    folder = tmp_path / "kiosk-data"
    old_umask = os.umask(0o022)  # a typical permissive umask must not widen anything
    try:
        with RequestStore(folder / "requests.db", clock) as store:
            store.submit(make_request(), "t")
            files = sorted(p.name for p in folder.iterdir())
            assert files == ["requests.db", "requests.db-shm", "requests.db-wal"]
            for name in files:
                assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600, name
            assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    finally:
        os.umask(old_umask)


def test_existing_loose_modes_are_tightened(tmp_path: Path, clock: FixedClock) -> None:
    folder = tmp_path / "d"
    with RequestStore(folder / "requests.db", clock) as store:
        store.submit(make_request(), "t")
    folder.chmod(0o755)
    (folder / "requests.db").chmod(0o644)
    with RequestStore(folder / "requests.db", clock) as store:
        store.submit(make_request(), "u")
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        for path in folder.iterdir():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_a_file_that_is_not_a_database_gives_a_storage_error(tmp_path: Path) -> None:
    path = tmp_path / "requests.db"
    path.write_bytes(b"this is not sqlite " * 100)
    with pytest.raises(StorageError, match=r"requests\.db"):
        RequestStore(path)


def test_a_data_folder_that_is_a_file_gives_a_storage_error(tmp_path: Path) -> None:
    (tmp_path / "blocked").write_text("")
    with pytest.raises(StorageError, match="cannot open the requests database"):
        RequestStore(tmp_path / "blocked" / "requests.db")


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores directory permissions")
def test_read_only_folder_gives_a_storage_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StorageError):
            RequestStore(folder / "requests.db")
    finally:
        folder.chmod(0o700)


_DISK_FULL_CHILD = textwrap.dedent(
    """
    import os, resource, signal, sys
    from kiosk.core.requests.errors import StorageError
    from kiosk.core.requests.model import RequestInput, parse_request
    from kiosk.core.requests.store import RequestStore

    path = sys.argv[1]
    store = RequestStore(path)
    # Writing past RLIMIT_FSIZE fails with EFBIG (the signal is ignored), as a full disk would;
    # unlike a permission trick this also holds when the tests run as root.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    limit = max(os.path.getsize(p) for p in (path, path + "-wal")) + 64 * 1024
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    request = parse_request(RequestInput(name="Zyxwv Marker " + "x" * 80, phone="303-555-0123", consent=True))
    for i in range(10_000):
        try:
            stored = store.submit(request, f"full-{i}")
        except StorageError as exc:
            print("STORAGE-ERROR", exc, flush=True)
            sys.exit(3)
        print("ACK", stored.id, flush=True)
    sys.exit(0)
    """
)


def test_disk_full_raises_storage_error_and_loses_nothing_acknowledged(tmp_path: Path) -> None:
    path = tmp_path / "data" / "requests.db"
    with RequestStore(path) as store:
        store.submit(make_request(), "before")
    result = subprocess.run(
        [sys.executable, "-c", _DISK_FULL_CHILD, str(path)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 3, result.stdout[-2000:] + result.stderr[-2000:]
    lines = result.stdout.splitlines()
    acked = [line.split()[1] for line in lines if line.startswith("ACK ")]
    error = lines[-1]
    assert error.startswith("STORAGE-ERROR could not save the request in ") and "full" in error.lower(), error
    assert MARKER not in error and "303" not in error
    assert acked, "the limit left room for some requests before the disk filled"
    with RequestStore(path) as store:
        assert store.integrity_check() == "ok"
        stored_ids = {r.id for r in store.list_requests()}
        assert set(acked) <= stored_ids
        assert len(stored_ids) == len(acked) + 1
        # With space again, saving works.
        store.submit(make_request(), "after")


def test_errors_from_the_store_never_carry_field_values(tmp_path: Path) -> None:
    store = RequestStore(tmp_path / "requests.db")
    store.close()
    with pytest.raises(StorageError) as info:
        store.submit(make_request(name=MARKER), "t")
    assert MARKER not in str(info.value) and "303" not in str(info.value)
    assert "could not save the request" in str(info.value)


def test_no_patient_data_in_logs_or_files(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    data = tmp_path / "data"
    with caplog.at_level(logging.DEBUG), RequestStore(data / "requests.db") as store:
        req = make_request(name=MARKER, email="zyxwv.marker@example.com", phone="+52 55 1234 5678")
        stored = store.submit(req, "marker-token", channels=["smtp"])
        store.submit(req, "marker-token")
        store.record_retry(stored.id, "smtp", "timeout", T0)
        store.record_delivered(stored.id, "smtp")
        store.mark_contacted(stored.id)
        store.delete_closed_before(datetime(2100, 1, 1, tzinfo=UTC))
    assert stored.id in caplog.text  # the logs do say what happened, by id
    for needle in ("Zyxwv", "zyxwv", "5512345678", "55 1234"):
        assert needle not in caplog.text
        for record in caplog.records:
            assert needle not in repr(record.args)
    database_files = {"requests.db", "requests.db-wal", "requests.db-shm"}
    home = Path(os.environ["HOME"])
    for root in (data, home):
        for path in root.rglob("*"):
            if path.is_file() and path.name not in database_files:
                assert b"Zyxwv" not in path.read_bytes(), path
