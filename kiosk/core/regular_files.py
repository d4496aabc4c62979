"""Opening only regular files: never a named pipe, a device or a socket.

Opening a named pipe (FIFO) for reading waits until something writes to it, which is for
ever: one ``mkfifo slides/x.yaml`` would hang validation, the reload thread and the start of
the kiosk. So a file is looked at with ``stat`` before it is opened, opened non-blocking (a
FIFO put in its place between the look and the open then returns at once instead of
waiting), and looked at again through the open descriptor, which is the file actually read.
Links are followed (a slide may be a link inside the content folder; checking where a link
leads is the caller's); :func:`kiosk.core.atomic_files.read_regular_file` is the variant for
copies, which follows none.
"""

from __future__ import annotations

import os
import stat
from typing import BinaryIO

from kiosk.core.atomic_files import NotARegularFile, kind_of

# Windows has no O_NONBLOCK (and no FIFOs in the file system); O_NOCTTY keeps a terminal
# device from becoming ours should one be named.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


class NotRegularFile(NotARegularFile):
    """The path names something other than a regular file (a FIFO, a device, a socket...)."""

    def __init__(self, path: str | os.PathLike[str], kind: str):
        self.kind = kind
        super().__init__(f"{os.fspath(path)} is not a regular file ({kind})")
        self.filename = os.fspath(path)


def check_regular(path: str | os.PathLike[str]) -> os.stat_result:
    """``os.stat`` of ``path`` (following links); NotRegularFile unless it is a regular file."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFile(path, kind_of(info.st_mode))
    return info


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """Open ``path`` for reading in binary mode, refusing anything but a regular file.

    Raises NotRegularFile (an OSError) for a FIFO, device, socket or folder, and the usual
    OSError when the file cannot be opened. Never blocks on a special file.
    """
    check_regular(path)
    fd = os.open(path, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            # Swapped for something else between the stat and the open.
            raise NotRegularFile(path, kind_of(info.st_mode))
        if getattr(os, "O_NONBLOCK", 0) and hasattr(os, "set_blocking"):
            # Meaningless for a regular file, but keep the descriptor ordinary.
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """At most ``limit + 1`` bytes of a regular file (one more than allowed, so a caller can
    tell a file that is too big, even one that grew after it was looked at)."""
    with open_regular(path) as handle:
        return handle.read(limit + 1)
