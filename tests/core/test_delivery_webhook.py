"""The webhook channel against a real HTTP server (http.server) on loopback."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from datetime import UTC, datetime

import pytest

from kiosk.core.clock import FixedClock
from kiosk.core.delivery.channels import Outcome
from kiosk.core.delivery.config import WebhookChannelConfig
from kiosk.core.delivery.secrets import SecretRef
from kiosk.core.delivery.webhook import WebhookChannel, parse_retry_after
from tests.helpers.delivery_servers import (
    DENVER,
    PATIENT_EMAIL,
    PATIENT_NAME,
    PATIENT_PHONE,
    HttpServer,
    Reply,
    free_port,
    sample_request,
)

SECRET = "shared-secret-0123456789"
NOW = datetime(2026, 11, 27, 8, 0, tzinfo=UTC)


def channel(url: str, timeout: float = 5.0, environ: dict[str, str] | None = None) -> WebhookChannel:
    config = WebhookChannelConfig(
        name="webhook", url=url, secret=SecretRef("f", env="KIOSK_HOOK_SECRET"), timeout=timeout
    )
    env = {"KIOSK_HOOK_SECRET": SECRET} if environ is None else environ
    return WebhookChannel(config, DENVER, clock=FixedClock(NOW), environ=env)


def test_posts_signed_json_with_the_request_id_as_idempotency_key(http_server: HttpServer) -> None:
    result = channel(http_server.url).send(sample_request())

    assert result.outcome is Outcome.DELIVERED
    [received] = http_server.received
    assert received.path == "/hooks/kiosk"
    assert received.headers["Content-Type"] == "application/json; charset=utf-8"
    assert received.headers["Idempotency-Key"] == "ab12cd34ef56"
    assert received.headers["X-Kiosk-Timestamp"] == str(int(NOW.timestamp()))
    expected = "sha256=" + hmac.new(SECRET.encode(), received.body, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(received.headers["X-Kiosk-Signature"], expected)
    body = json.loads(received.body)
    assert body == {
        "id": "ab12cd34ef56",
        "created_at": "2026-11-26T23:15:00Z",
        "created_at_local": "2026-11-26T16:15:00-07:00",
        "name": PATIENT_NAME,
        "phone": PATIENT_PHONE,
        "email": PATIENT_EMAIL,
        "topics": [{"id": "dry-needling", "title": "Dry Needling"}, {"id": "back-pain", "title": "Back Pain"}],
        "preferred_time": "morning",
        "language": "es",
    }


def test_signature_does_not_verify_with_another_secret(http_server: HttpServer) -> None:
    channel(http_server.url).send(sample_request())

    [received] = http_server.received
    forged = "sha256=" + hmac.new(b"not-the-secret", received.body, hashlib.sha256).hexdigest()
    assert received.headers["X-Kiosk-Signature"] != forged


def test_duplicate_deliveries_carry_the_same_idempotency_key_and_body(http_server: HttpServer) -> None:
    hook = channel(http_server.url)
    hook.send(sample_request())
    hook.send(sample_request())

    first, second = http_server.received
    assert first.headers["Idempotency-Key"] == second.headers["Idempotency-Key"] == "ab12cd34ef56"
    assert first.body == second.body


@pytest.mark.parametrize("status", [500, 502, 503, 408, 429])
def test_server_errors_and_throttling_are_transient(http_server: HttpServer, status: int) -> None:
    http_server.reply(Reply(status))

    result = channel(http_server.url).send(sample_request())

    assert result.outcome is Outcome.TRANSIENT
    assert result.error is not None and result.error.startswith(f"HTTP {status}")
    assert result.retry_after is None


def test_retry_after_seconds_are_passed_on(http_server: HttpServer) -> None:
    http_server.reply(Reply(429, {"Retry-After": "120"}))

    result = channel(http_server.url).send(sample_request())

    assert result.outcome is Outcome.TRANSIENT
    assert result.retry_after == 120.0


def test_retry_after_as_an_http_date() -> None:
    assert parse_retry_after("Fri, 27 Nov 2026 08:05:00 GMT", NOW) == 300.0
    assert parse_retry_after("Fri, 27 Nov 2026 07:00:00 GMT", NOW) == 0.0
    assert parse_retry_after("soon", NOW) is None
    assert parse_retry_after(None, NOW) is None


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
def test_client_errors_are_permanent(http_server: HttpServer, status: int) -> None:
    http_server.reply(Reply(status))

    result = channel(http_server.url).send(sample_request())

    assert result.outcome is Outcome.PERMANENT
    assert result.error is not None and result.error.startswith(f"HTTP {status}")


def test_a_redirect_is_not_followed_and_is_permanent(http_server: HttpServer) -> None:
    # urllib would follow a 302 as a GET without the body: the request would vanish.
    http_server.reply(Reply(302, {"Location": "/elsewhere"}))

    result = channel(http_server.url).send(sample_request())

    assert result.outcome is Outcome.PERMANENT
    assert result.error is not None and "redirect" in result.error
    assert [r.path for r in http_server.received] == ["/hooks/kiosk"]


def test_an_echoing_error_body_never_reaches_the_stored_error(http_server: HttpServer) -> None:
    echo = json.dumps({"error": "bad", "name": PATIENT_NAME, "phone": PATIENT_PHONE}).encode()
    http_server.reply(Reply(400, body=echo))

    result = channel(http_server.url).send(sample_request())

    assert result.error == "HTTP 400 Bad Request"


def test_a_slow_server_times_out_and_is_transient(http_server: HttpServer) -> None:
    http_server.reply(Reply(200, hold=threading.Event()))

    result = channel(http_server.url, timeout=0.3).send(sample_request())

    assert result.outcome is Outcome.TRANSIENT
    assert result.error is not None and "timed out" in result.error


def test_server_down_is_transient() -> None:
    result = channel(f"http://127.0.0.1:{free_port()}/hook").send(sample_request())

    assert result.outcome is Outcome.TRANSIENT
    assert result.error is not None and "refused" in result.error.lower()


def test_missing_secret_is_permanent_and_names_the_field(http_server: HttpServer) -> None:
    result = channel(http_server.url, environ={}).send(sample_request())

    assert result.outcome is Outcome.PERMANENT
    assert result.error == "f: environment variable KIOSK_HOOK_SECRET is not set or empty"
    assert http_server.received == []
