"""Transition frame pacing and memory growth over many transitions, in a real 1920x1080
window under Xvfb with the bundled content (the player runs in this process).

* pacing: paint timestamps during --pacing-transitions cross-fades (default 20, 800 ms each);
  median gap <= 17.5 ms, 95th percentile <= 20 ms, none > 50 ms;
* growth: one kiosk at accelerated timing (slides up for a few ms, 48 ms fades), PSS sampled
  every 10 % of --transitions (default 2000) after a warm-up of 100; the median of the first
  three samples against the median of the last three, target <= 5 MB. Each sample is taken
  with freed memory handed back (gc, then glibc's malloc_trim), as bench/soak.py does; the raw
  PSS is reported beside it. ``--tracemalloc`` adds the Python allocations that grew most
  between the first and the last sample.
Prints JSON.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import itertools
import json
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run as `python bench/NAME.py`: the repository root makes bench.* and tests.helpers.* importable.
sys.path.insert(0, str(ROOT))

from bench.measures import load_average, pss_mb  # noqa: E402 - after the path above
from tests.helpers.xvfb import running_xvfb  # noqa: E402 - after the path above

PACING_TARGETS = {"median_ms": 17.5, "p95_ms": 20.0, "max_ms": 50.0}
GROWTH_TARGET_MB = 5.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def settled_pss_mb() -> float:
    """PSS once glibc has handed its free lists back (a no-op elsewhere): frames in flight swing
    the raw figure by tens of MB, which says nothing about memory still in use."""
    with contextlib.suppress(OSError, AttributeError):  # not glibc: measure as is
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    return pss_mb()


def run(display: str, args: argparse.Namespace) -> dict[str, object]:
    os.environ["DISPLAY"] = display
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    from PySide6.QtCore import QTimer

    from kiosk.core.clock import SystemClock
    from kiosk.core.loader import load_deck
    from kiosk.core.resources import bundled_content_dir
    from kiosk.ui.app import build_kiosk, create_application
    from kiosk.ui.slideshow.player import PlayerTiming

    app = create_application()
    screen = app.primaryScreen()
    result = load_deck(bundled_content_dir(), now=SystemClock().now())
    assert result.deck is not None, [str(p) for p in result.problems]
    deck = result.deck

    def build(timing: PlayerTiming, frame_log: int = 0):
        return build_kiosk(app, deck, clock=SystemClock(), screen=screen, timing=timing, frame_log_size=frame_log)

    def play_until(kiosk, transitions: int) -> None:
        window = kiosk.window
        check = QTimer()
        check.setInterval(20)
        check.timeout.connect(lambda: window.transitions_done >= transitions and app.quit())
        check.start()
        app.exec()
        check.stop()

    def close(kiosk) -> None:
        kiosk.player.stop()
        # The shell stops the render service too: its worker and its cache of finished slides
        # would otherwise outlive the window (this benchmark once counted them as growth).
        kiosk.window.stop()
        kiosk.window.close()
        kiosk.window.deleteLater()
        kiosk.player.deleteLater()
        app.processEvents()

    def play(timing: PlayerTiming, transitions: int, frame_log: int = 0):
        kiosk = build(timing, frame_log)
        play_until(kiosk, transitions)
        log = list(kiosk.window.frame_log or [])
        close(kiosk)
        return log

    # Pacing: real fade length, slides up for 0.6 s (time_scale 0.05 of 12 s).
    log = play(PlayerTiming(time_scale=0.05, transition_ms=800), args.pacing_transitions, frame_log=100_000)
    gaps: list[float] = []
    for (n1, t1), (n2, t2) in itertools.pairwise(log):
        if n1 == n2:
            gaps.append((t2 - t1) * 1000)
    pacing = {
        "transitions": args.pacing_transitions,
        "frames": len(log),
        "median_ms": round(statistics.median(gaps), 2),
        "p95_ms": round(percentile(gaps, 0.95), 2),
        "max_ms": round(max(gaps), 2),
        "over_50ms": sum(g > 50 for g in gaps),
        "targets": PACING_TARGETS,
    }
    pacing["within_target"] = (
        pacing["median_ms"] <= PACING_TARGETS["median_ms"]
        and pacing["p95_ms"] <= PACING_TARGETS["p95_ms"]
        and pacing["max_ms"] <= PACING_TARGETS["max_ms"]
    )

    fast = PlayerTiming(time_scale=0.001, transition_ms=48)
    kiosk = build(fast)
    play_until(kiosk, 100)
    if args.tracemalloc:
        import tracemalloc

        tracemalloc.start(8)
    samples: list[float] = []
    raw: list[float] = []
    first_snapshot = None
    for step in range(11):
        play_until(kiosk, 100 + step * args.transitions // 10)
        gc.collect()
        raw.append(round(pss_mb(), 1))
        samples.append(round(settled_pss_mb(), 1))
        if args.tracemalloc and step == 0:
            first_snapshot = tracemalloc.take_snapshot()
    grew: list[str] = []
    if first_snapshot is not None:
        last_snapshot = tracemalloc.take_snapshot()
        tracemalloc.stop()
        grew = [str(stat) for stat in last_snapshot.compare_to(first_snapshot, "lineno")[:10]]
    close(kiosk)
    before, after = statistics.median(samples[:3]), statistics.median(samples[-3:])
    growth = {
        "transitions": args.transitions,
        "pss_before_mb": round(before, 1),
        "pss_after_mb": round(after, 1),
        "growth_mb": round(after - before, 2),
        "samples_mb": samples,
        "raw_samples_mb": raw,
        "target_mb": GROWTH_TARGET_MB,
        "within_target": after - before <= GROWTH_TARGET_MB,
    }
    if args.tracemalloc:
        growth["python_allocations_grown"] = grew
    return {"pacing": pacing, "memory_growth": growth}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pacing-transitions", type=int, default=20)
    parser.add_argument("--transitions", type=int, default=2000)
    parser.add_argument("--tracemalloc", action="store_true", help="list the Python allocations that grew most")
    args = parser.parse_args()
    with running_xvfb() as display:
        result = run(display, args)
    print(
        json.dumps(
            {"benchmark": "player_frames", "screen": "1920x1080 Xvfb", **result, "load_average": load_average()},
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
