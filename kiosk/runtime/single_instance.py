"""One kiosk per user and data folder: a second ``kiosk`` started while one runs exits with
:data:`kiosk.runtime.exitcodes.ALREADY_RUNNING` instead of opening a second full-screen window.

The lock is an OS file lock (``fcntl.flock`` on Linux, ``msvcrt.locking`` on Windows) on
``kiosk.lock`` in the data folder. The OS drops it when the process ends however it ends
(crash, kill -9, power loss), so a stale lock file never blocks a restart; the file itself
stays and only carries the holder's process id for the message.

A data folder that cannot be used (read-only, full, or a path that cannot be created) must not
keep the slideshow off the screen: :func:`acquire_instance_lock` then takes the lock in the
runtime folder instead (``$XDG_RUNTIME_DIR/clinic-kiosk``, else a private folder in the temp
folder), named after the data folder so the guarantee stays "one kiosk per data folder"; only
if that fails too is the check skipped, with the reason.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from kiosk.core.digests import sha256

LOCK_NAME = "kiosk.lock"
FALLBACK_FOLDER = "clinic-kiosk"


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

    def __init__(self, directory: Path, name: str = LOCK_NAME) -> None:
        self.path = directory / name
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


@dataclass
class HeldLock:
    """What :func:`acquire_instance_lock` got: the lock (None when the check was skipped) and,
    when it is not the usual one in the data folder, why (for the log and the admin screen)."""

    lock: InstanceLock | None
    note: str = ""

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()


def fallback_lock_folder(env: Mapping[str, str] | None = None) -> Path:
    """Where the lock goes when the data folder cannot hold it: the per-user runtime folder
    (systemd makes it, mode 0700), else ``clinic-kiosk-<uid>`` in the temp folder."""
    environ = os.environ if env is None else env
    runtime = environ.get("XDG_RUNTIME_DIR", "")
    if runtime and Path(runtime).is_absolute():
        return Path(runtime) / FALLBACK_FOLDER
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    return Path(tempfile.gettempdir()) / f"{FALLBACK_FOLDER}-{user}"


def fallback_lock_name(data_folder: Path) -> str:
    """One lock file per data folder, so two kiosks with different data folders never clash."""
    digest = sha256(str(data_folder.absolute()).encode("utf-8", "surrogateescape")).hexdigest()
    return f"kiosk-{digest[:16]}.lock"


def _private_folder(folder: Path) -> None:
    """Create ``folder`` for this user only, and refuse one that someone else could have
    planted (a shared temp folder): a symlink, not ours, or open to others."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name != "posix":
        return
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode):
        raise OSError(f"{folder} is not a folder (a symlink?)")
    if info.st_uid != os.getuid():
        raise OSError(f"{folder} belongs to another user")
    if info.st_mode & 0o077:
        raise OSError(f"{folder} is open to other users (mode {info.st_mode & 0o777:o})")


def acquire_instance_lock(data_folder: Path, env: Mapping[str, str] | None = None) -> HeldLock:
    """The single-instance lock for ``data_folder``; raises :class:`AlreadyRunning`.

    A data folder that cannot hold the lock (OSError) moves it to :func:`fallback_lock_folder`;
    if that fails as well the check is skipped and :attr:`HeldLock.note` says why."""
    lock = InstanceLock(data_folder)
    try:
        lock.acquire()
        return HeldLock(lock)
    except AlreadyRunning:
        raise
    except OSError as exc:
        problem = f"the data folder {data_folder} cannot hold the single-instance lock ({_reason(exc)})"
    folder = fallback_lock_folder(env)
    fallback = InstanceLock(folder, fallback_lock_name(data_folder))
    try:
        _private_folder(folder)
        fallback.acquire()
    except AlreadyRunning:
        raise
    except OSError as exc:
        return HeldLock(None, f"{problem}, nor can {folder} ({_reason(exc)}): the single-instance check is skipped")
    return HeldLock(fallback, f"{problem}: the lock is {fallback.path} instead")


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


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
