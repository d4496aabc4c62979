"""A view of one slide's (or the clinic's) fields for an editor panel, with its setters."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.core.studio.editor import FieldState
from kiosk.core.studio.keys import DocKey
from kiosk.core.studio.problems_map import FieldProblem

if TYPE_CHECKING:
    from kiosk.core.studio.model import StudioModel


class FieldEditor:
    """The editor of one slide or of the clinic: its fields, and setters for them. Every
    setter is one undo step (typing into one text merges) and tells the model's subscribers."""

    def __init__(self, model: StudioModel, key: DocKey) -> None:
        self.model = model
        self.key = key

    @property
    def kind(self) -> str | None:
        return self.model.kind(self.key)

    @property
    def not_editable(self) -> str | None:
        return self.model.not_editable(self.key)

    @property
    def languages(self) -> tuple[str, ...]:
        return self.model.languages

    def fields(self) -> tuple[FieldState, ...]:
        return self.model.fields(self.key)

    def field(self, path: str) -> FieldState:
        return self.model.field(self.key, path)

    def problems(self, field: str | None = None) -> tuple[FieldProblem, ...]:
        return self.model.problems(self.key, field)

    def set_text(self, field: str, language: str, text: str | None) -> None:
        self.model.set_text(self.key, field, language, text)

    def set_value(self, field: str, value: Any) -> None:
        self.model.set_value(self.key, field, value)

    def set_schedule(self, schedule: Any) -> None:
        self.model.set_schedule(self.key, schedule)

    def set_picture(self, field: str, source: Path) -> str:
        return self.model.set_picture(self.key, field, source)

    def add_item(self, field: str, value: Any, index: int | None = None) -> None:
        self.model.add_item(self.key, field, value, index)

    def remove_item(self, field: str, index: int) -> None:
        self.model.remove_item(self.key, field, index)

    def move_item(self, field: str, index: int, new_index: int) -> None:
        self.model.move_item(self.key, field, index, new_index)
