"""Touch input helpers: one action per tap, taps on a surface, horizontal swipes.

Touch screens in waiting rooms see double taps, resting palms and second fingers. Each helper
here turns raw mouse and touch events into the one action the patient meant, or none.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QAbstractButton

#: A second action within this time of the first is the same tap (a double tap, a bounce).
DEBOUNCE_MS = 350
#: A press that lasts longer than this is a hold, not a tap (e.g. the staff corner gesture).
TAP_MAX_MS = 800


class Debouncer:
    """Lets one action through per ``interval_ms``.

    The shell's screens share one, so the second tap of a double tap is dropped even when the
    first one changed the screen and a different button is now under the finger."""

    def __init__(self, interval_ms: int = DEBOUNCE_MS) -> None:
        self.interval_ms = interval_ms
        self._timer = QElapsedTimer()

    def allow(self) -> bool:
        if self._timer.isValid() and self._timer.elapsed() < self.interval_ms:
            return False
        self._timer.start()
        return True

    def reset(self) -> None:
        self._timer.invalidate()


def on_tap(button: QAbstractButton, debouncer: Debouncer, action: Callable[[], None]) -> None:
    """Run ``action`` when ``button`` is clicked, once per double tap."""

    def clicked() -> None:
        if debouncer.allow():
            action()

    button.clicked.connect(clicked)


class TapFilter(QObject):
    """Emits ``tapped`` for a short press and release on the watched widget that barely moved.

    Touch reaches it as the mouse events Qt synthesises for the first finger; holds longer
    than ``TAP_MAX_MS`` and drags beyond ``slop`` pixels are not taps.
    """

    tapped = Signal()

    def __init__(self, slop: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._slop = slop
        self._start: QPointF | None = None
        self._pressed_at = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.LeftButton:
                self._start = event.position()
                self._pressed_at = event.timestamp()
        elif kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            start, self._start = self._start, None
            if start is not None and event.button() == Qt.MouseButton.LeftButton:
                moved = (event.position() - start).manhattanLength()
                # Event timestamps (ms), not a wall clock: a hold is judged by the input's own times.
                if moved <= self._slop and event.timestamp() - self._pressed_at <= TAP_MAX_MS:
                    self.tapped.emit()
        return False


class SwipeDetector(QObject):
    """Horizontal swipes on the watched widget, from a mouse drag or one finger.

    ``swiped(-1)`` is a swipe to the left (show the next slide), ``swiped(1)`` to the right.
    A move shorter than ``threshold`` pixels, a mostly vertical one, or any moment with two or
    more fingers down (a resting palm) is no swipe.

    ``dragged(dx, dy)`` follows the finger (or pressed mouse) while it moves, as the distance
    from where it went down, so a tall slide can scroll under it; ``pressed`` marks the start.
    """

    swiped = Signal(int)
    pressed = Signal()
    dragged = Signal(float, float)

    def __init__(self, threshold: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threshold = threshold
        self._start: QPointF | None = None
        self._spoiled = False

    def set_threshold(self, threshold: float) -> None:
        self._threshold = threshold

    def _drag(self, at: QPointF) -> None:
        if self._start is not None and not self._spoiled:
            self.dragged.emit(at.x() - self._start.x(), at.y() - self._start.y())

    def _finish(self, end: QPointF) -> None:
        start, self._start = self._start, None
        if start is None or self._spoiled:
            return
        dx, dy = end.x() - start.x(), end.y() - start.y()
        if abs(dx) >= self._threshold and abs(dx) > 1.5 * abs(dy):
            self.swiped.emit(-1 if dx < 0 else 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            assert isinstance(event, QTouchEvent)
            points = event.points()
            if kind == QEvent.Type.TouchBegin:
                self._spoiled = len(points) != 1
                self._start = points[0].position() if points else None
                if not self._spoiled:
                    self.pressed.emit()
            elif kind == QEvent.Type.TouchUpdate:
                if len(points) != 1:
                    self._spoiled = True
                else:
                    self._drag(points[0].position())
            elif kind == QEvent.Type.TouchEnd:
                if len(points) == 1 and not self._spoiled:
                    self._finish(points[0].position())
                self._start = None
                self._spoiled = False
            else:
                self._start = None
                self._spoiled = False
            event.accept()
            return True  # handled here: no synthesised mouse events for the same finger
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.LeftButton:
                self._start = event.position()
                self._spoiled = False
                self.pressed.emit()
        elif (
            kind == QEvent.Type.MouseMove
            and isinstance(event, QMouseEvent)
            and event.buttons() & Qt.MouseButton.LeftButton
        ):
            self._drag(event.position())
        elif (
            kind == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            self._finish(event.position())
        return False
