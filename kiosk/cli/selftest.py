"""``kiosk self-test``: build the real window offscreen, show every slide through the real
path and check each shown frame is a real picture of the right size. The packaged build runs
it after installation."""

from __future__ import annotations

import argparse
import os
import sys

from kiosk import exitcodes
from kiosk.cli.run import add_content_argument, default_content_dir, parse_size

#: Seconds to wait for one slide to be rendered and shown.
SLIDE_TIMEOUT_S = 20


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_content_argument(parser)
    parser.add_argument(
        "--size", type=parse_size, default=(1920, 1080), metavar="WxH",
        help="screen size to test at (default 1920x1080)",
    )
    parser.add_argument("--lang", choices=("en", "es"), default="en", help="language (default en)")


def run(args: argparse.Namespace) -> int:
    # Offscreen unless the caller chose a platform (e.g. a real X display to watch it).
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.logging_setup import configure_logging

    configure_logging(level=30)  # warnings: a skipped slide is worth seeing here

    content = (args.content or default_content_dir()).resolve()
    from PySide6.QtCore import QEventLoop, QSize, QTimer

    from kiosk.core.clock import SystemClock
    from kiosk.core.loader import load_deck
    from kiosk.ui.app import build_kiosk, create_application
    from kiosk.ui.frame_check import frame_problems
    from kiosk.ui.player import PlayerTiming

    width, height = args.size
    size = QSize(width, height)
    clock = SystemClock()
    result = load_deck(content, screen_size=(width, height), now=clock.now())
    for problem in result.problems:
        print(f"{'FAIL' if problem.is_error else 'warn'} content: {problem}")
    if not result.ok or result.deck is None:
        print(f"self-test FAILED: the content in {content} has errors")
        return exitcodes.PROBLEMS
    deck = result.deck
    if not deck.slides:
        print(f"self-test FAILED: the content in {content} has no slides")
        return exitcodes.PROBLEMS

    app = create_application()
    screen = app.primaryScreen()
    kiosk = build_kiosk(
        app, deck, clock=clock, screen=screen, windowed=size, language=args.lang,
        transition="none", timing=PlayerTiming(),
    )
    player, window = kiosk.player, kiosk.window
    failures = 0
    print(f"self-test: {len(deck.slides)} slides from {content} at {width}x{height}")
    for slide in deck.slides:
        outcome: dict[str, str] = {}
        loop = QEventLoop()

        def shown(slide_id: str, _want: str = slide.id, _loop: QEventLoop = loop) -> None:
            if slide_id == _want:
                outcome["shown"] = slide_id
                _loop.quit()

        def skipped(slide_id: str, message: str, _want: str = slide.id, _loop: QEventLoop = loop) -> None:
            if slide_id == _want:
                outcome["error"] = message
                _loop.quit()

        player.slideShown.connect(shown)
        player.slideSkipped.connect(skipped)
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(SLIDE_TIMEOUT_S * 1000)
        player.show_slide(slide)
        if not outcome:
            loop.exec()
        timer.stop()
        player.slideShown.disconnect(shown)
        player.slideSkipped.disconnect(skipped)
        if "error" in outcome:
            failures += 1
            print(f"FAIL {slide.id} ({slide.kind}): could not render: {outcome['error']}")
            continue
        if "shown" not in outcome:
            failures += 1
            print(f"FAIL {slide.id} ({slide.kind}): not shown within {SLIDE_TIMEOUT_S} s")
            continue
        app.processEvents()
        image = window.grab().toImage()
        problems = frame_problems(image, size)
        if problems:
            failures += 1
            print(f"FAIL {slide.id} ({slide.kind}): {'; '.join(problems)}")
        else:
            print(f"ok   {slide.id} ({slide.kind}) {image.width()}x{image.height()}")
    player.stop()
    window.close()
    if failures:
        print(f"self-test FAILED: {failures} of {len(deck.slides)} slides")
        return exitcodes.PROBLEMS
    print(f"self-test passed: {len(deck.slides)} slides")
    sys.stdout.flush()
    return exitcodes.OK
