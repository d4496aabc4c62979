"""Lock-down of the kiosk window: nothing a passer-by does with a keyboard or mouse leaves or
disturbs the kiosk.

- the window is frameless and stays on top (above any desktop a window manager may show);
- Alt+F4, Ctrl+Q, Ctrl+W, Escape and F11 do nothing (an event filter on the application, so
  no widget, dialog or shortcut of the shell ever sees them), except Escape on a screen that
  cancels with it (:func:`allow_escape`: the staff PIN pad);
- right-click (context menu) events are dropped everywhere;
- the window refuses to close (a window manager's close button, Alt+F4 handled by the WM)
  unless the admin screen's exit path called :meth:`Lockdown.allow_close` first;
- the mouse cursor is hidden application-wide when ``display.hide_cursor`` is on.

``install_lockdown(app, window, config)`` is the whole API for the shell and ``kiosk run``.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QCursor, QKeyEvent, QKeySequence, QShortcutEvent, QWindow
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)


class Settings(Protocol):
    """What is read from the config: ``kiosk.core.config.Config`` (or any mapping)."""

    def __getitem__(self, key: str) -> Any: ...


_KEY = Qt.Key
_MOD = Qt.KeyboardModifier
#: (key, modifiers that must be held). Escape and F11 with any modifiers.
BLOCKED_KEYS: tuple[tuple[Qt.Key, Qt.KeyboardModifier], ...] = (
    (_KEY.Key_F4, _MOD.AltModifier),
    (_KEY.Key_Q, _MOD.ControlModifier),
    (_KEY.Key_W, _MOD.ControlModifier),
    (_KEY.Key_Escape, _MOD.NoModifier),
    (_KEY.Key_F11, _MOD.NoModifier),
)
_KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride, QEvent.Type.Shortcut)


#: The widget property that lets Escape through to a screen (and everything in it).
ESCAPE_ALLOWED = "kioskEscapeAllowed"


def allow_escape(screen: QWidget) -> None:
    """Let a plain Escape reach ``screen`` and its children while it is on screen (it cancels
    itself with it); every other screen keeps Escape blocked."""
    screen.setProperty(ESCAPE_ALLOWED, True)


def escape_allowed(target: QObject) -> bool:
    """Whether a key event for ``target`` is inside a visible screen that takes Escape.

    A key first goes to the native window (a QWindow), which hands it to its focus widget:
    for the window, the focus widget decides."""
    if isinstance(target, QWindow):
        target = target.focusObject()
    widget = target if isinstance(target, QWidget) else None
    while widget is not None:
        if widget.property(ESCAPE_ALLOWED) is True:
            return widget.isVisible()
        widget = widget.parentWidget()
    return False


def is_blocked_key(key: int, modifiers: Qt.KeyboardModifier) -> bool:
    return any(key == blocked and (modifiers & needed) == needed for blocked, needed in BLOCKED_KEYS)


def _shortcut_is_blocked(sequence: QKeySequence) -> bool:
    if sequence.count() != 1:
        return False
    combo = sequence[0]  # type: ignore[index]  # QKeySequence has [] at run time; PySide6's stubs lack it
    return is_blocked_key(combo.key(), combo.keyboardModifiers())


class Lockdown(QObject):
    """The application-wide event filter; keep the returned object alive with the window."""

    def __init__(self, app: QApplication, window: QWidget, *, hide_cursor: bool) -> None:
        super().__init__(app)
        self._app = app
        self._window = window
        self._close_allowed = False
        self._cursor_hidden = False
        self.blocked_keys = 0
        self.refused_closes = 0
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        window.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        app.installEventFilter(self)
        if hide_cursor:
            app.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
            self._cursor_hidden = True

    def allow_close(self) -> None:
        """The admin screen's exit: after this the window may close and the app may quit."""
        self._close_allowed = True

    def remove(self) -> None:
        """Undo the filter and cursor (tests, and the admin exit before it closes)."""
        self._app.removeEventFilter(self)
        if self._cursor_hidden:
            self._app.restoreOverrideCursor()
            self._cursor_hidden = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _KEY_EVENTS:
            if isinstance(event, QShortcutEvent):
                blocked = _shortcut_is_blocked(event.key())
            else:
                assert isinstance(event, QKeyEvent)
                blocked = is_blocked_key(event.key(), event.modifiers())
                if blocked and event.key() == Qt.Key.Key_Escape and escape_allowed(watched):
                    blocked = event.modifiers() != Qt.KeyboardModifier.NoModifier
            if blocked:
                if kind == QEvent.Type.KeyPress:
                    self.blocked_keys += 1
                event.accept()
                return True
            return False
        if kind == QEvent.Type.ContextMenu:
            event.accept()
            return True
        if kind == QEvent.Type.Close and watched is self._window and not self._close_allowed:
            self.refused_closes += 1
            log.info("lock-down: refused to close the kiosk window")
            event.ignore()
            return True
        return False


def install_lockdown(app: QApplication, window: QWidget, config: Settings) -> Lockdown | None:
    """Lock ``window`` down as ``config`` (a :class:`kiosk.core.config.Config`) says.

    Returns None when ``lockdown.enabled`` is off (development); the cursor setting is then
    left to the window. Call before the window is shown, or show it again afterwards: Qt
    applies changed window flags only when a window is (re)shown."""
    if not config["lockdown.enabled"]:
        log.info("lock-down is off (lockdown.enabled: false)")
        return None
    visible = window.isVisible()
    lockdown = Lockdown(app, window, hide_cursor=bool(config["display.hide_cursor"]))
    if visible:
        # setWindowFlag hides a visible window; show it the way it was shown.
        if window.windowState() & Qt.WindowState.WindowFullScreen:
            window.showFullScreen()
        else:
            window.show()
    return lockdown
