"""Our own freeze detector (``watchdog.stall_seconds``): the only one on Windows, and quicker
than systemd's watchdog on Linux.

The GUI thread bumps a heartbeat from a timer (:meth:`StallDetector.bump`); a plain Python
thread checks it every second. When the GUI thread has not turned for ``stall_seconds`` (a
deadlock, an endless loop in a slot, a call that never returns) the thread writes one line and
every thread's stack (:func:`faulthandler.dump_traceback`) to the log file and ends the process
with :data:`exitcodes.FROZEN`, for the supervisor (systemd, ``kiosk-loop.ps1``) to start a
fresh kiosk. It writes with plain file calls, not :mod:`logging`: a frozen GUI thread may be
holding the logging lock.

A freeze that also holds Python's GIL (the PySide hazard in the README) stops this thread as
well. For that, the thread keeps :func:`faulthandler.dump_traceback_later` armed at twice
``stall_seconds``; it runs in C without the GIL, dumps the stacks and exits with code 1.
"""

from __future__ import annotations

import faulthandler
import os
import sys
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TextIO

from kiosk.runtime import exitcodes

DEFAULT_STALL_SECONDS = 20.0
#: How often the detector thread looks, and the GUI thread bumps.
CHECK_SECONDS = 1.0
#: The C backstop fires after this many times ``stall_seconds`` without the detector running.
BACKSTOP_FACTOR = 2.0
STALL_LOGGER = "kiosk.stall"


def stall_line(seconds: float, now: datetime | None = None) -> str:
    """The log line written before the stacks, in the log's own format (``kiosk doctor``
    finds it as the last crash)."""
    moment = now or datetime.now()
    stamp = moment.strftime("%Y-%m-%d %H:%M:%S") + f",{moment.microsecond // 1000:03d}"
    return (
        f"{stamp} CRITICAL {STALL_LOGGER}: frozen: the GUI thread has not turned for {seconds:.0f} s; "
        f"every thread's stack follows; exiting with {exitcodes.FROZEN}\n"
    )


class StallDetector:
    """:meth:`start` the thread, :meth:`bump` from the GUI thread, :meth:`stop` on the way out.

    ``on_stall(seconds)`` replaces the dump-and-exit (tests); ``clock`` is monotonic time."""

    def __init__(
        self,
        stall_seconds: float = DEFAULT_STALL_SECONDS,
        *,
        log_file: Path | None = None,
        check_seconds: float = CHECK_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        on_stall: Callable[[float], None] | None = None,
        backstop: bool = True,
    ) -> None:
        if stall_seconds <= 0:
            raise ValueError("stall_seconds must be positive")
        self.stall_seconds = float(stall_seconds)
        self._log_file = log_file
        self._check_seconds = check_seconds
        self._clock = clock
        self._on_stall = on_stall if on_stall is not None else self._dump_and_exit
        self._use_backstop = backstop
        self._backstop_file: TextIO | None = None
        self._last_bump = clock()
        self._last_check: float | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.fired = False

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def bump(self) -> None:
        """The GUI thread turned (call it from a timer on the GUI thread)."""
        self._last_bump = self._clock()

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("the stall detector was already started")
        self.bump()
        if self._use_backstop:
            self._arm_backstop()
        self._thread = threading.Thread(target=self._run, name="kiosk-stall-detector", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> bool:
        """Stop looking (the kiosk is exiting); True if the thread ended."""
        self._stop.set()
        if self._use_backstop:
            faulthandler.cancel_dump_traceback_later()
        if self._backstop_file is not None:
            self._backstop_file.close()
            self._backstop_file = None
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def check(self) -> bool:
        """One look: True (and ``on_stall`` called, once) when the GUI thread is stuck."""
        if self.fired:
            return True
        now = self._clock()
        if self._last_check is not None and now - self._last_check >= self.stall_seconds:
            # This thread was held up as long as the GUI thread: the machine slept, or the
            # process was stopped (SIGSTOP, a debugger). Not a freeze: count from now.
            self._last_bump = now
        self._last_check = now
        quiet = now - self._last_bump
        if quiet < self.stall_seconds:
            return False
        self.fired = True
        self._on_stall(quiet)
        return True

    def _run(self) -> None:
        while not self._stop.wait(self._check_seconds):
            if self.check():
                return
            if self._use_backstop:
                self._arm_backstop()

    def _arm_backstop(self) -> None:
        if self._backstop_file is None:
            self._backstop_file = self._open_dump_file()
        # Re-armed each second from this thread: it fires only if this thread cannot run.
        faulthandler.dump_traceback_later(
            self.stall_seconds * BACKSTOP_FACTOR, repeat=False, file=self._backstop_file, exit=True
        )

    def _open_dump_file(self) -> TextIO:
        if self._log_file is not None:
            try:
                return open(self._log_file, "a", encoding="utf-8")
            except OSError:
                pass
        return sys.stderr

    def _dump_and_exit(self, quiet: float) -> None:
        line = stall_line(quiet)
        target = self._open_dump_file()
        try:
            target.write(line)
            target.flush()
            faulthandler.dump_traceback(file=target, all_threads=True)
            target.flush()
        except (OSError, ValueError):
            pass
        if target is not sys.stderr:
            try:
                sys.stderr.write(line)
                sys.stderr.flush()
            except (OSError, ValueError):
                pass
        os._exit(exitcodes.FROZEN)
