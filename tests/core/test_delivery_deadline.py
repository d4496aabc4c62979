"""Receivers that trickle one byte at a time: each attempt ends at its deadline (connect, TLS,
sending and the answer together), a slow channel never holds up another, and stopping the
worker takes moments, not the length of a deadline.

Real servers on loopback (aiosmtpd, the test HTTP(S) server) behind a proxy that trickles
their answers; deadlines are a fraction of a second, bounds generous for a loaded machine.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from kiosk.core.clock import FixedClock
from kiosk.core.delivery.backoff import Backoff
from kiosk.core.delivery.channels import DeliveryResult, Outcome
from kiosk.core.delivery.config import EmailChannelConfig, WebhookChannelConfig
from kiosk.core.delivery.email import EmailChannel
from kiosk.core.delivery.outbox import DeliveryWorker, Outbox, RunSummary
from kiosk.core.delivery.secrets import SecretRef
from kiosk.core.delivery.webhook import WebhookChannel
from kiosk.core.requests.outbox import DeliveryState
from kiosk.core.requests.store import RequestStore
from tests.helpers.delivery_kit import START, TITLES, submit
from tests.helpers.delivery_servers import (
    DENVER,
    LOOPBACK,
    HttpServer,
    Reply,
    SmtpServer,
    make_certificate,
    sample_request,
    start_smtp,
)
from tests.helpers.trickle_servers import trickling

pytestmark = pytest.mark.faults

T = TypeVar("T")
DEADLINE = 0.5
#: Wall-time slack on a busy two-core machine; a trickled exchange would take minutes.
MARGIN = 3.0
#: Long enough that two of them one after the other stand out from two side by side.
SIDE_BY_SIDE = 2.5
#: A reply this long takes minutes at one byte per 50 ms.
LONG_BODY = b"x" * 4000


@pytest.fixture
def hooks() -> Iterator[HttpServer]:
    server = HttpServer()
    yield server
    server.stop()


@pytest.fixture
def mail() -> Iterator[SmtpServer]:
    server = start_smtp()
    yield server
    server.stop()


def timed(work: Callable[[], T], give_up: float = 10.0) -> tuple[T, float]:
    """``work()``'s result and how long it took; a failure if it runs past ``give_up``."""
    box: list[T] = []
    started = time.monotonic()
    thread = threading.Thread(target=lambda: box.append(work()), daemon=True)
    thread.start()
    thread.join(give_up)
    assert not thread.is_alive(), f"still sending after {give_up} s: the deadline did not end the attempt"
    assert box, "the send raised"
    return box[0], time.monotonic() - started


def webhook(url: str, timeout: float = DEADLINE, **kwargs: Any) -> WebhookChannel:
    config = WebhookChannelConfig(name="webhook", url=url, secret=SecretRef("f", env="S"), timeout=timeout)
    return WebhookChannel(config, DENVER, environ={"S": "s3cret"}, **kwargs)


def email(port: int, timeout: float = DEADLINE) -> EmailChannel:
    config = EmailChannelConfig(
        name="email",
        host=LOOPBACK,
        port=port,
        security="none",
        sender="kiosk@atlaspt.example",
        recipients=("desk@atlaspt.example",),
        timeout=timeout,
    )
    return EmailChannel(config, DENVER, "Atlas", environ={})


def assert_timed_out(result: DeliveryResult, seconds: float) -> None:
    assert (result.outcome, result.unreachable) == (Outcome.TRANSIENT, True)
    assert result.error == f"timed out: no complete answer within {DEADLINE:g} s"
    assert seconds < DEADLINE + MARGIN


def test_a_trickling_webhook_answer_ends_at_the_deadline(hooks: HttpServer) -> None:
    hooks.reply(Reply(200, body=LONG_BODY))
    with trickling(hooks.port) as proxy:
        result, seconds = timed(lambda: webhook(f"http://{LOOPBACK}:{proxy.port}/hook").send(sample_request()))
    assert_timed_out(result, seconds)


def test_a_trickling_smtp_server_ends_at_the_deadline(mail: SmtpServer) -> None:
    with trickling(mail.port, interval=0.1) as proxy:
        result, seconds = timed(lambda: email(proxy.port).send(sample_request()))
    assert_timed_out(result, seconds)
    assert mail.handler.messages == []


def test_a_trickled_tls_handshake_ends_at_the_deadline(tmp_path: Path) -> None:
    certificate = make_certificate(tmp_path)
    server = HttpServer(tls=certificate.server_context())
    try:
        with trickling(server.port) as proxy:
            channel = webhook(f"https://{LOOPBACK}:{proxy.port}/hook", ssl_context_factory=certificate.client_context)
            result, seconds = timed(lambda: channel.send(sample_request()))
    finally:
        server.stop()
    assert_timed_out(result, seconds)
    assert server.received == []


def test_a_slow_channel_never_holds_up_another_and_stop_is_prompt(
    tmp_path: Path, hooks: HttpServer, mail: SmtpServer
) -> None:
    clock = FixedClock(START)
    webhook_done = threading.Event()

    def on_run(summary: RunSummary | None) -> None:
        if summary is not None and summary.delivered:
            webhook_done.set()

    with (
        RequestStore(tmp_path / "requests.db", clock=clock) as store,
        trickling(mail.port, interval=0.2) as proxy,
    ):
        # The mail server trickles and its deadline is long; the webhook answers at once.
        slow_email = email(proxy.port, timeout=120)
        box = Outbox(store, [slow_email, webhook(hooks.url)], TITLES.get, Backoff(rng=random.Random(7)), clock)
        stored = submit(store, clock, ("email", "webhook"))
        worker = DeliveryWorker(box, poll_interval=3600, on_run=on_run)
        worker.start()
        try:
            assert webhook_done.wait(MARGIN + 2), "the webhook waited for the slow mail server"
            assert proxy.connected.wait(MARGIN), "the mail channel never connected"  # its own thread may start last
            email_delivery = next(d for d in store.deliveries(stored.id) if d.channel == "email")
            assert (email_delivery.state, email_delivery.attempts) == (DeliveryState.PENDING, 0)  # still sending
        finally:
            started = time.monotonic()
            stopped = worker.stop(timeout=MARGIN)
            stop_seconds = time.monotonic() - started
        assert stopped and stop_seconds < MARGIN, "stopping waited for the mail server"
        after = {d.channel: d for d in store.deliveries(stored.id)}
    assert after["webhook"].state is DeliveryState.DELIVERED
    # The cut-short attempt is due again at once, for the next start.
    assert after["email"].state is DeliveryState.PENDING and after["email"].next_attempt_at == clock.now()
    assert after["email"].last_error == "stopped before an answer: the kiosk was shutting down"
    assert len(hooks.received) == 1


def test_run_once_sends_the_channels_side_by_side(tmp_path: Path, hooks: HttpServer, mail: SmtpServer) -> None:
    clock = FixedClock(START)
    hooks.reply(Reply(200, body=LONG_BODY))
    with (
        RequestStore(tmp_path / "requests.db", clock=clock) as store,
        trickling(hooks.port) as hook_proxy,
        trickling(mail.port, interval=0.1) as mail_proxy,
    ):
        box = Outbox(
            store,
            [email(mail_proxy.port, SIDE_BY_SIDE), webhook(f"http://{LOOPBACK}:{hook_proxy.port}/h", SIDE_BY_SIDE)],
            TITLES.get,
            Backoff(rng=random.Random(7)),
            clock,
        )
        submit(store, clock, ("email", "webhook"))
        summary, seconds = timed(box.run_once, give_up=30)
    assert (summary.retrying, sorted(summary.unreachable)) == (2, ["email", "webhook"])
    # One after the other would take two deadlines.
    assert SIDE_BY_SIDE <= seconds < 2 * SIDE_BY_SIDE - 0.5


@pytest.mark.parametrize("seconds", [0.0, -1.0])
def test_a_deadline_must_be_positive(seconds: float) -> None:
    from kiosk.core.delivery.deadline import AttemptDeadline

    with pytest.raises(ValueError, match="positive"):
        AttemptDeadline(seconds)


def test_a_step_timeout_at_the_deadline_counts_as_the_deadline_even_before_its_timer_fires() -> None:
    from kiosk.core.delivery.deadline import AttemptDeadline, ended_result

    deadline = AttemptDeadline(0.5)  # not entered: its timer never starts
    assert ended_result(deadline) is None
    deadline._end -= 1.0  # its time is up; on a loaded machine the socket timeout wins the race
    result = ended_result(deadline)
    assert result is not None and result.error == "timed out: no complete answer within 0.5 s"
