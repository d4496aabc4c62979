"""``kiosk self-test``: build the real window offscreen, show every slide through the real
path and check each shown frame is a real picture of the right size. The packaged build runs
it after installation."""

from __future__ import annotations

import argparse
import os
import sys

from kiosk.cli.run import add_content_argument, parse_size
from kiosk.runtime import exitcodes


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_content_argument(parser)
    parser.add_argument(
        "--size",
        type=parse_size,
        default=(1920, 1080),
        metavar="WxH",
        help="screen size to test at (default 1920x1080)",
    )
    parser.add_argument("--lang", choices=("en", "es"), default="en", help="language (default en)")


def run(args: argparse.Namespace) -> int:
    # Offscreen unless the caller chose a platform (e.g. a real X display to watch it).
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.runtime.logging_setup import configure_logging

    configure_logging(level=30)  # warnings: a skipped slide is worth seeing here

    if args.content is not None:
        content = args.content.resolve()
    else:
        from kiosk.core.content_home import configured_places

        content = configured_places().readable_folder()
    from kiosk.core.clock import SystemClock
    from kiosk.core.loader import load_deck

    width, height = args.size
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

    from kiosk.ui.self_test import show_every_slide

    print(f"self-test: {len(deck.slides)} slides from {content} at {width}x{height}")
    failures = show_every_slide(deck, (width, height), args.lang, clock, print)
    if failures:
        print(f"self-test FAILED: {failures} of {len(deck.slides)} slides")
        return exitcodes.PROBLEMS
    print(f"self-test passed: {len(deck.slides)} slides")
    sys.stdout.flush()
    return exitcodes.OK
