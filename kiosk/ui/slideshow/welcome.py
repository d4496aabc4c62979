"""The calm frame shown when no slide is scheduled: the clinic's name and phone, never black."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter

from kiosk.core.model import Clinic
from kiosk.ui.render.fonts import load_family
from kiosk.ui.render.layout import banner_rect
from kiosk.ui.render.slide_parts import WELCOME_DETAILS
from kiosk.ui.render.text_regions import stamp_regions


def render_welcome(clinic: Clinic, size: QSize, *, banner: int = 0) -> QImage:
    """A full, opaque frame of ``size`` in the clinic's colours with its name and phone;
    ``banner`` pixels above the footer are left for the notices banner."""
    image = QImage(size, QImage.Format.Format_RGB32)
    family = load_family()
    theme = clinic.theme
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        w, h = size.width(), size.height()
        # Text stays above the notices banner's strip (kiosk.ui.render.layout.banner_rect).
        text_h = banner_rect(size, banner).top() if banner > 0 else h
        gradient = QLinearGradient(0, 0, 0, h)
        gradient.setColorAt(0.0, QColor(theme.background))
        gradient.setColorAt(1.0, QColor(theme.background).darker(108))
        painter.fillRect(image.rect(), gradient)
        # Sizes follow the shorter side, so portrait and 4K lay out like 1080p landscape.
        unit = min(w, h) / 1080
        band = QRect(0, 0, w, max(1, round(24 * unit)))
        painter.fillRect(band, QColor(theme.primary))
        painter.fillRect(QRect(0, h - band.height(), w, band.height()), QColor(theme.accent))

        margin = round(96 * unit)
        name_font = QFont(family)
        name_font.setPixelSize(max(12, round(96 * unit)))
        name_font.setWeight(QFont.Weight.Bold)
        painter.setFont(name_font)
        painter.setPen(QColor(theme.primary))
        name_box = QRect(margin, 0, w - 2 * margin, round(text_h * 0.55))
        name_drawn = painter.drawText(
            name_box,
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap),
            clinic.name,
        )
        detail_font = QFont(family)
        detail_font.setPixelSize(max(10, round(56 * unit)))
        painter.setFont(detail_font)
        painter.setPen(QColor(theme.text))
        lines = [clinic.phone] + ([clinic.address] if clinic.address else [])
        detail_top = round(text_h * 0.55) + round(48 * unit)
        detail_box = QRect(margin, detail_top, w - 2 * margin, max(1, text_h - detail_top))
        details_drawn = painter.drawText(
            detail_box,
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
            "\n".join(lines),
        )
    finally:
        painter.end()
    # Where the words are, for screen readers (kiosk/ui/render/slide_parts.py: welcome_parts).
    return stamp_regions(image, [("headline", QRectF(name_drawn)), (WELCOME_DETAILS, QRectF(details_drawn))])
