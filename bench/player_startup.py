"""Process start to first slide painted, in a real 1920x1080 window under Xvfb.

Runs ``python -m kiosk`` N times (default 5) with a private data folder whose content home
holds the bundled content, and reads the ``first-frame <time.monotonic()>`` marker the kiosk
prints when KIOSK_BENCH_FIRST_FRAME=1. ``--broken`` breaks every slide file in the home after
a first good run, so each start plays the last good snapshot. Prints JSON; target: median
<= 0.8 s either way.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run as `python bench/NAME.py`: the repository root makes bench.* and tests.helpers.* importable.
sys.path.insert(0, str(ROOT))

from bench.measures import kiosk_env, load_average, seconds_to_first_frame  # noqa: E402 - after the path above
from tests.helpers.xvfb import running_xvfb  # noqa: E402 - after the path above

TARGET_S = 0.8


def one_run(display: str, data: Path) -> float:
    return seconds_to_first_frame(
        [sys.executable, "-m", "kiosk"],
        cwd=ROOT,
        env=kiosk_env(display, KIOSK_BENCH_FIRST_FRAME="1", KIOSK_DATA_DIR=str(data)),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--broken", action="store_true", help="every slide file broken: the last good content plays")
    args = parser.parse_args()
    with running_xvfb() as display, tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        data = Path(tmp) / "data"
        one_run(display, data)  # seeds the home and warms the OS file cache; not counted
        if args.broken:
            for slide in (data / "content" / "slides").glob("*.yaml"):
                slide.write_text("kind news\n", encoding="utf-8")
        times = [one_run(display, data) for _ in range(args.runs)]
    median = statistics.median(times)
    print(
        json.dumps(
            {
                "benchmark": "player_startup",
                "content": "broken home, last good snapshot plays" if args.broken else "content home",
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
