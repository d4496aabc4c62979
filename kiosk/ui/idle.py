"""Notices when nobody has touched the kiosk for a while (privacy: the next patient must not
see what the last one chose).

``IdleMonitor`` watches every input event of the application. While active (any touch
screen is up, not the slideshow), ``idle_timeout`` seconds without input start a countdown of
``countdown`` seconds (``countdownStarted``, then ``countdownTick`` each second); any input
cancels it (``countdownCancelled``); at zero it emits ``expired`` once. Time comes from the
injected clock; a coarse timer only decides when to look at it, so tests advance a
``FixedClock`` and call :meth:`check`.
"""

from __future__ import annotations

import math
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal

from kiosk.core.clock import Clock

#: Events that mean a person is at the screen.
ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseMove,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
        QEvent.Type.TabletPress,
    }
)
CHECK_INTERVAL_MS = 250


class IdleMonitor(QObject):
    countdownStarted = Signal(int)  # seconds left
    countdownTick = Signal(int)
    countdownCancelled = Signal()
    expired = Signal()

    def __init__(
        self,
        clock: Clock,
        *,
        idle_timeout: float = 45.0,
        countdown: float = 20.0,
        check_interval_ms: int = CHECK_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if idle_timeout <= 0 or countdown <= 0:
            raise ValueError("idle_timeout and countdown must be greater than 0 seconds")
        self._clock = clock
        self.idle_timeout = idle_timeout
        self.countdown = countdown
        self._last_activity: datetime = clock.now()
        self._active = False
        self._counting = False
        self._last_tick: int | None = None
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.check)

    @property
    def active(self) -> bool:
        return self._active

    @property
    def counting_down(self) -> bool:
        return self._counting

    def set_active(self, active: bool) -> None:
        """Watch (a touch screen is up) or not (the slideshow plays); either way starts afresh."""
        self._active = active
        self._last_activity = self._clock.now()
        self._stop_countdown(notify=True)
        if active:
            self._timer.start()
        else:
            self._timer.stop()

    def poke(self) -> None:
        """Someone is there."""
        self._last_activity = self._clock.now()
        if self._counting:
            self._stop_countdown(notify=True)

    def seconds_left(self) -> int:
        idle = (self._clock.now() - self._last_activity).total_seconds()
        return max(0, math.ceil(self.idle_timeout + self.countdown - idle))

    def check(self) -> None:
        if not self._active:
            return
        idle = (self._clock.now() - self._last_activity).total_seconds()
        if idle < self.idle_timeout:
            return
        left = self.seconds_left()
        if left <= 0:
            self._stop_countdown(notify=False)
            self._active = False
            self._timer.stop()
            self.expired.emit()
            return
        if not self._counting:
            self._counting = True
            self._last_tick = left
            self.countdownStarted.emit(left)
        elif left != self._last_tick:
            self._last_tick = left
            self.countdownTick.emit(left)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._active and event.type() in ACTIVITY_EVENTS:
            self.poke()
        return False

    def _stop_countdown(self, *, notify: bool) -> None:
        if self._counting:
            self._counting = False
            self._last_tick = None
            if notify:
                self.countdownCancelled.emit()
