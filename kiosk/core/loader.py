"""Load a content folder into a :class:`~kiosk.core.model.Deck`, checking everything on the way.

``load_deck`` is atomic: it returns a deck only when there is no error at all, otherwise the
problems, so a player keeps showing its last good deck. It reports every problem it finds
(not just the first) as ``path:line: field: message`` and does not raise for bad content.
Which fields exist, their types and limits come from :mod:`kiosk.core.fields`.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.core.atomic_files import kind_of
from kiosk.core.digests import blake2b
from kiosk.core.durations import clamp_duration, format_seconds, parse_duration
from kiosk.core.fields import (
    CLINIC_FIELDS,
    COMMON_SLIDE_FIELDS,
    HOLIDAY_FIELDS,
    KIND_FIELDS,
    NOTICE_FIELDS,
    NOTICE_LEVELS,
    NOTICES_FILE,
    NOTICES_FILE_FIELDS,
    SCHEDULE_FIELDS,
    SLIDE_KINDS,
    THEME_FIELDS,
    TOPIC_FIELDS,
    FieldSpec,
    FieldType,
    slide_fields,
)
from kiosk.core.images import ImageError, ImageInfo, probe_image, resolve_inside
from kiosk.core.limits import LIMITS, MIN_IMAGE_SCREEN_FRACTION
from kiosk.core.markdown import MarkdownError, parse_markdown, visible_length
from kiosk.core.model import (
    SLIDE_KINDS as MODEL_KINDS,
)
from kiosk.core.model import (
    Clinic,
    Deck,
    Holiday,
    ImageRef,
    OpeningHours,
    Slide,
    Source,
    Theme,
    Topic,
)
from kiosk.core.notices.model import ORIGIN_PACK, Notice
from kiosk.core.notices.placeholders import as_counted, describe, placeholders_in, unknown_placeholders
from kiosk.core.problems import ContentError, Problem, Severity
from kiosk.core.regular_files import open_regular
from kiosk.core.schedule import ALL_WEEKDAYS, WEEKDAY_NAMES, Schedule, TimeWindow
from kiosk.core.text import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, LocalizedText
from kiosk.core.yaml_source import YEntry, YNode, read_yaml_file

CLINIC_FILE = "clinic.yaml"
SLIDES_DIR = "slides"
DEFAULT_TIMEZONE = "America/Denver"
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_WINDOW = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")
_TEL = re.compile(r"^tel:\+?[0-9][0-9 ().-]{2,}$")
_HTTPS = re.compile(r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?::\d+)?(?:[/?#]\S*)?$")
_DAY_GROUPS = {
    "weekdays": frozenset(range(5)),
    "weekends": frozenset({5, 6}),
    "every day": ALL_WEEKDAYS,
    "everyday": ALL_WEEKDAYS,
    "daily": ALL_WEEKDAYS,
}
_FULL_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_WORDS = {
    word: short for names in (WEEKDAY_NAMES, _FULL_DAY_NAMES) for word, short in zip(names, WEEKDAY_NAMES, strict=True)
}
_INVALID = object()  # a field whose value had an error (already reported)


@dataclass(frozen=True)
class LoadResult:
    """A deck when the content has no errors (warnings allowed), else ``None``; all problems."""

    deck: Deck | None
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return self.deck is not None

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)

    def raise_for_errors(self) -> Deck:
        """The deck, or ContentError carrying the problems."""
        if self.deck is None:
            raise ContentError(self.problems)
        return self.deck


def sort_problems(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """Errors first, then warnings; each by file and line."""
    return tuple(
        sorted(
            problems,
            key=lambda p: (p.severity is not Severity.ERROR, p.path, p.line or 0, p.field, p.message),
        )
    )


class _Report:
    """Problems of one file."""

    def __init__(self, path: str, sink: list[Problem]):
        self.path = path
        self._sink = sink
        self.error_count = 0

    def error(self, line: int | None, field_path: str, message: str) -> None:
        self.error_count += 1
        self._sink.append(Problem(self.path, line, field_path or "file", message))

    def warn(self, line: int | None, field_path: str, message: str) -> None:
        self._sink.append(Problem(self.path, line, field_path or "file", message, Severity.WARNING))


@dataclass
class _Context:
    root: Path
    screen_size: tuple[int, int]
    now: datetime | None
    languages: tuple[str, ...] = ("en", "es")
    topic_ids: tuple[str, ...] | None = None
    timezone: ZoneInfo | None = None
    images: dict[Path, ImageInfo | ImageError] = field(default_factory=dict)
    #: Ids that slides whose errors are already reported may have (from the file name, or
    #: salvaged from a file that does not parse): a playlist naming one is not wrong too.
    unsure_slide_ids: set[str] = field(default_factory=set)
    #: The same for topics whose id is broken (normalized by _slug).
    unsure_topic_ids: set[str] = field(default_factory=set)


def load_deck(root: Path, *, screen_size: tuple[int, int] = (1920, 1080), now: datetime | None = None) -> LoadResult:
    """Read and check ``root`` (a content folder). ``now`` (aware) enables "expired" warnings."""
    try:
        return _load(Path(root), screen_size, now)
    except Exception as exc:  # noqa: BLE001 - the player must keep running on any content
        # A bug in the checks must not stop the kiosk; it shows up as an error to report.
        problem = Problem(CLINIC_FILE, None, "file", f"internal error while loading (please report): {exc!r}")
        return LoadResult(None, (problem,))


def _load(root: Path, screen_size: tuple[int, int], now: datetime | None) -> LoadResult:
    sink: list[Problem] = []
    if not root.is_dir():
        sink.append(Problem(str(root), None, "folder", "content folder not found"))
        return LoadResult(None, tuple(sink))
    ctx = _Context(root, screen_size, now)
    clinic_values = _load_clinic(root, ctx, sink)
    slides = _load_slides(root, ctx, sink)
    notices = _load_notices(root, ctx, sink)
    deck = _assemble(root, clinic_values, slides, ctx, sink)
    if deck is not None and notices is not None:
        deck = replace(deck, notices=notices[0], phrases=notices[1])
    problems = sort_problems(sink)
    if any(p.is_error for p in problems):
        return LoadResult(None, problems)
    return LoadResult(deck, problems)


# --- files ----------------------------------------------------------------------------------


def content_version(root: Path) -> str:
    """A short hash over every content file's relative path and bytes (dot-files skipped)."""
    digest = blake2b(digest_size=8)
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            digest.update(path.relative_to(root).as_posix().encode("utf-8", "surrogateescape") + b"\0")
            try:
                mode = path.lstat().st_mode
                if stat.S_ISLNK(mode):
                    # Never read through a link that may leave the folder; its target names it.
                    digest.update(os.readlink(path).encode("utf-8", "surrogateescape"))
                    continue
                if not stat.S_ISREG(mode):
                    # A named pipe would block the read for ever; what it is stands for its bytes.
                    digest.update(kind_of(mode).encode("ascii"))
                    continue
                with open_regular(path) as handle:
                    while chunk := handle.read(1 << 20):
                        digest.update(chunk)
            except OSError:
                digest.update(b"<unreadable>")
            digest.update(b"\0")
    return digest.hexdigest()


def _read(root: Path, rel: str, report: _Report, seen: Callable[[str], None] | None = None) -> YNode | None:
    path = root / rel
    if not path.resolve().is_relative_to(root.resolve()):
        # A linked-in file from elsewhere could put any file's text into messages and the deck.
        report.error(None, "file", f"{rel} is a link to a file outside the content folder")
        return None
    node, issues = read_yaml_file(path, seen=seen)
    for issue in issues:
        report.error(issue.line, issue.field, issue.message)
    return node


_SALVAGED_ID = re.compile(r"""^[ \t]*(?:-[ \t]+)?id[ \t]*:?[ \t]*["']?([a-z0-9]+(?:-[a-z0-9]+)*)["']?[ \t]*(?:#.*)?$""")


def _file_id(rel: str) -> str:
    """The id staff give a slide in its own file: the file name without .yaml."""
    return Path(rel).stem


def _salvaged_ids(rel: str, text: str) -> set[str]:
    """Ids a slide file that could not be read may hold: its name, and every line that looks
    like ``id: x`` (or ``- id: x``), even with the colon missing."""
    return {_file_id(rel)} | {m.group(1) for line in text.splitlines() if (m := _SALVAGED_ID.match(line))}


def _slug(text: str) -> str:
    """``Back Exercises`` -> ``back-exercises``: how an id was probably meant."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def _slide_files(root: Path) -> list[str]:
    """The slide files to read, by name. Named pipes, devices and sockets with a YAML name
    are listed too, so reading them reports them; folders are not files and are skipped."""
    folder = root / SLIDES_DIR
    if not folder.is_dir():
        return []
    names = [p.name for p in folder.iterdir() if p.suffix.lower() in (".yaml", ".yml") and not p.is_dir()]
    names = [n for n in names if (folder / n).exists()]  # a dangling link is no slide file
    return [f"{SLIDES_DIR}/{name}" for name in sorted(n for n in names if not n.startswith("."))]


# --- clinic ---------------------------------------------------------------------------------


def _load_clinic(root: Path, ctx: _Context, sink: list[Problem]) -> dict[str, Any] | None:
    report = _Report(CLINIC_FILE, sink)
    clinic_path = root / CLINIC_FILE
    if not clinic_path.exists() or clinic_path.is_dir():
        # Anything else (a named pipe, say) is reported by the reader, by what it is.
        report.error(None, "file", "clinic.yaml is missing; every content folder needs one")
        return None
    node = _read(root, CLINIC_FILE, report)
    if report.error_count:
        return None
    if node is None:
        report.error(None, "file", "the file is empty; it needs at least name, phone and topics")
        return None
    if not node.is_map:
        report.error(node.line, "file", "expected fields like 'name: ...', not " + _describe(node))
        return None
    # Languages first: every text in the file is checked against them.
    languages_entry = node.value.get("languages")
    if languages_entry is not None:
        languages = _convert(languages_entry.node, _spec(CLINIC_FIELDS, "languages"), "languages", ctx, report)
        if languages is not _INVALID:
            ctx.languages = languages
    timezone_entry = node.value.get("timezone")
    tz_value = (
        _convert(timezone_entry.node, _spec(CLINIC_FIELDS, "timezone"), "timezone", ctx, report)
        if timezone_entry is not None
        else ZoneInfo(DEFAULT_TIMEZONE)
    )
    if tz_value is not _INVALID:
        ctx.timezone = tz_value
    errors_before = report.error_count
    values = _convert_mapping(node, CLINIC_FIELDS, "", ctx, report, skip=("languages", "timezone"))
    if languages_entry is not None:
        values["languages"] = ctx.languages
    values["timezone"] = tz_value
    topics = values.get("topics")
    if isinstance(topics, tuple):
        ctx.topic_ids = tuple(t.id for t in topics)
    values["_line"] = node.line
    values["_playlist_node"] = node.value["playlist"].node if "playlist" in node.value else None
    return values if report.error_count == errors_before and _INVALID not in values.values() else None


# --- slides ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _LoadedSlide:
    slide: Slide | None  # None when it had errors
    id: str | None
    id_line: int
    path: str
    order: int
    hidden: bool = False


def _load_slides(root: Path, ctx: _Context, sink: list[Problem]) -> list[_LoadedSlide]:
    files = _slide_files(root)
    if not files:
        sink.append(Problem(SLIDES_DIR, None, "file", "no slides: add .yaml files to the slides folder"))
        return []
    loaded: list[_LoadedSlide] = []
    for rel in files:
        report = _Report(rel, sink)
        texts: list[str] = []
        node = _read(root, rel, report, seen=texts.append)
        if report.error_count or node is None:
            ctx.unsure_slide_ids.update(_salvaged_ids(rel, "".join(texts)))
        if report.error_count:
            continue
        if node is None:
            report.error(None, "file", "the file is empty; write one slide, or several under 'slides:'")
            continue
        if node.is_map and "slides" in node.value:
            entry = node.value["slides"]
            for key, other in node.value.items():
                if key != "slides":
                    report.error(
                        other.key_line,
                        key,
                        f"unknown field '{key}' (a file with 'slides:' holds only that list)",
                    )
            if not entry.node.is_seq or not entry.node.value:
                shape = "expected a list of slides, not " + _describe(entry.node) if not entry.node.is_seq else ""
                report.error(entry.node.line, "slides", shape or "the list of slides is empty")
                ctx.unsure_slide_ids.add(_file_id(rel))
                continue
            for i, item in enumerate(entry.node.value):
                loaded.append(_load_slide(item, f"slides[{i}]", rel, len(loaded), ctx, report))
        else:
            loaded.append(_load_slide(node, "", rel, len(loaded), ctx, report))
    return loaded


def _load_slide(node: YNode, prefix: str, rel: str, order: int, ctx: _Context, report: _Report) -> _LoadedSlide:
    if not node.is_map:
        report.error(node.line, prefix, "expected a slide (fields like id, kind, title), not " + _describe(node))
        if not prefix:
            ctx.unsure_slide_ids.add(_file_id(rel))
        return _LoadedSlide(None, None, node.line, rel, order)
    errors_before = report.error_count
    id_entry = node.value.get("id")
    slide_id = id_entry.node.value if id_entry and isinstance(id_entry.node.value, str) else None
    if slide_id is not None and not _ID.match(slide_id):
        slide_id = None  # reported as not an id; it is no name to look the slide up by
    if slide_id is None and not prefix:
        ctx.unsure_slide_ids.add(_file_id(rel))
    id_line = id_entry.node.line if id_entry else node.line
    kind_entry = node.value.get("kind")
    kind: str | None = None
    if kind_entry is None:
        report.error(node.line, _join(prefix, "kind"), f"required field is missing ({', '.join(SLIDE_KINDS)})")
    elif not isinstance(kind_entry.node.value, str) or kind_entry.node.value not in SLIDE_KINDS:
        shown = kind_entry.node.raw if not kind_entry.node.is_map and not kind_entry.node.is_seq else "?"
        report.error(
            kind_entry.node.line,
            _join(prefix, "kind"),
            f"unknown kind '{shown}'{_suggest(shown, SLIDE_KINDS)}; kinds: {', '.join(SLIDE_KINDS)}",
        )
    else:
        kind = kind_entry.node.value
    specs = slide_fields(kind) if kind else COMMON_SLIDE_FIELDS
    values = _convert_mapping(node, specs, prefix, ctx, report, skip=("kind",), check_unknown=kind is not None)
    image = values.get("image")
    if isinstance(image, ImageRef):
        _check_screen_size(image, node.value["image"].node.line, _join(prefix, "image"), ctx, report)
    hidden = values.get("hidden") is True
    schedule = values.get("schedule")
    if isinstance(schedule, Schedule) and not hidden:
        _schedule_warnings(schedule, node.value["schedule"], _join(prefix, "schedule"), ctx, report)
    if report.error_count != errors_before or kind is None or _INVALID in values.values():
        return _LoadedSlide(None, slide_id, id_line, rel, order, hidden)
    values = {k: v for k, v in values.items() if v is not None}
    slide = MODEL_KINDS[kind](source=Source(rel, node.line), **values)
    return _LoadedSlide(slide, slide_id, id_line, rel, order, hidden)


def _check_screen_size(image: ImageRef, line: int, field_path: str, ctx: _Context, report: _Report) -> None:
    if image.is_vector:
        return
    width, height = ctx.screen_size
    if image.width < width * MIN_IMAGE_SCREEN_FRACTION and image.height < height * MIN_IMAGE_SCREEN_FRACTION:
        report.warn(
            line,
            field_path,
            f"image is {image.width}x{image.height}, less than {MIN_IMAGE_SCREEN_FRACTION:.0%} of the "
            f"{width}x{height} screen in both directions; it will look blurry",
        )


# --- notices --------------------------------------------------------------------------------


def _load_notices(
    root: Path, ctx: _Context, sink: list[Problem]
) -> tuple[tuple[Notice, ...], tuple[LocalizedText, ...]] | None:
    """notices.yaml (optional): the notices and the saved phrases; None when it has errors."""
    path = root / NOTICES_FILE
    if not os.path.lexists(path):
        return (), ()
    report = _Report(NOTICES_FILE, sink)
    if path.is_dir() and not path.is_symlink():
        report.error(None, "file", "notices.yaml is a folder; it should be a file (or not there at all)")
        return None
    node = _read(root, NOTICES_FILE, report)
    if report.error_count:
        return None
    if node is None:
        return (), ()  # an empty file: no notices (all of them removed)
    if not node.is_map:
        shape = "a list" if node.is_seq else _describe(node)
        report.error(
            node.line,
            "file",
            f"expected the fields 'notices:' and 'phrases:', not {shape}; put 'notices:' on the first line "
            "and indent the list under it",
        )
        return None
    values = _convert_mapping(node, NOTICES_FILE_FIELDS, "", ctx, report, belongs_hint=False)
    if report.error_count or _INVALID in values.values():
        return None
    return values.get("notices") or (), values.get("phrases") or ()


# --- deck -----------------------------------------------------------------------------------


def _assemble(
    root: Path, clinic_values: dict[str, Any] | None, loaded: list[_LoadedSlide], ctx: _Context, sink: list[Problem]
) -> Deck | None:
    first_seen: dict[str, _LoadedSlide] = {}
    for item in loaded:
        if item.id is None:
            continue
        other = first_seen.get(item.id)
        if other is not None:
            sink.append(
                Problem(
                    item.path,
                    item.id_line,
                    "id",
                    f"duplicate slide id '{item.id}' (also used in {other.path}:{other.id_line})",
                )
            )
        else:
            first_seen[item.id] = item
    if clinic_values is None:
        return None
    report = _Report(CLINIC_FILE, sink)
    playlist = clinic_values.get("playlist")
    by_file = sorted(loaded, key=lambda i: (i.path, i.order))
    # A hidden slide never plays, whether the playlist names it or not; it is never missed either.
    hidden_ids = {slide_id for slide_id, item in first_seen.items() if item.hidden}
    if playlist is None:
        # No playlist: every slide, by file name then position in the file.
        ordered_ids = tuple(item.id for item in by_file if item.id and not item.hidden)
    else:
        playlist_node: YNode = clinic_values["_playlist_node"]
        for i, (slide_id, item_node) in enumerate(zip(playlist, playlist_node.value, strict=True)):
            if slide_id not in first_seen and slide_id not in ctx.unsure_slide_ids:
                known = [*first_seen, *sorted(ctx.unsure_slide_ids)]
                report.error(
                    item_node.line,
                    f"playlist[{i}]",
                    f"no slide has the id '{slide_id}'{_suggest(slide_id, known)}",
                )
        listed = set(playlist)
        for slide_id, item in first_seen.items():
            if slide_id not in listed and not item.hidden:
                sink.append(
                    Problem(
                        item.path,
                        item.id_line,
                        "id",
                        f"slide '{slide_id}' is not in the playlist, it never plays",
                        Severity.WARNING,
                    )
                )
        ordered_ids = tuple(i for i in playlist if i not in hidden_ids)
    if not ordered_ids:
        if hidden_ids:
            _report_all_hidden(playlist is not None, clinic_values, report, sink)
        return None
    values = {k: v for k, v in clinic_values.items() if not k.startswith("_") and v is not None}
    values["playlist"] = ordered_ids
    clinic = Clinic(source=Source(CLINIC_FILE, clinic_values["_line"]), **values)
    slides_by_id = {item.id: item.slide for item in first_seen.values()}
    slides = tuple(slides_by_id.get(i) for i in ordered_ids)
    if any(s is None for s in slides) or any(item.slide is None for item in loaded):
        return None
    hidden = tuple(item.slide for item in by_file if item.hidden and item.slide is not None)
    return Deck(clinic, tuple(s for s in slides if s is not None), root.resolve(), content_version(root), hidden)


def _report_all_hidden(in_playlist: bool, clinic_values: dict[str, Any], report: _Report, sink: list[Problem]) -> None:
    """Nothing left to play: an error, so the kiosk keeps its last good content rather than
    showing patients an empty screen."""
    what = "every slide in the playlist is" if in_playlist else "every slide is"
    message = f"{what} hidden (hidden: true), so nothing would play; show at least one"
    if in_playlist:
        report.error(clinic_values["_playlist_node"].line, "playlist", message)
    else:
        sink.append(Problem(SLIDES_DIR, None, "hidden", message))


# --- field conversion -----------------------------------------------------------------------


def _spec(specs: tuple[FieldSpec, ...], name: str) -> FieldSpec:
    return next(s for s in specs if s.name == name)


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _describe(node: YNode) -> str:
    """What YAML read, in words, for "expected X" messages."""
    if node.is_map:
        return "a group of fields"
    if node.is_seq:
        return "a list"
    value = node.value
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"{node.raw}, which YAML reads as the yes/no value {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {node.raw}"
    if isinstance(value, datetime):
        return f"the date and time {node.raw}"
    if isinstance(value, date):
        return f"the date {node.raw}"
    return f"'{node.raw}'"


def _quote_hint(node: YNode) -> str:
    if not node.is_map and not node.is_seq and node.value is not None and not isinstance(node.value, str):
        return f'; put it in quotes: "{node.raw}"'
    return ""


def _convert_mapping(
    node: YNode,
    specs: tuple[FieldSpec, ...],
    prefix: str,
    ctx: _Context,
    report: _Report,
    *,
    skip: tuple[str, ...] = (),
    check_unknown: bool = True,
    belongs_hint: bool = True,
) -> dict[str, Any]:
    """Convert each declared field; report unknown and missing ones. Bad fields map to _INVALID.
    ``belongs_hint``: say which slide kinds an unknown field belongs to (slides and clinic.yaml)."""
    names = [s.name for s in specs]
    values: dict[str, Any] = {}
    for key, entry in node.value.items():
        if key in names or key in skip or not check_unknown:
            continue
        message = f"unknown field '{key}'{_suggest(key, names)}"
        owners = [kind for kind, kind_specs in KIND_FIELDS.items() if any(s.name == key for s in kind_specs)]
        if owners and belongs_hint and prefix.rsplit(".", 1)[-1] != "schedule":
            message += f" (it belongs to {' and '.join(owners)} slides)"
        report.error(entry.key_line, _join(prefix, key), message)
    for spec in specs:
        if spec.name in skip:
            continue
        entry = node.value.get(spec.name)
        if entry is None:
            if spec.required:
                report.error(node.line, _join(prefix, spec.name), "required field is missing")
                values[spec.name] = _INVALID
            continue
        values[spec.name] = _convert(entry.node, spec, _join(prefix, spec.name), ctx, report)
    return values


def _convert(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report) -> Any:
    converter = _CONVERTERS[spec.type]
    try:
        return converter(node, spec, path, ctx, report)
    except _Bad as bad:
        report.error(bad.line or node.line, bad.path or path, bad.message)
        return _INVALID


class _Bad(Exception):
    def __init__(self, message: str, line: int | None = None, path: str | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.path = path


def _scalar_str(node: YNode, what: str) -> str:
    if not isinstance(node.value, str) or node.is_map or node.is_seq:
        raise _Bad(f"expected {what}, but got {_describe(node)}{_quote_hint(node)}")
    if not node.value.strip():
        raise _Bad(f"expected {what}, but it is empty")
    return node.value.strip()


def _text(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report, *, inline: bool = True) -> Any:
    if node.is_map:
        entries = {lang: (e.key_line, e.node, f"{path}.{lang}") for lang, e in node.value.items()}
    else:
        entries = {DEFAULT_LANGUAGE: (node.line, node, path)}
    texts: dict[str, str] = {}
    ok = True
    for lang, (key_line, value_node, value_path) in entries.items():
        if lang not in SUPPORTED_LANGUAGES:
            report.error(
                key_line,
                value_path,
                f"unknown language '{lang}'{_suggest(lang, SUPPORTED_LANGUAGES)}; "
                f"use {' or '.join(SUPPORTED_LANGUAGES)}",
            )
            ok = False
            continue
        if lang not in ctx.languages:
            report.error(
                key_line,
                value_path,
                f"'{lang}' is not one of the clinic's languages ({', '.join(ctx.languages)} in clinic.yaml)",
            )
            ok = False
            continue
        if not isinstance(value_node.value, str) or value_node.is_map or value_node.is_seq:
            report.error(
                value_node.line, value_path, f"expected text, but got {_describe(value_node)}{_quote_hint(value_node)}"
            )
            ok = False
            continue
        source = value_node.value
        if not source.strip():
            report.error(value_node.line, value_path, "the text is empty")
            ok = False
            continue
        first_line = value_node.line + (1 if value_node.is_block_scalar else 0)
        try:
            blocks = parse_markdown(source, inline_only=inline)
        except MarkdownError as exc:
            report.error(first_line + exc.line, value_path, exc.message)
            ok = False
            continue
        if spec.placeholders is not None:
            unknown = unknown_placeholders(source, spec.placeholders)
            allowed = dict.fromkeys(spec.placeholders, "")
            for name in unknown:
                report.error(
                    first_line,
                    value_path,
                    f"unknown placeholder '{{{name}}}'{_suggest(f'{{{name}}}', [f'{{{p}}}' for p in spec.placeholders])}; "
                    f"it may use {describe(allowed)}",
                )
                ok = False
            if unknown:
                continue
            # Each placeholder counts as the text it usually becomes.
            blocks = parse_markdown(as_counted(source), inline_only=inline)
        if spec.limit is not None:
            limit = getattr(LIMITS, spec.limit)
            length = visible_length(blocks)
            if length > limit:
                report.warn(
                    value_node.line,
                    value_path,
                    f"{LANGUAGE_NAMES.get(lang, lang)} text is {length} characters, more than the "
                    f"{limit} that fit on screen; shorten it",
                )
        texts[lang] = source.strip()
    if not ok:
        return _INVALID
    if DEFAULT_LANGUAGE not in texts:
        raise _Bad(f"the English text ('{DEFAULT_LANGUAGE}') is missing")
    if spec.placeholders is not None:
        _compare_placeholders(texts, entries, report)
    return LocalizedText(texts)


def _compare_placeholders(texts: dict[str, str], entries: dict[str, tuple[int, YNode, str]], report: _Report) -> None:
    """Warn when a translation's blanks differ from the English ones: staff fill each blank
    once, for every language."""
    english = set(placeholders_in(texts[DEFAULT_LANGUAGE]))
    for lang, text in texts.items():
        if lang == DEFAULT_LANGUAGE:
            continue
        other = set(placeholders_in(text))
        if other != english:
            _key_line, value_node, value_path = entries[lang]
            shown = ", ".join(f"{{{n}}}" for n in sorted(english ^ other))
            report.warn(
                value_node.line,
                value_path,
                f"the {LANGUAGE_NAMES.get(lang, lang)} text and the English one differ in their placeholders "
                f"({shown}); use the same ones in both",
            )


def _markdown(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report) -> Any:
    return _text(node, spec, path, ctx, report, inline=False)


def _text_list(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report) -> Any:
    if not node.is_seq:
        raise _Bad(f"expected a list (lines starting with '- '), but got {_describe(node)}")
    maximum = getattr(LIMITS, spec.max_items) if spec.max_items else None
    if not node.value:
        raise _Bad("the list is empty; give at least one entry")
    if maximum is not None and len(node.value) > maximum:
        raise _Bad(f"{len(node.value)} entries, but at most {maximum} fit on a slide")
    items = [_text(item, spec, f"{path}[{i}]", ctx, report) for i, item in enumerate(node.value)]
    return _INVALID if _INVALID in items else tuple(items)


def _string(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report) -> Any:
    return _scalar_str(node, "text")


def _id(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report) -> Any:
    value = _scalar_str(node, "an id like cat-cow")
    if not _ID.match(value):
        raise _Bad(f"'{value}' is not a valid id: use lowercase letters, digits and dashes, e.g. cat-cow")
    return value


def _topic(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report) -> Any:
    value = _scalar_str(node, "a topic id")
    if ctx.topic_ids is not None and value not in ctx.topic_ids and _slug(value) not in ctx.unsure_topic_ids:
        raise _Bad(
            f"unknown topic '{value}'{_suggest(value, ctx.topic_ids)}; clinic.yaml declares: "
            f"{', '.join(ctx.topic_ids) or 'no topics'}"
        )
    return value


def _duration(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report) -> Any:
    try:
        seconds = parse_duration(node.value if not (node.is_map or node.is_seq) else [])
    except ValueError as exc:
        raise _Bad(str(exc)) from None
    seconds, warning = clamp_duration(seconds)
    if warning:
        report.warn(node.line, path, warning)
    return seconds


def _hold(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report) -> Any:
    try:
        seconds = parse_duration(node.value if not (node.is_map or node.is_seq) else [])
    except ValueError as exc:
        raise _Bad(str(exc)) from None
    if seconds <= 0:
        raise _Bad(f"must be more than 0 seconds, got {format_seconds(seconds)}")
    return seconds


def _count(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report) -> Any:
    value = node.value
    if isinstance(value, bool) or not isinstance(value, int) or node.is_map or node.is_seq or value <= 0:
        raise _Bad(f"expected a whole number more than 0, but got {_describe(node)}")
    return value


def _image(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report) -> Any:
    rel = _scalar_str(node, "an image path like images/photo.png")
    try:
        resolved = resolve_inside(ctx.root, rel)  # its messages name the path
    except ImageError as exc:
        raise _Bad(str(exc)) from None
    info = ctx.images.get(resolved)
    if info is None:
        try:
            info = probe_image(resolved)
        except ImageError as exc:
            info = exc
        ctx.images[resolved] = info
    if isinstance(info, ImageError):
        raise _Bad(f"{rel}: {info}")
    return ImageRef(resolved, rel, info.width, info.height, info.format)


def _date(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report) -> Any:
    value = node.value
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _Bad(f"expected a date like 2025-01-06, but got {_describe(node)}")


def _date_time(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report) -> Any:
    """``(naive local datetime, date_only)``."""
    value = node.value
    if isinstance(value, str) and not node.is_map and not node.is_seq:
        text = value.strip()
        try:
            value = date.fromisoformat(text)
        except ValueError:
            with contextlib.suppress(ValueError):
                value = datetime.fromisoformat(text)
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            raise _Bad(f"'{node.raw}' has a time zone offset; write the clinic's local time, e.g. 2025-01-06 08:00")
        return value, False
    if isinstance(value, date):
        return datetime.combine(value, time()), True
    raise _Bad(f"expected a date like 2025-01-06 or a date and time like 2025-01-06 08:00, but got {_describe(node)}")


def _days(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report) -> Any:
    choices = "mon, tue, wed, thu, fri, sat, sun, or weekdays, weekends, every day"
    if isinstance(node.value, str) and not node.is_map:
        word = node.value.strip().lower()
        if word in _DAY_GROUPS:
            return _DAY_GROUPS[word]
        items: list[YNode] = [node]
    elif node.is_seq:
        items = node.value
    else:
        raise _Bad(f"expected a list of days ({choices}), but got {_describe(node)}")
    days: set[int] = set()
    ok = True
    for i, item in enumerate(items):
        day = _DAY_WORDS.get(item.value.strip().lower()) if isinstance(item.value, str) and not item.is_map else None
        item_path = path if item is node else f"{path}[{i}]"
        if day is None:
            shown = item.raw if not (item.is_map or item.is_seq) else "?"
            report.error(item.line, item_path, f"unknown day '{shown}'{_suggest(shown, WEEKDAY_NAMES)}; use {choices}")
            ok = False
            continue
        days.add(WEEKDAY_NAMES.index(day))
    return frozenset(days) if ok else _INVALID


def _window(text: str) -> TimeWindow:
    match = _WINDOW.match(text)
    if not match:
        raise ValueError(f"'{text}' is not a time window; write it like 08:00-12:00")
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
        raise ValueError(f"'{text}' has an impossible time (use 00:00 to 23:59; 00:00 for midnight)")
    window = TimeWindow(time(h1, m1), time(h2, m2))
    if window.start == window.end:
        raise ValueError(f"'{text}' starts and ends at the same time")
    return window


def _hours(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report) -> Any:
    items = [node] if isinstance(node.value, str) and not node.is_map else node.value if node.is_seq else None
    if items is None:
        raise _Bad(f'expected a list of time windows like ["07:00-11:00"], but got {_describe(node)}')
    windows = []
    ok = True
    for i, item in enumerate(items):
        item_path = path if item is node else f"{path}[{i}]"
        if not isinstance(item.value, str) or item.is_map or item.is_seq:
            report.error(item.line, item_path, f'expected a time window like "07:00-11:00", but got {_describe(item)}')
            ok = False
            continue
        try:
            windows.append(_window(item.value))
        except ValueError as exc:
            report.error(item.line, item_path, str(exc))
            ok = False
    return tuple(windows) if ok else _INVALID


def _schedule(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report) -> Any:
    if not node.is_map:
        raise _Bad(f"expected schedule fields (from, until, days, hours), but got {_describe(node)}")
    values = _convert_mapping(node, SCHEDULE_FIELDS, path, ctx, report)
    if _INVALID in values.values():
        return _INVALID
    start = values.get("from")
    end = values.get("until")
    until_dt = None
    if end is not None:
        until_dt = Schedule.until_end_of(end[0].date()) if end[1] else end[0]
    if start is not None and end is not None and until_dt is not None and until_dt <= start[0]:
        # Dates swapped or mistyped (often the year): no slide is ever meant to do this.
        until_node, from_node = node.value["until"].node, node.value["from"].node
        when = "before it starts" if end[0] < start[0] else "the moment it starts"
        raise _Bad(
            f"the schedule ends (until {until_node.raw}) {when} (from {from_node.raw}); check the two dates",
            until_node.line,
            _join(path, "until"),
        )
    return Schedule(
        active_from=start[0] if start else None,
        active_until=until_dt,
        weekdays=values.get("days", ALL_WEEKDAYS),
        windows=values.get("hours", ()),
    )


def _schedule_warnings(schedule: Schedule, entry: YEntry, path: str, ctx: _Context, report: _Report) -> None:
    """Warn about a schedule that never plays, or no longer does (a hidden slide is spared)."""
    node = entry.node
    if not schedule.weekdays:
        report.warn(node.value["days"].node.line, _join(path, "days"), "no days are listed, so the slide never plays")
    elif not schedule.plays_ever():
        report.warn(
            entry.key_line,
            path,
            f"none of its days and hours fall between from ({node.value['from'].node.raw}) and until "
            f"({node.value['until'].node.raw}), so the slide never plays",
        )
    elif schedule.active_until is not None and ctx.now is not None:
        tz = ctx.timezone or ZoneInfo(DEFAULT_TIMEZONE)
        now = ctx.now if ctx.now.tzinfo is not None else ctx.now.replace(tzinfo=tz)
        if schedule.has_ended(now, tz):
            until_node = node.value["until"].node
            report.warn(until_node.line, _join(path, "until"), f"expired on {until_node.raw}, it no longer plays")


def _flag(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report) -> Any:
    # YAML also reads yes/no and on/off as true/false; quoted "true" is text, not a flag.
    if node.is_map or node.is_seq or not isinstance(node.value, bool):
        raise _Bad(f"expected true or false, but got {_describe(node)}")
    return node.value


def _qr(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report) -> Any:
    value = _scalar_str(node, "a tel: or https:// target")
    if not (_TEL.match(value) or _HTTPS.match(value)):
        raise _Bad(f"'{value}' is not a tel: or https:// target; e.g. tel:+13033224900 or https://example.com")
    return value


def _url(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report) -> Any:
    value = _scalar_str(node, "a web address")
    if not _HTTPS.match(value):
        raise _Bad(f"'{value}' is not an https:// address")
    return value


def _timezone(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report) -> Any:
    value = _scalar_str(node, "a time zone like America/Denver")
    try:
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise _Bad(f"unknown time zone '{value}'; use an IANA name like America/Denver") from None


def _languages(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report) -> Any:
    if not node.is_seq:
        raise _Bad(f"expected a list like [en, es], but got {_describe(node)}")
    languages: list[str] = []
    for i, item in enumerate(node.value):
        # `no` (Norwegian) would read as false; only the supported codes matter here.
        code = item.raw if not (item.is_map or item.is_seq) else "?"
        if code not in SUPPORTED_LANGUAGES:
            raise _Bad(
                f"unsupported language '{code}'; the kiosk supports {', '.join(SUPPORTED_LANGUAGES)}",
                item.line,
                f"{path}[{i}]",
            )
        if code not in languages:
            languages.append(code)
    if DEFAULT_LANGUAGE not in languages:
        raise _Bad(f"'{DEFAULT_LANGUAGE}' (English) must be one of the languages")
    return tuple(languages)


def _theme(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report) -> Any:
    if not node.is_map:
        raise _Bad(f"expected colours (primary, accent, background, text), but got {_describe(node)}")
    values = _convert_mapping(node, THEME_FIELDS, path, ctx, report)
    if _INVALID in values.values():
        return _INVALID
    return Theme(**values)


def _colour(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report) -> Any:
    if node.value is None and not (node.is_map or node.is_seq):
        raise _Bad('the colour is empty; in YAML # starts a comment, so put it in quotes: "#0b5d7a"')
    value = node.value if isinstance(node.value, str) and not (node.is_map or node.is_seq) else None
    if value is None or not _COLOUR.match(value.strip()):
        raise _Bad(f'expected a colour like "#0b5d7a", but got {_describe(node)}')
    return value.strip().lower()


def _opening_hours(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report) -> Any:
    if not node.is_map:
        raise _Bad(f'expected days like mon: "08:00-12:00, 13:00-18:00", but got {_describe(node)}')
    by_day: dict[int, tuple[TimeWindow, ...]] = {}
    ok = True
    for key, entry in node.value.items():
        day = _DAY_WORDS.get(key.strip().lower())
        if day is None:
            report.error(
                entry.key_line, f"{path}.{key}", f"unknown day '{key}'{_suggest(key, WEEKDAY_NAMES)}; use mon..sun"
            )
            ok = False
            continue
        value = entry.node.value
        if not isinstance(value, str) or entry.node.is_map or entry.node.is_seq:
            report.error(
                entry.node.line,
                f"{path}.{key}",
                f'expected "08:00-12:00, 13:00-18:00" or closed, but got {_describe(entry.node)}',
            )
            ok = False
            continue
        try:
            by_day[WEEKDAY_NAMES.index(day)] = _day_windows(value)
        except ValueError as exc:
            report.error(entry.node.line, f"{path}.{key}", str(exc))
            ok = False
    if not ok:
        return _INVALID
    # Days left out are closed; the contact slide lists all seven.
    return tuple(OpeningHours(day, by_day.get(day, ())) for day in range(7))


def _day_windows(text: str) -> tuple[TimeWindow, ...]:
    """``"08:00-12:00, 13:00-18:00"`` as windows, ``closed`` as none; ValueError naming the part."""
    if text.strip().lower() == "closed":
        return ()
    return tuple(_window(part) for part in text.split(","))


def _day_hours(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report) -> Any:
    if not isinstance(node.value, str) or node.is_map or node.is_seq:
        raise _Bad(f'expected "08:00-12:00, 13:00-18:00" or closed, but got {_describe(node)}')
    try:
        return _day_windows(node.value)
    except ValueError as exc:
        raise _Bad(str(exc)) from None


def _holidays(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report) -> Any:
    if not node.is_seq:
        raise _Bad(f"expected a list of days ({{date, hours}}), but got {_describe(node)}")
    maximum = getattr(LIMITS, spec.max_items) if spec.max_items else None
    if maximum is not None and len(node.value) > maximum:
        raise _Bad(f"{len(node.value)} days, but at most {maximum}; remove the ones that have passed")
    holidays: list[Any] = []
    seen: dict[date, int] = {}
    for i, item in enumerate(node.value):
        item_path = f"{path}[{i}]"
        if not item.is_map:
            report.error(item.line, item_path, f"expected a day (date, hours), but got {_describe(item)}")
            holidays.append(_INVALID)
            continue
        values = _convert_mapping(item, HOLIDAY_FIELDS, item_path, ctx, report, belongs_hint=False)
        day = values.get("date")
        if isinstance(day, date):
            date_line = item.value["date"].node.line
            if day in seen:
                report.error(
                    date_line, f"{item_path}.date", f"{day} is given twice (first on line {seen[day]}); keep one"
                )
                values["date"] = _INVALID
            else:
                seen[day] = date_line
        if _INVALID in values.values():
            holidays.append(_INVALID)
        else:
            holidays.append(Holiday(values["date"], values["hours"]))
    return _INVALID if _INVALID in holidays else tuple(sorted(holidays, key=lambda h: h.day))


def _level(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report) -> Any:
    value = _scalar_str(node, f"a level ({' or '.join(NOTICE_LEVELS)})")
    if value not in NOTICE_LEVELS:
        raise _Bad(f"unknown level '{value}'{_suggest(value, NOTICE_LEVELS)}; use {' or '.join(NOTICE_LEVELS)}")
    return value


def _notices(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report) -> Any:
    if not node.is_seq:
        raise _Bad(f"expected a list of notices (text, level, until), but got {_describe(node)}")
    maximum = getattr(LIMITS, spec.max_items) if spec.max_items else None
    if maximum is not None and len(node.value) > maximum:
        raise _Bad(f"{len(node.value)} notices, but at most {maximum}; remove the ones that have ended")
    tz = ctx.timezone or ZoneInfo(DEFAULT_TIMEZONE)
    notices: list[Any] = []
    for i, item in enumerate(node.value):
        item_path = f"{path}[{i}]"
        if not item.is_map:
            report.error(item.line, item_path, f"expected a notice (text, level, until), but got {_describe(item)}")
            notices.append(_INVALID)
            continue
        values = _convert_mapping(item, NOTICE_FIELDS, item_path, ctx, report, belongs_hint=False)
        if _INVALID in values.values():
            notices.append(_INVALID)
            continue
        end, date_only = values["until"]
        # A date alone includes that whole day, as in schedules.
        local_end = Schedule.until_end_of(end.date()) if date_only else end
        notice = Notice(
            text=values["text"],
            until=local_end.replace(tzinfo=tz),
            level=values.get("level") or NOTICE_LEVELS[0],
            origin=ORIGIN_PACK,
            source=Source(NOTICES_FILE, item.line),
        )
        if ctx.now is not None:
            now = ctx.now if ctx.now.tzinfo is not None else ctx.now.replace(tzinfo=tz)
            if notice.has_ended(now):
                until_node = item.value["until"].node
                report.warn(until_node.line, f"{item_path}.until", f"ended on {until_node.raw}, it no longer shows")
        notices.append(notice)
    return _INVALID if _INVALID in notices else tuple(notices)


def _topics(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report) -> Any:
    if not node.is_seq:
        raise _Bad(f"expected a list of topics ({{id, title, icon}}), but got {_describe(node)}")
    if not node.value:
        raise _Bad("the list of topics is empty; declare at least one")
    topics: list[Any] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(node.value):
        item_path = f"{path}[{i}]"
        if not item.is_map:
            report.error(item.line, item_path, f"expected a topic (id, title, icon), but got {_describe(item)}")
            topics.append(_INVALID)
            continue
        values = _convert_mapping(item, TOPIC_FIELDS, item_path, ctx, report)
        topic_id = values.get("id")
        id_entry = item.value.get("id")
        if topic_id is _INVALID and id_entry is not None:
            ctx.unsure_topic_ids.add(_slug(id_entry.node.raw))
        if isinstance(topic_id, str):
            if topic_id in seen:
                report.error(
                    item.value["id"].node.line,
                    f"{item_path}.id",
                    f"duplicate topic id '{topic_id}' (also on line {seen[topic_id]})",
                )
                values["id"] = _INVALID
            else:
                seen[topic_id] = item.value["id"].node.line
        if _INVALID in values.values():
            topics.append(_INVALID)
        else:
            topics.append(Topic(**values))
    # Slides are still checked against the topics that were valid.
    ctx.topic_ids = tuple(seen)
    return _INVALID if _INVALID in topics else tuple(topics)


def _playlist(node: YNode, spec: FieldSpec, path: str, ctx: _Context, report: _Report) -> Any:
    if not node.is_seq:
        raise _Bad(f"expected a list of slide ids, but got {_describe(node)}")
    if not node.value:
        raise _Bad("the playlist is empty; list slide ids, or remove 'playlist' to play every slide")
    ids = []
    for i, item in enumerate(node.value):
        if not isinstance(item.value, str) or item.is_map or item.is_seq:
            raise _Bad(f"expected a slide id, but got {_describe(item)}", item.line, f"{path}[{i}]")
        ids.append(item.value.strip())
    return tuple(ids)


_Converter = Callable[[YNode, FieldSpec, str, _Context, _Report], Any]
_CONVERTERS: dict[FieldType, _Converter] = {
    FieldType.TEXT: _text,
    FieldType.MARKDOWN: _markdown,
    FieldType.TEXT_LIST: _text_list,
    FieldType.STRING: _string,
    FieldType.ID: _id,
    FieldType.TOPIC: _topic,
    FieldType.DURATION: _duration,
    FieldType.HOLD: _hold,
    FieldType.COUNT: _count,
    FieldType.IMAGE: _image,
    FieldType.DATE: _date,
    FieldType.DATE_TIME: _date_time,
    FieldType.DAYS: _days,
    FieldType.HOURS: _hours,
    FieldType.SCHEDULE: _schedule,
    FieldType.QR: _qr,
    FieldType.URL: _url,
    FieldType.TIMEZONE: _timezone,
    FieldType.LANGUAGES: _languages,
    FieldType.THEME: _theme,
    FieldType.COLOUR: _colour,
    FieldType.OPENING_HOURS: _opening_hours,
    FieldType.TOPICS: _topics,
    FieldType.PLAYLIST: _playlist,
    FieldType.FLAG: _flag,
    FieldType.NOTICES: _notices,
    FieldType.LEVEL: _level,
    FieldType.HOLIDAYS: _holidays,
    FieldType.DAY_HOURS: _day_hours,
}
