"""One kiosk per user and data folder: a second ``kiosk`` started while one runs exits with
:data:`kiosk.runtime.exitcodes.ALREADY_RUNNING` instead of opening a second full-screen window.

The lock is an OS file lock (``fcntl.flock`` on Linux, ``msvcrt.locking`` on Windows) on
``kiosk.lock`` in the data folder. The OS drops it when the process ends however it ends
(crash, kill -9, power loss), so a stale lock file never blocks a restart; the file itself
stays and only carries the holder's process id for the message.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

LOCK_NAME = "kiosk.lock"


class AlreadyRunning(Exception):
    """Another process holds the lock; ``pid`` is its process id when it could be read."""

    def __init__(self, path: Path, pid: int | None) -> None:
        self.path = path
        self.pid = pid
        who = f"process {pid}" if pid is not None else "another process"
        super().__init__(
            f"the kiosk is already running ({who}, lock {path}); "
            "stop it first, or use another data folder (KIOSK_DATA_DIR)"
        )


class InstanceLock:
    """Held from :meth:`acquire` until :meth:`release` or process exit."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / LOCK_NAME
        self._handle: IO[str] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> None:
        """Take the lock or raise :class:`AlreadyRunning`; the folder is created if needed."""
        if self._handle is not None:
            return
        # 0700 like every kiosk folder: the data folder holds patients' requests.
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        # "a+" never truncates: the holder's pid stays readable for the message below.
        handle = open(self.path, "a+", encoding="ascii")  # noqa: SIM115 - held for the process' life
        try:
            _lock(handle)
        except OSError:
            pid = _read_pid(handle)
            handle.close()
            raise AlreadyRunning(self.path, pid) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            _unlock(self._handle)
        finally:
            self._handle.close()
            self._handle = None

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def _read_pid(handle: IO[str]) -> int | None:
    try:
        handle.seek(0)
        text = handle.read(32).strip()
    except OSError:  # Windows refuses reads of a range another process has locked
        return None
    return int(text) if text.isdigit() else None


if sys.platform == "win32":
    import msvcrt

    def _lock(handle: IO[str]) -> None:
        # msvcrt locks a byte range from the current position: always byte 0. The pid is
        # written after it, which a locked range does not prevent for the holder.
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
