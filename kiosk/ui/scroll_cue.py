"""The "there is more below" cue for what scrolls on the touch screen.

Patients do not look for scroll bars. Where a screen goes on below its bottom edge (a long
slide in larger text, the request form with its consent box), a fade and a down arrow in the
clinic's colour say so, until the end is reached.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QScrollArea, QWidget

#: Height of the fade, in pixels at 1080p.
FADE_UNITS = 72


def paint_more_below(painter: QPainter, rect: QRectF, background: QColor, accent: QColor, unit: float) -> None:
    """A fade into ``background`` along the bottom of ``rect`` and a down arrow on a disc."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    fade = min(rect.height(), FADE_UNITS * unit)
    band = QRectF(rect.left(), rect.bottom() - fade, rect.width(), fade)
    gradient = QLinearGradient(0, band.top(), 0, band.bottom())
    clear = QColor(background)
    clear.setAlpha(0)
    gradient.setColorAt(0, clear)
    gradient.setColorAt(1, background)
    painter.fillRect(band, gradient)
    # The arrow sits on a disc of the background so text under it never muddles it, at the
    # right, by the scroll bar, where it covers the least (never the middle of a form row).
    radius, size = 44 * unit, 22 * unit
    centre = QPointF(rect.right() - radius - 36 * unit, rect.bottom() - radius - 12 * unit)
    painter.setPen(QPen(accent, 4 * unit))
    painter.setBrush(background)
    painter.drawEllipse(centre, radius, radius)
    painter.setPen(QPen(accent, 8 * unit, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    tip = centre + QPointF(0, size / 2)
    painter.drawPolyline([tip + QPointF(-size, -size), tip, tip + QPointF(size, -size)])
    painter.restore()


class MoreBelow(QWidget):
    """Lies over the bottom of a scroll area's viewport while it can scroll further down.

    Input passes through it to the content. ``colours`` returns (background, accent) and is
    asked at every paint, so the cue follows high contrast."""

    def __init__(self, area: QScrollArea, colours: Callable[[], tuple[QColor, QColor]]) -> None:
        # A child of the area, not of the viewport: it stays put while the content scrolls.
        super().__init__(area)
        self._area = area
        self._colours = colours
        self.setObjectName("moreBelow")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bar = area.verticalScrollBar()
        bar.valueChanged.connect(self.sync)
        bar.rangeChanged.connect(self.sync)
        area.viewport().installEventFilter(self)
        self.sync()

    @property
    def more_below(self) -> bool:
        bar = self._area.verticalScrollBar()
        return bar.value() < bar.maximum()

    def _unit(self) -> float:
        # Sized by the screen, not the viewport: a short viewport must not shrink the arrow.
        window = self.window().size()
        return max(0.25, min(window.width(), window.height()) / 1080)

    def sync(self, *_args: object) -> None:
        viewport = self._area.viewport().geometry()
        height = min(viewport.height(), round((FADE_UNITS + 8) * self._unit()))
        self.setGeometry(viewport.left(), viewport.bottom() + 1 - height, viewport.width(), height)
        self.setVisible(self.more_below)
        self.raise_()
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self.sync()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        background, accent = self._colours()
        painter = QPainter(self)
        try:
            paint_more_below(painter, QRectF(self.rect()), background, accent, self._unit())
        finally:
            painter.end()
