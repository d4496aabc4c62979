"""Real servers on loopback for the delivery tests: SMTP (aiosmtpd) and HTTP (http.server).

The delivery tests import these helpers; their fixtures (``smtp_server``, ``http_server``) are
in ``tests/core/conftest.py``.
"""

from __future__ import annotations

import contextlib
import queue
import socket
import ssl
import subprocess
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from kiosk.core.delivery.channels import OutgoingRequest, TopicRef

LOOPBACK = "127.0.0.1"


def free_port() -> int:
    """A port nothing listens on (bound then released), for "server down" cases."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


# --- SMTP --------------------------------------------------------------------------------


class RecordingHandler:
    """Accepts mail and keeps it; ``rcpt_reply`` / ``data_reply`` make the server refuse."""

    def __init__(self) -> None:
        self.messages: list[tuple[Envelope, EmailMessage]] = []
        self.rcpt_reply: str | None = None
        self.data_reply: str | None = None

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, rcpt_options: list[str]
    ) -> str:
        if self.rcpt_reply:
            return self.rcpt_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.data_reply:
            return self.data_reply
        content = envelope.original_content or envelope.content
        assert isinstance(content, bytes)
        msg = message_from_bytes(content, policy=policy.default)
        assert isinstance(msg, EmailMessage)
        self.messages.append((envelope, msg))
        return "250 Message accepted for delivery"


@dataclass
class SmtpServer:
    port: int
    handler: RecordingHandler
    controller: Controller
    logins: list[tuple[str, str]] = field(default_factory=list)

    def stop(self) -> None:
        self.controller.stop()


def start_smtp(port: int = 0, credentials: tuple[str, str] | None = None, **tls: Any) -> SmtpServer:
    """``tls``: aiosmtpd's ``tls_context`` + ``require_starttls`` (STARTTLS) or ``ssl_context``
    (implicit TLS)."""
    handler = RecordingHandler()
    logins: list[tuple[str, str]] = []
    kwargs: dict[str, Any] = dict(tls)
    if credentials is not None:

        def authenticate(
            server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: Any
        ) -> AuthResult:
            assert isinstance(auth_data, LoginPassword)
            pair = (auth_data.login.decode(), auth_data.password.decode())
            logins.append(pair)
            # handled=False: aiosmtpd then answers 535 itself.
            return AuthResult(success=pair == credentials, handled=False)

        # Plain-text AUTH is acceptable only because this server is on loopback in a test.
        kwargs.update(authenticator=authenticate, auth_require_tls=False)
    controller = Controller(handler, hostname=LOOPBACK, port=port or free_port(), **kwargs)
    controller.start()
    return SmtpServer(controller.port, handler, controller, logins)


# --- TLS ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Certificate:
    """A self-signed certificate for 127.0.0.1, made with the openssl command line."""

    cert: Path
    key: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert, self.key)
        return context

    def client_context(self) -> ssl.SSLContext:
        """The default, verifying context, trusting this certificate as well."""
        return ssl.create_default_context(cafile=str(self.cert))


def make_certificate(folder: Path) -> Certificate:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "2",
            "-subj",
            f"/CN={LOOPBACK}",
            "-addext",
            f"subjectAltName=IP:{LOOPBACK}",
        ],
        check=True,
        capture_output=True,
    )
    return Certificate(cert, key)


# --- HTTP --------------------------------------------------------------------------------


@dataclass
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b'{"ok":true}'
    #: Wait for this event before answering (a slow receiver); released at teardown.
    hold: threading.Event | None = None


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


class HttpServer:
    """Answers POSTs from a script of replies (then 200s) and records every request."""

    def __init__(self, port: int = 0, tls: ssl.SSLContext | None = None):
        self.received: list[Received] = []
        self.replies: queue.SimpleQueue[Reply] = queue.SimpleQueue()
        self._holds: list[threading.Event] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                outer.received.append(Received(self.path, dict(self.headers.items()), body))
                try:
                    reply = outer.replies.get_nowait()
                except queue.Empty:
                    reply = Reply()
                if reply.hold is not None:
                    reply.hold.wait(timeout=30)
                self.send_response(reply.status)
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                with contextlib.suppress(OSError):  # the client gave up (timeout test)
                    self.wfile.write(reply.body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer((LOOPBACK, port), Handler)
        if tls is not None:
            self.server.socket = tls.wrap_socket(self.server.socket, server_side=True)
        self.port = int(self.server.server_address[1])
        scheme = "https" if tls is not None else "http"
        self.url = f"{scheme}://{LOOPBACK}:{self.port}/hooks/kiosk"
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def reply(self, *replies: Reply) -> None:
        for r in replies:
            if r.hold is not None:
                self._holds.append(r.hold)
            self.replies.put(r)

    def stop(self) -> None:
        for hold in self._holds:
            hold.set()
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=10)


# --- sample data -------------------------------------------------------------------------

DENVER = ZoneInfo("America/Denver")
#: A marker that must never show up in stored error text.
PATIENT_NAME = "Zebulon Quixotic-Marker"
PATIENT_PHONE = "+13035550123"
PATIENT_EMAIL = "zebulon.marker@example.org"


def sample_request(request_id: str = "ab12cd34ef56", **changes: Any) -> OutgoingRequest:
    values: dict[str, Any] = {
        "id": request_id,
        "created_at": datetime(2026, 11, 26, 23, 15, tzinfo=UTC),
        "name": PATIENT_NAME,
        "phone": PATIENT_PHONE,
        "email": PATIENT_EMAIL,
        "topics": (TopicRef("dry-needling", "Dry Needling"), TopicRef("back-pain", "Back Pain")),
        "preferred_time": "morning",
        "language": "es",
    }
    values.update(changes)
    return OutgoingRequest(**values)
