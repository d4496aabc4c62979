"""Geometry shared by every slide kind, and the layout result tests inspect.

Every length derives from the image size: one *unit* is the short side divided by 1080, so a
1920x1080 landscape, a 1080x1920 portrait and a 3840x2160 screen get the same proportions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QRectF, QSize
from PySide6.QtGui import QColor, QImage

from kiosk.ui.render.text_fit import FittedText

if TYPE_CHECKING:
    from kiosk.ui.render.images import SourceImage

#: Short side, in pixels, at which one unit is one pixel.
REFERENCE_SHORT_SIDE = 1080
#: Text sizes are multiplied by this when a patient asks for large text.
LARGE_TEXT_SCALE = 1.4
#: Height of the strip kept for the player's progress indicator.
FOOTER_UNITS = 88


@dataclass(frozen=True)
class TextSize:
    """Font pixel sizes at one unit: the renderer shrinks from ``largest`` to ``smallest``."""

    largest: float
    smallest: float


# At 1920x1080 and read from about three metres: headlines >= 64 px and body >= 36 px.
HEADLINE = TextSize(84, 64)
BODY = TextSize(46, 36)
LIST_ITEM = TextSize(46, 36)
CAUTION = TextSize(40, 36)
SMALL = TextSize(36, 36)  # header, chips, dates, captions: never below the body minimum
PHONE = TextSize(96, 64)


def unit_of(size: QSize) -> float:
    return min(size.width(), size.height()) / REFERENCE_SHORT_SIDE


def footer_height(size: QSize) -> int:
    return round(FOOTER_UNITS * unit_of(size))


def footer_rect(size: QSize) -> QRect:
    """The strip along the bottom the renderer leaves empty (painted with the slide's
    background) for the player's progress indicator."""
    height = footer_height(size)
    return QRect(0, size.height() - height, size.width(), height)


def banner_rect(size: QSize, height: int) -> QRect:
    """Where the notices banner goes on a slide rendered with ``height`` pixels kept for it:
    right above the footer, the whole width. The renderer leaves it empty (slide
    background); the slideshow draws the banner there (kiosk/ui/notices)."""
    footer = footer_rect(size)
    return QRect(0, footer.top() - height, size.width(), height)


@dataclass(frozen=True)
class Metrics:
    """Sizes for one render, all in output pixels."""

    size: QSize
    large_text: bool = False
    #: 2 when the clinic name and the topic chip need a row each (narrow screens, large text).
    header_rows: int = 1
    #: The area the slide is seen in, when the image is taller than it and scrolls (large
    #: text in the topic browser). Text sizes and the orientation follow what the patient
    #: sees, so growing the image gives the text room instead of enlarging everything.
    view: QSize | None = None
    #: Pixels kept free above the footer for the notices banner (0: no banner).
    banner: int = 0
    #: Everything but the footer and the banner at this fraction of its size (a slide that
    #: makes room for the banner without cutting text).
    scale: float = 1.0

    @property
    def frame_unit(self) -> float:
        """The unit of what the slideshow itself draws (footer, banner): never scaled."""
        return unit_of(self.view if self.view is not None else self.size)

    @property
    def unit(self) -> float:
        return self.frame_unit * self.scale

    @property
    def portrait(self) -> bool:
        seen = self.view if self.view is not None else self.size
        return seen.height() > seen.width()

    @property
    def text_scale(self) -> float:
        return LARGE_TEXT_SCALE if self.large_text else 1.0

    def px(self, units: float) -> float:
        return units * self.unit

    def text_px(self, units: float) -> int:
        return max(1, round(units * self.unit * self.text_scale))

    def text_range(self, size: TextSize) -> tuple[int, int]:
        return self.text_px(size.largest), self.text_px(size.smallest)

    @property
    def margin(self) -> float:
        return self.px(72 if self.portrait else 96)

    @property
    def gutter(self) -> float:
        return self.px(64)

    @property
    def header_row_height(self) -> float:
        return max(self.px(104), 1.4 * self.text_px(SMALL.largest) + self.px(34))

    @property
    def header(self) -> QRectF:
        height = self.header_row_height
        if self.header_rows > 1:
            height += 1.4 * self.text_px(SMALL.largest) + self.px(24)
        return QRectF(0, 0, self.size.width(), height)

    @property
    def footer(self) -> QRectF:
        height = round(FOOTER_UNITS * self.frame_unit)
        return QRectF(0, self.size.height() - height, self.size.width(), height)

    @property
    def banner_area(self) -> QRectF:
        """The strip kept for the notices banner (empty when there is none)."""
        return QRectF(0, self.footer.top() - self.banner, self.size.width(), self.banner)

    @property
    def content(self) -> QRectF:
        """Where slide content goes: inside the margins, between header and footer (and above
        the notices banner, with a gap, when one is kept free)."""
        top = self.header.bottom() + self.px(44)
        bottom = self.footer.top() - self.px(16)
        if self.banner > 0:
            bottom = self.banner_area.top() - 28 * self.frame_unit
        return QRectF(self.margin, top, self.size.width() - 2 * self.margin, bottom - top)


# --- what a layout is made of, in paint order -------------------------------------------


@dataclass(frozen=True)
class Fill:
    rect: QRectF
    color: QColor
    radius: float = 0.0
    ellipse: bool = False


@dataclass(frozen=True)
class Picture:
    rect: QRectF
    #: Decoded at ``rect``'s size once the layout is final (null until then).
    image: QImage
    radius: float = 0.0
    source: str = ""
    #: The image still to decode; laying out tries several arrangements, and only the
    #: chosen one's pictures are decoded.
    pending: SourceImage | None = None


@dataclass(frozen=True)
class Icon:
    name: str  # see kiosk.ui.render.icons.ICONS
    rect: QRectF
    color: QColor
    detail: QColor = field(default_factory=lambda: QColor("#ffffff"))


@dataclass(frozen=True)
class Text:
    role: str
    fitted: FittedText
    color: QColor
    #: The opaque colour actually behind the text (what contrast is measured against).
    background: QColor

    @property
    def box(self) -> QRectF:
        return self.fitted.box

    @property
    def rect(self) -> QRectF:
        return self.fitted.rect

    @property
    def pixel_size(self) -> int:
        return self.fitted.pixel_size


Element = Fill | Picture | Icon | Text


@dataclass(frozen=True)
class SlideLayout:
    size: QSize
    background: QColor
    elements: tuple[Element, ...]

    @property
    def texts(self) -> tuple[Text, ...]:
        return tuple(e for e in self.elements if isinstance(e, Text))

    def texts_with_role(self, role: str) -> tuple[Text, ...]:
        return tuple(t for t in self.texts if t.role == role)

    @property
    def pictures(self) -> tuple[Picture, ...]:
        return tuple(e for e in self.elements if isinstance(e, Picture))
