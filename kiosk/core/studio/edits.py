"""One undoable step in the making: the files it touches, before and after.

Every change to the pack goes through an :class:`Edit`: it remembers each file's content the
first time the step touches it, lets the step change ruamel documents in place or set whole
files, and on :meth:`Edit.finish` renders the documents and returns the
:class:`~kiosk.core.studio.undo.Step`. When anything fails half-way, :meth:`Edit.rollback`
puts every touched file back as it was, so a refused edit leaves no trace.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from kiosk.core.studio.documents import EditableDocument
from kiosk.core.studio.keys import DocKey
from kiosk.core.studio.observers import Change, ChangeKind
from kiosk.core.studio.pack_state import PackState, StudioError
from kiosk.core.studio.undo import Content, Step


class Edit:
    def __init__(self, state: PackState) -> None:
        self.state = state
        self._before: dict[str, Content] = {}
        self._documents: dict[str, EditableDocument] = {}
        self._changes: list[Change] = []

    def _remember(self, rel: str) -> None:
        if rel not in self._before:
            self._before[rel] = self.state.content(rel)

    def document(self, rel: str) -> EditableDocument:
        """The document of ``rel`` to change in place."""
        self._remember(rel)
        document = self._documents.get(rel) or self.state.document(rel)
        self._documents[rel] = document
        return document

    def new_document(self, rel: str, data: Any = None, *, text: str | None = None) -> EditableDocument:
        """A new file ``rel`` holding ``data`` (or ``text``), to change in place further."""
        if self.state.content(rel) is not None:
            raise StudioError(f"{rel} already exists")
        self._remember(rel)
        document = EditableDocument(text) if text is not None else EditableDocument.new(data)
        self._documents[rel] = document
        return document

    def new_document_over(self, rel: str, data: Any) -> EditableDocument:
        """A fresh document holding ``data`` for the existing file ``rel`` (its whole text is
        replaced on :meth:`finish`): for a file whose content is no mapping to edit in place."""
        self._remember(rel)
        document = EditableDocument.new(data)
        self._documents[rel] = document
        return document

    def set_text(self, rel: str, text: str) -> None:
        """Give the YAML file ``rel`` this whole text."""
        self._remember(rel)
        self._documents.pop(rel, None)
        self.state.set_content(rel, text)

    def remove_file(self, rel: str) -> None:
        self._remember(rel)
        self._documents.pop(rel, None)
        self.state.set_content(rel, None)

    def set_bytes(self, rel: str, data: bytes | None) -> None:
        self._remember(rel)
        self.state.set_content(rel, data)

    def changed(self, kind: ChangeKind, key: DocKey | None = None, field: str | None = None) -> None:
        self._changes.append(Change(kind, key, field))

    def finish(self, label: str, merge_key: Hashable | None = None) -> Step | None:
        """Render the documents; the step, or None when nothing changed in the end."""
        for rel, document in self._documents.items():
            self.state.adopt(rel, document)
        after = {rel: self.state.content(rel) for rel in self._before}
        if all(after[rel] == before for rel, before in self._before.items()):
            return None
        return Step(label, dict(self._before), after, tuple(self._changes), merge_key)

    def rollback(self) -> None:
        for rel, content in self._before.items():
            self.state.forget_document(rel)
            self.state.set_content(rel, content)
