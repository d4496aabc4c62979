"""systemd's service watchdog, spoken directly: ``READY=1`` once the first slide is up and
``WATCHDOG=1`` every ``WatchdogSec / 2`` from a QTimer on the GUI thread.

Because the ping runs on the GUI thread, a frozen event loop (a deadlock, an endless loop in a
slot) stops the pings and systemd kills and restarts the kiosk, which a ping from a helper
thread would never notice. The protocol is one datagram to the unix socket named by
``NOTIFY_SOCKET`` (see sd_notify(3)); no libsystemd needed. Without ``NOTIFY_SOCKET`` (not
under systemd, Windows) everything here does nothing.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

from PySide6.QtCore import QObject, Qt, QTimer

log = logging.getLogger(__name__)


def notify_address(env: Mapping[str, str]) -> str | bytes | None:
    """The socket address from ``NOTIFY_SOCKET``; ``@name`` is Linux's abstract namespace."""
    path = env.get("NOTIFY_SOCKET", "")
    if not path:
        return None
    if path.startswith("@"):
        return b"\0" + path[1:].encode()
    return path


def send_notify(address: str | bytes, message: str) -> bool:
    """Send one sd_notify message; False (logged by the caller) when the socket is gone."""
    if not hasattr(socket, "AF_UNIX"):
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.connect(address)
            sock.sendall(message.encode())
    except OSError:
        return False
    return True


def ping_interval_ms(env: Mapping[str, str]) -> int:
    """Half of systemd's WatchdogSec (``WATCHDOG_USEC``), as sd_watchdog_enabled(3) advises.

    ``WATCHDOG_PID``, when set, names the process systemd watches; a child started from the
    kiosk (a subprocess) must not ping on its behalf."""
    pid = env.get("WATCHDOG_PID", "")
    usec = env.get("WATCHDOG_USEC", "")
    if pid and pid != str(os.getpid()):
        return 0
    if usec.isdigit() and int(usec) > 0:
        return max(1, int(usec) // 2000)
    return 0


class SystemdNotifier(QObject):
    """Owns the GUI-thread ping timer. ``start()`` begins pinging; ``ready()`` after the first
    frame; ``stopping()`` on a clean exit (so systemd does not count it as a failure)."""

    def __init__(
        self, env: Mapping[str, str] | None = None, parent: QObject | None = None, *, interval_ms: int | None = None
    ) -> None:
        super().__init__(parent)
        environ = os.environ if env is None else env
        self._address = notify_address(environ)
        interval = ping_interval_ms(environ) if interval_ms is None else interval_ms
        self._timer = QTimer(self)
        # Precise: a coarse timer may fire up to 5 % late, eating into systemd's margin.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval)
        self._timer.timeout.connect(self.ping)
        self.pings_sent = 0
        self._failures = 0

    @property
    def enabled(self) -> bool:
        return self._address is not None

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def start(self) -> None:
        if self._address is None:
            return
        if self._timer.interval() > 0:
            self._timer.start()
            log.info("systemd watchdog: pinging every %d ms", self._timer.interval())

    def stop(self) -> None:
        self._timer.stop()

    def ready(self) -> None:
        self._send("READY=1\nSTATUS=showing slides")

    def stopping(self) -> None:
        self._timer.stop()
        self._send("STOPPING=1")

    def ping(self) -> None:
        if self._send("WATCHDOG=1"):
            self.pings_sent += 1

    def _send(self, message: str) -> bool:
        if self._address is None:
            return False
        if send_notify(self._address, message):
            self._failures = 0
            return True
        self._failures += 1
        if self._failures == 1:  # once per run of failures, not every ping
            log.warning("systemd watchdog: could not send %r to NOTIFY_SOCKET", message.split("\n")[0])
        return False
