"""Tap-to-menu latency: a real tap on the playing slideshow until the menu is painted.

The kiosk (bundled content, real renderer, full screen 1920x1080) runs in this process on a
private Xvfb screen. Each tap is a real X pointer click sent by ``xdotool``; the script
records, with ``time.perf_counter()``:

- ``release``: when the button release reaches the slideshow widget (Qt's event delivery);
- ``painted``: when the menu's first paint after it has been drawn and flushed (a zero-timer
  posted from the menu's Paint event fires after the paint and the backing-store flush);
- ``sent``: just before ``xdotool click`` was started (an upper bound: includes starting
  xdotool, about 2-5 ms).

``tap_to_paint`` (release -> painted) is the figure with the 100 ms budget (p95);
``command_to_paint`` (sent -> painted) is reported alongside. ``next_to_paint`` is the same
for "Next" in the topic browser (release on the button -> next slide painted), which shows
whether rendering the slide on the GUI thread (when not prefetched) is fast enough. Between taps the kiosk goes
home (slideshow) and waits ``--gap`` seconds, longer than the double-tap guard (350 ms).

    .venv/bin/python bench/tap_latency.py [--taps 40] [--runs 3]
    .venv/bin/python bench/tap_latency.py --render-times
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run as `python bench/NAME.py`: the repository root makes bench.* and tests.helpers.* importable.
sys.path.insert(0, str(ROOT))

from bench.measures import load_average  # noqa: E402 - after the path above
from tests.helpers.xvfb import running_xvfb  # noqa: E402 - after the path above

WIDTH, HEIGHT = 1920, 1080


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def summary(values: list[float]) -> dict[str, float]:
    return {
        "median_ms": round(statistics.median(values), 2),
        "p95_ms": round(percentile(values, 0.95), 2),
        "max_ms": round(max(values), 2),
        "min_ms": round(min(values), 2),
    }


def run_taps(display: str, taps: int, gap: float) -> dict[str, object]:
    os.environ["DISPLAY"] = display
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

    from kiosk.core.clock import SystemClock
    from kiosk.core.loader import load_deck
    from kiosk.core.resources import bundled_content_dir
    from kiosk.ui.app import build_kiosk, create_application

    app = create_application()
    clock = SystemClock()
    result = load_deck(bundled_content_dir(), screen_size=(WIDTH, HEIGHT), now=clock.now())
    deck = result.deck
    assert deck is not None, result.problems
    kiosk = build_kiosk(app, deck, clock=clock, screen=app.primaryScreen())
    shell = kiosk.window

    marks: dict[str, float] = {}

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            kind = event.type()
            if watched is shell.slideshow and kind == QEvent.Type.MouseButtonRelease:
                marks.setdefault("release", time.perf_counter())
            elif watched is shell.menu and kind == QEvent.Type.Paint and "release" in marks:
                QTimer.singleShot(0, lambda: marks.setdefault("painted", time.perf_counter()))
            return False

    watch = Watch()
    shell.slideshow.installEventFilter(watch)
    shell.menu.installEventFilter(watch)

    class WatchNext(QObject):
        """The same marks for a tap on "Next" in the topic browser: release on the button
        to the slide view's next paint (the slide rendered, or taken from the prefetch)."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            kind = event.type()
            if watched is shell.browse.next_button and kind == QEvent.Type.MouseButtonRelease:
                marks.setdefault("release", time.perf_counter())
            elif watched is shell.browse.view and kind == QEvent.Type.Paint and "release" in marks:
                QTimer.singleShot(0, lambda: marks.setdefault("painted", time.perf_counter()))
            return False

    watch_next = WatchNext()
    shell.browse.next_button.installEventFilter(watch_next)
    shell.browse.view.installEventFilter(watch_next)

    def spin(seconds: float, until: str | None = None) -> None:
        loop = QEventLoop()
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(round(seconds * 1000))
        poll = QTimer()
        if until is not None:
            poll.timeout.connect(lambda: loop.quit() if until in marks else None)
            poll.start(1)
        loop.exec()
        poll.stop()

    # The first slide and the Material theme (applied after the first frame) are up.
    deadline = time.monotonic() + 30
    while shell.current_pixmap is None and time.monotonic() < deadline:
        spin(0.05)
    spin(1.0)

    tap_to_paint: list[float] = []
    command_to_paint: list[float] = []
    missed = 0
    for _ in range(taps):
        shell.go_home()
        spin(gap)
        marks.clear()
        marks["sent"] = time.perf_counter()
        subprocess.Popen(
            ["xdotool", "mousemove", str(WIDTH // 2), str(HEIGHT // 2), "click", "1"],
            env={**os.environ, "DISPLAY": display},
        )
        spin(2.0, until="painted")
        if "painted" not in marks or "release" not in marks or shell.current_screen != "menu":
            missed += 1
            continue
        tap_to_paint.append((marks["painted"] - marks["release"]) * 1000)
        command_to_paint.append((marks["painted"] - marks["sent"]) * 1000)
    # "Next" in the topic browser: a topic with many slides, stepped through to the end,
    # then opened again. With --no-prefetch-wait the tap comes before the neighbour is ready.
    next_to_paint: list[float] = []
    next_missed = 0
    topic = max(shell.menu.topics, key=lambda t: len(deck.for_topic(t.id, clock.now()))).id
    shell.open_menu()
    while len(next_to_paint) + next_missed < taps:
        shell.open_topic(topic)
        spin(gap)
        while shell.browse.next_button.isEnabled() and len(next_to_paint) + next_missed < taps:
            centre = shell.browse.next_button.mapToGlobal(shell.browse.next_button.rect().center())
            marks.clear()
            before = shell.browse.index
            subprocess.Popen(
                ["xdotool", "mousemove", str(centre.x()), str(centre.y()), "click", "1"],
                env={**os.environ, "DISPLAY": display},
            )
            spin(2.0, until="painted")
            if "painted" not in marks or shell.browse.index != before + 1:
                next_missed += 1
            else:
                next_to_paint.append((marks["painted"] - marks["release"]) * 1000)
            spin(gap)
    kiosk.player.stop()
    shell.browse.wait_idle()
    shell.close()
    if not tap_to_paint:
        raise RuntimeError("no tap opened the menu")
    return {
        "taps": taps,
        "missed": missed,
        "tap_to_paint": summary(tap_to_paint),
        "command_to_paint": summary(command_to_paint),
        "next_taps": len(next_to_paint) + next_missed,
        "next_missed": next_missed,
        "next_to_paint": summary(next_to_paint) if next_to_paint else None,
    }


def render_times(repeats: int = 3) -> dict[str, object]:
    """How long the topic browser's renders take (why they run in a worker thread); in larger
    text a long slide is laid out at growing heights until no text is cut."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSize

    from kiosk.core.loader import load_deck
    from kiosk.core.resources import bundled_content_dir
    from kiosk.ui.app import create_application
    from kiosk.ui.render.slide_renderer import SlideRenderer

    create_application()
    deck = load_deck(bundled_content_dir(), screen_size=(WIDTH, HEIGHT)).deck
    assert deck is not None
    renderer = SlideRenderer(deck)
    out: dict[str, object] = {}
    # The slide area above the browser's controls, landscape and portrait.
    for size in (QSize(1920, 836), QSize(1080, 1640)):
        for large in (False, True):
            times = []
            for _ in range(repeats):
                for slide in deck.slides:
                    start = time.perf_counter()
                    renderer.render_scrolled(slide, size, "es", large_text=large)
                    times.append((time.perf_counter() - start) * 1000)
            out[f"{size.width()}x{size.height()}{' large' if large else ''}"] = summary(times)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--taps", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--gap", type=float, default=0.5, help="seconds on the slideshow between taps")
    parser.add_argument("--child", metavar="DISPLAY", help=argparse.SUPPRESS)
    parser.add_argument(
        "--render-times", action="store_true", help="only time the browser's slide renders (offscreen), no taps"
    )
    args = parser.parse_args()
    if args.render_times:
        print(json.dumps({"benchmark": "browse_render_ms", **render_times()}, indent=2))
        return 0
    if args.child:
        print(json.dumps(run_taps(args.child, args.taps, args.gap)), flush=True)
        return 0
    runs = []
    load_before = load_average()
    for _ in range(args.runs):
        # A fresh process (and X server) per run, like a kiosk start.
        with running_xvfb(WIDTH, HEIGHT) as display:
            out = subprocess.run(
                [
                    sys.executable,
                    str(Path(__file__).resolve()),
                    "--child",
                    display,
                    "--taps",
                    str(args.taps),
                    "--gap",
                    str(args.gap),
                ],
                check=True,
                capture_output=True,
                text=True,
                cwd=ROOT,
            )
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    p95s = [r["tap_to_paint"]["p95_ms"] for r in runs]
    next_p95s = [r["next_to_paint"]["p95_ms"] for r in runs if r["next_to_paint"]]
    medians = [r["tap_to_paint"]["median_ms"] for r in runs]
    print(
        json.dumps(
            {
                "benchmark": "tap_latency",
                "screen": f"{WIDTH}x{HEIGHT}",
                "runs": runs,
                "tap_to_paint_median_of_medians_ms": round(statistics.median(medians), 2),
                "tap_to_paint_worst_p95_ms": max(p95s),
                "next_to_paint_worst_p95_ms": max(next_p95s) if next_p95s else None,
                "budget_p95_ms": 100,
                "within_budget": max(p95s) <= 100,
                "load_average_before": load_before,
                "load_average_after": load_average(),
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
