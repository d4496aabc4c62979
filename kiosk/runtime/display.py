"""Starting Qt without a display ends in one line and :data:`exitcodes.NO_DISPLAY`, not a core
dump.

Qt's xcb platform plugin that cannot reach an X server calls ``qFatal``, which aborts the
process (exit 134, a core dump, and a screenful of advice about reinstalling). Two guards:
:func:`display_problem` catches the common case before Qt starts (no ``DISPLAY`` on Linux,
e.g. ``kiosk run`` over SSH); :func:`fatal_qt_errors` catches the rest (``DISPLAY`` names an X
server that is not running, or refuses us) by seeing Qt's fatal message before Qt aborts.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

#: Platforms that need a display server named in the environment.
_WINDOW_SYSTEM_PLATFORMS = ("xcb", "wayland")


def display_problem(env: Mapping[str, str], platform: str = sys.platform) -> str | None:
    """Why Qt cannot show a window here, when that is clear before starting it; else None."""
    if not platform.startswith("linux"):
        return None
    wanted = [name.strip() for name in env.get("QT_QPA_PLATFORM", "").split(";") if name.strip()]
    if any(not name.startswith(_WINDOW_SYSTEM_PLATFORMS) for name in wanted):
        return None  # offscreen, eglfs, vnc...: no display server needed
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return (
        "there is no display: DISPLAY is not set (started over SSH, or before X?); "
        "the kiosk must run in the kiosk user's X session (docs/deploy.md)"
    )


@contextmanager
def fatal_qt_errors(on_fatal: Callable[[str], Any]) -> Iterator[None]:
    """While the QApplication is made: Qt's fatal error calls ``on_fatal(reason)`` (which must
    end the process) instead of aborting, with one line of reason: Qt's own warning that names
    the display (``could not connect to display :1``), else the fatal message's first line.
    Qt's other messages are held back and written to stderr once the application exists (a
    failed start shows only the reason, not Qt's advice to reinstall)."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    held: list[str] = []
    warnings: list[str] = []

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if kind == QtMsgType.QtFatalMsg:
            about_display = [w for w in warnings if "display" in w.lower()]
            first = message.strip().splitlines()[0] if message.strip() else "Qt could not start"
            on_fatal(about_display[0] if about_display else first)
            return
        category = context.category or ""
        held.append(f"{category}: {message}" if category and category != "default" else message)
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg):
            warnings.append(message.strip())

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)
        for text in held:
            sys.stderr.write(text + "\n")
