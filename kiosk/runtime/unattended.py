"""The unattended-operation pieces of a running kiosk, wired in one call from ``kiosk run``:
lock-down, the heartbeat file and the systemd watchdog it pings, the window guard, the stall
detector's bump and the memory ceiling.

``start_unattended`` takes the window and player that ``build_kiosk`` made; the returned
:class:`Unattended` keeps them alive and is stopped after the event loop ends.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QTimer, SignalInstance
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.runtime import exitcodes
from kiosk.runtime.heartbeat import HEARTBEAT_NAME, Heartbeat
from kiosk.runtime.memory_guard import MemoryGuard
from kiosk.runtime.stall_detector import CHECK_SECONDS, StallDetector
from kiosk.runtime.watchdog import SystemdNotifier
from kiosk.runtime.window_guard import WindowGuard
from kiosk.ui.lockdown import Lockdown, Settings, install_lockdown
from kiosk.ui.slideshow.player import Player

log = logging.getLogger(__name__)

#: Hidden switch for the crash tests: "exception" raises in a Qt slot after the first frame,
#: "fatal" crashes the interpreter (faulthandler's report), "freeze" blocks the GUI thread for
#: good, "freeze-gil" blocks it holding Python's GIL. Not documented for IT.
CRASH_TEST_ENV = "KIOSK_TEST_CRASH"


@dataclass
class Unattended:
    lockdown: Lockdown | None
    notifier: SystemdNotifier
    heartbeat: Heartbeat
    memory: MemoryGuard
    guard: WindowGuard
    #: Bumps the stall detector from the GUI thread.
    bumper: QTimer
    app: QApplication
    quit_on_last_window_closed: bool

    def stop(self) -> None:
        self.notifier.stopping()
        self.guard.stop()
        self.app.setQuitOnLastWindowClosed(self.quit_on_last_window_closed)
        self.memory.stop()
        self.heartbeat.stop()
        # The stall detector itself keeps watching until the very end of the shutdown.
        self.bumper.stop()


def start_unattended(
    app: QApplication,
    window: QWidget,
    player: Player,
    config: Settings,
    *,
    data_dir: Path,
    windowed: bool,
    first_frame: SignalInstance,
    stall: StallDetector,
    env: Mapping[str, str] | None = None,
) -> Unattended:
    """Lock ``window`` down (not in a staff ``--windowed`` window), write the heartbeat on its
    paints and ping systemd on them, say READY on ``first_frame`` (a signal), start the stall
    detector with its bump, exit with :data:`exitcodes.WINDOW_LOST` once the window is off the
    screen, and with :data:`exitcodes.RESTART` at a slide boundary once over the memory
    ceiling."""
    environ = os.environ if env is None else env
    lockdown = None if windowed else install_lockdown(app, window, config)
    # The window guard decides what a closed window means (WINDOW_LOST), not Qt's default quit.
    quit_on_last_window_closed = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)

    notifier = SystemdNotifier(environ, parent=window)
    pulse = notifier.interval_ms / 1000 if notifier.interval_ms > 0 else None
    heartbeat = Heartbeat(data_dir / HEARTBEAT_NAME, pulse_interval_s=pulse, parent=window)
    # On the application: the slideshow and each touch screen paint themselves, not the window.
    heartbeat.watch(app)
    heartbeat.keep_painting(window)
    heartbeat.pulsed.connect(notifier.ping)
    notifier.start()
    first_frame.connect(notifier.ready)

    guard = WindowGuard(window, parent=window)
    guard.lost.connect(lambda _reason: app.exit(exitcodes.WINDOW_LOST))
    first_frame.connect(guard.start)

    bumper = QTimer(window)
    bumper.setInterval(round(CHECK_SECONDS * 1000))
    bumper.timeout.connect(stall.bump)
    bumper.start()
    stall.start()

    memory = MemoryGuard(int(config["watchdog.memory_limit_mb"]), parent=window)
    player.slideShown.connect(memory.at_slide_boundary)
    memory.restartRequested.connect(lambda: app.exit(exitcodes.RESTART))
    memory.start()
    # Also once the first slide is up: a kiosk started over its ceiling restarts at the first
    # slide change instead of a minute later.
    first_frame.connect(memory.check)

    crash = environ.get(CRASH_TEST_ENV, "")
    if crash:
        first_frame.connect(lambda: QTimer.singleShot(0, lambda: _crash_for_test(crash)))
    return Unattended(lockdown, notifier, heartbeat, memory, guard, bumper, app, quit_on_last_window_closed)


def _crash_for_test(kind: str) -> None:
    log.warning("%s=%s: crashing on purpose", CRASH_TEST_ENV, kind)
    if kind == "fatal":
        import faulthandler

        faulthandler._sigsegv()  # type: ignore[attr-defined]  # CPython's own crash hook for tests; not in typeshed
    if kind == "freeze":
        _freeze_for_test()
    if kind == "freeze-gil":
        _freeze_holding_the_gil_for_test()
    raise RuntimeError(f"{CRASH_TEST_ENV}={kind}: a crash on purpose")


def _freeze_for_test() -> None:
    import threading

    threading.Event().wait()  # the GUI thread never returns to its event loop


def _freeze_holding_the_gil_for_test() -> None:
    import ctypes

    # A C call through PyDLL keeps the GIL, like the deadlock in the README: no Python thread runs.
    ctypes.PyDLL(None).sleep(3600)
