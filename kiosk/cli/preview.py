"""``kiosk preview [DIR] --out DIR``: render every slide to PNG, plus a contact sheet, so staff
can check a change before it goes live."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from kiosk.runtime import exitcodes

_SIZE = re.compile(r"^\s*(\d{3,5})\s*[xX×]\s*(\d{3,5})\s*$")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "dir",
        nargs="?",
        metavar="DIR",
        help="the content folder (default: the kiosk's content home, see kiosk --version)",
    )
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the PNG files (created if missing)")
    parser.add_argument(
        "--size",
        default="1920x1080",
        metavar="WxH",
        help="screen size to render at (default: 1920x1080; portrait: 1080x1920)",
    )
    parser.add_argument(
        "--lang",
        default="en",
        metavar="LANG",
        help="language to show, e.g. es (default: en; missing texts fall back to English)",
    )
    parser.add_argument("--large-text", action="store_true", help="render with the large text patients can switch on")


def _usage(message: str) -> int:
    print(f"kiosk preview: {message}", file=sys.stderr)
    return exitcodes.USAGE


def run(args: argparse.Namespace) -> int:
    from kiosk.core.text import SUPPORTED_LANGUAGES

    if args.dir is None:
        from kiosk.core.content_home import configured_places

        root = configured_places().readable_folder()
    else:
        root = Path(args.dir)
    if not root.is_dir():
        return _usage(f"{root} is not a folder" if root.exists() else f"{root} does not exist")
    size = _SIZE.match(args.size)
    if not size:
        return _usage(f"--size must look like 1920x1080, not {args.size!r}")
    width, height = int(size.group(1)), int(size.group(2))
    if min(width, height) < 240 or max(width, height) > 7680:
        return _usage(f"--size {width}x{height} is outside 240..7680 pixels")
    if args.lang not in SUPPORTED_LANGUAGES:
        return _usage(f"--lang must be one of {', '.join(SUPPORTED_LANGUAGES)}, not {args.lang!r}")
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        return _usage(f"--out {out} is a file, not a folder")

    from kiosk.core.loader import load_deck

    result = load_deck(root, screen_size=(width, height))
    for problem in result.problems:
        print(problem)
    if result.deck is None:
        print(f"NOT VALID: {len(result.errors)} error(s); nothing rendered")
        return exitcodes.PROBLEMS

    from kiosk.ui.render.preview import PreviewWriteError, render_previews

    try:
        from kiosk.core.clock import SystemClock

        outcome = render_previews(
            result.deck, out, (width, height), args.lang, large_text=args.large_text, at=SystemClock().now()
        )
    except PreviewWriteError as exc:
        print(f"kiosk preview: {exc}", file=sys.stderr)
        return exitcodes.PROBLEMS
    if outcome.failed:
        print(f"{len(outcome.failed)} slide(s) could not be rendered; the kiosk skips them")
        return exitcodes.PROBLEMS
    return exitcodes.OK
