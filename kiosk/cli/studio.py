"""``kiosk studio [DIR]``: the window in which staff edit the slides, see them as the kiosk
shows them, save and publish (also the ``kiosk-studio`` program, for a desktop shortcut)."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli.run import parse_size


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "dir",
        nargs="?",
        type=Path,
        metavar="DIR",
        help="the content folder to edit (default: this computer's kiosk content home, see kiosk --version)",
    )
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="kiosk.yaml to use (default: KIOSK_CONFIG, then the platform config folder)",
    )
    parser.add_argument("--lang", choices=("en", "es"), default="en", help="the studio's own language (default en)")
    parser.add_argument(
        "--size",
        type=parse_size,
        default=(1920, 1080),
        metavar="WxH",
        help="the kiosk's screen in landscape, for the preview (default 1920x1080)",
    )


def run(args: argparse.Namespace) -> int:
    from kiosk.runtime.studio import StudioOptions, run_studio

    return run_studio(StudioOptions(folder=args.dir, config=args.config, language=args.lang, size=args.size))
