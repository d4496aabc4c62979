"""A heartbeat file holding the time of the last painted frame, for monitors other than
systemd (Nagios, a Windows scheduled check, a script reading its age).

The file is one line: the UTC time in ISO 8601 and the Unix time, e.g.
``2026-11-27T00:12:03Z 1795738323.412``. It is replaced atomically (write to a temporary
file, then rename), so a reader never sees half a line, and written at most every
``min_interval_s`` however often the screen paints. A failed write (disk full, folder gone)
is counted and logged once; it never disturbs playback.

Each counted paint is also a *pulse* (the ``pulsed`` signal, at most every
``pulse_interval_s``), which pings systemd's watchdog (:mod:`kiosk.runtime.watchdog`). Only
paints while the kept window is really on the screen count: a window that another program
unmapped or destroyed paints nothing, and one that is hidden must not look alive.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QRect, QTimer, Signal
from PySide6.QtWidgets import QWidget

from kiosk.runtime.window_guard import why_not_on_screen

log = logging.getLogger(__name__)

HEARTBEAT_NAME = "heartbeat"
DEFAULT_MIN_INTERVAL_S = 5.0


def heartbeat_line(unix_time: float) -> str:
    stamp = datetime.fromtimestamp(unix_time, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{stamp} {unix_time:.3f}\n"


def read_heartbeat(path: Path) -> float:
    """The Unix time in a heartbeat file (for monitors and tests)."""
    return float(path.read_text(encoding="ascii").split()[1])


class Heartbeat(QObject):
    """Call :meth:`beat` when a frame was painted, or :meth:`watch` an object (a widget, or the
    application for every widget's paints) to do it on each paint event.

    A touch screen that nobody touches paints nothing, which must not look like a frozen
    kiosk: :meth:`keep_painting` asks the window to repaint one pixel every interval, so a
    healthy kiosk always paints, and a kiosk whose painting or event loop is stuck does not.
    Once it keeps a window painting, paints count only while that window is on the screen.
    """

    #: A frame was painted in a window on the screen (at most every ``pulse_interval_s``).
    pulsed = Signal()

    def __init__(
        self,
        path: Path,
        *,
        min_interval_s: float = DEFAULT_MIN_INTERVAL_S,
        pulse_interval_s: float | None = None,
        wall_clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self._min_interval = min_interval_s
        self._pulse_interval = min_interval_s if pulse_interval_s is None else min(pulse_interval_s, min_interval_s)
        self._wall_clock = wall_clock
        self._monotonic = monotonic
        self._last_write: float | None = None
        self._last_pulse: float | None = None
        self.writes = 0
        self.failures = 0
        self._nudge = QTimer(self)
        # At least one paint per pulse interval, so a healthy kiosk never misses a pulse.
        self._nudge.setInterval(max(1, round(self._pulse_interval * 1000)))
        self._nudged: QWidget | None = None
        self._nudge.timeout.connect(self._on_nudge)

    def keep_painting(self, window: QWidget) -> None:
        self._nudged = window
        self._nudge.start()

    def stop(self) -> None:
        self._nudge.stop()

    def _on_nudge(self) -> None:
        if self._nudged is not None and self._nudged.isVisible():
            # Whatever widget covers the top-left pixel repaints it: a real paint and flush.
            self._nudged.update(QRect(0, 0, 1, 1))

    def watch(self, widget: QObject) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.beat()
        return False

    def beat(self) -> None:
        """A frame was painted: pulse and rewrite the file, each if its interval has passed."""
        now = self._monotonic()
        if self._last_pulse is not None and now - self._last_pulse < self._pulse_interval:
            return
        if self._nudged is not None and why_not_on_screen(self._nudged) is not None:
            return  # painted into a window nobody can see
        self._last_pulse = now
        self.pulsed.emit()
        if self._last_write is not None and now - self._last_write < self._min_interval:
            return
        self._last_write = now
        self.write(self._wall_clock())

    def write(self, unix_time: float) -> bool:
        temporary = self.path.with_name(self.path.name + ".tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(heartbeat_line(unix_time), encoding="ascii")
            os.replace(temporary, self.path)
        except OSError as exc:
            self.failures += 1
            if self.failures == 1 or self.failures % 1000 == 0:
                log.warning("heartbeat: could not write %s (%d failures): %s", self.path, self.failures, exc)
            return False
        if self.failures:
            log.info("heartbeat: writing %s again after %d failures", self.path, self.failures)
            self.failures = 0
        self.writes += 1
        return True
