"""Fitting text into a box: wrap, shrink step by step down to the legibility minimum, and
only then cut the last line with an ellipsis. Text never overflows its box."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QTextCursor, QTextDocument

ELLIPSIS = "\u2026"

#: Builds the document for one font pixel size, wrapped at the box width.
DocumentBuilder = Callable[[int], QTextDocument]


@dataclass(frozen=True)
class FittedText:
    document: QTextDocument
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
        return self.document.toPlainText()


def document_height(document: QTextDocument) -> float:
    return document.documentLayout().documentSize().height()


def lines_rect(document: QTextDocument) -> QRectF:
    """The union of every laid-out line, relative to the document's top left."""
    rect = QRectF()
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        origin = layout.position()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            line_rect = QRectF(origin.x() + line.x(), origin.y() + line.y(), line.naturalTextWidth(), line.height())
            rect = line_rect if rect.isNull() else rect.united(line_rect)
        block = block.next()
    return rect


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


def _place(document: QTextDocument, box: QRectF, valign: Qt.AlignmentFlag) -> QRectF:
    if document.isEmpty():
        return QRectF(box.left(), box.top(), 0, 0)
    lines = lines_rect(document)
    height = document_height(document)
    dy = 0.0
    if valign == Qt.AlignmentFlag.AlignVCenter:
        dy = max(0.0, (box.height() - height) / 2)
    elif valign == Qt.AlignmentFlag.AlignBottom:
        dy = max(0.0, box.height() - height)
    return lines.translated(box.left(), box.top() + dy)


def fit_text(
    build: DocumentBuilder,
    box: QRectF,
    largest: int,
    smallest: int,
    *,
    valign: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignTop,
) -> FittedText:
    """The largest size from ``largest`` down to ``smallest`` at which the text fits ``box``;
    if none does, the text at ``smallest`` cut to fit with a trailing ellipsis."""
    document = build(smallest)
    for size in _steps(largest, smallest):
        document = build(size)
        if document_height(document) <= box.height():
            return FittedText(document, size, box, _place(document, box, valign))
    length = document.characterCount()
    elide_to_height(document, box.height())
    hidden = max(1, length - document.characterCount() + 1)
    return FittedText(document, smallest, box, _place(document, box, valign), elided=True, hidden=hidden)


def elide_to_height(document: QTextDocument, height: float) -> None:
    """Cut ``document`` after its last line that fits ``height`` and end it with "…".

    Whole lines only: a glyph is never cut in half. If not even one line fits, the document
    is emptied (the caller gave the box too little room for any text).
    """
    cut = _end_of_last_fitting_line(document, height)
    cursor = QTextCursor(document)
    if cut <= 0:
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.removeSelectedText()
        return
    while cut > 0:
        cursor.setPosition(cut)
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        # Drop trailing spaces and a half word so "…" follows a clean break when it can.
        text = document.toPlainText()
        trimmed = text.rstrip(" \u2029\n,;:.")
        cursor.setPosition(len(trimmed))
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        end = QTextCursor(document)
        end.movePosition(QTextCursor.MoveOperation.End)
        end.insertText(ELLIPSIS, _format_before(document, end.position()))
        if document_height(document) <= height:
            return
        # The ellipsis wrapped to a new line: take back the last word (or character).
        text = document.toPlainText()[: -len(ELLIPSIS)]
        space = text.rstrip().rfind(" ")
        cut = space if space > len(text) - 20 and space > 0 else len(text) - 1


def _format_before(document: QTextDocument, position: int):  # -> QTextCharFormat
    cursor = QTextCursor(document)
    cursor.setPosition(max(0, position))
    return cursor.charFormat()


def _end_of_last_fitting_line(document: QTextDocument, height: float) -> int:
    cut = 0
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        top = layout.position().y()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            if top + line.y() + line.height() > height:
                return cut
            cut = block.position() + line.textStart() + line.textLength()
        block = block.next()
    return cut


@dataclass(frozen=True)
class FittedColumn:
    """Several texts stacked with gaps, all at one size (list items, steps)."""

    items: tuple[FittedText, ...]
    pixel_size: int
    box: QRectF
    elided: bool


def fit_column(
    builders: Sequence[Callable[[int, float], QTextDocument]],
    box: QRectF,
    largest: int,
    smallest: int,
    *,
    gap: Callable[[int], float],
    indent: Callable[[int], float] = lambda px: 0.0,
    min_height: Callable[[int], float] = lambda px: 0.0,
) -> FittedColumn:
    """Stack one document per builder (called with pixel size and width) top to bottom.

    ``indent`` leaves room at the left of each item (for a number badge or marker);
    ``min_height`` keeps each row at least that tall (so badges never overlap).
    Shrinks all items together; if they still do not fit at ``smallest``, the first item
    that overflows is cut with "…" and the ones after it are left out.
    """
    for size in _steps(largest, smallest):
        docs = [b(size, box.width() - indent(size)) for b in builders]
        heights = [max(document_height(d), min_height(size)) for d in docs]
        total = sum(heights) + gap(size) * max(0, len(docs) - 1)
        if total <= box.height():
            return FittedColumn(_stack(docs, box, size, indent, min_height, gap), size, box, False)
    size = smallest
    docs = [b(size, box.width() - indent(size)) for b in builders]
    kept: list[QTextDocument] = []
    y = 0.0
    characters = sum(d.characterCount() for d in docs)
    for doc in docs:
        room = box.height() - y
        row = max(document_height(doc), min_height(size))
        if row <= room:
            kept.append(doc)
            y += row + gap(size)
            continue
        elide_to_height(doc, room)
        if not doc.isEmpty():
            kept.append(doc)
        elif kept:
            # Nothing of this item fits: the one before it ends with "…" so the cut shows.
            elide_to_height(kept[-1], document_height(kept[-1]))
        break
    stacked = list(_stack(kept, box, size, indent, min_height, gap))
    if stacked:
        # The last item shown stands for everything cut or left out after it.
        last = stacked[-1]
        hidden = max(1, characters - sum(d.characterCount() for d in kept))
        stacked[-1] = FittedText(last.document, last.pixel_size, last.box, last.rect, elided=True, hidden=hidden)
    return FittedColumn(tuple(stacked), size, box, True)


def _stack(
    docs: Sequence[QTextDocument],
    box: QRectF,
    size: int,
    indent: Callable[[int], float],
    min_height: Callable[[int], float],
    gap: Callable[[int], float],
) -> tuple[FittedText, ...]:
    fitted: list[FittedText] = []
    y = box.top()
    left = box.left() + indent(size)
    for doc in docs:
        row = max(document_height(doc), min_height(size))
        item_box = QRectF(left, y, box.right() - left, min(row, box.bottom() - y))
        fitted.append(FittedText(doc, size, item_box, _place(doc, item_box, Qt.AlignmentFlag.AlignTop)))
        y += row + gap(size)
    return tuple(fitted)
