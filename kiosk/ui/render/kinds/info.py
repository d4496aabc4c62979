"""Info: headline and Markdown body, with an optional picture beside (or above) the text."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from kiosk.core.model import InfoSlide
from kiosk.ui.render.kinds.common import Context, centre_vertically, with_image
from kiosk.ui.render.layout import BODY


def lay_out(ctx: Context, slide: InfoSlide) -> None:
    m, p = ctx.metrics, ctx.palette

    def text(area: QRectF) -> None:
        start = len(ctx.elements)
        title = ctx.headline(area)
        bottom = title.rect.bottom()
        body = ctx.tr(slide.body)
        if body:
            top = title.rect.bottom() + m.px(36)
            box = QRectF(area.left(), top, area.width(), area.bottom() - top)
            bottom = ctx.markdown("body", body, box, BODY, p.text, p.background).rect.bottom()
        centre_vertically(ctx, start, area, bottom)

    with_image(ctx, slide.image, text)
