"""What `kiosk run` opens besides the window: the retention purge runs at start-up."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.core.clock import FixedClock
from kiosk.core.config import load_config
from kiosk.core.loader import load_deck
from kiosk.core.requests.model import RequestInput, parse_request
from kiosk.core.requests.store import RequestStore
from kiosk.core.resources import bundled_content_dir
from kiosk.ui.app import open_services

NOW = datetime(2026, 6, 1, 15, 0, tzinfo=UTC)


def request(name: str):
    return parse_request(RequestInput(name=name, phone="303-555-0123", consent=True))


def test_start_up_purges_requests_closed_longer_ago_than_retention(qapp, tmp_path: Path) -> None:
    config_file = tmp_path / "kiosk.yaml"
    config_file.write_text(f"data:\n  dir: {tmp_path / 'data'}\nrequests:\n  retention_days: 30\n")
    config = load_config(config_file, {}).config
    assert config is not None
    deck = load_deck(bundled_content_dir()).deck
    assert deck is not None

    then = FixedClock(NOW - timedelta(days=40))
    with RequestStore(tmp_path / "data" / "requests.db", clock=then) as store:
        old = store.submit(request("Old Contacted"), "old")
        store.mark_contacted(old.id)
        then.set(NOW - timedelta(days=2))
        recent = store.submit(request("Recent Contacted"), "recent")
        store.mark_contacted(recent.id)
        waiting = store.submit(request("Still Waiting"), "waiting")

    services = open_services(config, deck, FixedClock(NOW))
    try:
        assert services.requests is not None
        kept = {r.id for r in services.requests.store.list_requests()}
    finally:
        services.close()
    assert kept == {recent.id, waiting.id}
