"""Whole-slide changes: the playlist order, hiding, duplicating, deleting (recoverably),
bringing back, and adding. Each works inside one :class:`~kiosk.core.studio.edits.Edit`, so
the window's one action is one undo step however many files it touches."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from datetime import date, datetime
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from kiosk.core.fields import SLIDE_KINDS, FieldType
from kiosk.core.loader import CLINIC_FILE, SLIDES_DIR
from kiosk.core.studio.edits import Edit
from kiosk.core.studio.field_edits import slide_map
from kiosk.core.studio.field_paths import FieldPath
from kiosk.core.studio.keys import CLINIC, DocKey
from kiosk.core.studio.new_slides import PLACEHOLDER_PICTURE, PLACEHOLDER_SVG, new_slide
from kiosk.core.studio.observers import ChangeKind
from kiosk.core.studio.pack_state import PackState, StudioError, slide_id
from kiosk.core.studio.round_trip import block_seq, dump_round_trip, styled_text
from kiosk.core.studio.schema import CLINIC_KIND, NOTICES_KIND, find_spec, key_order, specs_for
from kiosk.core.studio.structure import detached, put_key, remove_item, remove_key, set_items
from kiosk.core.studio.text_files import decode_content_file
from kiosk.core.studio.trash import (
    DELETED_DIR,
    DeletedSlide,
    deleted_at,
    is_deleted_slide_name,
    make_note,
    note_name,
    read_note,
    trash_name,
)
from kiosk.core.studio.values import child, read_text, scalar_text
from kiosk.core.yaml_source import parse_yaml_text

HIDDEN = "hidden"


# --- the playlist -----------------------------------------------------------------------------


def effective_order(state: PackState) -> list[str]:
    """The play order: the playlist, or without one every slide by file name."""
    playlist = state.playlist()
    return playlist if playlist is not None else state.default_order()


def write_playlist(edit: Edit, ids: Sequence[str]) -> None:
    """Make clinic.yaml's playlist ``ids`` (adding one, in its place, when there is none).
    Entries that stay keep how they were written; comments stay in place."""
    root = slide_map(edit.document(CLINIC_FILE), CLINIC)
    current = root.get("playlist")
    if isinstance(current, CommentedSeq):
        pool: dict[str, list[Any]] = {}
        for item in current:
            pool.setdefault(str(item).strip(), []).append(item)
        values = [pool[i].pop(0) if pool.get(i) else styled_text(i) for i in ids]
        set_items(current, values)
    else:
        put_key(root, "playlist", block_seq([styled_text(i) for i in ids]), key_order(CLINIC_KIND, FieldPath()))
    edit.changed(ChangeKind.SLIDES)
    edit.changed(ChangeKind.FIELD, CLINIC, "playlist")


def move_in_playlist(edit: Edit, state: PackState, position: int, new_position: int) -> None:
    ids = effective_order(state)
    if not (0 <= position < len(ids) and 0 <= new_position < len(ids)):
        raise IndexError(f"the playlist has {len(ids)} entries; cannot move {position} to {new_position}")
    ids.insert(new_position, ids.pop(position))
    write_playlist(edit, ids)


# --- one slide ----------------------------------------------------------------------------------


def kind_of(state: PackState, key: DocKey) -> str | None:
    if key.is_clinic:
        return CLINIC_KIND
    if key.is_notices:
        return NOTICES_KIND
    node = child(state.slide_node(key), "kind")
    return node.value if node is not None and node.value in SLIDE_KINDS else None


def set_hidden(edit: Edit, state: PackState, key: DocKey, hidden: bool) -> None:
    root = slide_map(edit.document(key.path), key)
    if hidden:
        put_key(root, HIDDEN, True, key_order(kind_of(state, key), FieldPath()))
    else:
        remove_key(root, HIDDEN)
    edit.changed(ChangeKind.FIELD, key, HIDDEN)
    edit.changed(ChangeKind.SLIDES)


def unique_id(state: PackState, base: str) -> str:
    taken = state.slide_ids()
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    return candidate


def unique_slide_path(state: PackState, slide_id_: str) -> str:
    candidate, number = f"{SLIDES_DIR}/{slide_id_}.yaml", 2
    while state.exists(candidate):
        candidate = f"{SLIDES_DIR}/{slide_id_}-{number}.yaml"
        number += 1
    return candidate


def _set_id(data: CommentedMap, new_id: str) -> None:
    put_key(data, "id", styled_text(new_id, data.get("id")), ("id",))


def _insert_after(ids: list[str], anchor: str | None, new_id: str) -> list[str]:
    if anchor is not None and anchor in ids:
        ids.insert(ids.index(anchor) + 1, new_id)
    else:
        ids.append(new_id)
    return ids


def duplicate(edit: Edit, state: PackState, key: DocKey) -> DocKey:
    """A copy of the slide with a new id (``<id>-copy``) in ``slides/<new id>.yaml``, right
    after the original in the playlist."""
    original = slide_id(state.slide_node(key)) or "slide"
    new_id = unique_id(state, f"{original}-copy")
    path = unique_slide_path(state, new_id)
    source = edit.document(key.path)
    if key.index is None:
        document = edit.new_document(path, text=source.text)
    else:
        document = edit.new_document(path, detached(slide_map(source, key)))
    _set_id(slide_map(document, DocKey(path)), new_id)
    playlist = state.playlist()
    if playlist is None or original in playlist:
        write_playlist(edit, _insert_after(effective_order(state), original, new_id))
    edit.changed(ChangeKind.SLIDES)
    return DocKey(path)


def delete(edit: Edit, state: PackState, key: DocKey, now: datetime) -> str:
    """Take the slide out of the pack and the playlist, keeping it in ``.deleted/`` (written
    by the next save). Returns the name it is kept under."""
    node = state.slide_node(key)
    if node is None:
        raise StudioError(f"{key} is not a slide")
    sid = slide_id(node)
    if key.index is None:
        # Kept byte for byte as staff wrote it (line ends, byte-order mark and all).
        kept = state.encoded(key.path) or b""
        edit.remove_file(key.path)
    else:
        document = edit.document(key.path)
        listed = document.data["slides"]
        kept = dump_round_trip(detached(slide_map(document, key))).encode("utf-8")
        remove_item(listed, key.index)
        if not listed:
            edit.remove_file(key.path)
    playlist = state.playlist()
    positions: tuple[int, ...] = ()
    others = [e for e in state.slide_entries() if e.key != key and slide_id(e.node) == sid]
    if playlist is not None and sid and not others:
        positions = tuple(i for i, entry in enumerate(playlist) if entry == sid)
        if positions:
            write_playlist(edit, [entry for entry in playlist if entry != sid])
    taken = {rel.rsplit("/", 1)[-1] for rel in _trash_paths(state)}
    name = trash_name(sid or "slide", now, taken)
    edit.set_bytes(f"{DELETED_DIR}/{name}", kept)
    edit.set_bytes(f"{DELETED_DIR}/{note_name(name)}", make_note(sid, key.path, positions, now))
    edit.changed(ChangeKind.SLIDES)
    edit.changed(ChangeKind.DELETED)
    return name


def _trash_paths(state: PackState) -> list[str]:
    folder = state.root / DELETED_DIR
    try:
        names = [f"{DELETED_DIR}/{p.name}" for p in folder.iterdir()]
    except OSError:
        names = []
    return names + state.pending_paths(DELETED_DIR)


def restore(edit: Edit, state: PackState, name: str) -> DocKey:
    """Bring a deleted slide back into ``slides/`` (a new id if its own is taken now) and
    into the playlist where it was."""
    rel = f"{DELETED_DIR}/{name}"
    data = state.content(rel)
    if not isinstance(data, bytes):
        raise StudioError(f"no deleted slide named {name!r}")
    try:
        text, form = decode_content_file(data)
    except UnicodeDecodeError:
        raise StudioError(f"{rel} is not UTF-8 text") from None
    node, _ = parse_yaml_text(text)
    old_id = slide_id(node) or "slide"
    new_id = old_id if old_id not in state.slide_ids() else unique_id(state, f"{old_id}-restored")
    note = read_note(_bytes(state.content(f"{DELETED_DIR}/{note_name(name)}")))
    original = note.get("path")
    wanted = original if isinstance(original, str) and original.startswith(f"{SLIDES_DIR}/") else None
    path = wanted if wanted and not state.exists(wanted) and new_id == old_id else unique_slide_path(state, new_id)
    if new_id != old_id:
        document = edit.new_document(path, text=text)
        _set_id(slide_map(document, DocKey(path)), new_id)
    else:
        edit.set_text(path, text)
    state.use_form(path, form)
    edit.set_bytes(rel, None)
    edit.set_bytes(f"{DELETED_DIR}/{note_name(name)}", None)
    playlist = state.playlist()
    positions = [p for p in note.get("playlist", []) if isinstance(p, int)]
    if playlist is not None and positions:
        ids = list(playlist)
        for position in sorted(positions):
            ids.insert(min(position, len(ids)), new_id)
        write_playlist(edit, ids)
    edit.changed(ChangeKind.SLIDES)
    edit.changed(ChangeKind.DELETED)
    return DocKey(path)


def _bytes(content: object) -> bytes | None:
    return content if isinstance(content, bytes) else None


def add(edit: Edit, state: PackState, kind: str, *, topic: str | None, after: DocKey | None, today: date) -> DocKey:
    """A new slide of ``kind`` with every required field filled (placeholders the editors
    flag), after ``after`` in the playlist (at the end without)."""
    if kind not in SLIDE_KINDS:
        raise ValueError(f"unknown kind {kind!r}; kinds: {', '.join(SLIDE_KINDS)}")
    topics = [t.id for t in state.topics() if t.id]
    if topic is None:
        if not topics:
            raise StudioError("the clinic has no topics yet: add one in the clinic's settings first")
        topic = topics[0]
    new_id = unique_id(state, f"new-{kind}")
    path = unique_slide_path(state, new_id)
    data = new_slide(
        kind, slide_id=new_id, topic=topic, today=today, phone=state.phone(), bilingual=len(state.languages()) > 1
    )
    edit.new_document(path, data)
    needs_picture = any(s.required and s.type is FieldType.IMAGE for s in specs_for(kind))
    if needs_picture and not state.exists(PLACEHOLDER_PICTURE):
        edit.set_bytes(PLACEHOLDER_PICTURE, PLACEHOLDER_SVG)
    anchor = slide_id(state.slide_node(after)) if after is not None else None
    write_playlist(edit, _insert_after(effective_order(state), anchor, new_id))
    edit.changed(ChangeKind.SLIDES)
    return DocKey(path)


def deleted_slides(state: PackState) -> tuple[DeletedSlide, ...]:
    """The slides in ``.deleted/`` and those a save will put there, newest first."""
    names = {rel.rsplit("/", 1)[-1] for rel in state.pending_paths(DELETED_DIR)}
    with suppress(OSError):
        names |= {p.name for p in (state.root / DELETED_DIR).iterdir()}
    found = []
    for name in sorted(names):
        rel = f"{DELETED_DIR}/{name}"
        data = state.content(rel) if is_deleted_slide_name(name) else None
        if isinstance(data, bytes):
            found.append(_describe_deleted(state, name, data, pending=state.disk_bytes(rel) is None))
    return tuple(sorted(found, key=lambda d: (d.deleted_at is not None, d.deleted_at, d.name), reverse=True))


def _describe_deleted(state: PackState, name: str, data: bytes, *, pending: bool) -> DeletedSlide:
    note = read_note(_bytes(state.content(f"{DELETED_DIR}/{note_name(name)}")))
    try:
        node, _ = parse_yaml_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        node = None
    title_spec = find_spec(specs_for(None), "title")
    title = read_text(child(node, "title"), title_spec, state.languages(), measure=False) if title_spec else None
    positions = note.get("playlist")
    original = note.get("path")
    return DeletedSlide(
        name=name,
        slide_id=slide_id(node),
        kind=scalar_text(child(node, "kind")),
        title=title.english if title is not None else None,
        deleted_at=deleted_at(name, note),
        original_path=original if isinstance(original, str) else None,
        playlist_positions=tuple(p for p in positions if isinstance(p, int)) if isinstance(positions, list) else (),
        pending=pending,
    )
