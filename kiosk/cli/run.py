"""``kiosk run`` (also bare ``kiosk``): play the clinic's slides full screen."""

from __future__ import annotations

import argparse
from pathlib import Path

TRANSITIONS = ("fade", "slide", "none")


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1280x720, not {text!r}") from None
    if not (160 <= w <= 16384 and 160 <= h <= 16384):
        raise argparse.ArgumentTypeError(f"size {text} is out of range (160..16384 per side)")
    return w, h


def positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, not {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("must be greater than 0")
    return value


def add_content_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content",
        type=Path,
        metavar="DIR",
        help="play this content folder as it is (default: the content home: content.dir, else content/ in the data folder)",
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # Options left out fall back to kiosk.yaml (display.*, player.*, content.dir, log.dir).
    add_content_argument(parser)
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="kiosk.yaml to use (default: KIOSK_CONFIG, then the platform config folder)",
    )
    parser.add_argument("--screen", type=int, metavar="N", help="screen number, from 0 (default 0)")
    parser.add_argument(
        "--windowed", type=parse_size, metavar="WxH", help="a window of this size instead of full screen"
    )
    parser.add_argument("--lang", choices=("en", "es"), help="language of the slides (default en)")
    parser.add_argument("--transition", choices=TRANSITIONS, help="between slides (default fade)")
    parser.add_argument(
        "--log-file", type=Path, metavar="FILE", help="also log to this file (default: log.dir/kiosk.log when set)"
    )
    parser.add_argument(
        "--time-scale",
        type=positive_float,
        default=1.0,
        metavar="X",
        help="real seconds per slide second, for demos and benchmarks (default 1)",
    )


def run(args: argparse.Namespace) -> int:
    from kiosk.runtime.launch import RunOptions, run_kiosk

    return run_kiosk(
        RunOptions(
            content=args.content,
            config=args.config,
            screen=args.screen,
            windowed=args.windowed,
            language=args.lang,
            transition=args.transition,
            log_file=args.log_file,
            time_scale=args.time_scale,
        )
    )
