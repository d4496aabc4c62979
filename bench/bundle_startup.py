"""Packaged start to first slide painted: ``dist/kiosk/kiosk`` in a real 1920x1080 window
under Xvfb, median of 5 runs (target <= 1.5 s).

Each run starts the bundle from an empty folder (so it plays its own bundled content) with a
fresh data folder, and reads the ``first-frame <time.monotonic()>`` marker it prints when
KIOSK_BENCH_FIRST_FRAME=1. Build the bundle first (.ci/run, or pyinstaller build.spec).
Prints JSON.
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

TARGET_S = 1.5
BUNDLE = ROOT / "dist" / "kiosk" / "kiosk"


def one_run(display: str, bundle: Path) -> float:
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as folder:
        env = kiosk_env(
            display,
            KIOSK_BENCH_FIRST_FRAME="1",
            HOME=folder,
            KIOSK_DATA_DIR=f"{folder}/data",
            KIOSK_LOG_DIR=f"{folder}/logs",
        )
        return seconds_to_first_frame([str(bundle)], cwd=folder, env=env)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bundle", type=Path, default=BUNDLE)
    args = parser.parse_args()
    if not args.bundle.is_file():
        print(json.dumps({"benchmark": "bundle_startup", "skipped": f"no bundle at {args.bundle}"}))
        return 0
    with running_xvfb() as display:
        one_run(display, args.bundle)  # warm the OS file cache once; not counted
        times = [one_run(display, args.bundle) for _ in range(args.runs)]
    median = statistics.median(times)
    print(
        json.dumps(
            {
                "benchmark": "bundle_startup",
                "bundle": str(args.bundle),
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
