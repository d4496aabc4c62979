"""Soak test in accelerated time: the kiosk's real window (the shell, offscreen) runs
10,000 slide changes, 500 menu visits, 200 request-form submissions into a real SQLite file
and 20 content reloads, interleaved, in one process. Passes when nothing crashes, Qt prints
no warning and PSS grows at most 10 MB: the median of the first three of eleven samples
(after a warm-up that visits every screen once) against the median of the last three.

Slides last milliseconds (``--time-scale``) and transitions 16 ms, so each slide change still
renders a real frame in the worker, transitions, paints and drops the old frame. Menu visits
and form submissions go through the shell's own screens; reloads edit a slide in a private
copy of the content, so every reload applies a new deck. ``--short`` (1/20 of everything)
is what CI runs (tests/test_soak_short.py). ``--tracemalloc`` also lists the Python
allocations that grew most between the first and the last sample (where a climb would come
from, if it were Python's). Prints JSON; exit 1 when a check fails.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PSS_GROWTH_LIMIT_MB = 10.0


@dataclass(frozen=True)
class Plan:
    slides: int
    menu_visits: int
    forms: int
    reloads: int


FULL = Plan(slides=10_000, menu_visits=500, forms=200, reloads=20)
SHORT = Plan(slides=500, menu_visits=25, forms=10, reloads=2)


def settled_pss_mb() -> float:
    """PSS with freed memory handed back first: the Python collector, then glibc's
    malloc_trim, so a measurement sees memory still in use rather than the allocator's
    free lists, which swing by tens of MB with frames in flight."""
    gc.collect()
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):  # not glibc: measure as is
            ctypes.CDLL("libc.so.6").malloc_trim(0)
    return pss_mb()


def pss_mb() -> float:
    from kiosk.runtime.memory_guard import memory_mb

    measured = memory_mb()
    if measured is None:
        raise RuntimeError("cannot measure this process' memory here (needs /proc or Windows)")
    return measured


def soak(plan: Plan, size: tuple[int, int], time_scale: float, work: Path, trace: bool = False) -> dict[str, object]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QSize, QTimer, QtMsgType, qInstallMessageHandler

    from kiosk.core.clock import SystemClock
    from kiosk.core.loader import load_deck
    from kiosk.core.requests.store import RequestStore
    from kiosk.core.resources import bundled_content_dir
    from kiosk.core.stats.figures import read_figures
    from kiosk.core.stats.writer import StatsWriter
    from kiosk.ui.app import build_kiosk, create_application
    from kiosk.ui.insights.recorder import InsightsRecorder
    from kiosk.ui.request.form_screen import RequestScreen
    from kiosk.ui.slideshow.player import PlayerTiming

    warnings: list[str] = []

    def on_message(kind: QtMsgType, _context: object, text: str) -> None:
        if kind != QtMsgType.QtDebugMsg and kind != QtMsgType.QtInfoMsg:
            warnings.append(text)

    qInstallMessageHandler(on_message)
    content = work / "content"
    shutil.copytree(bundled_content_dir(), content)
    app = create_application()
    clock = SystemClock()
    screen = app.primaryScreen()
    result = load_deck(content, screen_size=size, now=clock.now())
    if result.deck is None:
        raise RuntimeError(f"the bundled content does not load: {result.problems}")
    kiosk = build_kiosk(
        app,
        result.deck,
        clock=clock,
        screen=screen,
        windowed=QSize(*size),
        transition="fade",
        timing=PlayerTiming(time_scale=time_scale, transition_ms=16),
    )
    shell, player = kiosk.window, kiosk.player
    store = RequestStore(work / "data" / "requests.db")

    class Submitter:
        def submit(self, request, token):
            return store.submit(request, token, channels=["email"])

    form = RequestScreen(shell.session, result.deck.clinic, Submitter(), clock=clock, thanks_seconds=60)
    shell.add_screen("request", form)
    topics = [t.id for t in result.deck.clinic.topics]
    # Counting how the kiosk is used, as kiosk run's insights step does.
    stats = StatsWriter(work / "data" / "stats.db", clock, retention_days=365, interval=5.0)
    stats.start()
    recorder = InsightsRecorder(clock, stats.put)
    recorder.attach(shell)

    changes = 0

    def count(_slide_id: str) -> None:
        nonlocal changes
        changes += 1

    player.slideShown.connect(count)

    def run_until(condition, timeout_s: float = 30.0) -> None:
        deadline = time.monotonic() + timeout_s
        while not condition():
            if time.monotonic() > deadline:
                raise RuntimeError(f"timed out after {changes} slide changes")
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

    def menu_visit(i: int) -> None:
        shell.open_menu()
        app.processEvents()
        if topics:
            shell.open_topic(topics[i % len(topics)])
            app.processEvents()
        shell.go_home()
        app.processEvents()

    def submit_form(i: int) -> None:
        form.begin(topics[i % len(topics)] if topics else None)
        shell.show_screen("request")
        form.name.edit.setText(f"Soak Patient {i}")
        form.phone.edit.setText(f"303-555-{i % 10_000:04d}")
        form.consent.setChecked(True)
        app.processEvents()
        before = store.counts()
        form.submit_button.click()
        if store.counts() == before:
            raise RuntimeError(f"form submission {i} stored nothing")
        app.processEvents()
        shell.go_home()
        app.processEvents()

    slide_file = sorted((content / "slides").glob("*.yaml"))[0]
    original = slide_file.read_text(encoding="utf-8")

    def reload(i: int) -> None:
        slide_file.write_text(original + f"\n# soak reload {i}\n", encoding="utf-8")
        outcome = load_deck(content, screen_size=size, now=clock.now())
        if outcome.deck is None:
            raise RuntimeError(f"reload {i} failed: {outcome.problems}")
        player.apply_load_result(outcome)

    def settle() -> None:
        # Measure between slides: no transition running, no frame being prepared.
        run_until(lambda: not shell.slideshow.transitioning)
        for _ in range(5):
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)

    # Spread the other activities evenly over the slide changes.
    def due(total: int, done: int) -> bool:
        return total > 0 and done < total and changes >= (done + 1) * plan.slides // (total + 1)

    started = time.monotonic()
    # Warm-up, not counted: every screen built and styled once, caches filled, one reload.
    menu_visit(0)
    submit_form(-1)
    reload(-1)
    warm_up = max(50, plan.slides // 10)
    run_until(lambda: changes >= warm_up, timeout_s=120)
    warm_changes = changes
    changes = 0
    settle()
    if trace:
        import tracemalloc

        tracemalloc.start(8)
        first_snapshot = tracemalloc.take_snapshot()
    pss_start = settled_pss_mb()
    samples = [round(pss_start, 1)]
    visits = forms = reloads = 0
    while changes < plan.slides:
        if changes >= len(samples) * plan.slides // 10:
            settle()
            samples.append(round(settled_pss_mb(), 1))
        if due(plan.menu_visits, visits):
            menu_visit(visits)
            visits += 1
        elif due(plan.forms, forms):
            submit_form(forms)
            forms += 1
        elif due(plan.reloads, reloads):
            reload(reloads)
            reloads += 1
        else:
            target = changes + 1
            run_until(lambda target=target: changes >= target)
    while visits < plan.menu_visits:
        menu_visit(visits)
        visits += 1
    while forms < plan.forms:
        submit_form(forms)
        forms += 1
    while reloads < plan.reloads:
        reload(reloads)
        reloads += 1
    settle()
    pss_end = settled_pss_mb()
    samples.append(round(pss_end, 1))
    grew: list[str] = []
    if trace:
        grew = [str(stat) for stat in tracemalloc.take_snapshot().compare_to(first_snapshot, "lineno")[:10]]
        tracemalloc.stop()
    elapsed = time.monotonic() - started
    stored = sum(store.counts().values())
    integrity = store.integrity_check()
    recorder.finish()
    stats_stopped = stats.stop(10.0)
    now = clock.now()
    counted = read_figures(stats.path, now - timedelta(days=1), now + timedelta(hours=1), UTC)
    # Every menu visit and form (and the warm-up's two) was a visit; slides shown were counted.
    stats_ok = stats_stopped and not stats.problem and counted.visits == visits + forms + 2 and counted.shows > 0
    player.stop()
    store.close()
    QTimer.singleShot(0, app.quit)
    # Median of the first three samples (0, 10, 20 %) against the median of the last three:
    # one sample can sit high or low by a frame or two in flight; a leak moves all of them.
    baseline = statistics.median(samples[:3])
    final = statistics.median(samples[-3:])
    growth = final - baseline
    passed = (
        not warnings and growth <= PSS_GROWTH_LIMIT_MB and integrity == "ok" and stored == plan.forms + 1 and stats_ok
    )
    return {
        "benchmark": "soak",
        "size": f"{size[0]}x{size[1]} offscreen",
        "warm_up_slide_changes": warm_changes,
        "slide_changes": changes,
        "menu_visits": visits,
        "form_submissions": forms,
        "requests_stored": stored,  # including the warm-up's one
        "content_reloads": reloads,
        "deck_version": player.deck.version,
        "elapsed_s": round(elapsed, 1),
        "pss_baseline_mb": round(baseline, 1),
        "pss_final_mb": round(final, 1),
        "pss_growth_mb": round(growth, 2),
        "pss_growth_limit_mb": PSS_GROWTH_LIMIT_MB,
        "pss_samples_mb": samples,
        "qt_warnings": warnings[:10],
        **({"python_allocations_grown": grew} if trace else {}),
        "database_integrity": integrity,
        "stats_visits": counted.visits,
        "stats_requests": counted.requests,
        "stats_slides_shown": counted.shows,
        "stats_problem": stats.problem or None,
        "passed": passed,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--short", action="store_true", help="1/20 of every count (CI)")
    parser.add_argument("--size", default="1280x720", help="window size (default 1280x720)")
    parser.add_argument(
        "--time-scale",
        type=float,
        default=0.0005,
        help="real seconds per slide second (default 0.0005: a 12 s slide lasts 6 ms)",
    )
    parser.add_argument("--tracemalloc", action="store_true", help="list the Python allocations that grew most")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.lower().split("x"))
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="kiosk-soak-") as work:
        report = soak(SHORT if args.short else FULL, (width, height), args.time_scale, Path(work), args.tracemalloc)
    print(json.dumps(report, indent=2))
    return 0 if report["passed"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
