"""The checks a notice passes before a kiosk posts it: the validator's own rules for
notices.yaml (English required, length, Markdown, placeholders), plus those that only make
sense at the moment of posting: its end is still to come, and not a month away."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from kiosk.core.fields import NOTICE_LEVELS
from kiosk.core.limits import LIMITS
from kiosk.core.markdown import MarkdownError, parse_markdown, visible_length
from kiosk.core.notices.ends import MAX_AHEAD
from kiosk.core.notices.model import ORIGIN_KIOSK, Notice
from kiosk.core.notices.placeholders import NOTICE_PLACEHOLDERS, as_counted, describe, unknown_placeholders
from kiosk.core.text import DEFAULT_LANGUAGE, LocalizedText

LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}


class NoticeRefused(ValueError):
    """A notice that cannot be posted; the message says why, for staff."""


@dataclass(frozen=True)
class Draft:
    """A notice as staff compose it: texts by language, a level, an end."""

    texts: Mapping[str, str]
    level: str
    until: datetime


def counted_length(text: str) -> int | None:
    """Visible characters of ``text`` as the validator counts them (placeholders at their usual
    length); None when it is not valid Markdown."""
    try:
        return visible_length(parse_markdown(as_counted(text), inline_only=True))
    except MarkdownError:
        return None


def problems_of(draft: Draft, now: datetime, languages: tuple[str, ...] = ("en", "es")) -> list[str]:
    """Why ``draft`` cannot be posted at ``now`` (aware); empty when it can."""
    problems: list[str] = []
    texts = {lang: text.strip() for lang, text in draft.texts.items() if text and text.strip()}
    if DEFAULT_LANGUAGE not in texts:
        problems.append("Write the notice in English (Spanish is optional).")
    for language, text in texts.items():
        name = LANGUAGE_NAMES.get(language, language)
        if language not in languages:
            problems.append(f"The clinic's content has no {name}; leave that text empty.")
            continue
        try:
            parse_markdown(text, inline_only=True)
        except MarkdownError as exc:
            problems.append(f"{name} text: {exc.message}")
            continue
        unknown = unknown_placeholders(text, NOTICE_PLACEHOLDERS)
        if unknown:
            shown = ", ".join(f"{{{u}}}" for u in unknown)
            problems.append(
                f"{name} text: fill in {shown} first (a notice may only keep {describe(NOTICE_PLACEHOLDERS)})."
            )
        length = counted_length(text)
        if length is not None and length > LIMITS.notice:
            problems.append(f"{name} text is {length} characters; at most {LIMITS.notice} fit the banner.")
    if draft.level not in NOTICE_LEVELS:
        problems.append(f"Unknown level {draft.level!r}.")
    if draft.until.tzinfo is None:
        raise ValueError("a draft's end must be timezone-aware")
    if draft.until <= now:
        problems.append("That end has already passed: choose a later one.")
    elif draft.until - now > MAX_AHEAD:
        problems.append(f"That end is more than {MAX_AHEAD.days} days away: a notice is for now, not for months.")
    return problems


def as_notice(draft: Draft, now: datetime, local_id: str, languages: tuple[str, ...] = ("en", "es")) -> Notice:
    """The kiosk notice ``draft`` makes; raises NoticeRefused with every problem."""
    problems = problems_of(draft, now, languages)
    if problems:
        raise NoticeRefused(" ".join(problems))
    texts = {lang: text.strip() for lang, text in draft.texts.items() if text and text.strip()}
    return Notice(
        text=LocalizedText(texts),
        until=draft.until,
        level=draft.level,
        origin=ORIGIN_KIOSK,
        posted=now,
        local_id=local_id,
    )
