"""An exclusive lock between processes on one file, waited for with a deadline.

The running kiosk, ``kiosk content restore|pull`` and the studio may all change the content
home and its history; this lock makes those changes one at a time. The OS drops it when the
holder dies, so a crash never leaves it stuck.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from types import TracebackType
from typing import IO


class LockTimeout(TimeoutError):
    """Another process held the lock for longer than we were willing to wait."""


class FileLock:
    """``with FileLock(path, timeout=30): ...``. Not reentrant."""

    def __init__(self, path: Path, *, timeout: float = 30.0, poll: float = 0.05) -> None:
        self.path = path
        self._timeout = timeout
        self._poll = poll
        self._handle: IO[bytes] | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+b")  # noqa: SIM115 - held until release(), not a block
        deadline = time.monotonic() + self._timeout
        while True:
            try:
                _try_lock(handle)
            except OSError:
                if time.monotonic() >= deadline:
                    handle.close()
                    raise LockTimeout(f"{self.path} is held by another process") from None
                # A lock held by another process: polling is the portable way to wait for it
                # with a deadline (flock has no timeout).
                time.sleep(self._poll)
                continue
            self._handle = handle
            return

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        try:
            _unlock(handle)
        finally:
            handle.close()

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.release()


if sys.platform == "win32":
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
