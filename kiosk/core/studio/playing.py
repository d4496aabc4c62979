"""What plays at a given date and time, from the pack as it is in the studio (saved or not),
decided by the kiosk's own :meth:`kiosk.core.model.Deck.playing_at`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.core.model import Clinic, Deck, Slide, Source
from kiosk.core.studio.slide_rows import SlideRow
from kiosk.core.text import LocalizedText


@dataclass(frozen=True)
class PlayingAt:
    """What plays at ``at``: ``slides`` in play order (a slide listed twice appears twice);
    ``uncertain`` are listed slides whose schedule cannot be read (see their problems)."""

    at: datetime
    slides: tuple[SlideRow, ...]
    uncertain: tuple[SlideRow, ...] = ()


def playing_at(rows: Iterable[SlideRow], at: datetime, timezone: ZoneInfo, root: Path) -> PlayingAt:
    """The rows (in play order) that play at ``at`` (naive: the clinic's local time)."""
    aware = at if at.tzinfo is not None else at.replace(tzinfo=timezone)
    slides: list[Slide] = []
    by_slide: dict[int, SlideRow] = {}
    uncertain = []
    for row in rows:
        if row.position is None or row.hidden:
            continue
        if row.schedule_value is None:
            uncertain.append(row)
            continue
        # Only the schedule matters to playing_at; the rest just makes a valid Slide.
        slide = Slide(
            id=row.id or str(row.key),
            topic=row.topic or "",
            title=LocalizedText.english(row.label),
            source=Source(row.key.path),
            schedule=row.schedule_value.to_schedule(),
        )
        by_slide[id(slide)] = row
        slides.append(slide)
    clinic = Clinic(name="", phone="", timezone=timezone, topics=(), playlist=tuple(s.id for s in slides))
    deck = Deck(clinic=clinic, slides=tuple(slides), root=root)
    return PlayingAt(aware, tuple(by_slide[id(s)] for s in deck.playing_at(aware)), tuple(uncertain))
