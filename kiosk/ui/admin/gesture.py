"""The hidden way into the staff screen: press and hold the top-right corner for 3 seconds.

A patient taps; they do not hold one finger still in a 72-pixel corner for three seconds while
touching nothing else. Anything else cancels the hold: lifting the finger early, moving beyond a
small slop, a second finger, another mouse button, or a press outside the corner.

The filter is installed on the application, so it sees each physical press more than once (Qt
delivers it to the native window, then to the widget under it, then to parents that ignore it).
Repeats at the same spot are therefore treated as the same press. Events are never consumed:
the app behaves exactly as if the filter were not there.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.scale import min_target, px

#: How long the corner must be held.
HOLD_SECONDS = 3.0
#: How far (pixels at 1080p) a held finger may drift; fingers are never perfectly still.
SLOP_UNITS = 20

_PRESS = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick}
_TOUCH = {QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel}


class AdminGesture(QObject):
    """Emits ``triggered`` once per qualifying hold on ``window``'s top-right corner."""

    triggered = Signal()

    def __init__(self, window: QWidget, *, hold_seconds: float = HOLD_SECONDS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if hold_seconds <= 0:
            raise ValueError("hold_seconds must be positive")
        self._window = window
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may fire 5 % early
        self._timer.setInterval(max(1, round(hold_seconds * 1000)))
        self._timer.timeout.connect(self._fire)
        self._start: QPointF | None = None
        # After a cancelled or finished hold nothing counts until every finger is lifted, so a
        # second finger cannot start a new hold while the first is still down.
        self._spoiled = False

    @property
    def hold_ms(self) -> int:
        return self._timer.interval()

    @property
    def holding(self) -> bool:
        return self._timer.isActive()

    def corner(self) -> QRect:
        """The hot corner in ``window``'s coordinates: a min_target square at the top right."""
        size = self._window.size()
        side = min_target(size)
        return QRect(size.width() - side, 0, side, side)

    def _in_corner(self, global_pos: QPointF) -> bool:
        local: QPoint = self._window.mapFromGlobal(global_pos.toPoint())
        return self._window.isVisible() and self.corner().contains(local)

    def _slop(self) -> int:
        return px(self._window.size(), SLOP_UNITS)

    def _near_start(self, global_pos: QPointF) -> bool:
        if self._start is None:
            return False
        delta = global_pos - self._start
        return abs(delta.x()) <= self._slop() and abs(delta.y()) <= self._slop()

    # --- the state machine -----------------------------------------------------------

    def _press(self, global_pos: QPointF) -> None:
        if self._spoiled:
            return
        if self.holding:
            if not self._near_start(global_pos):
                self._cancel(spoil=True)  # another finger or button somewhere else
            return
        if self._in_corner(global_pos):
            self._start = QPointF(global_pos)
            self._timer.start()
        else:
            self._cancel(spoil=True)

    def _move(self, global_pos: QPointF) -> None:
        if self.holding and not self._near_start(global_pos):
            self._cancel(spoil=True)

    def _release(self) -> None:
        self._cancel(spoil=False)
        self._spoiled = False

    def _cancel(self, *, spoil: bool) -> None:
        self._timer.stop()
        self._start = None
        self._spoiled = self._spoiled or spoil

    def _fire(self) -> None:
        self._start = None
        self._spoiled = True  # one hold, one trigger: lift the finger before the next
        self.triggered.emit()

    def reset(self) -> None:
        """Forget any hold in progress (e.g. when the shell changes screens)."""
        self._cancel(spoil=False)
        self._spoiled = False

    # --- events ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _PRESS and isinstance(event, QMouseEvent):
            if event.button() != Qt.MouseButton.LeftButton or event.buttons() & ~Qt.MouseButton.LeftButton:
                self._cancel(spoil=True)
            else:
                self._press(event.globalPosition())
        elif kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            if self.holding and not event.buttons() & Qt.MouseButton.LeftButton:
                self._cancel(spoil=False)  # a hover: the release went somewhere we did not see
            else:
                self._move(event.globalPosition())
        elif kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            if event.buttons() == Qt.MouseButton.NoButton:
                self._release()
            else:
                self._cancel(spoil=True)
        elif kind in _TOUCH and isinstance(event, QTouchEvent):
            self._touch(event)
        return False

    def _touch(self, event: QTouchEvent) -> None:
        kind = event.type()
        if kind in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            self._release()
            return
        points = event.points()
        if len(points) != 1:
            self._cancel(spoil=True)
            return
        position = points[0].globalPosition()
        if kind == QEvent.Type.TouchBegin:
            self._press(position)
        else:
            self._move(position)
