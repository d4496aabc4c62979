"""Bullets: headline and up to six short items, each with a check-mark marker."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from kiosk.core.model import BulletsSlide
from kiosk.ui.render.kinds.common import Context, centre_vertically, place_image, split_for_image
from kiosk.ui.render.layout import LIST_ITEM, Icon

#: Marker diameter and the space it takes at the left of an item, in em of the item text.
MARKER = 0.82
INDENT = 1.45
GAP = 0.6


def lay_out(ctx: Context, slide: BulletsSlide) -> None:
    m, p = ctx.metrics, ctx.palette
    text_area, image_area = split_for_image(ctx, slide.image, image_share=0.38)
    if slide.image is not None and image_area is not None:
        place_image(ctx, slide.image, image_area)
    if slide.image is None and not m.portrait:
        width = min(text_area.width(), m.px(1500))
        text_area = QRectF(text_area.left(), text_area.top(), width, text_area.height())
    start = len(ctx.elements)
    title = ctx.headline(text_area)
    top = title.rect.bottom() + m.px(44)
    box = QRectF(text_area.left(), top, text_area.width(), text_area.bottom() - top)
    items = [ctx.tr(item) for item in slide.items]
    marker_index = len(ctx.elements)
    column = ctx.column("item", items, box, LIST_ITEM, p.text, p.background, indent=INDENT, gap=GAP)
    px = column.pixel_size
    for item in column.items:
        first_line = item.document.begin().layout().lineAt(0)
        centre_y = item.box.top() + first_line.y() + first_line.height() / 2
        d = MARKER * px
        rect = QRectF(text_area.left(), centre_y - d / 2, d, d)
        ctx.elements.insert(marker_index, Icon("check", rect, p.brand, p.on_brand))
        marker_index += 1
    bottom = column.items[-1].rect.bottom() if column.items else title.rect.bottom()
    centre_vertically(ctx, start, text_area, bottom)
