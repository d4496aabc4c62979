"""The email channel against a real SMTP server (aiosmtpd) on loopback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk.core.delivery.channels import Outcome
from kiosk.core.delivery.config import EmailChannelConfig
from kiosk.core.delivery.email import EmailChannel
from kiosk.core.delivery.secrets import SecretRef
from tests.helpers.delivery_servers import (
    DENVER,
    LOOPBACK,
    PATIENT_EMAIL,
    PATIENT_NAME,
    PATIENT_PHONE,
    SmtpServer,
    free_port,
    sample_request,
    start_smtp,
)


def email_config(port: int, **changes: Any) -> EmailChannelConfig:
    values: dict[str, Any] = {
        "name": "email",
        "host": LOOPBACK,
        "port": port,
        "security": "none",
        "sender": "kiosk@atlaspt.example",
        "recipients": ("frontdesk@atlaspt.example",),
        "timeout": 5.0,
    }
    values.update(changes)
    return EmailChannelConfig(**values)


def channel(port: int, **changes: Any) -> EmailChannel:
    return EmailChannel(email_config(port, **changes), DENVER, "Atlas Physical Therapy", environ={})


def test_delivers_a_readable_message_with_every_detail(smtp_server: SmtpServer) -> None:
    result = channel(smtp_server.port).send(sample_request())

    assert result.outcome is Outcome.DELIVERED
    [(envelope, msg)] = smtp_server.handler.messages
    assert envelope.mail_from == "kiosk@atlaspt.example"
    assert envelope.rcpt_tos == ["frontdesk@atlaspt.example"]
    assert msg["Subject"] == "Information request: dry needling +1 more (#34ef56)"
    assert msg["Message-ID"] == "<kiosk-request-ab12cd34ef56@atlaspt.example>"
    assert msg["Reply-To"] == PATIENT_EMAIL
    text = msg.get_body(preferencelist=("plain",)).get_content()
    for expected in (
        PATIENT_NAME,
        PATIENT_PHONE,
        PATIENT_EMAIL,
        "Dry Needling, Back Pain",
        "Morning",
        "Spanish (es)",
        "ab12cd34ef56",
        # 23:15 UTC is 4:15 PM in Denver (MST) on that day
        "Thursday, November 26, 2026, 4:15 PM MST",
    ):
        assert expected in text, expected
    html = msg.get_body(preferencelist=("html",)).get_content()
    assert PATIENT_NAME in html


def test_html_alternative_escapes_what_the_patient_typed(smtp_server: SmtpServer) -> None:
    channel(smtp_server.port).send(sample_request(name="<b>Ann & Bo</b>"))

    [(_, msg)] = smtp_server.handler.messages
    html = msg.get_body(preferencelist=("html",)).get_content()
    assert "&lt;b&gt;Ann &amp; Bo&lt;/b&gt;" in html
    assert "<b>Ann" not in html


def test_plain_text_only_when_html_is_off(smtp_server: SmtpServer) -> None:
    channel(smtp_server.port, html=False).send(sample_request())

    [(_, msg)] = smtp_server.handler.messages
    assert msg.get_content_type() == "text/plain"


def test_resending_carries_the_same_message_id(smtp_server: SmtpServer) -> None:
    email = channel(smtp_server.port)
    email.send(sample_request())
    email.send(sample_request())

    ids = [msg["Message-ID"] for _, msg in smtp_server.handler.messages]
    assert len(ids) == 2 and ids[0] == ids[1]


def test_server_down_is_transient() -> None:
    result = channel(free_port()).send(sample_request())

    assert result.outcome is Outcome.TRANSIENT
    assert result.error and "Connection" in result.error


def test_smtp_5xx_is_permanent_and_the_error_has_no_patient_data(smtp_server: SmtpServer) -> None:
    smtp_server.handler.data_reply = (
        f"554 5.7.1 Rejected: message from {PATIENT_NAME} <{PATIENT_EMAIL}> {PATIENT_PHONE}"
    )

    result = channel(smtp_server.port).send(sample_request())

    assert result.outcome is Outcome.PERMANENT
    assert result.error is not None and result.error.startswith("SMTP 554")
    for value in (PATIENT_NAME, PATIENT_EMAIL, PATIENT_PHONE, "3035550123"):
        assert value not in result.error


def test_smtp_4xx_is_transient(smtp_server: SmtpServer) -> None:
    smtp_server.handler.data_reply = "451 4.3.0 Mailbox temporarily unavailable"

    result = channel(smtp_server.port).send(sample_request())

    assert result.outcome is Outcome.TRANSIENT
    assert result.error == "SMTP 451 4.3.0 Mailbox temporarily unavailable"


def test_recipient_refused_for_good_is_permanent(smtp_server: SmtpServer) -> None:
    smtp_server.handler.rcpt_reply = "550 5.1.1 No such user"

    result = channel(smtp_server.port).send(sample_request())

    assert result.outcome is Outcome.PERMANENT
    assert smtp_server.handler.messages == []


def test_auth_with_a_password_from_an_environment_variable() -> None:
    server = start_smtp(credentials=("kiosk", "s3cret pass"))
    try:
        email = EmailChannel(
            email_config(server.port, username="kiosk", password=SecretRef("f", env="KIOSK_SMTP_PASSWORD")),
            DENVER,
            "Atlas",
            environ={"KIOSK_SMTP_PASSWORD": "s3cret pass"},
        )
        assert email.send(sample_request()).outcome is Outcome.DELIVERED
        assert server.logins == [("kiosk", "s3cret pass")]
        assert len(server.handler.messages) == 1
    finally:
        server.stop()


def test_auth_with_a_password_from_a_file(tmp_path: Path) -> None:
    secret = tmp_path / "smtp-password"
    secret.write_text("from-a-file\n", encoding="utf-8")
    secret.chmod(0o600)
    server = start_smtp(credentials=("kiosk", "from-a-file"))
    try:
        email = EmailChannel(
            email_config(server.port, username="kiosk", password=SecretRef("f", file=secret)),
            DENVER,
            "Atlas",
            environ={},
        )
        assert email.send(sample_request()).outcome is Outcome.DELIVERED
        assert server.logins == [("kiosk", "from-a-file")]
    finally:
        server.stop()


def test_wrong_password_is_permanent() -> None:
    server = start_smtp(credentials=("kiosk", "right"))
    try:
        email = EmailChannel(
            email_config(server.port, username="kiosk", password=SecretRef("f", env="PW")),
            DENVER,
            "Atlas",
            environ={"PW": "wrong"},
        )
        result = email.send(sample_request())
        assert result.outcome is Outcome.PERMANENT
        assert result.error is not None and "535" in result.error and "wrong" not in result.error
        assert server.handler.messages == []
    finally:
        server.stop()


def test_missing_password_variable_is_permanent_and_names_the_field(smtp_server: SmtpServer) -> None:
    email = EmailChannel(
        email_config(
            smtp_server.port,
            username="kiosk",
            password=SecretRef("delivery.channels[0].password_env", env="NOPE_UNSET"),
        ),
        DENVER,
        "Atlas",
        environ={},
    )
    result = email.send(sample_request())

    assert result.outcome is Outcome.PERMANENT
    assert result.error == "delivery.channels[0].password_env: environment variable NOPE_UNSET is not set or empty"


@pytest.mark.parametrize("security", ["starttls"])
def test_starttls_required_but_not_offered_is_permanent(smtp_server: SmtpServer, security: str) -> None:
    result = channel(smtp_server.port, security=security).send(sample_request())

    assert result.outcome is Outcome.PERMANENT
    assert result.error is not None and "STARTTLS" in result.error
    assert smtp_server.handler.messages == []
