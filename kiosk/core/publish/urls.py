"""Content source addresses: which URLs are allowed, and how they are shown without secrets.

A source URL may carry credentials: ``user:password@`` or a query string such as an Azure
SAS token or an S3 presigned signature. They are used for the requests but never shown:
:func:`redact` is what logs, messages and the status file get.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import SplitResult, quote, urlsplit, urlunsplit

REDACTED = "REDACTED"


class SourceURLError(ValueError):
    """A source URL the kiosk will not use; the message is written for IT staff."""


def is_loopback_host(host: str) -> bool:
    """``localhost`` or a loopback IP literal: the only hosts plain ``http://`` may name."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def looks_like_url(text: str) -> bool:
    return "://" in text


@dataclass(frozen=True)
class SourceURL:
    """A checked source address; ``folder`` is the URL of the published folder (ends with ``/``)."""

    scheme: str
    host: str
    port: int
    folder_path: str  # percent-encoded, ends with "/"
    query: str  # kept for every request (a SAS token covers the whole folder)
    username: str | None
    password: str | None

    def file_url(self, name: str) -> str:
        """The URL of ``name`` in the published folder, with the query string (a token: never
        log it); a user name and password go in the Authorization header instead."""
        netloc = self.netloc
        return urlunsplit((self.scheme, netloc, self.folder_path + quote(name), self.query, ""))

    @property
    def netloc(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = 443 if self.scheme == "https" else 80
        return host if self.port == default else f"{host}:{self.port}"

    @property
    def redacted(self) -> str:
        return redact(urlunsplit((self.scheme, self.netloc, self.folder_path, self.query, "")))

    def request_target(self, name: str) -> str:
        """Path and query for the request line."""
        target = self.folder_path + quote(name)
        return f"{target}?{self.query}" if self.query else target


def parse_source_url(text: str) -> SourceURL:
    """Check a ``content.source`` URL: ``https://``, or ``http://`` to this machine only."""
    try:
        parts = urlsplit(text.strip())
        port = parts.port
    except ValueError as exc:
        raise SourceURLError(f"not a valid URL ({exc}): {redact(text)}") from None
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    if scheme not in ("https", "http"):
        raise SourceURLError(f"only https:// URLs (or a folder path) are allowed, not {scheme}://")
    if not host:
        raise SourceURLError(f"the URL has no host name: {redact(text)}")
    if scheme == "http" and not is_loopback_host(host):
        raise SourceURLError(
            f"plain http:// is allowed only to this machine (localhost); use https:// for {host}: "
            "a bundle is signed, but its contents and any token in the URL would travel in the clear"
        )
    if parts.fragment:
        raise SourceURLError(f"the URL has a #fragment, which a server never sees: {redact(text)}")
    path = parts.path or "/"
    if not path.endswith("/"):
        path += "/"  # the URL names the published folder; its files are found inside
    return SourceURL(
        scheme=scheme,
        host=host,
        port=port if port is not None else (443 if scheme == "https" else 80),
        folder_path=path,
        query=parts.query,
        username=parts.username,
        password=parts.password,
    )


def redact(url: str) -> str:
    """The URL without user name, password or query string (which may hold a signature)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return "<unparsable URL>"
    if not parts.scheme:
        return url if "@" not in url and "?" not in url else "<unparsable URL>"
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc += f":{port}"
    if parts.username is not None or parts.password is not None:
        netloc = f"{REDACTED}@{netloc}"
    query = REDACTED if parts.query else ""
    return urlunsplit(SplitResult(parts.scheme, netloc, parts.path, query, ""))
