"""What an editor shows for each field of a slide or of the clinic, generated from the field
declarations in :mod:`kiosk.core.fields`.

:class:`FieldState` is one field: its spec (type, required, the limit in characters and the
number of items), its value as typed data, each language's text with its visible length,
whether it still holds a new slide's placeholder, and the validator's problems about it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kiosk.core.fields import FieldSpec, FieldType
from kiosk.core.studio.field_paths import FieldPath
from kiosk.core.studio.new_slides import is_placeholder
from kiosk.core.studio.problems_map import FieldProblem
from kiosk.core.studio.schema import NESTED, TEXT_TYPES
from kiosk.core.studio.values import TextValue, child, limit_of, max_items_of, read_value, scalar_text
from kiosk.core.yaml_source import YNode


@dataclass(frozen=True)
class FieldState:
    """One field as an editor shows it.

    ``value`` by type: TEXT/MARKDOWN a :class:`~kiosk.core.studio.values.TextValue`;
    TEXT_LIST a tuple of them; STRING, ID, KIND, TOPIC, QR, URL, TIMEZONE, IMAGE, COLOUR a
    ``str``; DURATION and HOLD seconds (``float``); COUNT an ``int``; FLAG a ``bool``; DATE a ``date``;
    DATE_TIME a ``date`` or naive ``datetime``; DAYS a ``frozenset`` of weekdays (0 is
    Monday); HOURS a tuple of ``TimeWindow``; SCHEDULE a
    :class:`~kiosk.core.studio.schedule_values.ScheduleValue` (and ``children`` for from,
    until, days, hours); THEME a dict of colour names to text (and ``children``);
    OPENING_HOURS a tuple of seven ``DayHours``; TOPICS a tuple of ``TopicValue``;
    LANGUAGES and PLAYLIST tuples of ``str``. None when the field is not written, or is
    written in a way that cannot be read (``readable`` False; ``raw`` is what is written).
    """

    spec: FieldSpec
    path: str
    present: bool
    value: Any
    raw: str | None
    readable: bool
    line: int | None
    #: Characters per language (TEXT, MARKDOWN, TEXT_LIST items), from limits.py.
    limit: int | None
    #: Most items of a list, from limits.py.
    max_items: int | None
    #: True while a text or picture is still the placeholder a new slide started with.
    placeholder: bool
    problems: tuple[FieldProblem, ...]
    children: tuple[FieldState, ...] = ()

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def type(self) -> FieldType:
        return self.spec.type

    @property
    def required(self) -> bool:
        return self.spec.required

    @property
    def doc(self) -> str:
        return self.spec.doc

    @property
    def errors(self) -> tuple[FieldProblem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[FieldProblem, ...]:
        return tuple(p for p in self.problems if not p.is_error)

    def problems_at(self, sub_path: str) -> tuple[FieldProblem, ...]:
        """The problems about part of this field: ``"es"`` (``title.es``), ``"[2]"`` or
        ``"[2].en"`` (``steps[2].en``), ``"[1].title"`` (``topics[1].title``), ``"until"``."""
        joined = f"{self.path}{sub_path}" if sub_path.startswith("[") else f"{self.path}.{sub_path}"
        return tuple(p for p in self.problems if p.is_within(joined))

    def child(self, name: str) -> FieldState:
        return next(c for c in self.children if c.name == name)


def field_states(
    node: YNode | None,
    specs: tuple[FieldSpec, ...],
    languages: tuple[str, ...],
    problems_for: Callable[[str], tuple[FieldProblem, ...]],
    prefix: FieldPath | None = None,
) -> tuple[FieldState, ...]:
    """One state per declared field, in their declared order (absent ones included)."""
    prefix = prefix if prefix is not None else FieldPath()
    return tuple(
        field_state(child(node, spec.name), spec, prefix.child(spec.name), languages, problems_for) for spec in specs
    )


def field_state(
    node: YNode | None,
    spec: FieldSpec,
    path: FieldPath,
    languages: tuple[str, ...],
    problems_for: Callable[[str], tuple[FieldProblem, ...]],
) -> FieldState:
    value, readable = read_value(node, spec, languages)
    children: tuple[FieldState, ...] = ()
    if spec.type in NESTED:
        children = field_states(
            node if node is not None and node.is_map else None, NESTED[spec.type], languages, problems_for, path
        )
    return FieldState(
        spec=spec,
        path=str(path),
        present=node is not None,
        value=value,
        raw=scalar_text(node),
        readable=readable,
        line=node.line if node is not None else None,
        limit=limit_of(spec),
        max_items=max_items_of(spec),
        placeholder=_placeholder(spec, value),
        problems=problems_for(str(path)),
        children=children,
    )


def _placeholder(spec: FieldSpec, value: Any) -> bool:
    if spec.type in TEXT_TYPES:
        return isinstance(value, TextValue) and is_placeholder(spec, value.english)
    if spec.type is FieldType.TEXT_LIST:
        return isinstance(value, tuple) and any(
            isinstance(v, TextValue) and is_placeholder(spec, v.english) for v in value
        )
    return is_placeholder(spec, value)
