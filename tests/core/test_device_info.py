"""Device facts for the admin screen: memory, uptime, disk, and their formatting."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk import __version__
from kiosk.core.clock import FixedClock
from kiosk.core.device_info import (
    MemoryUsage,
    collect,
    format_bytes,
    format_duration,
    read_disk,
    read_memory,
    read_system_uptime,
)

T0 = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)

ROLLUP = """55f1a0000000-7ffd6c1f2000 ---p 00000000 00:00 0                          [rollup]
Rss:              123456 kB
Pss:               98765 kB
Pss_Anon:          50000 kB
Shared_Clean:      20000 kB
"""


def test_memory_from_smaps_rollup(tmp_path: Path) -> None:
    rollup = tmp_path / "smaps_rollup"
    rollup.write_text(ROLLUP)
    assert read_memory(rollup, tmp_path / "missing") == MemoryUsage(rss=123456 * 1024, pss=98765 * 1024)


def test_memory_falls_back_to_status(tmp_path: Path) -> None:
    status = tmp_path / "status"
    status.write_text("Name:\tpython\nVmRSS:\t  2048 kB\n")
    assert read_memory(tmp_path / "missing", status) == MemoryUsage(rss=2048 * 1024, pss=None)


def test_memory_unknown_without_proc(tmp_path: Path) -> None:
    assert read_memory(tmp_path / "a", tmp_path / "b") == MemoryUsage(rss=None, pss=None)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_real_memory_and_uptime_on_linux() -> None:
    memory = read_memory()
    assert memory.rss is not None and memory.rss > 1024 * 1024
    assert memory.pss is not None and 0 < memory.pss <= memory.rss
    uptime = read_system_uptime()
    assert uptime is not None and uptime > 0


def test_system_uptime_parsing(tmp_path: Path) -> None:
    proc = tmp_path / "uptime"
    proc.write_text("350735.47 234388.90\n")
    assert read_system_uptime(proc) == pytest.approx(350735.47)
    proc.write_text("garbage")
    assert read_system_uptime(proc) is None
    assert read_system_uptime(tmp_path / "missing") is None


def test_disk_of_a_folder_not_created_yet(tmp_path: Path) -> None:
    disk = read_disk(tmp_path / "not" / "yet")
    assert disk is not None
    assert disk.path == tmp_path / "not" / "yet"
    assert 0 < disk.free <= disk.total
    assert not (tmp_path / "not").exists()


def test_collect_snapshot(tmp_path: Path) -> None:
    clock = FixedClock(T0 + timedelta(hours=5, minutes=3))
    info = collect(tmp_path, T0, clock)
    assert info.version == __version__
    assert info.kiosk_uptime_s == 5 * 3600 + 180
    assert info.disk is not None and info.disk.free > 0
    assert info.python.count(".") == 2


@pytest.mark.parametrize(
    ("count", "text"),
    [
        (None, "unknown"),
        (0, "0 B"),
        (1023, "1023 B"),
        (1024, "1 KB"),
        (1536 * 1024, "1.5 MB"),
        (5 * 1024**3, "5.0 GB"),
        (3 * 1024**4, "3.0 TB"),
        (2048 * 1024**4, "2048.0 TB"),
    ],
)
def test_format_bytes(count: int | None, text: str) -> None:
    assert format_bytes(count) == text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (None, "unknown"),
        (-5, "0m 00s"),
        (9, "0m 09s"),
        (309, "5m 09s"),
        (3600 * 4 + 300, "4h 05m"),
        (86400 * 3 + 3600 * 4 + 300, "3d 4h 05m"),
    ],
)
def test_format_duration(seconds: float | None, text: str) -> None:
    assert format_duration(seconds) == text
