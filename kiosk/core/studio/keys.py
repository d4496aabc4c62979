"""Which document an edit, a row or a problem is about: the clinic, the notices, or one slide."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.core.fields import NOTICES_FILE
from kiosk.core.loader import CLINIC_FILE


@dataclass(frozen=True, order=True)
class DocKey:
    """A slide by where it is written: its file (relative to the content folder) and, in a
    file that holds several under ``slides:``, its position there (from 0).

    Keys stay the same while a slide is edited (even its id); deleting a slide from a file
    that holds several moves the later ones up, and the model then reports the slide list
    as changed. :data:`CLINIC` is the clinic's own file."""

    path: str
    index: int | None = None

    @property
    def is_clinic(self) -> bool:
        return self.path == CLINIC_FILE and self.index is None

    @property
    def is_notices(self) -> bool:
        return self.path == NOTICES_FILE and self.index is None

    @property
    def is_slide(self) -> bool:
        """A slide (not clinic.yaml, not notices.yaml)."""
        return not (self.is_clinic or self.is_notices)

    def __str__(self) -> str:
        return self.path if self.index is None else f"{self.path} (slide {self.index + 1})"


CLINIC = DocKey(CLINIC_FILE)
#: notices.yaml: the notices and the saved phrases.
NOTICES = DocKey(NOTICES_FILE)
