"""Slow studio work (checking the pack, saving, building a preview, publishing) off the GUI
thread, without Qt in the worker.

Each task is a plain Python function run in a plain Python thread; its result goes into a
Python queue that the GUI thread empties on a timer running only while tasks are under way.
No QObject is made and no Qt signal emitted off the GUI thread, so the GUI thread can never
wait for a lock a worker holds while it holds the GIL (README, "Rendering off the GUI
thread"). A task started under a ``key`` supersedes an earlier one with the same key: only the
newest one's result is delivered (an older one still finishing is dropped, after its
``discard`` hook has run so it can free what it made).
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections import deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer

log = logging.getLogger(__name__)

#: How often the GUI thread looks for finished tasks while some run.
POLL_MS = 15


@dataclass
class _Task:
    number: int
    key: Hashable | None
    done: Callable[[Any], None]
    failed: Callable[[str], None] | None
    discard: Callable[[Any], None] | None


class Tasks(QObject):
    """Runs functions in threads; their results come back on the GUI thread."""

    def __init__(self, parent: QObject | None = None, *, poll_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self._finished: deque[tuple[_Task, bool, Any]] = deque()
        self._latest: dict[Hashable, int] = {}
        self._running = 0
        self._numbers = 0
        self._stopped = False
        self._threads: list[threading.Thread] = []
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._drain)

    @property
    def busy(self) -> bool:
        return self._running > 0 or bool(self._finished)

    def run(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        *,
        key: Hashable | None = None,
        failed: Callable[[str], None] | None = None,
        discard: Callable[[Any], None] | None = None,
    ) -> None:
        """Run ``work()`` in a thread; ``done(result)`` (or ``failed(message)``) is called on the
        GUI thread. With ``key``, only the newest task of that key reports; superseded results
        go to ``discard``."""
        if self._stopped:
            return
        self._numbers += 1
        task = _Task(self._numbers, key, done, failed, discard)
        if key is not None:
            self._latest[key] = task.number
        self._running += 1

        def body() -> None:
            try:
                result = work()
            except Exception:  # noqa: BLE001 - a failed task is reported on the GUI thread, never lost
                self._finished.append((task, False, traceback.format_exc()))
            else:
                self._finished.append((task, True, result))

        thread = threading.Thread(target=body, name=f"studio-task-{task.number}", daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()]
        self._threads.append(thread)
        thread.start()
        if not self._timer.isActive():
            self._timer.start()

    def wait(self, timeout: float = 5.0) -> bool:
        """Wait for the running tasks' threads (tests, shutdown); results still need the GUI
        thread's next turn to be delivered."""
        for thread in list(self._threads):
            thread.join(timeout)
        return not any(t.is_alive() for t in self._threads)

    def stop(self, timeout: float = 5.0) -> None:
        """Deliver nothing more; wait a little for running tasks (their results are discarded)."""
        self._stopped = True
        self.wait(timeout)
        self._timer.stop()
        while self._finished:
            task, ok, value = self._finished.popleft()
            if ok and task.discard is not None:
                task.discard(value)

    def _drain(self) -> None:
        while self._finished:
            task, ok, value = self._finished.popleft()
            self._running -= 1
            superseded = task.key is not None and self._latest.get(task.key) != task.number
            if superseded or self._stopped:
                if ok and task.discard is not None:
                    task.discard(value)
                continue
            if ok:
                task.done(value)
            elif task.failed is not None:
                task.failed(value)
            else:
                log.error("studio task failed:\n%s", value)
        if self._running == 0:
            self._timer.stop()
