"""The memory ceiling (``watchdog.memory_limit_mb``): a kiosk that runs for months must not
grow without bound, whatever leaks in Qt, a driver or our own code.

Memory is sampled every minute; once it is over the limit the guard waits for the next slide
boundary (so no patient sees a half-finished transition or loses a form mid-way: the shell
only reaches a boundary on the slideshow) and then asks to exit with
:data:`kiosk.runtime.exitcodes.RESTART`, for the supervisor to start a fresh process.

Linux measures PSS (``/proc/self/smaps_rollup``: shared libraries counted by share, so the
figure does not move when another process maps the same Qt), falling back to RSS from
``/proc/self/statm``; Windows uses the private bytes from ``GetProcessMemoryInfo``.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_MS = 60_000


def pss_kib(smaps_rollup: str) -> int | None:
    """The ``Pss:`` line of an smaps_rollup text, in KiB."""
    for line in smaps_rollup.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    return None


def memory_mb(proc: Path = Path("/proc/self")) -> float | None:
    """This process' memory in MiB (PSS, else RSS), or None where it cannot be measured."""
    if sys.platform == "win32":
        return _windows_private_mb()
    try:
        kib = pss_kib((proc / "smaps_rollup").read_text(encoding="ascii"))
        if kib is not None:
            return kib / 1024
    except OSError:
        pass
    try:
        pages = int((proc / "statm").read_text(encoding="ascii").split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)


def _windows_private_mb() -> float | None:
    if sys.platform != "win32":  # also tells the type checker that ctypes.windll exists below
        return None
    import ctypes
    from ctypes import wintypes

    class Counters(ctypes.Structure):
        _fields_ = [
            ("cb", wintypes.DWORD),
            ("PageFaultCount", wintypes.DWORD),
            ("PeakWorkingSetSize", ctypes.c_size_t),
            ("WorkingSetSize", ctypes.c_size_t),
            ("QuotaPeakPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t),
            ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
            ("PagefileUsage", ctypes.c_size_t),
            ("PeakPagefileUsage", ctypes.c_size_t),
            ("PrivateUsage", ctypes.c_size_t),
        ]

    counters = Counters()
    counters.cb = ctypes.sizeof(Counters)
    process = ctypes.windll.kernel32.GetCurrentProcess()
    ok = ctypes.windll.psapi.GetProcessMemoryInfo(process, ctypes.byref(counters), counters.cb)
    if not ok:
        return None
    return counters.PrivateUsage / (1024 * 1024)


class MemoryGuard(QObject):
    """Samples memory on a timer; after it went over ``limit_mb``, the next
    :meth:`at_slide_boundary` emits ``restartRequested`` (once)."""

    #: (measured MiB, limit MiB)
    overLimit = Signal(float, int)
    restartRequested = Signal()

    def __init__(
        self,
        limit_mb: int,
        *,
        sampler: Callable[[], float | None] = memory_mb,
        interval_ms: int = DEFAULT_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.limit_mb = limit_mb
        self._sampler = sampler
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self.last_mb: float | None = None
        self._over = False
        self._requested = False

    @property
    def enabled(self) -> bool:
        return self.limit_mb > 0

    @property
    def over_limit(self) -> bool:
        return self._over

    def start(self) -> None:
        if self.enabled:
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def check(self) -> None:
        if not self.enabled or self._over:
            return
        self.last_mb = self._sampler()
        if self.last_mb is not None and self.last_mb > self.limit_mb:
            self._over = True
            self._timer.stop()
            log.warning(
                "memory: %.0f MiB is over the limit of %d MiB; restarting at the next slide",
                self.last_mb,
                self.limit_mb,
            )
            self.overLimit.emit(self.last_mb, self.limit_mb)

    def at_slide_boundary(self, *_args: object) -> None:
        """Connect to the player's ``slideShown``; extra signal arguments are ignored."""
        if self._over and not self._requested:
            self._requested = True
            log.warning("memory: restarting now (exit code for the supervisor)")
            self.restartRequested.emit()
