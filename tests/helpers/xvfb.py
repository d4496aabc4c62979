"""A private X server for the real-window tests and the benchmarks (Xvfb picks a free display)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def running_xvfb(width: int = 1920, height: int = 1080) -> Iterator[str]:
    """Start Xvfb with one ``width`` x ``height`` screen and yield its display (":N"); stop it after.

    ``-displayfd`` makes Xvfb choose a free display number and write it to our pipe once it
    accepts connections, so nothing races another X server on the machine."""
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    try:
        if not number.isdigit():
            raise RuntimeError("Xvfb did not start (is it installed? apt-get install xvfb)")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)
