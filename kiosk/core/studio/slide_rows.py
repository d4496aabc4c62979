"""The slide list at a glance: one row per playlist entry, in play order, then the slides the
playlist leaves out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from kiosk.core.fields import FieldSpec, FieldType
from kiosk.core.studio.keys import DocKey
from kiosk.core.studio.new_slides import is_placeholder
from kiosk.core.studio.pack_state import PackState, SlideEntry, slide_id
from kiosk.core.studio.problems_map import FieldProblem
from kiosk.core.studio.schedule_status import ScheduleStatus, schedule_status
from kiosk.core.studio.schedule_values import ScheduleValue, Unreadable
from kiosk.core.studio.schema import TEXT_TYPES, find_spec, specs_for
from kiosk.core.studio.values import TextValue, child, read_text, scalar_text
from kiosk.core.text import DEFAULT_LANGUAGE
from kiosk.core.yaml_source import YNode


@dataclass(frozen=True)
class SlideRow:
    """One slide in the list. A slide listed twice in the playlist has two rows (each with
    its ``position``); a slide the playlist leaves out has ``position`` None."""

    key: DocKey
    id: str | None
    kind: str | None
    topic: str | None
    title: TextValue | None
    #: Index in the play order (the playlist, or without one every slide by file name).
    position: int | None
    hidden: bool
    schedule: ScheduleStatus
    #: The schedule as typed values, or None when it cannot be read.
    schedule_value: ScheduleValue | None
    image: str | None
    problems: tuple[FieldProblem, ...]
    #: None when the slide can be edited, else why not (e.g. its file has a YAML error).
    not_editable: str | None
    #: True while a required text or picture still holds a new slide's placeholder.
    needs_text: bool

    @property
    def label(self) -> str:
        """What to call the slide in a list: its English title, else its id, else its file."""
        english = self.title.english if self.title is not None else None
        return english or self.id or str(self.key)

    @property
    def errors(self) -> tuple[FieldProblem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[FieldProblem, ...]:
        return tuple(p for p in self.problems if not p.is_error)


def build_rows(
    state: PackState,
    problems_for: Callable[[DocKey], tuple[FieldProblem, ...]],
    now: datetime,
    timezone: ZoneInfo,
) -> tuple[SlideRow, ...]:
    entries = state.slide_entries()
    languages = state.languages()
    first: dict[str, SlideEntry] = {}
    for entry in entries:
        sid = slide_id(entry.node)
        if sid and sid not in first:
            first[sid] = entry
    playlist = state.playlist()
    order = playlist if playlist is not None else state.default_order()
    rows: list[SlideRow] = []
    listed: set[DocKey] = set()
    for position, sid in enumerate(order):
        found = first.get(sid)
        if found is None:
            continue  # an id no slide has: the clinic's playlist problem says so
        listed.add(found.key)
        rows.append(_row(state, found, position, languages, problems_for, now, timezone))
    rows.extend(
        _row(state, entry, None, languages, problems_for, now, timezone) for entry in entries if entry.key not in listed
    )
    return tuple(rows)


def _row(
    state: PackState,
    entry: SlideEntry,
    position: int | None,
    languages: tuple[str, ...],
    problems_for: Callable[[DocKey], tuple[FieldProblem, ...]],
    now: datetime,
    timezone: ZoneInfo,
) -> SlideRow:
    node = entry.node
    kind_node = child(node, "kind")
    kind = kind_node.value if kind_node is not None and isinstance(kind_node.value, str) else None
    specs = specs_for(kind)
    title_spec = find_spec(specs, "title")
    hidden_node = child(node, "hidden")
    hidden = hidden_node is not None and hidden_node.value is True
    try:
        schedule: ScheduleValue | None = ScheduleValue.read(child(node, "schedule"))
    except Unreadable:
        schedule = None
    return SlideRow(
        key=entry.key,
        id=slide_id(node),
        kind=kind,
        topic=scalar_text(child(node, "topic")),
        title=read_text(child(node, "title"), title_spec, languages, measure=False) if title_spec else None,
        position=position,
        hidden=hidden,
        schedule=schedule_status(schedule, hidden=hidden, listed=position is not None, now=now, timezone=timezone),
        schedule_value=schedule,
        image=scalar_text(child(node, "image")),
        problems=problems_for(entry.key),
        not_editable=state.editable(entry.key.path),
        needs_text=_needs_text(node, specs),
    )


def _needs_text(node: YNode, specs: tuple[FieldSpec, ...]) -> bool:
    """True when a required text (its English) or picture is still a new slide's placeholder."""
    for spec in specs:
        if not spec.required:
            continue
        value = child(node, spec.name)
        if spec.type in TEXT_TYPES:
            values = [_english(value)]
        elif spec.type is FieldType.TEXT_LIST:
            values = [_english(item) for item in value.value] if value is not None and value.is_seq else []
        else:
            values = [scalar_text(value)]
        if any(is_placeholder(spec, v) for v in values):
            return True
    return False


def _english(node: YNode | None) -> str | None:
    if node is not None and node.is_map:
        node = child(node, DEFAULT_LANGUAGE)
    return node.value if node is not None and isinstance(node.value, str) else None
