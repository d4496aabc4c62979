"""How long requests are kept: delivered or contacted requests go ``retention_days`` after
they were closed. New and failed requests are never purged (nobody has acted on them yet).

The app calls :meth:`Retention.purge` at start-up and then :meth:`Retention.purge_if_due`
from a timer; ``purge_if_due`` runs at most once per :data:`PURGE_INTERVAL`, so a timer that
fires often (or late, after the machine slept) still purges about daily.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from kiosk.core.clock import Clock
from kiosk.core.requests.store import RequestStore

log = logging.getLogger(__name__)

DEFAULT_RETENTION_DAYS = 30
PURGE_INTERVAL = timedelta(days=1)


def cutoff(now: datetime, retention_days: int) -> datetime:
    if retention_days < 1:
        raise ValueError("retention_days must be at least 1")
    return now - timedelta(days=retention_days)


def purge(store: RequestStore, now: datetime, retention_days: int = DEFAULT_RETENTION_DAYS) -> int:
    """Delete requests closed ``retention_days`` or more before ``now``; returns how many."""
    return store.delete_closed_before(cutoff(now, retention_days))


class Retention:
    def __init__(
        self,
        store: RequestStore,
        clock: Clock,
        retention_days: int = DEFAULT_RETENTION_DAYS,
        interval: timedelta = PURGE_INTERVAL,
    ):
        if retention_days < 1:
            raise ValueError("retention_days must be at least 1")
        self._store = store
        self._clock = clock
        self.retention_days = retention_days
        self.interval = interval
        self.last_run: datetime | None = None

    def purge(self) -> int:
        now = self._clock.now()
        deleted = purge(self._store, now, self.retention_days)
        self.last_run = now
        return deleted

    def purge_if_due(self) -> int:
        now = self._clock.now()
        if self.last_run is not None and now - self.last_run < self.interval:
            return 0
        return self.purge()
