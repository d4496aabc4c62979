"""systemd's service watchdog, spoken directly: ``READY=1`` once the first slide is up and
``WATCHDOG=1`` for each pulse of the heartbeat (:mod:`kiosk.runtime.heartbeat`), that is for
a frame really painted in a window that is on the screen, at least every ``WatchdogSec / 2``.

A ping from a free-running timer would go on while the screen is black (the window closed or
destroyed by another program, painting stuck); a ping from a helper thread would go on while
the GUI thread is frozen. Tied to painted frames, the pings stop in every one of those cases,
and systemd kills and restarts the kiosk. The protocol is one datagram to the unix socket
named by ``NOTIFY_SOCKET`` (see sd_notify(3)); no libsystemd needed. Without ``NOTIFY_SOCKET``
(not under systemd, Windows) everything here does nothing.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

from PySide6.QtCore import QObject

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
    """``ready()`` after the first frame, :meth:`ping` on each heartbeat pulse, ``stopping()``
    on a clean exit (so systemd does not count it as a failure)."""

    def __init__(self, env: Mapping[str, str] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        environ = os.environ if env is None else env
        self._address = notify_address(environ)
        #: How often systemd needs a ping (half of WatchdogSec); 0 when its watchdog is off.
        self.interval_ms = ping_interval_ms(environ) if self._address is not None else 0
        self.pings_sent = 0
        self._failures = 0

    @property
    def enabled(self) -> bool:
        return self._address is not None

    def start(self) -> None:
        if self.interval_ms > 0:
            log.info("systemd watchdog: pinging on painted frames, needed every %d ms", self.interval_ms)

    def ready(self) -> None:
        self._send("READY=1\nSTATUS=showing slides")

    def stopping(self) -> None:
        self._send("STOPPING=1")

    def ping(self) -> None:
        if self.interval_ms > 0 and self._send("WATCHDOG=1"):
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
