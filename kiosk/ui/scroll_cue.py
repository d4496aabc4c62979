"""The "there is more below" cues for what scrolls on the touch screen.

Patients do not look for scroll bars. Where a screen of controls goes on below its bottom edge
(the menu in larger text, the request form's choices on a small screen), a strip right under
the scrolling part says "More below" and scrolls down a page when tapped; at the end it offers
"Back to the top". It has its own place in the layout, under the scrolling part, so it never
covers a word or a control, and it is only there while the content does not fit.

A long slide in the topic browser (a picture the patient drags) gets a fade and a down arrow
painted over its bottom edge instead, until its end is reached (:func:`paint_more_below`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QPushButton, QScrollBar, QWidget

from kiosk.ui.accessibility import describe

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


#: How much of the visible height a tap scrolls (some of what was seen stays in view).
PAGE_SHARE = 0.8


class MoreBelow(QPushButton):
    """The cue for ``bar`` (the scrolling part's vertical scroll bar); the owner puts it in its
    layout directly under the scrolling part. ``visible_height`` is that part's height."""

    def __init__(self, bar: QScrollBar, visible_height: Callable[[], int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("moreBelow")
        self.setAutoDefault(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._bar = bar
        self._visible_height = visible_height
        bar.valueChanged.connect(self.sync)
        bar.rangeChanged.connect(self.sync)
        self.clicked.connect(self._scroll)
        self.setVisible(False)
        self.retranslate()

    @property
    def more_below(self) -> bool:
        return self._bar.value() < self._bar.maximum()

    def sync(self, *_args: object) -> None:
        # Shown while the content does not fit. Showing it takes its height from the scrolling
        # part, so once shown it goes only when the content would fit without it (never
        # kept up by the overflow it causes itself, and never flickering).
        overflow = self._bar.maximum()
        needed = overflow > 0 if self.isHidden() else overflow > self.height()
        if needed == self.isHidden():
            self.setVisible(needed)
        self.retranslate()

    def retranslate(self) -> None:
        if self.more_below:
            text = self.tr("More below")
            self.setText("\u25bc  " + text)
            describe(self, text, self.tr("Scrolls down to show more."))
        else:
            text = self.tr("Back to the top")
            self.setText("\u25b2  " + text)
            describe(self, text, self.tr("Scrolls back up to the top."))

    def _scroll(self) -> None:
        if self.more_below:
            step = max(1, round(self._visible_height() * PAGE_SHARE))
            self._bar.setValue(min(self._bar.maximum(), self._bar.value() + step))
        else:
            self._bar.setValue(0)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
