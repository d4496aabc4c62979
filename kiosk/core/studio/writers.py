"""Typed values as the YAML the studio writes, in the forms ``docs/content-format.md`` shows.

Values are checked for their Python type only (a window passing a number for a text is a bug,
raised as TypeError). Whether the value is *valid* (a colour like ``#0b5d7a``, a known topic)
is the validator's call, so staff see its own message under the field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from kiosk.core.fields import HOLIDAY_FIELDS, NOTICE_FIELDS, TOPIC_FIELDS, FieldSpec, FieldType
from kiosk.core.schedule import WEEKDAY_NAMES, TimeWindow
from kiosk.core.studio.round_trip import block_map, block_seq, flow_seq, styled_text
from kiosk.core.studio.schedule_values import ScheduleValue, Unreadable, days_word, format_date_time, parse_window
from kiosk.core.studio.values import DayHours, TopicValue
from kiosk.core.text import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES

_STRING_TYPES = frozenset(
    {
        FieldType.STRING,
        FieldType.ID,
        FieldType.KIND,
        FieldType.TOPIC,
        FieldType.QR,
        FieldType.URL,
        FieldType.TIMEZONE,
        FieldType.IMAGE,
        FieldType.LEVEL,
    }
)
#: Lists of groups of fields, and the fields of each group.
_GROUPS = {FieldType.NOTICES: NOTICE_FIELDS, FieldType.HOLIDAYS: HOLIDAY_FIELDS}


def duration_text(seconds: float) -> str:
    """``90`` -> ``"1m30s"``, ``12`` -> ``"12s"``, ``2.5`` -> ``"2.5s"``."""
    if seconds != int(seconds):
        return f"{seconds:g}s"
    minutes, rest = divmod(int(seconds), 60)
    if minutes and rest:
        return f"{minutes}m{rest}s"
    return f"{minutes}m" if minutes else f"{rest}s"


def _need(value: Any, types: type | tuple[type, ...], spec: FieldSpec) -> None:
    if isinstance(value, bool) or not isinstance(value, types):
        raise TypeError(f"{spec.name}: a {spec.type.value} field does not take {type(value).__name__} {value!r}")


def text_value(value: str | Mapping[str, str | None], *, bilingual: bool) -> Any:
    """A text: a string (English), or languages to texts; several languages as a group."""
    if isinstance(value, str):
        return block_map([(DEFAULT_LANGUAGE, styled_text(value))]) if bilingual else styled_text(value)
    texts = [(lang, value[lang]) for lang in SUPPORTED_LANGUAGES if value.get(lang)]
    texts += [(lang, text) for lang, text in value.items() if lang not in SUPPORTED_LANGUAGES and text]
    return block_map([(lang, styled_text(str(text))) for lang, text in texts])


def window_text(window: TimeWindow | str) -> str:
    if isinstance(window, str):
        return str(parse_window(window))
    return str(window)


def yaml_value(spec: FieldSpec, value: Any, previous: Any = None, *, bilingual: bool = True) -> Any:
    """``value`` (typed, see :mod:`kiosk.core.studio.values`) as the YAML to write for ``spec``;
    ``previous`` is what is written now (its quoting is kept)."""
    t = spec.type
    if t in _STRING_TYPES:
        _need(value, str, spec)
        return styled_text(value.strip(), previous)
    if t is FieldType.COLOUR:
        _need(value, str, spec)
        # `#` starts a comment, so a colour is always quoted.
        quote = SingleQuotedScalarString if isinstance(previous, SingleQuotedScalarString) else DoubleQuotedScalarString
        return quote(value.strip())
    if t in (FieldType.DURATION, FieldType.HOLD):
        if isinstance(value, str):
            return styled_text(value.strip(), previous)
        _need(value, (int, float), spec)
        return duration_text(float(value))
    if t is FieldType.COUNT:
        _need(value, int, spec)
        return value
    if t is FieldType.FLAG:
        if not isinstance(value, bool):
            raise TypeError(f"{spec.name}: expected True or False, not {value!r}")
        return value
    if t is FieldType.DATE:
        if isinstance(value, datetime) or not isinstance(value, date):
            raise TypeError(f"{spec.name}: expected a date, not {value!r}")
        return value
    if t is FieldType.DATE_TIME:
        _need(value, (date, datetime), spec)
        return format_date_time(value)
    if t is FieldType.DAYS:
        word = days_word(frozenset(_ints(value, spec)))
        return flow_seq(list(word)) if isinstance(word, list) else word
    if t is FieldType.HOURS:
        return flow_seq([DoubleQuotedScalarString(window_text(w)) for w in _iterable(value, spec)])
    if t is FieldType.LANGUAGES:
        return flow_seq([str(code) for code in _iterable(value, spec)])
    if t is FieldType.PLAYLIST:
        return block_seq([styled_text(str(slide_id)) for slide_id in _iterable(value, spec)])
    if t in (FieldType.TEXT, FieldType.MARKDOWN):
        if not isinstance(value, (str, Mapping)):
            raise TypeError(f"{spec.name}: expected a text or a mapping of languages, not {value!r}")
        return text_value(value, bilingual=bilingual)
    if t is FieldType.TEXT_LIST:
        return block_seq([text_value(item, bilingual=bilingual) for item in _iterable(value, spec)])
    if t is FieldType.SCHEDULE:
        if not isinstance(value, ScheduleValue):
            raise TypeError(f"{spec.name}: expected a ScheduleValue, not {value!r}")
        return schedule_map(value)
    if t is FieldType.THEME:
        if not isinstance(value, Mapping):
            raise TypeError(f"{spec.name}: expected colours by name, not {value!r}")
        return block_map([(name, DoubleQuotedScalarString(str(colour))) for name, colour in value.items()])
    if t is FieldType.OPENING_HOURS:
        return opening_hours_map(value, spec)
    if t is FieldType.TOPICS:
        return block_seq([topic_map(topic, bilingual=bilingual) for topic in _iterable(value, spec)])
    if t is FieldType.DAY_HOURS:
        if isinstance(value, str):
            text = value.strip()
            try:
                windows = [] if text.lower() == "closed" else [parse_window(p) for p in text.split(",") if p.strip()]
            except Unreadable:
                # Written as typed: the validator's message under the field says what is wrong.
                return styled_text(text, previous)
            return day_hours_value(windows)
        return day_hours_value(_iterable(value, spec))
    if t in _GROUPS:
        return block_seq([group_map(_GROUPS[t], item, bilingual=bilingual) for item in _iterable(value, spec)])
    # A field type added after this module: plain YAML values as they are.
    return styled_text(value, previous) if isinstance(value, str) else value


def _iterable(value: Any, spec: FieldSpec) -> list[Any]:
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise TypeError(f"{spec.name}: expected a list, not {value!r}")
    return list(value)


def _ints(value: Any, spec: FieldSpec) -> list[int]:
    days = _iterable(value, spec)
    if not all(isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= 6 for d in days):
        raise TypeError(f"{spec.name}: days are 0 (Monday) to 6 (Sunday), not {days!r}")
    return days


def day_hours_text(windows: Iterable[TimeWindow | str]) -> str:
    """``"08:00-12:00, 13:00-18:00"``, or ``closed`` for no windows."""
    parts = [window_text(w) for w in windows]
    return ", ".join(parts) if parts else "closed"


def day_hours_value(windows: Iterable[TimeWindow | str]) -> Any:
    """A day of the opening hours as written in the docs: ``"08:00-12:00, 13:00-18:00"``
    (quoted) or ``closed``."""
    text = day_hours_text(windows)
    return text if text == "closed" else DoubleQuotedScalarString(text)


def opening_hours_map(value: Any, spec: FieldSpec) -> Any:
    """Opening hours from ``{weekday or day name: windows}`` or :class:`DayHours` items."""
    days: dict[int, list[Any]] = {}
    items = value.items() if isinstance(value, Mapping) else ((d.weekday, d.windows) for d in _iterable(value, spec))
    for day, windows in items:
        index = WEEKDAY_NAMES.index(day) if isinstance(day, str) else day
        if isinstance(windows, DayHours):
            windows = windows.windows
        days[index] = list(windows)
    return block_map([(WEEKDAY_NAMES[d], DoubleQuotedScalarString(day_hours_text(days[d]))) for d in sorted(days)])


def topic_map(topic: TopicValue | Mapping[str, Any], *, bilingual: bool) -> Any:
    if isinstance(topic, TopicValue):
        values: dict[str, Any] = {
            "id": topic.id,
            "title": topic.title.as_dict() if topic.title else None,
            "icon": topic.icon,
        }
    else:
        values = dict(topic)
    return block_map(
        [
            (spec.name, yaml_value(spec, values[spec.name], bilingual=bilingual))
            for spec in TOPIC_FIELDS
            if values.get(spec.name) is not None
        ]
    )


def group_map(fields: tuple[FieldSpec, ...], values: Mapping[str, Any], *, bilingual: bool) -> Any:
    """One item of a list of groups (a notice, a holiday), its fields in declared order."""
    if not isinstance(values, Mapping):
        raise TypeError(f"an item of a list of groups is a mapping of fields, not {values!r}")
    return block_map(
        [
            (spec.name, yaml_value(spec, values[spec.name], bilingual=bilingual))
            for spec in fields
            if values.get(spec.name) is not None
        ]
    )


def schedule_map(value: ScheduleValue) -> Any:
    return block_map([(name, v) for name, v in schedule_entries(value).items() if v is not None])


def schedule_entries(value: ScheduleValue) -> dict[str, Any]:
    """``from``/``until``/``days``/``hours`` to write (None: leave out, it is the default)."""
    word = days_word(value.days)
    return {
        "from": format_date_time(value.start) if value.start is not None else None,
        "until": format_date_time(value.until) if value.until is not None else None,
        "days": flow_seq(list(word)) if isinstance(word, list) else word,
        "hours": flow_seq([DoubleQuotedScalarString(str(w)) for w in value.hours]) if value.hours else None,
    }
