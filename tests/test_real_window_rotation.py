"""display.rotation on a real X screen (Xvfb): what the kiosk draws turned is where the X
server shows it, and a real pointer press at a physical point reaches the widget drawn there.

The expected physical points are worked out here from the geometry of a clockwise turn, not
with the transform under test.
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
from PIL import Image

from kiosk.core.resources import bundled_content_dir
from tests.helpers.rotation_probe import QUARTERS
from tests.helpers.xvfb import running_xvfb

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed (.ci/run installs it)"),
    pytest.mark.skipif(shutil.which("xdotool") is None, reason="xdotool is not installed (.ci/run installs it)"),
]

WIDTH, HEIGHT = 1280, 720
ROOT = Path(__file__).resolve().parents[1]


def physical_point(x: float, y: float, degrees: int, width: int = WIDTH, height: int = HEIGHT) -> tuple[int, int]:
    """Where the point (x, y) of the laid-out content appears on a width x height screen when
    the content is turned clockwise by ``degrees``."""
    if degrees == 90:  # the content's top edge runs down the screen's right edge
        return round(width - y), round(x)
    if degrees == 180:
        return round(width - x), round(height - y)
    if degrees == 270:  # its top edge runs up the screen's left edge
        return round(y), round(height - x)
    return round(x), round(y)


class Lines:
    """A child process's output lines, read without blocking past a deadline."""

    def __init__(self, stream: int) -> None:
        self._fd, self._partial = stream, b""
        self.seen: list[str] = []

    def wait_for(self, text: str, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        for line in self.seen:
            if text in line:
                self.seen.remove(line)
                return line
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([self._fd], [], [], left)
            if not ready:
                break
            chunk = os.read(self._fd, 65536)
            assert chunk, "the program exited:\n" + "".join(self.seen[-30:])
            *complete, self._partial = (self._partial + chunk).split(b"\n")
            for raw in complete:
                line = raw.decode("utf-8", "replace")
                if text in line:
                    return line
                self.seen.append(line + "\n")
        raise AssertionError(f"no {text!r} within {timeout} s:\n" + "".join(self.seen[-30:]))


def click(display: str, x: int, y: int) -> None:
    env = {**os.environ, "DISPLAY": display}
    subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"], check=True, env=env, timeout=10)


@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_a_press_reaches_the_widget_drawn_under_it(degrees: int, tmp_path: Path) -> None:
    shot = tmp_path / "screen.png"
    with running_xvfb(WIDTH, HEIGHT) as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT)}
        probe = subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.rotation_probe", str(degrees), str(shot)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=ROOT,
        )
        try:
            assert probe.stdout is not None
            lines = Lines(probe.stdout.fileno())
            lines.wait_for("ready")
            screen = Image.open(shot).convert("RGB")
            assert screen.size == (WIDTH, HEIGHT)
            laid_out = (HEIGHT, WIDTH) if degrees in (90, 270) else (WIDTH, HEIGHT)
            for name, row, column, colour in QUARTERS:
                # The middle of the quarter, as the content is laid out.
                x = (column + 0.5) * laid_out[0] / 2
                y = (row + 0.5) * laid_out[1] / 2
                at = physical_point(x, y, degrees)
                expected = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
                assert screen.getpixel(at) == expected, f"{name} is not drawn at {at} ({degrees} degrees)"
                click(display, *at)
                assert lines.wait_for("clicked ").strip() == f"clicked {name}"
        finally:
            probe.terminate()
            probe.communicate(timeout=30)


def test_the_kiosk_turned_upside_down_is_tapped_through_where_it_is_drawn(tmp_path: Path) -> None:
    """The real kiosk with display.rotation 180 on a 1920x1080 screen: the taps of
    tests/test_real_window_touch.py, each at the physical point where it is now drawn."""
    width, height = 1920, 1080
    content = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), content)
    with running_xvfb(width, height) as display:
        env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "KIOSK_DATA_DIR": str(tmp_path / "data"),
            "KIOSK_DISPLAY_ROTATION": "180",
            "KIOSK_LOCKDOWN_ENABLED": "false",
            "PYTHONUNBUFFERED": "1",
        }
        kiosk = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "--content", str(content)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )
        try:
            assert kiosk.stderr is not None
            log = Lines(kiosk.stderr.fileno())
            log.wait_for("first frame")

            def tap(x: int, y: int) -> None:
                time.sleep(0.45)  # the kiosk's double-tap guard (350 ms) drops a second tap sooner
                click(display, *physical_point(x, y, 180, width, height))

            tap(width // 2, height // 2)
            log.wait_for("screen: menu")
            tap(500, 200)  # the first topic button, top left of the grid as laid out
            log.wait_for("screen: browse")
            tap(125, 1010)  # "All topics", bottom left as laid out
            log.wait_for("screen: menu")
            tap(1690, 985)  # "Back to slideshow", bottom right as laid out
            log.wait_for("screen: slideshow")
        finally:
            kiosk.terminate()
            kiosk.communicate(timeout=60)
