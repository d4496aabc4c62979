"""The outbox runner: claims due deliveries from the request store, oldest request first,
sends each through its channel and records the outcome; and a worker that runs it.

Channels never wait for each other: ``run_once`` sends on every channel side by side (one
thread each, so as many threads as channels), and the worker keeps one thread per channel, so
a slow or dead mail server never holds up the webhook or the next request. Each attempt has a
deadline for the whole exchange (:mod:`kiosk.core.delivery.deadline`).

When a channel cannot be reached, all its waiting deliveries wait together for its next try
(:meth:`~kiosk.core.requests.store.RequestStore.defer_channel`) and, when it works again, go
out oldest first. A server that answers with a temporary error (5xx, 429, SMTP 4xx) gives only
that request a backoff, so one request a receiver keeps refusing never holds up the others.

At-least-once: a crash between sending and recording resends after the store's claim lease
runs out. Receivers dedupe on the request id (Idempotency-Key / Message-ID).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol

from kiosk.core.clock import Clock, SystemClock
from kiosk.core.delivery.backoff import Backoff
from kiosk.core.delivery.channels import Channel, DeliveryResult, Outcome, OutgoingRequest, TopicRef
from kiosk.core.delivery.last_success import read_last_success, write_last_success
from kiosk.core.requests.model import StoredRequest
from kiosk.core.requests.outbox import Delivery
from kiosk.core.requests.store import DEFAULT_LEASE

log = logging.getLogger(__name__)


class DeliveryStore(Protocol):
    """The part of :class:`kiosk.core.requests.store.RequestStore` the outbox uses."""

    def add_channels(self, channels: Sequence[str]) -> int: ...

    def claim_due(self, limit: int = 10, lease: timedelta = ..., channel: str | None = None) -> list[Delivery]: ...

    def get(self, request_id: str) -> StoredRequest | None: ...

    def record_delivered(self, request_id: str, channel: str) -> Delivery: ...

    def record_retry(self, request_id: str, channel: str, error: str, retry_at: datetime) -> Delivery: ...

    def record_permanent_failure(self, request_id: str, channel: str, error: str) -> Delivery: ...

    def defer_channel(self, channel: str, until: datetime) -> datetime: ...

    def make_due(self, channel: str, keep_waiting: Sequence[str] = ()) -> int: ...

    def bring_forward(self, channel: str, latest: datetime) -> int: ...


def outgoing_request(stored: StoredRequest, topic_title: Callable[[str], str | None]) -> OutgoingRequest:
    """What the channels send, with topic ids turned into the titles the front desk reads."""
    req = stored.request
    return OutgoingRequest(
        id=stored.id,
        created_at=stored.created_at,
        name=req.name,
        phone=req.phone,
        email=req.email,
        topics=tuple(TopicRef(t, topic_title(t) or t) for t in req.topics),
        preferred_time=req.contact_time.value,
        language=req.language,
    )


@dataclass
class RunSummary:
    delivered: int = 0
    retrying: int = 0
    failed: int = 0
    #: Channels that hit a transient error and were left alone for the rest of this run.
    unreachable: list[str] = field(default_factory=list)

    @property
    def attempted(self) -> int:
        return self.delivered + self.retrying + self.failed

    def add(self, other: RunSummary) -> None:
        self.delivered += other.delivered
        self.retrying += other.retrying
        self.failed += other.failed
        self.unreachable += other.unreachable


class Outbox:
    """Sends due deliveries. One runner per channel at a time per process (the
    :class:`DeliveryWorker`'s thread for it, or ``run_once``); the store must be safe to share
    between threads (RequestStore is). Several processes are safe: the store's claim lease
    keeps them from sending the same delivery at the same time."""

    def __init__(
        self,
        store: DeliveryStore,
        channels: Iterable[Channel],
        topic_title: Callable[[str], str | None],
        backoff: Backoff | None = None,
        clock: Clock | None = None,
        max_per_run: int = 500,
        success_file: Path | None = None,
    ):
        """``success_file`` keeps :attr:`last_success` across restarts (see
        :mod:`kiosk.core.delivery.last_success`)."""
        self._store = store
        self._channels: dict[str, Channel] = {}
        for channel in channels:
            if channel.name in self._channels:
                raise ValueError(f"two delivery channels are named {channel.name!r}")
            self._channels[channel.name] = channel
        self._topic_title = topic_title
        self._backoff = backoff or Backoff()
        self._clock = clock or SystemClock()
        self._max_per_run = max_per_run
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        #: Channels this process found unreachable and has not reached since.
        self._down: set[str] = set()
        #: When a delivery last succeeded on any channel (admin screen, status, monitoring).
        self._success_file = success_file
        self.last_success: datetime | None = read_last_success(success_file) if success_file is not None else None

    @property
    def channel_names(self) -> tuple[str, ...]:
        return tuple(self._channels)

    def queue_new_channels(self, names: Sequence[str] | None = None) -> int:
        """Give requests that are still undelivered a delivery on channels added to the config
        since they were stored (all channels, or ``names``). Call once at start-up."""
        return self._store.add_channels(list(self._channels) if names is None else list(names))

    def run_once(self) -> RunSummary:
        """Send everything due now on every channel, oldest request first; the channels side
        by side, so the run takes as long as its slowest channel, not their sum. A channel's
        error (its store failing, say) is raised after every channel has finished."""
        names = list(self._channels)
        if len(names) <= 1:
            return self.run_channel(names[0]) if names else RunSummary()
        summaries: dict[str, RunSummary] = {}
        errors: dict[str, BaseException] = {}

        def run(name: str) -> None:
            try:
                summaries[name] = self.run_channel(name)
            except BaseException as exc:  # noqa: BLE001 - raised below, in the caller's thread
                errors[name] = exc

        threads = [threading.Thread(target=run, args=(name,), name=f"kiosk-delivery-{name}") for name in names]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for name in names:
            if name in errors:
                raise errors[name]
        total = RunSummary()
        for name in names:
            total.add(summaries[name])
        return total

    def run_channel(self, name: str) -> RunSummary:
        """Send everything due now on one channel, oldest request first.

        After a transient failure the channel is not tried again in this run: when the
        network is down, one timeout is enough to know, and the rest keep their place.
        """
        channel = self._channels[name]
        summary = RunSummary()
        seen: list[str] = []
        # No backoff, Retry-After or claim lease waits longer than this: a retry set for later
        # was set by a clock that has since been stepped back, and is due now.
        farthest = timedelta(seconds=self._backoff.cap) + DEFAULT_LEASE
        moved = self._store.bring_forward(name, self._clock.now() + farthest)
        if moved:
            log.warning(
                "channel %s: %d deliveries were set to wait beyond any backoff (the clock went back); due now",
                name,
                moved,
            )
        while len(seen) < self._max_per_run and not self._stopping.is_set():
            # One at a time, so deliveries behind a failure are not left leased.
            claimed = self._store.claim_due(limit=1, channel=name)
            if not claimed or claimed[0].request_id in seen:
                break
            delivery = claimed[0]
            seen.append(delivery.request_id)
            result = self._deliver(channel, delivery)
            if result is None:
                continue
            if result.outcome is Outcome.DELIVERED:
                summary.delivered += 1
                self._came_back(name, seen)
            elif result.outcome is Outcome.PERMANENT:
                summary.failed += 1
            else:
                summary.retrying += 1
                summary.unreachable.append(name)
                break
        return summary

    def stop(self) -> None:
        """Stop sending: attempts in flight end now (recorded as due again), no new ones start."""
        self._stopping.set()
        for channel in self._channels.values():
            stop = getattr(channel, "stop", None)
            if callable(stop):
                stop()

    def _came_back(self, name: str, seen: Sequence[str]) -> None:
        with self._lock:
            if name not in self._down:
                return
            self._down.discard(name)
        # Everything held while it was down is due now, and goes out oldest first.
        count = self._store.make_due(name, keep_waiting=seen)
        if count:
            log.info("channel %s works again: %d waiting deliveries are due now", name, count)

    def _deliver(self, channel: Channel, delivery: Delivery) -> DeliveryResult | None:
        stored = self._store.get(delivery.request_id)
        if stored is None:
            # Deleted between claim and now (retention cascades to deliveries): nothing to send.
            return None
        try:
            result = channel.send(outgoing_request(stored, self._topic_title))
        except Exception as exc:  # noqa: BLE001 - a channel bug must not stop the other deliveries
            # Only the type: an exception's message may quote what was being sent.
            log.error("channel %s raised %s on request %s", channel.name, type(exc).__name__, delivery.request_id)
            result = DeliveryResult.transient(f"internal error in the {channel.name} channel: {type(exc).__name__}")
        self._record(delivery, result)
        return result

    def _record(self, delivery: Delivery, result: DeliveryResult) -> None:
        rid, name = delivery.request_id, delivery.channel
        if result.outcome is Outcome.DELIVERED:
            self._store.record_delivered(rid, name)
            self.last_success = self._clock.now()
            if self._success_file is not None:
                write_last_success(self._success_file, self.last_success)
        elif result.outcome is Outcome.PERMANENT:
            self._store.record_permanent_failure(rid, name, result.error or "refused")
        else:
            delay = self._backoff.delay(delivery.attempts + 1, result.retry_after)
            retry_at = self._clock.now() + timedelta(seconds=delay)
            self._store.record_retry(rid, name, result.error or "temporary failure", retry_at)
            if result.unreachable:
                with self._lock:
                    self._down.add(name)
                retry_at = self._store.defer_channel(name, retry_at)
            log.info("request %s on %s: %s; next try at %s", rid, name, result.error, retry_at.isoformat())


class DeliveryWorker:
    """Runs an :class:`Outbox` in the background, one thread per channel: each sends its due
    deliveries every ``poll_interval`` seconds, and at once after :meth:`wake` (call it after
    a submit), never waiting for another channel. Never touches Qt; a view that wants to show
    progress polls :attr:`last_summary` or passes ``on_run`` (called after every channel's
    run, on that channel's thread) and marshals to its own thread."""

    def __init__(
        self, outbox: Outbox, poll_interval: float = 30.0, on_run: Callable[[RunSummary | None], None] | None = None
    ):
        if poll_interval <= 0:
            raise ValueError("poll_interval must be positive")
        self._outbox = outbox
        self._poll_interval = poll_interval
        self._on_run = on_run
        self._wakes = {name: threading.Event() for name in outbox.channel_names}
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self.last_summary: RunSummary | None = None

    @property
    def running(self) -> bool:
        return any(thread.is_alive() for thread in self._threads)

    def start(self) -> None:
        if self._threads:
            raise RuntimeError("the delivery worker was already started")
        for name in self._wakes:
            thread = threading.Thread(target=self._loop, args=(name,), name=f"kiosk-delivery-{name}", daemon=True)
            self._threads.append(thread)
            thread.start()

    def wake(self) -> None:
        """Deliver now instead of at the next poll (a request was just stored)."""
        for event in self._wakes.values():
            event.set()

    def stop(self, timeout: float | None = None) -> bool:
        """Stop within about ``timeout`` seconds: sends in flight are cut short (and recorded
        as due again, for the next start), no new ones begin. True if every thread ended."""
        self._stop.set()
        self._outbox.stop()
        self.wake()
        ends_at = None if timeout is None else time.monotonic() + timeout
        for thread in self._threads:
            thread.join(None if ends_at is None else max(0.0, ends_at - time.monotonic()))
        return not self.running

    def _loop(self, name: str) -> None:
        try:
            self._outbox.queue_new_channels([name])
        except Exception as exc:  # noqa: BLE001 - keep delivering what is already queued
            log.error("could not queue deliveries on new channel %s: %s", name, type(exc).__name__)
        wake = self._wakes[name]
        while not self._stop.is_set():
            # Cleared before the run, so a wake() that arrives during it triggers another run.
            wake.clear()
            summary: RunSummary | None
            try:
                summary = self._outbox.run_channel(name)
            except Exception as exc:  # noqa: BLE001 - a locked or full disk must not end delivery
                log.error("delivery run on %s failed: %s: %s", name, type(exc).__name__, exc)
                summary = None
            self.last_summary = summary
            if self._on_run is not None:
                self._on_run(summary)
            wake.wait(self._poll_interval)
