"""``display.rotation``: the kiosk's one window drawn turned by 90, 180 or 270 degrees, for
screens mounted upright (portrait) or upside down, with touches following.

The shell is laid out at the turned size (1080x1920 on a 1920x1080 screen turned a quarter)
and embedded in a :class:`RotatedWindow`, a frameless graphics view that draws it rotated
and maps every press, move and release back through the same transform: a tap lands on the
widget drawn under the finger. The kiosk does it itself because IT should not have to find
the X server's (or Windows') rotation setting and its touch-matrix counterpart for each
model of screen.

Touches reach the embedded shell as the mouse events Qt makes from the first finger (a
graphics view does not hand touch events on to embedded widgets): taps, holds and swipes
work; kinetic touch scrolling (QScroller's touch gesture) does not. Qt maps the global
positions of embedded widgets through the view (``QWidget.mapFromGlobal``), so the staff
corner gesture finds the corner staff see.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QResizeEvent, QTransform
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsProxyWidget,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QWidget,
)

from kiosk.core.config_options import ROTATIONS


def turned_size(size: QSize, degrees: int) -> QSize:
    """The size the content is laid out at on a screen of ``size`` turned by ``degrees``."""
    if degrees not in ROTATIONS:
        raise ValueError(f"rotation must be one of {ROTATIONS}, got {degrees}")
    return size.transposed() if degrees in (90, 270) else QSize(size)


class RotatedWindow(QGraphicsView):
    """A top-level window showing ``content`` (a parentless widget) turned clockwise by
    ``degrees``; ``content`` is resized to the turned size whenever the window is resized."""

    def __init__(self, content: QWidget, degrees: int) -> None:
        if degrees not in ROTATIONS or degrees == 0:
            raise ValueError(f"a rotated window turns by 90, 180 or 270 degrees, not {degrees}")
        super().__init__()
        self.setObjectName("rotatedWindow")
        self.setWindowTitle(content.windowTitle())
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.degrees = degrees
        self.content = content
        scene = QGraphicsScene(self)
        self.proxy = _GrabbingProxy()
        self.proxy.setWidget(content)
        scene.addItem(self.proxy)
        self.setScene(scene)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # The touch screens' stylesheet (qt-material, on the application) gives scroll areas a
        # border; this window is the screen's edge, so none (a widget's own sheet comes first).
        self.setStyleSheet("QGraphicsView#rotatedWindow { border: none; margin: 0px; padding: 0px; }")
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setBackgroundBrush(QColor("black"))
        self.setTransform(QTransform().rotate(degrees))
        # Whole pixels only: every slide is drawn at the window's own resolution, never resampled.
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        scene.setFocusItem(self.proxy)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = turned_size(self.viewport().size(), self.degrees)
        self.content.resize(size)
        self.setSceneRect(QRectF(0, 0, size.width(), size.height()))
        self.centerOn(size.width() / 2, size.height() / 2)


class _GrabbingProxy(QGraphicsProxyWidget):
    """Takes every press, so the release and moves that follow come back to the embedded
    widgets. A plain proxy takes a press only when the widget under it accepts it; the
    slideshow and the tap and swipe filters watch presses without accepting them, and in a
    window of their own Qt sends them the release anyway."""

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)
        event.accept()
