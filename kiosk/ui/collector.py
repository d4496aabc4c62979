"""Python's cyclic garbage collector, run on the GUI thread only.

Left to itself the collector runs in whichever thread is allocating when its thresholds trip:
a render worker or the content watcher's loader too. If the garbage holds a Python-made
QObject (a dropped screen's timer, a watcher in a reference cycle), Qt then destroys it in
that thread: outside the thread it belongs to, and, when it has connections, taking Qt's
signal lock while that thread holds the GIL, the one wait the render design rules out
(README, "Rendering off the GUI thread"). So while the kiosk runs, automatic collection is
off and a timer on the GUI thread collects as often as the collector's thresholds ask.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, Qt, QTimer

#: How often the GUI thread looks at the collector's counts.
INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, *, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(self.collect_if_due)
        self._switched_off = False
        #: Collections run, per generation (for tests).
        self.collections = [0, 0, 0]

    def start(self) -> None:
        if gc.isenabled():
            gc.disable()
            self._switched_off = True
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._switched_off:
            self._switched_off = False
            gc.enable()

    def collect_if_due(self) -> None:
        """Collect the oldest generation whose threshold is passed, as the collector would."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if counts[0] <= thresholds[0]:
            return
        generation = 0
        if counts[1] >= thresholds[1]:
            generation = 2 if counts[2] >= thresholds[2] else 1
        gc.collect(generation)
        self.collections[generation] += 1
