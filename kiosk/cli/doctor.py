"""``kiosk doctor``: checks what a kiosk PC needs and prints one OK/WARN/FAIL line per check
(the checks are in :mod:`kiosk.runtime.doctor`). Exit 0 when nothing FAILed, 1 otherwise."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from kiosk.runtime import exitcodes
from kiosk.runtime.doctor import FAIL, OK, SKIP, WARN, display_probe, run_checks


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="kiosk.yaml to use (default: KIOSK_CONFIG, then the platform config folder)",
    )
    parser.add_argument(
        "--timeout", type=float, default=3.0, metavar="S", help="seconds to wait for each delivery channel (default 3)"
    )
    parser.add_argument("--display-probe", action="store_true", help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    if args.display_probe:
        return display_probe()
    checks = run_checks(args.config, os.environ, channel_timeout=args.timeout)
    for check in checks:
        print(check.line())
    counts = {s: sum(1 for c in checks if c.status == s) for s in (OK, WARN, FAIL, SKIP)}
    skipped = f", {counts[SKIP]} SKIP" if counts[SKIP] else ""
    print(f"doctor: {counts[OK]} OK, {counts[WARN]} WARN, {counts[FAIL]} FAIL{skipped}")
    return exitcodes.PROBLEMS if counts[FAIL] else exitcodes.OK
