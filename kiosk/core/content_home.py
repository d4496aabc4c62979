"""The content home: the one folder a kiosk plays, whatever folder it was started from.

- ``content.dir`` in kiosk.yaml when IT sets it (a shared folder staff edit, say);
- otherwise ``content/`` in the kiosk's data folder, filled from the pack shipped with the
  kiosk on first start (*seeding*). An update of the kiosk that ships a newer pack replaces a
  seeded home that nobody edited; a home staff have edited is never touched.
- ``--content DIR`` on the command line (development, demos) plays that folder as it is.

The working directory never matters. Changing the whole home at once (a restore, a pulled
bundle) goes through :func:`replace_home`: the new pack is written beside the home, synced,
and swapped in by renames; a crash between the renames is repaired at the next start
(:func:`recover_interrupted_swap`).
"""

from __future__ import annotations

import errno
import json
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kiosk.core.atomic_files import (
    copy_tree_synced,
    fsync_dir,
    read_regular_file,
    remove_tree,
    walk_regular_files,
    write_atomic,
)
from kiosk.core.file_lock import FileLock
from kiosk.core.loader import CLINIC_FILE, content_version
from kiosk.core.resources import bundled_content_dir

log = logging.getLogger(__name__)

HOME_NAME = "content"
HISTORY_NAME = "content-history"
STATE_NAME = "content-state.json"
SEED_NAME = "content-seed.json"
LOCK_NAME = "content.lock"
#: Marks a folder written beside the home as complete, so recovery knows it may be used.
COMPLETE_MARKER = ".kiosk-complete"
#: Hidden note in the home: which content version arrived how (a restore, a published bundle).
ORIGIN_NOTE = ".kiosk-origin.json"
_INCOMING = "incoming"
_PREVIOUS = "previous"


@dataclass(frozen=True)
class ContentPlaces:
    """Where one kiosk's content lives."""

    home: Path
    #: The data folder: history, state and locks live here.
    data: Path
    #: The pack inside the installed program (read-only; the last resort).
    shipped: Path
    #: True when the kiosk looks after the home (seeds it); False for ``--content DIR``.
    managed: bool = True

    @property
    def history(self) -> Path:
        return self.data / HISTORY_NAME

    @property
    def state_file(self) -> Path:
        return self.data / STATE_NAME

    @property
    def seed_file(self) -> Path:
        return self.data / SEED_NAME

    def lock(self, timeout: float = 60.0) -> FileLock:
        """Held while the home or its history is being changed."""
        return FileLock(self.data / LOCK_NAME, timeout=timeout)

    def readable_folder(self) -> Path:
        """The folder a read-only command (validate, preview, version) should look at: the
        home once it exists, else the shipped pack that a first start would copy there."""
        if not self.managed or (self.home / CLINIC_FILE).exists() or _has_entries(self.home):
            return self.home
        return self.shipped


def content_places(
    data: Path, configured: Path | None = None, *, explicit: Path | None = None, shipped: Path | None = None
) -> ContentPlaces:
    """``explicit`` (``--content``) over ``configured`` (``content.dir``) over the data folder."""
    pack = shipped if shipped is not None else bundled_content_dir()
    if explicit is not None:
        return ContentPlaces(Path(explicit).expanduser().absolute(), data, pack, managed=False)
    home = Path(configured).expanduser().absolute() if configured is not None else data / HOME_NAME
    return ContentPlaces(home, data, pack, managed=True)


def _has_entries(folder: Path) -> bool:
    try:
        return any(not p.name.startswith(".") for p in folder.iterdir())
    except OSError:
        return False


# --- seeding -------------------------------------------------------------------------------


@dataclass(frozen=True)
class HomeReport:
    """What :func:`prepare_home` did, for the start-up log."""

    action: str  # "ready", "seeded", "upgraded", "recovered", "unavailable"
    detail: str = ""


def prepare_home(places: ContentPlaces) -> HomeReport:
    """Make the home ready to read: repair an interrupted swap, seed an empty home from the
    shipped pack, replace a seeded home nobody edited with a newer shipped pack.

    Never raises for a disk problem: a home that cannot be written is reported and the
    caller plays what it can (the last good content, else the shipped pack)."""
    if not places.managed:
        return HomeReport("ready", "played as given (--content)")
    try:
        with places.lock():
            recovered = recover_interrupted_swap(places.home)
            if not (places.home / CLINIC_FILE).exists() and not _has_entries(places.home):
                _seed(places)
                return HomeReport("seeded", f"copied the shipped content from {places.shipped}")
            if _upgrade_unedited_seed(places):
                return HomeReport("upgraded", f"the unedited shipped content was updated from {places.shipped}")
            return HomeReport("recovered" if recovered else "ready", recovered or "")
    except OSError as exc:
        log.error("content home %s cannot be prepared: %s", places.home, exc)
        return HomeReport("unavailable", str(exc))


def _seed(places: ContentPlaces) -> None:
    replace_home(places.home, places.shipped)
    _record_seed(places)
    log.info("content home %s seeded from %s", places.home, places.shipped)


def _record_seed(places: ContentPlaces) -> None:
    record = {"shipped_version": content_version(places.shipped)}
    write_atomic(places.seed_file, (json.dumps(record) + "\n").encode())


def _upgrade_unedited_seed(places: ContentPlaces) -> bool:
    try:
        record = json.loads(places.seed_file.read_text(encoding="utf-8"))
        seeded = str(record["shipped_version"])
    except (OSError, ValueError, KeyError, TypeError):
        return False  # never seeded by us (or IT's own folder): not ours to replace
    shipped_now = content_version(places.shipped)
    if shipped_now == seeded or content_version(places.home) != seeded:
        return False
    replace_home(places.home, places.shipped)
    _record_seed(places)
    log.info("content home %s: unedited shipped content replaced by the new shipped content", places.home)
    return True


def forget_seed(places: ContentPlaces) -> None:
    """The home now holds content staff chose (a restore, a published bundle): a later
    upgrade of the kiosk must not replace it with the shipped pack."""
    places.seed_file.unlink(missing_ok=True)


# --- swapping a whole pack in ----------------------------------------------------------------


def replace_home(home: Path, new_content: Path) -> None:
    """Make ``home`` hold exactly the files of ``new_content``, in one step where the file
    system allows: copy beside it, sync, then rename the old home away and the copy in.

    Where the home itself cannot be renamed (it is a mount point, or a shared folder we may
    write into but not replace), each file is replaced atomically instead and files the new
    pack lacks are removed: never half a file, though briefly a mix of files, which the
    loader then sees as one more change."""
    home = home.absolute()
    home.parent.mkdir(parents=True, exist_ok=True)
    incoming = home.with_name(f".{home.name}.{_INCOMING}-{os.getpid()}-{os.urandom(3).hex()}")
    try:
        copy_tree_synced(new_content, incoming)
    except OSError as exc:
        remove_tree(incoming)
        if exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS) or not home.is_dir():
            raise
        # Nothing may be written beside the home (it is a mount point): write into it.
        _replace_files(home, new_content)
        return
    write_atomic(incoming / COMPLETE_MARKER, b"complete\n")
    previous = home.with_name(f".{home.name}.{_PREVIOUS}-{os.getpid()}-{os.urandom(3).hex()}")
    try:
        if home.exists():
            os.rename(home, previous)
        os.rename(incoming, home)
    except OSError as exc:
        if previous.exists() and not home.exists():
            os.rename(previous, home)  # put the old home back before trying the slow way
        if exc.errno not in (errno.EBUSY, errno.EXDEV, errno.EPERM, errno.EACCES, errno.ENOTEMPTY):
            remove_tree(incoming)
            raise
        try:
            _replace_files(home, incoming)
        finally:
            remove_tree(incoming)
        return
    fsync_dir(home.parent)
    (home / COMPLETE_MARKER).unlink(missing_ok=True)
    remove_tree(previous)


def _replace_files(home: Path, incoming: Path) -> None:
    wanted = dict(walk_regular_files(incoming))
    for rel, source in wanted.items():
        target = home / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, read_regular_file(source))
    for rel, path in list(walk_regular_files(home)):
        if rel not in wanted:
            path.unlink(missing_ok=True)


def recover_interrupted_swap(home: Path) -> str | None:
    """Repair what a crash between :func:`replace_home`'s renames left: a home that is
    missing while a complete new pack or the old home waits beside it. Leftovers are removed.
    Returns what was done, or None."""
    home = home.absolute()
    try:
        siblings = [p for p in home.parent.iterdir() if p.name.startswith(f".{home.name}.")]
    except OSError:
        return None
    incoming = [p for p in siblings if f".{_INCOMING}-" in p.name and (p / COMPLETE_MARKER).exists()]
    previous = [p for p in siblings if f".{_PREVIOUS}-" in p.name]
    done: str | None = None
    if not home.exists():
        if incoming:
            os.rename(max(incoming, key=lambda p: p.stat().st_mtime), home)
            done = "finished an interrupted content update"
        elif previous:
            os.rename(max(previous, key=lambda p: p.stat().st_mtime), home)
            done = "put back the content an interrupted update had moved aside"
        if done:
            (home / COMPLETE_MARKER).unlink(missing_ok=True)
            fsync_dir(home.parent)
            log.warning("content home %s: %s", home, done)
    for leftover in siblings:
        if (
            leftover.exists()
            and leftover.is_dir()
            and (f".{_INCOMING}-" in leftover.name or f".{_PREVIOUS}-" in leftover.name)
        ):
            remove_tree(leftover)
    return done


def home_fingerprint(root: Path) -> str:
    """A cheap digest of the names, kinds, sizes and modification times of everything in the
    home (no file is read, no link followed): equal fingerprints mean nothing was saved since."""
    from kiosk.core.digests import blake2b

    digest = blake2b(digest_size=12)
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames) + sorted(d for d in dirnames if os.path.islink(os.path.join(dirpath, d))):
            if name.startswith("."):
                continue
            path = os.path.join(dirpath, name)
            try:
                info = os.lstat(path)
                link = os.readlink(path) if os.path.islink(path) else ""
            except OSError:  # removed while walking
                continue
            rel = os.path.relpath(path, root)
            line = f"{rel}\0{info.st_mode}\0{info.st_size}\0{info.st_mtime_ns}\0{link}\n"
            digest.update(line.encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def places_for(
    configured: Path | None,
    data_setting: Path | None,
    environ: Mapping[str, str] | None = None,
    *,
    explicit: Path | None = None,
) -> ContentPlaces:
    """The places for kiosk.yaml's ``content.dir`` and ``data.dir`` (and ``--content``)."""
    from kiosk.core.paths import data_dir

    return content_places(data_dir(data_setting, environ), configured, explicit=explicit)


def playing_folder(places: ContentPlaces) -> Path:
    """The folder the running kiosk plays (its snapshot), as it last recorded; else the folder
    it would play."""
    from kiosk.core.content_state import read_state

    state = read_state(places.state_file)
    if state is not None and state.playing_from and Path(state.playing_from).is_dir():
        return Path(state.playing_from)
    return places.readable_folder()


def configured_places(environ: Mapping[str, str] | None = None, config_file: Path | None = None) -> ContentPlaces:
    """The places kiosk.yaml (found as ``kiosk run`` finds it) describes; its defaults when the
    file has errors (``kiosk config check`` reports those)."""
    from kiosk.core.config import load_config

    loaded = load_config(config_file, environ if environ is not None else os.environ)
    if loaded.config is None:
        return places_for(None, None, environ)
    return places_for(loaded.config["content.dir"], loaded.config["data.dir"], environ)


def write_origin_note(home: Path, version: str, origin: str) -> None:
    """Remember that the home's content ``version`` arrived by ``origin`` (for the history)."""
    write_atomic(home / ORIGIN_NOTE, (json.dumps({"version": version, "origin": origin}) + "\n").encode())


def read_origin_note(home: Path) -> tuple[str, str] | None:
    try:
        note = json.loads((home / ORIGIN_NOTE).read_text(encoding="utf-8"))
        return str(note["version"]), str(note["origin"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
