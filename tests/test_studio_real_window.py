"""Kiosk Studio and the kiosk on one content folder, both in real windows on a virtual X
screen: a title typed and saved in the studio is on the kiosk's screen seconds later."""

from __future__ import annotations

import os
import queue
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

import pytest

from kiosk.core.resources import bundled_content_dir
from tests.helpers.xvfb import running_xvfb

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed (.ci/run installs it)"),
]

ROOT = Path(__file__).resolve().parents[1]
SLIDE = re.compile(r"^slide (\S+) (\S+) \d+\.\d+ (.*)$")
TIMEOUT = 60


def read_slides(stream: IO[str], into: queue.Queue[tuple[str, str, str]]) -> None:
    for line in stream:
        match = SLIDE.match(line.rstrip("\n"))
        if match:
            into.put((match.group(1), match.group(2), match.group(3)))


def test_a_title_saved_in_the_studio_shows_on_the_running_kiosk(tmp_path: Path) -> None:
    home = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), home)
    with running_xvfb(1920, 1080) as display:
        env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "KIOSK_DATA_DIR": str(tmp_path / "data"),
            "KIOSK_LOG_DIR": str(tmp_path / "logs"),
            "KIOSK_BENCH_SLIDES": "1",
        }
        # Slides stay up 100x longer than usual: only the edit can change what is on screen.
        kiosk = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "--content", str(home), "--windowed", "960x540", "--time-scale", "100"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        shown: queue.Queue[tuple[str, str, str]] = queue.Queue()
        assert kiosk.stdout is not None
        reader = threading.Thread(target=read_slides, args=(kiosk.stdout, shown), daemon=True)
        reader.start()
        try:
            slide_id, version, _title = shown.get(timeout=TIMEOUT)
            started = time.monotonic()
            studio = subprocess.run(
                [sys.executable, "-m", "tests.helpers.studio_driver", str(home), slide_id, "Edited in the studio"],
                capture_output=True,
                text=True,
                timeout=TIMEOUT,
                cwd=ROOT,
                env={k: v for k, v in env.items() if k != "KIOSK_BENCH_SLIDES"},
            )
            assert studio.stdout.strip().endswith("saved"), studio.stdout + studio.stderr
            while True:
                got_id, got_version, got_title = shown.get(timeout=TIMEOUT)
                if got_id == slide_id and got_version != version:
                    break
            assert got_title == "Edited in the studio"
            assert time.monotonic() - started < TIMEOUT
        finally:
            kiosk.terminate()
            kiosk.wait(timeout=TIMEOUT)
            reader.join(timeout=TIMEOUT)  # the pipe ends with the process
            kiosk.stdout.close()
