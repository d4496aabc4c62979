"""A deadline for one whole delivery attempt: name lookup, connecting, TLS, sending and the
server's answer.

A socket timeout limits each read, not the exchange: a server that trickles one byte every two
seconds never trips a 20-second timeout and keeps the attempt (and, before, the one delivery
thread) busy for as long as it likes. So every socket an attempt opens is registered with its
:class:`AttemptDeadline`, and a timer shuts them all down when the time is up, which wakes a
read or write blocked on them at once; each new connection also gets only the time that is
left. Stopping the kiosk ends attempts the same way (:meth:`Attempts.stop`).
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from kiosk.core.delivery.channels import DeliveryResult

#: Why an attempt ended early.
TIMED_OUT = "timed out"
STOPPED = "stopped"

_AddrInfo = tuple[Any, ...]


class DeadlineExceeded(TimeoutError):
    """The attempt's time ran out, or the kiosk is stopping."""


def _shutdown(sock: socket.socket) -> None:
    # socket.socket's own shutdown, not SSLSocket's (which drops its TLS state first, under
    # the feet of the thread reading): the reader sees the end of the stream and returns.
    with contextlib.suppress(OSError):  # already closed, or never connected
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class AttemptDeadline:
    """``seconds`` for one attempt, from :meth:`__enter__` to :meth:`__exit__`."""

    def __init__(self, seconds: float):
        if seconds <= 0:
            raise ValueError("an attempt needs a positive deadline")
        self.seconds = seconds
        self._end = time.monotonic() + seconds
        self._lock = threading.Condition()
        self._sockets: list[socket.socket] = []
        self._ended: str | None = None
        self._finished = False
        self._timer: threading.Timer | None = None

    def __enter__(self) -> AttemptDeadline:
        self._end = time.monotonic() + self.seconds
        self._timer = threading.Timer(self.seconds, self.end, args=(TIMED_OUT,))
        self._timer.daemon = True
        self._timer.name = "kiosk-delivery-deadline"
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            self._finished = True
            self._sockets.clear()

    @property
    def ended(self) -> str | None:
        """:data:`TIMED_OUT` or :data:`STOPPED` once the attempt was cut short, else None."""
        with self._lock:
            return self._ended

    def end(self, reason: str = STOPPED) -> None:
        """Cut the attempt short now (from any thread): every socket it has is shut down."""
        with self._lock:
            if self._finished or self._ended is not None:
                return
            self._ended = reason
            sockets = list(self._sockets)
            self._lock.notify_all()
        for sock in sockets:
            _shutdown(sock)

    def remaining(self) -> float:
        return max(0.0, self._end - time.monotonic())

    def check(self) -> None:
        """Raise DeadlineExceeded when the attempt has ended or its time is up."""
        ended = self.ended
        if ended is None and self.remaining() <= 0:
            ended = TIMED_OUT
            self.end(TIMED_OUT)
        if ended is not None:
            raise DeadlineExceeded(ended)

    def timeout(self, limit: float) -> float:
        """A socket timeout for the next step: ``limit`` or what is left, if less."""
        self.check()
        return max(0.001, min(limit, self.remaining()))

    def track(self, sock: socket.socket) -> None:
        """Have ``sock`` shut down when the attempt ends (at once if it already has)."""
        with self._lock:
            if self._ended is None and not self._finished:
                self._sockets.append(sock)
                return
        _shutdown(sock)
        raise DeadlineExceeded(self._ended or TIMED_OUT)

    def resolve(self, host: str, port: int) -> list[_AddrInfo]:
        """``getaddrinfo``, which no timeout or shutdown can interrupt, on a helper thread that
        is abandoned when the attempt ends (the resolver gives up on its own, later)."""
        self.check()
        answer: list[list[_AddrInfo] | OSError] = []

        def lookup() -> None:
            result: list[_AddrInfo] | OSError
            try:
                result = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except OSError as exc:
                result = exc
            with self._lock:
                answer.append(result)
                self._lock.notify_all()

        threading.Thread(target=lookup, name="kiosk-delivery-dns", daemon=True).start()
        with self._lock:
            self._lock.wait_for(lambda: answer or self._ended is not None, timeout=self.remaining())
            result = answer[0] if answer else None
        if result is None:
            self.check()
            raise DeadlineExceeded(TIMED_OUT)
        if isinstance(result, OSError):
            raise result
        return result

    def connect(self, host: str, port: int, limit: float) -> socket.socket:
        """A TCP connection to ``host:port`` that the deadline can end; each address tried gets
        at most ``limit`` seconds and never more than what is left."""
        error: OSError | None = None
        for family, kind, proto, _, address in self.resolve(host, port):
            sock = socket.socket(family, kind, proto)
            try:
                self.track(sock)
                sock.settimeout(self.timeout(limit))
                sock.connect(address)
            except OSError as exc:
                sock.close()
                if isinstance(exc, DeadlineExceeded) or self.ended is not None:
                    raise DeadlineExceeded(self.ended or TIMED_OUT) from exc
                error = exc
                continue
            return sock
        raise error or OSError(f"no address found for {host}")

    def tls(self, context: ssl.SSLContext) -> ssl.SSLContext:
        """``context``, made to register every TLS socket it wraps before its handshake, so a
        server that trickles its handshake is ended like any other."""
        deadline = self
        base: type[ssl.SSLSocket] = context.sslsocket_class

        class TrackedSSLSocket(base):  # type: ignore[valid-type,misc]  # a class per attempt's context
            def do_handshake(self, block: bool = False) -> None:
                deadline.track(self)
                super().do_handshake(block)

        context.sslsocket_class = TrackedSSLSocket
        return context


class Attempts:
    """The attempts a channel has in flight, so that stopping the kiosk ends them at once
    instead of after their deadline (which may be minutes)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._active: set[AttemptDeadline] = set()
        self._stopped = False

    @contextmanager
    def start(self, seconds: float) -> Iterator[AttemptDeadline]:
        deadline = AttemptDeadline(seconds)
        with deadline:
            with self._lock:
                stopped = self._stopped
                self._active.add(deadline)
            if stopped:
                deadline.end(STOPPED)
            try:
                yield deadline
            finally:
                with self._lock:
                    self._active.discard(deadline)

    def stop(self) -> None:
        """End every attempt in flight, and every attempt started from now on."""
        with self._lock:
            self._stopped = True
            active = list(self._active)
        for deadline in active:
            deadline.end(STOPPED)


def ended_result(deadline: AttemptDeadline) -> DeliveryResult | None:
    """What an attempt that was cut short counts as; None when it was not."""
    if deadline.ended is None and deadline.remaining() <= 0:
        # A socket timeout set to the time left fired a moment before the deadline's own timer:
        # that is the deadline too (seen on a loaded machine during a TLS handshake).
        deadline.end(TIMED_OUT)
    if deadline.ended == STOPPED:
        # Due again at once: the next start sends it (the receiver dedupes by request id).
        return DeliveryResult.transient("stopped before an answer: the kiosk was shutting down", retry_after=0.0)
    if deadline.ended == TIMED_OUT:
        return DeliveryResult.transient(
            f"timed out: no complete answer within {deadline.seconds:g} s", unreachable=True
        )
    return None
