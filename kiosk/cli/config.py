"""``kiosk config check|show|reference``: what IT runs before and after editing kiosk.yaml."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kiosk import exitcodes


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, help="the kiosk.yaml to read (default: $KIOSK_CONFIG, "
                        "then the platform config folder)")
    parser.add_argument("action", choices=("check", "show", "reference"),
                        help="check: report problems; show: effective settings and where each came "
                        "from; reference: the Markdown table of every setting")


def run(args: argparse.Namespace) -> int:
    from kiosk.core.config import load_config, reference_markdown

    if args.action == "reference":
        sys.stdout.write(reference_markdown())
        return exitcodes.OK
    result = load_config(args.config, os.environ)
    for problem in sorted(result.problems, key=lambda p: (p.path, p.line or 0)):
        print(problem)
    if result.config is None:
        errors = sum(p.is_error for p in result.problems)
        print(f"config: {errors} error(s); the kiosk will not start with this configuration")
        return exitcodes.PROBLEMS
    config = result.config
    print(f"config: {config.path or 'no file, using defaults'}: OK")
    if args.action == "show":
        for key in config:
            print(f"{key} = {config[key]!r}  ({config.origins[key]})")
    return exitcodes.OK
