"""The real ``kiosk`` command in a real window on a virtual X screen (Xvfb)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage

from kiosk.core.resources import bundled_content_dir
from kiosk.ui.slideshow.frame_check import frame_problems
from tests.helpers.xvfb import running_xvfb

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed (.ci/run installs it)"),
]

WIDTH, HEIGHT = 1920, 1080
TIMEOUT = 60


@pytest.fixture
def xvfb_display(tmp_path: Path):
    with running_xvfb(WIDTH, HEIGHT) as display:
        yield display


def test_kiosk_fills_the_real_screen_with_a_slide(tmp_path: Path, xvfb_display: str) -> None:
    root = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), root)
    shot = tmp_path / "screen.png"
    env = {
        **os.environ,
        "DISPLAY": xvfb_display,
        "QT_QPA_PLATFORM": "xcb",
        "KIOSK_BENCH_FIRST_FRAME": "1",
        "KIOSK_SCREENSHOT": str(shot),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--content", str(root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    lines: list[str] = []
    try:
        assert proc.stdout is not None
        for line in proc.stdout:  # first-frame marker, then the screenshot line
            lines.append(line)
            if line.startswith("screenshot "):
                break
        still_running = proc.poll() is None
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=TIMEOUT)
    assert any(line.startswith("first-frame ") for line in lines), (lines, err)
    assert still_running, err
    image = QImage(str(shot))
    assert image.size() == QSize(WIDTH, HEIGHT)  # the whole X screen, not the window
    assert frame_problems(image, QSize(WIDTH, HEIGHT)) == []
    # Xvfb's root window is black: any black along the screen's edges means the window
    # did not cover the whole screen.
    edge = [(x, y) for x in range(0, WIDTH, 8) for y in (0, HEIGHT - 1)]
    edge += [(x, y) for y in range(0, HEIGHT, 8) for x in (0, WIDTH - 1)]
    black = [p for p in edge if image.pixelColor(*p) == QColor(0, 0, 0)]
    assert black == []


def test_broken_content_at_start_up_shows_the_last_good_slide(tmp_path: Path, xvfb_display: str) -> None:
    """The lobby never goes black on a content mistake, not even at start-up."""
    from kiosk.core.content_home import content_places
    from kiosk.core.content_library import ContentLibrary

    data, home = tmp_path / "data", tmp_path / "data" / "content"
    ContentLibrary(content_places(data)).start()  # an earlier run: the home seeded, a good snapshot kept
    for slide in (home / "slides").glob("*.yaml"):  # then every slide file is broken
        slide.write_text("kind news\n", encoding="utf-8")
    shot = tmp_path / "screen.png"
    env = {
        **os.environ,
        "DISPLAY": xvfb_display,
        "QT_QPA_PLATFORM": "xcb",
        "KIOSK_DATA_DIR": str(data),
        "KIOSK_BENCH_FIRST_FRAME": "1",
        "KIOSK_SCREENSHOT": str(shot),
    }
    started = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    lines: list[str] = []
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line)
            if line.startswith("screenshot "):
                break
        still_running = proc.poll() is None
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=TIMEOUT)
    first = next((float(line.split()[1]) for line in lines if line.startswith("first-frame ")), None)
    assert first is not None and still_running, (lines, err)
    # The budget is 0.8 s on an idle machine (bench/player_startup.py --broken measures it);
    # a test shares the machine, so it only rules out a stall.
    assert first - started < 10
    assert "playing last good until they are fixed" in err
    image = QImage(str(shot))
    assert frame_problems(image, QSize(WIDTH, HEIGHT)) == []
