"""The unattended-operation pieces of a running kiosk, wired in one call from ``kiosk run``:
lock-down, the systemd watchdog, the heartbeat file and the memory ceiling.

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
from kiosk.runtime.watchdog import SystemdNotifier
from kiosk.ui.lockdown import Lockdown, Settings, install_lockdown
from kiosk.ui.slideshow.player import Player

log = logging.getLogger(__name__)

#: Hidden switch for the crash tests: "exception" raises in a Qt slot after the first frame,
#: "fatal" crashes the interpreter (faulthandler's report). Not documented for IT.
CRASH_TEST_ENV = "KIOSK_TEST_CRASH"


@dataclass
class Unattended:
    lockdown: Lockdown | None
    notifier: SystemdNotifier
    heartbeat: Heartbeat
    memory: MemoryGuard

    def stop(self) -> None:
        self.notifier.stopping()
        self.memory.stop()
        self.heartbeat.stop()


def start_unattended(
    app: QApplication,
    window: QWidget,
    player: Player,
    config: Settings,
    *,
    data_dir: Path,
    windowed: bool,
    first_frame: SignalInstance,
    env: Mapping[str, str] | None = None,
) -> Unattended:
    """Lock ``window`` down (not in a staff ``--windowed`` window), write the heartbeat on its
    paints, ping systemd from the GUI thread, say READY on ``first_frame`` (a signal) and exit
    with :data:`exitcodes.RESTART` at a slide boundary once over the memory ceiling."""
    environ = os.environ if env is None else env
    lockdown = None if windowed else install_lockdown(app, window, config)

    heartbeat = Heartbeat(data_dir / HEARTBEAT_NAME, parent=window)
    # On the application: the slideshow and each touch screen paint themselves, not the window.
    heartbeat.watch(app)
    heartbeat.keep_painting(window)

    notifier = SystemdNotifier(environ, parent=window)
    notifier.start()
    first_frame.connect(notifier.ready)

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
    return Unattended(lockdown, notifier, heartbeat, memory)


def _crash_for_test(kind: str) -> None:
    log.warning("%s=%s: crashing on purpose", CRASH_TEST_ENV, kind)
    if kind == "fatal":
        import faulthandler

        faulthandler._sigsegv()  # type: ignore[attr-defined]  # CPython's own crash hook for tests; not in typeshed
    raise RuntimeError(f"{CRASH_TEST_ENV}={kind}: a crash on purpose")
