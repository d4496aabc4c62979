"""Slides as images: the player calls :meth:`SlideRenderer.render` on a worker thread to
prepare the next slide, then cross-fades to it.

Thread safety: a render uses only QImage, QPainter, QFont, QTextDocument, QSvgRenderer and
QImageReader objects it creates itself (never QPixmap or widgets), and the deck is
immutable, so several renders may run at once. Construct the renderer on the GUI thread: it
registers the bundled font.
"""

from __future__ import annotations

import math
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

_KINDS: Mapping[str, Callable[[Context, Any], None]] = MappingProxyType(
    {
        "info": info.lay_out,
        "bullets": bullets.lay_out,
        "exercise": exercise.lay_out,
        "news": news.lay_out,
        "contact": contact.lay_out,
    }
)

#: Smaller than this and no layout can keep text legible.
MIN_SIZE = QSize(320, 240)
#: A scrolled slide grows by this factor per try until no text is cut ...
GROWTH = 1.2
#: ... up to this many views tall (beyond it a slide is too long to read on a kiosk anyway,
#: and the content limits in kiosk.core.limits keep every valid slide well within it).
MOST_VIEWS = 4.0


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

    def layout(
        self,
        slide: Slide,
        size: QSize,
        language: str = "en",
        *,
        large_text: bool = False,
        view: QSize | None = None,
    ) -> SlideLayout:
        """Where everything on the slide goes (images already decoded at display size).

        ``view``: the area the image is seen in when ``size`` is taller and scrolls; text
        is sized for the view (see :class:`Metrics`)."""
        if size.width() < MIN_SIZE.width() or size.height() < MIN_SIZE.height():
            raise ValueError(f"slide size {size.width()}x{size.height()} is too small to render")
        lay_out = _KINDS.get(slide.kind)
        if lay_out is None:
            raise SlideRenderError(f"{slide.source}: unknown slide kind {slide.kind!r}")
        ctx = Context(self._deck, slide, Metrics(size, large_text, view=view), language, self._family)
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

    def scrolled_layout(
        self, slide: Slide, view: QSize, language: str = "en", *, large_text: bool = False
    ) -> SlideLayout:
        """The layout for a slide shown in ``view`` that may scroll vertically: as wide as the
        view and, when text would be cut with "…" at the view's height (large text on a
        long slide), just tall enough that none is. A patient who asked for larger text
        must still get the whole caution, not its first line."""
        height = view.height()
        most = round(view.height() * MOST_VIEWS)
        while True:
            size = QSize(view.width(), height)
            layout = self.layout(slide, size, language, large_text=large_text, view=view)
            if not any(text.fitted.elided for text in layout.texts) or height >= most:
                return layout
            height = min(most, math.ceil(height * GROWTH))

    def render_scrolled(self, slide: Slide, view: QSize, language: str = "en", *, large_text: bool = False) -> QImage:
        """:meth:`scrolled_layout`, painted: an image ``view.width()`` wide and at least
        ``view.height()`` tall."""
        return paint(self.scrolled_layout(slide, view, language, large_text=large_text))
