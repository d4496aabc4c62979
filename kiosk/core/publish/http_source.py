"""A published folder on a web server, bucket or CDN, read over HTTPS (``http://`` on loopback).

Built on ``http.client`` with one change: every read of the socket is bounded by the
check's overall deadline, not only by a per-read timeout, so a server that trickles one
byte every two seconds cannot hold a check for ever. A per-read timeout still catches a
server that accepts and then says nothing. Redirects are followed only within the same
scheme, host and port; credentials in the URL are sent (Basic auth, query string) but never
shown.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import http.client
import io
import socket
import ssl
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import IO, Any
from urllib.parse import unquote, urljoin, urlsplit

from kiosk.core.publish.deadline import Deadline
from kiosk.core.publish.manifest import MANIFEST_NAME
from kiosk.core.publish.sources import COPY_CHUNK, FetchError, ManifestFetch, identity_of
from kiosk.core.publish.urls import SourceURL, parse_source_url, redact

USER_AGENT = "clinic-kiosk"
#: How often a blocked read wakes to look at the deadline and the stop request.
_SLICE = 1.0
_REDIRECTS = (301, 302, 303, 307, 308)
_ERROR_BODY = 1024


@dataclass
class TransferStats:
    """Bytes on the wire (after TLS: the HTTP bytes) and requests made, for tests and benchmarks."""

    requests: int = 0
    sent: int = 0
    received: int = 0


class _DeadlineReader(io.RawIOBase):
    def __init__(self, owner: _DeadlineSocket) -> None:
        super().__init__()
        self._owner = owner

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        return self._owner.recv_into(buffer)

    def close(self) -> None:
        if not self.closed:
            self._owner.release_reader()
        super().close()


class _DeadlineSocket:
    """The parts of a socket ``http.client`` uses, each bounded by the deadline."""

    def __init__(
        self, sock: socket.socket, deadline: Deadline, read_timeout: float, stats: TransferStats, host: str
    ) -> None:
        self._sock = sock
        self._deadline = deadline
        self._read_timeout = read_timeout
        self._stats = stats
        self._host = host
        # Like a real socket: closing it while a response still reads from it (which
        # http.client does for "Connection: close") waits for that reader to close.
        self._readers = 0
        self._closing = False

    def sendall(self, data: bytes) -> None:
        left = self._deadline.check(f"sending a request to {self._host}")
        self._sock.settimeout(max(0.001, min(self._read_timeout, left)))
        self._sock.sendall(data)
        self._stats.sent += len(data)

    def recv_into(self, buffer: Any) -> int:
        idle = 0.0
        while True:
            left = self._deadline.check(f"waiting for {self._host}")
            wait = max(0.001, min(_SLICE, left, self._read_timeout - idle))
            self._sock.settimeout(wait)
            try:
                count = self._sock.recv_into(buffer)
            except TimeoutError:
                idle += wait
                if idle >= self._read_timeout:
                    raise FetchError(f"{self._host} sent nothing for {self._read_timeout:g} s") from None
                continue
            self._stats.received += count
            return count

    def makefile(self, mode: str = "rb", *_args: Any, **_kwargs: Any) -> io.BufferedReader:
        self._readers += 1
        return io.BufferedReader(_DeadlineReader(self))

    def release_reader(self) -> None:
        self._readers -= 1
        if self._closing and self._readers <= 0:
            self._sock.close()

    def close(self) -> None:
        self._closing = True
        if self._readers <= 0:
            self._sock.close()


class _DeadlineConnection(http.client.HTTPConnection):
    def __init__(
        self,
        host: str,
        port: int,
        deadline: Deadline,
        read_timeout: float,
        connect_timeout: float,
        stats: TransferStats,
        **kwargs: Any,
    ) -> None:
        super().__init__(host, port, timeout=connect_timeout, **kwargs)
        self._deadline = deadline
        self._read_timeout = read_timeout
        self._connect_timeout = connect_timeout
        self._stats = stats

    def connect(self) -> None:
        self.timeout = max(0.001, min(self._connect_timeout, self._deadline.check(f"connecting to {self.host}")))
        super().connect()
        self.sock = _DeadlineSocket(self.sock, self._deadline, self._read_timeout, self._stats, self.host)


class _DeadlineTLSConnection(_DeadlineConnection, http.client.HTTPSConnection):
    pass


class HttpSource:
    """The published folder at ``url`` (``https://``, or ``http://`` to loopback)."""

    def __init__(
        self,
        url: str,
        *,
        read_timeout: float = 30.0,
        connect_timeout: float = 15.0,
        max_redirects: int = 3,
        ssl_context_factory: Callable[[], ssl.SSLContext] = ssl.create_default_context,
        stats: TransferStats | None = None,
    ) -> None:
        self._url = parse_source_url(url)
        self._identity = identity_of(url.strip())
        self._read_timeout = read_timeout
        self._connect_timeout = connect_timeout
        self._max_redirects = max_redirects
        self._ssl_context_factory = ssl_context_factory
        self.stats = stats if stats is not None else TransferStats()

    @property
    def display(self) -> str:
        return self._url.redacted

    @property
    def identity(self) -> str:
        return self._identity

    @property
    def secrets(self) -> tuple[str, ...]:
        url = self._url
        found = {
            url.query,
            url.username or "",
            url.password or "",
            unquote(url.username or ""),
            unquote(url.password or ""),
        }
        # Longest first, so a secret that contains another is scrubbed whole.
        return tuple(sorted((s for s in found if len(s) >= 3), key=len, reverse=True))

    def fetch_manifest(self, validators: Mapping[str, Any] | None, deadline: Deadline, max_bytes: int) -> ManifestFetch:
        headers: dict[str, str] = {}
        if validators and validators.get("kind") == "http":
            if isinstance(validators.get("etag"), str):
                headers["If-None-Match"] = validators["etag"]
            if isinstance(validators.get("last_modified"), str):
                headers["If-Modified-Since"] = validators["last_modified"]
        with self._get(MANIFEST_NAME, headers, deadline, allow_not_modified=bool(headers)) as (response, shown):
            if response.status == 304:
                return ManifestFetch(None, dict(validators or {}))
            length = _content_length(response, shown)
            if length is not None and length > max_bytes:
                raise FetchError(f"{shown}: {length} bytes, more than the limit of {max_bytes} for a manifest")
            data = _read_body(response, max_bytes + 1, shown)
            if len(data) > max_bytes:
                raise FetchError(f"{shown}: more than the limit of {max_bytes} bytes for a manifest")
            new: dict[str, Any] = {"kind": "http"}
            for header, key in (("ETag", "etag"), ("Last-Modified", "last_modified")):
                value = response.getheader(header)
                if value and len(value) <= 200:
                    new[key] = value
            return ManifestFetch(data, new)

    def fetch_archive(self, name: str, size: int, out: IO[bytes], deadline: Deadline) -> str:
        digest = hashlib.sha256()
        with self._get(name, {}, deadline, allow_not_modified=False) as (response, shown):
            length = _content_length(response, shown)
            if length is not None and length != size:
                raise FetchError(
                    f"{shown}: {length} bytes on the server, but the manifest says {size} (still uploading?)"
                )
            left = size
            while left:
                chunk = _read(response, min(COPY_CHUNK, left), shown, size - left, size)
                if not chunk:
                    raise FetchError(f"{shown}: download cut after {size - left} of {size} bytes")
                digest.update(chunk)
                out.write(chunk)
                left -= len(chunk)
            if _read(response, 1, shown, size, size):
                raise FetchError(f"{shown}: the server sent more than the {size} bytes the manifest says")
        return digest.hexdigest()

    @contextlib.contextmanager
    def _get(
        self, name: str, headers: Mapping[str, str], deadline: Deadline, *, allow_not_modified: bool
    ) -> Iterator[tuple[http.client.HTTPResponse, str]]:
        url = self._url
        target = url.request_target(name)
        shown = redact(url.file_url(name))
        for _hop in range(self._max_redirects + 1):
            connection = self._connect(url, deadline)
            response: http.client.HTTPResponse | None = None
            try:
                response = self._send(connection, url, target, headers, shown)
                if response.status in _REDIRECTS:
                    url, target, shown = self._follow(response, url, target, shown)
                    continue
                if response.status == 200 or (response.status == 304 and allow_not_modified):
                    _refuse_encoding(response, shown)
                    yield response, shown
                    return
                raise FetchError(_status_message(response, shown, name))
            finally:
                if response is not None:
                    response.close()
                connection.close()
        raise FetchError(f"{shown}: more than {self._max_redirects} redirects")

    def _connect(self, url: SourceURL, deadline: Deadline) -> _DeadlineConnection:
        args = (url.host, url.port, deadline, self._read_timeout, self._connect_timeout, self.stats)
        if url.scheme == "https":
            return _DeadlineTLSConnection(*args, context=self._ssl_context_factory())
        return _DeadlineConnection(*args)

    def _send(
        self, connection: _DeadlineConnection, url: SourceURL, target: str, headers: Mapping[str, str], shown: str
    ) -> http.client.HTTPResponse:
        request_headers = {
            "User-Agent": USER_AGENT,
            "Accept-Encoding": "identity",  # sizes and hashes are of the bytes as published
            "Connection": "close",
            **headers,
        }
        if url.username is not None:
            credentials = f"{unquote(url.username)}:{unquote(url.password or '')}".encode()
            request_headers["Authorization"] = "Basic " + base64.b64encode(credentials).decode("ascii")
        self.stats.requests += 1
        try:
            connection.request("GET", target, headers=request_headers)
            return connection.getresponse()
        except FetchError:
            raise
        except ConnectionRefusedError:
            raise FetchError(f"{shown}: connection refused (is the server running?)") from None
        except socket.gaierror as exc:
            raise FetchError(f"{shown}: cannot find the host {url.host} ({exc.strerror or exc})") from None
        except TimeoutError:
            raise FetchError(f"{shown}: no connection to {url.host} within {connection.timeout:g} s") from None
        except ssl.SSLCertVerificationError as exc:
            raise FetchError(
                f"{shown}: the TLS certificate of {url.host} is not trusted ({exc.verify_message})"
            ) from None
        except ssl.SSLError as exc:
            raise FetchError(f"{shown}: TLS error with {url.host} ({exc.reason or exc})") from None
        except http.client.RemoteDisconnected:
            raise FetchError(f"{shown}: {url.host} closed the connection without answering") from None
        except http.client.HTTPException as exc:
            raise FetchError(f"{shown}: not a valid HTTP answer ({type(exc).__name__})") from None
        except OSError as exc:
            raise FetchError(f"{shown}: network error ({exc.strerror or exc})") from None

    def _follow(
        self, response: http.client.HTTPResponse, url: SourceURL, target: str, shown: str
    ) -> tuple[SourceURL, str, str]:
        location = response.getheader("Location")
        if not location:
            raise FetchError(f"{shown}: HTTP {response.status} redirect without a Location")
        current = f"{url.scheme}://{url.netloc}{target}"
        new = urljoin(current, location)
        try:
            parts = urlsplit(new)
            same = (
                parts.scheme,
                (parts.hostname or "").lower(),
                parts.port or (443 if parts.scheme == "https" else 80),
            ) == (
                url.scheme,
                url.host.lower(),
                url.port,
            )
        except ValueError:
            same = False
        if not same:
            raise FetchError(
                f"{shown}: redirected to another host or scheme ({redact(new)}); refused: "
                "set content.source to the final address"
            )
        new_target = parts.path or "/"
        if parts.query:
            new_target += "?" + parts.query
        return url, new_target, redact(new)


def _refuse_encoding(response: http.client.HTTPResponse, shown: str) -> None:
    encoding = (response.getheader("Content-Encoding") or "identity").strip().lower()
    if encoding not in ("identity", ""):
        raise FetchError(f"{shown}: the server sent it compressed (Content-Encoding: {encoding}) although asked not to")


def _content_length(response: http.client.HTTPResponse, shown: str) -> int | None:
    value = response.getheader("Content-Length")
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        raise FetchError(f"{shown}: bad Content-Length {value!r}") from None


def _read(response: http.client.HTTPResponse, amount: int, shown: str, done: int, total: int | None) -> bytes:
    try:
        return response.read(amount)
    except http.client.IncompleteRead:
        of = f" of {total}" if total is not None else ""
        raise FetchError(f"{shown}: download cut after {done}{of} bytes") from None
    except (http.client.HTTPException, ssl.SSLError) as exc:
        raise FetchError(f"{shown}: download failed after {done} bytes ({type(exc).__name__})") from None
    except ConnectionError as exc:
        raise FetchError(f"{shown}: download cut after {done} bytes ({exc.strerror or type(exc).__name__})") from None
    except OSError as exc:
        raise FetchError(f"{shown}: network error after {done} bytes ({exc.strerror or exc})") from None


def _read_body(response: http.client.HTTPResponse, limit: int, shown: str) -> bytes:
    parts: list[bytes] = []
    total = 0
    while total < limit:
        chunk = _read(response, min(COPY_CHUNK, limit - total), shown, total, None)
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    return b"".join(parts)


def _status_message(response: http.client.HTTPResponse, shown: str, name: str) -> str:
    status, reason = response.status, (response.reason or "").strip()
    code = f"HTTP {status}{' ' + reason if reason else ''}"
    if status in (404, 410):
        hint = "check content.source" if name == MANIFEST_NAME else f"was {name} copied along with {MANIFEST_NAME}?"
        return f"{shown}: not found ({code}); {hint}"
    if status in (401, 403):
        return f"{shown}: access denied ({code}); check the credentials or token in content.source"
    if status == 304:
        return f"{shown}: {code} to a request that asked for the whole file"
    if 500 <= status < 600:
        return f"{shown}: server error ({code}); the kiosk tries again later"
    return f"{shown}: unexpected answer ({code})"
