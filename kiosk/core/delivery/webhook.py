"""The webhook channel: a signed JSON POST over HTTPS."""

from __future__ import annotations

import hashlib
import hmac
import http.client
import json
import ssl
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from datetime import datetime, tzinfo
from email.message import Message
from email.utils import parsedate_to_datetime

from kiosk.core.clock import Clock, SystemClock
from kiosk.core.delivery.channels import DeliveryResult, OutgoingRequest, scrub
from kiosk.core.delivery.config import WebhookChannelConfig
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


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    # urllib would turn a redirected POST into a GET without the body, silently losing the
    # request; a redirect is reported instead so IT configures the final URL.
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        return None


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

    def send(self, request: OutgoingRequest) -> DeliveryResult:
        personal = request.personal_values()
        try:
            secret = self.config.secret.resolve(self._environ)
        except SecretError as exc:
            return DeliveryResult.permanent(str(exc))
        body = body_bytes(request, self._zone)
        now = self._clock.now()
        http_request = urllib.request.Request(
            self.config.url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json; charset=utf-8",
                IDEMPOTENCY_HEADER: request.id,
                SIGNATURE_HEADER: signature(body, secret),
                TIMESTAMP_HEADER: str(int(now.timestamp())),
                "User-Agent": "clinic-kiosk",
            },
        )
        opener = urllib.request.build_opener(
            _NoRedirects(), urllib.request.HTTPSHandler(context=self._ssl_context_factory())
        )
        try:
            with opener.open(http_request, timeout=self.config.timeout) as response:
                response.read(_MAX_BODY)
                return _status_result(response.status, response.reason or "", response.headers, now, personal)
        except urllib.error.HTTPError as exc:
            with exc:
                return _status_result(exc.code, str(exc.reason or ""), exc.headers, now, personal)
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, ssl.SSLCertVerificationError):
                return DeliveryResult.transient(
                    scrub(f"TLS certificate not trusted: {reason.verify_message}", personal)
                )
            return DeliveryResult.transient(scrub(f"cannot reach the webhook: {reason}", personal))
        except (http.client.HTTPException, OSError) as exc:
            # A timeout while reading the answer: the receiver may have stored the request,
            # which is why it dedupes on Idempotency-Key.
            return DeliveryResult.transient(scrub(f"{type(exc).__name__}: {exc or 'timed out'}", personal))
