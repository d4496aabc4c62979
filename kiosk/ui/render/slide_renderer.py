"""Slides as images: the render service (kiosk/ui/render/service.py) calls
:meth:`SlideRenderer.render` in its worker threads; ``kiosk preview`` calls it directly.

Thread safety: a render uses only QImage, QPainter, QFont, QFontMetricsF and QTextLayout
objects it creates itself, and Pillow for photos: no QObject, no QPixmap, no widget. SVG
drawings go to ``rasterize_vector``. The deck is immutable, so several renders may run at
once. Construct the renderer on the GUI thread: it registers the bundled font.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from kiosk.core.model import Deck, Slide, Theme
from kiosk.ui.render.errors import SlideRenderError
from kiosk.ui.render.fonts import load_family
from kiosk.ui.render.images import VectorRasterizer, rasterize_vector
from kiosk.ui.render.kinds import bullets, contact, exercise, info, news
from kiosk.ui.render.kinds.common import Context
from kiosk.ui.render.layout import Metrics, SlideLayout, Text, footer_rect
from kiosk.ui.render.painting import paint
from kiosk.ui.render.text_regions import layout_regions, stamp_regions

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

#: Slide colours for a patient who asked for high contrast: white on black, yellow marks (the
#: touch screens' high-contrast colours, kiosk/ui/accessibility.py).
HIGH_CONTRAST = Theme(primary="#ffe600", accent="#ffe600", background="#000000", text="#ffffff")
#: With the notices banner, a slide that would cut text is laid out at these fractions of its
#: size in turn (text, margins and pictures alike; the footer and the banner keep theirs).
BANNER_SCALES = (1.0, 0.95, 0.9, 0.85, 0.8, 0.76, 0.72, 0.68, 0.64, 0.6)
#: Smaller than this and no layout can keep text legible.
MIN_SIZE = QSize(320, 240)
#: A scrolled slide grows by this factor per try until no text is cut ...
GROWTH = 1.2
#: ... up to this many views tall (beyond it a slide is too long to read on a kiosk anyway,
#: and the content limits in kiosk.core.limits keep every valid slide well within it).
MOST_VIEWS = 4.0


class SlideRenderer:
    """Lays out and paints slides of one deck. ``rasterize_vector`` draws SVG pictures; the
    default draws them on the GUI thread, whichever thread renders (kiosk/ui/render/images.py)."""

    def __init__(self, deck: Deck, *, rasterize_vector: VectorRasterizer = rasterize_vector) -> None:
        self._deck = deck
        self._family = load_family()
        self._rasterize_vector = rasterize_vector

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
        high_contrast: bool = False,
        view: QSize | None = None,
        banner: int = 0,
        at: datetime | None = None,
    ) -> SlideLayout:
        """Where everything on the slide goes (images already decoded at display size).

        ``view``: the area the image is seen in when ``size`` is taller and scrolls; text
        is sized for the view (see :class:`Metrics`). ``banner``: pixels kept free above the
        footer for the notices banner. ``at``: the moment shown (the contact slide says
        whether the clinic is open; None leaves that line out)."""
        if size.width() < MIN_SIZE.width() or size.height() < MIN_SIZE.height():
            raise ValueError(f"slide size {size.width()}x{size.height()} is too small to render")
        lay_out = _KINDS.get(slide.kind)
        if lay_out is None:
            raise SlideRenderError(f"{slide.source}: unknown slide kind {slide.kind!r}")
        theme = HIGH_CONTRAST if high_contrast else self._deck.clinic.theme
        try:
            ctx = None
            # A banner takes room from the slide: when the slide then has to cut text, it is
            # laid out a little smaller instead, until nothing is cut (BANNER_SCALES).
            for scale in BANNER_SCALES if banner > 0 else (1.0,):
                metrics = Metrics(size, large_text, view=view, banner=banner, scale=scale)
                ctx = Context(self._deck, slide, metrics, language, self._family, self._rasterize_vector, theme, at=at)
                ctx.header()
                ctx.footer()
                lay_out(ctx, slide)
                if not any(isinstance(e, Text) and e.fitted.elided for e in ctx.elements):
                    break
            assert ctx is not None
            elements = tuple(ctx.decoded(element) for element in ctx.elements)
        except SlideRenderError as error:
            raise SlideRenderError(f"{slide.source}: {error}") from error
        return SlideLayout(size, ctx.palette.background, elements)

    def render(
        self,
        slide: Slide,
        size: QSize,
        language: str = "en",
        *,
        large_text: bool = False,
        high_contrast: bool = False,
        banner: int = 0,
        at: datetime | None = None,
    ) -> QImage:
        """The slide as an opaque ARGB32-premultiplied image of exactly ``size``.

        Raises :class:`SlideRenderError` (naming the file) when an image cannot be decoded;
        nothing is drawn in that case. The image says where its texts are
        (kiosk/ui/render/text_regions.py).
        """
        return _painted(
            self.layout(slide, size, language, large_text=large_text, high_contrast=high_contrast, banner=banner, at=at)
        )

    def scrolled_layout(
        self,
        slide: Slide,
        view: QSize,
        language: str = "en",
        *,
        large_text: bool = False,
        high_contrast: bool = False,
        at: datetime | None = None,
    ) -> SlideLayout:
        """The layout for a slide shown in ``view`` that may scroll vertically: as wide as the
        view and, when text would be cut with "…" at the view's height (large text on a
        long slide), just tall enough that none is. A patient who asked for larger text
        must still get the whole caution, not its first line."""
        height = view.height()
        most = round(view.height() * MOST_VIEWS)
        while True:
            size = QSize(view.width(), height)
            layout = self.layout(
                slide, size, language, large_text=large_text, high_contrast=high_contrast, view=view, at=at
            )
            if not any(text.fitted.elided for text in layout.texts) or height >= most:
                return layout
            height = min(most, math.ceil(height * GROWTH))

    def render_scrolled(
        self,
        slide: Slide,
        view: QSize,
        language: str = "en",
        *,
        large_text: bool = False,
        high_contrast: bool = False,
        at: datetime | None = None,
    ) -> QImage:
        """:meth:`scrolled_layout`, painted: an image ``view.width()`` wide and at least
        ``view.height()`` tall."""
        return _painted(
            self.scrolled_layout(slide, view, language, large_text=large_text, high_contrast=high_contrast, at=at)
        )


def _painted(layout: SlideLayout) -> QImage:
    return stamp_regions(paint(layout), layout_regions(layout))
