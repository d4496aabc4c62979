"""News: a "News" badge with the date, headline, Markdown body and an optional picture."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt

from kiosk.core.model import NewsSlide
from kiosk.ui.render.kinds.common import LINE_SPACING, Context, _plain_width, centre_vertically, with_image
from kiosk.ui.render.kinds.strings import format_date, word
from kiosk.ui.render.layout import BODY, SMALL, Fill


def lay_out(ctx: Context, slide: NewsSlide) -> None:
    m, p = ctx.metrics, ctx.palette
    px = m.text_px(SMALL.largest)
    label = word("news", ctx.language).upper()

    def text(area: QRectF) -> None:
        start = len(ctx.elements)
        badge_height = LINE_SPACING * px + 0.3 * px
        badge_width = _plain_width(ctx, label, px) + 1.4 * px
        badge = QRectF(area.left(), area.top(), badge_width, badge_height)
        ctx.add(Fill(badge, p.accent, m.px(10)))
        ctx.plain(
            "badge",
            label,
            badge.adjusted(0.7 * px, 0, -0.7 * px, 0),
            SMALL,
            p.on_accent,
            p.accent,
            bold=True,
            align=Qt.AlignmentFlag.AlignHCenter,
            valign=Qt.AlignmentFlag.AlignVCenter,
        )
        date = format_date(slide.date, ctx.language)
        date_left = badge.right() + 0.6 * px
        date_box = QRectF(date_left, badge.top(), area.right() - date_left, badge_height)
        if _plain_width(ctx, date, px) > date_box.width():
            # A long date ("30 de septiembre de 2026" in larger text, portrait) goes under the
            # badge rather than losing its year.
            date_box = QRectF(area.left(), badge.bottom() + m.px(8), area.width(), badge_height)
        ctx.plain("date", date, date_box, SMALL, p.text, p.background, valign=Qt.AlignmentFlag.AlignVCenter)
        top = date_box.bottom() + m.px(28)
        title = ctx.headline(QRectF(area.left(), top, area.width(), area.bottom() - top))
        top = title.rect.bottom() + m.px(36)
        box = QRectF(area.left(), top, area.width(), area.bottom() - top)
        body = ctx.markdown("body", ctx.tr(slide.body), box, BODY, p.text, p.background)
        centre_vertically(ctx, start, area, body.rect.bottom())

    with_image(ctx, slide.image, text)
