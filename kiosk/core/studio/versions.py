"""Versions and publishing, as thin calls for the studio's window.

Publishing writes the saved folder as a signed bundle for a fleet of kiosks
(:mod:`kiosk.core.publish`, the same as ``kiosk content publish``).

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
from kiosk.core.problems import Problem
from kiosk.core.publish.bundle import DEFAULT_KEEP, PublishRefused, PublishResult, publish
from kiosk.core.publish.keys import KeyFileError, load_private_key, private_key_is_exposed


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
    """Where a signed bundle goes and what signs it (as ``kiosk content publish`` takes them)."""

    private_key: Path
    out: Path
    #: Archives kept in ``out``, the new one included.
    keep: int = DEFAULT_KEEP


@dataclass(frozen=True)
class Published:
    """A bundle written: ``result`` says what (serial, content version, files, archive,
    manifest, warnings); ``key_exposed`` warns that others may read the private key."""

    result: PublishResult
    key_exposed: bool


class PublishFailed(Exception):
    """Nothing was published; ``problems`` are the validator's when the pack has errors."""

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems


def publish_folder(folder: Path, settings: PublishSettings, *, clock: Clock | None = None) -> Published:
    """Validate the saved content ``folder`` and write its signed bundle into
    ``settings.out``, as ``kiosk content publish`` does; raises :class:`PublishFailed`
    (the key cannot be used, the pack has errors, the folder cannot be written)."""
    try:
        key = load_private_key(settings.private_key)
    except KeyFileError as exc:
        raise PublishFailed(str(exc)) from None
    try:
        result = publish(folder, settings.out, key, clock=clock, keep=settings.keep)
    except PublishRefused as exc:
        raise PublishFailed(exc.summary, exc.problems) from None
    except OSError as exc:
        raise PublishFailed(f"cannot publish into {settings.out}: {exc.strerror or exc}") from None
    return Published(result, private_key_is_exposed(settings.private_key))
