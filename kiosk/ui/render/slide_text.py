"""Slide text laid out with ``QTextLayout``: paragraphs, bold and italic spans, bullet lists.

``QTextLayout`` is a plain value class, not a QObject, so laying out and measuring text in a
render thread creates no QObject and never touches Qt's signal lock (README, "Rendering off
the GUI thread"). ``QTextDocument``, which did this job before, is a QObject that connects
signals while it is built.

Content text is only ever set as plain characters (never HTML, never Qt's rich-text
detection): ``<img src=http://...>`` is drawn as those characters and can never load or
fetch anything.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QTextCharFormat, QTextLayout, QTextOption

from kiosk.core.markdown import Block, BulletList, MarkdownError, Paragraph, Span, parse_markdown
from kiosk.ui.render.fonts import make_font

ELLIPSIS = "\u2026"
#: Where a list item's text starts, in em: room for the disc marker and a space.
BULLET_INDENT = 1.1


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


@dataclass(frozen=True)
class TextParagraph:
    """One paragraph (or list item) to lay out: its spans, and the space after it in px."""

    spans: tuple[Span, ...]
    bullet: bool = False
    gap_after: float = 0.0

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


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


def paragraphs_of(blocks: Sequence[Block], style: TextStyle, pixel_size: int) -> tuple[TextParagraph, ...]:
    """The paragraphs to lay out, with their gaps: ``paragraph_gap`` after a paragraph or a
    list, ``item_gap`` between items, nothing after the last. A line break inside a span
    ("\\n") starts a new paragraph with no gap, as a text document would."""
    paragraph_gap = style.paragraph_gap * pixel_size
    item_gap = style.item_gap * pixel_size
    laid: list[TextParagraph] = []
    for index, block in enumerate(blocks):
        after = 0.0 if index == len(blocks) - 1 else paragraph_gap
        if isinstance(block, Paragraph):
            laid.extend(_split_lines(block.spans, bullet=False, gap_after=after))
        elif isinstance(block, BulletList):
            for item_index, item in enumerate(block.items):
                last_item = item_index == len(block.items) - 1
                laid.extend(_split_lines(item, bullet=True, gap_after=after if last_item else item_gap))
    return tuple(laid)


def _split_lines(spans: Sequence[Span], *, bullet: bool, gap_after: float) -> list[TextParagraph]:
    lines: list[list[Span]] = [[]]
    for span in spans:
        parts = span.text.replace("\r\n", "\n").split("\n")
        for number, part in enumerate(parts):
            if number:
                lines.append([])
            if part:
                lines[-1].append(Span(part, span.bold, span.italic))
    return [
        TextParagraph(tuple(line), bullet and number == 0, gap_after if number == len(lines) - 1 else 0.0)
        for number, line in enumerate(lines)
    ]


class LaidOutText:
    """Paragraphs laid out at one pixel size and width, from the top left at (0, 0).

    Lines step by the font's line spacing rounded up to whole pixels, so every line of a
    paragraph sits on whole-pixel rows and a slide renders to the same pixels every time.
    """

    def __init__(
        self, paragraphs: Sequence[TextParagraph], style: TextStyle, pixel_size: int, width: float, device: QImage
    ) -> None:
        self.paragraphs = tuple(paragraphs)
        self.style = style
        self.pixel_size = pixel_size
        self.width = width
        self._device = device
        self._layouts: list[QTextLayout] = []
        #: Each line: (paragraph index, QTextLine); lines are positioned in this text's coordinates.
        self._lines: list[tuple[int, object]] = []
        self._bullets: list[QRectF] = []
        base = make_font(style.family, pixel_size, bold=style.bold, italic=style.italic)
        metrics = QFontMetricsF(base, device)
        option = QTextOption(style.alignment)
        # A very long word (a web address, a long Spanish compound) breaks rather than
        # running past the box.
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        indent = pixel_size * BULLET_INDENT
        y = 0.0
        for number, paragraph in enumerate(self.paragraphs):
            left = indent if paragraph.bullet else 0.0
            layout = QTextLayout(paragraph.text, base, device)
            layout.setTextOption(option)
            layout.setFormats(self._formats(paragraph, pixel_size))
            layout.setCacheEnabled(True)
            top = bottom = y
            layout.beginLayout()
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(max(1.0, width - left))
                line.setPosition(QPointF(left, y))
                # A line's glyph box can be a pixel taller than its spacing (hinting rounds the
                # leading below zero): the paragraph ends below both.
                bottom = max(bottom, y + line.height())
                y += math.ceil(line.ascent() + line.descent() + line.leading())
                self._lines.append((number, line))
            layout.endLayout()
            y = max(y, bottom)
            self._layouts.append(layout)
            if paragraph.bullet:
                # A disc a third of the line spacing wide, a space's width left of the text,
                # centred on the first line's glyph box (as Qt's own list marker is drawn).
                size = metrics.lineSpacing() / 3
                space = metrics.horizontalAdvance(" ")
                self._bullets.append(QRectF(left - space - size, top + metrics.height() / 2 - size / 2, size, size))
            if number < len(self.paragraphs) - 1:
                y += paragraph.gap_after
        self._height = y

    def _formats(self, paragraph: TextParagraph, pixel_size: int) -> list[QTextLayout.FormatRange]:
        ranges: list[QTextLayout.FormatRange] = []
        start = 0
        for span in paragraph.spans:
            bold = self.style.bold or span.bold
            italic = self.style.italic or span.italic
            if (bold, italic) != (self.style.bold, self.style.italic) and span.text:
                fmt = QTextCharFormat()
                fmt.setFont(make_font(self.style.family, pixel_size, bold=bold, italic=italic))
                entry = QTextLayout.FormatRange()
                entry.start, entry.length, entry.format = start, len(span.text), fmt
                ranges.append(entry)
            start += len(span.text)
        return ranges

    # --- measuring -------------------------------------------------------------------------

    @property
    def height(self) -> float:
        return self._height

    @property
    def plain_text(self) -> str:
        """The text as laid out, paragraphs separated by "\\n"."""
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def character_count(self) -> int:
        """Characters including one separator per paragraph (a text document's count)."""
        return len(self.plain_text) + 1

    def is_empty(self) -> bool:
        return not self.plain_text

    @property
    def line_count(self) -> int:
        return len(self._lines)

    def lines_rect(self) -> QRectF:
        """The union of every laid-out line's glyph box (alignment included)."""
        rect = QRectF()
        for _paragraph, line in self._lines:
            line_rect = line.naturalTextRect()  # type: ignore[attr-defined]
            rect = line_rect if rect.isNull() else rect.united(line_rect)
        return rect

    def first_line(self) -> QRectF:
        """The first line's box (its full line height), or an empty rect when there is none."""
        if not self._lines:
            return QRectF()
        return self._lines[0][1].naturalTextRect()  # type: ignore[attr-defined]

    def natural_width(self) -> float:
        """The widest line, without wrapping further (lay out with a very wide ``width``)."""
        widths = [line.x() + line.naturalTextWidth() for _p, line in self._lines]  # type: ignore[attr-defined]
        return max(widths, default=0.0)

    def styled_runs(self) -> list[tuple[str, QFont]]:
        """The text of every run laid out in a face other than the style's, with its font."""
        return [
            (paragraph.text[entry.start : entry.start + entry.length], entry.format.font())
            for paragraph, layout in zip(self.paragraphs, self._layouts, strict=True)
            for entry in layout.formats()
        ]

    def end_of_last_line_within(self, height: float) -> int:
        """Offset in :attr:`plain_text` just after the last whole line above ``height``."""
        starts = self._paragraph_starts()
        cut = 0
        for number, line in self._lines:
            if line.y() + line.height() > height:  # type: ignore[attr-defined]
                return cut
            cut = starts[number] + line.textStart() + line.textLength()  # type: ignore[attr-defined]
        return cut

    def _paragraph_starts(self) -> list[int]:
        starts, offset = [], 0
        for paragraph in self.paragraphs:
            starts.append(offset)
            offset += len(paragraph.text) + 1
        return starts

    # --- changing ----------------------------------------------------------------------------

    def cut(self, length: int, suffix: str = "") -> LaidOutText:
        """The first ``length`` characters of :attr:`plain_text`, then ``suffix`` in the
        style of the character before it, laid out again at the same size and width."""
        if length <= 0 and not suffix:
            return LaidOutText((), self.style, self.pixel_size, self.width, self._device)
        kept: list[TextParagraph] = []
        left = length
        for paragraph in self.paragraphs:
            if left <= 0 and kept:
                break
            spans: list[Span] = []
            for span in paragraph.spans:
                if left <= 0:
                    break
                spans.append(Span(span.text[:left], span.bold, span.italic))
                left -= len(spans[-1].text)
            kept.append(TextParagraph(tuple(spans), paragraph.bullet, paragraph.gap_after))
            left -= 1  # the paragraph separator
        if suffix:
            if not kept:
                kept.append(TextParagraph(()))
            last = kept[-1]
            before = next((s for s in reversed(last.spans) if s.text), Span(""))
            kept[-1] = TextParagraph((*last.spans, Span(suffix, before.bold, before.italic)), last.bullet)
        elif len(kept) > 1 and not kept[-1].text:
            kept.pop()
        return LaidOutText(kept, self.style, self.pixel_size, self.width, self._device)

    # --- painting ----------------------------------------------------------------------------

    def draw(self, painter: QPainter, color: QColor) -> None:
        """Paint at the painter's origin (this text's top left) in ``color``."""
        painter.setPen(color)
        for layout in self._layouts:
            layout.draw(painter, QPointF(0, 0))
        if self._bullets:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            for rect in self._bullets:
                painter.drawEllipse(rect)
            painter.restore()


def lay_out_blocks(
    blocks: Sequence[Block], style: TextStyle, pixel_size: int, width: float, device: QImage
) -> LaidOutText:
    return LaidOutText(paragraphs_of(blocks, style, pixel_size), style, pixel_size, width, device)


def lay_out_spans(
    spans: Sequence[Span], style: TextStyle, pixel_size: int, width: float, device: QImage
) -> LaidOutText:
    return lay_out_blocks((Paragraph(tuple(spans)),), style, pixel_size, width, device)
