"""A notice: a short text in the clinic's languages, a level and an end.

Notices come from two places: the content pack (``notices.yaml``, the same on every kiosk that
plays the pack) and the kiosk itself (posted on its admin screen, kept in its data folder and
never written into the pack). Both are :class:`Notice` values; ``origin`` says which.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from kiosk.core.digests import blake2b
from kiosk.core.fields import NOTICE_LEVELS
from kiosk.core.text import LocalizedText

if TYPE_CHECKING:
    from kiosk.core.model import Source

INFO, IMPORTANT = NOTICE_LEVELS
#: Written in the content pack's notices.yaml.
ORIGIN_PACK = "pack"
#: Posted on this kiosk's admin screen.
ORIGIN_KIOSK = "kiosk"


@dataclass(frozen=True)
class Notice:
    """One notice. ``until`` is timezone-aware: the notice shows while the time is before it."""

    text: LocalizedText
    until: datetime
    level: str = INFO
    origin: str = ORIGIN_PACK
    #: Where a pack notice is written (notices.yaml and its line); None for a kiosk's own.
    source: Source | None = None
    #: When a kiosk's own notice was posted (None for the pack's).
    posted: datetime | None = None
    #: A kiosk notice's id in its store ("" for the pack's, whose id is :attr:`key`).
    local_id: str = ""

    def __post_init__(self) -> None:
        if self.until.tzinfo is None:
            raise ValueError("a notice's end must be timezone-aware")
        if self.level not in NOTICE_LEVELS:
            raise ValueError(f"unknown notice level {self.level!r}; use {' or '.join(NOTICE_LEVELS)}")

    @property
    def important(self) -> bool:
        return self.level == IMPORTANT

    @property
    def from_pack(self) -> bool:
        return self.origin == ORIGIN_PACK

    def has_ended(self, at: datetime) -> bool:
        return at.astimezone(UTC) >= self.until.astimezone(UTC)

    @property
    def key(self) -> str:
        """Stable across reloads and restarts: a kiosk notice's id, or for a pack notice a hash
        of what it says and when it ends (so ending it early on one kiosk survives a reload of
        the same pack, and an edited notice counts as a new one)."""
        if self.local_id:
            return self.local_id
        what = json.dumps(
            [sorted(self.text.values.items()), self.level, self.until.astimezone(UTC).isoformat()], ensure_ascii=True
        )
        return "pack-" + blake2b(what.encode("ascii"), digest_size=8).hexdigest()
