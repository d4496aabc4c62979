"""``kiosk validate [DIR]``: check a content folder and summarise what would play."""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import fields
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.runtime import exitcodes

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from kiosk.core.model import Deck, Slide

_SIZE = re.compile(r"^\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*$")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "dir",
        nargs="?",
        metavar="DIR",
        help="the content folder (default: the kiosk's content home, see kiosk --version)",
    )
    parser.add_argument(
        "--size", default="1920x1080", metavar="WxH", help="screen size for the image checks (default: 1920x1080)"
    )
    parser.add_argument(
        "--now",
        metavar="ISO",
        help="check schedules at this time, e.g. 2025-03-01T09:00 (clinic time when no offset is given; default: now)",
    )


def _home() -> Path:
    from kiosk.core.content_home import configured_places

    return configured_places().readable_folder()


def _usage(message: str) -> int:
    print(f"kiosk validate: {message}", file=sys.stderr)
    return exitcodes.USAGE


def run(args: argparse.Namespace) -> int:
    from zoneinfo import ZoneInfo

    from kiosk.core.loader import DEFAULT_TIMEZONE, load_deck

    root = Path(args.dir) if args.dir is not None else _home()
    if not root.exists():
        return _usage(f"{root} does not exist")
    if not root.is_dir():
        return _usage(f"{root} is not a folder")
    size = _SIZE.match(args.size)
    if not size:
        return _usage(f"--size must look like 1920x1080, not {args.size!r}")
    screen = (int(size.group(1)), int(size.group(2)))
    now = datetime.now(UTC)
    if args.now:
        try:
            now = datetime.fromisoformat(args.now)
        except ValueError:
            return _usage(f"--now must be an ISO date and time like 2025-03-01T09:00, not {args.now!r}")
    if now.tzinfo is None:
        # Without an offset the time is read as the clinic's wall clock, as in schedules.
        first = load_deck(root, screen_size=screen)
        tz = first.deck.clinic.timezone if first.deck else ZoneInfo(DEFAULT_TIMEZONE)
        now = now.replace(tzinfo=tz)
    result = load_deck(root, screen_size=screen, now=now)
    for problem in result.problems:
        print(problem)
    errors, warnings = len(result.errors), len(result.warnings)
    if result.problems:
        print()
    if result.deck is not None:
        _summary(result.deck, now)
    counts = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    if result.ok:
        print(f"OK: {counts}")
        return exitcodes.OK
    print(f"NOT VALID: {counts}; the kiosk keeps showing its last good content until they are fixed")
    return exitcodes.PROBLEMS


def _summary(deck: Deck, now: datetime) -> None:
    # What staff most need to act on comes first, before the inventory.
    for slide in deck.never_again(now):
        print(f"Will never play again: {_where(slide, _why_never(slide, now, deck.clinic.timezone))}")
    if deck.hidden:
        print(f"Hidden (hidden: true, never shown to patients): {', '.join(_where(s) for s in deck.hidden)}")
    slides = deck.distinct_slides
    kinds = Counter(s.kind for s in slides)
    by_kind = ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items()))
    print(f"slides: {len(slides)} ({by_kind})")
    topic_counts = Counter(s.topic for s in slides)
    print("topics: " + ", ".join(f"{t.id} ({topic_counts.get(t.id, 0)})" for t in deck.clinic.topics))
    print("languages: " + ", ".join(deck.clinic.languages))
    for language in deck.clinic.languages:
        if language == "en":
            continue
        lacking = [s.id for s in slides if not _has_language(s, language)]
        name = {"es": "Spanish"}.get(language, language)
        print(f"  slides without {name}: {', '.join(lacking) if lacking else 'none'}")
    tz = deck.clinic.timezone
    local = now.astimezone(tz)
    playing = [s.id for s in deck.playing_at(now)]
    print(f"playing now ({local:%Y-%m-%d %H:%M} {tz.key}): {', '.join(playing) if playing else 'nothing'}")
    change = deck.next_change(now)
    shown = f"{change.astimezone(tz):%Y-%m-%d %H:%M}" if change else "none within a week"
    print(f"next schedule change: {shown}")
    _notices_summary(deck, now)


def _notices_summary(deck: Deck, now: datetime) -> None:
    """The banner as it stands at ``now`` (notices.yaml, when the pack has one), the saved
    phrases, and today's hours."""
    from kiosk.core.notices.showing import notice_text, showing_at
    from kiosk.core.opening import opening_now, today_line

    tz = deck.clinic.timezone
    if deck.notices:
        showing = showing_at(deck.notices, now)
        print(f"notices showing now: {len(showing) or 'none'} of {len(deck.notices)} in notices.yaml")
        for notice in showing:
            until = f"{notice.until.astimezone(tz):%Y-%m-%d %H:%M}"
            text = _plain(notice_text(notice, "en", now, tz))
            print(f"  {notice.source}: {notice.level}, until {until}: {text}")
    if deck.phrases:
        print(f"saved phrases: {len(deck.phrases)}")
    opening = opening_now(deck.clinic, now)
    if opening is not None:
        print(f"opening hours now: {_plain(today_line(opening, 'en'))}")


def _plain(text: str) -> str:
    """No-break spaces (kept between "6" and "PM" on screen) as plain ones for a terminal."""
    return text.replace("\u00a0", " ")


def _where(slide: Slide, *details: str) -> str:
    """``slides/x.yaml (details)``, with the slide's id first when the file name does not say it."""
    named = [] if Path(slide.source.path).stem == slide.id else [slide.id]
    parts = [*named, *details]
    return f"{slide.source.path} ({', '.join(parts)})" if parts else slide.source.path


def _why_never(slide: Slide, now: datetime, tz: ZoneInfo) -> str:
    schedule = slide.schedule
    if schedule.has_ended(now, tz) and schedule.active_until is not None:
        until = schedule.active_until
        # A date-only until ends at the midnight after that day: name the day itself.
        ended = f"{until - timedelta(days=1):%Y-%m-%d}" if until.time() == time() else f"{until:%Y-%m-%d %H:%M}"
        return f"ended {ended}"
    if not schedule.weekdays:
        return "no days are listed"
    return "its days and hours never fall between from and until"


def _has_language(slide: Slide, language: str) -> bool:
    from kiosk.core.text import LocalizedText

    for f in fields(slide):
        value = getattr(slide, f.name)
        texts = value if isinstance(value, tuple) else (value,)
        for text in texts:
            if isinstance(text, LocalizedText) and not text.has(language):
                return False
    return True
