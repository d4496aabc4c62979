"""Where the playing kiosk's memory goes: PSS after --after seconds of play (default 60), in a
real 1920x1080 window under Xvfb with the bundled content (as bench/player_resources.py),
split by what /proc/PID/smaps says each mapping is: Qt's libraries, PySide/shiboken, Python and
its extension modules, other shared libraries (fontconfig, X, ICU, OpenSSL...), mapped font
files, and anonymous memory (Python objects, Qt's pixmap, font and glyph caches, the slides'
frames, malloc's free lists). Median of --runs kiosks (default 3), one after the other.
Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run as `python bench/NAME.py`: the repository root makes bench.* and tests.helpers.* importable.
sys.path.insert(0, str(ROOT))

from bench.measures import kiosk_env, load_average, pss_mb  # noqa: E402 - after the path above
from tests.helpers.xvfb import running_xvfb  # noqa: E402 - after the path above

#: (category, pattern on the mapping's path); the first that matches wins.
CATEGORIES = (
    ("qt libraries", re.compile(r"/libQt6\w*\.so")),
    ("qt plugins", re.compile(r"/plugins/")),
    ("pyside and shiboken", re.compile(r"/(PySide6|shiboken6)/")),
    ("python extension modules", re.compile(r"\.cpython-\d+.*\.so|/lib-dynload/|site-packages/.*\.so")),
    ("python interpreter", re.compile(r"/(python3[\d.]*|libpython3[\d.]*\.so[\d.]*)$")),
    ("fonts", re.compile(r"\.(ttf|otf|ttc|pfb)$|fontconfig/.*cache", re.IGNORECASE)),
    ("other shared libraries", re.compile(r"\.so(\.[\d.]+)?$")),
    ("heap and anonymous", re.compile(r"^$|^\[(heap|anon[^\]]*)\]$")),
)


def pss_by_category(pid: int) -> dict[str, float]:
    """PSS in MB per category, from /proc/PID/smaps."""
    totals: dict[str, float] = {}
    path = ""
    for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
        fields = line.split()
        if fields and re.fullmatch(r"[0-9a-f]+-[0-9a-f]+", fields[0]):
            path = fields[5] if len(fields) > 5 else ""
        elif fields and fields[0] == "Pss:":
            name = next((cat for cat, pattern in CATEGORIES if pattern.search(path)), "other mappings")
            totals[name] = totals.get(name, 0.0) + int(fields[1]) / 1024
    return totals


def measure(display: str, after: float) -> tuple[float, dict[str, float]]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk"],
        cwd=ROOT,
        env=kiosk_env(display, KIOSK_BENCH_FIRST_FRAME="1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("first-frame "):
                break
        else:
            raise RuntimeError(f"kiosk exited ({proc.wait()}) before its first frame")
        time.sleep(after)  # a benchmark watching another process, not a test
        return pss_mb(proc.pid), pss_by_category(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--after", type=float, default=60.0, help="seconds of play before reading (default 60)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    totals: list[float] = []
    parts: list[dict[str, float]] = []
    with running_xvfb() as display:
        for _ in range(args.runs):
            total, split = measure(display, args.after)
            totals.append(total)
            parts.append(split)
    names = sorted(
        {name for split in parts for name in split}, key=lambda n: -statistics.median(s.get(n, 0) for s in parts)
    )
    print(
        json.dumps(
            {
                "benchmark": "memory_map",
                "pss_mb_runs": [round(t, 1) for t in totals],
                "pss_mb_median": round(statistics.median(totals), 1),
                "pss_mb_by_category_median": {
                    n: round(statistics.median(s.get(n, 0) for s in parts), 1) for n in names
                },
                "after_s": args.after,
                "load_average": load_average(),
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
