"""The outbox runner and worker on a real request store (SQLite file) and real servers on loopback."""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.core.clock import FixedClock
from kiosk.core.delivery.backoff import Backoff
from kiosk.core.delivery.channels import Channel, DeliveryResult, OutgoingRequest
from kiosk.core.delivery.outbox import DeliveryWorker, Outbox, RunSummary
from kiosk.core.requests.model import RequestStatus
from kiosk.core.requests.outbox import Delivery, DeliveryState
from kiosk.core.requests.store import RequestStore
from tests.helpers.delivery_kit import START, TITLES, email_channel, submit, webhook_channel
from tests.helpers.delivery_servers import (
    LOOPBACK,
    PATIENT_NAME,
    HttpServer,
    Reply,
    SmtpServer,
    free_port,
    start_smtp,
)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def store(tmp_path: Path, clock: FixedClock) -> Iterator[RequestStore]:
    with RequestStore(tmp_path / "requests.db", clock=clock) as s:
        yield s


def outbox(store: RequestStore, clock: FixedClock, *channels: Channel) -> Outbox:
    return Outbox(store, channels, TITLES.get, backoff=Backoff(rng=random.Random(7)), clock=clock)


def delivery(store: RequestStore, request_id: str, channel: str) -> Delivery:
    return next(d for d in store.deliveries(request_id) if d.channel == channel)


def test_delivers_pending_requests_by_email(store: RequestStore, clock: FixedClock, smtp_server: SmtpServer) -> None:
    stored = submit(store, clock, ("email",))

    summary = outbox(store, clock, email_channel(smtp_server.port)).run_once()

    assert (summary.delivered, summary.retrying, summary.failed) == (1, 0, 0)
    [(_, msg)] = smtp_server.handler.messages
    assert stored.id in msg.get_body(preferencelist=("plain",)).get_content()
    assert "Dry Needling" in msg.get_body(preferencelist=("plain",)).get_content()
    d = delivery(store, stored.id, "email")
    assert d.state is DeliveryState.DELIVERED and d.attempts == 1 and d.delivered_at == clock.now()
    assert store.get(stored.id).status is RequestStatus.DELIVERED


def test_smtp_server_down_then_up_delivers_after_it_returns(store: RequestStore, clock: FixedClock) -> None:
    port = free_port()
    stored = submit(store, clock, ("email",))
    box = outbox(store, clock, email_channel(port))

    summary = box.run_once()

    assert (summary.retrying, summary.unreachable) == (1, ["email"])
    d = delivery(store, stored.id, "email")
    assert d.state is DeliveryState.PENDING and d.attempts == 1
    assert d.last_error is not None and "Connection" in d.last_error
    assert clock.now() <= d.next_attempt_at <= clock.now() + timedelta(seconds=30)

    server = start_smtp(port)
    try:
        clock.set(d.next_attempt_at)
        assert box.run_once().delivered == 1
        assert len(server.handler.messages) == 1
        assert delivery(store, stored.id, "email").state is DeliveryState.DELIVERED
    finally:
        server.stop()


def test_smtp_5xx_fails_and_is_not_retried(store: RequestStore, clock: FixedClock, smtp_server: SmtpServer) -> None:
    smtp_server.handler.data_reply = "554 5.7.1 Message rejected as spam"
    stored = submit(store, clock, ("email",))
    box = outbox(store, clock, email_channel(smtp_server.port))

    assert box.run_once().failed == 1
    clock.advance(86400)
    assert box.run_once().attempted == 0

    d = delivery(store, stored.id, "email")
    assert d.state is DeliveryState.FAILED and d.attempts == 1
    assert d.last_error == "SMTP 554 5.7.1 Message rejected as spam"
    assert store.get(stored.id).status is RequestStatus.FAILED


def test_smtp_4xx_is_retried_then_delivered(store: RequestStore, clock: FixedClock, smtp_server: SmtpServer) -> None:
    smtp_server.handler.data_reply = "451 4.7.1 Greylisted, try again later"
    stored = submit(store, clock, ("email",))
    box = outbox(store, clock, email_channel(smtp_server.port))

    assert box.run_once().retrying == 1
    smtp_server.handler.data_reply = None
    clock.set(delivery(store, stored.id, "email").next_attempt_at)
    assert box.run_once().delivered == 1
    d = delivery(store, stored.id, "email")
    assert d.state is DeliveryState.DELIVERED and d.attempts == 2 and d.last_error is None


def test_webhook_500s_are_retried_with_the_same_idempotency_key(
    store: RequestStore, clock: FixedClock, http_server: HttpServer
) -> None:
    http_server.reply(Reply(500), Reply(503))
    stored = submit(store, clock, ("webhook",))
    box = outbox(store, clock, webhook_channel(http_server.url, clock))

    for _ in range(2):
        assert box.run_once().retrying == 1
        clock.set(delivery(store, stored.id, "webhook").next_attempt_at)
    assert box.run_once().delivered == 1

    assert [r.headers["Idempotency-Key"] for r in http_server.received] == [stored.id] * 3
    assert len({r.body for r in http_server.received}) == 1
    assert delivery(store, stored.id, "webhook").attempts == 3


def test_webhook_400_fails_without_patient_data_in_the_error(
    store: RequestStore, clock: FixedClock, http_server: HttpServer
) -> None:
    http_server.reply(Reply(400, body=f'{{"rejected": "{PATIENT_NAME}"}}'.encode()))
    stored = submit(store, clock, ("webhook",))
    box = outbox(store, clock, webhook_channel(http_server.url, clock))

    assert box.run_once().failed == 1
    clock.advance(7200)
    assert box.run_once().attempted == 0
    assert len(http_server.received) == 1
    d = delivery(store, stored.id, "webhook")
    assert d.state is DeliveryState.FAILED and d.last_error == "HTTP 400 Bad Request"


@pytest.mark.parametrize("status", [408, 429])
def test_webhook_408_and_429_are_retried(
    store: RequestStore, clock: FixedClock, http_server: HttpServer, status: int
) -> None:
    http_server.reply(Reply(status))
    stored = submit(store, clock, ("webhook",))
    box = outbox(store, clock, webhook_channel(http_server.url, clock))

    assert box.run_once().retrying == 1
    clock.set(delivery(store, stored.id, "webhook").next_attempt_at)
    assert box.run_once().delivered == 1


def test_retry_after_is_honoured_and_capped(store: RequestStore, clock: FixedClock, http_server: HttpServer) -> None:
    http_server.reply(Reply(429, {"Retry-After": "120"}), Reply(503, {"Retry-After": "999999"}))
    stored = submit(store, clock, ("webhook",))
    box = outbox(store, clock, webhook_channel(http_server.url, clock))

    box.run_once()
    assert delivery(store, stored.id, "webhook").next_attempt_at == clock.now() + timedelta(seconds=120)
    clock.advance(120)
    box.run_once()
    assert delivery(store, stored.id, "webhook").next_attempt_at == clock.now() + timedelta(hours=1)


def test_a_slow_webhook_times_out_and_is_retried(
    store: RequestStore, clock: FixedClock, http_server: HttpServer
) -> None:
    http_server.reply(Reply(200, hold=threading.Event()))
    stored = submit(store, clock, ("webhook",))
    box = outbox(store, clock, webhook_channel(http_server.url, clock, timeout=0.3))

    assert box.run_once().retrying == 1
    assert "timed out" in (delivery(store, stored.id, "webhook").last_error or "")
    clock.set(delivery(store, stored.id, "webhook").next_attempt_at)
    # The retry gets an ordinary deadline: 0.3 s for a whole exchange is tight on a busy machine.
    assert outbox(store, clock, webhook_channel(http_server.url, clock)).run_once().delivered == 1
    first, second = http_server.received
    assert first.headers["Idempotency-Key"] == second.headers["Idempotency-Key"] == stored.id


def test_offline_for_days_then_everything_goes_out_oldest_first(store: RequestStore, clock: FixedClock) -> None:
    port = free_port()
    ids = []
    box = outbox(store, clock, email_channel(port))
    for n in range(5):
        ids.append(submit(store, clock, ("email",), n).id)
        box.run_once()
        clock.advance(6 * 3600)
    # One connection attempt per run while down (the oldest due), not one per waiting request.
    assert [delivery(store, i, "email").attempts for i in ids] == [5, 0, 0, 0, 0]

    server = start_smtp(port)
    try:
        clock.advance(3600)
        summary = box.run_once()
        assert summary.delivered == 5
        sent = [msg["X-Kiosk-Request-Id"] for _, msg in server.handler.messages]
        assert sent == ids
    finally:
        server.stop()


def test_channels_are_independent(
    store: RequestStore, clock: FixedClock, smtp_server: SmtpServer, http_server: HttpServer
) -> None:
    http_server.reply(Reply(404))
    stored = submit(store, clock, ("email", "webhook"))
    box = outbox(store, clock, email_channel(smtp_server.port), webhook_channel(http_server.url, clock))

    summary = box.run_once()

    assert (summary.delivered, summary.failed) == (1, 1)
    assert delivery(store, stored.id, "email").state is DeliveryState.DELIVERED
    assert delivery(store, stored.id, "webhook").state is DeliveryState.FAILED
    # A failed channel makes the request "failed" for staff, and a retry puts it back.
    assert store.get(stored.id).status is RequestStatus.FAILED
    assert store.retry_failed(stored.id) == 1
    assert box.run_once().delivered == 1
    assert store.get(stored.id).status is RequestStatus.DELIVERED


def test_pending_at_shutdown_are_delivered_after_restart(
    tmp_path: Path, clock: FixedClock, http_server: HttpServer
) -> None:
    path = tmp_path / "data" / "requests.db"
    port = free_port()
    with RequestStore(path, clock=clock) as first:
        ids = [submit(first, clock, ("webhook",), n).id for n in range(3)]
        outbox(first, clock, webhook_channel(f"http://{LOOPBACK}:{port}/down", clock)).run_once()
    # "Shutdown" with three pending deliveries, one of them already tried once.

    clock.advance(3600)
    with RequestStore(path, clock=clock) as second:
        summary = outbox(second, clock, webhook_channel(http_server.url, clock)).run_once()
        assert summary.delivered == 3
        assert [r.headers["Idempotency-Key"] for r in http_server.received] == ids
        assert all(second.get(i).status is RequestStatus.DELIVERED for i in ids)


class _CrashAfterSend(RequestStore):
    """A store whose first record_delivered fails, as if the kiosk died right after sending."""

    crashed = False

    def record_delivered(self, request_id: str, channel: str) -> Delivery:
        if not self.crashed:
            self.crashed = True
            raise RuntimeError("power cut")
        return super().record_delivered(request_id, channel)


def test_a_crash_between_send_and_record_resends_with_the_same_id(
    tmp_path: Path, clock: FixedClock, http_server: HttpServer
) -> None:
    with _CrashAfterSend(tmp_path / "requests.db", clock=clock) as store:
        stored = submit(store, clock, ("webhook",))
        box = outbox(store, clock, webhook_channel(http_server.url, clock))
        with pytest.raises(RuntimeError, match="power cut"):
            box.run_once()
        assert box.run_once().attempted == 0  # still leased
        clock.advance(5 * 60)  # the store's claim lease runs out
        assert box.run_once().delivered == 1
    assert [r.headers["Idempotency-Key"] for r in http_server.received] == [stored.id, stored.id]


class _Broken:
    name = "broken"

    def send(self, request: OutgoingRequest) -> DeliveryResult:
        raise KeyError(request.name)


def test_a_channel_that_raises_is_retried_and_its_message_not_stored(store: RequestStore, clock: FixedClock) -> None:
    stored = submit(store, clock, ("broken",))

    assert outbox(store, clock, _Broken()).run_once().retrying == 1

    d = delivery(store, stored.id, "broken")
    assert d.state is DeliveryState.PENDING
    assert d.last_error == "internal error in the broken channel: KeyError"


def test_channels_added_to_the_config_get_the_waiting_requests(
    store: RequestStore, clock: FixedClock, smtp_server: SmtpServer, http_server: HttpServer
) -> None:
    stored = submit(store, clock, ("email",))
    box = outbox(store, clock, email_channel(smtp_server.port), webhook_channel(http_server.url, clock))

    assert box.queue_new_channels() == 1
    assert box.run_once().delivered == 2
    assert http_server.received[0].headers["Idempotency-Key"] == stored.id


def test_channels_no_longer_configured_are_left_alone(
    store: RequestStore, clock: FixedClock, smtp_server: SmtpServer
) -> None:
    stored = submit(store, clock, ("email", "fax"))

    assert outbox(store, clock, email_channel(smtp_server.port)).run_once().delivered == 1
    assert delivery(store, stored.id, "fax").state is DeliveryState.PENDING


def test_two_channels_with_one_name_are_refused(store: RequestStore, clock: FixedClock) -> None:
    with pytest.raises(ValueError, match="two delivery channels are named 'email'"):
        outbox(store, clock, email_channel(1), email_channel(2))


def test_worker_delivers_on_wake_and_stops(store: RequestStore, clock: FixedClock, smtp_server: SmtpServer) -> None:
    runs: list[RunSummary | None] = []
    ran = threading.Event()

    def on_run(summary: RunSummary | None) -> None:
        runs.append(summary)
        ran.set()

    box = outbox(store, clock, email_channel(smtp_server.port))
    # An hour between polls: only wake() can make the second run happen within the test.
    worker = DeliveryWorker(box, poll_interval=3600, on_run=on_run)
    worker.start()
    try:
        assert ran.wait(10)
        ran.clear()
        stored = submit(store, clock, ("email",))
        worker.wake()
        assert ran.wait(10)
        assert runs[-1] is not None and runs[-1].delivered == 1
        assert delivery(store, stored.id, "email").state is DeliveryState.DELIVERED
        assert box.last_success == clock.now()
    finally:
        assert worker.stop(timeout=10)
    assert not worker.running


def test_worker_survives_a_failing_run(store: RequestStore, clock: FixedClock) -> None:
    ran = threading.Event()
    runs: list[RunSummary | None] = []

    def on_run(summary: RunSummary | None) -> None:
        runs.append(summary)
        ran.set()

    box = outbox(store, clock, email_channel(free_port()))
    worker = DeliveryWorker(box, poll_interval=3600, on_run=on_run)
    store.close()  # every run now fails inside the store
    worker.start()
    try:
        assert ran.wait(10)
        ran.clear()
        worker.wake()
        assert ran.wait(10)
        assert runs == [None, None]
        assert worker.running
    finally:
        assert worker.stop(timeout=10)


def test_a_retry_set_while_the_clock_ran_ahead_is_due_once_it_is_stepped_back(
    store: RequestStore, clock: FixedClock, smtp_server: SmtpServer
) -> None:
    """A kiosk whose clock booted months ahead, then was stepped back by NTP: the retries set
    meanwhile (months ahead too) must not wait out the jump (found by bench/faults.py)."""
    stored = submit(store, clock, ("email",))
    smtp_server.handler.data_reply = "451 4.3.0 Try again later"
    clock.advance(100 * 24 * 3600)  # the clock jumps a hundred days ahead
    assert outbox(store, clock, email_channel(smtp_server.port)).run_once().retrying == 1
    smtp_server.handler.data_reply = None
    clock.advance(-100 * 24 * 3600 + 60)  # NTP steps it back; a minute has passed

    summary = outbox(store, clock, email_channel(smtp_server.port)).run_once()

    assert summary.delivered == 1
    assert delivery(store, stored.id, "email").state is DeliveryState.DELIVERED


def test_a_retry_within_the_backoff_still_waits(
    store: RequestStore, clock: FixedClock, smtp_server: SmtpServer
) -> None:
    stored = submit(store, clock, ("email",))
    smtp_server.handler.data_reply = "451 4.3.0 Try again later"
    box = outbox(store, clock, email_channel(smtp_server.port))
    assert box.run_once().retrying == 1
    smtp_server.handler.data_reply = None
    waiting_until = delivery(store, stored.id, "email").next_attempt_at
    assert waiting_until > clock.now()

    assert box.run_once().attempted == 0
    assert delivery(store, stored.id, "email").next_attempt_at == waiting_until
