"""Carry an edit into a file's own text, leaving every line the edit did not touch as it was.

ruamel.yaml keeps comments, key order and quoting, but its output still normalises a few
things in the parts nobody touched: runs of spaces after a colon, ``~`` for an empty value,
a leading ``---``, odd indentation. So a changed file is not replaced by ruamel's output.
``base`` is ruamel's rendering of the document before the edit and ``edited`` its rendering
after; only the lines that differ between those two replace lines of ``original``, and every
stretch of ``base`` that the edit left alone is taken from ``original`` as it was written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher


@dataclass(frozen=True)
class _Stretch:
    """Lines ``o1:o2`` of the original that ruamel rendered as lines ``b1:b2`` of base."""

    o1: int
    o2: int
    b1: int
    b2: int


def splice(original: str, base: str, edited: str, same: Callable[[str, str], bool] | None = None) -> str:
    """``original`` with the changes from ``base`` to ``edited`` applied.

    ``base`` must render the same data as ``original``. ``same(a, b)`` tells whether two
    texts hold the same data; when the spliced text does not hold the data of ``edited``
    (an edit tangled with a normalised stretch), ``edited`` itself is returned."""
    if base == edited:
        return original
    if base == original:
        return edited
    o_lines = original.splitlines(keepends=True)
    b_lines = base.splitlines(keepends=True)
    e_lines = edited.splitlines(keepends=True)
    stretches = {
        b1: _Stretch(o1, o2, b1, b2)
        for tag, o1, o2, b1, b2 in SequenceMatcher(None, o_lines, b_lines, autojunk=False).get_opcodes()
        if tag != "equal"
    }
    edits = SequenceMatcher(None, b_lines, e_lines, autojunk=False).get_opcodes()
    changed = [False] * len(b_lines)
    inserted_at = [False] * (len(b_lines) + 1)
    for tag, b1, b2, _, _ in edits:
        if tag != "equal":
            changed[b1:b2] = [True] * (b2 - b1)
            if b1 == b2:
                inserted_at[b1] = True

    def untouched(stretch: _Stretch) -> bool:
        if stretch.b1 == stretch.b2:  # lines only the original has, at a gap of base
            return not inserted_at[stretch.b1]
        return not any(changed[stretch.b1 : stretch.b2]) and not any(inserted_at[stretch.b1 + 1 : stretch.b2])

    out: list[str] = []
    for tag, b1, b2, e1, e2 in edits:
        if tag != "equal":
            out.extend(e_lines[e1:e2])
            continue
        b = b1
        while b < b2:
            stretch = stretches.get(b)
            if stretch is not None and untouched(stretch):
                out.extend(o_lines[stretch.o1 : stretch.o2])
                if stretch.b1 < stretch.b2:
                    b = stretch.b2
                    continue
            out.append(b_lines[b])
            b += 1
    end = stretches.get(len(b_lines))
    if end is not None and untouched(end):
        out.extend(o_lines[end.o1 : end.o2])
    result = "".join(out)
    if result and not result.endswith("\n"):
        result += "\n"
    if same is not None and not same(result, edited):
        return edited
    return result
