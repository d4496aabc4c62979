"""What staff and IT need to know about the kiosk machine: version, uptime, disk, memory.

Everything is read on request (the admin screen refreshes it when shown); nothing is cached
at import. Values a platform cannot tell are None and shown as "unknown", never guessed.
"""

from __future__ import annotations

import contextlib
import os
import platform
import shutil
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk import __version__
from kiosk.core.clock import Clock

_PROC_UPTIME = Path("/proc/uptime")
_PROC_SMAPS_ROLLUP = Path("/proc/self/smaps_rollup")
_PROC_STATUS = Path("/proc/self/status")


@dataclass(frozen=True)
class MemoryUsage:
    """This process's memory in bytes. PSS shares each shared page among its users, so it is
    the fairer figure for "how much does the kiosk cost"; RSS counts shared pages whole."""

    rss: int | None
    pss: int | None


@dataclass(frozen=True)
class DiskSpace:
    path: Path
    free: int
    total: int


@dataclass(frozen=True)
class DeviceInfo:
    version: str
    python: str
    platform: str
    hostname: str
    kiosk_uptime_s: float
    system_uptime_s: float | None
    disk: DiskSpace | None
    memory: MemoryUsage


def _kib_field(text: str, name: str) -> int | None:
    for line in text.splitlines():
        if line.startswith(name + ":"):
            fields = line.split()
            if len(fields) >= 2 and fields[1].isdigit():
                return int(fields[1]) * 1024
    return None


def read_memory(smaps_rollup: Path = _PROC_SMAPS_ROLLUP, status: Path = _PROC_STATUS) -> MemoryUsage:
    """RSS and PSS from Linux's /proc; None where the file is missing (other systems)."""
    rss = pss = None
    try:
        rollup = smaps_rollup.read_text(encoding="ascii", errors="replace")
        rss, pss = _kib_field(rollup, "Rss"), _kib_field(rollup, "Pss")
    except OSError:
        pass
    if rss is None:
        with contextlib.suppress(OSError):
            rss = _kib_field(status.read_text(encoding="ascii", errors="replace"), "VmRSS")
    return MemoryUsage(rss=rss, pss=pss)


def read_system_uptime(proc_uptime: Path = _PROC_UPTIME) -> float | None:
    """Seconds since the machine booted (Linux), else None."""
    try:
        first = proc_uptime.read_text(encoding="ascii").split()[0]
        return float(first)
    except (OSError, IndexError, ValueError):
        return None


def read_disk(path: Path) -> DiskSpace | None:
    """Free space on the disk holding ``path`` (its nearest existing parent), or None."""
    probe = Path(path)
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    try:
        usage = shutil.disk_usage(probe)
    except OSError:
        return None
    return DiskSpace(path=Path(path), free=usage.free, total=usage.total)


def collect(data_dir: Path, started_at: datetime, clock: Clock) -> DeviceInfo:
    """A snapshot; ``started_at`` is when the kiosk started (for its own uptime)."""
    return DeviceInfo(
        version=__version__,
        python=platform.python_version(),
        platform=f"{platform.system()} {platform.release()}".strip() or sys.platform,
        hostname=platform.node() or os.environ.get("COMPUTERNAME", ""),
        kiosk_uptime_s=max(0.0, (clock.now() - started_at).total_seconds()),
        system_uptime_s=read_system_uptime(),
        disk=read_disk(data_dir),
        memory=read_memory(),
    )


def format_bytes(count: int | None) -> str:
    """``1.5 GB`` style (powers of 1024, one decimal from MB up); "unknown" for None."""
    if count is None:
        return "unknown"
    if count < 1024:
        return f"{count} B"
    value = float(count)
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1024
        if value < 1024 or unit == "TB":
            return f"{value:.0f} {unit}" if unit == "KB" else f"{value:.1f} {unit}"
    raise AssertionError("unreachable")


def format_duration(seconds: float | None) -> str:
    """``3d 4h 05m``, ``4h 05m`` or ``5m 09s``; "unknown" for None."""
    if seconds is None:
        return "unknown"
    total = int(max(0.0, seconds))
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{days}d {hours}h {minutes:02d}m"
    if hours:
        return f"{hours}h {minutes:02d}m"
    return f"{minutes}m {secs:02d}s"
