"""Changing one field of a slide or of the clinic inside its ruamel document.

Paths are the validator's (``title``, ``steps[2]``, ``schedule.until``, ``topics[1].title``,
``opening_hours.mon``); what they name comes from :mod:`kiosk.core.studio.schema`. New keys
are written in the conventional order of ``fields.py``; existing ones are changed in place,
keeping their quotes and the comments around them (:mod:`kiosk.core.studio.structure`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from kiosk.core.fields import SCHEDULE_FIELDS, FieldSpec, FieldType
from kiosk.core.studio.documents import EditableDocument
from kiosk.core.studio.field_paths import FieldPath, PathPart
from kiosk.core.studio.keys import DocKey
from kiosk.core.studio.pack_state import StudioError
from kiosk.core.studio.round_trip import block_map, block_seq, dump_round_trip, flow_seq, styled_text
from kiosk.core.studio.schedule_values import ScheduleValue
from kiosk.core.studio.schema import LIST_TYPES, NESTED, NESTED_ITEMS, TEXT_TYPES, Resolved, key_order, resolve
from kiosk.core.studio.structure import insert_item, move_item, put_key, remove_item, remove_key, replace_value
from kiosk.core.studio.values import child, read_value
from kiosk.core.studio.writers import (
    day_hours_value,
    group_map,
    schedule_entries,
    text_value,
    topic_map,
    window_text,
    yaml_value,
)
from kiosk.core.text import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES
from kiosk.core.yaml_source import parse_yaml_text

SCHEDULE_SPECS = {spec.name: spec for spec in SCHEDULE_FIELDS}

#: Types whose lists are written on one line (``[mon, tue]``), the others one item a line.
_FLOW_LISTS = frozenset({FieldType.DAYS, FieldType.HOURS, FieldType.LANGUAGES})


def slide_map(document: EditableDocument, key: DocKey) -> CommentedMap:
    """The mapping of the slide (or the clinic) ``key`` inside its file's document."""
    data = document.data
    if key.index is not None:
        listed = data.get("slides") if isinstance(data, CommentedMap) else None
        data = listed[key.index] if isinstance(listed, CommentedSeq) and key.index < len(listed) else None
    if not isinstance(data, CommentedMap):
        raise StudioError(f"{key} is not a group of fields (id, kind, title...); fix it in a text editor")
    return data


def _get(container: Any, part: PathPart) -> Any:
    if isinstance(part, int):
        return container[part] if isinstance(container, CommentedSeq) and 0 <= part < len(container) else None
    return container.get(part) if isinstance(container, CommentedMap) else None


def navigate(root: CommentedMap, kind: str | None, path: FieldPath, *, create: bool) -> tuple[Any, PathPart]:
    """(the mapping or list holding the last part of ``path``, that part); groups on the way
    are created (in their conventional place) when ``create`` is set."""
    container: Any = root
    for depth, part in enumerate(path.parts[:-1]):
        found = _get(container, part)
        wants_map = not isinstance(path.parts[depth + 1], int)
        if isinstance(found, CommentedMap if wants_map else CommentedSeq):
            container = found
            continue
        if not create or isinstance(part, int) or found is not None:
            raise StudioError(f"{FieldPath(path.parts[: depth + 1])} is not there to change")
        made = block_map() if wants_map else block_seq([])
        put_key(container, part, made, key_order(kind, FieldPath(path.parts[:depth])))
        container = made
    return container, path.last


def _set(container: Any, part: PathPart, value: Any, kind: str | None, parent: FieldPath) -> None:
    if isinstance(container, CommentedSeq):
        assert isinstance(part, int)
        if part >= len(container):
            raise StudioError(f"{parent}[{part}] is not there to change")
        replace_value(container, part, value)
    else:
        put_key(container, str(part), value, key_order(kind, parent))


def _remove(container: Any, part: PathPart) -> None:
    if isinstance(container, CommentedSeq):
        assert isinstance(part, int)
        if part < len(container):
            remove_item(container, part)
    elif isinstance(container, CommentedMap):
        remove_key(container, str(part))


# --- texts ------------------------------------------------------------------------------------


def set_text(
    root: CommentedMap, kind: str | None, field: str | FieldPath, language: str, text: str | None, *, bilingual: bool
) -> Resolved:
    """Set (or with None or blank, remove) one language of the text at ``field``: a text
    field (``title``), a list item (``steps[2]``) or a topic's title (``topics[1].title``)."""
    resolved = resolve(kind, field)
    spec = resolved.spec
    item_of_list = spec.type is FieldType.TEXT_LIST and resolved.item is not None and len(resolved.rest) == 1
    if not (spec.type in TEXT_TYPES and not resolved.rest) and not item_of_list:
        raise TypeError(f"{field} is not a text (or a list item holding one)")
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; the kiosk supports {', '.join(SUPPORTED_LANGUAGES)}")
    path = FieldPath.parse(field)
    container, last = navigate(root, kind, path, create=True)
    current = _get(container, last)
    blank = text is None or not text.strip()
    if isinstance(current, CommentedMap):
        if blank:
            remove_key(current, language)
            if not current:
                _clear(container, last, kind, path, item_of_list)
        else:
            put_key(current, language, styled_text(text or "", current.get(language)), SUPPORTED_LANGUAGES)
        return resolved
    if current is None or not isinstance(current, str):
        # Absent, or something that is no text (a number, a list): written anew.
        if blank:
            if current is not None:
                _clear(container, last, kind, path, item_of_list)
            return resolved
        _set(container, last, _new_text(language, text or "", bilingual), kind, path.parent)
        return resolved
    if language == DEFAULT_LANGUAGE:
        if blank:
            _clear(container, last, kind, path, item_of_list)
        else:
            _set(container, last, styled_text(text or "", current), kind, path.parent)
        return resolved
    if not blank:
        both = block_map([(DEFAULT_LANGUAGE, current), (language, styled_text(text or ""))])
        _set(container, last, both, kind, path.parent)
    return resolved


def _new_text(language: str, text: str, bilingual: bool) -> Any:
    if language == DEFAULT_LANGUAGE and not bilingual:
        return styled_text(text)
    return block_map([(language, styled_text(text))])


def _clear(container: Any, last: PathPart, kind: str | None, path: FieldPath, item_of_list: bool) -> None:
    if item_of_list:
        # A list item keeps its place; the validator asks for its text.
        _set(container, last, DoubleQuotedScalarString(""), kind, path.parent)
    else:
        _remove(container, last)


# --- other values -------------------------------------------------------------------------------


def set_value(root: CommentedMap, kind: str | None, field: str | FieldPath, value: Any, *, bilingual: bool) -> Resolved:
    """Set the field at ``field`` to ``value`` (typed: see :mod:`kiosk.core.studio.values`);
    None removes it. A list item (``schedule.hours[1]``, ``topics[2]``), a day of the opening
    hours (``opening_hours.mon``) and a language of a text (``title.es``) can be set alone."""
    resolved = resolve(kind, field)
    spec = resolved.spec
    if spec.type is FieldType.KIND:
        raise StudioError("a slide's kind cannot be changed; add a new slide of the other kind and copy the texts")
    if resolved.language is not None or (spec.type is FieldType.TEXT_LIST and resolved.item is not None):
        if resolved.language is None:
            raise TypeError(f"{field}: set a list item's text with set_text, or the item with a mapping")
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{field}: expected a text, not {value!r}")
        return set_text(
            root,
            kind,
            resolved.field if spec.type in TEXT_TYPES else resolved.field.child(resolved.rest[0]),
            resolved.language,
            value,
            bilingual=bilingual,
        )
    if spec.type is FieldType.OPENING_HOURS and resolved.day is not None:
        container, last = navigate(root, kind, resolved.field.child(resolved.day), create=True)
        if value is None:
            _remove(container, last)
        else:
            windows = value if not isinstance(value, str) else [value]
            _set(container, last, day_hours_value(windows), kind, resolved.field)
        return resolved
    if resolved.item is not None:
        seq = _list_at(root, kind, resolved.field)
        if value is None:
            if resolved.item < len(seq):
                remove_item(seq, resolved.item)
            return resolved
        _set(seq, resolved.item, list_element(spec.type, value, bilingual=bilingual), kind, resolved.field)
        return resolved
    path = FieldPath.parse(field)
    container, last = navigate(root, kind, path, create=value is not None)
    current = _get(container, last)
    if value is None:
        _remove(container, last)
    elif spec.type is FieldType.SCHEDULE and isinstance(current, CommentedMap) and isinstance(value, ScheduleValue):
        _update_schedule(container, last, current, value, kind, path)
    elif spec.type in NESTED and isinstance(current, CommentedMap) and isinstance(value, Mapping):
        for name, sub in value.items():
            set_value(root, kind, path.child(name), sub, bilingual=bilingual)
    else:
        new = yaml_value(spec, value, current, bilingual=bilingual)
        if new is None or (spec.type is FieldType.SCHEDULE and isinstance(value, ScheduleValue) and value.is_always):
            _remove(container, last)
        elif not (_same_plain(current, new) or _reads_same(spec, current, value)):
            _set(container, last, new, kind, path.parent)
    return resolved


def _update_schedule(
    container: Any, last: PathPart, current: CommentedMap, value: ScheduleValue, kind: str | None, path: FieldPath
) -> None:
    if value.is_always:
        _remove(container, last)
        return
    order = key_order(kind, path)
    typed = {"from": value.start, "until": value.until, "days": value.days, "hours": value.hours}
    for name, new in schedule_entries(value).items():
        if new is None:
            remove_key(current, name)
        elif not _reads_same(SCHEDULE_SPECS[name], current.get(name), typed[name]):
            put_key(current, name, new, order)


def _same_plain(old: Any, new: Any) -> bool:
    """True when writing ``new`` over ``old`` would change nothing the loader reads (so the
    way ``old`` is written stays)."""
    if old is None or (type(old) is not type(new) and not (isinstance(old, str) and isinstance(new, str))):
        return False
    if isinstance(old, (CommentedMap, CommentedSeq)) != isinstance(new, (CommentedMap, CommentedSeq)):
        return False
    return bool(_plain(old) == _plain(new))


def _reads_same(spec: FieldSpec, current: Any, value: Any) -> bool:
    """True when what is written now reads, as the loader reads it, as ``value`` already:
    then it stays written as staff wrote it (``days: [mon, tue, wed, thu, fri]`` is not
    rewritten as ``weekdays``, nor ``duration: 90s`` as ``1m30s``)."""
    if current is None or value is None:
        return False
    node, issues = parse_yaml_text(dump_round_trip(CommentedMap([("v", current)])))
    if node is None or issues:
        return False
    typed, readable = read_value(child(node, "v"), spec, SUPPORTED_LANGUAGES)
    if not readable or (type(typed) is not type(value) and not (_number(typed) and _number(value))):
        return False
    return bool(typed == value)


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _plain(value: Any) -> Any:
    if isinstance(value, CommentedMap):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, CommentedSeq):
        return [_plain(v) for v in value]
    return str(value) if isinstance(value, str) else value


def _list_at(root: CommentedMap, kind: str | None, field: FieldPath) -> CommentedSeq:
    container, last = navigate(root, kind, field, create=False)
    seq = _get(container, last)
    if not isinstance(seq, CommentedSeq):
        raise StudioError(f"{field} is not a list to change")
    return seq


def list_element(field_type: FieldType, value: Any, *, bilingual: bool) -> Any:
    """One item of a list field, as written."""
    if field_type is FieldType.TEXT_LIST:
        if not isinstance(value, (str, Mapping)):
            raise TypeError(f"a list item is a text or a mapping of languages, not {value!r}")
        return text_value(value, bilingual=bilingual)
    if field_type is FieldType.TOPICS:
        return topic_map(value, bilingual=bilingual)
    if field_type in NESTED_ITEMS:
        return group_map(NESTED_ITEMS[field_type], value, bilingual=bilingual)
    if field_type is FieldType.HOURS:
        return DoubleQuotedScalarString(window_text(value))
    if not isinstance(value, str):
        raise TypeError(f"expected a text, not {value!r}")
    return styled_text(value.strip())


def add_item(
    root: CommentedMap, kind: str | None, field: str | FieldPath, value: Any, index: int | None, *, bilingual: bool
) -> Resolved:
    """Insert ``value`` into the list at ``field`` (at the end when ``index`` is None)."""
    resolved = resolve(kind, field)
    if resolved.spec.type not in LIST_TYPES or resolved.rest:
        raise TypeError(f"{field} is not a list")
    element = list_element(resolved.spec.type, value, bilingual=bilingual)
    container, last = navigate(root, kind, resolved.field, create=True)
    seq = _get(container, last)
    if seq is None:
        seq = flow_seq([]) if resolved.spec.type in _FLOW_LISTS else block_seq([])
        _set(container, last, seq, kind, resolved.field.parent)
    if not isinstance(seq, CommentedSeq):
        raise StudioError(f"{field} is not a list to change")
    insert_item(seq, len(seq) if index is None else max(0, min(index, len(seq))), element)
    return resolved


def remove_list_item(root: CommentedMap, kind: str | None, field: str | FieldPath, index: int) -> Resolved:
    resolved = resolve(kind, field)
    seq = _list_at(root, kind, resolved.field)
    if not 0 <= index < len(seq):
        raise IndexError(f"{field} has no item {index}")
    remove_item(seq, index)
    return resolved


def move_list_item(
    root: CommentedMap, kind: str | None, field: str | FieldPath, index: int, new_index: int
) -> Resolved:
    resolved = resolve(kind, field)
    seq = _list_at(root, kind, resolved.field)
    if not (0 <= index < len(seq) and 0 <= new_index < len(seq)):
        raise IndexError(f"{field} has {len(seq)} items; cannot move {index} to {new_index}")
    move_item(seq, index, new_index)
    return resolved
