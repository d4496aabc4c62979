"""Where a kiosk reads published bundles from: a web address or a folder (a mounted share).

Both give the manifest cheaply when it has not changed (HTTP validators, or the file's
stat for a folder) and copy an archive of a known size, never more, within the check's
deadline. Every message names the source in its redacted form only.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol

from kiosk.core.publish.deadline import Deadline
from kiosk.core.publish.files import O_BINARY
from kiosk.core.publish.manifest import MANIFEST_NAME

COPY_CHUNK = 256 * 1024


class FetchError(Exception):
    """The source could not give what was asked; one line for the status, without secrets."""


@dataclass(frozen=True)
class ManifestFetch:
    """``data`` is None when the manifest is unchanged since ``validators`` were taken."""

    data: bytes | None
    validators: Mapping[str, Any] = field(default_factory=dict)

    @property
    def unchanged(self) -> bool:
        return self.data is None


class Source(Protocol):
    @property
    def display(self) -> str:
        """The source as logs and the status file show it (no credentials)."""
        ...

    @property
    def identity(self) -> str:
        """A hash of the full source, so state kept for one source is not used for another."""
        ...

    @property
    def secrets(self) -> tuple[str, ...]:
        """Parts of the source that must never be shown (scrubbed from any message)."""
        ...

    def fetch_manifest(
        self, validators: Mapping[str, Any] | None, deadline: Deadline, max_bytes: int
    ) -> ManifestFetch: ...

    def fetch_archive(self, name: str, size: int, out: IO[bytes], deadline: Deadline) -> str:
        """Write exactly ``size`` bytes of archive ``name`` to ``out``; their SHA-256 (hex)."""
        ...


def identity_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:16]


class FolderSource:
    """A published folder on this machine or a mounted share (SMB, NFS)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @property
    def display(self) -> str:
        return str(self.folder)

    @property
    def identity(self) -> str:
        return identity_of("folder:" + str(self.folder))

    @property
    def secrets(self) -> tuple[str, ...]:
        return ()

    def _open(self, name: str, what: str) -> IO[bytes]:
        path = self.folder / name
        try:
            # O_NONBLOCK: opening a FIFO planted under that name must not wait for a writer.
            fd = os.open(path, os.O_RDONLY | O_BINARY | getattr(os, "O_NONBLOCK", 0))
        except FileNotFoundError:
            if not self.folder.is_dir():
                raise FetchError(f"{self.folder}: folder not found (is the share mounted?)") from None
            raise FetchError(f"{path}: {what} not found") from None
        except OSError as exc:
            raise FetchError(f"{path}: cannot open the {what}: {exc.strerror or exc}") from None
        handle = os.fdopen(fd, "rb")
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            handle.close()
            raise FetchError(f"{path}: not a regular file")
        return handle

    def fetch_manifest(self, validators: Mapping[str, Any] | None, deadline: Deadline, max_bytes: int) -> ManifestFetch:
        path = self.folder / MANIFEST_NAME
        deadline.check(f"reading {path}")
        try:
            current = _stat_validators(os.stat(path))
        except FileNotFoundError:
            if not self.folder.is_dir():
                raise FetchError(f"{self.folder}: folder not found (is the share mounted?)") from None
            raise FetchError(f"{path}: no {MANIFEST_NAME} here; publish to this folder first") from None
        except OSError as exc:
            raise FetchError(f"{path}: {exc.strerror or exc}") from None
        if validators and dict(validators) == current:
            return ManifestFetch(None, current)
        with self._open(MANIFEST_NAME, "manifest") as handle:
            try:
                info = os.fstat(handle.fileno())
                if info.st_size > max_bytes:
                    raise FetchError(f"{path}: {info.st_size} bytes, more than the limit of {max_bytes} for a manifest")
                data = handle.read(max_bytes + 1)
            except OSError as exc:
                raise FetchError(f"{path}: cannot read: {exc.strerror or exc}") from None
        if len(data) > max_bytes:
            raise FetchError(f"{path}: more than the limit of {max_bytes} bytes for a manifest")
        return ManifestFetch(data, _stat_validators(info))

    def fetch_archive(self, name: str, size: int, out: IO[bytes], deadline: Deadline) -> str:
        path = self.folder / name
        digest = hashlib.sha256()
        with self._open(name, "archive") as handle:
            actual = os.fstat(handle.fileno()).st_size
            if actual != size:
                raise FetchError(f"{path}: {actual} bytes, but the manifest says {size} (still being copied?)")
            left = size
            while left:
                deadline.check(f"copying {path}")
                try:
                    chunk = handle.read(min(COPY_CHUNK, left))
                except OSError as exc:
                    raise FetchError(f"{path}: cannot read: {exc.strerror or exc}") from None
                if not chunk:
                    raise FetchError(f"{path}: ended after {size - left} of {size} bytes")
                digest.update(chunk)
                out.write(chunk)
                left -= len(chunk)
        return digest.hexdigest()


def _stat_validators(info: os.stat_result) -> dict[str, Any]:
    # The inode and ctime change when the publisher renames a new manifest into place, even
    # where mtime is coarse (FAT, some SMB servers) and the size stays the same.
    return {
        "kind": "stat",
        "size": info.st_size,
        "mtime_ns": info.st_mtime_ns,
        "ctime_ns": info.st_ctime_ns,
        "inode": info.st_ino,
    }
