"""Encrypted channels on loopback: STARTTLS, implicit TLS and HTTPS, with certificates verified.

Each test makes its own self-signed certificate for 127.0.0.1 (openssl). The channel trusts it
only through the injected context; with the default context it must refuse the server.
"""

from __future__ import annotations

import hashlib
import hmac
import ssl
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.delivery.channels import Outcome
from kiosk.core.delivery.config import EmailChannelConfig, Security, WebhookChannelConfig
from kiosk.core.delivery.email import EmailChannel
from kiosk.core.delivery.secrets import SecretRef
from kiosk.core.delivery.webhook import WebhookChannel
from tests.helpers.delivery_servers import (
    DENVER,
    LOOPBACK,
    Certificate,
    HttpServer,
    make_certificate,
    sample_request,
    start_smtp,
)


@pytest.fixture
def certificate(tmp_path: Path) -> Certificate:
    return make_certificate(tmp_path)


def email(port: int, security: Security, context: Callable[[], ssl.SSLContext], **changes: Any) -> EmailChannel:
    config = EmailChannelConfig(
        name="email",
        host=LOOPBACK,
        port=port,
        security=security,
        sender="kiosk@atlaspt.example",
        recipients=("desk@atlaspt.example",),
        timeout=5,
        **changes,
    )
    return EmailChannel(config, DENVER, "Atlas", environ={"PW": "tls-only"}, ssl_context_factory=context)


def test_starttls_delivers_and_authenticates_inside_tls(certificate: Certificate) -> None:
    server = start_smtp(
        credentials=("kiosk", "tls-only"), tls_context=certificate.server_context(), require_starttls=True
    )
    try:
        channel = email(
            server.port, "starttls", certificate.client_context, username="kiosk", password=SecretRef("f", env="PW")
        )
        assert channel.send(sample_request()).outcome is Outcome.DELIVERED
        assert server.logins == [("kiosk", "tls-only")]
        assert len(server.handler.messages) == 1
    finally:
        server.stop()


def test_starttls_refuses_an_untrusted_certificate_and_retries_later(certificate: Certificate) -> None:
    server = start_smtp(tls_context=certificate.server_context(), require_starttls=True)
    try:
        result = email(server.port, "starttls", ssl.create_default_context).send(sample_request())
        assert result.outcome is Outcome.TRANSIENT
        assert result.error is not None and result.error.startswith("TLS certificate not trusted")
        assert server.handler.messages == []
    finally:
        server.stop()


def test_implicit_tls_delivers(certificate: Certificate) -> None:
    server = start_smtp(ssl_context=certificate.server_context())
    try:
        assert email(server.port, "tls", certificate.client_context).send(sample_request()).outcome is Outcome.DELIVERED
        assert len(server.handler.messages) == 1
    finally:
        server.stop()


def _webhook(url: str, context: Callable[[], ssl.SSLContext]) -> WebhookChannel:
    config = WebhookChannelConfig(name="webhook", url=url, secret=SecretRef("f", env="S"), timeout=5)
    return WebhookChannel(config, DENVER, environ={"S": "k"}, ssl_context_factory=context)


def test_https_webhook_delivers_with_a_trusted_certificate(certificate: Certificate) -> None:
    server = HttpServer(tls=certificate.server_context())
    try:
        assert server.url.startswith("https://")
        assert _webhook(server.url, certificate.client_context).send(sample_request()).outcome is Outcome.DELIVERED
        [received] = server.received
        expected = "sha256=" + hmac.new(b"k", received.body, hashlib.sha256).hexdigest()
        assert received.headers["X-Kiosk-Signature"] == expected
    finally:
        server.stop()


def test_https_webhook_refuses_an_untrusted_certificate(certificate: Certificate) -> None:
    server = HttpServer(tls=certificate.server_context())
    try:
        result = _webhook(server.url, ssl.create_default_context).send(sample_request())
        assert result.outcome is Outcome.TRANSIENT
        assert result.error is not None and result.error.startswith("TLS certificate not trusted")
        assert server.received == []
    finally:
        server.stop()
