"""Slide text as a QTextDocument, built span by span with QTextCursor.

Content text is only ever inserted as plain text (never ``setHtml`` or Qt's rich-text
detection), so something like ``<img src=http://...>`` is drawn as those characters and can
never load or fetch anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextListFormat,
    QTextOption,
)

from kiosk.core.markdown import Block, BulletList, MarkdownError, Paragraph, Span, parse_markdown
from kiosk.ui.render.fonts import make_font

#: Line height as a percentage of the font's natural line spacing.
LINE_HEIGHT_PERCENT = 100.0


@dataclass(frozen=True)
class TextStyle:
    family: str
    color: QColor
    bold: bool = False
    italic: bool = False
    alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    #: Space after a paragraph or list, as a fraction of the font size.
    paragraph_gap: float = 0.55
    #: Space between list items, as a fraction of the font size.
    item_gap: float = 0.25


def parse_text(source: str, *, inline_only: bool) -> tuple[Block, ...]:
    """Markdown blocks for ``source``; text the parser rejects is shown literally.

    The loader already reported such text as an error, so this only happens for decks built
    in code; showing the characters beats dropping the slide.
    """
    try:
        return parse_markdown(source, inline_only=inline_only)
    except MarkdownError:
        paragraphs = [p.strip() for p in source.replace("\r\n", "\n").split("\n\n")]
        return tuple(Paragraph((Span(" ".join(p.split())),)) for p in paragraphs if p.strip())


def new_document(width: float, device: QImage) -> QTextDocument:
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    document.setDocumentMargin(0)
    # Lay out against an image like the one painted into, never the screen: the result
    # is the same on every machine and in every thread.
    document.documentLayout().setPaintDevice(device)
    option = QTextOption()
    # A very long word (a URL, a German-length Spanish compound) breaks rather than
    # running past the box.
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(option)
    document.setTextWidth(width)
    return document


def char_format(style: TextStyle, pixel_size: int, span: Span | None = None) -> QTextCharFormat:
    fmt = QTextCharFormat()
    bold = style.bold or (span is not None and span.bold)
    italic = style.italic or (span is not None and span.italic)
    fmt.setFont(make_font(style.family, pixel_size, bold=bold, italic=italic))
    fmt.setForeground(style.color)
    return fmt


def _block_format(style: TextStyle, bottom_margin: float) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setAlignment(style.alignment)
    fmt.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    fmt.setBottomMargin(bottom_margin)
    return fmt


def _insert_spans(cursor: QTextCursor, spans: Sequence[Span], style: TextStyle, pixel_size: int) -> None:
    for span in spans:
        # insertText with a format never interprets markup.
        cursor.insertText(span.text, char_format(style, pixel_size, span))


def document_from_blocks(
    blocks: Sequence[Block], style: TextStyle, pixel_size: int, width: float, device: QImage
) -> QTextDocument:
    document = new_document(width, device)
    cursor = QTextCursor(document)
    base = char_format(style, pixel_size)
    paragraph_gap = style.paragraph_gap * pixel_size
    item_gap = style.item_gap * pixel_size
    first = True
    for index, block in enumerate(blocks):
        last_block = index == len(blocks) - 1
        if isinstance(block, Paragraph):
            fmt = _block_format(style, 0 if last_block else paragraph_gap)
            if first:
                cursor.setBlockFormat(fmt)
                cursor.setBlockCharFormat(base)
            else:
                cursor.insertBlock(fmt, base)
            _insert_spans(cursor, block.spans, style, pixel_size)
            first = False
        elif isinstance(block, BulletList):
            list_format = QTextListFormat()
            list_format.setStyle(QTextListFormat.Style.ListDisc)
            list_format.setIndent(1)
            text_list = None
            for item_index, item in enumerate(block.items):
                last_item = item_index == len(block.items) - 1
                gap = (0 if last_block else paragraph_gap) if last_item else item_gap
                fmt = _block_format(style, gap)
                if first:
                    cursor.setBlockFormat(fmt)
                    cursor.setBlockCharFormat(base)
                else:
                    cursor.insertBlock(fmt, base)
                first = False
                if text_list is None:
                    text_list = cursor.createList(list_format)
                else:
                    text_list.add(cursor.block())
                _insert_spans(cursor, item, style, pixel_size)
    # The list marker is drawn with the block's char format; an indent of one "tab" is
    # far too wide at these font sizes.
    document.setIndentWidth(pixel_size * 1.1)
    return document


def document_from_spans(
    spans: Sequence[Span], style: TextStyle, pixel_size: int, width: float, device: QImage
) -> QTextDocument:
    return document_from_blocks((Paragraph(tuple(spans)),), style, pixel_size, width, device)
