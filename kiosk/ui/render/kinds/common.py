"""What every slide kind shares: colours, the header band, text and image placement."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QImage

from kiosk.core.markdown import Block, Paragraph, Span
from kiosk.core.model import Deck, ImageRef, Slide, Theme
from kiosk.core.text import LocalizedText
from kiosk.ui.render import images
from kiosk.ui.render.contrast import WHITE, legible_on, mix
from kiosk.ui.render.layout import (
    HEADLINE,
    SMALL,
    Element,
    Fill,
    Icon,
    Metrics,
    Picture,
    Text,
    TextSize,
)
from kiosk.ui.render.slide_text import TextStyle, lay_out_blocks, lay_out_spans, parse_text
from kiosk.ui.render.text_fit import FittedColumn, fit_column, fit_text

#: Noto Sans's line spacing (1.36 em, rounded up per line); sizes boxes before text is laid out.
LINE_SPACING = 1.4


@dataclass(frozen=True)
class Palette:
    """Theme colours resolved so that every text colour is legible on its background."""

    background: QColor
    text: QColor
    headline: QColor
    header: QColor
    on_header: QColor
    topic: QColor
    on_topic: QColor
    accent: QColor
    on_accent: QColor
    brand: QColor  # icons, markers, number badges
    on_brand: QColor
    card: QColor
    chip: QColor
    on_chip: QColor
    caution: QColor
    on_caution: QColor
    caution_icon: QColor

    @classmethod
    def from_theme(cls, theme: Theme) -> Palette:
        background = QColor(theme.background)
        primary = QColor(theme.primary)
        accent = QColor(theme.accent)
        ink = QColor(theme.text)
        text = legible_on(background, [ink])
        # Brand marks sit on the background; if the primary colour is too pale for that,
        # the text colour takes its place so badges stay visible.
        brand = primary if _distinct(primary, background) else text
        topic = mix(primary, WHITE, 0.16)
        card = mix(background, primary, 0.06)
        chip = mix(background, primary, 0.12)
        caution = mix(background, accent, 0.18)
        return cls(
            background=background,
            text=text,
            headline=legible_on(background, [primary, ink]),
            header=primary,
            on_header=legible_on(primary, [WHITE, background, ink]),
            topic=topic,
            on_topic=legible_on(topic, [WHITE, background, ink]),
            accent=accent,
            on_accent=legible_on(accent, [ink, WHITE]),
            brand=brand,
            on_brand=legible_on(brand, [WHITE, background, ink]),
            card=card,
            chip=chip,
            on_chip=legible_on(chip, [primary, ink]),
            caution=caution,
            on_caution=legible_on(caution, [ink]),
            caution_icon=accent if _distinct(accent, caution) else legible_on(caution, [ink]),
        )


def _distinct(color: QColor, background: QColor) -> bool:
    # WCAG's 3:1 for graphics: a mark the eye can still pick out.
    from kiosk.ui.render.contrast import contrast_ratio

    return contrast_ratio(color, background) >= 3.0


class Context:
    """One render in progress: the slide, its sizes and colours, and the elements so far."""

    def __init__(
        self,
        deck: Deck,
        slide: Slide,
        metrics: Metrics,
        language: str,
        family: str,
        rasterize_vector: images.VectorRasterizer,
        theme: Theme | None = None,
        *,
        at: datetime | None = None,
    ) -> None:
        self.deck = deck
        #: The moment the slide shows (None: unknown; time-dependent lines are left out).
        self.at = at
        self.slide = slide
        self.metrics = metrics
        self.language = language
        self.family = family
        self.palette = Palette.from_theme(theme if theme is not None else deck.clinic.theme)
        # Text is laid out against an image like the output, never the screen.
        self.device = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
        self.elements: list[Element] = []
        self.rasterize_vector = rasterize_vector
        #: Each image read once per render, however many arrangements are tried.
        self._sources: dict[Path, images.SourceImage] = {}
        #: Set when the body needs the room: the headline is set at its smallest size.
        self.compact_headline = False
        #: Set while text is laid out under a picture (portrait), which centres the two together.
        self.picture_above = False

    # --- helpers -------------------------------------------------------------------------

    def tr(self, text: LocalizedText | None) -> str:
        return text.get(self.language) if text is not None else ""

    def add(self, element: Element) -> None:
        self.elements.append(element)

    def shift(self, start: int, dy: float, bottom: float | None = None) -> None:
        """Move the elements added since index ``start`` down by ``dy``; text boxes are cut
        off at ``bottom`` (the text itself was checked to end above it)."""
        for i in range(start, len(self.elements)):
            self.elements[i] = translated(self.elements[i], dy, bottom)

    def style(
        self, color: QColor, *, bold: bool = False, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    ) -> TextStyle:
        return TextStyle(self.family, color, bold=bold, alignment=align)

    def text(
        self,
        role: str,
        blocks: Sequence[Block],
        box: QRectF,
        size: TextSize,
        color: QColor,
        background: QColor,
        *,
        bold: bool = False,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        valign: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignTop,
    ) -> Text:
        style = self.style(color, bold=bold, align=align)
        largest, smallest = self.metrics.text_range(size)
        fitted = fit_text(
            lambda px: lay_out_blocks(blocks, style, px, box.width(), self.device),
            box,
            largest,
            smallest,
            valign=valign,
        )
        element = Text(role, fitted, color, background)
        self.add(element)
        return element

    def label(self, role: str, text: str, box: QRectF, pixel_size: int, color: QColor, background: QColor) -> Text:
        """A short bold label centred in ``box`` at exactly ``pixel_size`` (not added)."""
        style = self.style(color, bold=True, align=Qt.AlignmentFlag.AlignHCenter)
        fitted = fit_text(
            lambda px: lay_out_blocks((Paragraph((Span(text),)),), style, px, box.width(), self.device),
            box,
            pixel_size,
            pixel_size,
            valign=Qt.AlignmentFlag.AlignVCenter,
        )
        return Text(role, fitted, color, background)

    def plain(
        self,
        role: str,
        text: str,
        box: QRectF,
        size: TextSize,
        color: QColor,
        background: QColor,
        *,
        bold: bool = False,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        valign: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignTop,
    ) -> Text:
        blocks = (Paragraph((Span(text),)),)
        return self.text(role, blocks, box, size, color, background, bold=bold, align=align, valign=valign)

    def markdown(
        self,
        role: str,
        source: str,
        box: QRectF,
        size: TextSize,
        color: QColor,
        background: QColor,
        *,
        inline: bool = False,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> Text:
        return self.text(role, parse_text(source, inline_only=inline), box, size, color, background, align=align)

    def column(
        self,
        role: str,
        items: Sequence[str],
        box: QRectF,
        size: TextSize,
        color: QColor,
        background: QColor,
        *,
        indent: float,
        gap: float,
        min_height: float = 0.0,
    ) -> FittedColumn:
        """Short inline-Markdown texts stacked at one size; ``indent``, ``gap`` and
        ``min_height`` are in em of the chosen size."""
        style = self.style(color)
        largest, smallest = self.metrics.text_range(size)
        spans = [_spans(parse_text(item, inline_only=True)) for item in items]

        def builder(item: tuple[Span, ...]):
            return lambda px, width: lay_out_spans(item, style, px, width, self.device)

        fitted = fit_column(
            [builder(s) for s in spans],
            box,
            largest,
            smallest,
            gap=lambda px: gap * px,
            indent=lambda px: indent * px,
            min_height=lambda px: min_height * px,
        )
        for item in fitted.items:
            self.add(Text(role, item, color, background))
        return fitted

    def headline(self, box: QRectF, *, max_lines: int = 3) -> Text:
        """The slide title, at most ``max_lines`` lines tall, in a box that shrinks to it."""
        size = TextSize(HEADLINE.smallest, HEADLINE.smallest) if self.compact_headline else HEADLINE
        largest, _ = self.metrics.text_range(size)
        height = min(box.height(), max_lines * LINE_SPACING * largest)
        return self.plain(
            "headline",
            self.tr(self.slide.title),
            QRectF(box.left(), box.top(), box.width(), height),
            size,
            self.palette.headline,
            self.palette.background,
            bold=True,
        )

    def picture(self, ref: ImageRef, area: QRectF, *, radius_units: float = 24) -> QRectF:
        """Decode ``ref`` at the size it is shown, centred in ``area``; returns its rect."""
        rect = images.fit_inside(self.natural_size(ref), area)
        rect = QRectF(round(rect.left()), round(rect.top()), round(rect.width()), round(rect.height()))
        if rect.width() < 1 or rect.height() < 1:
            return rect
        radius = 0.0 if ref.is_vector else self.metrics.px(radius_units)
        self.add(Picture(rect, QImage(), radius, ref.rel, pending=self.source(ref)))
        return rect

    def source(self, ref: ImageRef) -> images.SourceImage:
        found = self._sources.get(ref.path)
        if found is None:
            found = self._sources[ref.path] = images.read_image(ref)
        return found

    def natural_size(self, ref: ImageRef) -> QSizeF:
        return self.source(ref).size

    def decoded(self, element: Element) -> Element:
        """``element`` with its picture decoded at its final size (others as they are)."""
        if isinstance(element, Picture) and element.pending is not None:
            image = images.decode(element.pending, element.rect, self.rasterize_vector)
            return replace(element, image=image, pending=None)
        return element

    # --- the header band -------------------------------------------------------------------

    def header(self) -> None:
        """The brand band: logo, clinic name and the slide's topic as a chip. When name and
        chip do not fit side by side (portrait, large text) the chip moves to a second row
        and the band grows, so neither is ever cut."""
        m, p = self.metrics, self.palette
        px = m.text_px(SMALL.largest)
        topic = self.deck.clinic.topic(self.slide.topic)
        title = self.tr(topic.title) if topic is not None else ""
        chip_height = LINE_SPACING * px + 0.3 * px
        chip_width = (_plain_width(self, title, px) + 1.3 * px) if title else 0.0
        logo = self.deck.clinic.logo
        logo_area = QRectF(m.margin, m.px(24), m.px(220), m.header.height() - m.px(48))
        logo_rect = images.fit_inside(self.natural_size(logo), logo_area) if logo is not None else None
        left = m.margin + (logo_rect.width() + m.px(28) if logo_rect is not None else 0.0)
        right = m.size.width() - m.margin
        name_width = _plain_width(self, self.deck.clinic.name, px)
        if title and left + name_width + m.px(32) + chip_width > right:
            self.metrics = m = replace(m, header_rows=2)
        band = m.header
        row = QRectF(0, 0, band.width(), m.header_row_height)
        self.add(Fill(band, p.header))
        if logo is not None and logo_rect is not None:
            logo_rect.moveLeft(m.margin)
            logo_rect.moveTop(row.center().y() - logo_rect.height() / 2)
            self.picture(logo, logo_rect, radius_units=0)
        if title:
            if m.header_rows == 1:
                chip = QRectF(right - chip_width, row.center().y() - chip_height / 2, chip_width, chip_height)
            else:
                second = row.translated(0, row.height())
                chip_top = second.top() + (band.bottom() - second.top() - chip_height) / 2
                chip = QRectF(m.margin, chip_top, min(chip_width, right - m.margin), chip_height)
            self.add(Fill(chip, p.topic, chip_height / 2))
            inner = chip.adjusted(0.65 * px, 0, -0.65 * px, 0)
            self.plain(
                "topic",
                title,
                inner,
                SMALL,
                p.on_topic,
                p.topic,
                bold=True,
                align=Qt.AlignmentFlag.AlignHCenter,
                valign=Qt.AlignmentFlag.AlignVCenter,
            )
            if m.header_rows == 1:
                right = chip.left() - m.px(32)
        name_box = QRectF(left, row.top(), max(1.0, right - left), row.height())
        self.plain(
            "clinic",
            self.deck.clinic.name,
            name_box,
            SMALL,
            p.on_header,
            p.header,
            bold=True,
            valign=Qt.AlignmentFlag.AlignVCenter,
        )

    def footer(self) -> None:
        # Painted with the slide background (the player draws progress on top).
        self.add(Fill(self.metrics.footer, self.palette.background))


def _spans(blocks: Sequence[Block]) -> tuple[Span, ...]:
    spans: list[Span] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            spans.extend(block.spans)
        else:
            for item in block.items:
                spans.extend(item)
    return tuple(spans)


def _plain_width(ctx: Context, text: str, pixel_size: int) -> float:
    style = ctx.style(ctx.palette.text, bold=True)
    laid = lay_out_spans((Span(text),), style, pixel_size, 100000, ctx.device)
    # Rounded up with a pixel to spare: a chip exactly as wide as its text can come out a
    # hair narrower after the fractional unit (120.99999 < 121) and wrap into "About…".
    return math.ceil(laid.natural_width()) + 1.0


def translated(element: Element, dy: float, bottom: float | None = None) -> Element:
    if isinstance(element, Text):
        fitted = element.fitted
        box = fitted.box.translated(0, dy)
        rect = fitted.rect.translated(0, dy)
        if bottom is not None and box.bottom() > bottom:
            box.setBottom(max(bottom, rect.bottom()))
        moved = replace(fitted, box=box, rect=rect)
        return replace(element, fitted=moved)
    if isinstance(element, (Fill, Picture, Icon)):
        return replace(element, rect=element.rect.translated(0, dy))
    return element


def split_for_image(ctx: Context, ref: ImageRef | None, share: float) -> tuple[QRectF, QRectF | None]:
    """Text area and image area: the image takes ``share`` of the width on the right in
    landscape, or of the height above the text in portrait."""
    m = ctx.metrics
    content = m.content
    if ref is None:
        if not m.portrait:
            # A full-width line of text is too long to read comfortably. The limit is about a
            # line length in characters, so larger text gets a wider column.
            measure = m.px(1500) * m.text_scale
            return QRectF(content.left(), content.top(), min(content.width(), measure), content.height()), None
        return content, None
    if m.portrait:
        natural = ctx.natural_size(ref)
        area = QRectF(content.left(), content.top(), content.width(), content.height() * share)
        shown = images.fit_inside(natural, area)
        text_top = area.top() + shown.height() + m.gutter
        return QRectF(content.left(), text_top, content.width(), content.bottom() - text_top), area
    image_width = content.width() * share
    area = QRectF(content.right() - image_width, content.top(), image_width, content.height())
    text = QRectF(content.left(), content.top(), content.width() - image_width - m.gutter, content.height())
    return text, area


def with_image(ctx: Context, ref: ImageRef | None, lay_out_text: Callable[[QRectF], None]) -> None:
    """Lay out text beside (landscape) or below (portrait) an optional picture, giving the
    picture less room when the text would otherwise be cut."""
    if ref is None:
        attempts(ctx, lambda share: lay_out_text(split_for_image(ctx, None, share)[0]), (0,))
        return

    def attempt(share: float) -> None:
        if share == 0:
            lay_out_text(split_for_image(ctx, None, 0)[0])
            return
        text_area, image_area = split_for_image(ctx, ref, share)
        assert image_area is not None
        start = len(ctx.elements)
        place_image(ctx, ref, image_area)
        ctx.picture_above = ctx.metrics.portrait
        lay_out_text(text_area)
        ctx.picture_above = False
        if ctx.metrics.portrait:
            # Picture and text as one group, centred in the height they leave free.
            bottom = max(e.rect.bottom() for e in ctx.elements[start:])
            spare = text_area.bottom() - bottom
            if spare > 0:
                ctx.shift(start, spare / 2, text_area.bottom())

    shares: tuple[float, ...] = (0.36, 0.28, 0.2) if ctx.metrics.portrait else (0.42, 0.34, 0.26)
    if ctx.metrics.large_text:
        # A patient who asked for large text needs the words more than the picture.
        shares += (0.0,)
    attempts(ctx, attempt, shares)


def place_image(ctx: Context, ref: ImageRef, area: QRectF) -> QRectF:
    """The image in ``area``: at the top in portrait, vertically centred in landscape."""
    shown = images.fit_inside(ctx.natural_size(ref), area)
    if ctx.metrics.portrait:
        shown.moveTop(area.top())
    return ctx.picture(ref, shown)


def centre_vertically(ctx: Context, start: int, area: QRectF, used_bottom: float) -> None:
    """Centre what was added since ``start`` in ``area`` (text under a picture is centred
    together with the picture instead)."""
    if ctx.picture_above:
        return
    spare = area.bottom() - used_bottom
    if spare > 0:
        ctx.shift(start, spare / 2, area.bottom())


def attempts(ctx: Context, lay_out: Callable[[float], None], shares: Sequence[float]) -> None:
    """Lay out with each picture share in turn until no text had to be cut: a long text
    takes room from the picture, then from the headline (set at its smallest size),
    rather than losing words. If every try cuts something, the one that hid the fewest
    characters is kept."""
    start = len(ctx.elements)
    tries = [(compact, share) for compact in (False, True) for share in shares]
    cut_counts: list[int] = []
    for compact, share in tries:
        del ctx.elements[start:]
        ctx.compact_headline = compact
        lay_out(share)
        cut = sum(e.fitted.hidden for e in ctx.elements[start:] if isinstance(e, Text) and e.fitted.elided)
        if cut == 0:
            return
        cut_counts.append(cut)
    best = cut_counts.index(min(cut_counts))
    if best != len(tries) - 1:
        del ctx.elements[start:]
        ctx.compact_headline, share = tries[best]
        lay_out(share)
