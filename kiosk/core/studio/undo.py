"""Undo and redo: every edit while the studio is open is one step that can be taken back.

A step records, for each file it touched, the whole content before and after (YAML files
are small text; pictures are kept as bytes), so undoing is exact: undoing every step gives
back the files byte for byte. Consecutive edits of the same text merge into one step, as
typing into one field should.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field, replace

from kiosk.core.studio.observers import Change

#: A file's content in a step: text for a YAML file, bytes for a picture or a deleted slide
#: kept in ``.deleted/``, None for "no such file".
Content = str | bytes | None


@dataclass(frozen=True)
class Step:
    label: str
    before: Mapping[str, Content]
    after: Mapping[str, Content]
    changes: tuple[Change, ...] = ()
    #: Steps with equal, non-None merge keys that follow each other become one.
    merge_key: Hashable | None = None


@dataclass
class UndoStack:
    """Steps done (``_done``) and undone (``_undone``); a new step clears the undone ones."""

    limit: int = 1000
    _done: list[Step] = field(default_factory=list)
    _undone: list[Step] = field(default_factory=list)
    _sealed: bool = False

    def push(self, step: Step) -> None:
        self._undone.clear()
        top = self._done[-1] if self._done else None
        if top is not None and not self._sealed and step.merge_key is not None and step.merge_key == top.merge_key:
            merged_after = dict(top.after)
            merged_after.update(step.after)
            merged_before = dict(step.before)
            merged_before.update(top.before)
            changes = top.changes + tuple(c for c in step.changes if c not in top.changes)
            self._done[-1] = replace(top, before=merged_before, after=merged_after, changes=changes)
        else:
            self._done.append(step)
            del self._done[: -self.limit]
        self._sealed = False

    def seal(self) -> None:
        """The next step starts anew even if it could merge (after a save, say)."""
        self._sealed = True

    def take_undo(self) -> Step | None:
        if not self._done:
            return None
        step = self._done.pop()
        self._undone.append(step)
        self._sealed = True
        return step

    def take_redo(self) -> Step | None:
        if not self._undone:
            return None
        step = self._undone.pop()
        self._done.append(step)
        self._sealed = True
        return step

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def undo_label(self) -> str | None:
        return self._done[-1].label if self._done else None

    @property
    def redo_label(self) -> str | None:
        return self._undone[-1].label if self._undone else None

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()
