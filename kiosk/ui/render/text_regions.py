"""Where a rendered slide's words are drawn, carried in the image itself.

A screen reader shows (and a magnifier follows) the text of a slide where it is on the screen,
but a slide reaches the screen as a picture, through the render service, its cache and the
screens' own caches. The renderer writes each text's role and rectangle into the image's text
metadata (``QImage.setText``), which travels with the image wherever it goes, so nothing on
the way needs to know about it; the screens read it back with :func:`read_regions` before
they turn the image into a pixmap. An image without it (a test's stand-in renderer) simply
has no regions, and its words are placed over the whole slide.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage

from kiosk.ui.render.layout import SlideLayout

#: The image text key the regions are stored under.
REGIONS_KEY = "kiosk-text-regions"

#: role -> the rectangles of that role's texts, in drawing order, in image pixels.
TextRegions = Mapping[str, tuple[QRectF, ...]]

NO_REGIONS: TextRegions = MappingProxyType({})


def stamp_regions(image: QImage, regions: Iterable[tuple[str, QRectF]]) -> QImage:
    """Write ``regions`` (role, rectangle) into ``image``; returns it."""
    entries = [
        f"{role}:{rect.x():.0f},{rect.y():.0f},{rect.width():.0f},{rect.height():.0f}"
        for role, rect in regions
        if not rect.isEmpty()
    ]
    image.setText(REGIONS_KEY, ";".join(entries))
    return image


def layout_regions(layout: SlideLayout) -> list[tuple[str, QRectF]]:
    """Every text of ``layout`` with the rectangle its lines take."""
    return [(text.role, text.rect) for text in layout.texts if not text.fitted.text.is_empty()]


def read_regions(image: QImage) -> TextRegions:
    """The regions :func:`stamp_regions` wrote into ``image`` (none if it has none)."""
    found: dict[str, list[QRectF]] = {}
    for entry in image.text(REGIONS_KEY).split(";"):
        role, _, numbers = entry.partition(":")
        values = numbers.split(",")
        if not role or len(values) != 4:
            continue
        try:
            x, y, width, height = (float(v) for v in values)
        except ValueError:
            continue
        found.setdefault(role, []).append(QRectF(x, y, width, height))
    return MappingProxyType({role: tuple(rects) for role, rects in found.items()})
