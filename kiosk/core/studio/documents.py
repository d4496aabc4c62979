"""One YAML file open for editing: its ruamel tree, and the text the edits make of the file."""

from __future__ import annotations

from typing import Any

import yaml

from kiosk.core.studio.round_trip import (
    CONVENTIONAL,
    Layout,
    dump_round_trip,
    guess_layout,
    load_round_trip,
    pyyaml_reads_as,
)
from kiosk.core.studio.splice import splice


def same_data(a: str, b: str) -> bool:
    """True when the kiosk's loader reads ``a`` and ``b`` as the same data."""
    try:
        return bool(pyyaml_reads_as(a) == pyyaml_reads_as(b))
    except yaml.YAMLError:
        return False


class EditableDocument:
    """``data`` is the ruamel tree of ``text``; change it in place, then :meth:`render`.

    The new text keeps every line of the old one that the change did not touch (see
    :mod:`kiosk.core.studio.splice`)."""

    def __init__(self, text: str, layout: Layout | None = None) -> None:
        self.layout = layout if layout is not None else guess_layout(text)
        self.data: Any = load_round_trip(text, self.layout)
        self._text = text
        self._rendered = dump_round_trip(self.data, self.layout)

    @classmethod
    def new(cls, data: Any) -> EditableDocument:
        """A document for a file that does not exist yet, in the conventional layout."""
        text = dump_round_trip(data, CONVENTIONAL)
        return cls(text, CONVENTIONAL)

    @property
    def text(self) -> str:
        return self._text

    def render(self) -> str:
        """The file's text with the changes made to :attr:`data` since the last render."""
        rendered = dump_round_trip(self.data, self.layout)
        if rendered != self._rendered:
            self._text = splice(self._text, self._rendered, rendered, same_data)
            self._rendered = rendered
        return self._text
