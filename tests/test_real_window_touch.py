"""The real kiosk in a real window on a virtual X screen, tapped through with xdotool:
slideshow -> menu -> topic -> swipe -> all topics -> back to the slideshow.

State comes from the kiosk's log ("screen: menu", "browse: dry-needling 2 / 9"); the taps are
real X pointer events, so this covers Qt's xcb input path end to end.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.core.resources import bundled_content_dir
from tests.helpers.xvfb import running_xvfb

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed (.ci/run installs it)"),
    pytest.mark.skipif(shutil.which("xdotool") is None, reason="xdotool is not installed (.ci/run installs it)"),
]

WIDTH, HEIGHT = 1920, 1080
TIMEOUT = 60


@pytest.fixture
def display():
    with running_xvfb(WIDTH, HEIGHT) as display:
        yield display


class Kiosk:
    """The running kiosk: its log lines (stderr) and real X input."""

    def __init__(self, display: str, proc: subprocess.Popen[bytes]) -> None:
        self.display, self.proc = display, proc
        self.lines: list[str] = []
        assert proc.stderr is not None
        self._fd = proc.stderr.fileno()
        self._pending: list[str] = []
        self._partial = b""

    def _read(self, until: float) -> str | None:
        """The next log line, or None when ``until`` (monotonic) passes first.

        Raw reads on the pipe (no buffered readline): select() must see every byte."""
        while not self._pending:
            left = until - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self._fd], [], [], left)
            if not ready:
                return None
            chunk = os.read(self._fd, 65536)
            assert chunk, "the kiosk exited:\n" + "".join(self.lines[-30:])
            *complete, self._partial = (self._partial + chunk).split(b"\n")
            self._pending.extend(line.decode("utf-8", "replace") + "\n" for line in complete)
        line = self._pending.pop(0)
        self.lines.append(line)
        return line

    def wait_for(self, text: str, timeout: float = TIMEOUT) -> str:
        """The next log line that contains ``text``."""
        deadline = time.monotonic() + timeout
        while (line := self._read(deadline)) is not None:
            if text in line:
                return line
        raise AssertionError(f"no {text!r} in the log within {timeout} s:\n" + "".join(self.lines[-30:]))

    def settle(self, seconds: float = 0.45) -> None:
        """Let the kiosk's double-tap guard (350 ms) pass: a second tap sooner is dropped on
        purpose. Reads (and keeps) the log meanwhile."""
        deadline = time.monotonic() + seconds
        while self._read(deadline) is not None:
            pass

    def xdotool(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], check=True, env={**os.environ, "DISPLAY": self.display}, timeout=10)

    def tap(self, x: int, y: int) -> None:
        self.settle()
        self.xdotool("mousemove", str(x), str(y), "click", "1")

    def swipe(self, x1: int, y1: int, x2: int, y2: int) -> None:
        self.settle()
        steps = [("mousemove", str(x1 + (x2 - x1) * i // 6), str(y1 + (y2 - y1) * i // 6)) for i in range(1, 7)]
        self.xdotool(
            "mousemove", str(x1), str(y1), "mousedown", "1", *[a for step in steps for a in step], "mouseup", "1"
        )


@pytest.fixture
def kiosk(tmp_path: Path, display: str):
    content = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), content)
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "KIOSK_DATA_DIR": str(tmp_path / "data"),
        "PYTHONUNBUFFERED": "1",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--windowed", f"{WIDTH}x{HEIGHT}", "--content", str(content)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        yield Kiosk(display, proc)
    finally:
        proc.terminate()
        proc.communicate(timeout=TIMEOUT)


def test_tap_through_menu_topic_swipe_and_home(kiosk: Kiosk) -> None:
    kiosk.wait_for("first frame")
    kiosk.tap(WIDTH // 2, HEIGHT // 2)
    kiosk.wait_for("screen: menu")
    # The first topic button: top left of the topic grid (menu layout at 1920x1080).
    kiosk.tap(500, 200)
    kiosk.wait_for("screen: browse")
    assert "browse: dry-needling 1 / " in kiosk.wait_for("browse: ")
    kiosk.swipe(1500, 400, 300, 420)  # finger to the left: the next slide
    assert "browse: dry-needling 2 / " in kiosk.wait_for("browse: ")
    kiosk.swipe(300, 400, 1500, 380)  # and back
    assert "browse: dry-needling 1 / " in kiosk.wait_for("browse: ")
    kiosk.tap(125, 1010)  # "All topics", bottom left
    kiosk.wait_for("screen: menu")
    kiosk.tap(1690, 985)  # "Back to slideshow", bottom right
    kiosk.wait_for("screen: slideshow")
    assert kiosk.proc.poll() is None
