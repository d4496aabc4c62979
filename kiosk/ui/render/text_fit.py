"""Fitting text into a box: wrap, shrink step by step down to the legibility minimum, and
only then cut the last line with an ellipsis. Text never overflows its box."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt

from kiosk.ui.render.slide_text import ELLIPSIS, LaidOutText

__all__ = ["ELLIPSIS", "FittedColumn", "FittedText", "TextBuilder", "elide_to_height", "fit_column", "fit_text"]

#: Lays the text out at one font pixel size, wrapped at the box width.
TextBuilder = Callable[[int], LaidOutText]


@dataclass(frozen=True)
class FittedText:
    text: LaidOutText
    pixel_size: int
    #: The space the text was given.
    box: QRectF
    #: Where the laid-out lines actually are (always inside ``box``).
    rect: QRectF
    #: True when the text did not fit even at the smallest size and was cut with "…".
    elided: bool = False
    #: How many characters the cut left out (including whole items a column dropped).
    hidden: int = 0

    @property
    def plain_text(self) -> str:
        return self.text.plain_text

    @property
    def first_line(self) -> QRectF:
        """The first line's box on the slide (an empty rect when no line is shown)."""
        line = self.text.first_line()
        if line.isNull():
            return QRectF(self.rect.topLeft(), self.rect.topLeft())
        return line.translated(self.box.left(), self.rect.top() - self.text.lines_rect().top())


def _steps(largest: int, smallest: int) -> list[int]:
    if largest <= smallest:
        return [smallest]
    # About 2% per step: fine enough that text is never much smaller than it needs to be.
    sizes: list[int] = []
    size = float(largest)
    while round(size) > smallest:
        if not sizes or round(size) != sizes[-1]:
            sizes.append(round(size))
        size *= 0.98
    sizes.append(smallest)
    return sizes


def _place(text: LaidOutText, box: QRectF, valign: Qt.AlignmentFlag) -> QRectF:
    if text.is_empty():
        return QRectF(box.left(), box.top(), 0, 0)
    lines = text.lines_rect()
    dy = 0.0
    if valign == Qt.AlignmentFlag.AlignVCenter:
        dy = max(0.0, (box.height() - text.height) / 2)
    elif valign == Qt.AlignmentFlag.AlignBottom:
        dy = max(0.0, box.height() - text.height)
    return lines.translated(box.left(), box.top() + dy)


def fit_text(
    build: TextBuilder,
    box: QRectF,
    largest: int,
    smallest: int,
    *,
    valign: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignTop,
) -> FittedText:
    """The largest size from ``largest`` down to ``smallest`` at which the text fits ``box``;
    if none does, the text at ``smallest`` cut to fit with a trailing ellipsis."""
    text = build(smallest)
    for size in _steps(largest, smallest):
        text = build(size)
        if text.height <= box.height():
            return FittedText(text, size, box, _place(text, box, valign))
    length = text.character_count
    cut = elide_to_height(text, box.height())
    hidden = max(1, length - cut.character_count + 1)
    return FittedText(cut, smallest, box, _place(cut, box, valign), elided=True, hidden=hidden)


#: Characters dropped from the end before the ellipsis, so "…" follows a clean break.
_TRAILING = " \n,;:."


def elide_to_height(text: LaidOutText, height: float) -> LaidOutText:
    """``text`` cut after its last line that fits ``height``, ending with "…".

    Whole lines only: a glyph is never cut in half. If not even one line fits, the result
    is empty (the caller gave the box too little room for any text).
    """
    cut = text.end_of_last_line_within(height)
    plain = text.plain_text
    while cut > 0:
        kept = plain[:cut].rstrip(_TRAILING)
        shortened = text.cut(len(kept), ELLIPSIS)
        if shortened.height <= height or not kept:
            return shortened if kept else text.cut(0)
        # The ellipsis wrapped to a new line: take back the last word (or character).
        space = kept.rstrip().rfind(" ")
        cut = space if space > len(kept) - 20 and space > 0 else len(kept) - 1
    return text.cut(0)


@dataclass(frozen=True)
class FittedColumn:
    """Several texts stacked with gaps, all at one size (list items, steps)."""

    items: tuple[FittedText, ...]
    pixel_size: int
    box: QRectF
    elided: bool


def fit_column(
    builders: Sequence[Callable[[int, float], LaidOutText]],
    box: QRectF,
    largest: int,
    smallest: int,
    *,
    gap: Callable[[int], float],
    indent: Callable[[int], float] = lambda px: 0.0,
    min_height: Callable[[int], float] = lambda px: 0.0,
) -> FittedColumn:
    """Stack one text per builder (called with pixel size and width) top to bottom.

    ``indent`` leaves room at the left of each item (for a number badge or marker);
    ``min_height`` keeps each row at least that tall (so badges never overlap).
    Shrinks all items together; if they still do not fit at ``smallest``, the first item
    that overflows is cut with "…" and the ones after it are left out.
    """
    for size in _steps(largest, smallest):
        texts = [b(size, box.width() - indent(size)) for b in builders]
        heights = [max(t.height, min_height(size)) for t in texts]
        total = sum(heights) + gap(size) * max(0, len(texts) - 1)
        if total <= box.height():
            return FittedColumn(_stack(texts, box, size, indent, min_height, gap), size, box, False)
    size = smallest
    texts = [b(size, box.width() - indent(size)) for b in builders]
    kept: list[LaidOutText] = []
    y = 0.0
    characters = sum(t.character_count for t in texts)
    for text in texts:
        room = box.height() - y
        row = max(text.height, min_height(size))
        if row <= room:
            kept.append(text)
            y += row + gap(size)
            continue
        cut = elide_to_height(text, room)
        if not cut.is_empty():
            kept.append(cut)
        elif kept:
            # Nothing of this item fits: the one before it ends with "…" so the cut shows.
            kept[-1] = elide_to_height(kept[-1], kept[-1].height)
        break
    stacked = list(_stack(kept, box, size, indent, min_height, gap))
    if stacked:
        # The last item shown stands for everything cut or left out after it.
        last = stacked[-1]
        hidden = max(1, characters - sum(t.character_count for t in kept))
        stacked[-1] = FittedText(last.text, last.pixel_size, last.box, last.rect, elided=True, hidden=hidden)
    return FittedColumn(tuple(stacked), size, box, True)


def _stack(
    texts: Sequence[LaidOutText],
    box: QRectF,
    size: int,
    indent: Callable[[int], float],
    min_height: Callable[[int], float],
    gap: Callable[[int], float],
) -> tuple[FittedText, ...]:
    fitted: list[FittedText] = []
    y = box.top()
    left = box.left() + indent(size)
    for text in texts:
        row = max(text.height, min_height(size))
        item_box = QRectF(left, y, box.right() - left, min(row, box.bottom() - y))
        fitted.append(FittedText(text, size, item_box, _place(text, item_box, Qt.AlignmentFlag.AlignTop)))
        y += row + gap(size)
    return tuple(fitted)
