"""systemd's side of sd_notify, for the watchdog tests: a unix datagram socket in a temp dir
that records each message (with the monotonic time it arrived, when read by a thread).

Not a test module: the watchdog and real-window tests import it.
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path


class FakeSystemd:
    """Receives sd_notify datagrams on a socket at ``path``, like systemd does."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(path))
        self.sock.setblocking(False)
        self.messages: list[str] = []
        #: (arrival time on time.monotonic, message), filled by :meth:`listen`'s thread.
        self.timed: list[tuple[float, str]] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def drain(self) -> list[str]:
        while True:
            try:
                self.messages.append(self.sock.recv(4096).decode())
            except BlockingIOError:
                return self.messages

    def count(self, message: str) -> int:
        return sum(1 for m in self.drain() if m == message)

    def listen(self) -> None:
        """Record every message with its arrival time, from a thread (a kiosk in another
        process sends them whatever the test is doing)."""
        self.sock.settimeout(0.1)

        def receive() -> None:
            while not self._stop.is_set():
                try:
                    data = self.sock.recv(4096)
                except TimeoutError:
                    continue
                except OSError:
                    return
                self.timed.append((time.monotonic(), data.decode()))

        self._thread = threading.Thread(target=receive, name="fake-systemd", daemon=True)
        self._thread.start()

    def pings_between(self, start: float, end: float) -> int:
        return sum(1 for at, message in list(self.timed) if message == "WATCHDOG=1" and start <= at <= end)

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
        self.sock.close()
