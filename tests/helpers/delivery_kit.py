"""Requests and channels for the delivery tests: a stored request with the marker patient,
email and webhook channels aimed at the loopback servers (tests/helpers/delivery_servers.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from kiosk.core.clock import FixedClock
from kiosk.core.delivery.config import EmailChannelConfig, WebhookChannelConfig
from kiosk.core.delivery.email import EmailChannel
from kiosk.core.delivery.secrets import SecretRef
from kiosk.core.delivery.webhook import WebhookChannel
from kiosk.core.requests.model import ContactTime, InfoRequest, StoredRequest
from kiosk.core.requests.store import RequestStore
from tests.helpers.delivery_servers import DENVER, LOOPBACK, PATIENT_EMAIL, PATIENT_NAME, PATIENT_PHONE

START = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)
TITLES = {"dry-needling": "Dry Needling", "back-pain": "Back Pain"}
ENV = {"HOOK_SECRET": "s3cret"}


def submit(store: RequestStore, clock: FixedClock, channels: tuple[str, ...], n: int = 0) -> StoredRequest:
    request = InfoRequest(
        name=f"{PATIENT_NAME} {n}",
        phone=PATIENT_PHONE,
        email=PATIENT_EMAIL,
        topics=("dry-needling",),
        contact_time=ContactTime.MORNING,
        language="en",
    )
    stored = store.submit(request, f"token-{n}-{clock.now().isoformat()}", channels=channels)
    clock.advance(1)
    return stored


def email_channel(port: int) -> EmailChannel:
    config = EmailChannelConfig(
        name="email",
        host=LOOPBACK,
        port=port,
        security="none",
        sender="kiosk@atlaspt.example",
        recipients=("desk@atlaspt.example",),
        timeout=5,
    )
    return EmailChannel(config, DENVER, "Atlas Physical Therapy", environ={})


def webhook_channel(url: str, clock: FixedClock, timeout: float = 5.0) -> WebhookChannel:
    config = WebhookChannelConfig(name="webhook", url=url, secret=SecretRef("f", env="HOOK_SECRET"), timeout=timeout)
    return WebhookChannel(config, DENVER, clock=clock, environ=ENV)
