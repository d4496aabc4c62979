"""The studio's view of :mod:`kiosk.core.fields`: which fields a slide kind or the clinic has,
what a field path names, and the conventional order of keys at every level of a file.

Nothing here lists fields itself: a field added to ``fields.py`` shows up in the editors, is
written in its place, and is read with the reader of its type."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.core.fields import (
    CLINIC_FIELDS,
    COMMON_SLIDE_FIELDS,
    HOLIDAY_FIELDS,
    NOTICE_FIELDS,
    NOTICES_FILE_FIELDS,
    SCHEDULE_FIELDS,
    SLIDE_KINDS,
    THEME_FIELDS,
    TOPIC_FIELDS,
    FieldSpec,
    FieldType,
    slide_fields,
)
from kiosk.core.schedule import WEEKDAY_NAMES
from kiosk.core.studio.field_paths import FieldPath, PathPart
from kiosk.core.text import SUPPORTED_LANGUAGES

CLINIC_KIND = "clinic"
NOTICES_KIND = "notices"
TEXT_TYPES = frozenset({FieldType.TEXT, FieldType.MARKDOWN})
#: Types whose value is a group of named fields declared in fields.py.
NESTED: dict[FieldType, tuple[FieldSpec, ...]] = {
    FieldType.SCHEDULE: SCHEDULE_FIELDS,
    FieldType.THEME: THEME_FIELDS,
}
#: Types whose value is a list of groups of named fields.
NESTED_ITEMS: dict[FieldType, tuple[FieldSpec, ...]] = {
    FieldType.TOPICS: TOPIC_FIELDS,
    FieldType.NOTICES: NOTICE_FIELDS,
    FieldType.HOLIDAYS: HOLIDAY_FIELDS,
}
#: Types whose value is a list (edited item by item).
LIST_TYPES = frozenset(
    {
        FieldType.TEXT_LIST,
        FieldType.TOPICS,
        FieldType.PLAYLIST,
        FieldType.HOURS,
        FieldType.DAYS,
        FieldType.LANGUAGES,
        FieldType.NOTICES,
        FieldType.HOLIDAYS,
    }
)


class UnknownField(KeyError):
    """A field path that names no declared field (a programming error in the caller)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown field"


def specs_for(kind: str | None) -> tuple[FieldSpec, ...]:
    """The fields of ``kind`` (a slide kind, ``"clinic"`` or ``"notices"``), in their
    conventional order; a slide of unknown kind has the common fields."""
    if kind == CLINIC_KIND:
        return CLINIC_FIELDS
    if kind == NOTICES_KIND:
        return NOTICES_FILE_FIELDS
    if kind in SLIDE_KINDS:
        return slide_fields(kind)
    return COMMON_SLIDE_FIELDS


def find_spec(specs: tuple[FieldSpec, ...], name: PathPart) -> FieldSpec | None:
    return next((s for s in specs if s.name == name), None)


@dataclass(frozen=True)
class Resolved:
    """What a field path names: the declared field, its own path, and what follows it
    (a language, a list index, an index and a language, a day of the week)."""

    spec: FieldSpec
    field: FieldPath
    rest: tuple[PathPart, ...] = ()

    @property
    def language(self) -> str | None:
        """``es`` in ``title.es`` and ``steps[2].es``."""
        if self.spec.type in TEXT_TYPES and self.rest:
            return str(self.rest[0])
        if self.spec.type is FieldType.TEXT_LIST and len(self.rest) == 2:
            return str(self.rest[1])
        return None

    @property
    def day(self) -> str | None:
        """``mon`` in ``opening_hours.mon``."""
        return str(self.rest[0]) if self.spec.type is FieldType.OPENING_HOURS and self.rest else None

    @property
    def item(self) -> int | None:
        first = self.rest[0] if self.rest else None
        return first if isinstance(first, int) else None


def resolve(kind: str | None, path: str | FieldPath) -> Resolved:
    """The declared field ``path`` names in a document of ``kind``; raises UnknownField."""
    field_path = FieldPath.parse(path)
    parts = field_path.parts
    level = specs_for(kind)
    start = 0
    while True:
        if start >= len(parts):
            raise UnknownField(f"{field_path} names no field")
        spec = find_spec(level, parts[start])
        if spec is None:
            raise UnknownField(f"{field_path}: {parts[start]!r} is not a field of {kind or 'a slide'}")
        own = FieldPath(parts[: start + 1])
        rest = parts[start + 1 :]
        if spec.type in NESTED and rest:
            level, start = NESTED[spec.type], start + 1
            continue
        if spec.type in NESTED_ITEMS and len(rest) >= 2 and isinstance(rest[0], int):
            level, start = NESTED_ITEMS[spec.type], start + 2
            continue
        _check_rest(spec, field_path, rest)
        return Resolved(spec, own, tuple(rest))


def _check_rest(spec: FieldSpec, path: FieldPath, rest: tuple[PathPart, ...]) -> None:
    ok = not rest
    if spec.type in TEXT_TYPES:
        ok = ok or (len(rest) == 1 and isinstance(rest[0], str))
    elif spec.type is FieldType.TEXT_LIST:
        ok = ok or (isinstance(rest[0], int) and (len(rest) == 1 or (len(rest) == 2 and isinstance(rest[1], str))))
    elif spec.type in LIST_TYPES:
        ok = ok or (len(rest) == 1 and isinstance(rest[0], int))
    elif spec.type is FieldType.OPENING_HOURS:
        ok = ok or (len(rest) == 1 and isinstance(rest[0], str))
    if not ok:
        raise UnknownField(f"{path} goes deeper than the field {spec.name!r} does")


def key_order(kind: str | None, container: FieldPath) -> tuple[str, ...]:
    """The conventional order of the keys of the mapping at ``container`` (``()`` for the
    document itself): new keys are written in this order."""
    if not container:
        return tuple(s.name for s in specs_for(kind))
    resolved = resolve(kind, container)
    spec, rest = resolved.spec, resolved.rest
    if spec.type in TEXT_TYPES or spec.type is FieldType.TEXT_LIST:
        return SUPPORTED_LANGUAGES
    if spec.type in NESTED and not rest:
        return tuple(s.name for s in NESTED[spec.type])
    if spec.type in NESTED_ITEMS and len(rest) == 1:
        return tuple(s.name for s in NESTED_ITEMS[spec.type])
    if spec.type is FieldType.OPENING_HOURS:
        return WEEKDAY_NAMES
    return ()
