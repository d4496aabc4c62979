"""The ``kiosk`` command: ``kiosk [run]``, ``validate``, ``schema``, ``preview``, ``self-test``.

Only the chosen subcommand's module is imported, so ``kiosk validate`` never loads Qt and
``kiosk --help`` loads none of them.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

#: subcommand -> (module under kiosk.cli, one-line help)
#: Each module defines ``add_arguments(parser)`` and ``run(args) -> int`` and imports
#: nothing heavy at module level.
COMMANDS: dict[str, tuple[str, str]] = {
    "run": ("run", "play the slideshow full screen (the default command)"),
    "studio": ("studio", "edit the slides in a window, see them as the kiosk shows them, save and publish (staff)"),
    "self-test": ("selftest", "show every slide in the real window offscreen and check each frame"),
    "config": ("config", "check or show kiosk.yaml, or print the reference of every setting"),
    "requests": ("requests", "list or export the patients' information requests (staff)"),
    "deliver": ("deliver", "send waiting information requests now, retry failed ones, or show the delivery queue (IT)"),
    "set-pin": ("set_pin", "set the staff PIN that opens the admin screen on the kiosk (IT)"),
    "validate": ("validate", "check a content folder and show what would play"),
    "schema": ("schema", "print the JSON Schema of clinic.yaml and slide files (for editors)"),
    "doctor": ("doctor", "check this PC: display, fonts, Qt plugins, folders, database, disk, clock, delivery (IT)"),
    "stats": (
        "stats",
        "how the kiosk is used, with no patient data: visits, topics, requests per topic, slides shown (staff)",
    ),
    "status": (
        "status",
        "is the kiosk running and painting; content, requests, last delivery, memory (--json for monitors)",
    ),
    "preview": ("preview", "render every slide to PNG plus a contact sheet, to check content before it goes live"),
    "content": (
        "content",
        "the content versions kept on this kiosk (history, restore); publish signed content to several kiosks, "
        "or check and pull it on a kiosk (IT)",
    ),
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The ``kiosk`` parser. Every subcommand is listed, but only ``command``'s module is
    imported to add its options: the others get a stub that still shows their help line."""
    parser = argparse.ArgumentParser(prog="kiosk", description="Clinic waiting-room kiosk.", allow_abbrev=False)
    # kiosk.runtime.version reads pyproject, git and the content folder, but only when --version is
    # given: importing it is cheap.
    from kiosk.runtime.version import VersionAction

    parser.add_argument("--version", action=VersionAction)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module, help_text) in COMMANDS.items():
        sub_parser = sub.add_parser(name, help=help_text, description=help_text, allow_abbrev=False)
        if name == command:
            chosen = importlib.import_module(f"kiosk.cli.{module}")
            chosen.add_arguments(sub_parser)
            sub_parser.set_defaults(handler=chosen.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    # Bare `kiosk` (or `kiosk --windowed ...`) means `kiosk run ...`.
    if not args_list or (args_list[0].startswith("-") and args_list[0] not in ("-h", "--help", "--version")):
        args_list.insert(0, "run")
    command = args_list[0] if args_list[0] in COMMANDS else None
    parser = build_parser(command)
    args = parser.parse_args(args_list)
    return int(args.handler(args))


def studio_main(argv: Sequence[str] | None = None) -> int:
    """The ``kiosk-studio`` program (a desktop shortcut): ``kiosk studio`` with its arguments."""
    return main(["studio", *(sys.argv[1:] if argv is None else argv)])
