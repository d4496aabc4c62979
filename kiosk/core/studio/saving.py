"""Writing the studio's changes into the content folder, file by file, each atomically.

Only files whose content differs from the disk are written (each with
:func:`kiosk.core.atomic_files.write_atomic`, keeping its permissions); every other file stays
byte for byte as it was. Before anything is written, the files about to change are compared
with what the studio read: if someone else changed one meanwhile (another editor, a restore
of an older version), nothing is written and the save says which.

The order keeps a watching kiosk on valid content as far as one file at a time allows:
pictures and the files kept in ``.deleted/`` first, then slide files, then ``clinic.yaml``
(whose playlist may name the new slides), then the slide files that go away.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.core.atomic_files import fsync_dir, read_regular_file, write_atomic
from kiosk.core.content_home import ContentPlaces
from kiosk.core.file_lock import LockTimeout
from kiosk.core.loader import CLINIC_FILE
from kiosk.core.problems import Problem
from kiosk.core.studio.checking import CheckRequest, CheckResult
from kiosk.core.studio.pack_state import is_yaml_path


@dataclass(frozen=True)
class SaveResult:
    """What a save did. ``saved`` is True when every change is on disk (or there was none).

    When it is False, ``problems`` holds the validator's errors (nothing was written),
    or ``conflicts`` the files someone else changed meanwhile (nothing was written), or
    ``error`` a disk error part-way (``written`` and ``removed`` say what did happen; the
    rest stays unsaved and a later save tries again)."""

    saved: bool
    written: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()
    conflicts: tuple[str, ...] = ()
    error: str | None = None
    #: The check made before writing (None when there was nothing to save).
    check: CheckResult | None = field(default=None, repr=False, compare=False)
    #: Each file done, with what it now holds (None: removed), for the model to record.
    done: tuple[tuple[str, bytes | None], ...] = field(default=(), repr=False, compare=False)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)


@dataclass(frozen=True)
class SavePlan:
    """A save, prepared on the model's thread from immutable data: :meth:`run` checks and
    writes (any thread); :meth:`kiosk.core.studio.model.StudioModel.apply_save` records it."""

    root: Path
    #: Each file to write (its bytes) or remove (None).
    changes: Mapping[str, bytes | None]
    #: What each of those files held when the studio read it (None: it did not exist).
    expected: Mapping[str, bytes | None]
    check: CheckRequest
    #: The kiosk's content places when the folder is its home: the save holds its lock.
    places: ContentPlaces | None = None
    lock_timeout: float = 10.0

    def run(self) -> SaveResult:
        if not self.changes:
            return SaveResult(saved=True)
        result = self.check.run()
        if not result.ok:
            return SaveResult(saved=False, problems=result.problems, check=result)
        try:
            with self._lock():
                clashes = conflicts(self.root, self.expected, self.changes)
                if clashes:
                    return SaveResult(saved=False, problems=result.problems, conflicts=clashes, check=result)
                done: list[tuple[str, bytes | None]] = []
                error: str | None = None
                try:
                    write_changes(self.root, self.changes, done)
                except OSError as exc:
                    error = f"{exc.filename or self.root}: {exc.strerror or exc}"
        except LockTimeout as exc:
            return SaveResult(
                saved=False, problems=result.problems, error=f"the content folder is busy: {exc}", check=result
            )
        return SaveResult(
            saved=error is None,
            written=tuple(rel for rel, data in done if data is not None),
            removed=tuple(rel for rel, data in done if data is None),
            problems=result.problems,
            error=error,
            check=result,
            done=tuple(done),
        )

    def _lock(self) -> AbstractContextManager[object]:
        if self.places is not None and self.places.home.absolute() == self.root.absolute():
            return self.places.lock(timeout=self.lock_timeout)
        return nullcontext()


def on_disk(root: Path, rel: str) -> bytes | None:
    """What ``rel`` holds now (None: no such file); a pipe or a link counts as a change."""
    path = root / rel
    if not os.path.lexists(path):
        return None
    try:
        return read_regular_file(path)
    except OSError as exc:
        return f"<{exc}>".encode()


def conflicts(root: Path, expected: Mapping[str, bytes | None], paths: Iterable[str]) -> tuple[str, ...]:
    """The files among ``paths`` that no longer hold what the studio read."""
    return tuple(rel for rel in sorted(paths) if on_disk(root, rel) != expected[rel])


def write_order(changes: Mapping[str, bytes | None]) -> list[str]:
    def rank(rel: str) -> tuple[int, str]:
        data = changes[rel]
        if data is None:
            return (4 if is_yaml_path(rel) else 5), rel
        if rel == CLINIC_FILE:
            return 3, rel
        return (2 if is_yaml_path(rel) else 1), rel

    return sorted(changes, key=rank)


def write_changes(root: Path, changes: Mapping[str, bytes | None], done: list[tuple[str, bytes | None]]) -> None:
    """Write ``changes`` in :func:`write_order`; each finished file is appended to ``done``
    (so a failure part-way is known exactly). Raises OSError."""
    for rel in write_order(changes):
        data = changes[rel]
        path = root / rel
        if data is None:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            fsync_dir(path.parent)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, data, mode=_mode_of(path))
        done.append((rel, data))


def _mode_of(path: Path) -> int:
    """Keep a file's permissions (a shared folder may give the group write access)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o644
