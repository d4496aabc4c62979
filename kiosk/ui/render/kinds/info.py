"""Info: headline and Markdown body, with an optional picture beside (or above) the text."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from kiosk.core.model import InfoSlide
from kiosk.ui.render.kinds.common import Context, centre_vertically, place_image, split_for_image
from kiosk.ui.render.layout import BODY


def lay_out(ctx: Context, slide: InfoSlide) -> None:
    m, p = ctx.metrics, ctx.palette
    text_area, image_area = split_for_image(ctx, slide.image)
    if slide.image is not None and image_area is not None:
        place_image(ctx, slide.image, image_area)
    if slide.image is None and not m.portrait:
        # A full-width line of body text is too long to read comfortably.
        width = min(text_area.width(), m.px(1500))
        text_area = QRectF(text_area.left(), text_area.top(), width, text_area.height())
    start = len(ctx.elements)
    title = ctx.headline(text_area)
    bottom = title.rect.bottom()
    body = ctx.tr(slide.body)
    if body:
        top = title.rect.bottom() + m.px(36)
        box = QRectF(text_area.left(), top, text_area.width(), text_area.bottom() - top)
        text = ctx.markdown("body", body, box, BODY, p.text, p.background)
        bottom = text.rect.bottom()
    centre_vertically(ctx, start, text_area, bottom)
