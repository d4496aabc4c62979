"""Deleted slides, kept so they can be brought back: ``.deleted/`` inside the content folder.

Each deleted slide is a YAML file holding just that slide, named by when it was deleted and
its id (``20260302T170000Z-cat-cow.yaml``), with a small JSON note beside it (where it was
and its places in the playlist). The folder's name starts with a dot, so the loader, the
snapshots of good content and published bundles all pass over it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

DELETED_DIR = ".deleted"
_STAMP = "%Y%m%dT%H%M%SZ"
_NAME = re.compile(r"^(\d{8}T\d{6}Z)-(.+)\.ya?ml$")


@dataclass(frozen=True)
class DeletedSlide:
    """A slide in ``.deleted/`` (or to be put there by the next save: ``pending``)."""

    name: str  # the file name inside .deleted/
    slide_id: str | None
    kind: str | None
    title: str | None  # English
    deleted_at: datetime | None
    #: Where the slide was written (``slides/x.yaml``) and its places in the playlist.
    original_path: str | None
    playlist_positions: tuple[int, ...]
    pending: bool

    @property
    def path(self) -> str:
        return f"{DELETED_DIR}/{self.name}"


def trash_name(slide_id: str, when: datetime, taken: set[str]) -> str:
    """A new file name in .deleted/ for ``slide_id`` deleted at ``when``."""
    stamp = when.astimezone(UTC).strftime(_STAMP)
    safe = re.sub(r"[^a-z0-9-]+", "-", slide_id.lower()).strip("-") or "slide"
    name = f"{stamp}-{safe}.yaml"
    number = 2
    while name in taken:
        name = f"{stamp}-{safe}-{number}.yaml"
        number += 1
    return name


def note_name(name: str) -> str:
    """The JSON note beside a deleted slide's file."""
    return name.rsplit(".", 1)[0] + ".json"


def make_note(slide_id: str | None, original_path: str, positions: tuple[int, ...], when: datetime) -> bytes:
    note = {
        "id": slide_id,
        "path": original_path,
        "playlist": list(positions),
        "deleted": when.astimezone(UTC).isoformat(timespec="seconds"),
    }
    return (json.dumps(note, indent=1) + "\n").encode()


def read_note(data: bytes | None) -> dict[str, Any]:
    try:
        note = json.loads(data or b"{}")
    except ValueError:
        return {}
    return note if isinstance(note, dict) else {}


def is_deleted_slide_name(name: str) -> bool:
    return _NAME.match(name) is not None


def deleted_at(name: str, note: dict[str, Any]) -> datetime | None:
    text = note.get("deleted")
    if isinstance(text, str):
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            pass
    match = _NAME.match(name)
    if match is None:
        return None
    return datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
