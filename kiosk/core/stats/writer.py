"""The stats writer: the kiosk's GUI thread hands it events (:meth:`StatsWriter.put`, a
``deque.append``: no I/O, no SQLite, no lock), and its own plain Python thread writes them
into ``stats.db`` in batches, rolls raw rows up per hour, deletes what is past the retention
period, and answers questions about the figures (:meth:`StatsWriter.ask`) with
``concurrent.futures.Future`` objects the GUI thread polls.

The thread makes no Qt object and emits no Qt signal (README, "Rendering off the GUI
thread"). Stats are never worth a frozen or crashed kiosk: a full or read-only disk is
logged once and retried, the events wait in a bounded queue (the oldest are kept; new ones
are counted as dropped once it is full), and a damaged file is moved aside for a new one.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import TypeVar

from kiosk.core.clock import Clock
from kiosk.core.stats.events import Event
from kiosk.core.stats.figures import Figures, compute_figures
from kiosk.core.stats.schema import StatsDamaged, StatsError
from kiosk.core.stats.store import RAW_DAYS, Maintenance, StatsStore, move_aside

log = logging.getLogger(__name__)

T = TypeVar("T")

#: How often the thread writes what has come in (sooner when BATCH events are waiting).
WRITE_INTERVAL_S = 30.0
BATCH = 500
#: Events kept while the file cannot be written (a few hours of a busy lobby, ~10 MB at most).
MAX_PENDING = 50_000
#: How often raw rows are rolled up and old ones deleted.
MAINTENANCE_INTERVAL = timedelta(hours=1)
#: The first round (open the file, roll up, purge) comes this soon after the start: late
#: enough to leave the first slide's start-up alone, soon enough to report a problem early.
FIRST_ROUND_S = 5.0
#: What stopping waits for the last batch by default.
STOP_TIMEOUT_S = 2.0


class StatsWriter:
    """Writes events into the stats database at ``path`` from its own thread."""

    def __init__(
        self,
        path: Path,
        clock: Clock,
        *,
        retention_days: int,
        raw_days: int = RAW_DAYS,
        interval: float = WRITE_INTERVAL_S,
        batch: int = BATCH,
        max_pending: int = MAX_PENDING,
        maintenance_interval: timedelta = MAINTENANCE_INTERVAL,
        first_round: float = FIRST_ROUND_S,
    ) -> None:
        if retention_days < 1 or raw_days < 1:
            raise ValueError("retention_days and raw_days must be at least 1")
        if interval <= 0 or batch < 1 or max_pending < batch:
            raise ValueError("interval must be positive and max_pending at least batch")
        self.path = path
        self._clock = clock
        self.retention_days = retention_days
        self._raw_days = raw_days
        self._interval = interval
        self._batch = batch
        self._max_pending = max_pending
        self._maintenance_interval = maintenance_interval
        self._first_round = min(first_round, interval)
        self._pending: deque[Event] = deque()
        self._questions: deque[tuple[Callable[[StatsStore], object], Future[object]]] = deque()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._store: StatsStore | None = None
        self._last_maintenance: datetime | None = None
        self._problem = ""
        #: events refused because MAX_PENDING were already waiting
        self.dropped = 0
        #: rows written so far (for tests and the benchmark)
        self.written = 0

    # --- any thread (the GUI thread) -------------------------------------------------------

    def put(self, event: Event) -> None:
        """Queue ``event`` for the next batch: an append to a deque, nothing more."""
        pending = self._pending
        if len(pending) >= self._max_pending:
            self.dropped += 1
            return
        pending.append(event)
        if len(pending) == self._batch:
            self._wake.set()

    def ask(self, question: Callable[[StatsStore], T]) -> Future[T]:
        """Run ``question(store)`` on the writer's thread once everything put before it is
        written; the future holds its answer, or the StatsError that stopped it."""
        future: Future[T] = Future()
        if self._stopping.is_set() or self._thread is None:
            future.set_exception(StatsError("the stats writer is not running"))
            return future
        self._questions.append((question, future))  # type: ignore[arg-type]  # answers are typed by the caller's question
        self._wake.set()
        return future

    def figures(self, since: datetime, until: datetime, zone: tzinfo) -> Future[Figures]:
        return self.ask(lambda store: compute_figures(store, since, until, zone))

    def flush(self) -> Future[None]:
        """Done once everything put so far is written; a StatsError when it could not be."""
        return self.ask(self._written)

    def _written(self, _store: StatsStore) -> None:
        if self._problem:
            raise StatsError(self._problem)

    @property
    def problem(self) -> str:
        """Why the figures cannot be written now ("" when they can)."""
        return self._problem

    @property
    def pending(self) -> int:
        return len(self._pending)

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("the stats writer was already started")
        # A daemon: a write stuck on a dead disk must never keep the process alive.
        self._thread = threading.Thread(target=self._run, name="stats-writer", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = STOP_TIMEOUT_S) -> bool:
        """Write what is waiting, close the file and end the thread; False when that took
        longer than ``timeout`` (the thread then ends with the process)."""
        self._stopping.set()
        self._wake.set()
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    # --- the writer's thread ---------------------------------------------------------------

    def _run(self) -> None:
        wait = self._first_round
        while True:
            self._wake.wait(wait)
            wait = self._interval
            self._wake.clear()
            stopping = self._stopping.is_set()
            try:
                self._round()
            except Exception:  # a bug here must cost figures, never the kiosk
                log.exception("stats: the writer failed; trying again in %.0f s", self._interval)
            if stopping:
                break
        self._close()
        while self._questions:
            _question, future = self._questions.popleft()
            future.set_exception(StatsError("the stats writer has stopped"))

    def _round(self) -> None:
        store = self._open()
        if store is not None:
            self._write_pending(store)
            if self._store is not None and self._maintenance_due():
                self._run_safely(self._maintain)
        self._answer()

    def _open(self) -> StatsStore | None:
        if self._store is not None:
            return self._store
        try:
            self._store = StatsStore(self.path)
        except StatsDamaged as exc:
            self._set_problem(str(exc))
            self._replace_damaged()
            return None
        except StatsError as exc:
            self._set_problem(str(exc))
            return None
        self._set_problem("")
        return self._store

    def _write_pending(self, store: StatsStore) -> None:
        pending = self._pending
        while pending:
            batch = [pending.popleft() for _ in range(min(len(pending), self._batch))]
            try:
                self.written += store.record(batch)
            except StatsError as exc:
                # Back to the front, in order: the next round tries them again.
                pending.extendleft(reversed(batch))
                self._set_problem(str(exc))
                if isinstance(exc, StatsDamaged):
                    self._replace_damaged()
                return
        self._set_problem("")

    def _maintenance_due(self) -> bool:
        last = self._last_maintenance
        return last is None or self._clock.now() - last >= self._maintenance_interval

    def _maintain(self, store: StatsStore) -> Maintenance:
        now = self._clock.now()
        done = store.maintain(now, self.retention_days, self._raw_days)
        self._last_maintenance = now
        if done.plays_rolled or done.visits_rolled or done.purged:
            log.info(
                "stats: rolled up %d hour(s) of slides and %d of visits; deleted %d row(s) past %d days",
                done.plays_rolled,
                done.visits_rolled,
                done.purged,
                self.retention_days,
            )
        return done

    def _run_safely(self, step: Callable[[StatsStore], object]) -> None:
        assert self._store is not None
        try:
            step(self._store)
        except StatsError as exc:
            self._set_problem(str(exc))
            if isinstance(exc, StatsDamaged):
                self._replace_damaged()

    def _answer(self) -> None:
        while self._questions:
            question, future = self._questions.popleft()
            if not future.set_running_or_notify_cancel():
                continue
            if self._store is None:
                future.set_exception(StatsError(self._problem or f"the stats database {self.path} is not open"))
                continue
            try:
                future.set_result(question(self._store))
            except Exception as exc:  # noqa: BLE001 - the asker gets the failure, the writer goes on
                if isinstance(exc, StatsDamaged):
                    self._replace_damaged()
                future.set_exception(exc)

    def _replace_damaged(self) -> None:
        """Move the damaged file aside (nothing is deleted); the next round starts a new one."""
        self._close()
        try:
            moved = move_aside(self.path, self._clock.now())
        except OSError as exc:
            self._set_problem(f"the stats database {self.path} is damaged and cannot be moved aside: {exc}")
            return
        log.error("stats: %s was damaged; moved it to %s and starting a new one", self.path, moved.name)

    def _close(self) -> None:
        if self._store is not None:
            try:
                self._store.close()
            except Exception:  # closing a broken connection must not stop the shutdown
                log.exception("stats: could not close %s", self.path)
            self._store = None

    def _set_problem(self, problem: str) -> None:
        if problem == self._problem:
            return
        if problem:
            log.error("stats: %s (figures wait in memory and are tried again)", problem)
        else:
            log.info("stats: %s is written again", self.path)
        self._problem = problem
