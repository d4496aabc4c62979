"""What the engagement figures cost: GUI-thread time per event, and the stats database's size
after a simulated year of a busy lobby.

**Event cost.** The insights recorder's handlers (kiosk/ui/insights/recorder.py) run on the
GUI thread for each signal they listen to; each builds its small event and hands it to the
real stats writer's ``put`` while the writer's thread writes batches to a real stats.db
(every ``--batch`` events, so the GIL is shared as on the kiosk). A scripted visit (slide
shown, menu, topic with three slides, language and larger text, a request, back to the
slideshow) is repeated; every handler call is timed with ``perf_counter_ns``. The recorder
runs against a stand-in for the shell (the attributes it reads), so Qt's own signal
dispatch (a few microseconds, paid whether or not the kiosk counts) is not in the figure.
Prints the median, p99 and maximum per call over several runs, and their medians.

**Size.** ``--days`` days (365) of a lobby open 12 hours a day: a slide every ``--slide-s``
seconds (proof of play), ``--visits`` visits a day (300), each opening the menu, one or two
topics and their slides, a tenth of them choosing Spanish or larger text, one in twelve
sending a request; written in batches as the writer does, rolled up and purged once a
simulated hour after each day's events, with the default retention (365 days). Prints the
file's size (database, WAL checkpointed) and its rows at the end.

    .venv/bin/python bench/stats_cost.py [--visits-per-run 2000] [--runs 5] [--days 365] [--dir DIR]
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from kiosk.core.clock import FixedClock
from kiosk.core.stats.events import (
    CHOICE,
    MENU,
    REQUEST,
    REQUEST_TOPIC,
    TOPIC,
    TOPIC_SLIDES,
    Event,
    Outcome,
    SlidePlayed,
    Tally,
    VisitEnded,
    hour_of,
    millis,
)
from kiosk.core.stats.store import StatsStore
from kiosk.core.stats.writer import MAX_PENDING, StatsWriter

ROOT = Path(__file__).resolve().parents[1]
# Run as `python bench/NAME.py`: the repository root makes bench.* importable.
sys.path.insert(0, str(ROOT))

from bench.measures import load_average  # noqa: E402 - after the path above

TARGET_EVENT_MS = 1.0
TARGET_YEAR_MB = 50.0
START = datetime(2026, 1, 5, 7, 0, tzinfo=UTC)
TOPICS = ("exercise", "shockwave", "dry-needling", "about", "back-pain", "knee-pain")
SLIDES = tuple(f"slide-{n:02}" for n in range(30))


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))]


def stand_in_shell() -> Any:
    """What the recorder reads from the shell while it handles a signal."""
    slide = SimpleNamespace(id="slide-00")
    form = SimpleNamespace(requestTopics=SimpleNamespace(connect=lambda _slot: None))
    return SimpleNamespace(
        player=SimpleNamespace(deck=SimpleNamespace(version="2026-01-05T07:00:00Z-abcdef")),
        session=SimpleNamespace(language="en", large_text=False, high_contrast=False),
        browse=SimpleNamespace(topic_id=None, current_slide=slide),
        screen_widget=lambda _name: form,
    )


def event_cost(folder: Path, visits: int, batch: int) -> list[float]:
    # Imported here: the size half of the benchmark needs no Qt.
    from kiosk.ui.insights.recorder import InsightsRecorder
    from kiosk.ui.shell import BROWSE, SLIDESHOW
    from kiosk.ui.shell import MENU as MENU_SCREEN
    from kiosk.ui.shell import REQUEST as REQUEST_SCREEN

    clock = FixedClock(START)
    writer = StatsWriter(folder / "stats.db", clock, retention_days=365, interval=3600, batch=batch)
    writer.start()
    recorder = InsightsRecorder(clock, writer.put)
    shell = stand_in_shell()
    recorder._shell = shell  # the stand-in instead of attach(): no Qt
    samples: list[float] = []

    def timed(handler: Callable[..., None], *args: object) -> None:
        started = time.perf_counter_ns()
        handler(*args)
        samples.append((time.perf_counter_ns() - started) / 1e6)
        clock.advance(2)

    try:
        for i in range(visits):
            timed(recorder._on_slide_shown, SLIDES[i % len(SLIDES)])
            timed(recorder._on_screen, MENU_SCREEN)
            timed(recorder._on_language, "es")
            timed(recorder._on_large_text, True)
            shell.browse.topic_id = TOPICS[i % len(TOPICS)]
            timed(recorder._on_screen, BROWSE)
            for position in range(3):
                shell.browse.current_slide = SimpleNamespace(id=f"{shell.browse.topic_id}-{position}")
                timed(recorder._on_position, position, 3)
            timed(recorder._on_screen, REQUEST_SCREEN)
            timed(recorder._on_request_sent, [shell.browse.topic_id, "about"])
            timed(recorder._on_screen, SLIDESHOW)
            timed(recorder._on_language, "en")  # the reset: no choice
        recorder.finish()
        if not writer.stop(30.0):
            raise RuntimeError("the writer did not finish")
    finally:
        writer.stop(1.0)
    if writer.problem or writer.dropped:
        raise RuntimeError(f"the writer failed: {writer.problem} ({writer.dropped} dropped)")
    return samples


def a_day(day: datetime, rng: random.Random, visits: int, slide_s: float) -> list[Event]:
    events: list[Event] = []
    opening = day.replace(hour=7, minute=0, second=0, microsecond=0)
    seconds = 0.0
    while seconds < 12 * 3600:
        events.append(
            SlidePlayed(
                millis(opening + timedelta(seconds=seconds)),
                SLIDES[int(seconds / slide_s) % len(SLIDES)],
                "2026-01-05T07:00:00Z-abcdef",
                round(slide_s * 1000),
            )
        )
        seconds += slide_s
    for _ in range(visits):
        hour = hour_of(opening + timedelta(seconds=rng.uniform(0, 12 * 3600)))
        events.append(Tally(hour, MENU, ""))
        for topic in rng.sample(TOPICS, rng.choice((1, 1, 2))):
            events.append(Tally(hour, TOPIC, topic, 1, rng.randint(10_000, 120_000)))
            events.append(Tally(hour, TOPIC_SLIDES, topic, rng.randint(1, 5)))
        if rng.random() < 0.1:
            events.append(Tally(hour, CHOICE, rng.choice(("language:es", "large_text:on", "high_contrast:on"))))
        sent = rng.random() < 1 / 12
        if sent:
            events.append(Tally(hour, REQUEST, ""))
            events.append(Tally(hour, REQUEST_TOPIC, rng.choice(TOPICS)))
        outcome = Outcome.REQUEST if sent else rng.choice((Outcome.BACK, Outcome.IDLE, Outcome.IDLE))
        events.append(VisitEnded(hour, rng.randint(5_000, 300_000), outcome))
    return events


def year_size(folder: Path, days: int, visits: int, slide_s: float, batch: int) -> dict[str, object]:
    rng = random.Random(16)
    path = folder / "stats.db"
    started = time.monotonic()
    with StatsStore(path) as store:
        for day in range(days):
            moment = START + timedelta(days=day)
            events = a_day(moment, rng, visits, slide_s)
            for first in range(0, len(events), batch):
                store.record(events[first : first + batch])
            store.maintain(moment + timedelta(hours=13), retention_days=365)
        rows = store.row_counts()
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = sum(p.stat().st_size for p in folder.glob("stats.db*"))
    return {
        "days": days,
        "visits_per_day": visits,
        "slide_every_s": slide_s,
        "file_mb": round(size / 1e6, 2),
        "target_mb": TARGET_YEAR_MB,
        "rows": rows,
        "simulated_in_s": round(time.monotonic() - started, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--visits-per-run", type=int, default=2000, help="scripted visits timed per run")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--batch", type=int, default=500, help="the writer's batch (its default)")
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--visits", type=int, default=300, help="visits a day in the simulated year")
    parser.add_argument("--slide-s", type=float, default=10.0, help="seconds each slide is on screen")
    parser.add_argument("--dir", type=Path, help="where to write (default: the system temp folder)")
    args = parser.parse_args()

    runs: list[dict[str, Any]] = []
    idle_runs: list[dict[str, Any]] = []
    for _ in range(args.runs):
        # The control: the same visits with the writer idle until the end (a batch it never
        # reaches), so what the writer's thread costs the GUI thread shows as the difference.
        for batch, into in ((args.batch, runs), (MAX_PENDING, idle_runs)):
            folder = Path(tempfile.mkdtemp(prefix="stats-cost-", dir=args.dir))
            try:
                samples = event_cost(folder, args.visits_per_run, batch)
            finally:
                shutil.rmtree(folder, ignore_errors=True)
            into.append(
                {
                    "calls": len(samples),
                    "median_ms": round(statistics.median(samples), 4),
                    "p99_ms": round(percentile(samples, 0.99), 4),
                    "p999_ms": round(percentile(samples, 0.999), 4),
                    "max_ms": round(max(samples), 3),
                }
            )
    folder = Path(tempfile.mkdtemp(prefix="stats-year-", dir=args.dir))
    try:
        size = year_size(folder, args.days, args.visits, args.slide_s, args.batch)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    median = statistics.median(r["median_ms"] for r in runs)
    p99 = statistics.median(r["p99_ms"] for r in runs)
    result = {
        "benchmark": "stats_cost",
        "python": platform.python_version(),
        "load_average": load_average(),
        "event_cost": {
            "median_ms": median,
            "p99_ms": p99,
            "p999_ms": statistics.median(r["p999_ms"] for r in runs),
            "target_ms": TARGET_EVENT_MS,
            "runs": runs,
            "writer_idle": {
                "median_ms": statistics.median(r["median_ms"] for r in idle_runs),
                "p99_ms": statistics.median(r["p99_ms"] for r in idle_runs),
                "p999_ms": statistics.median(r["p999_ms"] for r in idle_runs),
                "runs": idle_runs,
            },
        },
        "year": size,
        "passed": p99 < TARGET_EVENT_MS and float(str(size["file_mb"])) < TARGET_YEAR_MB,
    }
    print(json.dumps(result, indent=1))
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
