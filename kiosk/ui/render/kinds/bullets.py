"""Bullets: headline and up to six short items, each with a check-mark marker."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from kiosk.core.model import BulletsSlide
from kiosk.ui.render.kinds.common import Context, centre_vertically, with_image
from kiosk.ui.render.layout import LIST_ITEM, Icon

#: Marker diameter and the space it takes at the left of an item, in em of the item text.
MARKER = 0.82
INDENT = 1.45
GAP = 0.45


def lay_out(ctx: Context, slide: BulletsSlide) -> None:
    m, p = ctx.metrics, ctx.palette
    items = [ctx.tr(item) for item in slide.items]

    def text(area: QRectF) -> None:
        start = len(ctx.elements)
        title = ctx.headline(area)
        top = title.rect.bottom() + m.px(40)
        box = QRectF(area.left(), top, area.width(), area.bottom() - top)
        marker_index = len(ctx.elements)
        column = ctx.column("item", items, box, LIST_ITEM, p.text, p.background, indent=INDENT, gap=GAP)
        d = MARKER * column.pixel_size
        for item in column.items:
            centre_y = item.first_line.center().y()
            rect = QRectF(area.left(), centre_y - d / 2, d, d)
            ctx.elements.insert(marker_index, Icon("check", rect, p.brand, p.on_brand))
            marker_index += 1
        bottom = column.items[-1].rect.bottom() if column.items else title.rect.bottom()
        centre_vertically(ctx, start, area, bottom)

    with_image(ctx, slide.image, text)
