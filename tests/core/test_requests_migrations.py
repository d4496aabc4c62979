"""Schema migrations: v1 databases upgrade with their data, newer ones are refused."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.core.clock import FixedClock
from kiosk.core.requests.errors import SchemaTooNewError, StorageError
from kiosk.core.requests.migrations import LATEST_VERSION, MIGRATIONS, migrate, schema_version
from kiosk.core.requests.model import ContactTime, RequestStatus
from kiosk.core.requests.outbox import DeliveryState
from kiosk.core.requests.store import RequestStore

T0 = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)


def connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def test_versions_are_consecutive_from_one() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, LATEST_VERSION + 1))


def test_new_database_is_created_at_the_latest_version(tmp_path: Path) -> None:
    with RequestStore(tmp_path / "requests.db"):
        pass
    conn = connect(tmp_path / "requests.db")
    assert schema_version(conn) == LATEST_VERSION
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"requests", "deliveries"} <= tables
    conn.close()


def test_upgrade_from_v1_keeps_every_request(tmp_path: Path) -> None:
    path = tmp_path / "requests.db"
    conn = connect(path)
    assert migrate(conn, target=1) == 1
    conn.execute(
        "INSERT INTO requests (id, idempotency_token, created_at, status, contacted_at, name, phone, email,"
        " topics, contact_time, language, source_topic, consent) VALUES"
        " ('01AAA', 'tok-a', '2026-10-01T08:00:00.000000Z', 'new', NULL, 'Ana López', '+13035550123', NULL,"
        "  '[\"back-pain\"]', 'morning', 'es', 'back-pain', 1),"
        " ('01BBB', 'tok-b', '2026-10-02T08:00:00.000000Z', 'contacted', '2026-10-03T08:00:00.000000Z',"
        "  'Bob \"the, builder\"', NULL, 'bob@example.com', '[]', 'any', 'en', NULL, 1)"
    )
    conn.close()

    with RequestStore(path, FixedClock(T0)) as store:
        rows = store.list_requests()
        assert [r.id for r in rows] == ["01AAA", "01BBB"]
        ana, bob = rows
        assert ana.request.name == "Ana López" and ana.request.phone == "+13035550123"
        assert ana.request.topics == ("back-pain",) and ana.request.contact_time is ContactTime.MORNING
        assert ana.status is RequestStatus.NEW and ana.closed_at is None
        assert bob.request.name == 'Bob "the, builder"' and bob.request.email == "bob@example.com"
        assert bob.status is RequestStatus.CONTACTED
        assert bob.closed_at == datetime(2026, 10, 3, 8, tzinfo=UTC)
        # The v2 parts work on upgraded data: the old request can get deliveries, and the
        # idempotency token is still unique.
        assert store.add_channels(["smtp"]) == 1
        store.record_delivered("01AAA", "smtp")
        assert store.get("01AAA").status is RequestStatus.DELIVERED
        assert [d.state for d in store.deliveries("01AAA")] == [DeliveryState.DELIVERED]
        assert store.submit(ana.request, "tok-a").id == "01AAA"
        assert store.integrity_check() == "ok"
    conn = connect(path)
    assert schema_version(conn) == LATEST_VERSION
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


def test_a_failed_step_leaves_the_previous_version(tmp_path: Path) -> None:
    path = tmp_path / "requests.db"
    conn = connect(path)
    migrate(conn, target=1)
    # Something in the way of step 2 (here: a table it wants to create).
    conn.execute("CREATE TABLE deliveries (x)")
    with pytest.raises(StorageError, match="schema version 2"):
        migrate(conn)
    assert schema_version(conn) == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "requests_v2" not in tables  # the half-done step was rolled back
    conn.close()


def test_a_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "requests.db"
    with RequestStore(path):
        pass
    conn = connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(SchemaTooNewError, match=f"schema version {LATEST_VERSION + 1}.*newer kiosk"):
        RequestStore(path)
    assert path.read_bytes() == before


def test_unknown_target_is_a_programming_error(tmp_path: Path) -> None:
    conn = connect(tmp_path / "x.db")
    with pytest.raises(ValueError):
        migrate(conn, target=LATEST_VERSION + 1)
    conn.close()
