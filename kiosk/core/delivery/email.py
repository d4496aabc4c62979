"""The email channel: one readable message per request to the front desk over SMTP."""

from __future__ import annotations

import html
import smtplib
import ssl
from collections.abc import Callable, Mapping
from datetime import tzinfo
from email.message import EmailMessage
from email.utils import format_datetime

from kiosk.core.delivery.channels import DeliveryResult, OutgoingRequest, scrub
from kiosk.core.delivery.config import EmailChannelConfig
from kiosk.core.delivery.message import detail_rows, plain_text, subject
from kiosk.core.delivery.secrets import SecretError


def message_id(request: OutgoingRequest, sender: str) -> str:
    """The same for every resend of a request, so mail systems and people can dedupe."""
    domain = sender.rpartition("@")[2] or "kiosk.invalid"
    safe_id = "".join(c for c in request.id if c.isalnum() or c in "-_.")
    return f"<kiosk-request-{safe_id}@{domain}>"


def build_message(request: OutgoingRequest, config: EmailChannelConfig, zone: tzinfo, clinic_name: str) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = subject(request)
    msg["From"] = config.sender
    msg["To"] = ", ".join(config.recipients)
    msg["Date"] = format_datetime(request.created_at)
    msg["Message-ID"] = message_id(request, config.sender)
    msg["X-Kiosk-Request-Id"] = request.id
    if request.email:
        # Lets the front desk answer the patient with one click.
        msg["Reply-To"] = request.email
    msg.set_content(plain_text(request, zone, clinic_name))
    if config.html:
        msg.add_alternative(_html(request, zone, clinic_name), subtype="html")
    return msg


def _html(request: OutgoingRequest, zone: tzinfo, clinic_name: str) -> str:
    rows = "".join(
        f'<tr><th align="left" style="padding:2px 12px 2px 0">{html.escape(label)}</th>'
        f"<td>{html.escape(value)}</td></tr>"
        for label, value in detail_rows(request, zone)
    )
    return (
        '<!DOCTYPE html><html><body style="font-family:sans-serif">'
        f"<p>A patient asked {html.escape(clinic_name)} for more information at the waiting-room kiosk.</p>"
        f"<table>{rows}</table>"
        '<p style="color:#555">A repeated message with the same request id can be ignored.</p>'
        "</body></html>\n"
    )


def _smtp_code_result(code: int, text: str, personal: tuple[str, ...]) -> DeliveryResult:
    error = scrub(f"SMTP {code} {text}", personal)
    if 400 <= code < 500:
        return DeliveryResult.transient(error)
    if 500 <= code < 600:
        return DeliveryResult.permanent(error)
    return DeliveryResult.transient(error)


def _reply_text(raw: bytes | str) -> str:
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)


class EmailChannel:
    def __init__(
        self,
        config: EmailChannelConfig,
        zone: tzinfo,
        clinic_name: str,
        environ: Mapping[str, str] | None = None,
        ssl_context_factory: Callable[[], ssl.SSLContext] = ssl.create_default_context,
    ):
        self.name = config.name
        self.config = config
        self._zone = zone
        self._clinic_name = clinic_name
        self._environ = environ
        # Injectable so tests can trust their own certificate authority; never relaxed otherwise.
        self._ssl_context_factory = ssl_context_factory

    def send(self, request: OutgoingRequest) -> DeliveryResult:
        personal = request.personal_values()
        cfg = self.config
        try:
            password = cfg.password.resolve(self._environ) if cfg.password else None
        except SecretError as exc:
            return DeliveryResult.permanent(str(exc))
        msg = build_message(request, cfg, self._zone, self._clinic_name)
        try:
            self._deliver(msg, password)
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            code = next((c for c in codes if 400 <= c < 500), codes[0] if codes else 550)
            return _smtp_code_result(code, "all recipients refused", personal)
        except smtplib.SMTPNotSupportedError as exc:
            return DeliveryResult.permanent(scrub(f"SMTP server does not support this: {exc}", personal))
        except smtplib.SMTPResponseException as exc:
            return _smtp_code_result(exc.smtp_code, _reply_text(exc.smtp_error), personal)
        except ssl.SSLCertVerificationError as exc:
            # Retried rather than failed: an expired certificate on the mail server gets
            # renewed, and the request must still go out then.
            return DeliveryResult.transient(scrub(f"TLS certificate not trusted: {exc.verify_message}", personal))
        except (smtplib.SMTPException, OSError) as exc:
            return DeliveryResult.transient(scrub(f"{type(exc).__name__}: {exc}", personal))
        return DeliveryResult.delivered()

    def _deliver(self, msg: EmailMessage, password: str | None) -> None:
        cfg = self.config
        smtp: smtplib.SMTP
        if cfg.security == "tls":
            smtp = smtplib.SMTP_SSL(cfg.host, cfg.port, timeout=cfg.timeout, context=self._ssl_context_factory())
        else:
            smtp = smtplib.SMTP(cfg.host, cfg.port, timeout=cfg.timeout)
        try:
            smtp.ehlo()
            if cfg.security == "starttls":
                smtp.starttls(context=self._ssl_context_factory())
                smtp.ehlo()
            if cfg.username and password is not None:
                smtp.login(cfg.username, password)
            # A partial refusal still reached the front desk; only "all refused" raises.
            smtp.send_message(msg, from_addr=cfg.sender, to_addrs=list(cfg.recipients))
        finally:
            try:
                smtp.quit()
            except (smtplib.SMTPException, OSError):
                smtp.close()
