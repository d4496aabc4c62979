"""After a network outage the waiting requests go out oldest first (docs/delivery.md), however
often each was tried while the server was down."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kiosk.core.clock import FixedClock
from kiosk.core.delivery.backoff import Backoff
from kiosk.core.delivery.channels import DeliveryResult, OutgoingRequest
from kiosk.core.delivery.outbox import Outbox
from kiosk.core.requests.outbox import DeliveryState
from kiosk.core.requests.store import RequestStore
from tests.helpers.delivery_kit import START, TITLES, email_channel, submit
from tests.helpers.delivery_servers import free_port, start_smtp

pytestmark = pytest.mark.faults

POLL = 30  # seconds between the worker's passes


def test_after_an_outage_requests_go_out_oldest_first(tmp_path: Path) -> None:
    clock = FixedClock(START)
    port = free_port()
    with RequestStore(tmp_path / "requests.db", clock=clock) as store:
        box = Outbox(store, [email_channel(port)], TITLES.get, backoff=Backoff(rng=random.Random(7)), clock=clock)
        ids = []
        for n in range(4):
            # A patient every 20 minutes while the mail server is down; a pass every 30 s.
            ids.append(submit(store, clock, ("email",), n).id)
            for _ in range(40):
                box.run_once()
                clock.advance(POLL)

        server = start_smtp(port)
        try:
            for _ in range(3600 // POLL):
                if box.run_once().delivered and len(server.handler.messages) == len(ids):
                    break
                clock.advance(POLL)
            sent = [msg["X-Kiosk-Request-Id"] for _, msg in server.handler.messages]
        finally:
            server.stop()
    assert sent == ids


class _RefusesOne:
    """A receiver that answers a temporary error to one request, for ever (a bug on its side)."""

    name = "webhook"

    def __init__(self) -> None:
        self.refused = ""
        self.received: list[str] = []

    def send(self, request: OutgoingRequest) -> DeliveryResult:
        if request.id == self.refused:
            return DeliveryResult.transient("HTTP 500 Internal Server Error")
        self.received.append(request.id)
        return DeliveryResult.delivered()


def test_a_request_the_receiver_keeps_refusing_does_not_hold_up_the_others(tmp_path: Path) -> None:
    clock = FixedClock(START)
    receiver = _RefusesOne()
    with RequestStore(tmp_path / "requests.db", clock=clock) as store:
        box = Outbox(store, [receiver], TITLES.get, backoff=Backoff(rng=random.Random(7)), clock=clock)
        receiver.refused = submit(store, clock, ("webhook",), 0).id
        others = []
        for n in range(1, 6):
            others.append(submit(store, clock, ("webhook",), n).id)
            for _ in range(4):  # a patient every two minutes
                box.run_once()
                clock.advance(POLL)
        assert receiver.received == others
        assert [d.state for d in store.deliveries(receiver.refused)] == [DeliveryState.PENDING]
