"""Start-up as named, logged steps whose undo runs on every way out.

``kiosk run`` used to be one long function with several early returns, and each return had to
remember what to release (the instance lock, the delivery worker, the watcher). Here each step
registers its own undo as soon as it has something to undo, and :meth:`Startup.close` runs
them newest first however the run ends: a normal exit, a refused start (:class:`StartupRefused`)
or an exception.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import TracebackType

log = logging.getLogger("kiosk.run")


class StartupRefused(Exception):
    """The kiosk cannot start: ``message`` is printed for IT and ``code`` is the exit code."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class Startup:
    """Named steps and their undo. Use as a context manager; undo runs on leaving it."""

    def __init__(self, logger: logging.Logger = log, clock: Callable[[], float] = time.monotonic) -> None:
        self._log = logger
        self._clock = clock
        self._undo: list[tuple[str, Callable[[], object]]] = []
        self._started = clock()
        #: Names of the steps begun, in order (for tests and the log).
        self.steps: list[str] = []

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        """Log the step's start and how long it took; a failure is logged with its name."""
        self.steps.append(name)
        began = self._clock()
        self._log.debug("start-up: %s", name)
        try:
            yield
        except StartupRefused:
            self._log.error("start-up step %r refused to start", name)
            raise
        self._log.info("start-up: %s (%.0f ms)", name, (self._clock() - began) * 1000)

    def on_exit(self, name: str, undo: Callable[[], object]) -> None:
        """Run ``undo`` when the kiosk exits, before the undo of earlier steps."""
        self._undo.append((name, undo))

    def close(self) -> None:
        """Run every undo, newest first; one that fails is logged and the rest still run."""
        while self._undo:
            name, undo = self._undo.pop()
            try:
                undo()
            except Exception:  # noqa: BLE001 - a failing undo must not skip the ones after it (the lock)
                self._log.exception("shutdown: %s failed", name)
            else:
                self._log.debug("shutdown: %s", name)

    def __enter__(self) -> Startup:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    @property
    def seconds(self) -> float:
        return self._clock() - self._started
