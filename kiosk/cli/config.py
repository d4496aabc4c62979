"""``kiosk config check|show|reference``: what IT runs before and after editing kiosk.yaml."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.runtime import exitcodes

if TYPE_CHECKING:
    from kiosk.core.problems import Problem


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", type=Path, help="the kiosk.yaml to read (default: $KIOSK_CONFIG, then the platform config folder)"
    )
    parser.add_argument(
        "action",
        choices=("check", "show", "reference"),
        help="check: report problems; show: effective settings and where each came "
        "from; reference: the Markdown table of every setting",
    )


def run(args: argparse.Namespace) -> int:
    from kiosk.core.config import load_config, reference_markdown

    if args.action == "reference":
        sys.stdout.write(reference_markdown())
        return exitcodes.OK
    from kiosk.core.delivery.config import delivery_setup, secret_file_problems
    from kiosk.core.publish.settings import config_problems

    result = load_config(args.config, os.environ)
    problems = list(result.problems)
    delivery_off = False
    update_problems: list[Problem] = []
    if result.config is not None:
        # Each channel's own fields (host, security, secrets...) are the delivery module's.
        setup = delivery_setup(result.config)
        problems += [p for p in setup.problems if p not in problems]
        secrets = secret_file_problems(setup.channels, str(result.config.path or "kiosk.yaml"))
        problems += secrets
        delivery_off = setup.off_by_mistake
        # The update settings, and whether content.public_key is a usable key.
        update_problems = [*result.config.update_problems, *config_problems(result.config)]
        problems += [p for p in update_problems if p not in problems]
    for problem in sorted(problems, key=lambda p: (p.path, p.line or 0)):
        print(problem)
    if result.config is None or any(p.is_error for p in problems):
        errors = sum(p.is_error for p in problems)
        if result.config is None:
            consequence = "the kiosk will not start with this configuration"
        else:
            parts = []
            if delivery_off:
                parts.append("with delivery off: it stores requests without sending them")
            elif any(p.is_error and p not in update_problems for p in problems):
                parts.append("deliveries on these channels fail until this is fixed")
            if any(p.is_error for p in update_problems):
                parts.append("with content updates off until this is fixed: it plays the content it has")
            consequence = "the kiosk starts, but " + "; and ".join(parts)
        print(f"config: {errors} error(s); {consequence}")
        return exitcodes.PROBLEMS
    config = result.config
    print(f"config: {config.path or 'no file, using defaults'}: OK")
    if args.action == "show":
        for key in config:
            print(f"{key} = {config[key]!r}  ({config.origins[key]})")
    return exitcodes.OK
