"""Deleting widgets only while no slide is being rendered.

PySide6 6.11 can deadlock when the GUI thread destroys a Python-made widget that has signal
connections while a render worker runs: Qt's ``~QObject`` calls the sender's
``disconnectNotify`` under its signal lock, PySide then needs the GIL, and the worker holds
the GIL while it waits for that same lock (creating a ``QTextDocument`` connects signals).
Both wait for ever (seen in tests; README, "Known PySide hazard"). Screens that replace widgets
on a content reload, which is exactly when the player re-renders, hand the old ones to
:class:`Retirer`: they are hidden at once and deleted when no render is in flight. Only the GUI
thread starts renders, so none can start during the deletion.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget
from shiboken6 import Shiboken

#: How often to look again while renders are running.
RETRY_MS = 100


class Retirer(QObject):
    def __init__(self, rendering: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rendering = rendering
        self._waiting: list[QWidget] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RETRY_MS)
        self._timer.timeout.connect(self.sweep)

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    def retire(self, widget: QWidget) -> None:
        """Take ``widget`` off the screen now; delete it once no render runs."""
        widget.hide()
        self._waiting.append(widget)
        self.sweep()

    def sweep(self) -> None:
        if not self._waiting:
            return
        if self._rendering():
            self._timer.start()
            return
        waiting, self._waiting = self._waiting, []
        for widget in waiting:
            if Shiboken.isValid(widget):
                Shiboken.delete(widget)
