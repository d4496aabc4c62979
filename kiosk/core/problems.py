"""Problems found in content or configuration, reported as ``path:line: field: message``."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a file. ``line`` is 1-based; ``None`` when no line applies."""

    path: str
    line: int | None
    field: str
    message: str
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return f"{where}: {self.field}: {prefix}{self.message}"


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.is_error for p in problems)


class ContentError(Exception):
    """The only exception the content loader lets escape; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems) or "invalid content")
