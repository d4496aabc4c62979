"""Checking the channels under ``delivery: channels:``, and reading secrets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk.core.delivery.channels import scrub
from kiosk.core.delivery.config import (
    DeliveryConfigError,
    EmailChannelConfig,
    WebhookChannelConfig,
    parse_channels,
)
from kiosk.core.delivery.secrets import SecretError, SecretRef

EMAIL: dict[str, Any] = {
    "type": "email",
    "host": "smtp.example.com",
    "sender": "kiosk@atlaspt.example",
    "to": "frontdesk@atlaspt.example",
    "username": "kiosk",
    "password_env": "KIOSK_SMTP_PASSWORD",
}
WEBHOOK: dict[str, Any] = {
    "type": "webhook",
    "url": "https://crm.example.com/hooks/kiosk",
    "secret_file": "/etc/kiosk/webhook-secret",
}


def problems(data: Any) -> list[str]:
    with pytest.raises(DeliveryConfigError) as info:
        parse_channels(data, path="/etc/kiosk/kiosk.yaml")
    return [str(p) for p in info.value.problems]


def test_a_valid_email_and_webhook_channel() -> None:
    email, hook = parse_channels([EMAIL, WEBHOOK])

    assert email == EmailChannelConfig(
        name="email",
        host="smtp.example.com",
        port=587,
        security="starttls",
        sender="kiosk@atlaspt.example",
        recipients=("frontdesk@atlaspt.example",),
        username="kiosk",
        password=SecretRef("delivery.channels[0].password_env", env="KIOSK_SMTP_PASSWORD"),
    )
    assert hook == WebhookChannelConfig(
        name="webhook",
        url="https://crm.example.com/hooks/kiosk",
        secret=SecretRef("delivery.channels[1].secret_file", file=Path("/etc/kiosk/webhook-secret")),
    )


def test_defaults_port_by_security() -> None:
    [tls] = parse_channels([{**EMAIL, "security": "tls"}])
    assert isinstance(tls, EmailChannelConfig) and tls.port == 465


def test_nothing_configured() -> None:
    assert parse_channels(None) == ()
    assert parse_channels([]) == ()


def test_an_inline_password_is_an_error_naming_the_field() -> None:
    assert problems([{**EMAIL, "password": "hunter2"}]) == [
        "/etc/kiosk/kiosk.yaml: delivery.channels[0].password: never write the password in the config file; "
        "use password_env (an environment variable) or password_file (a file readable only by the kiosk)"
    ]


def test_an_inline_webhook_secret_is_an_error() -> None:
    [message] = problems([{"type": "webhook", "url": "https://x.example.com/h", "secret": "abc"}])
    assert "delivery.channels[0].secret: never write the secret" in message
    assert "abc" not in message


def test_webhook_must_use_https_except_on_loopback() -> None:
    [message] = problems([{**WEBHOOK, "url": "http://crm.example.com/hook"}])
    assert "delivery.channels[0].url: must use https://" in message
    [local] = parse_channels([{**WEBHOOK, "url": "http://127.0.0.1:8080/hook"}])
    assert isinstance(local, WebhookChannelConfig)


def test_plain_smtp_only_on_loopback() -> None:
    [message] = problems([{**EMAIL, "security": "none"}])
    assert "delivery.channels[0].security: 'none' sends patient data unencrypted" in message
    [local] = parse_channels([{**EMAIL, "security": "none", "host": "localhost"}])
    assert isinstance(local, EmailChannelConfig) and local.port == 25


def test_every_problem_is_reported_at_once() -> None:
    found = problems(
        [
            {
                "type": "email",
                "port": 70000,
                "security": "ssl",
                "to": ["desk@x.example", "nope"],
                "timeout": "fast",
                "colour": "red",
            },
            {"type": "webhook"},
            {"type": "fax"},
            "email",
        ]
    )
    fields = [p.split(": ")[1] for p in found]
    assert fields == [
        "delivery.channels[0].colour",
        "delivery.channels[0].host",
        "delivery.channels[0].security",
        "delivery.channels[0].port",
        "delivery.channels[0].sender",
        "delivery.channels[0].to[1]",
        "delivery.channels[0].timeout",
        "delivery.channels[1].url",
        "delivery.channels[1].secret_env",
        "delivery.channels[2].type",
        "delivery.channels[3]",
    ]


def test_username_and_password_go_together() -> None:
    [message] = problems([{k: v for k, v in EMAIL.items() if k != "password_env"}])
    assert "delivery.channels[0].password_env: username is set, so a password is required" in message
    [message] = problems([{k: v for k, v in EMAIL.items() if k != "username"}])
    assert "delivery.channels[0].username: a password is configured" in message


def test_channel_names_must_be_distinct() -> None:
    [message] = problems([EMAIL, EMAIL])
    assert "delivery.channels[1].name: 'email' is used by another channel" in message
    first, second = parse_channels([EMAIL, {**EMAIL, "name": "billing-desk"}])
    assert (first.name, second.name) == ("email", "billing-desk")


def private_file(path: Path, text: str) -> Path:
    """A secret file as docs/delivery.md says to make one: readable by its owner only."""
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)
    return path


def test_secret_from_environment_and_file(tmp_path: Path) -> None:
    assert SecretRef("f", env="X").resolve({"X": "value"}) == "value"
    secret = private_file(tmp_path / "secret", "from-file\r\n")
    assert SecretRef("f", file=secret).resolve() == "from-file"


@pytest.mark.parametrize(
    "setup, message",
    [
        (
            lambda p: SecretRef("a.password_env", env="MISSING"),
            "a.password_env: environment variable MISSING is not set",
        ),
        (lambda p: SecretRef("a.password_file", file=p / "nope"), "a.password_file: file"),
        (lambda p: SecretRef("a.password_file", file=private_file(p / "empty", "\n")), "is empty"),
    ],
)
def test_secret_problems_name_the_field(tmp_path: Path, setup: Any, message: str) -> None:
    with pytest.raises(SecretError, match=message):
        setup(tmp_path).resolve({})


def test_scrub_removes_patient_values_addresses_and_phone_numbers() -> None:
    text = "550 rejected for Ana García <ana@example.org> call +1 (303) 555-0123 ref 5.7.1"
    assert scrub(text, ["Ana García"]) == "550 rejected for [redacted] <[address]> call [number] ref 5.7.1"
    assert len(scrub("x" * 1000)) == 200
