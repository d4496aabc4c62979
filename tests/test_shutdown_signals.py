"""Signals reach the event loop as an ordinary call in the GUI thread (wakeup fd and socket
notifier), never as an exception inside whatever Python code Qt runs; the previous handlers
come back on uninstall. Real processes: tests/test_run_shutdown.py."""

from __future__ import annotations

import os
import signal

import pytest
from pytestqt.qtbot import QtBot

from kiosk.runtime.shutdown_signals import ShutdownSignals

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")


def test_a_signal_is_handled_in_the_event_loop_and_handlers_are_restored(qtbot: QtBot) -> None:
    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGHUP)
    signals = ShutdownSignals()
    signals.install()
    received: list[str] = []
    try:
        os.kill(os.getpid(), signal.SIGTERM)  # would end pytest without the handler
        assert signals.received == ["SIGTERM"]  # remembered at once: start-up stops between steps
        signals.watch(received.append)
        qtbot.waitUntil(lambda: received == ["SIGTERM"], timeout=5000)
        os.kill(os.getpid(), signal.SIGHUP)
        qtbot.waitUntil(lambda: received == ["SIGTERM", "SIGHUP"], timeout=5000)
    finally:
        signals.uninstall()
    after = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGHUP)
    assert after == before
    assert signal.set_wakeup_fd(-1) == -1  # no wakeup fd left behind
