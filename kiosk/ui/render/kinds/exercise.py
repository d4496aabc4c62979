"""Exercise: name and numbered steps with big number badges on one side; the illustration as
large as the layout allows, dose chips (hold, repetitions, sets) and a caution line on the
other (in portrait: illustration on top, then name, chips, steps and caution)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QRectF, Qt

from kiosk.core.model import ExerciseSlide
from kiosk.ui.render import images
from kiosk.ui.render.kinds.common import LINE_SPACING, Context, _plain_width, attempts
from kiosk.ui.render.kinds.strings import count_word, format_seconds, word
from kiosk.ui.render.layout import CAUTION, LIST_ITEM, SMALL, Fill, Icon

#: Number badge diameter and the room it takes at the left of a step, in em of the step text.
BADGE = 1.4
INDENT = 1.9
GAP = 0.3


def chip_labels(slide: ExerciseSlide, language: str) -> list[str]:
    """The dose chips' words: hold, repetitions, sets (also read out, kiosk/ui/render/slide_parts.py)."""
    chips: list[str] = []
    if slide.hold is not None:
        chips.append(word("hold", language, value=format_seconds(slide.hold, language)))
    if slide.repetitions is not None:
        chips.append(count_word("repetition", "repetitions", slide.repetitions, language))
    if slide.sets is not None:
        chips.append(count_word("set", "sets", slide.sets, language))
    return chips


def _chips(ctx: Context, labels: list[str], area: QRectF, *, centred: bool) -> float:
    """Pills in rows inside ``area`` (wrapping when needed); returns the bottom used."""
    m, p = ctx.metrics, ctx.palette
    if not labels:
        return area.top()
    px = m.text_px(SMALL.largest)
    height = LINE_SPACING * px + 0.3 * px
    spacing = 0.45 * px
    widths = [min(_plain_width(ctx, label, px) + 1.3 * px, area.width()) for label in labels]
    rows: list[list[int]] = [[]]
    used = 0.0
    for i, w in enumerate(widths):
        if rows[-1] and used + spacing + w > area.width():
            rows.append([])
            used = 0.0
        used += (spacing if rows[-1] else 0) + w
        rows[-1].append(i)
    y = area.top()
    for row in rows:
        row_width = sum(widths[i] for i in row) + spacing * (len(row) - 1)
        x = area.left() + ((area.width() - row_width) / 2 if centred else 0)
        for i in row:
            chip = QRectF(x, y, widths[i], height)
            ctx.add(Fill(chip, p.chip, height / 2))
            ctx.plain(
                "chip",
                labels[i],
                chip.adjusted(0.65 * px, 0, -0.65 * px, 0),
                SMALL,
                p.on_chip,
                p.chip,
                bold=True,
                align=Qt.AlignmentFlag.AlignHCenter,
                valign=Qt.AlignmentFlag.AlignVCenter,
            )
            x += widths[i] + spacing
        y += height + spacing
    return y - spacing


def _caution(ctx: Context, slide: ExerciseSlide, area: QRectF) -> QRectF:
    """The caution panel at the bottom of ``area``, as tall as its text; returns the panel."""
    m, p = ctx.metrics, ctx.palette
    largest, _ = m.text_range(CAUTION)
    pad = m.px(22)
    icon_size = 1.4 * largest
    index = len(ctx.elements)
    box = QRectF(
        area.left() + 2 * pad + icon_size, area.top() + pad, area.width() - 3 * pad - icon_size, area.height() - 2 * pad
    )
    caution = ctx.markdown("caution", ctx.tr(slide.caution), box, CAUTION, p.on_caution, p.caution, inline=True)
    height = max(caution.rect.height(), icon_size) + 2 * pad
    panel = QRectF(area.left(), area.bottom() - height, area.width(), height)
    # The text was fitted at the top of the area; move it into its panel, centred.
    dy = panel.center().y() - caution.rect.center().y()
    fitted = caution.fitted
    inner = QRectF(box.left(), panel.top() + pad, box.width(), panel.height() - 2 * pad)
    ctx.elements[-1] = replace(caution, fitted=replace(fitted, box=inner, rect=fitted.rect.translated(0, dy)))
    icon = QRectF(panel.left() + pad, panel.center().y() - icon_size / 2, icon_size, icon_size)
    ctx.elements.insert(index, Fill(panel, p.caution, m.px(20)))
    ctx.elements.insert(index + 1, Icon("caution", icon, p.caution_icon, p.caution))
    return panel


def _steps(ctx: Context, slide: ExerciseSlide, box: QRectF) -> float:
    p = ctx.palette
    index = len(ctx.elements)
    column = ctx.column(
        "step",
        [ctx.tr(s) for s in slide.steps],
        box,
        LIST_ITEM,
        p.text,
        p.background,
        indent=INDENT,
        gap=GAP,
        min_height=BADGE,
    )
    px = column.pixel_size
    d = BADGE * px
    for number, item in enumerate(column.items, start=1):
        centre_y = max(item.first_line.center().y(), item.box.top() + d / 2)
        badge = QRectF(box.left(), centre_y - d / 2, d, d)
        ctx.elements.insert(index, Fill(badge, p.brand, d / 2, ellipse=True))
        ctx.elements.insert(index + 1, ctx.label("number", str(number), badge, px, p.on_brand, p.brand))
        index += 2
    return column.items[-1].rect.bottom() if column.items else box.top()


def _illustration(ctx: Context, slide: ExerciseSlide, area: QRectF, *, top: bool) -> QRectF:
    """The illustration on a pale card filling ``area`` as far as its shape allows."""
    m, p = ctx.metrics, ctx.palette
    inset = m.px(28)
    shown = images.fit_inside(ctx.natural_size(slide.image), area.adjusted(inset, inset, -inset, -inset))
    card = shown.adjusted(-inset, -inset, inset, inset)
    if top:
        card.moveTop(area.top())
    ctx.add(Fill(card, p.card, m.px(28)))
    ctx.picture(slide.image, card.adjusted(inset, inset, -inset, -inset))
    return card


def lay_out(ctx: Context, slide: ExerciseSlide) -> None:
    m = ctx.metrics
    content = m.content
    labels = chip_labels(slide, ctx.language)

    if m.portrait:

        def portrait(share: float) -> None:
            card = _illustration(
                ctx, slide, QRectF(content.left(), content.top(), content.width(), content.height() * share), top=True
            )
            area = QRectF(
                content.left(), card.bottom() + m.gutter, content.width(), content.bottom() - card.bottom() - m.gutter
            )
            title = ctx.headline(area)
            top = _chips(
                ctx,
                labels,
                QRectF(area.left(), title.rect.bottom() + m.px(28), area.width(), area.height()),
                centred=False,
            )
            top = (top + m.px(36)) if labels else title.rect.bottom() + m.px(36)
            cap = min(area.height() * 0.3, 4 * LINE_SPACING * m.text_range(CAUTION)[0] + m.px(44))
            panel = _caution(ctx, slide, QRectF(area.left(), area.bottom() - cap, area.width(), cap))
            _steps(ctx, slide, QRectF(area.left(), top, area.width(), panel.top() - m.px(36) - top))

        attempts(ctx, portrait, (0.3, 0.22, 0.14, 0.1))
        return

    def landscape(share: float) -> None:
        side_width = content.width() * share
        side = QRectF(content.right() - side_width, content.top(), side_width, content.height())
        main = QRectF(content.left(), content.top(), content.width() - side_width - m.gutter, content.height())
        # Right: caution at the bottom, chips above it, the illustration takes the rest.
        cap = min(side.height() * 0.56, 8 * LINE_SPACING * m.text_range(CAUTION)[0] + m.px(44))
        panel = _caution(ctx, slide, QRectF(side.left(), side.bottom() - cap, side.width(), cap))
        chips_height = 0.0
        if labels:
            probe = len(ctx.elements)
            bottom = _chips(ctx, labels, QRectF(side.left(), 0, side.width(), side.height()), centred=True)
            chips_height = bottom
            del ctx.elements[probe:]
        chips_top = panel.top() - m.px(28) - chips_height
        illustration_bottom = (chips_top - m.px(28)) if labels else panel.top() - m.px(28)
        _illustration(
            ctx, slide, QRectF(side.left(), side.top(), side.width(), illustration_bottom - side.top()), top=True
        )
        if labels:
            _chips(ctx, labels, QRectF(side.left(), chips_top, side.width(), chips_height), centred=True)
        # Left: the name and the steps, centred as a group.
        start = len(ctx.elements)
        title = ctx.headline(main)
        top = title.rect.bottom() + m.px(30)
        bottom = _steps(ctx, slide, QRectF(main.left(), top, main.width(), main.bottom() - top))
        spare = main.bottom() - bottom
        if spare > 0:
            ctx.shift(start, spare / 2, main.bottom())

    # A long caution (or large text) may need a wider side column rather than a narrower one.
    attempts(ctx, landscape, (0.36, 0.31, 0.42))
