"""Memory and CPU of the playing kiosk, in a real 1920x1080 window under Xvfb, bundled content.

* PSS (from /proc/PID/smaps_rollup) after --pss-after seconds of play (default 60; target <= 100 MB, issue 13);
* average CPU (utime+stime from /proc/PID/stat) over --minutes of play with the default slide
  durations and cross-fades (default 1; the budget is stated for 10: --minutes 10), target <= 5 %
  of one core;
* average CPU with no transition running (target < 1 %): a second kiosk with
  ``--time-scale 30`` (a 12 s slide stays six minutes), measured over --idle-seconds after its
  first slide and the prefetch of the next have settled.
Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run as `python bench/NAME.py`: the repository root makes bench.* and tests.helpers.* importable.
sys.path.insert(0, str(ROOT))

from bench.measures import cpu_seconds, kiosk_env, load_average, pss_mb  # noqa: E402 - after the path above
from tests.helpers.xvfb import running_xvfb  # noqa: E402 - after the path above

PSS_TARGET_MB = 100
CPU_TARGET = 5.0
IDLE_TARGET = 1.0


def start_kiosk(display: str, *extra: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", *extra],
        cwd=ROOT,
        env=kiosk_env(display, KIOSK_BENCH_FIRST_FRAME="1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("first-frame "):
            return proc
    raise RuntimeError(f"kiosk exited ({proc.wait()}) before its first frame")


def stop(proc: subprocess.Popen[str]) -> None:
    proc.terminate()
    proc.wait(timeout=30)


def cpu_percent(pid: int, seconds: float) -> float:
    before, t0 = cpu_seconds(pid), time.monotonic()
    time.sleep(seconds)  # a benchmark watching another process, not a test
    return 100 * (cpu_seconds(pid) - before) / (time.monotonic() - t0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=1.0, help="play time for the average CPU (default 1)")
    parser.add_argument("--pss-after", type=float, default=60.0, help="seconds of play before reading PSS")
    parser.add_argument("--idle-seconds", type=float, default=30.0, help="window for the no-transition CPU")
    args = parser.parse_args()
    result: dict[str, object] = {"benchmark": "player_resources", "screen": "1920x1080 Xvfb"}
    with running_xvfb() as display:
        proc = start_kiosk(display)
        try:
            play_s = args.minutes * 60
            first = min(args.pss_after, play_s)
            cpu_first = cpu_percent(proc.pid, first)
            pss_at = pss_mb(proc.pid)
            if play_s > first:
                cpu_rest = cpu_percent(proc.pid, play_s - first)
                cpu = (cpu_first * first + cpu_rest * (play_s - first)) / play_s
            else:
                cpu = cpu_first
            if args.pss_after > first:
                time.sleep(args.pss_after - first)
                pss_at = pss_mb(proc.pid)
        finally:
            stop(proc)
        result.update(
            {
                "pss_mb": round(pss_at, 1),
                "pss_after_s": args.pss_after,
                "pss_target_mb": PSS_TARGET_MB,
                "cpu_percent_of_one_core": round(cpu, 2),
                "cpu_window_s": round(play_s),
                "cpu_target_percent": CPU_TARGET,
            }
        )
        idle = start_kiosk(display, "--time-scale", "30")
        try:
            time.sleep(5)  # the next slide is prefetched right after the first is shown
            idle_cpu = cpu_percent(idle.pid, args.idle_seconds)
        finally:
            stop(idle)
        result.update(
            {
                "idle_cpu_percent_of_one_core": round(idle_cpu, 3),
                "idle_window_s": args.idle_seconds,
                "idle_target_percent": IDLE_TARGET,
            }
        )
    result["within_target"] = (
        round(pss_at, 1) <= PSS_TARGET_MB and round(cpu, 2) <= CPU_TARGET and idle_cpu < IDLE_TARGET
    )
    result["load_average"] = load_average()
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
