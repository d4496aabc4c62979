"""``kiosk content keygen|publish|status|pull|history|restore``: the content home's versions,
and publishing content to several kiosks.

One function per subcommand (``_keygen``, ``_publish``, ...) and the table
:data:`SUBCOMMANDS`; a new subcommand is one more row. The work is in
:mod:`kiosk.core.publish`; this module parses arguments and prints.

Exit codes: 0 success, 1 a problem (invalid pack, failed check, bad key or config), 2 usage.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.runtime import exitcodes

if TYPE_CHECKING:
    from kiosk.core.config import Config
    from kiosk.core.content_library import ContentLibrary
    from kiosk.core.publish.manifest import Manifest
    from kiosk.core.publish.updater import InstallFn


def _fail(message: str) -> int:
    print(f"kiosk content: {message}", file=sys.stderr)
    return exitcodes.PROBLEMS


def _add_config_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", type=Path, help="the kiosk.yaml to read (default: $KIOSK_CONFIG, then the platform config folder)"
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="the kiosk's data folder (default: data.dir from kiosk.yaml, $KIOSK_DATA_DIR, else the user data folder)",
    )


def _load_config(args: argparse.Namespace) -> Config | None:
    from kiosk.core.config import load_config

    result = load_config(args.config, os.environ)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    return result.config


def _data_dir(args: argparse.Namespace, config: Config) -> Path:
    from kiosk.core.paths import data_dir

    return data_dir(args.data_dir or config["data.dir"])


# --- keygen ---------------------------------------------------------------------------------


def _add_keygen(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for content.key and content.pub")
    parser.add_argument(
        "--force", action="store_true", help="replace an existing key pair (kiosks then need the new content.pub)"
    )


def _keygen(args: argparse.Namespace) -> int:
    from kiosk.core.publish.keys import KeyFileError, generate_key_pair

    try:
        pair = generate_key_pair(args.out, force=args.force)
    except KeyFileError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"{args.out}: cannot write the keys: {exc.strerror or exc}")
    print(f"private key: {pair.private_path} (mode 0600; keep it on the publishing PC only, and back it up)")
    print(f"public key:  {pair.public_path} (copy it to every kiosk: content.public_key in kiosk.yaml)")
    print(f"key id: {pair.key_id}")
    return exitcodes.OK


# --- publish --------------------------------------------------------------------------------


def _add_publish(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", type=Path, metavar="DIR", help="the content folder to publish")
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="OUTDIR",
        help="the folder to publish into (copy it to the kiosks' source)",
    )
    parser.add_argument(
        "--key", type=Path, required=True, metavar="FILE", help="the private key (content.key from keygen)"
    )
    parser.add_argument(
        "--keep", type=int, default=3, metavar="N", help="archives kept in OUTDIR, the new one included (default 3)"
    )


def _publish(args: argparse.Namespace) -> int:
    from kiosk.core.publish.bundle import PublishRefused, publish
    from kiosk.core.publish.keys import KeyFileError, load_private_key, private_key_is_exposed

    if args.keep < 1:
        print("kiosk content publish: --keep must be at least 1", file=sys.stderr)
        return exitcodes.USAGE
    try:
        key = load_private_key(args.key)
    except KeyFileError as exc:
        return _fail(str(exc))
    if private_key_is_exposed(args.key):
        print(f"warning: {args.key} can be read by other users; chmod 600 it", file=sys.stderr)
    try:
        result = publish(args.dir, args.out, key, keep=args.keep)
    except PublishRefused as exc:
        for problem in exc.problems:
            print(problem)
        return _fail(
            f"{exc.summary}; nothing was written to {args.out}" if "nothing" not in exc.summary else exc.summary
        )
    except OSError as exc:
        return _fail(f"cannot publish into {args.out}: {exc.strerror or exc}")
    for warning in result.warnings:
        print(warning)
    for note in result.notes:
        print(f"note: {note}")
    manifest = result.manifest
    print(
        f"published serial {manifest.serial}: content {manifest.content_version}, {len(manifest.files)} files, "
        f"{manifest.total_size} bytes, signed with key {result.key_id}"
    )
    print(f"  {result.archive_path}")
    print(f"  {result.manifest_path}")
    for name in result.removed:
        print(f"  removed old archive {name}")
    print(f"copy {args.out} to the kiosks' source as it is: the archives first, manifest.json last")
    return exitcodes.OK


# --- status ---------------------------------------------------------------------------------


def _add_status(parser: argparse.ArgumentParser) -> None:
    _add_config_options(parser)


def _status(args: argparse.Namespace) -> int:
    from kiosk.core.content_state import read_state
    from kiosk.core.publish.settings import open_source, publish_settings
    from kiosk.core.publish.status import StatusFileError, read_update_status

    config = _load_config(args)
    if config is None:
        return _fail("fix kiosk.yaml first (problems above)")
    data = _data_dir(args, config)
    settings = publish_settings(config)
    source = open_source(settings.source) if settings else None
    if config.update_problems:
        print("source: none: content updates are off until the kiosk.yaml problems above are fixed")
    else:
        print(f"source: {source.display if source else 'none (content.source is not set in kiosk.yaml)'}")
    from kiosk.core.content_home import STATE_NAME

    state = read_state(data / STATE_NAME)
    if state is not None:
        since = f" since {state.since}" if state.since else ""
        print(f"playing: content {state.version}{since} ({state.playing_from})")
        if state.fallback:
            print(f"FALLBACK: {state.summary()}")
        for problem in state.problems:
            print(f"  problem: {problem}")
    try:
        status = read_update_status(data)
    except StatusFileError as exc:
        print(f"last check: unknown: {exc}")
        return exitcodes.PROBLEMS if source or config.update_problems else exitcodes.OK
    if status is None:
        print("last check: none yet" + (" (run `kiosk content pull`, or start the kiosk)" if source else ""))
        return exitcodes.PROBLEMS if source or config.update_problems else exitcodes.OK
    if status.accepted_serial:
        print(f"accepted: serial {status.accepted_serial}, content {status.content_version or 'unknown'}")
    checked = status.last_check.isoformat(timespec="seconds") if status.last_check else "unknown time"
    print(f"last check: {checked}: {status.result}")
    if status.last_success:
        print(f"last success: {status.last_success.isoformat(timespec='seconds')}")
    if source is None:
        return exitcodes.PROBLEMS if config.update_problems else exitcodes.OK
    if status.source_id != source.identity:
        print(f"note: that check was of another source ({status.source or 'unknown'}); kiosk.yaml has changed since")
        return exitcodes.PROBLEMS
    return exitcodes.OK if status.ok else exitcodes.PROBLEMS


# --- pull -----------------------------------------------------------------------------------


def _add_pull(parser: argparse.ArgumentParser) -> None:
    _add_config_options(parser)


def make_installer(config: Config, data: Path) -> InstallFn:
    """Pulled bundles go into the content home, as the running kiosk's would."""
    from kiosk.core.content_home import content_places
    from kiosk.core.content_library import ContentLibrary

    library = ContentLibrary(content_places(data, config["content.dir"]), keep=config["content.keep_versions"])

    def install(staged: Path, manifest: Manifest) -> None:
        library.install(staged, origin=f"published bundle, serial {manifest.serial}")

    return install


def _pull(args: argparse.Namespace) -> int:
    from kiosk.core.paths import ensure_private_dir
    from kiosk.core.publish.settings import make_updater, publish_settings

    config = _load_config(args)
    if config is None:
        return _fail("fix kiosk.yaml first (problems above)")
    settings = publish_settings(config)
    if config.update_problems:
        return _fail("content updates are off until the kiosk.yaml problems above are fixed")
    if settings is None:
        return _fail("content.source is not set in kiosk.yaml; there is nothing to pull from")
    data = _data_dir(args, config)
    try:
        ensure_private_dir(data)
    except OSError as exc:
        return _fail(f"{data}: cannot create the data folder: {exc.strerror or exc}")
    settings = dataclasses.replace(settings, data_dir=data)
    updater = make_updater(settings, make_installer(config, data))
    print(f"source: {updater.source.display}")
    result = updater.check()
    print(result.message)
    return exitcodes.OK if result.ok else exitcodes.PROBLEMS


# --- history and restore -------------------------------------------------------------------


def _library(args: argparse.Namespace, config: Config) -> ContentLibrary:
    from kiosk.core.content_home import content_places
    from kiosk.core.content_library import ContentLibrary

    places = content_places(_data_dir(args, config), config["content.dir"])
    return ContentLibrary(places, keep=config["content.keep_versions"])


def _add_history(parser: argparse.ArgumentParser) -> None:
    _add_config_options(parser)


def _history(args: argparse.Namespace) -> int:
    from kiosk.core.content_state import read_state

    config = _load_config(args)
    if config is None:
        return _fail("fix kiosk.yaml first (problems above)")
    library = _library(args, config)
    snapshots = library.history.snapshots()
    print(f"content home: {library.places.home}")
    if not snapshots:
        print("no versions kept yet (the kiosk keeps one each time the content loads without errors)")
        return exitcodes.OK
    state = read_state(library.places.state_file)
    playing = state.version if state is not None and state.home == str(library.places.home) else None
    print("versions that loaded without errors, newest first (restore one with: kiosk content restore VERSION)")
    for snapshot in snapshots:
        marker = "* " if snapshot.version == playing else "  "
        print(f"{marker}{snapshot.describe()}")
    if playing is not None:
        print("* = playing now")
    return exitcodes.OK


def _add_restore(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "version", metavar="VERSION", help="a version from kiosk content history (its first characters)"
    )
    _add_config_options(parser)


def _restore(args: argparse.Namespace) -> int:
    from kiosk.core.file_lock import LockTimeout

    config = _load_config(args)
    if config is None:
        return _fail("fix kiosk.yaml first (problems above)")
    library = _library(args, config)
    try:
        snapshot = library.restore(args.version)
    except LookupError as exc:
        return _fail(str(exc.args[0]))
    except LockTimeout:
        return _fail("the content is being changed right now (by the kiosk or the studio); try again in a minute")
    except OSError as exc:
        return _fail(f"{library.places.home}: cannot write the content: {exc.strerror or exc}")
    print(f"restored {snapshot.version} into {library.places.home}")
    print("a running kiosk shows it within seconds; otherwise it plays at the next start")
    if config["content.source"] is not None:
        print(
            "note: this kiosk pulls published content; the next bundle published replaces this version "
            "(to roll back every kiosk, publish the older content again)"
        )
    return exitcodes.OK


# --- dispatch -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Subcommand:
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]
    help: str


SUBCOMMANDS: dict[str, Subcommand] = {
    "keygen": Subcommand(_add_keygen, _keygen, "write a new signing key pair: content.key (private) and content.pub"),
    "publish": Subcommand(_add_publish, _publish, "validate a content folder and write its signed bundle into OUTDIR"),
    "status": Subcommand(
        _add_status, _status, "show the source, what plays, and the last update check (exit 1 if it failed)"
    ),
    "pull": Subcommand(_add_pull, _pull, "check the source for new content now (IT, tests)"),
    "history": Subcommand(_add_history, _history, "list the content versions kept on this kiosk, newest first"),
    "restore": Subcommand(_add_restore, _restore, "put a kept content version back into the content home"),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="content_command", metavar="SUBCOMMAND", required=True)
    for name, command in SUBCOMMANDS.items():
        command.add_arguments(sub.add_parser(name, help=command.help, description=command.help, allow_abbrev=False))


def run(args: argparse.Namespace) -> int:
    return SUBCOMMANDS[args.content_command].run(args)
