"""Ends the kiosk when its window is gone from the screen, so the supervisor starts a new one.

Another X client can unmap or destroy the kiosk's window (``xdotool``, a stray script): Qt
then gets an Expose event saying the window is no longer exposed, paints nothing more, and
the screen is black while the process runs on. A window hidden or closed by code other than
the admin screen's Exit is the same failure. :class:`WindowGuard` watches the window's show,
hide, close and expose events and checks on a timer as well; when the window has been off the
screen for ``grace_ms`` (a moment, so a transient unmap is not a failure) it emits ``lost``
with the reason. ``kiosk run`` then exits with :data:`kiosk.runtime.exitcodes.WINDOW_LOST`.

A window minimised on purpose (a ``--windowed`` staff window) is not lost.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

GRACE_MS = 2000
CHECK_MS = 5000
_WATCHED = (QEvent.Type.Hide, QEvent.Type.Close, QEvent.Type.Expose, QEvent.Type.Show)


def why_not_on_screen(window: QWidget) -> str | None:
    """Why ``window`` shows nothing now ("hidden", "not exposed"...), or None when it is on
    screen (or minimised on purpose)."""
    if window.windowState() & Qt.WindowState.WindowMinimized:
        return None
    if not window.isVisible():
        return "the window was closed or hidden"
    handle = window.windowHandle()
    if handle is None:
        return "the window has no native window any more"
    if not handle.isExposed():
        return "the window is no longer on the screen (unmapped or destroyed by another program)"
    return None


class WindowGuard(QObject):
    """:meth:`start` once the window is on screen (its first frame); :meth:`stop` on the way out."""

    #: Why the window is gone (once).
    lost = Signal(str)

    def __init__(
        self, window: QWidget, *, grace_ms: int = GRACE_MS, check_ms: int = CHECK_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._watching = False
        self.fired = False
        self._grace = QTimer(self)
        self._grace.setSingleShot(True)
        self._grace.setInterval(grace_ms)
        self._grace.timeout.connect(self.check)
        self._periodic = QTimer(self)
        self._periodic.setInterval(check_ms)
        self._periodic.timeout.connect(self._soon)

    def start(self) -> None:
        if self._watching:
            return
        self._watching = True
        self._window.installEventFilter(self)
        handle = self._window.windowHandle()
        if handle is not None:
            handle.installEventFilter(self)
        self._periodic.start()
        self._soon()

    def stop(self) -> None:
        self._watching = False
        self._grace.stop()
        self._periodic.stop()
        self._window.removeEventFilter(self)
        handle = self._window.windowHandle()
        if handle is not None:
            handle.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._watching and event.type() in _WATCHED:
            # Let Qt finish handling the event (the window state changes after the filter).
            self._soon()
        return False

    def _soon(self) -> None:
        off_screen = self._watching and not self.fired and why_not_on_screen(self._window) is not None
        if off_screen and not self._grace.isActive():
            self._grace.start()

    def check(self) -> None:
        """Emit ``lost`` if the window is still off the screen."""
        if not self._watching or self.fired:
            return
        reason = why_not_on_screen(self._window)
        if reason is None:
            return
        self.fired = True
        log.error("window lost: %s", reason)
        self.lost.emit(reason)
