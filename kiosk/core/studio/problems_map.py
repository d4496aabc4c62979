"""The validator's problems, mapped to the slide (or the clinic) and the field they are about.

The loader reports ``path:line: field: message`` where ``field`` is the path inside the file:
``title.es`` in a file holding one slide, ``slides[1].steps[2]`` in a file holding several,
``topics[0].title.en`` in clinic.yaml. Here each becomes a :class:`FieldProblem` naming the
slide's :class:`~kiosk.core.studio.keys.DocKey` and the path inside the slide, so an editor
can put the message under the very field (and language, and list item) it is about.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from kiosk.core.problems import Problem, Severity
from kiosk.core.studio.field_paths import FieldPath
from kiosk.core.studio.keys import CLINIC, NOTICES, DocKey

#: Field names the loader uses for a problem with a whole file rather than a field.
FILE_LEVEL = frozenset({"file", "yaml", "folder"})
_IN_LIST = re.compile(r"^slides\[(\d+)\](?:\.(.*))?$")


@dataclass(frozen=True)
class FieldProblem:
    """One problem, placed: ``key`` is the slide or :data:`CLINIC` it is about (None for a
    problem with a file that holds no readable slide, or with the folder); ``field`` is the
    path inside that slide or clinic (``""`` for the slide or file as a whole)."""

    key: DocKey | None
    field: str
    problem: Problem

    @property
    def message(self) -> str:
        return self.problem.message

    @property
    def line(self) -> int | None:
        return self.problem.line

    @property
    def path(self) -> str:
        return self.problem.path

    @property
    def severity(self) -> Severity:
        return self.problem.severity

    @property
    def is_error(self) -> bool:
        return self.problem.is_error

    def is_within(self, field_path: str | FieldPath) -> bool:
        """True when the problem is about ``field_path`` or something inside it
        (``steps[2].en`` is within ``steps`` and ``steps[2]``)."""
        if not self.field:
            return False
        try:
            return FieldPath.parse(self.field).is_within(FieldPath.parse(field_path))
        except ValueError:
            return False

    def __str__(self) -> str:
        return str(self.problem)


@dataclass(frozen=True)
class ProblemIndex:
    """Every problem of one check, by slide; ``unplaced`` are those about no slide."""

    by_key: Mapping[DocKey, tuple[FieldProblem, ...]] = field(default_factory=dict)
    unplaced: tuple[FieldProblem, ...] = ()

    def for_key(self, key: DocKey, field_path: str | None = None) -> tuple[FieldProblem, ...]:
        found = self.by_key.get(key, ())
        if field_path is None:
            return found
        return tuple(p for p in found if p.is_within(field_path))

    def all(self) -> tuple[FieldProblem, ...]:
        return tuple(p for problems in self.by_key.values() for p in problems) + self.unplaced


def place_problems(problems: Iterable[Problem], shapes: Mapping[str, tuple[int, ...] | None]) -> ProblemIndex:
    """Place each problem. ``shapes`` maps each slide file to the first lines of the slides
    it holds under ``slides:``, or to None when it holds one slide (its whole content)."""
    by_key: dict[DocKey, list[FieldProblem]] = {}
    unplaced: list[FieldProblem] = []
    for problem in problems:
        placed = _place(problem, shapes)
        if placed.key is None:
            unplaced.append(placed)
        else:
            by_key.setdefault(placed.key, []).append(placed)
    return ProblemIndex({k: tuple(v) for k, v in by_key.items()}, tuple(unplaced))


def _place(problem: Problem, shapes: Mapping[str, tuple[int, ...] | None]) -> FieldProblem:
    field_path = "" if problem.field in FILE_LEVEL else problem.field
    if problem.path == CLINIC.path:
        return FieldProblem(CLINIC, field_path, problem)
    if problem.path == NOTICES.path:
        return FieldProblem(NOTICES, field_path, problem)
    if problem.path not in shapes:
        return FieldProblem(None, field_path, problem)
    starts = shapes[problem.path]
    if starts is None:
        return FieldProblem(DocKey(problem.path), field_path, problem)
    match = _IN_LIST.match(problem.field)
    if match is not None and int(match.group(1)) < len(starts):
        return FieldProblem(DocKey(problem.path, int(match.group(1))), match.group(2) or "", problem)
    if problem.field == "id" and problem.line is not None:
        # Duplicate ids and "not in the playlist" name the slide by its id's line only.
        index = sum(1 for start in starts if start <= problem.line) - 1
        if index >= 0:
            return FieldProblem(DocKey(problem.path, index), "id", problem)
    # About the file as a whole (`slides: []`, a stray key): no one slide.
    return FieldProblem(None, field_path, problem)
