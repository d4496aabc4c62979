"""Exercise: name, dose chips (hold, repetitions, sets), numbered steps with big number
badges, a caution line, and the illustration as large as the layout allows."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt

from kiosk.core.model import ExerciseSlide
from kiosk.ui.render import images
from kiosk.ui.render.kinds.common import LINE_SPACING, Context, _plain_width, translated
from kiosk.ui.render.kinds.strings import count_word, format_seconds, word
from kiosk.ui.render.layout import CAUTION, LIST_ITEM, SMALL, Fill, Icon, Text

#: Number badge diameter and the room it takes at the left of a step, in em of the step text.
BADGE = 1.45
INDENT = 2.0
GAP = 0.5


def _chips(ctx: Context, slide: ExerciseSlide) -> list[str]:
    chips: list[str] = []
    if slide.hold is not None:
        chips.append(word("hold", ctx.language, value=format_seconds(slide.hold, ctx.language)))
    if slide.repetitions is not None:
        chips.append(count_word("repetition", "repetitions", slide.repetitions, ctx.language))
    if slide.sets is not None:
        chips.append(count_word("set", "sets", slide.sets, ctx.language))
    return chips


def lay_out(ctx: Context, slide: ExerciseSlide) -> None:
    m, p = ctx.metrics, ctx.palette
    content = m.content
    # The illustration: a pale card, right in landscape, on top in portrait.
    natural = images.natural_size(slide.image)
    if m.portrait:
        card = QRectF(content.left(), content.top(), content.width(), content.height() * 0.3)
        text_area = QRectF(content.left(), card.bottom() + m.gutter, content.width(),
                           content.bottom() - card.bottom() - m.gutter)
    else:
        width = content.width() * 0.38
        card = QRectF(content.right() - width, content.top(), width, content.height())
        text_area = QRectF(content.left(), content.top(), content.width() - width - m.gutter, content.height())
    inset = m.px(28)
    shown = images.fit_inside(natural, card.adjusted(inset, inset, -inset, -inset))
    card = shown.adjusted(-inset, -inset, inset, inset)
    if m.portrait:
        card.moveTop(content.top())
    ctx.add(Fill(card, p.card, m.px(28)))
    ctx.picture(slide.image, card.adjusted(inset, inset, -inset, -inset))

    title = ctx.headline(text_area, max_lines=2)
    top = title.rect.bottom() + m.px(28)

    chips = _chips(ctx, slide)
    if chips:
        px = m.text_px(SMALL.largest)
        height = LINE_SPACING * px + 0.3 * px
        x = text_area.left()
        for label in chips:
            width = min(_plain_width(ctx, label, px) + 1.3 * px, text_area.right() - x)
            if width < 2 * px:
                break
            chip = QRectF(x, top, width, height)
            ctx.add(Fill(chip, p.chip, height / 2))
            ctx.plain("chip", label, chip.adjusted(0.65 * px, 0, -0.65 * px, 0), SMALL, p.on_chip, p.chip,
                      bold=True, align=Qt.AlignmentFlag.AlignHCenter, valign=Qt.AlignmentFlag.AlignVCenter)
            x = chip.right() + 0.45 * px
        top += height + m.px(32)

    # The caution line goes at the bottom; it is sized first so the steps get what is left.
    caution_px_max, _ = m.text_range(CAUTION)
    pad = m.px(22)
    icon_size = 1.5 * caution_px_max
    caution_max = min(text_area.height() * 0.3, 3 * LINE_SPACING * caution_px_max) + 2 * pad
    caution_panel = QRectF(text_area.left(), text_area.bottom() - caution_max, text_area.width(), caution_max)
    caution_index = len(ctx.elements)
    caution_box = caution_panel.adjusted(pad + icon_size + pad, pad, -pad, -pad)
    caution = ctx.markdown("caution", ctx.tr(slide.caution), caution_box, CAUTION, p.on_caution, p.caution, inline=True)
    used = caution.rect.height() + 2 * pad
    panel = QRectF(caution_panel.left(), caution_panel.bottom() - max(used, icon_size + 2 * pad),
                   caution_panel.width(), max(used, icon_size + 2 * pad))
    # Move the text to its panel, which shrank to fit it, and centre it there.
    dy = panel.top() + (panel.height() - caution.rect.height()) / 2 - caution.rect.top()
    ctx.elements[-1] = _moved(caution, dy)
    icon = QRectF(panel.left() + pad, panel.center().y() - icon_size / 2, icon_size, icon_size)
    ctx.elements.insert(caution_index, Fill(panel, p.caution, m.px(20)))
    ctx.elements.insert(caution_index + 1, Icon("caution", icon, p.caution_icon, p.caution))

    steps_box = QRectF(text_area.left(), top, text_area.width(), panel.top() - m.px(32) - top)
    badge_index = len(ctx.elements)
    column = ctx.column("step", [ctx.tr(s) for s in slide.steps], steps_box, LIST_ITEM, p.text, p.background,
                        indent=INDENT, gap=GAP, min_height=BADGE)
    px = column.pixel_size
    d = BADGE * px
    number_px = px
    for number, item in enumerate(column.items, start=1):
        first_line = item.document.begin().layout().lineAt(0)
        centre_y = max(item.box.top() + first_line.y() + first_line.height() / 2, item.box.top() + d / 2)
        badge = QRectF(text_area.left(), centre_y - d / 2, d, d)
        ctx.elements.insert(badge_index, Fill(badge, p.brand, d / 2, ellipse=True))
        badge_index += 1
        ctx.elements.insert(badge_index, ctx.label("number", str(number), badge, number_px, p.on_brand, p.brand))
        badge_index += 1


def _moved(text: Text, dy: float) -> Text:
    moved = translated(text, dy)
    assert isinstance(moved, Text)
    return moved
