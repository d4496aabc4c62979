"""Contact: how to reach the clinic - phone (big), address, opening hours - and a large QR
code a patient can scan from their seat."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt

from kiosk.core.model import Clinic, ContactSlide, OpeningHours
from kiosk.core.opening import opening_now, today_line
from kiosk.ui.render import images
from kiosk.ui.render.contrast import WHITE, legible_on
from kiosk.ui.render.kinds.common import LINE_SPACING, Context, attempts
from kiosk.ui.render.kinds.strings import format_time, weekday, word
from kiosk.ui.render.layout import BODY, PHONE, SMALL, Fill, Icon, Picture, TextSize
from kiosk.ui.render.qr import qr_image
from kiosk.ui.render.slide_text import parse_text

EN_DASH = "\u2013"


def opening_hours_lines(clinic: Clinic, language: str) -> list[str]:
    """ "Mon–Fri 8:00 AM–6:00 PM" lines; consecutive days with equal hours are grouped."""
    days = sorted(clinic.opening_hours, key=lambda h: h.weekday)
    groups: list[list[OpeningHours]] = []
    for day in days:
        if groups and groups[-1][-1].weekday == day.weekday - 1 and groups[-1][-1].windows == day.windows:
            groups[-1].append(day)
        else:
            groups.append([day])
    lines = []
    for group in groups:
        first, last = group[0].weekday, group[-1].weekday
        label = weekday(first, language)
        if last != first:
            joiner = EN_DASH if last - first > 1 else ", "
            label += joiner + weekday(last, language)
        if group[0].windows:
            hours = ", ".join(
                f"{format_time(w.start, language)}{EN_DASH}{format_time(w.end, language)}" for w in group[0].windows
            )
        else:
            hours = word("closed", language)
        lines.append(f"{label}\u2002{hours}")
    return lines


def lay_out(ctx: Context, slide: ContactSlide) -> None:
    attempts(ctx, lambda _share: _lay_out(ctx, slide), (0.0,))


def _lay_out(ctx: Context, slide: ContactSlide) -> None:
    m, p = ctx.metrics, ctx.palette
    clinic = ctx.deck.clinic
    content = m.content
    caption = ctx.tr(slide.qr_caption)
    small_px = m.text_px(SMALL.largest)
    pad = m.px(32)
    caption_height = (3 * LINE_SPACING * small_px + pad) if caption else 0.0

    card_colour = WHITE
    caption_colour = legible_on(card_colour, [p.text])
    if m.portrait:
        # A full-width card along the bottom: the code on the left, the caption beside it.
        side = min(content.width() * 0.46, content.height() * 0.26)
        qr_card = QRectF(content.left(), content.bottom() - side, content.width(), side)
        text_area = QRectF(content.left(), content.top(), content.width(), qr_card.top() - m.gutter - content.top())
        code_area = QRectF(qr_card.left(), qr_card.top(), side, side)
        caption_box = QRectF(
            code_area.right(), qr_card.top() + pad, qr_card.right() - pad - code_area.right(), side - 2 * pad
        )
        caption_align = Qt.AlignmentFlag.AlignLeft
    else:
        # A card on the right: the code with the caption centred under it.
        side = min(content.height() - caption_height, content.width() * 0.28)
        qr_card = QRectF(
            content.right() - side,
            content.top() + (content.height() - side - caption_height) / 2,
            side,
            side + caption_height,
        )
        text_area = QRectF(content.left(), content.top(), content.width() - side - 1.5 * m.gutter, content.height())
        code_area = QRectF(qr_card.left(), qr_card.top(), side, side)
        caption_box = QRectF(
            qr_card.left() + pad, qr_card.top() + side, qr_card.width() - 2 * pad, caption_height - pad / 2
        )
        caption_align = Qt.AlignmentFlag.AlignHCenter

    # The white card is the code's quiet zone; whole pixels per module keep it sharp.
    ctx.add(Fill(qr_card, card_colour, m.px(28)))
    # A little smaller than the card so the square code stays clear of its rounded corners.
    code = qr_image(slide.qr, int(side - m.px(32)))
    left = round(code_area.center().x() - code.width() / 2)
    code_top = round(code_area.center().y() - code.height() / 2)
    ctx.add(Picture(QRectF(left, code_top, code.width(), code.height()), code, 0.0, "qr"))
    if caption:
        ctx.text(
            "caption",
            parse_text(caption, inline_only=True),
            caption_box,
            BODY if m.portrait else SMALL,
            caption_colour,
            card_colour,
            align=caption_align,
            valign=Qt.AlignmentFlag.AlignVCenter,
        )

    start = len(ctx.elements)
    title = ctx.headline(text_area)
    top: float = title.rect.bottom() + m.px(40)

    def row(
        icon: str | None, role: str, text: str, size: TextSize, *, bold: bool = False, lines: int = 2, colour=None
    ) -> float:
        if ctx.compact_headline:
            # Short of space: details at their smallest legible size, like the headline.
            size = TextSize(size.smallest, size.smallest)
        largest, _ = m.text_range(size)
        d = min(1.2 * largest, m.px(88))
        left = text_area.left() + d + m.px(28)
        height = min(text_area.bottom() - top, lines * LINE_SPACING * largest)
        if height < LINE_SPACING * m.text_range(size)[1]:
            return top
        box = QRectF(left, top, text_area.right() - left, height)
        placed = ctx.plain(role, text, box, size, colour or p.text, p.background, bold=bold)
        if icon is not None:
            centre = placed.fitted.first_line.center().y()
            ctx.add(Icon(icon, QRectF(text_area.left(), centre - d / 2, d, d), p.brand, p.on_brand))
        return placed.rect.bottom()

    top = row("phone", "phone", clinic.phone, PHONE, bold=True, lines=1, colour=p.headline) + m.px(28)
    if clinic.address:
        top = row("pin", "address", clinic.address, BODY) + m.px(24)
    hours = opening_hours_lines(clinic, ctx.language)
    now = opening_now(clinic, ctx.at) if ctx.at is not None else None
    if now is not None:
        # "Open today until 6 PM" above the week, with the clock; the week under it.
        top = row("clock", "today", today_line(now, ctx.language), BODY, bold=True) + m.px(12)
    if hours:
        top = row(None if now is not None else "clock", "hours", "\n".join(hours), BODY, lines=len(hours) + 1)
        top += m.px(24)
    body = ctx.tr(slide.body)
    if body:
        # Even with no room left the body is fitted (and so marked as cut), so that the
        # caller retries with a smaller headline rather than dropping it silently.
        top = min(top, text_area.bottom())
        box = QRectF(text_area.left(), top, text_area.width(), text_area.bottom() - top)
        top = ctx.markdown("body", body, box, BODY, p.text, p.background).rect.bottom() + m.px(30)
    if slide.image is not None:
        room = QRectF(text_area.left(), top + m.px(10), text_area.width(), text_area.bottom() - top - m.px(10))
        if room.height() > content.height() * 0.22:
            # On the text's left edge, like everything else in the column.
            shown = images.fit_inside(ctx.natural_size(slide.image), room)
            shown.moveLeft(room.left())
            ctx.picture(slide.image, shown)
            top = room.bottom()
    if not m.portrait:
        spare = text_area.bottom() - top
        if spare > 0:
            ctx.shift(start, spare / 2, text_area.bottom())
