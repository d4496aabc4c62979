"""A proxy on loopback that makes any real server trickle: what the client sends goes through
at once, what the server answers comes back one byte every ``interval`` seconds.

Put in front of aiosmtpd or the test HTTP(S) server, it is the receiver that never trips a
per-read timeout yet never finishes. Not a test module: the delivery tests import it.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator

LOOPBACK = "127.0.0.1"


class TrickleProxy:
    def __init__(self, target_port: int, interval: float):
        self.interval = interval
        self._target = (LOOPBACK, target_port)
        self._closed = threading.Event()
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._listener = socket.create_server((LOOPBACK, 0))
        self.port = int(self._listener.getsockname()[1])
        #: Set when a client has connected (the attempt has begun).
        self.connected = threading.Event()
        threading.Thread(target=self._accept, name="trickle-accept", daemon=True).start()

    def _keep(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return  # closed
            self.connected.set()
            try:
                server = socket.create_connection(self._target, timeout=5)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            self._keep(client)
            self._keep(server)
            threading.Thread(target=self._pass_on, args=(client, server), daemon=True).start()
            threading.Thread(target=self._trickle, args=(server, client), daemon=True).start()

    def _pass_on(self, source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)

    def _trickle(self, source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                for i in range(len(data)):
                    # The server side of the exchange paces itself; the test never waits on this.
                    if self._closed.wait(self.interval):
                        return
                    sink.sendall(data[i : i + 1])

    def close(self) -> None:
        self._closed.set()
        self._listener.close()
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()


@contextlib.contextmanager
def trickling(target_port: int, interval: float = 0.05) -> Iterator[TrickleProxy]:
    proxy = TrickleProxy(target_port, interval)
    try:
        yield proxy
    finally:
        proxy.close()
