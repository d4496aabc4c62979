"""The email channel: one readable message per request to the front desk over SMTP, within a
deadline for the whole attempt (:mod:`kiosk.core.delivery.deadline`)."""

from __future__ import annotations

import html
import smtplib
import socket
import ssl
from collections.abc import Callable, Mapping
from datetime import tzinfo
from email.message import EmailMessage
from email.utils import format_datetime

from kiosk.core.delivery.channels import DeliveryResult, OutgoingRequest, scrub
from kiosk.core.delivery.config import EmailChannelConfig
from kiosk.core.delivery.deadline import AttemptDeadline, Attempts, ended_result
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
        self._attempts = Attempts()

    def stop(self) -> None:
        """End the send in flight now and refuse new ones (the kiosk is shutting down)."""
        self._attempts.stop()

    def send(self, request: OutgoingRequest) -> DeliveryResult:
        personal = request.personal_values()
        cfg = self.config
        try:
            password = cfg.password.resolve(self._environ) if cfg.password else None
        except SecretError as exc:
            return DeliveryResult.permanent(str(exc))
        msg = build_message(request, cfg, self._zone, self._clinic_name)
        # The timeout bounds the whole attempt, however slowly the server trickles its replies.
        with self._attempts.start(cfg.timeout) as deadline:
            try:
                self._deliver(msg, password, deadline)
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
                return DeliveryResult.transient(
                    scrub(f"TLS certificate not trusted: {exc.verify_message}", personal), unreachable=True
                )
            except (smtplib.SMTPException, OSError) as exc:
                ended = ended_result(deadline)
                if ended is not None:
                    return ended
                return DeliveryResult.transient(scrub(f"{type(exc).__name__}: {exc}", personal), unreachable=True)
        return DeliveryResult.delivered()

    def _deliver(self, msg: EmailMessage, password: str | None, deadline: AttemptDeadline) -> None:
        cfg = self.config
        smtp: smtplib.SMTP
        # Connects (through the deadline) and reads the greeting; refused greetings raise.
        if cfg.security == "tls":
            context = deadline.tls(self._ssl_context_factory())
            smtp = _DeadlineSMTPSSL(deadline, cfg.host, cfg.port, timeout=cfg.timeout, context=context)
        else:
            smtp = _DeadlineSMTP(deadline, cfg.host, cfg.port, timeout=cfg.timeout)
        try:
            smtp.ehlo()
            if cfg.security == "starttls":
                smtp.starttls(context=deadline.tls(self._ssl_context_factory()))
                smtp.ehlo()
            if cfg.username and password is not None:
                smtp.login(cfg.username, password)
            # A partial refusal still reached the front desk; only "all refused" raises.
            smtp.send_message(msg, from_addr=cfg.sender, to_addrs=list(cfg.recipients))
            # The server's "250" must have come in before the deadline cut the connection; what
            # happens to QUIT after that no longer matters.
            deadline.check()
        finally:
            try:
                smtp.quit()
            except (smtplib.SMTPException, OSError):
                smtp.close()


class _DeadlineSMTP(smtplib.SMTP):
    """SMTP whose connection the attempt's deadline ends."""

    def __init__(self, deadline: AttemptDeadline, host: str, port: int, *, timeout: float):
        self._deadline = deadline
        super().__init__(host, port, timeout=timeout)

    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        return self._deadline.connect(host, port, timeout)


class _DeadlineSMTPSSL(smtplib.SMTP_SSL):
    """SMTP over TLS from the first byte, ended by the deadline like :class:`_DeadlineSMTP`."""

    def __init__(self, deadline: AttemptDeadline, host: str, port: int, *, timeout: float, context: ssl.SSLContext):
        self._deadline = deadline
        super().__init__(host, port, timeout=timeout, context=context)

    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        sock = self._deadline.connect(host, port, timeout)
        return self.context.wrap_socket(sock, server_hostname=host)
