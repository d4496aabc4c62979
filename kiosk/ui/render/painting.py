"""Painting a computed layout into an image."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QImage, QPainter, QPainterPath

from kiosk.ui.render.icons import draw_icon
from kiosk.ui.render.layout import Fill, Icon, Picture, SlideLayout, Text


def paint(layout: SlideLayout) -> QImage:
    image = QImage(layout.size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(layout.background)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    try:
        for element in layout.elements:
            if isinstance(element, Fill):
                _fill(painter, element)
            elif isinstance(element, Picture):
                _picture(painter, element)
            elif isinstance(element, Icon):
                draw_icon(painter, element.name, element.rect, element.color, element.detail)
            elif isinstance(element, Text):
                _text(painter, element)
    finally:
        painter.end()
    return image


def _fill(painter: QPainter, fill: Fill) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(fill.color))
    if fill.ellipse:
        painter.drawEllipse(fill.rect)
    elif fill.radius > 0:
        painter.drawRoundedRect(fill.rect, fill.radius, fill.radius)
    else:
        painter.drawRect(fill.rect)


def _picture(painter: QPainter, picture: Picture) -> None:
    painter.save()
    if picture.radius > 0:
        clip = QPainterPath()
        clip.addRoundedRect(picture.rect, picture.radius, picture.radius)
        painter.setClipPath(clip)
    # Decoded at exactly this size, so drawing is a 1:1 copy.
    painter.drawImage(picture.rect.topLeft(), picture.image)
    painter.restore()


def _text(painter: QPainter, text: Text) -> None:
    fitted = text.fitted
    painter.save()
    # The text is laid out from the box's top left; ``rect`` may sit lower when the text is
    # centred vertically.
    layout_top = fitted.rect.top() - fitted.text.lines_rect().top()
    painter.translate(fitted.box.left(), layout_top)
    # Fitting keeps every line inside the box, so this clip never cuts a glyph; it only
    # guarantees that nothing below the box could ever be painted. (No side clip: an
    # italic's overhang may reach a pixel past the line's measured width.)
    device = painter.device()
    painter.setClipRect(QRectF(-fitted.box.left(), 0, device.width(), fitted.box.bottom() - layout_top))
    fitted.text.draw(painter, text.color)
    painter.restore()
