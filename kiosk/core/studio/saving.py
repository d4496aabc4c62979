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
from dataclasses import dataclass
from pathlib import Path

from kiosk.core.atomic_files import fsync_dir, read_regular_file, write_atomic
from kiosk.core.loader import CLINIC_FILE
from kiosk.core.problems import Problem
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

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)


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
