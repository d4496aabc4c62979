"""Shared by the benchmarks: the kiosk's environment on a display, /proc readings and the
first-frame timer. Not a benchmark (the X server is tests/helpers/xvfb.py)."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLK_TCK = os.sysconf("SC_CLK_TCK")


def kiosk_env(display: str, **extra: str) -> dict[str, str]:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    # An installed kiosk runs from compiled bytecode (pip compiles on install; the bundle ships
    # it). A shell that sets PYTHONDONTWRITEBYTECODE would make every start recompile ~100
    # modules (~0.15 s) and measure that instead, so the kiosk may cache its bytecode here.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(extra)
    return env


def pss_mb(pid: int | str = "self") -> float:
    """Proportional set size in MB, from /proc/PID/smaps_rollup."""
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no Pss line in smaps_rollup")


def cpu_seconds(pid: int | str = "self") -> float:
    """utime + stime of a process, in seconds (from /proc/PID/stat)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def load_average() -> list[float]:
    return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]


def seconds_to_first_frame(command: list[str], *, cwd: Path | str, env: dict[str, str]) -> float:
    """Start ``command`` (a kiosk run with KIOSK_BENCH_FIRST_FRAME=1 in ``env``) and return the
    seconds from the start to the ``first-frame <time.monotonic()>`` marker it prints."""
    started = time.monotonic()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("first-frame "):
                return float(line.split()[1]) - started
        raise RuntimeError(f"{command[0]} exited ({proc.wait()}) before painting a frame")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
