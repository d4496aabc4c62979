"""A notice typed on the admin Notices page's on-screen keyboard and posted, in real windows on
a virtual X screen: the slideshow's banner is painted and on the screen."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.xvfb import running_xvfb

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed (.ci/run installs it)"),
]

ROOT = Path(__file__).resolve().parents[1]


def test_a_notice_posted_on_the_admin_page_shows_in_the_real_window(tmp_path: Path) -> None:
    with running_xvfb(1920, 1080) as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "KIOSK_LOG_DIR": str(tmp_path / "logs")}
        done = subprocess.run(
            [sys.executable, "-m", "tests.helpers.notice_driver", str(tmp_path / "data")],
            capture_output=True,
            text=True,
            timeout=90,
            cwd=ROOT,
            env=env,
        )
    assert done.stdout.strip().splitlines()[-1:] == ["banner Notice: Lift out today"], done.stdout + done.stderr[-3000:]
    assert (tmp_path / "data" / "notices.json").is_file()
