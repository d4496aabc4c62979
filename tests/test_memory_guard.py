"""Memory ceiling: over the limit, a restart is requested at the next slide boundary."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.runtime.memory_guard import MemoryGuard, memory_mb, pss_kib


def test_triggers_with_a_tiny_limit_at_the_next_slide_boundary(qtbot: QtBot) -> None:
    guard = MemoryGuard(1, interval_ms=10)  # 1 MiB: the real measurement is always above it
    guard.at_slide_boundary("before")  # not over yet: nothing happens
    with qtbot.waitSignal(guard.overLimit, timeout=2000) as over:
        guard.start()
    assert over.args[0] > 1 and over.args[1] == 1
    with qtbot.assertNotEmitted(guard.restartRequested, wait=30):
        pass  # over the limit, but no slide boundary yet
    with qtbot.waitSignal(guard.restartRequested, timeout=1000):
        guard.at_slide_boundary("slide-1")
    with qtbot.assertNotEmitted(guard.restartRequested):
        guard.at_slide_boundary("slide-2")  # once only


def test_below_the_limit_nothing_happens(qtbot: QtBot) -> None:
    samples = iter([100.0, 120.0, 399.0] + [390.0] * 100)
    guard = MemoryGuard(400, sampler=lambda: next(samples), interval_ms=5)
    guard.start()
    with qtbot.assertNotEmitted(guard.restartRequested, wait=100):
        for _ in range(3):
            guard.check()
            guard.at_slide_boundary()
    assert not guard.over_limit and guard.last_mb == 390.0
    guard.stop()


def test_zero_means_never(qtbot: QtBot) -> None:
    guard = MemoryGuard(0, sampler=lambda: 10_000.0)
    guard.check()
    guard.at_slide_boundary()
    assert not guard.enabled and not guard.over_limit


def test_unmeasurable_memory_is_not_over(qtbot: QtBot) -> None:
    guard = MemoryGuard(1, sampler=lambda: None)
    guard.check()
    assert not guard.over_limit


def test_pss_parsing() -> None:
    text = "55a0-7ff [rollup]\nRss:              204800 kB\nPss:              150016 kB\nShared_Clean: 1 kB\n"
    assert pss_kib(text) == 150016
    assert pss_kib("Rss: 1 kB\n") is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc")
def test_measures_this_process(tmp_path: Path) -> None:
    measured = memory_mb()
    assert measured is not None and 5 < measured < 4000
    # Without smaps_rollup (old kernels) RSS from statm is used.
    fake = tmp_path / "proc"
    fake.mkdir()
    (fake / "statm").write_text("5000 2560 100 1 0 300 0\n", encoding="ascii")
    import os

    assert memory_mb(fake) == pytest.approx(2560 * os.sysconf("SC_PAGE_SIZE") / 1048576)
    (fake / "smaps_rollup").write_text("Pss: 2048 kB\n", encoding="ascii")
    assert memory_mb(fake) == 2.0
    (fake / "statm").unlink()
    (fake / "smaps_rollup").unlink()
    assert memory_mb(fake) is None


def test_running_kiosk_over_its_ceiling_exits_for_a_restart(tmp_path: Path) -> None:
    import os
    import shutil
    import subprocess

    from kiosk.core.resources import bundled_content_dir
    from kiosk.runtime import exitcodes

    content = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), content)
    config = tmp_path / "kiosk.yaml"
    config.write_text(
        f"content:\n  dir: {content}\nlog:\n  dir: {tmp_path / 'logs'}\ndata:\n  dir: {tmp_path / 'data'}\n"
        "display:\n  windowed: 640x360\nwatchdog:\n  memory_limit_mb: 1\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "run", "--config", str(config), "--time-scale", "0.01"],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == exitcodes.RESTART, result.stderr
    log = (tmp_path / "logs" / "kiosk.log").read_text(encoding="utf-8")
    steps = ["first frame", "is over the limit of 1 MiB", "restarting now", "exiting with 75"]
    positions = [log.find(step) for step in steps]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), log
