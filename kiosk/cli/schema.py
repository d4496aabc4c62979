"""``kiosk schema``: JSON Schema of clinic.yaml, slide files and notices.yaml, for editors such as
VS Code."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kiosk.runtime import exitcodes

FILE_NAMES = {"clinic": "clinic.schema.json", "slide": "slide.schema.json", "notices": "notices.schema.json"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--kind", choices=sorted(FILE_NAMES), help="print only this schema (default: all, keyed by file name)"
    )
    parser.add_argument(
        "--out",
        metavar="DIR",
        type=Path,
        help="write clinic.schema.json, slide.schema.json and notices.schema.json into DIR instead of printing",
    )


def run(args: argparse.Namespace) -> int:
    from kiosk.core.json_schema import schema_for

    kinds = [args.kind] if args.kind else list(FILE_NAMES)
    if args.out is not None:
        try:
            args.out.mkdir(parents=True, exist_ok=True)
            for kind in kinds:
                target = args.out / FILE_NAMES[kind]
                target.write_text(json.dumps(schema_for(kind), indent=2) + "\n", encoding="utf-8")
                print(f"wrote {target}")
        except OSError as exc:
            print(f"kiosk schema: cannot write to {args.out}: {exc.strerror or exc}", file=sys.stderr)
            return exitcodes.PROBLEMS
        return exitcodes.OK
    if args.kind:
        document = schema_for(args.kind)
    else:
        document = {FILE_NAMES[kind]: schema_for(kind) for kind in kinds}
    print(json.dumps(document, indent=2))
    return exitcodes.OK
