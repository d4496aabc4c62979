"""Field paths as the validator writes them (``title.es``, ``steps[2].en``, ``schedule.until``,
``topics[1].title``), parsed into parts so editors and problems can be matched exactly."""

from __future__ import annotations

import re
from dataclasses import dataclass

_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")

PathPart = str | int


@dataclass(frozen=True)
class FieldPath:
    """``FieldPath.parse("steps[2].en").parts == ("steps", 2, "en")``."""

    parts: tuple[PathPart, ...] = ()

    @classmethod
    def parse(cls, text: str | FieldPath) -> FieldPath:
        if isinstance(text, FieldPath):
            return text
        parts: list[PathPart] = []
        position = 0
        text = text.strip()
        while position < len(text):
            if text[position] == "." and parts:
                position += 1
            match = _PART.match(text, position)
            if match is None:
                raise ValueError(f"not a field path: {text!r}")
            parts.append(match.group(1) if match.group(1) is not None else int(match.group(2)))
            position = match.end()
        return cls(tuple(parts))

    def __str__(self) -> str:
        out = ""
        for part in self.parts:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
        return out

    def __bool__(self) -> bool:
        return bool(self.parts)

    def child(self, part: PathPart) -> FieldPath:
        return FieldPath((*self.parts, part))

    @property
    def parent(self) -> FieldPath:
        return FieldPath(self.parts[:-1])

    @property
    def last(self) -> PathPart:
        return self.parts[-1]

    def is_within(self, other: FieldPath) -> bool:
        """True when this path is ``other`` or lies inside it (``title.es`` is within ``title``)."""
        return self.parts[: len(other.parts)] == other.parts
