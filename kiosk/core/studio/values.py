"""Typed values of fields, read from a file as the kiosk's loader reads it.

Each :class:`~kiosk.core.fields.FieldType` has a reader here. Readers are lenient: what they
cannot read comes back as unreadable (the raw text is kept for showing) and the validator's
message explains it. A type without a reader (a field type added later) is shown as the plain
value YAML gives, so a new field still appears in the editors.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

from kiosk.core.durations import parse_duration
from kiosk.core.fields import HOLIDAY_FIELDS, NOTICE_FIELDS, TOPIC_FIELDS, FieldSpec, FieldType
from kiosk.core.limits import LIMITS
from kiosk.core.markdown import MarkdownError, parse_markdown, visible_length
from kiosk.core.schedule import WEEKDAY_NAMES, TimeWindow
from kiosk.core.studio.schedule_values import (
    ScheduleValue,
    Unreadable,
    parse_window,
    read_date_time,
    read_days,
    read_hours,
)
from kiosk.core.text import DEFAULT_LANGUAGE
from kiosk.core.yaml_source import YNode


def child(node: YNode | None, part: str | int) -> YNode | None:
    """The value at ``part`` (a key or a list index) of ``node``, or None."""
    if node is None:
        return None
    if isinstance(part, int):
        return node.value[part] if node.is_seq and 0 <= part < len(node.value) else None
    if node.is_map:
        entry = node.value.get(part)
        return entry.node if entry is not None else None
    return None


def scalar_text(node: YNode | None) -> str | None:
    """A scalar as written (``raw``), or None for a list or group."""
    if node is None or node.is_map or node.is_seq:
        return None
    return node.raw


def limit_of(spec: FieldSpec) -> int | None:
    return getattr(LIMITS, spec.limit) if spec.limit else None


def max_items_of(spec: FieldSpec) -> int | None:
    return getattr(LIMITS, spec.max_items) if spec.max_items else None


def text_length(text: str, *, inline: bool) -> int | None:
    """Visible characters of ``text`` as the validator counts them; None when the text is
    not valid Markdown (the validator says why)."""
    try:
        return visible_length(parse_markdown(text, inline_only=inline))
    except MarkdownError:
        return None


@dataclass(frozen=True)
class LanguageText:
    """One language of a text: what is written (None: not given, the kiosk shows English),
    its visible length and the limit that applies."""

    language: str
    text: str | None
    length: int | None
    limit: int | None

    @property
    def over_limit(self) -> bool:
        return self.length is not None and self.limit is not None and self.length > self.limit


@dataclass(frozen=True)
class TextValue:
    """A text in each of the clinic's languages (and any other language the file gives)."""

    languages: tuple[LanguageText, ...]

    def get(self, language: str) -> LanguageText | None:
        return next((t for t in self.languages if t.language == language), None)

    def text(self, language: str) -> str | None:
        found = self.get(language)
        return found.text if found is not None else None

    @property
    def english(self) -> str | None:
        return self.text(DEFAULT_LANGUAGE)

    def as_dict(self) -> dict[str, str]:
        return {t.language: t.text for t in self.languages if t.text is not None}


@dataclass(frozen=True)
class TopicValue:
    id: str | None
    title: TextValue | None
    icon: str | None


@dataclass(frozen=True)
class DayHours:
    """Opening hours of one weekday (0 is Monday). ``windows`` empty means closed; a day
    that is not ``written`` counts as closed too."""

    weekday: int
    windows: tuple[TimeWindow, ...]
    written: bool
    readable: bool = True
    raw: str | None = None

    @property
    def day(self) -> str:
        return WEEKDAY_NAMES[self.weekday]

    @property
    def closed(self) -> bool:
        return not self.windows


def read_text(
    node: YNode | None, spec: FieldSpec, languages: tuple[str, ...], *, measure: bool = True
) -> TextValue | None:
    """The text at ``node``: a plain string is English; a group gives languages. Lengths are
    left out (None) without ``measure``: the slide list needs none."""
    if node is None:
        return None
    inline = spec.type is not FieldType.MARKDOWN
    limit = limit_of(spec)
    written: dict[str, YNode] = {}
    if node.is_map:
        written = {lang: entry.node for lang, entry in node.value.items()}
    elif not node.is_seq:
        written = {DEFAULT_LANGUAGE: node}
    texts = []
    for language in list(languages) + [lang for lang in written if lang not in languages]:
        value = written.get(language)
        if value is None:
            texts.append(LanguageText(language, None, None, limit))
            continue
        text = value.value if isinstance(value.value, str) and not (value.is_map or value.is_seq) else None
        shown = text if text is not None else scalar_text(value)
        length = text_length(text, inline=inline) if text is not None and measure else None
        texts.append(LanguageText(language, shown.strip() if shown is not None else None, length, limit))
    return TextValue(tuple(texts))


class _Unreadable(Exception):
    pass


def _string(node: YNode, spec: FieldSpec, languages: tuple[str, ...]) -> Any:
    if isinstance(node.value, str) and not (node.is_map or node.is_seq):
        return node.value.strip()
    raise _Unreadable


def _duration(node: YNode, spec: FieldSpec, languages: tuple[str, ...]) -> Any:
    if node.is_map or node.is_seq:
        raise _Unreadable
    try:
        return parse_duration(node.value)
    except ValueError:
        raise _Unreadable from None


def _count(node: YNode, spec: FieldSpec, languages: tuple[str, ...]) -> Any:
    if isinstance(node.value, bool) or not isinstance(node.value, int) or node.is_map or node.is_seq:
        raise _Unreadable
    return node.value


def _flag(node: YNode, spec: FieldSpec, languages: tuple[str, ...]) -> Any:
    # As the loader: YAML's yes/no and on/off are flags too; quoted "true" is text.
    if node.is_map or node.is_seq or not isinstance(node.value, bool):
        raise _Unreadable
    return node.value


def _date(node: YNode, spec: FieldSpec, languages: tuple[str, ...]) -> Any:
    value = node.value
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _Unreadable


def _guarded(reader: Callable[[YNode], Any]) -> Callable[[YNode, FieldSpec, tuple[str, ...]], Any]:
    def read(node: YNode, spec: FieldSpec, languages: tuple[str, ...]) -> Any:
        try:
            return reader(node)
        except Unreadable:
            raise _Unreadable from None

    return read


def _text_list(node: YNode, spec: FieldSpec, languages: tuple[str, ...]) -> Any:
    if not node.is_seq:
        raise _Unreadable
    return tuple(read_text(item, spec, languages) for item in node.value)


def _string_list(node: YNode, spec: FieldSpec, languages: tuple[str, ...]) -> Any:
    if not node.is_seq:
        raise _Unreadable
    return tuple(item.raw if not (item.is_map or item.is_seq) else "?" for item in node.value)


def _theme(node: YNode, spec: FieldSpec, languages: tuple[str, ...]) -> Any:
    if not node.is_map:
        raise _Unreadable
    return {key: scalar_text(entry.node) for key, entry in node.value.items()}


def _opening_hours(node: YNode, spec: FieldSpec, languages: tuple[str, ...]) -> Any:
    if not node.is_map:
        raise _Unreadable
    written: dict[str, YNode] = {key.strip().lower()[:3]: entry.node for key, entry in node.value.items()}
    days = []
    for weekday, name in enumerate(WEEKDAY_NAMES):
        value = written.get(name)
        if value is None:
            days.append(DayHours(weekday, (), written=False))
            continue
        raw = scalar_text(value)
        try:
            if raw is None or not isinstance(value.value, str):
                raise Unreadable("expected hours")
            windows = () if raw.strip().lower() == "closed" else tuple(parse_window(p) for p in raw.split(","))
            days.append(DayHours(weekday, windows, written=True, raw=raw))
        except Unreadable:
            days.append(DayHours(weekday, (), written=True, readable=False, raw=raw))
    return tuple(days)


def _topics(node: YNode, spec: FieldSpec, languages: tuple[str, ...]) -> Any:
    if not node.is_seq:
        raise _Unreadable
    title_spec = next(s for s in TOPIC_FIELDS if s.name == "title")
    topics = []
    for item in node.value:
        topic_id = child(item, "id")
        icon = child(item, "icon")
        topics.append(
            TopicValue(
                id=topic_id.value.strip() if topic_id is not None and isinstance(topic_id.value, str) else None,
                title=read_text(child(item, "title"), title_spec, languages),
                icon=scalar_text(icon),
            )
        )
    return tuple(topics)


def _groups(fields: tuple[FieldSpec, ...]) -> Callable[[YNode, FieldSpec, tuple[str, ...]], Any]:
    """A list of groups of fields (notices, holidays): each item as a mapping of its declared
    fields to their values (None where absent or unreadable)."""

    def read(node: YNode, spec: FieldSpec, languages: tuple[str, ...]) -> Any:
        if not node.is_seq:
            raise _Unreadable
        items = []
        for item in node.value:
            values = {}
            for sub in fields:
                value, readable = read_value(child(item, sub.name), sub, languages)
                values[sub.name] = value if readable else None
            items.append(MappingProxyType(values))
        return tuple(items)

    return read


_Reader = Callable[[YNode, FieldSpec, tuple[str, ...]], Any]
READERS: dict[FieldType, _Reader] = {
    FieldType.TEXT: read_text,
    FieldType.MARKDOWN: read_text,
    FieldType.TEXT_LIST: _text_list,
    FieldType.STRING: _string,
    FieldType.ID: _string,
    FieldType.KIND: _string,
    FieldType.TOPIC: _string,
    FieldType.QR: _string,
    FieldType.URL: _string,
    FieldType.TIMEZONE: _string,
    FieldType.IMAGE: _string,
    FieldType.COLOUR: _string,
    FieldType.DURATION: _duration,
    FieldType.HOLD: _duration,
    FieldType.COUNT: _count,
    FieldType.FLAG: _flag,
    FieldType.DATE: _date,
    FieldType.DATE_TIME: _guarded(read_date_time),
    FieldType.DAYS: _guarded(read_days),
    FieldType.HOURS: _guarded(read_hours),
    FieldType.SCHEDULE: _guarded(ScheduleValue.read),
    FieldType.LANGUAGES: _string_list,
    FieldType.PLAYLIST: _string_list,
    FieldType.THEME: _theme,
    FieldType.OPENING_HOURS: _opening_hours,
    FieldType.TOPICS: _topics,
    FieldType.LEVEL: _string,
    FieldType.DAY_HOURS: _string,
    FieldType.NOTICES: _groups(NOTICE_FIELDS),
    FieldType.HOLIDAYS: _groups(HOLIDAY_FIELDS),
}


def read_value(node: YNode | None, spec: FieldSpec, languages: tuple[str, ...]) -> tuple[Any, bool]:
    """``(value, readable)`` of the field ``spec`` written at ``node`` (None when absent)."""
    if node is None:
        return None, True
    reader = READERS.get(spec.type)
    if reader is None:
        return node.plain(), True
    try:
        return reader(node, spec, languages), True
    except _Unreadable:
        return None, False


def plain_languages(value: Mapping[str, str | None] | str) -> dict[str, str | None]:
    """``"text"`` or ``{"en": ..., "es": ...}`` as a mapping of languages."""
    return {DEFAULT_LANGUAGE: value} if isinstance(value, str) else dict(value)
