"""The few icons slides use, drawn as vector paths in one style (filled, rounded), so they
are sharp at any resolution and need no image files."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen


def _caution(painter: QPainter, r: QRectF, color: QColor, detail: QColor) -> None:
    # Rounded warning triangle with an exclamation mark.
    path = QPainterPath()
    top = QPointF(r.center().x(), r.top() + r.height() * 0.06)
    left = QPointF(r.left() + r.width() * 0.02, r.bottom() - r.height() * 0.08)
    right = QPointF(r.right() - r.width() * 0.02, r.bottom() - r.height() * 0.08)
    path.moveTo(top)
    path.lineTo(right)
    path.lineTo(left)
    path.closeSubpath()
    pen = QPen(color, r.width() * 0.1, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(QBrush(color))
    painter.drawPath(path)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(detail))
    w = r.width() * 0.1
    bar = QRectF(r.center().x() - w / 2, r.top() + r.height() * 0.34, w, r.height() * 0.3)
    painter.drawRoundedRect(bar, w / 2, w / 2)
    painter.drawEllipse(QPointF(r.center().x(), r.top() + r.height() * 0.76), w * 0.62, w * 0.62)


def _check(painter: QPainter, r: QRectF, color: QColor, detail: QColor) -> None:
    # Filled circle with a check mark: the bullet-list marker.
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(color))
    painter.drawEllipse(r)
    pen = QPen(detail, r.width() * 0.12, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath()
    path.moveTo(r.left() + r.width() * 0.28, r.top() + r.height() * 0.52)
    path.lineTo(r.left() + r.width() * 0.44, r.top() + r.height() * 0.67)
    path.lineTo(r.left() + r.width() * 0.73, r.top() + r.height() * 0.36)
    painter.drawPath(path)


def _phone(painter: QPainter, r: QRectF, color: QColor, detail: QColor) -> None:
    # Classic handset in a circle.
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(color))
    painter.drawEllipse(r)
    s = r.width()
    x, y = r.left(), r.top()
    path = QPainterPath()
    path.moveTo(x + 0.30 * s, y + 0.24 * s)
    path.cubicTo(x + 0.36 * s, y + 0.22 * s, x + 0.40 * s, y + 0.30 * s, x + 0.43 * s, y + 0.36 * s)
    path.cubicTo(x + 0.45 * s, y + 0.41 * s, x + 0.42 * s, y + 0.44 * s, x + 0.39 * s, y + 0.46 * s)
    path.cubicTo(x + 0.42 * s, y + 0.54 * s, x + 0.47 * s, y + 0.59 * s, x + 0.54 * s, y + 0.62 * s)
    path.cubicTo(x + 0.56 * s, y + 0.58 * s, x + 0.60 * s, y + 0.55 * s, x + 0.65 * s, y + 0.58 * s)
    path.cubicTo(x + 0.71 * s, y + 0.61 * s, x + 0.78 * s, y + 0.65 * s, x + 0.76 * s, y + 0.71 * s)
    path.cubicTo(x + 0.73 * s, y + 0.79 * s, x + 0.64 * s, y + 0.80 * s, x + 0.56 * s, y + 0.77 * s)
    path.cubicTo(x + 0.42 * s, y + 0.71 * s, x + 0.29 * s, y + 0.58 * s, x + 0.23 * s, y + 0.44 * s)
    path.cubicTo(x + 0.20 * s, y + 0.35 * s, x + 0.23 * s, y + 0.26 * s, x + 0.30 * s, y + 0.24 * s)
    painter.setBrush(QBrush(detail))
    painter.drawPath(path)


def _pin(painter: QPainter, r: QRectF, color: QColor, detail: QColor) -> None:
    # Map pin: a round head tapering to a point, with a hole.
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(color))
    painter.drawEllipse(r)
    s = r.width()
    cx = r.center().x()
    radius = 0.2 * s
    head_y = r.top() + 0.4 * s
    head = QPainterPath()
    head.addEllipse(QPointF(cx, head_y), radius, radius)
    tail = QPainterPath()
    tail.moveTo(cx - radius * 0.92, head_y + radius * 0.38)
    tail.lineTo(cx, r.top() + 0.8 * s)
    tail.lineTo(cx + radius * 0.92, head_y + radius * 0.38)
    tail.closeSubpath()
    painter.setBrush(QBrush(detail))
    painter.drawPath(head.united(tail))
    painter.setBrush(QBrush(color))
    painter.drawEllipse(QPointF(cx, head_y), radius * 0.42, radius * 0.42)


def _clock(painter: QPainter, r: QRectF, color: QColor, detail: QColor) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(color))
    painter.drawEllipse(r)
    s = r.width()
    face = r.adjusted(0.2 * s, 0.2 * s, -0.2 * s, -0.2 * s)
    painter.setPen(QPen(detail, 0.07 * s))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(face)
    pen = QPen(detail, 0.07 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    c = r.center()
    painter.drawLine(c, QPointF(c.x(), c.y() - 0.19 * s))
    painter.drawLine(c, QPointF(c.x() + 0.13 * s, c.y() + 0.06 * s))


def _info(painter: QPainter, r: QRectF, color: QColor, detail: QColor) -> None:
    # Filled circle with an "i": a notice for information.
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(color))
    painter.drawEllipse(r)
    painter.setBrush(QBrush(detail))
    w = r.width() * 0.12
    painter.drawEllipse(QPointF(r.center().x(), r.top() + r.height() * 0.28), w * 0.68, w * 0.68)
    stem = QRectF(r.center().x() - w / 2, r.top() + r.height() * 0.42, w, r.height() * 0.36)
    painter.drawRoundedRect(stem, w / 2, w / 2)


IconPainter = Callable[[QPainter, QRectF, QColor, QColor], None]

ICONS: Mapping[str, IconPainter] = MappingProxyType(
    {
        "caution": _caution,
        "check": _check,
        "phone": _phone,
        "pin": _pin,
        "clock": _clock,
        "info": _info,
    }
)


def draw_icon(painter: QPainter, name: str, rect: QRectF, color: QColor, detail: QColor) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    ICONS[name](painter, rect, color, detail)
    painter.restore()
