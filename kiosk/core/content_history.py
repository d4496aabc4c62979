"""Last good content: a snapshot of every content version that loaded without errors.

The kiosk plays from these snapshots, never from the folder staff edit: a snapshot never
changes after it is written, so a slide's picture read minutes later is the one that was
checked, and a half-saved or broken edit in the home cannot reach the screen. At start-up a
home with errors plays the newest snapshot instead.

Each snapshot is a folder ``NNNNNN-<version>`` (a serial, then the content version) holding
the pack's files and a hidden ``.snapshot.json`` (when, where from, how many slides). It is
written under a hidden temporary name, synced, then renamed: a crash leaves no half snapshot.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kiosk.core.atomic_files import fsync_dir, remove_tree, write_atomic

log = logging.getLogger(__name__)

META_NAME = ".snapshot.json"
DEFAULT_KEEP = 10
_NAME = re.compile(r"^(\d{6,})-([0-9a-f]{4,64})$")


@dataclass(frozen=True)
class Snapshot:
    path: Path
    serial: int
    version: str
    saved: datetime | None
    #: Where the content came from, in words: "edited in /srv/content", "published bundle 17"...
    origin: str
    slides: int | None
    #: The home's fingerprint when this snapshot was taken (see ``home_fingerprint``).
    source_fingerprint: str = ""

    def describe(self) -> str:
        when = self.saved.astimezone().strftime("%Y-%m-%d %H:%M") if self.saved else "unknown time"
        count = f", {self.slides} slides" if self.slides is not None else ""
        return f"{self.version}  saved {when}{count}  ({self.origin})"


class ContentHistory:
    """The snapshots in ``folder``, newest first. Changes must be made under the content
    lock (:meth:`kiosk.core.content_home.ContentPlaces.lock`); reading needs none."""

    def __init__(self, folder: Path, *, keep: int = DEFAULT_KEEP, now: Callable[[], datetime] | None = None) -> None:
        self.folder = folder
        self.keep = max(1, keep)
        self._now = now or (lambda: datetime.now(UTC))

    def snapshots(self) -> list[Snapshot]:
        try:
            entries = list(self.folder.iterdir())
        except OSError:
            return []
        found = [s for s in (self._read(p) for p in entries) if s is not None]
        return sorted(found, key=lambda s: s.serial, reverse=True)

    def latest(self) -> Snapshot | None:
        snapshots = self.snapshots()
        return snapshots[0] if snapshots else None

    def find(self, version: str) -> Snapshot | None:
        """The newest snapshot whose version starts with ``version`` (at least 4 characters)."""
        wanted = version.strip().lower()
        if len(wanted) < 4:
            return None
        return next((s for s in self.snapshots() if s.version.startswith(wanted)), None)

    def adopt(self, staged: Path, version: str, *, origin: str, slides: int, fingerprint: str = "") -> Snapshot:
        """Make the folder ``staged`` (already synced, inside :attr:`folder`) the newest snapshot.

        A snapshot of the same version is not kept twice: the older copy is removed, so the
        newest entry is always the content that played last."""
        self.folder.mkdir(parents=True, exist_ok=True)
        serial = max((s.serial for s in self.snapshots()), default=0) + 1
        self._write_meta(staged, version, origin, slides, fingerprint)
        final = self.folder / f"{serial:06d}-{version}"
        os.rename(staged, final)
        fsync_dir(self.folder)
        for older in self.snapshots():
            if older.version == version and older.serial != serial:
                remove_tree(older.path)
        self.prune(keep_path=final)
        snapshot = self._read(final)
        assert snapshot is not None  # just written
        return snapshot

    def touch(self, snapshot: Snapshot, *, origin: str | None = None, fingerprint: str | None = None) -> Snapshot:
        """Make an existing snapshot the newest (the content it holds is playing again) and
        record the home's fingerprint it now matches."""
        origin = origin or snapshot.origin
        fingerprint = snapshot.source_fingerprint if fingerprint is None else fingerprint
        slides = snapshot.slides or 0
        if snapshot.serial == max((s.serial for s in self.snapshots()), default=0):
            if fingerprint != snapshot.source_fingerprint or origin != snapshot.origin:
                self._write_meta(snapshot.path, snapshot.version, origin, slides, fingerprint)
                return self._read(snapshot.path) or snapshot
            return snapshot
        staged = self.staging_folder()
        os.rename(snapshot.path, staged)
        return self.adopt(staged, snapshot.version, origin=origin, slides=slides, fingerprint=fingerprint)

    def _write_meta(self, folder: Path, version: str, origin: str, slides: int, fingerprint: str) -> None:
        meta = {
            "version": version,
            "saved": self._now().isoformat(),
            "origin": origin,
            "slides": slides,
            "source_fingerprint": fingerprint,
        }
        write_atomic(folder / META_NAME, (json.dumps(meta, indent=1) + "\n").encode())

    def staging_folder(self) -> Path:
        """A fresh hidden name inside the history for a snapshot being written."""
        self.folder.mkdir(parents=True, exist_ok=True)
        return self.folder / f".staging-{os.getpid()}-{os.urandom(4).hex()}"

    def prune(self, keep_path: Path | None = None) -> None:
        """Keep the newest :attr:`keep` snapshots (and ``keep_path``); remove the rest and any
        staging folder a crash left behind."""
        for index, snapshot in enumerate(self.snapshots()):
            if index >= self.keep and snapshot.path != keep_path:
                remove_tree(snapshot.path)
        try:
            leftovers = [p for p in self.folder.iterdir() if p.name.startswith(".staging-")]
        except OSError:
            return
        mine = f".staging-{os.getpid()}-"
        for leftover in leftovers:
            if not leftover.name.startswith(mine):
                remove_tree(leftover)

    def _read(self, path: Path) -> Snapshot | None:
        match = _NAME.match(path.name)
        if match is None or not path.is_dir():
            return None
        try:
            meta = json.loads((path / META_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # no metadata: not a finished snapshot
        if not isinstance(meta, dict):
            return None
        saved = None
        with contextlib.suppress(ValueError):
            saved = datetime.fromisoformat(str(meta.get("saved")))
        slides = meta.get("slides")
        return Snapshot(
            path=path,
            serial=int(match.group(1)),
            version=match.group(2),
            saved=saved,
            origin=str(meta.get("origin", "")),
            slides=slides if isinstance(slides, int) else None,
            source_fingerprint=str(meta.get("source_fingerprint", "")),
        )
