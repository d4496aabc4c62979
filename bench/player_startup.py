"""Process start to first slide painted, in a real 1920x1080 window under Xvfb.

Runs ``python -m kiosk`` on the bundled content N times (default 5) and reads the
``first-frame <time.monotonic()>`` marker the kiosk prints when KIOSK_BENCH_FIRST_FRAME=1.
Prints JSON; target: median <= 0.8 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys

from player_xvfb import ROOT, kiosk_env, load_average, seconds_to_first_frame, xvfb

TARGET_S = 0.8


def one_run(display: str) -> float:
    return seconds_to_first_frame(
        [sys.executable, "-m", "kiosk"], cwd=ROOT, env=kiosk_env(display, KIOSK_BENCH_FIRST_FRAME="1")
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with xvfb() as display:
        one_run(display)  # warm the OS file cache once; not counted
        times = [one_run(display) for _ in range(args.runs)]
    median = statistics.median(times)
    print(
        json.dumps(
            {
                "benchmark": "player_startup",
                "screen": "1920x1080 Xvfb",
                "runs_s": [round(t, 3) for t in times],
                "median_s": round(median, 3),
                "target_s": TARGET_S,
                "within_target": median <= TARGET_S,
                "load_average": load_average(),
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
