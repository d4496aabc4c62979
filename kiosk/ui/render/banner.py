"""The notices banner as a picture: one notice on a strip the width of the screen.

Drawn with the slide renderer's own parts (``QTextLayout`` text fitting and the painter), so a
banner is legible by the same rules as the slides: large bold text that shrinks to a minimum
before it wraps onto a second line (a third on an upright screen or in larger text), an icon
saying what kind of notice it is, and "1 / 2" when several take turns. Nothing here is a
QObject: banners may be drawn anywhere, the slideshow draws them on the GUI thread.

:func:`banner_height` is how much room a set of notices needs, so the banner never changes
height while they take turns, and the slide layout can keep exactly that room free.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage

from kiosk.core.model import Theme
from kiosk.core.notices.model import IMPORTANT
from kiosk.ui.render.fonts import load_family
from kiosk.ui.render.kinds.common import Palette
from kiosk.ui.render.layout import LARGE_TEXT_SCALE, Fill, Icon, SlideLayout, Text, TextSize, unit_of
from kiosk.ui.render.painting import paint
from kiosk.ui.render.slide_text import LaidOutText, TextStyle, lay_out_blocks, parse_text
from kiosk.ui.render.text_fit import fit_text

#: Banner text at one unit (1080p): larger than slide body text, it is read from across the room.
BANNER_TEXT = TextSize(50, 40)
#: The "1 / 2" of several notices.
POSITION_TEXT = 34
#: Lines a notice may take before its text shrinks further (landscape / upright or larger text).
LINES_LANDSCAPE = 2
LINES_TALL = 3
#: The banner never takes more than this share of the screen's height.
MOST_OF_SCREEN = 0.34
#: Padding above and below the text, in units.
PAD_UNITS = 22
#: High contrast: yellow on black, as the slides' high-contrast colours.
HIGH_CONTRAST = Theme(primary="#000000", accent="#ffe600", background="#000000", text="#ffffff")


@dataclass(frozen=True)
class BannerLook:
    """How a banner is drawn besides its text: the screen it spans, text size and colours."""

    screen: QSize
    theme: Theme
    large_text: bool = False
    high_contrast: bool = False
    #: The strip's width when it is narrower than the screen (a preview); 0: the screen's.
    width: int = 0

    @property
    def strip_width(self) -> int:
        return self.width or self.screen.width()

    @property
    def unit(self) -> float:
        return unit_of(self.screen)

    @property
    def portrait(self) -> bool:
        return self.screen.height() > self.screen.width()

    @property
    def scale(self) -> float:
        return LARGE_TEXT_SCALE if self.large_text else 1.0

    def text_px(self, units: float) -> int:
        return max(1, round(units * self.unit * self.scale))

    @property
    def text_range(self) -> tuple[int, int]:
        return self.text_px(BANNER_TEXT.largest), self.text_px(BANNER_TEXT.smallest)

    @property
    def max_lines(self) -> int:
        return LINES_TALL if self.portrait or self.large_text else LINES_LANDSCAPE

    @property
    def margin(self) -> float:
        return (72 if self.portrait else 96) * self.unit

    @property
    def pad(self) -> float:
        return PAD_UNITS * self.unit

    @property
    def icon_side(self) -> float:
        return 1.25 * self.text_range[1]

    @property
    def most(self) -> int:
        return round(self.screen.height() * MOST_OF_SCREEN)

    def text_box_width(self, several: bool) -> float:
        """The width the notice's text wraps in: between the icon and the "1 / 2"."""
        left = self.margin + self.icon_side + 28 * self.unit
        right = self.strip_width - self.margin
        if several:
            right -= self.position_width()
        return max(1.0, right - left)

    def position_width(self) -> float:
        # "10 / 10" at the position size, with a gap before it.
        return 4.2 * self.text_px(POSITION_TEXT) + 28 * self.unit


def _colours(level: str, look: BannerLook) -> tuple[QColor, QColor]:
    """(background, text) of a notice's banner: the header band's colours for information,
    the accent's for what is important; legible either way (contrast checked)."""
    if look.high_contrast:
        # Information white on black, important black on yellow.
        return (QColor("#ffe600"), QColor("#000000")) if level == IMPORTANT else (QColor("#000000"), QColor("#ffffff"))
    palette = Palette.from_theme(look.theme)
    if level == IMPORTANT:
        return palette.accent, palette.on_accent
    return palette.header, palette.on_header


def _style(colour: QColor, family: str) -> TextStyle:
    return TextStyle(family, colour, bold=True)


def _laid_out(text: str, px: int, width: float, family: str) -> LaidOutText:
    device = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
    return lay_out_blocks(parse_text(text, inline_only=True), _style(QColor("#000000"), family), px, width, device)


def needed_height(text: str, look: BannerLook, *, several: bool = False, family: str | None = None) -> int:
    """The banner height ``text`` needs: the largest size at which it takes at most
    ``look.max_lines`` lines (the smallest size, however many lines, past that), padded."""
    family = family or load_family()
    width = look.text_box_width(several)
    largest, smallest = look.text_range
    laid = None
    for px in _sizes(largest, smallest):
        laid = _laid_out(text, px, width, family)
        if laid.line_count <= look.max_lines:
            break
    assert laid is not None
    height = max(laid.height, look.icon_side, _position_height(look) if several else 0.0)
    return min(look.most, math.ceil(height + 2 * look.pad))


def banner_height(texts: Iterable[str], look: BannerLook) -> int:
    """Room for whichever of ``texts`` (the notices taking turns) needs most; 0 for none."""
    shown = [t for t in texts if t.strip()]
    if not shown:
        return 0
    family = load_family()
    return max(needed_height(text, look, several=len(shown) > 1, family=family) for text in shown)


def banner_layout(
    text: str, level: str, height: int, look: BannerLook, *, position: tuple[int, int] | None = None
) -> SlideLayout:
    """One notice on a strip ``look.screen`` wide and ``height`` tall: icon, text (as large as
    fits, centred in the height), and "1 / 2" when ``position`` is (index from 1, count)."""
    family = load_family()
    background, ink = _colours(level, look)
    size = QSize(look.strip_width, max(1, height))
    several = position is not None and position[1] > 1
    elements: list[Fill | Icon | Text] = [Fill(QRectF(0, 0, size.width(), size.height()), background)]
    side = look.icon_side
    icon = QRectF(look.margin, (size.height() - side) / 2, side, side)
    elements.append(Icon("caution" if level == IMPORTANT else "info", icon, ink, background))
    left = icon.right() + 28 * look.unit
    box = QRectF(left, look.pad, look.text_box_width(several), max(1.0, size.height() - 2 * look.pad))
    largest, smallest = look.text_range
    style = _style(ink, family)
    device = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
    blocks = parse_text(text, inline_only=True)
    fitted = fit_text(
        lambda px: lay_out_blocks(blocks, style, px, box.width(), device),
        box,
        largest,
        smallest,
        valign=Qt.AlignmentFlag.AlignVCenter,
    )
    elements.append(Text("notice", fitted, ink, background))
    if several and position is not None:
        label = f"{position[0]} / {position[1]}"
        px = look.text_px(POSITION_TEXT)
        right = size.width() - look.margin
        spot = QRectF(right - look.position_width(), 0, look.position_width(), size.height())
        placed = fit_text(
            lambda p: lay_out_blocks(
                parse_text(label, inline_only=True),
                TextStyle(family, ink, alignment=Qt.AlignmentFlag.AlignRight),
                p,
                spot.width(),
                device,
            ),
            spot,
            px,
            px,
            valign=Qt.AlignmentFlag.AlignVCenter,
        )
        elements.append(Text("position", placed, ink, background))
    return SlideLayout(size, background, tuple(elements))


def render_banner(
    text: str, level: str, height: int, look: BannerLook, *, position: tuple[int, int] | None = None
) -> QImage:
    return paint(banner_layout(text, level, height, look, position=position))


def _position_height(look: BannerLook) -> float:
    return 1.4 * look.text_px(POSITION_TEXT)


def _sizes(largest: int, smallest: int) -> list[int]:
    """Font sizes from ``largest`` down to ``smallest``, about 4% apart."""
    sizes: list[int] = []
    size = float(largest)
    while round(size) > smallest:
        if not sizes or round(size) != sizes[-1]:
            sizes.append(round(size))
        size *= 0.96
    sizes.append(smallest)
    return sizes
