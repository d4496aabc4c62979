"""The studio's editing model: one content pack open for editing, Qt-free.

:class:`StudioModel` is what the Kiosk Studio window is built on. It holds the pack's files
(:class:`~kiosk.core.studio.pack_state.PackState`), turns every edit into one undoable step,
checks the pack with the kiosk's real loader (:mod:`kiosk.core.studio.checking`) and writes
the changed files atomically on :meth:`StudioModel.save`. It tells subscribers what changed
(:mod:`kiosk.core.studio.observers`) so a window refreshes just that.

Threading: the model is not thread-safe; use it from one thread (the GUI thread). A check
can run elsewhere: take :meth:`StudioModel.check_request` on the model's thread, call its
``run()`` in a worker, and give the result to :meth:`StudioModel.apply_check`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from ruamel.yaml.comments import CommentedMap

from kiosk.core.clock import Clock, SystemClock
from kiosk.core.content_history import Snapshot
from kiosk.core.content_home import ContentPlaces
from kiosk.core.fields import FieldType
from kiosk.core.loader import CLINIC_FILE
from kiosk.core.studio.checking import CheckRequest, CheckResult
from kiosk.core.studio.editor import FieldState, field_state, field_states
from kiosk.core.studio.edits import Edit
from kiosk.core.studio.field_editor import FieldEditor
from kiosk.core.studio.field_edits import (
    add_item,
    move_list_item,
    remove_list_item,
    set_text,
    set_value,
    slide_map,
)
from kiosk.core.studio.field_paths import FieldPath
from kiosk.core.studio.keys import CLINIC, DocKey
from kiosk.core.studio.observers import Change, ChangeKind, Observer, Observers
from kiosk.core.studio.pack_state import PackState, StudioError, slide_id
from kiosk.core.studio.picture_library import place_picture
from kiosk.core.studio.pictures import PictureSlot, prepare_picture
from kiosk.core.studio.playing import PlayingAt, playing_at
from kiosk.core.studio.problems_map import FieldProblem, ProblemIndex
from kiosk.core.studio.saving import SavePlan, SaveResult, on_disk
from kiosk.core.studio.schema import resolve, specs_for
from kiosk.core.studio.slide_ops import (
    add,
    delete,
    deleted_slides,
    duplicate,
    effective_order,
    kind_of,
    move_in_playlist,
    restore,
    set_hidden,
    write_playlist,
)
from kiosk.core.studio.slide_rows import SlideRow, build_rows
from kiosk.core.studio.trash import DeletedSlide
from kiosk.core.studio.undo import UndoStack
from kiosk.core.studio.values import TopicValue, child
from kiosk.core.studio.versions import (
    Published,
    PublishSettings,
    content_versions,
    publish_folder,
    restore_version,
)


class StudioModel:
    """One content folder open for editing. Make one with :meth:`open`."""

    def __init__(
        self,
        root: Path,
        *,
        clock: Clock | None = None,
        screen_size: tuple[int, int] = (1920, 1080),
        places: ContentPlaces | None = None,
    ) -> None:
        self.root = Path(root).absolute()
        self.screen_size = screen_size
        self.places = places
        #: How long a save waits for a running kiosk to finish reading the folder (seconds).
        self.lock_timeout = 10.0
        self._clock: Clock = clock if clock is not None else SystemClock()
        self._state = PackState(self.root)
        self._undo = UndoStack()
        self._observers = Observers()
        self._revision = 0
        self._check: CheckResult | None = None
        self._checks = 0  # counts applied checks, so cached rows know their problems
        self._rows: tuple[tuple[int, int, datetime], tuple[SlideRow, ...]] | None = None

    @classmethod
    def open(
        cls,
        folder: Path,
        *,
        clock: Clock | None = None,
        screen_size: tuple[int, int] = (1920, 1080),
        places: ContentPlaces | None = None,
    ) -> StudioModel:
        """Open the content folder ``folder`` (``places``: the kiosk's content places when
        ``folder`` is its home, so a save takes the content lock a running kiosk honours).
        Raises StudioError when ``folder`` is not a content folder."""
        root = Path(folder)
        if not root.is_dir():
            raise StudioError(f"{root} is not a folder")
        if not (root / CLINIC_FILE).exists():
            raise StudioError(f"{root} is not a content folder: it has no {CLINIC_FILE}")
        return cls(root, clock=clock, screen_size=screen_size, places=places)

    # -- observing -----------------------------------------------------------------------------

    def subscribe(self, callback: Observer) -> Callable[[], None]:
        """Call ``callback(change)`` after every change (see :class:`ChangeKind`); returns the
        function that unsubscribes."""
        return self._observers.subscribe(callback)

    @property
    def revision(self) -> int:
        """Goes up with every change of the pack's content (edits, undo, redo)."""
        return self._revision

    # -- the clinic ------------------------------------------------------------------------------

    @property
    def languages(self) -> tuple[str, ...]:
        """The content's languages (clinic.yaml ``languages``), English first."""
        return self._state.languages()

    def now(self) -> datetime:
        """The studio's clock (aware): what "already ended" is judged against."""
        return self._clock.now()

    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def timezone(self) -> ZoneInfo:
        return self._state.timezone()

    @property
    def topics(self) -> tuple[TopicValue, ...]:
        return self._state.topics()

    @property
    def has_playlist(self) -> bool:
        """False when clinic.yaml has no playlist (every slide plays, by file name); moving,
        adding or duplicating a slide then writes one."""
        return self._state.playlist() is not None

    def play_order(self) -> tuple[str, ...]:
        """Slide ids in play order (the playlist, else every slide by file name)."""
        return tuple(effective_order(self._state))

    # -- slides at a glance ------------------------------------------------------------------------

    def slides(self, topic: str | None = None) -> tuple[SlideRow, ...]:
        """Every slide in play order, then those the playlist leaves out; only ``topic``'s
        when given. (Kept until the pack, its problems or the minute change.)"""
        now = self._clock.now()
        stamp = (self._revision, self._checks, now.replace(second=0, microsecond=0))
        if self._rows is None or self._rows[0] != stamp:
            self._rows = (stamp, build_rows(self._state, self._problems_of_slide, now, self.timezone))
        rows = self._rows[1]
        return rows if topic is None else tuple(r for r in rows if r.topic == topic)

    def slide(self, key: DocKey) -> SlideRow:
        """The row of one slide (its first, when the playlist lists it twice)."""
        row = next((r for r in self.slides() if r.key == key), None)
        if row is None:
            raise KeyError(f"no slide {key}")
        return row

    def find(self, slide_id_: str) -> DocKey | None:
        """The key of the slide with this id (the first, if two share it)."""
        entry = next((e for e in self._state.slide_entries() if slide_id(e.node) == slide_id_), None)
        return entry.key if entry is not None else None

    def playing_at(self, at: datetime) -> PlayingAt:
        """The slides that play at ``at`` (naive: the clinic's local time), in order, as the
        kiosk's :meth:`~kiosk.core.model.Deck.playing_at` decides, on the pack as it is now
        (saved or not). Hidden slides and those not in the playlist never play."""
        return playing_at(self.slides(), at, self.timezone, self.root)

    # -- editors -----------------------------------------------------------------------------------

    def kind(self, key: DocKey) -> str | None:
        """``"clinic"``, a slide kind, or None for a slide whose kind is missing or unknown."""
        return kind_of(self._state, key)

    def editor(self, key: DocKey) -> FieldEditor:
        """The editor of one slide, of the clinic (:data:`~kiosk.core.studio.keys.CLINIC`) or of
        the notices (:data:`~kiosk.core.studio.keys.NOTICES`, also before notices.yaml exists)."""
        if key.is_slide and self._state.slide_node(key) is None:
            raise KeyError(f"no slide {key}")
        return FieldEditor(self, key)

    def fields(self, key: DocKey) -> tuple[FieldState, ...]:
        """Every declared field of the slide's kind (or the clinic), present or not."""
        node = self._node(key)
        return field_states(node, specs_for(self.kind(key)), self.languages, lambda p: self.problems(key, p))

    def field(self, key: DocKey, path: str) -> FieldState:
        """One field, or a part of one (``schedule.until``, ``theme.primary``)."""
        resolved = resolve(self.kind(key), path)
        node = self._node(key)
        for part in resolved.field.parts:
            node = child(node, part)
        return field_state(node, resolved.spec, resolved.field, self.languages, lambda p: self.problems(key, p))

    def not_editable(self, key: DocKey) -> str | None:
        """None when the slide (or clinic, or notices) can be edited here, else why not."""
        if key.is_notices and self._state.content(key.path) is None and not self._state.unreadable(key.path):
            return None  # written on the first edit
        reason = self._state.editable(key.path)
        node = self._node(key)
        if reason is None and key.is_notices and node is not None and not node.is_map:
            return f"{key.path} does not start with 'notices:' and 'phrases:'; fix it in a text editor"
        return reason

    def _node(self, key: DocKey) -> Any:
        if key.is_clinic:
            return self._state.clinic_node()
        if key.is_notices:
            return self._state.notices_node()
        return self._state.slide_node(key)

    # -- editing: one undo step each ------------------------------------------------------------

    @contextmanager
    def _step(self, label: str, merge_key: Hashable | None = None) -> Iterator[Edit]:
        edit = Edit(self._state)
        try:
            yield edit
            step = edit.finish(label, merge_key)
        except BaseException:
            edit.rollback()
            raise
        if step is None:
            return
        self._undo.push(step)
        self._revision += 1
        self._observers.notify([*step.changes, Change(ChangeKind.HISTORY)])

    def _root(self, edit: Edit, key: DocKey) -> Any:
        if key.is_notices and self._state.content(key.path) is None:
            # The first notice or phrase: notices.yaml is written then.
            return slide_map(edit.new_document(key.path, CommentedMap()), key)
        if key.is_notices and edit.document(key.path).data is None:
            # An empty notices.yaml (every notice removed by hand): a mapping from now on.
            return slide_map(edit.new_document_over(key.path, CommentedMap()), key)
        return slide_map(edit.document(key.path), key)

    @property
    def _bilingual(self) -> bool:
        return len(self.languages) > 1

    def set_text(self, key: DocKey, field: str, language: str, text: str | None) -> None:
        """Set one language of a text: ``field`` is a text field (``title``, ``body``,
        ``follow_up``, ``topics[1].title``) or a list item (``steps[2]``). None or blank
        removes that language (the kiosk then shows English); typing into one field and
        language merges into one undo step."""
        kind = self.kind(key)
        path = FieldPath.parse(field)
        with self._step(f"Edit {_label(path)}", ("text", key, str(path), language)) as edit:
            resolved = set_text(self._root(edit, key), kind, path, language, text, bilingual=self._bilingual)
            edit.changed(ChangeKind.FIELD, key, str(resolved.field))
            if resolved.field.parts[0] in ("title", "topics"):
                edit.changed(ChangeKind.SLIDES)

    def set_value(self, key: DocKey, field: str, value: Any) -> None:
        """Set a field to a typed value (see :class:`~kiosk.core.studio.editor.FieldState`
        for the type of each), or remove it with None. Renaming a slide (``id``) renames it
        in the playlist too, in the same step."""
        kind = self.kind(key)
        path = FieldPath.parse(field)
        if key.is_clinic and str(path) == "playlist" and value is not None:
            # Entry by entry, so comments in the list stay where they are.
            self.set_order([str(i) for i in value])
            return
        old_id = slide_id(self._state.slide_node(key)) if key.is_slide else None
        with self._step(f"Edit {_label(path)}") as edit:
            resolved = set_value(self._root(edit, key), kind, path, value, bilingual=self._bilingual)
            edit.changed(ChangeKind.FIELD, key, str(resolved.field))
            if key.is_slide and resolved.field.parts[0] in ("id", "topic", "title", "schedule", "image", "hidden"):
                edit.changed(ChangeKind.SLIDES)
            if key.is_clinic and resolved.field.parts[0] in ("playlist", "languages", "timezone", "topics"):
                edit.changed(ChangeKind.SLIDES)
            if key.is_slide and str(resolved.field) == "id" and isinstance(value, str) and old_id:
                playlist = self._state.playlist()
                if playlist is not None and old_id in playlist:
                    write_playlist(edit, [value.strip() if entry == old_id else entry for entry in playlist])

    def set_schedule(self, key: DocKey, schedule: Any) -> None:
        """Set a slide's schedule (a ScheduleValue; None or an always-playing value removes it)."""
        self.set_value(key, "schedule", schedule)

    def add_item(self, key: DocKey, field: str, value: Any, index: int | None = None) -> None:
        """Insert into a list field: a text (or languages to texts) into ``items``/``steps``,
        a TopicValue or mapping into ``topics``, a TimeWindow into ``schedule.hours``..."""
        kind = self.kind(key)
        with self._step(f"Add to {_label(FieldPath.parse(field))}") as edit:
            resolved = add_item(self._root(edit, key), kind, field, value, index, bilingual=self._bilingual)
            edit.changed(ChangeKind.FIELD, key, str(resolved.field))

    def remove_item(self, key: DocKey, field: str, index: int) -> None:
        kind = self.kind(key)
        with self._step(f"Remove from {_label(FieldPath.parse(field))}") as edit:
            resolved = remove_list_item(self._root(edit, key), kind, field, index)
            edit.changed(ChangeKind.FIELD, key, str(resolved.field))

    def move_item(self, key: DocKey, field: str, index: int, new_index: int) -> None:
        kind = self.kind(key)
        with self._step(f"Move in {_label(FieldPath.parse(field))}") as edit:
            resolved = move_list_item(self._root(edit, key), kind, field, index, new_index)
            edit.changed(ChangeKind.FIELD, key, str(resolved.field))

    # -- pictures ----------------------------------------------------------------------------------

    def set_picture(self, key: DocKey, field: str, source: Path) -> str:
        """Import the picture ``source`` (PNG, JPEG or SVG, from anywhere) into ``images/``,
        scaled for the field's slot, and set it on ``field`` (``image``, ``logo``,
        ``topics[1].icon``): one undo step. Returns its path in the pack. Raises
        :class:`~kiosk.core.studio.pictures.PictureError` (nothing changes)."""
        resolved = resolve(self.kind(key), field)
        if resolved.spec.type is not FieldType.IMAGE:
            raise TypeError(f"{field} is not a picture field")
        prepared = prepare_picture(Path(source), _slot_of(key, resolved.field))
        with self._step(f"Set {_label(resolved.field)}") as edit:
            rel = place_picture(edit, self._state, prepared)
            set_value(self._root(edit, key), self.kind(key), resolved.field, rel, bilingual=self._bilingual)
            edit.changed(ChangeKind.FIELD, key, str(resolved.field))
            if key.is_slide:
                edit.changed(ChangeKind.SLIDES)
        return rel

    def import_picture(self, source: Path, slot: PictureSlot = PictureSlot.SLIDE) -> str:
        """Import a picture into ``images/`` without setting it anywhere; returns its path."""
        prepared = prepare_picture(Path(source), slot)
        with self._step("Import picture") as edit:
            rel = place_picture(edit, self._state, prepared)
        return rel

    # -- whole slides --------------------------------------------------------------------------------

    def move_slide(self, position: int, new_position: int) -> None:
        """Move the playlist entry at ``position`` to ``new_position`` (row positions)."""
        with self._step("Move slide") as edit:
            move_in_playlist(edit, self._state, position, new_position)

    def set_order(self, ids: list[str]) -> None:
        """Make the playlist exactly ``ids`` (a new play order)."""
        with self._step("Change the play order") as edit:
            write_playlist(edit, [str(i) for i in ids])

    def add_to_playlist(self, key: DocKey, position: int | None = None) -> None:
        sid = slide_id(self._state.slide_node(key))
        if not sid:
            raise StudioError(f"{key} has no id to list in the playlist")
        ids = list(effective_order(self._state))
        ids.insert(len(ids) if position is None else max(0, min(position, len(ids))), sid)
        with self._step("Add to the playlist") as edit:
            write_playlist(edit, ids)

    def remove_from_playlist(self, position: int) -> None:
        ids = list(effective_order(self._state))
        if not 0 <= position < len(ids):
            raise IndexError(f"the playlist has no entry {position}")
        del ids[position]
        with self._step("Take out of the playlist") as edit:
            write_playlist(edit, ids)

    def set_hidden(self, key: DocKey, hidden: bool) -> None:
        """Hide a slide (``hidden: true``: it stays in the pack and the playlist but does not
        play) or show it again."""
        with self._step("Hide slide" if hidden else "Show slide") as edit:
            set_hidden(edit, self._state, key, hidden)

    def duplicate_slide(self, key: DocKey) -> DocKey:
        """A copy with a new unique id (``<id>-copy``) in ``slides/<new id>.yaml``, placed
        after the original in the playlist. Returns the copy's key."""
        with self._step("Duplicate slide") as edit:
            new_key = duplicate(edit, self._state, key)
        return new_key

    def delete_slide(self, key: DocKey) -> str:
        """Delete a slide, recoverably: on save its file goes to ``.deleted/`` (see
        :meth:`deleted_slides`). Returns its name there."""
        with self._step("Delete slide") as edit:
            name = delete(edit, self._state, key, self._clock.now())
        return name

    def deleted_slides(self) -> tuple[DeletedSlide, ...]:
        """Slides that can be brought back, newest first (``pending``: deleted since the
        last save, so not in ``.deleted/`` yet)."""
        return deleted_slides(self._state)

    def restore_deleted(self, name: str) -> DocKey:
        """Bring a deleted slide back (with ``-restored`` added to its id if another slide
        has taken it), where it was in the playlist. Returns its key."""
        with self._step("Bring back slide") as edit:
            key = restore(edit, self._state, name)
        return key

    def add_slide(self, kind: str, *, topic: str | None = None, after: DocKey | None = None) -> DocKey:
        """Add a slide of ``kind`` with every required field filled with a placeholder
        (flagged by ``FieldState.placeholder`` and ``SlideRow.needs_text``), after ``after``
        in the playlist, or at the end. Returns its key."""
        today = self._clock.now().astimezone(self.timezone).date()
        with self._step(f"Add {kind} slide") as edit:
            key = add(edit, self._state, kind, topic=topic, after=after, today=today)
        return key

    # -- undo and redo ---------------------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return self._undo.can_undo

    @property
    def can_redo(self) -> bool:
        return self._undo.can_redo

    @property
    def undo_label(self) -> str | None:
        """What undo would take back, e.g. "Edit title"."""
        return self._undo.undo_label

    @property
    def redo_label(self) -> str | None:
        return self._undo.redo_label

    def undo(self) -> bool:
        step = self._undo.take_undo()
        if step is None:
            return False
        self._apply(step.before)
        self._observers.notify([*step.changes, Change(ChangeKind.HISTORY)])
        return True

    def redo(self) -> bool:
        step = self._undo.take_redo()
        if step is None:
            return False
        self._apply(step.after)
        self._observers.notify([*step.changes, Change(ChangeKind.HISTORY)])
        return True

    def _apply(self, contents: Mapping[str, Any]) -> None:
        for rel, content in contents.items():
            self._state.forget_document(rel)
            self._state.set_content(rel, content)
        self._revision += 1

    # -- changes, problems and checks ---------------------------------------------------------------

    def content_files(self) -> tuple[str, ...]:
        """The YAML files of the pack as it stands (clinic.yaml and the slide files)."""
        return tuple(rel for rel in self._state.yaml_paths() if self._state.content(rel) is not None)

    def file_text(self, rel: str) -> str | None:
        """A YAML file's text as it stands, unsaved changes included (None: no such file);
        for a "view the file" pane."""
        content = self._state.content(rel)
        return content if isinstance(content, str) else None

    def changed_files(self) -> tuple[str, ...]:
        """The files a save would write or remove."""
        return tuple(sorted(self._state.pending()))

    @property
    def is_modified(self) -> bool:
        return bool(self._state.pending())

    def check_request(self) -> CheckRequest:
        """An immutable request to check the pack as it would be written; run it anywhere."""
        return CheckRequest(
            root=self.root,
            changes=self._state.pending(),
            shapes=self._state.shapes(),
            revision=self._revision,
            screen_size=self.screen_size,
            now=self._clock.now(),
        )

    def apply_check(self, result: CheckResult) -> bool:
        """Show a check's problems; True when it is about the pack as it is now (False: the
        pack changed while it ran, check again)."""
        self._check = result
        self._checks += 1
        self._observers.notify([Change(ChangeKind.PROBLEMS)])
        return result.revision == self._revision

    def check(self) -> CheckResult:
        """Check now, on this thread."""
        result = self.check_request().run()
        self.apply_check(result)
        return result

    @property
    def last_check(self) -> CheckResult | None:
        return self._check

    @property
    def problems_current(self) -> bool:
        """True when the problems shown are about the pack as it is now."""
        return self._check is not None and self._check.revision == self._revision

    def _index(self) -> ProblemIndex:
        return self._check.index if self._check is not None else ProblemIndex()

    def _problems_of_slide(self, key: DocKey) -> tuple[FieldProblem, ...]:
        return self._index().for_key(key)

    def problems(self, key: DocKey | None = None, field: str | None = None) -> tuple[FieldProblem, ...]:
        """The last check's problems: all, one slide's (or the clinic's), or one field's
        (``title`` includes ``title.es``; ``steps`` includes ``steps[2].en``)."""
        index = self._index()
        if key is None:
            return index.all()
        return index.for_key(key, field)

    def unplaced_problems(self) -> tuple[FieldProblem, ...]:
        """Problems about no one slide: a file that cannot be read, the folder."""
        return self._index().unplaced

    # -- saving ------------------------------------------------------------------------------------

    def save(self) -> SaveResult:
        """Check the pack as it would be written; if it has no errors, write the changed files
        (each atomically; nothing else is touched). A running kiosk picks the change up.
        The same as ``apply_save(save_plan().run())``, on this thread."""
        return self.apply_save(self.save_plan().run())

    def save_plan(self) -> SavePlan:
        """An immutable save to :meth:`~kiosk.core.studio.saving.SavePlan.run` in a worker
        thread (a check of 200 slides takes a moment); give the result to :meth:`apply_save`."""
        changes = self._state.pending()
        return SavePlan(
            root=self.root,
            changes=changes,
            expected={rel: self._state.disk_bytes(rel) for rel in changes},
            check=self.check_request(),
            places=self.places,
            lock_timeout=self.lock_timeout,
        )

    def apply_save(self, result: SaveResult) -> SaveResult:
        """Record what a save wrote (edits made meanwhile stay unsaved) and show its check."""
        for rel, data in result.done:
            self._state.mark_saved(rel, data)
        if result.check is not None:
            self.apply_check(result.check)
        if result.done:
            self._undo.seal()
        if result.check is not None or result.done:
            self._observers.notify([Change(ChangeKind.SAVED), Change(ChangeKind.DELETED)])
        return result

    def reload(self) -> None:
        """Read the folder again, dropping unsaved changes and the undo history (after a
        restore, or when someone else changed the files)."""
        self._state = PackState(self.root)
        self._undo.clear()
        self._check = None
        self._checks += 1
        self._revision += 1
        self._observers.notify(
            [
                Change(ChangeKind.SLIDES),
                Change(ChangeKind.FIELD, CLINIC),
                Change(ChangeKind.DELETED),
                Change(ChangeKind.PROBLEMS),
                Change(ChangeKind.HISTORY),
            ]
        )

    # -- versions and publishing -------------------------------------------------------------------

    def _places(self) -> ContentPlaces:
        if self.places is None:
            raise StudioError("this folder is not a kiosk's content home, so it has no saved versions")
        return self.places

    def versions(self) -> tuple[Snapshot, ...]:
        """The good versions the kiosk kept of this folder, newest first."""
        return content_versions(self._places())

    def restore_version(self, version: str, *, discard_changes: bool = False) -> Snapshot:
        """Put a kept version back into the folder and read it again. Refused while there
        are unsaved changes, unless ``discard_changes``."""
        places = self._places()
        if self.is_modified and not discard_changes:
            raise StudioError("there are unsaved changes: save them, or discard them, before restoring a version")
        snapshot = restore_version(places, version, clock=self._clock)
        self.reload()
        return snapshot

    def publish(self, settings: PublishSettings) -> Published:
        """Publish the saved folder as a signed bundle (see
        :func:`~kiosk.core.studio.versions.publish_folder`; raises ``PublishFailed``); refused
        while there are unsaved changes, since they would not be in it."""
        if self.is_modified:
            raise StudioError("there are unsaved changes: save them before publishing")
        return publish_folder(self.root, settings, clock=self._clock)

    def changed_on_disk(self) -> tuple[str, ...]:
        """Content files someone else changed since the studio read them (reopen to see them)."""
        paths = list(self._state.yaml_paths())
        return tuple(rel for rel in paths if on_disk(self.root, rel) != self._state.disk_bytes(rel))


def _label(path: FieldPath) -> str:
    name = str(path.parts[0]).replace("_", " ")
    return name if len(path.parts) == 1 else f"{name} ({path})"


def _slot_of(key: DocKey, field: FieldPath) -> PictureSlot:
    if key.is_clinic:
        return PictureSlot.ICON if field.parts[0] == "topics" else PictureSlot.LOGO
    return PictureSlot.SLIDE
