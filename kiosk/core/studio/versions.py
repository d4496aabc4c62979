"""Versions and publishing, as thin calls for the studio's window.

The kiosk keeps a snapshot of every content version that loaded without errors
(:mod:`kiosk.core.content_history`); staff can list them and put one back into the content
folder (:meth:`kiosk.core.content_library.ContentLibrary.restore`), which a running kiosk then
plays. After a restore, open the folder again: the studio's model describes the files it read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosk.core.clock import Clock
from kiosk.core.content_history import ContentHistory, Snapshot
from kiosk.core.content_home import ContentPlaces
from kiosk.core.content_library import ContentLibrary


def content_versions(places: ContentPlaces) -> tuple[Snapshot, ...]:
    """The good versions kept for this kiosk, newest first (``Snapshot.describe()`` words one)."""
    return tuple(ContentHistory(places.history).snapshots())


def restore_version(places: ContentPlaces, version: str, *, clock: Clock | None = None) -> Snapshot:
    """Put version ``version`` (or a unique start of it, 4+ characters) back into the content
    folder; raises LookupError for an unknown version. Unsaved edits in an open studio
    model are not part of it: save or discard them first."""
    return ContentLibrary(places, clock=clock).restore(version)


@dataclass(frozen=True)
class PublishSettings:
    """Where a signed bundle goes and what signs it (see ``kiosk content publish``)."""

    private_key: Path
    out: Path
    #: How many older archives to keep in ``out``.
    keep: int = 3


class PublishUnavailable(RuntimeError):
    """This build of the kiosk cannot publish bundles."""


def publish_folder(folder: Path, settings: PublishSettings) -> object:
    """Validate the saved content ``folder`` and write its signed bundle into ``settings.out``.

    The seam for :mod:`kiosk.core.publish` (being written): until it is part of the kiosk,
    this raises :class:`PublishUnavailable`."""
    raise PublishUnavailable("publishing signed bundles is not part of this version of the kiosk yet")
