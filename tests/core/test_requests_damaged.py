"""A request database with damaged pages: a patient is never thanked for a request that
cannot be stored safely, and the store says what is wrong (health) in words IT can act on."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.core.clock import FixedClock
from kiosk.core.requests.errors import DatabaseDamaged, StorageError
from kiosk.core.requests.model import ContactTime, InfoRequest
from kiosk.core.requests.store import RequestStore
from tests.helpers.damaged_db import damage_table_page

pytestmark = pytest.mark.faults

T0 = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)


def request(n: int) -> InfoRequest:
    return InfoRequest(
        name=f"Patient {n}",
        phone="+13035550123",
        email=None,
        topics=("back-pain",),
        contact_time=ContactTime.MORNING,
        language="en",
    )


@pytest.fixture(scope="module")
def damaged_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database whose oldest deliveries sit on a page of garbage (200 requests before it)."""
    path = tmp_path_factory.mktemp("damaged") / "requests.db"
    clock = FixedClock(T0)
    with RequestStore(path, clock) as store:
        for n in range(200):
            store.submit(request(n), f"token-{n}", channels=("email",))
            clock.advance(60)
    damage_table_page(path, "deliveries")
    return path


@pytest.fixture
def damaged(damaged_file: Path, tmp_path: Path) -> Iterator[RequestStore]:
    """A fresh copy of the damaged file for each test."""
    path = tmp_path / "data" / "requests.db"
    path.parent.mkdir(mode=0o700)
    shutil.copy(damaged_file, path)
    with RequestStore(path, FixedClock(T0)) as store:
        yield store


def test_submit_refuses_a_damaged_database_and_stores_nothing(damaged: RequestStore) -> None:
    with pytest.raises(DatabaseDamaged, match=r"could not save the request in .*requests\.db: the database file is"):
        damaged.submit(request(999), "token-new", channels=("email",))
    assert issubclass(DatabaseDamaged, StorageError)  # the request form's "ask the front desk"
    assert all(r.request.name != "Patient 999" for r in damaged.list_requests())


def test_health_says_damaged_and_what_to_do(damaged: RequestStore, tmp_path: Path) -> None:
    health = damaged.health()
    assert (health.ok, health.damaged) == (False, True)
    assert "requests.db" in health.detail and "is damaged" in health.detail
    assert "restores requests.db from a backup" in health.detail and "docs/deploy.md" in health.detail

    with RequestStore(tmp_path / "fine" / "requests.db") as fine:
        assert fine.health().ok and fine.health().detail == "ok"


def test_a_delivery_pass_on_damaged_pages_raises_the_distinct_error(damaged: RequestStore) -> None:
    with pytest.raises(DatabaseDamaged, match="malformed"):
        damaged.claim_due(limit=10, channel="email")


def test_a_file_that_is_not_a_database_is_damaged_too(tmp_path: Path) -> None:
    path = tmp_path / "requests.db"
    path.write_bytes(b"this is no SQLite file " * 500)
    path.chmod(0o600)
    with pytest.raises(DatabaseDamaged, match="not a database"):
        RequestStore(path)


def test_reading_the_deliveries_on_a_damaged_page_is_a_storage_error(damaged: RequestStore) -> None:
    """Every read says DatabaseDamaged, never SQLite's own error: the admin screen catches
    StorageError and must open whatever the file's state."""
    oldest = damaged.list_requests(limit=1)[0]
    with pytest.raises(DatabaseDamaged, match=r"could not read deliveries from .*requests\.db"):
        damaged.deliveries(oldest.id)
