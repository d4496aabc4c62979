"""Files and folders written so that a crash, a power cut or SIGTERM at any moment leaves
either the old version or the new one on disk, never half of either.

The recipe is the usual one: write into a temporary name beside the target, fsync it, rename
it over the target, fsync the folder. Copies of content folders read only regular files
(never a named pipe, device or socket, which would hang or feed endless bytes) and never
follow a link out of the folder.
"""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

from kiosk.core.digests import token_hex

#: Flags for opening a file we only mean to read: a FIFO swapped in after the lstat() check
#: must not block the open (O_NONBLOCK), and the open must not follow a link (O_NOFOLLOW).
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


class NotARegularFile(OSError):
    """A path that should be a plain file is a pipe, device, socket, folder or link."""


def fsync_dir(directory: Path) -> None:
    """Make a rename or a new entry in ``directory`` durable (a no-op where unsupported)."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temporary_sibling(path: Path, label: str = "tmp") -> Path:
    """A fresh name beside ``path`` (same folder, so a rename is atomic), hidden by its dot."""
    return path.with_name(f".{path.name}.{label}-{token_hex(4)}")


def write_atomic(path: Path, data: bytes, *, mode: int = 0o644) -> None:
    """Replace ``path`` with ``data`` in one step; durable when this returns."""
    tmp = temporary_sibling(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        if os.name == "posix":
            os.chmod(tmp, mode)  # O_CREAT's mode is filtered by the umask
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words for a message."""
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISLNK(mode):
        return "a link"
    return "not a regular file"


def read_regular_file(path: Path, *, limit: int | None = None) -> bytes:
    """The bytes of ``path``, refusing anything but a regular file (no link followed).

    ``limit`` bounds what is read: a file larger than that raises ``OSError`` rather than
    filling memory."""
    fd = os.open(path, _READ_FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(f"{path} is {kind_of(info.st_mode)}, not a regular file")
        if limit is not None and info.st_size > limit:
            raise OSError(f"{path} is {info.st_size:,} bytes, over the limit of {limit:,}")
        chunks: list[bytes] = []
        total = 0
        while chunk := os.read(fd, 1 << 20):
            total += len(chunk)
            if limit is not None and total > limit:
                raise OSError(f"{path} grew over the limit of {limit:,} bytes while being read")
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def walk_regular_files(root: Path) -> Iterator[tuple[str, Path]]:
    """(relative posix path, path) of every regular, non-hidden file under ``root``, sorted.

    Hidden names (editor swap files, our own markers) are skipped, links are not followed and
    pipes, devices and sockets are passed over: content is plain files in plain folders."""
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            try:
                mode = path.lstat().st_mode
            except OSError:  # removed while walking
                continue
            if stat.S_ISREG(mode):
                yield path.relative_to(root).as_posix(), path


def copy_tree_synced(source: Path, destination: Path) -> int:
    """Copy the content folder ``source`` into the new folder ``destination`` and fsync every
    file and folder; returns the number of bytes copied.

    Regular files are copied; so is the file behind a link that stays inside ``source`` (the
    copy must not depend on the original). A link leading out of ``source`` is copied as a
    link, so checking the copy reports it just as checking the original would. Pipes, devices,
    sockets and hidden names are left out."""
    destination.mkdir(parents=True)
    made: set[Path] = {destination}
    real_root = source.resolve()
    total = 0
    for dirpath, dirnames, filenames in os.walk(source, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames) + [d for d in dirnames if (Path(dirpath) / d).is_symlink()]:
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            target = destination / path.relative_to(source)
            try:
                mode = path.lstat().st_mode
            except OSError:  # removed while copying
                continue
            if stat.S_ISLNK(mode):
                resolved = path.resolve()
                if not (resolved.is_relative_to(real_root) and resolved.is_file()):
                    _ensure_parent(target, destination, made)
                    os.symlink(os.readlink(path), target)
                    continue
                data = read_regular_file(resolved)
            elif stat.S_ISREG(mode):
                data = read_regular_file(path)
            else:
                continue
            _ensure_parent(target, destination, made)
            _write_new_synced(target, data)
            total += len(data)
    for folder in sorted(made, key=lambda p: len(p.parts), reverse=True):
        fsync_dir(folder)
    return total


def _ensure_parent(target: Path, destination: Path, made: set[Path]) -> None:
    if target.parent not in made:
        target.parent.mkdir(parents=True, exist_ok=True)
        made.update(p for p in [target.parent, *target.parent.parents] if p.is_relative_to(destination))


def _write_new_synced(target: Path, data: bytes) -> None:
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_tree(path: Path) -> None:
    """Delete a folder we made (snapshots, staging); missing is fine."""
    shutil.rmtree(path, ignore_errors=True)
