"""A heartbeat file holding the time of the last painted frame, for monitors other than
systemd (Nagios, a Windows scheduled check, a script reading its age).

The file is one line: the UTC time in ISO 8601 and the Unix time, e.g.
``2026-11-27T00:12:03Z 1795738323.412``. It is replaced atomically (write to a temporary
file, then rename), so a reader never sees half a line, and written at most every
``min_interval_s`` however often the screen paints. A failed write (disk full, folder gone)
is counted and logged once; it never disturbs playback.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import QEvent, QObject

log = logging.getLogger(__name__)

HEARTBEAT_NAME = "heartbeat"
DEFAULT_MIN_INTERVAL_S = 5.0


def heartbeat_line(unix_time: float) -> str:
    stamp = datetime.fromtimestamp(unix_time, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{stamp} {unix_time:.3f}\n"


def read_heartbeat(path: Path) -> float:
    """The Unix time in a heartbeat file (for monitors and tests)."""
    return float(path.read_text(encoding="ascii").split()[1])


class Heartbeat(QObject):
    """Call :meth:`beat` when a frame was painted, or :meth:`watch` a widget to do it on each of
    its paint events."""

    def __init__(
        self,
        path: Path,
        *,
        min_interval_s: float = DEFAULT_MIN_INTERVAL_S,
        wall_clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self._min_interval = min_interval_s
        self._wall_clock = wall_clock
        self._monotonic = monotonic
        self._last_write: float | None = None
        self.writes = 0
        self.failures = 0

    def watch(self, widget: QObject) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            self.beat()
        return False

    def beat(self) -> None:
        now = self._monotonic()
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
