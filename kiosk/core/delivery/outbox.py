"""The outbox runner: claims due deliveries from the request store, oldest request first,
sends each through its channel and records the outcome; and a worker thread that runs it.

At-least-once: a crash between sending and recording resends after the store's claim lease
runs out. Receivers dedupe on the request id (Idempotency-Key / Message-ID).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from kiosk.core.clock import Clock, SystemClock
from kiosk.core.delivery.backoff import Backoff
from kiosk.core.delivery.channels import Channel, DeliveryResult, Outcome, OutgoingRequest, TopicRef
from kiosk.core.requests.model import StoredRequest
from kiosk.core.requests.outbox import Delivery

log = logging.getLogger(__name__)


class DeliveryStore(Protocol):
    """The part of :class:`kiosk.core.requests.store.RequestStore` the outbox uses."""

    def add_channels(self, channels: Sequence[str]) -> int: ...

    def claim_due(self, limit: int = 10, lease: timedelta = ..., channel: str | None = None) -> list[Delivery]: ...

    def get(self, request_id: str) -> StoredRequest | None: ...

    def record_delivered(self, request_id: str, channel: str) -> Delivery: ...

    def record_retry(self, request_id: str, channel: str, error: str, retry_at: datetime) -> Delivery: ...

    def record_permanent_failure(self, request_id: str, channel: str, error: str) -> Delivery: ...


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


class Outbox:
    """Sends due deliveries. Not thread-safe by itself: one runner at a time per process
    (the :class:`DeliveryWorker`, or ``kiosk deliver --once``). Several processes are safe:
    the store's claim lease keeps them from sending the same delivery at the same time."""

    def __init__(
        self,
        store: DeliveryStore,
        channels: Iterable[Channel],
        topic_title: Callable[[str], str | None],
        backoff: Backoff | None = None,
        clock: Clock | None = None,
        max_per_run: int = 500,
    ):
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
        #: When a delivery last succeeded on any channel (for the admin screen).
        self.last_success: datetime | None = None

    @property
    def channel_names(self) -> tuple[str, ...]:
        return tuple(self._channels)

    def queue_new_channels(self) -> int:
        """Give requests that are still undelivered a delivery on channels added to the config
        since they were stored. Call once at start-up."""
        return self._store.add_channels(list(self._channels))

    def run_once(self) -> RunSummary:
        """Send everything due now on every channel, oldest request first.

        A channel that fails transiently is not tried again in this run: when the network is
        down, one timeout is enough to know, and the rest keep their place in the queue.
        """
        summary = RunSummary()
        for name, channel in self._channels.items():
            seen: set[str] = set()
            while len(seen) < self._max_per_run:
                # One at a time, so deliveries behind a failure are not left leased.
                claimed = self._store.claim_due(limit=1, channel=name)
                if not claimed or claimed[0].request_id in seen:
                    break
                delivery = claimed[0]
                seen.add(delivery.request_id)
                outcome = self._deliver(channel, delivery)
                if outcome is None:
                    continue
                if outcome is Outcome.DELIVERED:
                    summary.delivered += 1
                elif outcome is Outcome.PERMANENT:
                    summary.failed += 1
                else:
                    summary.retrying += 1
                    summary.unreachable.append(name)
                    break
        return summary

    def _deliver(self, channel: Channel, delivery: Delivery) -> Outcome | None:
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
        return result.outcome

    def _record(self, delivery: Delivery, result: DeliveryResult) -> None:
        rid, name = delivery.request_id, delivery.channel
        if result.outcome is Outcome.DELIVERED:
            self._store.record_delivered(rid, name)
            self.last_success = self._clock.now()
        elif result.outcome is Outcome.PERMANENT:
            self._store.record_permanent_failure(rid, name, result.error or "refused")
        else:
            delay = self._backoff.delay(delivery.attempts + 1, result.retry_after)
            retry_at = self._clock.now() + timedelta(seconds=delay)
            self._store.record_retry(rid, name, result.error or "temporary failure", retry_at)
            log.info("request %s on %s: %s; next try in %.0f s", rid, name, result.error, delay)


class DeliveryWorker:
    """Runs an :class:`Outbox` on a background thread: every ``poll_interval`` seconds, and at
    once after :meth:`wake` (call it after a submit). Never touches Qt; a view that wants to
    show progress polls :attr:`last_summary` or passes ``on_run`` and marshals to its thread."""

    def __init__(
        self, outbox: Outbox, poll_interval: float = 30.0, on_run: Callable[[RunSummary | None], None] | None = None
    ):
        if poll_interval <= 0:
            raise ValueError("poll_interval must be positive")
        self._outbox = outbox
        self._poll_interval = poll_interval
        self._on_run = on_run
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.last_summary: RunSummary | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("the delivery worker was already started")
        self._thread = threading.Thread(target=self._loop, name="kiosk-delivery", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """Deliver now instead of at the next poll (a request was just stored)."""
        self._wake.set()

    def stop(self, timeout: float | None = None) -> bool:
        """Ask the thread to finish after the send in progress; True if it has ended.
        A send blocks at most for its channel's timeout."""
        self._stop.set()
        self._wake.set()
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _loop(self) -> None:
        try:
            self._outbox.queue_new_channels()
        except Exception as exc:  # noqa: BLE001 - keep delivering on the channels already queued
            log.error("could not queue deliveries on new channels: %s", type(exc).__name__)
        while not self._stop.is_set():
            # Cleared before the run, so a wake() that arrives during it triggers another run.
            self._wake.clear()
            summary: RunSummary | None
            try:
                summary = self._outbox.run_once()
            except Exception as exc:  # noqa: BLE001 - a locked or full disk must not end delivery
                log.error("delivery run failed: %s: %s", type(exc).__name__, exc)
                summary = None
            self.last_summary = summary
            if self._on_run is not None:
                self._on_run(summary)
            self._wake.wait(self._poll_interval)
