"""The webhook channel: a signed JSON POST over HTTPS, within a deadline for the whole
attempt (:mod:`kiosk.core.delivery.deadline`)."""

from __future__ import annotations

import hashlib
import hmac
import http.client
import json
import socket
import ssl
from collections.abc import Callable, Mapping
from datetime import datetime, tzinfo
from email.message import Message
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from kiosk.core.clock import Clock, SystemClock
from kiosk.core.delivery.channels import DeliveryResult, OutgoingRequest, scrub
from kiosk.core.delivery.config import WebhookChannelConfig
from kiosk.core.delivery.deadline import AttemptDeadline, Attempts, ended_result
from kiosk.core.delivery.message import payload
from kiosk.core.delivery.secrets import SecretError

SIGNATURE_HEADER = "X-Kiosk-Signature"
TIMESTAMP_HEADER = "X-Kiosk-Timestamp"
IDEMPOTENCY_HEADER = "Idempotency-Key"
#: Receivers' error bodies are read only this far (and never stored).
_MAX_BODY = 4096


def body_bytes(request: OutgoingRequest, zone: tzinfo) -> bytes:
    return json.dumps(payload(request, zone), ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def signature(body: bytes, secret: str) -> str:
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date); None if absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, (when - now).total_seconds())


class _HTTPConnection(http.client.HTTPConnection):
    """Plain HTTP (a receiver on this machine only) whose socket the attempt's deadline ends."""

    def __init__(self, host: str, port: int | None, deadline: AttemptDeadline, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self._deadline = deadline
        self._step_timeout = timeout

    def connect(self) -> None:
        self.sock = self._deadline.connect(self.host, self.port, self._step_timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class _HTTPSConnection(http.client.HTTPSConnection):
    """HTTPS whose socket, handshake included, the attempt's deadline ends."""

    def __init__(self, host: str, port: int | None, deadline: AttemptDeadline, timeout: float, context: ssl.SSLContext):
        super().__init__(host, port, timeout=timeout, context=deadline.tls(context))
        self._deadline = deadline
        self._step_timeout = timeout

    def connect(self) -> None:
        sock = self._deadline.connect(self.host, self.port, self._step_timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]  # set by HTTPSConnection


def _status_result(
    code: int, reason: str, headers: Message | None, now: datetime, personal: tuple[str, ...]
) -> DeliveryResult:
    error = scrub(f"HTTP {code} {reason}", personal)
    if 200 <= code < 300:
        return DeliveryResult.delivered()
    if code in (408, 429) or 500 <= code < 600:
        retry_after = parse_retry_after(headers.get("Retry-After") if headers is not None else None, now)
        return DeliveryResult.transient(error, retry_after)
    if 300 <= code < 400:
        return DeliveryResult.permanent(scrub(f"HTTP {code} redirect; configure the final URL", personal))
    return DeliveryResult.permanent(error)


class WebhookChannel:
    def __init__(
        self,
        config: WebhookChannelConfig,
        zone: tzinfo,
        clock: Clock | None = None,
        environ: Mapping[str, str] | None = None,
        ssl_context_factory: Callable[[], ssl.SSLContext] = ssl.create_default_context,
    ):
        self.name = config.name
        self.config = config
        self._zone = zone
        self._clock = clock or SystemClock()
        self._environ = environ
        self._ssl_context_factory = ssl_context_factory
        self._attempts = Attempts()

    def stop(self) -> None:
        """End the send in flight now and refuse new ones (the kiosk is shutting down)."""
        self._attempts.stop()

    def send(self, request: OutgoingRequest) -> DeliveryResult:
        personal = request.personal_values()
        try:
            secret = self.config.secret.resolve(self._environ)
        except SecretError as exc:
            return DeliveryResult.permanent(str(exc))
        body = body_bytes(request, self._zone)
        now = self._clock.now()
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            IDEMPOTENCY_HEADER: request.id,
            SIGNATURE_HEADER: signature(body, secret),
            TIMESTAMP_HEADER: str(int(now.timestamp())),
            "User-Agent": "clinic-kiosk",
        }
        parts = urlsplit(self.config.url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        connected = False
        # The timeout bounds the whole attempt, however slowly the receiver trickles its answer.
        with self._attempts.start(self.config.timeout) as deadline:
            connection = self._connection(parts.scheme, parts.hostname or "", parts.port, deadline)
            try:
                connection.connect()
                connected = True
                # No redirects are followed: urllib would turn a redirected POST into a GET
                # without the body; a 3xx is reported so IT configures the final URL.
                connection.request("POST", target, body=body, headers=headers)
                response = connection.getresponse()
                response.read(_MAX_BODY)
                # Cut short at the deadline, a reply can look whole (http.client takes the end of
                # the stream for the end of the headers): only a reply that beat it counts.
                deadline.check()
                return _status_result(response.status, response.reason or "", response.headers, now, personal)
            except ssl.SSLCertVerificationError as exc:
                return DeliveryResult.transient(
                    scrub(f"TLS certificate not trusted: {exc.verify_message}", personal), unreachable=True
                )
            except (http.client.HTTPException, OSError) as exc:
                ended = ended_result(deadline)
                if ended is not None:
                    return ended
                if not connected:
                    return DeliveryResult.transient(
                        scrub(f"cannot reach the webhook: {exc}", personal), unreachable=True
                    )
                # A failure while reading the answer: the receiver may have stored the request,
                # which is why it dedupes on Idempotency-Key.
                return DeliveryResult.transient(
                    scrub(f"{type(exc).__name__}: {exc or 'timed out'}", personal), unreachable=True
                )
            finally:
                connection.close()

    def _connection(
        self, scheme: str, host: str, port: int | None, deadline: AttemptDeadline
    ) -> http.client.HTTPConnection:
        if scheme == "https":
            return _HTTPSConnection(host, port, deadline, self.config.timeout, self._ssl_context_factory())
        return _HTTPConnection(host, port, deadline, self.config.timeout)
