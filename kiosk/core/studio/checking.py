"""Validate the pack as it would be written, with the kiosk's real loader.

A check builds a staging copy of the content folder with the studio's unsaved changes laid
over it and runs :func:`kiosk.core.loader.load_deck` on that: the answer is exactly what the
kiosk would say after a save. Images are hard-linked into the staging copy where the file
system allows (a copy otherwise), so a check of a pack with hundreds of pictures stays cheap.

:class:`CheckRequest` holds only immutable data, so a window can take one on its GUI thread,
run it in a worker thread and hand the :class:`CheckResult` back.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from kiosk.core.atomic_files import remove_tree
from kiosk.core.loader import LoadResult, load_deck
from kiosk.core.model import Deck
from kiosk.core.problems import Problem
from kiosk.core.studio.problems_map import ProblemIndex, place_problems

STAGING_PREFIX = ".kiosk-studio-check-"
#: A staging folder this old was left by a studio that was killed mid-check.
STALE_SECONDS = 3600.0


@dataclass(frozen=True)
class CheckRequest:
    """Everything a check needs: the folder, the unsaved changes (relative path to the bytes
    to write, or None for a file to leave out) and how to judge the pack."""

    root: Path
    changes: Mapping[str, bytes | None]
    #: Slide files after the changes: the first line of each slide in a file that holds
    #: several, or None for a file holding one (for placing problems).
    shapes: Mapping[str, tuple[int, ...] | None]
    revision: int
    screen_size: tuple[int, int] = (1920, 1080)
    now: datetime | None = None

    def run(self, *, keep_deck: bool = False) -> CheckResult:
        """Stage and load. Touches no model state: safe in a worker thread.

        With ``keep_deck`` a pack without errors keeps its staging copy and its deck, for
        drawing the slides as they stand (thumbnails); call :meth:`CheckResult.release` when
        that deck is no longer drawn."""
        staging = make_staging(self.root)
        kept = False
        try:
            lay_out_staging(self.root, staging, self.changes)
            result: LoadResult = load_deck(staging, screen_size=self.screen_size, now=self.now)
            kept = keep_deck and result.deck is not None
        finally:
            if not kept:
                remove_tree(staging)
        return CheckResult(
            revision=self.revision,
            ok=result.ok,
            problems=result.problems,
            index=place_problems(result.problems, self.shapes),
            deck=result.deck if kept else None,
            kept=staging if kept else None,
        )


@dataclass(frozen=True)
class CheckResult:
    """The loader's verdict on the pack at model revision ``revision``."""

    revision: int
    ok: bool
    problems: tuple[Problem, ...] = ()
    index: ProblemIndex = field(default_factory=ProblemIndex)
    #: The pack's deck, read from ``kept`` (only when asked for and the pack has no error).
    deck: Deck | None = field(default=None, compare=False)
    kept: Path | None = None

    def release(self) -> None:
        """Remove the kept staging copy (the deck's pictures go with it)."""
        if self.kept is not None:
            remove_tree(self.kept)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)


def make_staging(root: Path, *, now: float | None = None) -> Path:
    """A fresh empty folder beside ``root`` (same file system: links work), else in the
    system's temporary folder. Staging folders a killed studio left there are removed."""
    for parent in (root.parent, Path(tempfile.gettempdir())):
        remove_stale_staging(parent, time.time() if now is None else now)
        try:
            return Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=parent))
        except OSError:
            continue
    raise OSError(f"no folder to check the content in: neither {root.parent} nor the temporary folder is writable")


def remove_stale_staging(parent: Path, now: float) -> None:
    """Remove staging folders older than :data:`STALE_SECONDS` (a check takes seconds)."""
    try:
        leftovers = [p for p in parent.iterdir() if p.name.startswith(STAGING_PREFIX)]
    except OSError:
        return
    for leftover in leftovers:
        try:
            if now - leftover.lstat().st_mtime > STALE_SECONDS and leftover.is_dir() and not leftover.is_symlink():
                remove_tree(leftover)
        except OSError:
            continue


def lay_out_staging(root: Path, staging: Path, changes: Mapping[str, bytes | None]) -> None:
    """Fill ``staging`` with the files of ``root`` (as a snapshot would take them: no hidden
    names, no pipes or devices, links out of the folder kept as links) and ``changes``."""
    real_root = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        linked_dirs = [d for d in dirnames if (Path(dirpath) / d).is_symlink()]
        for name in filenames + linked_dirs:
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            rel = path.relative_to(root).as_posix()
            if rel in changes:
                continue
            target = staging / rel
            try:
                mode = path.lstat().st_mode
                target.parent.mkdir(parents=True, exist_ok=True)
                if stat.S_ISLNK(mode):
                    resolved = path.resolve()
                    if resolved.is_relative_to(real_root) and resolved.is_file():
                        _link_or_copy(resolved, target)
                    else:
                        # Checked like the original: the loader reports a link leaving the folder.
                        os.symlink(resolved, target)
                elif stat.S_ISREG(mode):
                    _link_or_copy(path, target)
            except OSError:
                continue  # removed while staging, or unreadable: the check reports it missing
    for rel, data in changes.items():
        if data is None:
            continue
        target = staging / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target, follow_symlinks=False)
