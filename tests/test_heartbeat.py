"""Heartbeat file: updated when the window paints, at most every few seconds, atomically."""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.runtime.heartbeat import Heartbeat, heartbeat_line, read_heartbeat


class FakeTime:
    def __init__(self) -> None:
        self.wall = 1_800_000_000.0
        self.mono = 100.0

    def advance(self, seconds: float) -> None:
        self.wall += seconds
        self.mono += seconds


def wrote_since(beat: Heartbeat, before: int) -> bool:
    return beat.writes > before


def test_paint_writes_the_heartbeat(qtbot: QtBot, tmp_path: Path) -> None:
    clock = FakeTime()
    path = tmp_path / "run" / "heartbeat"
    beat = Heartbeat(path, min_interval_s=5, wall_clock=lambda: clock.wall, monotonic=lambda: clock.mono)
    widget = QWidget()
    widget.resize(200, 100)
    qtbot.addWidget(widget)
    beat.watch(widget)
    widget.show()
    qtbot.waitUntil(path.exists)
    assert read_heartbeat(path) == pytest.approx(clock.wall)
    assert beat.writes == 1

    # Paints within the interval do not rewrite the file...
    clock.advance(2)
    widget.repaint()
    assert beat.writes == 1 and read_heartbeat(path) == pytest.approx(clock.wall - 2)
    # ...the first one after it does.
    clock.advance(4)
    widget.repaint()
    assert beat.writes == 2 and read_heartbeat(path) == pytest.approx(clock.wall)
    assert not path.with_name("heartbeat.tmp").exists()


def test_no_paint_no_update(qtbot: QtBot, tmp_path: Path) -> None:
    clock = FakeTime()
    beat = Heartbeat(tmp_path / "hb", min_interval_s=0, wall_clock=lambda: clock.wall, monotonic=lambda: clock.mono)
    widget = QWidget()
    qtbot.addWidget(widget)
    beat.watch(widget)
    widget.show()
    qtbot.waitUntil(lambda: beat.writes >= 1)
    written = beat.writes
    clock.advance(60)
    qtbot.wait(50)
    assert beat.writes == written  # a frozen screen leaves the file's time behind


def test_the_line_is_iso_and_unix_time() -> None:
    assert heartbeat_line(1_800_000_000.25) == "2027-01-15T08:00:00Z 1800000000.250\n"


def test_write_failures_are_counted_not_raised(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    beat = Heartbeat(blocker / "heartbeat", min_interval_s=0)
    for _ in range(3):
        assert beat.write(1.0) is False
    assert beat.failures == 3
    assert sum("could not write" in r.message for r in caplog.records) == 1


@pytest.mark.skipif(os.name != "posix", reason="the replace is observable via inode on POSIX")
def test_the_file_is_replaced_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "heartbeat"
    beat = Heartbeat(path, min_interval_s=0)
    beat.write(1.0)
    first = path.stat().st_ino
    reader = path.open(encoding="ascii")  # a monitor holding the old file keeps a whole line
    beat.write(2.0)
    assert path.stat().st_ino != first
    assert reader.read().split()[1] == "1.000"
    reader.close()


def test_a_still_screen_is_kept_painting(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication, QLabel

    clock = FakeTime()
    beat = Heartbeat(tmp_path / "hb", min_interval_s=0.02, wall_clock=lambda: clock.wall, monotonic=lambda: clock.mono)
    window = QWidget()
    window.resize(300, 200)
    child = QLabel("a touch screen nobody touches", window)  # covers the top-left pixel
    child.resize(300, 200)
    qtbot.addWidget(window)
    app = QApplication.instance()
    assert app is not None
    beat.watch(app)
    window.show()
    qtbot.waitExposed(window)
    first = beat.writes
    try:
        beat.keep_painting(window)
        for _ in range(3):
            clock.advance(1)
            qtbot.waitUntil(partial(wrote_since, beat, beat.writes), timeout=2000)
    finally:
        beat.stop()
        app.removeEventFilter(beat)
    assert beat.writes >= first + 3
    assert read_heartbeat(tmp_path / "hb") == pytest.approx(clock.wall)
