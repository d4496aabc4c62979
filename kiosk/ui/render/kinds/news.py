"""News: a "News" badge with the date, headline, Markdown body and an optional picture."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt

from kiosk.core.model import NewsSlide
from kiosk.ui.render.kinds.common import (
    LINE_SPACING,
    Context,
    centre_vertically,
    place_image,
    split_for_image,
    _plain_width,
)
from kiosk.ui.render.kinds.strings import format_date, word
from kiosk.ui.render.layout import BODY, SMALL, Fill


def lay_out(ctx: Context, slide: NewsSlide) -> None:
    m, p = ctx.metrics, ctx.palette
    text_area, image_area = split_for_image(ctx, slide.image)
    if slide.image is not None and image_area is not None:
        place_image(ctx, slide.image, image_area)
    if slide.image is None and not m.portrait:
        width = min(text_area.width(), m.px(1500))
        text_area = QRectF(text_area.left(), text_area.top(), width, text_area.height())
    start = len(ctx.elements)
    px = m.text_px(SMALL.largest)
    label = word("news", ctx.language).upper()
    badge_height = LINE_SPACING * px + 0.3 * px
    badge_width = _plain_width(ctx, label, px) + 1.4 * px
    badge = QRectF(text_area.left(), text_area.top(), badge_width, badge_height)
    ctx.add(Fill(badge, p.accent, m.px(10)))
    ctx.plain("badge", label, badge.adjusted(0.7 * px, 0, -0.7 * px, 0), SMALL, p.on_accent, p.accent,
              bold=True, align=Qt.AlignmentFlag.AlignHCenter, valign=Qt.AlignmentFlag.AlignVCenter)
    date_box = QRectF(badge.right() + 0.6 * px, badge.top(), text_area.right() - badge.right() - 0.6 * px, badge_height)
    ctx.plain("date", format_date(slide.date, ctx.language), date_box, SMALL, p.text, p.background,
              valign=Qt.AlignmentFlag.AlignVCenter)
    top = badge.bottom() + m.px(28)
    title = ctx.headline(QRectF(text_area.left(), top, text_area.width(), text_area.bottom() - top))
    top = title.rect.bottom() + m.px(36)
    box = QRectF(text_area.left(), top, text_area.width(), text_area.bottom() - top)
    body = ctx.markdown("body", ctx.tr(slide.body), box, BODY, p.text, p.background)
    centre_vertically(ctx, start, text_area, body.rect.bottom())
