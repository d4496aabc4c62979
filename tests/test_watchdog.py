"""sd_notify watchdog: pings from the GUI thread stop when the GUI thread is blocked
(a fake NOTIFY_SOCKET: a unix datagram socket in tmp_path)."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from kiosk.runtime.watchdog import SystemdNotifier, notify_address, ping_interval_ms

pytestmark = pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="unix sockets only")


class FakeSystemd:
    """Receives sd_notify datagrams on a socket in tmp_path, like systemd does."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(path))
        self.sock.setblocking(False)
        self.messages: list[str] = []

    def drain(self) -> list[str]:
        while True:
            try:
                self.messages.append(self.sock.recv(4096).decode())
            except BlockingIOError:
                return self.messages

    def count(self, message: str) -> int:
        return sum(1 for m in self.drain() if m == message)


@pytest.fixture
def systemd(tmp_path: Path) -> Iterator[FakeSystemd]:
    fake = FakeSystemd(tmp_path / "notify")
    yield fake
    fake.sock.close()


def test_pings_flow_while_the_event_loop_runs_and_stop_when_it_is_blocked(qtbot: QtBot, systemd: FakeSystemd) -> None:
    notifier = SystemdNotifier({"NOTIFY_SOCKET": str(systemd.path)}, interval_ms=20)
    notifier.start()
    notifier.ready()
    qtbot.waitUntil(lambda: systemd.count("WATCHDOG=1") >= 5, timeout=5000)
    assert systemd.messages[0] == "READY=1\nSTATUS=showing slides"

    # Block the GUI thread until another thread has seen 300 ms (15 intervals) of silence.
    before = len(systemd.drain())
    silence_seen = threading.Event()
    blocked_done = threading.Event()

    def watch_silence() -> None:
        # Runs off the GUI thread: reads the socket with a timeout while the GUI is blocked.
        systemd.sock.settimeout(0.3)
        try:
            systemd.messages.append(systemd.sock.recv(4096).decode())
        except TimeoutError:
            silence_seen.set()
        finally:
            systemd.sock.setblocking(False)
            blocked_done.set()

    def block_gui_thread() -> None:
        watcher = threading.Thread(target=watch_silence)
        watcher.start()
        blocked_done.wait(timeout=10)  # the GUI thread is stuck here, as in a deadlock
        watcher.join()

    QTimer.singleShot(0, block_gui_thread)
    qtbot.waitUntil(blocked_done.is_set, timeout=5000)
    assert silence_seen.is_set(), systemd.messages[before:]
    assert len(systemd.messages) == before

    # Unblocked: pings resume.
    qtbot.waitUntil(lambda: systemd.count("WATCHDOG=1") >= before + 3, timeout=5000)
    notifier.stopping()
    qtbot.waitUntil(lambda: "STOPPING=1" in systemd.drain(), timeout=2000)


def test_no_socket_means_no_pings_and_no_errors(qtbot: QtBot) -> None:
    notifier = SystemdNotifier({}, interval_ms=10)
    notifier.start()
    notifier.ready()
    assert not notifier.enabled
    qtbot.wait(50)
    assert notifier.pings_sent == 0


def test_a_vanished_socket_is_survived(qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    notifier = SystemdNotifier({"NOTIFY_SOCKET": str(tmp_path / "gone")}, interval_ms=10)
    notifier.start()
    qtbot.wait(60)
    notifier.stop()
    assert notifier.pings_sent == 0
    assert sum("could not send" in r.message for r in caplog.records) == 1


def test_interval_is_half_of_watchdog_sec() -> None:
    assert ping_interval_ms({"WATCHDOG_USEC": "30000000"}) == 15_000
    assert ping_interval_ms({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": str(os.getpid())}) == 15_000
    assert ping_interval_ms({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"}) == 0
    assert ping_interval_ms({}) == 0
    assert ping_interval_ms({"WATCHDOG_USEC": "junk"}) == 0


def test_notifier_takes_its_interval_from_the_environment(systemd: FakeSystemd) -> None:
    notifier = SystemdNotifier({"NOTIFY_SOCKET": str(systemd.path), "WATCHDOG_USEC": "30000000"})
    assert notifier.interval_ms == 15_000


def test_abstract_socket_address() -> None:
    assert notify_address({"NOTIFY_SOCKET": "@/org/systemd/notify"}) == b"\0/org/systemd/notify"
    assert notify_address({"NOTIFY_SOCKET": "/run/systemd/notify"}) == "/run/systemd/notify"
    assert notify_address({}) is None
