"""sd_notify watchdog: a ping for each heartbeat pulse, i.e. for frames really painted in a
window on the screen; none while the window is hidden or the GUI thread is blocked (a fake
NOTIFY_SOCKET: a unix datagram socket in tmp_path)."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.runtime.heartbeat import Heartbeat
from kiosk.runtime.watchdog import SystemdNotifier, notify_address, ping_interval_ms
from tests.helpers.fake_systemd import FakeSystemd

pytestmark = pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="unix sockets only")

#: WatchdogSec of 40 ms: a ping wanted every 20 ms.
FAST_WATCHDOG = "40000"


@pytest.fixture
def systemd(tmp_path: Path) -> Iterator[FakeSystemd]:
    fake = FakeSystemd(tmp_path / "notify")
    yield fake
    fake.sock.close()


@pytest.fixture
def painting(qtbot: QtBot, tmp_path: Path, systemd: FakeSystemd) -> Iterator[tuple[QWidget, SystemdNotifier]]:
    """A window kept painting, its heartbeat pinging a notifier, as kiosk run wires them."""
    notifier = SystemdNotifier({"NOTIFY_SOCKET": str(systemd.path), "WATCHDOG_USEC": FAST_WATCHDOG})
    beat = Heartbeat(tmp_path / "heartbeat", pulse_interval_s=notifier.interval_ms / 1000)
    window = QWidget()
    window.resize(200, 100)
    qtbot.addWidget(window)
    app = QApplication.instance()
    assert app is not None
    beat.watch(app)
    beat.pulsed.connect(notifier.ping)
    window.show()
    qtbot.waitExposed(window)
    beat.keep_painting(window)
    notifier.start()
    try:
        yield window, notifier
    finally:
        beat.stop()
        app.removeEventFilter(beat)


def pinged(systemd: FakeSystemd, at_least: int) -> bool:
    return systemd.count("WATCHDOG=1") >= at_least


def test_pings_follow_painted_frames_and_stop_while_the_window_is_hidden(
    qtbot: QtBot, systemd: FakeSystemd, painting: tuple[QWidget, SystemdNotifier]
) -> None:
    window, notifier = painting
    notifier.ready()
    qtbot.waitUntil(partial(pinged, systemd, 5), timeout=5000)
    assert "READY=1\nSTATUS=showing slides" in systemd.messages

    window.hide()  # closed, or taken off the screen: nothing painted, nothing to ping for
    before = systemd.count("WATCHDOG=1")
    qtbot.wait(300)  # 15 ping intervals
    assert systemd.count("WATCHDOG=1") == before

    window.show()
    qtbot.waitUntil(partial(pinged, systemd, before + 3), timeout=5000)
    notifier.stopping()
    qtbot.waitUntil(lambda: "STOPPING=1" in systemd.drain(), timeout=2000)


def test_pings_stop_while_the_gui_thread_is_blocked(
    qtbot: QtBot, systemd: FakeSystemd, painting: tuple[QWidget, SystemdNotifier]
) -> None:
    qtbot.waitUntil(partial(pinged, systemd, 3), timeout=5000)
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
    qtbot.waitUntil(partial(pinged, systemd, before + 3), timeout=5000)  # unblocked: pings resume


def test_no_socket_means_no_pings_and_no_errors() -> None:
    notifier = SystemdNotifier({"WATCHDOG_USEC": FAST_WATCHDOG})
    notifier.start()
    notifier.ready()
    notifier.ping()
    assert not notifier.enabled and notifier.interval_ms == 0
    assert notifier.pings_sent == 0


def test_no_watchdog_means_no_pings(systemd: FakeSystemd) -> None:
    notifier = SystemdNotifier({"NOTIFY_SOCKET": str(systemd.path)})  # Type=notify, no WatchdogSec
    notifier.ready()
    notifier.ping()
    assert systemd.drain() == ["READY=1\nSTATUS=showing slides"]


def test_a_vanished_socket_is_survived(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    notifier = SystemdNotifier({"NOTIFY_SOCKET": str(tmp_path / "gone"), "WATCHDOG_USEC": FAST_WATCHDOG})
    for _ in range(5):
        notifier.ping()
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
