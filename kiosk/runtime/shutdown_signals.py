"""Clean shutdown on SIGTERM (systemd's stop), SIGINT (Ctrl+C) and SIGHUP (the terminal went
away); on Windows Ctrl+C, Ctrl+Break and closing the console window.

Python runs a signal handler only when the interpreter gets control, and a Qt event loop
waiting in C may not give it control for a long time; a handler that raises (Python's default
KeyboardInterrupt) then surfaces inside whatever Python callback Qt happens to call next
("Error calling Python override of QObject::eventFilter()"). So the handlers here do nothing
but let CPython's C-level handler write the signal's number to a socket
(:func:`signal.set_wakeup_fd`); a :class:`QSocketNotifier` on the other end wakes the event
loop, and the shutdown itself runs there, in an ordinary Qt slot on the GUI thread.

Windows: console close, log-off and shutdown are not signals; a console control handler
(``SetConsoleCtrlHandler``, on a thread Windows creates) writes a marker byte to the same
socket and waits for the shutdown to finish, because Windows ends the process once it returns.
"""

from __future__ import annotations

import logging
import signal
import socket
import sys
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

log = logging.getLogger("kiosk.run")

#: What a shutdown may take before Windows (console close: about 5 s) or systemd
#: (TimeoutStopSec) would kill the kiosk; the start-up steps' undo is bounded to fit.
SHUTDOWN_SECONDS = 4.0
#: The byte the Windows console handler writes (signal numbers are all smaller).
CONSOLE_CLOSED = 0xFE
_CONSOLE_EVENTS = {2: "console closed", 5: "user logged off", 6: "system shutting down"}


_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.Wheel,
        QEvent.Type.TabletPress,
    }
)


class InputGate(QObject):
    """Once the kiosk is shutting down, no tap, click or key reaches a screen (a request half
    sent while the process goes away helps nobody)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() in _INPUT_EVENTS


def _wanted_signals() -> dict[int, str]:
    names = {"SIGTERM": "SIGTERM", "SIGINT": "SIGINT", "SIGHUP": "SIGHUP", "SIGBREAK": "Ctrl+Break"}
    found: dict[int, str] = {}
    for attribute, label in names.items():
        number = getattr(signal, attribute, None)
        if isinstance(number, int):
            found[number] = label
    return found


def signal_name(number: int) -> str:
    if number == CONSOLE_CLOSED:
        return "console closed"
    return _wanted_signals().get(number) or f"signal {number}"


class ShutdownSignals:
    """Install with :meth:`install` (main thread, before the event loop), connect the event
    loop with :meth:`watch` (needs the QApplication), undo with :meth:`uninstall`.

    Until :meth:`watch` is called a signal is only remembered (:attr:`received`), so start-up
    steps can stop between steps (a SIGTERM during a slow content load)."""

    def __init__(self) -> None:
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous: dict[int, Any] = {}
        self._previous_wakeup: int | None = None
        self._notifier: Any = None
        self._on_signal: Callable[[str], None] | None = None
        #: Names of the signals received, in order.
        self.received: list[str] = []
        self._finished = threading.Event()
        self._console_handler: Any = None

    def install(self) -> None:
        # warn_on_full_buffer: a burst of signals filling the socket is harmless, one is enough.
        self._previous_wakeup = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        for number in _wanted_signals():
            self._previous[number] = signal.signal(number, self._note)
        if sys.platform == "win32":
            self._install_console_handler()

    def _note(self, number: int, _frame: FrameType | None) -> None:
        # Runs in the main thread between bytecodes: only remember. The C-level handler has
        # already written the number to the wakeup socket, which wakes the event loop.
        self.received.append(signal_name(number))

    def watch(self, on_signal: Callable[[str], None]) -> None:
        """Call ``on_signal(name)`` in the GUI thread for each signal, from now on (and at once
        for one received before)."""
        from PySide6.QtCore import QSocketNotifier

        self._on_signal = on_signal
        notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read)
        notifier.activated.connect(self._drain)
        self._notifier = notifier

    def _drain(self, *_args: object) -> None:
        try:
            data = self._reader.recv(64)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            return
        for byte in data:
            if self._on_signal is not None:
                self._on_signal(signal_name(byte))

    def finished(self) -> None:
        """The shutdown is done (lets the Windows console handler return)."""
        self._finished.set()

    def uninstall(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        for number, previous in self._previous.items():
            signal.signal(number, previous if previous is not None else signal.SIG_DFL)
        self._previous.clear()
        if self._previous_wakeup is not None:
            signal.set_wakeup_fd(self._previous_wakeup)
            self._previous_wakeup = None
        self.finished()
        if sys.platform == "win32" and self._console_handler is not None:
            import ctypes

            ctypes.windll.kernel32.SetConsoleCtrlHandler(self._console_handler, False)
        self._reader.close()
        self._writer.close()

    # --- Windows ---------------------------------------------------------------------------

    def _install_console_handler(self) -> None:
        if sys.platform != "win32":  # also tells the type checker that ctypes.windll exists
            return
        import ctypes
        from ctypes import wintypes

        handler_type = ctypes.WINFUNCTYPE(wintypes.BOOL, wintypes.DWORD)

        def on_console_event(event: int) -> bool:
            if event not in _CONSOLE_EVENTS:
                return False  # Ctrl+C and Ctrl+Break: Python's own handler turns them into signals
            try:
                self._writer.send(bytes([CONSOLE_CLOSED]))
            except OSError:
                return False
            # Windows ends the process when this returns (or after about 5 s): wait for the
            # shutdown, on this thread Windows made for us.
            self._finished.wait(SHUTDOWN_SECONDS + 0.5)
            return True

        self._console_handler = handler_type(on_console_event)  # kept: Windows calls it later
        if not ctypes.windll.kernel32.SetConsoleCtrlHandler(self._console_handler, True):
            log.warning("could not watch for the console window closing; closing it ends the kiosk at once")
