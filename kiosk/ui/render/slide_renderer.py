"""Slides as images: the player calls :meth:`SlideRenderer.render` on a worker thread to
prepare the next slide, then cross-fades to it.

Thread safety: a render uses only QImage, QPainter, QFont, QTextDocument, QSvgRenderer and
QImageReader objects it creates itself (never QPixmap or widgets), and the deck is
immutable, so several renders may run at once. Construct the renderer on the GUI thread: it
registers the bundled font.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from kiosk.core.model import Deck, Slide
from kiosk.ui.render.errors import SlideRenderError
from kiosk.ui.render.fonts import load_family
from kiosk.ui.render.kinds import bullets, contact, exercise, info, news
from kiosk.ui.render.kinds.common import Context
from kiosk.ui.render.layout import Metrics, SlideLayout, footer_rect
from kiosk.ui.render.painting import paint

__all__ = ["SlideRenderError", "SlideRenderer", "footer_rect"]

_KINDS: Mapping[str, Callable[[Context, Any], None]] = MappingProxyType({
    "info": info.lay_out,
    "bullets": bullets.lay_out,
    "exercise": exercise.lay_out,
    "news": news.lay_out,
    "contact": contact.lay_out,
})

#: Smaller than this and no layout can keep text legible.
MIN_SIZE = QSize(320, 240)


class SlideRenderer:
    def __init__(self, deck: Deck) -> None:
        self._deck = deck
        self._family = load_family()

    @property
    def deck(self) -> Deck:
        return self._deck

    @property
    def font_family(self) -> str:
        return self._family

    def layout(self, slide: Slide, size: QSize, language: str = "en", *, large_text: bool = False) -> SlideLayout:
        """Where everything on the slide goes (images already decoded at display size)."""
        if size.width() < MIN_SIZE.width() or size.height() < MIN_SIZE.height():
            raise ValueError(f"slide size {size.width()}x{size.height()} is too small to render")
        lay_out = _KINDS.get(slide.kind)
        if lay_out is None:
            raise SlideRenderError(f"{slide.source}: unknown slide kind {slide.kind!r}")
        ctx = Context(self._deck, slide, Metrics(size, large_text), language, self._family)
        ctx.header()
        ctx.footer()
        try:
            lay_out(ctx, slide)
        except SlideRenderError as error:
            raise SlideRenderError(f"{slide.source}: {error}") from error
        return SlideLayout(size, ctx.palette.background, tuple(ctx.elements))

    def render(self, slide: Slide, size: QSize, language: str = "en", *, large_text: bool = False) -> QImage:
        """The slide as an opaque ARGB32-premultiplied image of exactly ``size``.

        Raises :class:`SlideRenderError` (naming the file) when an image cannot be decoded;
        nothing is drawn in that case.
        """
        return paint(self.layout(slide, size, language, large_text=large_text))
