"""The files of a content pack as the studio holds them: what is on disk, what they hold now.

YAML files (``clinic.yaml`` and ``slides/*.yaml``) are held as text in a normal form
(:mod:`kiosk.core.studio.text_files`); every other file the studio touches (pictures it
imports, entries of ``.deleted/``) as bytes. For each, the state also records what it
believes is on disk, so a save writes exactly the files that differ, and can tell when
someone else changed a file meanwhile. Reading goes through the kiosk's own YAML reader
(fast, the loader's reading of every value); editing through ruamel, only for the files
staff actually change (:class:`~kiosk.core.studio.documents.EditableDocument`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.core.atomic_files import read_regular_file
from kiosk.core.fields import CLINIC_FIELDS, NOTICES_FILE
from kiosk.core.limits import MAX_YAML_BYTES
from kiosk.core.loader import CLINIC_FILE, DEFAULT_TIMEZONE, SLIDES_DIR
from kiosk.core.studio.documents import EditableDocument
from kiosk.core.studio.keys import DocKey
from kiosk.core.studio.round_trip import RoundTripError
from kiosk.core.studio.text_files import NEW_FILE, TextForm, decode_content_file
from kiosk.core.studio.undo import Content
from kiosk.core.studio.values import TopicValue, child, read_value
from kiosk.core.text import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES
from kiosk.core.yaml_source import YNode, parse_yaml_text

_YAML_SUFFIXES = (".yaml", ".yml")
#: Reading problems that make a file unsafe to edit in place (the tree would not match it).
_STRUCTURAL = ("aliases (", "merge keys (", "is given twice", "a field name must be", "nested more than")


class StudioError(ValueError):
    """An edit the studio cannot make; the message is written for staff."""


def is_yaml_path(rel: str) -> bool:
    """True for the files the loader reads as YAML: clinic.yaml, notices.yaml and
    slides/NAME.yaml|yml."""
    if rel in (CLINIC_FILE, NOTICES_FILE):
        return True
    folder, _, name = rel.partition("/")
    return (
        folder == SLIDES_DIR and "/" not in name and not name.startswith(".") and name.lower().endswith(_YAML_SUFFIXES)
    )


@dataclass
class _Disk:
    """What the studio believes a file holds on disk (None: no such file), as bytes."""

    data: bytes | None
    form: TextForm = NEW_FILE
    #: ``data`` decoded (normal form), for a readable YAML file.
    text: str | None = None
    #: Why the file cannot be edited as text (not UTF-8, too large, a pipe...), or None.
    unreadable: str | None = None


@dataclass(frozen=True)
class SlideEntry:
    """One slide as written: where, and its YAML node (None: not a group of fields)."""

    key: DocKey
    node: YNode
    line: int


@dataclass(frozen=True)
class _Parsed:
    text: str
    node: YNode | None
    structural: str | None  # the first issue that makes in-place editing unsafe


class PackState:
    """The pack's files, now and on disk. Changed only through :meth:`set_content`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._disk: dict[str, _Disk] = {}
        self._texts: dict[str, str | None] = {}
        self._blobs: dict[str, bytes | None] = {}
        self._docs: dict[str, EditableDocument] = {}
        self._parsed: dict[str, _Parsed] = {}
        self._read_yaml_files()

    # -- reading the folder ------------------------------------------------------------------

    def _read_yaml_files(self) -> None:
        names = [CLINIC_FILE, NOTICES_FILE]
        folder = self.root / SLIDES_DIR
        try:
            entries = sorted(folder.iterdir()) if folder.is_dir() else []
        except OSError:
            entries = []
        names += [f"{SLIDES_DIR}/{p.name}" for p in entries if is_yaml_path(f"{SLIDES_DIR}/{p.name}") and p.is_file()]
        for rel in names:
            self._load_yaml(rel)

    def _load_yaml(self, rel: str) -> None:
        path = self.root / rel
        if path.is_symlink():
            # Editing through a link would change a file outside the pack, or another file of it.
            self._disk[rel] = _Disk(None, unreadable="it is a link to another file; the studio edits real files only")
            return
        try:
            data = read_regular_file(path, limit=MAX_YAML_BYTES)
        except FileNotFoundError:
            self._disk[rel] = _Disk(None)
            self._texts[rel] = None
            return
        except OSError as exc:
            # A pipe, a link, a file too large: the validator names the problem; left as it is.
            self._disk[rel] = _Disk(None, unreadable=str(exc.strerror or exc))
            return
        try:
            text, form = decode_content_file(data)
        except UnicodeDecodeError:
            self._disk[rel] = _Disk(data, unreadable="not UTF-8 text")
            return
        self._disk[rel] = _Disk(data, form, text)
        self._texts[rel] = text

    # -- content -----------------------------------------------------------------------------

    def content(self, rel: str) -> Content:
        """The file's content now: text for a YAML file, bytes for any other, None: absent."""
        if is_yaml_path(rel):
            if rel not in self._texts and rel not in self._disk:
                self._load_yaml(rel)
            return self._texts.get(rel)
        if rel not in self._blobs:
            self._blobs[rel] = self.disk_bytes(rel)
        return self._blobs[rel]

    def set_content(self, rel: str, content: Content) -> None:
        if is_yaml_path(rel):
            if content is not None and not isinstance(content, str):
                raise TypeError(f"{rel} is a YAML file: its content is text")
            if rel in self._disk and self._disk[rel].unreadable:
                raise StudioError(f"{rel} cannot be changed here: {self._disk[rel].unreadable}")
            if self._texts.get(rel) is not content:
                self._docs.pop(rel, None)
            self._texts[rel] = content
            return
        if content is not None and not isinstance(content, bytes):
            raise TypeError(f"{rel} is not a YAML file: its content is bytes")
        self.disk_bytes(rel)
        self._blobs[rel] = content

    def disk_bytes(self, rel: str) -> bytes | None:
        """What ``rel`` holds on disk, as far as the studio knows (read once, then remembered)."""
        if rel not in self._disk:
            path = self.root / rel
            self._disk[rel] = _Disk(_raw_or_none(path))
        return self._disk[rel].data

    def use_form(self, rel: str, form: TextForm) -> None:
        """Write the new file ``rel`` in ``form`` (a slide brought back keeps its line ends)."""
        record = self._disk.get(rel)
        if record is None or record.data is None:
            self._disk[rel] = _Disk(None, form)

    def form(self, rel: str) -> TextForm:
        record = self._disk.get(rel)
        return record.form if record is not None else NEW_FILE

    def unreadable(self, rel: str) -> str | None:
        record = self._disk.get(rel)
        return record.unreadable if record is not None else None

    def encoded(self, rel: str) -> bytes | None:
        """The bytes a save would write for ``rel`` (None: the file should not exist)."""
        content = self.content(rel)
        if isinstance(content, str):
            return self.form(rel).encode(content)
        return content

    def pending(self) -> dict[str, bytes | None]:
        """Every file whose content differs from the disk: path to bytes, or None to remove."""
        changes: dict[str, bytes | None] = {}
        for rel, text in self._texts.items():
            record = self._disk.get(rel)
            disk = record.data if record is not None else None
            if text is None:
                if disk is not None:
                    changes[rel] = None
                continue
            if record is None or record.text is None or text != record.text:
                changes[rel] = self.form(rel).encode(text)
        changes.update({rel: data for rel, data in self._blobs.items() if data != self.disk_bytes(rel)})
        return changes

    def mark_saved(self, rel: str, data: bytes | None) -> None:
        """``rel`` now holds ``data`` on disk (written by a save)."""
        form = self.form(rel) if data is not None else NEW_FILE
        self._disk[rel] = _Disk(data, form, _decoded(data) if data is not None and is_yaml_path(rel) else None)

    def pending_paths(self, folder: str) -> list[str]:
        """Files the studio will write into ``folder`` (not YAML files)."""
        return [
            rel
            for rel, data in self._blobs.items()
            if rel.startswith(folder + "/") and data is not None and data != self.disk_bytes(rel)
        ]

    def yaml_paths(self) -> Iterator[str]:
        return iter(sorted(self._texts))

    def unreadable_paths(self) -> list[str]:
        return sorted(rel for rel, record in self._disk.items() if record.unreadable)

    def slide_files(self) -> list[str]:
        """The slide files as the loader would read them: sorted, present, readable or not."""
        present = {rel for rel, text in self._texts.items() if text is not None and _is_slide_file(rel)}
        present |= {rel for rel in self.unreadable_paths() if _is_slide_file(rel)}
        return sorted(present)

    def exists(self, rel: str) -> bool:
        """True when a file named ``rel`` (in any letter case: Windows and macOS do not tell
        them apart) is there now, counting the unsaved changes."""
        lower = rel.lower()
        known = [r for r in (*self._texts, *self._blobs, *self._disk) if r.lower() == lower]
        if any(self.content(r) is not None or self.unreadable(r) for r in known):
            return True
        folder = (self.root / rel).parent
        name = rel.rsplit("/", 1)[-1].lower()
        try:
            on_disk = [p for p in folder.iterdir() if p.name.lower() == name]
        except OSError:
            return False
        return any(p.relative_to(self.root).as_posix() not in known for p in on_disk)

    # -- reading YAML ------------------------------------------------------------------------

    def _parse(self, rel: str) -> _Parsed | None:
        text = self._texts.get(rel)
        if text is None:
            return None
        cached = self._parsed.get(rel)
        if cached is not None and cached.text is text:
            return cached
        node, issues = parse_yaml_text(text)
        structural = next((i.message for i in issues if any(m in i.message for m in _STRUCTURAL)), None)
        if node is None and issues:
            structural = issues[0].message
        parsed = _Parsed(text, node, structural)
        self._parsed[rel] = parsed
        return parsed

    def node(self, rel: str) -> YNode | None:
        parsed = self._parse(rel)
        return parsed.node if parsed is not None else None

    def slide_entries(self) -> list[SlideEntry]:
        """Every slide written in the slide files, in file order (the loader's default order)."""
        entries: list[SlideEntry] = []
        for rel in self.slide_files():
            node = self.node(rel)
            if node is None:
                continue
            if node.is_map and "slides" in node.value:
                listed = node.value["slides"].node
                if listed.is_seq:
                    entries.extend(
                        SlideEntry(DocKey(rel, i), item, item.line)
                        for i, item in enumerate(listed.value)
                        if item.is_map
                    )
            elif node.is_map:
                entries.append(SlideEntry(DocKey(rel), node, node.line))
        return entries

    def shapes(self) -> dict[str, tuple[int, ...] | None]:
        """Per slide file that holds slides: None for a file holding one, else the first line
        of each of the slides under ``slides:`` (for placing the validator's problems). Files
        that do not read as slides are left out: their problems are about no one slide."""
        shapes: dict[str, tuple[int, ...] | None] = {}
        for rel in self.slide_files():
            node = self.node(rel)
            if node is None or not node.is_map:
                continue
            listed = node.value.get("slides")
            if listed is None:
                shapes[rel] = None
            elif listed.node.is_seq:
                shapes[rel] = tuple(item.line for item in listed.node.value)
        return shapes

    def slide_node(self, key: DocKey) -> YNode | None:
        node = self.node(key.path)
        if key.index is None:
            return node
        listed = child(node, "slides")
        return child(listed, key.index)

    # -- editing -----------------------------------------------------------------------------

    def document(self, rel: str) -> EditableDocument:
        """The ruamel document of ``rel`` for editing (parsed on first use, then kept)."""
        text = self._texts.get(rel)
        if text is None:
            reason = self.unreadable(rel)
            raise StudioError(f"{rel} cannot be changed here: {reason}" if reason else f"{rel} does not exist")
        cached = self._docs.get(rel)
        if cached is not None and cached.text is text:
            return cached
        parsed = self._parse(rel)
        if parsed is not None and parsed.structural:
            raise StudioError(f"{rel} cannot be changed here ({parsed.structural}); fix it in a text editor")
        try:
            document = EditableDocument(text)
        except RoundTripError as exc:
            raise StudioError(f"{rel}: {exc}") from None
        self._docs[rel] = document
        return document

    def adopt(self, rel: str, document: EditableDocument) -> None:
        """Make ``document`` (changed in place) the content of ``rel``."""
        text = document.render()
        self.set_content(rel, text)
        self._docs[rel] = document

    def forget_document(self, rel: str) -> None:
        self._docs.pop(rel, None)

    def editable(self, rel: str) -> str | None:
        """None when ``rel`` can be edited in place, else why not."""
        if self._texts.get(rel) is None:
            return self.unreadable(rel) or "the file does not exist"
        parsed = self._parse(rel)
        return parsed.structural if parsed is not None else None

    # -- the clinic, read leniently --------------------------------------------------------------

    def clinic_node(self) -> YNode | None:
        return self.node(CLINIC_FILE) if self._texts.get(CLINIC_FILE) is not None else None

    def notices_node(self) -> YNode | None:
        """notices.yaml's content (None while there is no such file, or it is empty)."""
        return self.node(NOTICES_FILE) if self._texts.get(NOTICES_FILE) is not None else None

    def languages(self) -> tuple[str, ...]:
        node = child(self.clinic_node(), "languages")
        if node is not None and node.is_seq:
            codes = tuple(dict.fromkeys(item.raw for item in node.value if not (item.is_map or item.is_seq)))
            if DEFAULT_LANGUAGE in codes:
                return codes
        return SUPPORTED_LANGUAGES

    def timezone(self) -> ZoneInfo:
        node = child(self.clinic_node(), "timezone")
        if node is not None and isinstance(node.value, str):
            try:
                return ZoneInfo(node.value.strip())
            except (ZoneInfoNotFoundError, ValueError, OSError):
                pass
        return ZoneInfo(DEFAULT_TIMEZONE)

    def topics(self) -> tuple[TopicValue, ...]:
        spec = next(s for s in CLINIC_FIELDS if s.name == "topics")
        value, readable = read_value(child(self.clinic_node(), "topics"), spec, self.languages())
        return value if readable and value is not None else ()

    def phone(self) -> str | None:
        node = child(self.clinic_node(), "phone")
        return node.value if node is not None and isinstance(node.value, str) else None

    def playlist(self) -> list[str] | None:
        """The clinic's playlist, or None when there is none (every slide plays, by file)."""
        node = child(self.clinic_node(), "playlist")
        if node is None or not node.is_seq:
            return None
        return [str(item.value).strip() if isinstance(item.value, str) else item.raw for item in node.value]

    def default_order(self) -> list[str]:
        """The play order without a playlist: every slide's id, by file name then position."""
        return [_id_of(entry.node) for entry in self.slide_entries() if _id_of(entry.node)]

    def slide_ids(self) -> set[str]:
        return {i for i in (_id_of(e.node) for e in self.slide_entries()) if i}


def _is_slide_file(rel: str) -> bool:
    return rel not in (CLINIC_FILE, NOTICES_FILE)


def _id_of(node: YNode) -> str:
    value = child(node, "id")
    return value.value.strip() if value is not None and isinstance(value.value, str) else ""


def slide_id(node: YNode | None) -> str | None:
    return _id_of(node) or None if node is not None else None


def _decoded(data: bytes) -> str | None:
    try:
        return decode_content_file(data)[0]
    except UnicodeDecodeError:
        return None


def _raw_or_none(path: Path) -> bytes | None:
    """The bytes of a regular file (no link followed), or None when there is none."""
    try:
        if not os.path.lexists(path):
            return None
        return read_regular_file(path)
    except OSError:
        return None


def plain(node: YNode | None) -> Any:
    return node.plain() if node is not None else None
