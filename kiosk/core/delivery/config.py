"""The channels under ``delivery: channels:`` in kiosk.yaml as plain dataclasses, validated
field by field.

The config loader keeps each channel as a mapping; :func:`parse_channels` checks them and
every problem names the file and the field (``kiosk.yaml: delivery.channels[0].port: ...``).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from kiosk.core.config import DELIVERY_CHANNELS, Config
from kiosk.core.delivery.secrets import SecretError, SecretRef
from kiosk.core.problems import Problem

Security = Literal["starttls", "tls", "none"]
SECURITY_CHOICES: tuple[str, ...] = ("starttls", "tls", "none")
DEFAULT_PORTS: dict[str, int] = {"starttls": 587, "tls": 465, "none": 25}
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")
_ADDRESS = re.compile(r"^[^\s@<>\"]+@[^\s@<>\"]+\.[^\s@<>\"]+$")


class DeliveryConfigError(Exception):
    """The delivery section is wrong; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True)
class EmailChannelConfig:
    name: str
    host: str
    port: int
    security: Security
    sender: str
    recipients: tuple[str, ...]
    username: str | None = None
    password: SecretRef | None = None
    timeout: float = 20.0
    html: bool = True
    type: Literal["email"] = "email"


@dataclass(frozen=True)
class WebhookChannelConfig:
    name: str
    url: str
    secret: SecretRef
    timeout: float = 15.0
    type: Literal["webhook"] = "webhook"


ChannelConfig = EmailChannelConfig | WebhookChannelConfig


def is_loopback_host(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class _Reader:
    """Reads typed fields out of one mapping, collecting problems instead of stopping at the first."""

    def __init__(self, data: Mapping[str, Any], prefix: str, path: str, problems: list[Problem]):
        self.data, self.prefix, self.path, self.problems = data, prefix, path, problems

    def error(self, key: str, message: str) -> None:
        self.problems.append(Problem(self.path, None, f"{self.prefix}.{key}" if key else self.prefix, message))

    def string(self, key: str, required: bool = False, default: str | None = None) -> str | None:
        value = self.data.get(key)
        if value is None:
            if required:
                self.error(key, "is required")
            return default
        if not isinstance(value, str) or not value.strip():
            self.error(key, "must be a non-empty text")
            return default
        return value.strip()

    def number(self, key: str, default: float, low: float, high: float) -> float:
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.error(key, f"must be a number of seconds, got {type(value).__name__}")
            return default
        if not low <= value <= high:
            self.error(key, f"must be between {low:g} and {high:g}, got {value:g}")
            return default
        return float(value)

    def secret(self, stem: str, required: bool) -> SecretRef | None:
        if stem in self.data:
            self.error(
                stem,
                f"never write the {stem} in the config file; "
                f"use {stem}_env (an environment variable) or {stem}_file (a file readable only by the kiosk)",
            )
            return None
        env = self.string(f"{stem}_env")
        file = self.string(f"{stem}_file")
        if env and file:
            self.error(f"{stem}_env", f"give either {stem}_env or {stem}_file, not both")
            return None
        if env:
            return SecretRef(f"{self.prefix}.{stem}_env", env=env)
        if file:
            return SecretRef(f"{self.prefix}.{stem}_file", file=Path(file).expanduser())
        if required and f"{stem}_env" not in self.data and f"{stem}_file" not in self.data:
            self.error(f"{stem}_env", f"is required (or {stem}_file)")
        return None

    def unknown(self, allowed: set[str]) -> None:
        for key in self.data:
            if key not in allowed and key not in ("password", "secret"):
                self.error(str(key), f"unknown field (allowed: {', '.join(sorted(allowed))})")


_EMAIL_FIELDS = {
    "type",
    "name",
    "host",
    "port",
    "security",
    "sender",
    "to",
    "username",
    "password_env",
    "password_file",
    "timeout",
    "html",
}
_WEBHOOK_FIELDS = {"type", "name", "url", "secret_env", "secret_file", "timeout"}


def _email(r: _Reader, name: str) -> EmailChannelConfig | None:
    r.unknown(_EMAIL_FIELDS)
    before = len(r.problems)
    host = r.string("host", required=True)
    security = r.string("security", default="starttls")
    if security not in SECURITY_CHOICES:
        r.error("security", f"must be one of {', '.join(SECURITY_CHOICES)}, got {security!r}")
        security = "starttls"
    if security == "none" and host and not is_loopback_host(host):
        r.error(
            "security",
            "'none' sends patient data unencrypted; it is only allowed for a server on "
            "this machine (localhost); use starttls or tls",
        )
    port_value = r.data.get("port", DEFAULT_PORTS[security])
    port = DEFAULT_PORTS[security]
    if isinstance(port_value, bool) or not isinstance(port_value, int) or not 1 <= port_value <= 65535:
        r.error("port", f"must be a whole number from 1 to 65535, got {port_value!r}")
    else:
        port = port_value
    sender = r.string("sender", required=True)
    if sender and not _ADDRESS.match(sender):
        r.error("sender", f"is not an email address: {sender!r}")
    to = r.data.get("to")
    recipients: list[str] = []
    if to is None:
        r.error("to", "is required (the front desk's address, or a list of addresses)")
    else:
        items = [to] if isinstance(to, str) else to if isinstance(to, list) else None
        if not items:
            r.error("to", "must be an address or a non-empty list of addresses")
        else:
            for i, item in enumerate(items):
                if not isinstance(item, str) or not _ADDRESS.match(item.strip()):
                    r.error(f"to[{i}]", f"is not an email address: {item!r}")
                else:
                    recipients.append(item.strip())
    username = r.string("username")
    password = r.secret("password", required=False)
    if username and password is None and "password" not in r.data:
        r.error("password_env", "username is set, so a password is required (password_env or password_file)")
    if password is not None and not username:
        r.error("username", "a password is configured, so username is required")
    timeout = r.number("timeout", 20.0, 1.0, 300.0)
    html = r.data.get("html", True)
    if not isinstance(html, bool):
        r.error("html", "must be true or false")
        html = True
    if len(r.problems) > before:
        return None
    assert host and sender
    return EmailChannelConfig(
        name=name,
        host=host,
        port=port,
        security=security,  # type: ignore[arg-type]  # checked against SECURITY_CHOICES above
        sender=sender,
        recipients=tuple(recipients),
        username=username,
        password=password,
        timeout=timeout,
        html=html,
    )


def _webhook(r: _Reader, name: str) -> WebhookChannelConfig | None:
    r.unknown(_WEBHOOK_FIELDS)
    before = len(r.problems)
    url = r.string("url", required=True)
    if url:
        parts = urlsplit(url)
        if parts.scheme not in ("https", "http") or not parts.hostname:
            r.error("url", f"must be an https:// address, got {url!r}")
        elif parts.scheme == "http" and not is_loopback_host(parts.hostname):
            r.error("url", "must use https:// (http:// is only allowed for a receiver on this machine)")
        elif parts.username or parts.password:
            r.error(
                "url", "must not contain a user name or password; the request is signed with secret_env/secret_file"
            )
    secret = r.secret("secret", required=True)
    timeout = r.number("timeout", 15.0, 1.0, 300.0)
    if len(r.problems) > before or secret is None:
        return None
    assert url
    return WebhookChannelConfig(name=name, url=url, secret=secret, timeout=timeout)


def parse_channels(data: Any, path: str = "kiosk.yaml", prefix: str = "delivery.channels") -> tuple[ChannelConfig, ...]:
    """``data`` is the list under ``delivery: channels:`` (``None`` or empty = deliver nowhere)."""
    if data is None:
        return ()
    problems: list[Problem] = []
    if not isinstance(data, (list, tuple)):
        raise DeliveryConfigError([Problem(path, None, prefix, "must be a list of channels")])
    channels: list[ChannelConfig] = []
    seen: set[str] = set()
    for i, raw in enumerate(data):
        item_prefix = f"{prefix}[{i}]"
        if not isinstance(raw, Mapping):
            problems.append(Problem(path, None, item_prefix, "must be a mapping with a 'type' (email or webhook)"))
            continue
        r = _Reader(raw, item_prefix, path, problems)
        kind = raw.get("type")
        if kind not in ("email", "webhook"):
            r.error("type", f"must be 'email' or 'webhook', got {kind!r}")
            continue
        name = r.string("name", default=kind) or kind
        if not _NAME.match(name):
            r.error("name", "must be 1-32 lowercase letters, digits, '-' or '_'")
        elif name in seen:
            r.error("name", f"{name!r} is used by another channel; give each channel a distinct name")
        seen.add(name)
        channel = _email(r, name) if kind == "email" else _webhook(r, name)
        if channel is not None:
            channels.append(channel)
    if problems:
        raise DeliveryConfigError(problems)
    return tuple(channels)


@dataclass(frozen=True)
class DeliverySetup:
    """The channels the kiosk delivers through, or why it delivers nowhere.

    A mistake anywhere under ``delivery:`` turns delivery off as a whole (a half-configured
    delivery would send to some channels and silently not to others); the kiosk still starts
    and stores requests. ``problems`` is what to show IT and staff until it is fixed.
    """

    channels: tuple[ChannelConfig, ...]
    problems: tuple[Problem, ...] = ()

    @property
    def off_by_mistake(self) -> bool:
        return any(p.is_error for p in self.problems)

    def summary(self) -> str:
        """One line for the log and the staff screen ("" when delivery is fine)."""
        if not self.off_by_mistake:
            return ""
        return "delivery is off until kiosk.yaml is fixed (requests are stored, not sent): " + "; ".join(
            str(p) for p in self.problems
        )


def delivery_setup(config: Config) -> DeliverySetup:
    """The checked channels of ``config``, or every problem in its ``delivery:`` section."""
    problems = list(config.delivery_problems)
    if problems:
        return DeliverySetup((), tuple(problems))
    try:
        channels = parse_channels(config[DELIVERY_CHANNELS] or None, path=str(config.path or "kiosk.yaml"))
    except DeliveryConfigError as exc:
        return DeliverySetup((), exc.problems)
    return DeliverySetup(channels)


def secret_file_problems(channels: tuple[ChannelConfig, ...], path: str = "kiosk.yaml") -> list[Problem]:
    """Secret files that cannot be used as they are (missing, not private, a named pipe...).

    For ``kiosk config check`` and ``kiosk doctor``, run as the kiosk's user; the running kiosk
    finds the same at each send and marks the delivery failed. Secrets in environment
    variables are not looked at: the checking shell's environment is not the kiosk's.
    """
    problems: list[Problem] = []
    for channel in channels:
        ref = channel.secret if isinstance(channel, WebhookChannelConfig) else channel.password
        if ref is None or ref.file is None:
            continue
        try:
            ref.resolve()
        except SecretError as exc:
            problems.append(Problem(path, None, exc.field, exc.reason))
    return problems
