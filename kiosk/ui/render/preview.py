"""``kiosk preview``'s pictures: every slide rendered to PNG by the kiosk's own renderer, and a
contact sheet of thumbnails, so staff can check a change before it goes live."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QGuiApplication, QImage, QPainter

from kiosk.core.model import Deck, Slide
from kiosk.core.notices.showing import notice_text, showing_at
from kiosk.ui.render.banner import BannerLook, banner_height, render_banner
from kiosk.ui.render.fonts import load_family, make_font
from kiosk.ui.render.layout import banner_rect
from kiosk.ui.render.service import RenderService, RenderSpec
from kiosk.ui.render.slide_renderer import SlideRenderError

CONTACT_SHEET = "contact-sheet.png"
#: Thumbnails per row on the contact sheet, and their long side in pixels.
SHEET_COLUMNS = 4
THUMB_LONG_SIDE = 480


class PreviewWriteError(OSError):
    """A PNG could not be written; the message names the file."""


@dataclass
class PreviewResult:
    written: list[Path] = field(default_factory=list)
    #: (slide, why) for each slide the renderer could not draw: the kiosk skips those.
    failed: list[tuple[Slide, str]] = field(default_factory=list)


def render_previews(
    deck: Deck,
    out: Path,
    size: tuple[int, int],
    language: str,
    *,
    large_text: bool = False,
    at: datetime | None = None,
    report: Callable[[str], None] = print,
) -> PreviewResult:
    """Write ``NN-<slide id>.png`` per slide and the contact sheet into ``out``. ``at`` (aware):
    the moment shown, for notices.yaml's banner (the first notice of the rotation, over a
    slide that makes room for it) and the contact slide's opening hours; None: neither."""
    ensure_gui_platform()
    width, height = size
    notice_banner = _notice_banner(deck, QSize(width, height), language, large_text, at)
    banner = notice_banner.height() if notice_banner is not None else 0
    # Kept referenced until the end: Qt's font and image code needs the application.
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    # The kiosk's render service, rendering here on the main thread: no event loop, no worker.
    service = RenderService()
    out.mkdir(parents=True, exist_ok=True)
    rendered: list[tuple[Slide, QImage]] = []
    result = PreviewResult()
    for number, slide in enumerate(deck.slides, start=1):
        try:
            image = service.render_now(
                RenderSpec.of(deck, slide, QSize(width, height), language, large_text=large_text, banner=banner, at=at)
            )
            if notice_banner is not None:
                # As the slideshow shows it: the banner in the strip the slide keeps free.
                painter = QPainter(image)
                painter.drawImage(banner_rect(image.size(), banner).topLeft(), notice_banner)
                painter.end()
        except SlideRenderError as error:
            report(f"{slide.source}: cannot render slide {slide.id!r}: {error}")
            result.failed.append((slide, str(error)))
            continue
        path = out / f"{number:02d}-{slide.id}.png"
        if not image.save(str(path)):
            raise PreviewWriteError(f"cannot write {path}")
        report(str(path))
        result.written.append(path)
        rendered.append((slide, image))
    sheet_path = out / CONTACT_SHEET
    if not contact_sheet(rendered, load_family()).save(str(sheet_path)):
        raise PreviewWriteError(f"cannot write {sheet_path}")
    report(str(sheet_path))
    result.written.append(sheet_path)
    service.stop()
    app.processEvents()
    return result


def _notice_banner(deck: Deck, size: QSize, language: str, large_text: bool, at: datetime | None) -> QImage | None:
    """The banner of the first notice showing at ``at`` (None when none shows)."""
    if at is None:
        return None
    showing = showing_at(deck.notices, at)
    if not showing:
        return None
    tz = deck.clinic.timezone
    texts = [notice_text(n, language, at, tz) for n in showing]
    look = BannerLook(size, deck.clinic.theme, large_text=large_text)
    height = banner_height(texts, look)
    position = (1, len(showing)) if len(showing) > 1 else None
    return render_banner(texts[0], showing[0].level, height, look, position=position)


def ensure_gui_platform() -> None:
    # A batch command needs no screen: on a Linux box without a display, render offscreen.
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def contact_sheet(slides: list[tuple[Slide, QImage]], family: str) -> QImage:
    """Thumbnails in a grid, each labelled with its number and slide id."""
    columns = max(1, min(SHEET_COLUMNS, len(slides)))
    rows = max(1, -(-len(slides) // columns))
    if slides:
        first = slides[0][1]
        scale = THUMB_LONG_SIDE / max(first.width(), first.height())
        thumb_w, thumb_h = round(first.width() * scale), round(first.height() * scale)
    else:
        thumb_w, thumb_h = THUMB_LONG_SIDE, THUMB_LONG_SIDE * 9 // 16
    gap, label_h = 24, 44
    sheet = QImage(gap + columns * (thumb_w + gap), gap + rows * (thumb_h + label_h + gap), QImage.Format.Format_RGB32)
    sheet.fill(QColor("#e9edf0"))
    painter = QPainter(sheet)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    font = make_font(family, 22 if thumb_w >= 400 else 18)
    painter.setFont(font)
    painter.setPen(QColor("#1b2a33"))
    metrics = QFontMetrics(font)
    for index, (slide, image) in enumerate(slides):
        x = gap + (index % columns) * (thumb_w + gap)
        y = gap + (index // columns) * (thumb_h + label_h + gap)
        thumb = image.scaled(
            thumb_w, thumb_h, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        painter.drawImage(x, y, thumb)
        label = f"{index + 1:02d}  {slide.id}  ({slide.kind})"
        if metrics.horizontalAdvance(label) > thumb_w:
            label = metrics.elidedText(f"{index + 1:02d}  {slide.id}", Qt.TextElideMode.ElideRight, thumb_w)
        painter.drawText(
            QRect(x, y + thumb_h + 6, thumb_w, label_h - 6),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            label,
        )
    if not slides:
        painter.drawText(QRect(0, 0, sheet.width(), sheet.height()), int(Qt.AlignmentFlag.AlignCenter), "no slides")
    painter.end()
    return sheet
