"""``kiosk set-pin``: set the staff PIN that opens the admin screen (IT).

Asks twice without echo on a terminal; with ``--stdin`` (or when standard input is not a
terminal) reads one line, for scripts: ``echo 1234 | kiosk set-pin --stdin``. Only a salted
PBKDF2 hash is written, to ``admin-pin`` in the data folder (mode 0600). A running kiosk
reads the file at every PIN check, so the new PIN works at once; a wrong-PIN lockout still
runs out on its own (5 minutes), so a PIN change is no way around it.

A PIN that is easy to guess (0000, 1234, 1212, a year, part of the clinic's phone number...)
is refused with the reason (``kiosk.core.admin_pin.weak_pin_reason``).

Exit codes: 0 PIN set, 1 invalid, weak or mismatched PIN or the file could not be written, 2 usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kiosk.runtime import exitcodes

PIN_RULE = "digits a patient cannot guess from the room (docs/admin.md)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="the kiosk's data folder (default: data.dir from kiosk.yaml, $KIOSK_DATA_DIR, else the user data folder)",
    )
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="the kiosk.yaml to read data.dir from (default: $KIOSK_CONFIG, then the platform config folder)",
    )
    parser.add_argument(
        "--stdin", action="store_true", help="read the PIN from one line of standard input instead of asking twice"
    )


def _read_pin(args: argparse.Namespace) -> str | None:
    """The PIN typed, or None (after saying why) when it was not typed the same twice."""
    if args.stdin or not sys.stdin.isatty():
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    import getpass

    first = getpass.getpass("New staff PIN (4-8 digits): ")
    second = getpass.getpass("Type it again: ")
    if first != second:
        print("kiosk set-pin: the two PINs do not match; nothing was changed", file=sys.stderr)
        return None
    return first


def _pin_file(args: argparse.Namespace) -> Path | None:
    """Where the kiosk will look for the PIN, or None (after saying why) when kiosk.yaml is broken."""
    from kiosk.core.admin_pin import pin_path
    from kiosk.core.paths import data_dir

    folder = args.data_dir
    if not folder:
        # The kiosk finds its data folder through kiosk.yaml first; the PIN must land there too.
        from kiosk.core.config import load_config

        result = load_config(args.config, os.environ)
        for problem in result.problems:
            print(problem, file=sys.stderr)
        if result.config is None:
            print(
                "kiosk set-pin: fix kiosk.yaml first (problems above) or pass --data-dir; nothing was changed",
                file=sys.stderr,
            )
            return None
        folder = result.config["data.dir"]
    return pin_path(data_dir(folder))


def _clinic_phone(args: argparse.Namespace) -> str | None:
    """The clinic's phone number as ``clinic.yaml`` writes it (patients read it on the screen),
    from the content folder the kiosk uses; None when there is none to read."""
    from kiosk.core.config import load_config
    from kiosk.core.content_home import places_for
    from kiosk.core.yaml_source import read_yaml_file

    config = load_config(args.config, os.environ).config
    content_setting = config["content.dir"] if config is not None else None
    data_setting = Path(args.data_dir) if args.data_dir else config["data.dir"] if config is not None else None
    folder = places_for(content_setting, data_setting).readable_folder()
    node, _ = read_yaml_file(folder / "clinic.yaml")
    entry = node.value.get("phone") if node is not None and node.is_map else None
    phone = entry.node.value if entry is not None else None
    return phone if isinstance(phone, str) else None


def run(args: argparse.Namespace) -> int:
    from kiosk.core.admin_pin import PinStore, validate_pin, weak_pin_reason

    path = _pin_file(args)
    if path is None:
        return exitcodes.PROBLEMS
    try:
        pin = _read_pin(args)
    except (EOFError, KeyboardInterrupt):
        print("\nkiosk set-pin: cancelled; nothing was changed", file=sys.stderr)
        return exitcodes.PROBLEMS
    if pin is None:
        return exitcodes.PROBLEMS
    try:
        validate_pin(pin)
    except ValueError as exc:
        print(f"kiosk set-pin: {exc}; nothing was changed", file=sys.stderr)
        return exitcodes.PROBLEMS
    phone = _clinic_phone(args)
    weakness = weak_pin_reason(pin, avoid=[phone] if phone else [])
    if weakness is not None:
        print(
            f"kiosk set-pin: that PIN is too easy to guess: {weakness}; choose {PIN_RULE}; nothing was changed",
            file=sys.stderr,
        )
        return exitcodes.PROBLEMS
    store = PinStore(path)
    try:
        store.set(pin)
    except OSError as exc:
        print(f"kiosk set-pin: cannot write {store.path}: {exc.strerror or exc}", file=sys.stderr)
        return exitcodes.PROBLEMS
    print(f"Staff PIN set ({store.path}). It works on the kiosk at once, no restart needed.")
    return exitcodes.OK
