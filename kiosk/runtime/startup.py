"""Start-up as named, logged steps whose undo runs on every way out.

``kiosk run`` used to be one long function with several early returns, and each return had to
remember what to release (the instance lock, the delivery worker, the watcher). Here each step
registers its own undo as soon as it has something to undo, and :meth:`Startup.close` runs
them newest first however the run ends: a normal exit, a signal, a refused start
(:class:`StartupRefused`) or an exception. Each undo is logged (``shutdown: ...``), and undo
that waits for a thread asks :meth:`Startup.time_left` how long it may, so the whole shutdown
fits in :data:`SHUTDOWN_SECONDS` (systemd's ``TimeoutStopSec``, Windows' console close).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import TracebackType

log = logging.getLogger("kiosk.run")

#: What the undo of every step may take together; systemd kills the kiosk after the unit's
#: TimeoutStopSec (10 s) and Windows a closing console's process after about 5 s.
SHUTDOWN_SECONDS = 4.0


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
        self._closing_since: float | None = None
        #: Names of the steps begun, in order (for tests and the log).
        self.steps: list[str] = []
        #: Why to stop before the next step (a signal received during start-up), or None.
        self.stop_requested: Callable[[], str | None] = lambda: None

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        """Log the step's start and how long it took; a failure is logged with its name.

        A stop asked for since the last step (:attr:`stop_requested`) ends the start-up here,
        cleanly: :class:`StartupRefused` with exit code 0."""
        reason = self.stop_requested()
        if reason:
            self._log.warning("start-up stopped before %r: %s", name, reason)
            raise StartupRefused(0, f"stopped during start-up ({reason})")
        self.steps.append(name)
        began = self._clock()
        self._log.debug("start-up: %s", name)
        try:
            yield
        except StartupRefused as refused:
            self._log.error("start-up step %r refused to start: %s", name, refused.message)
            raise
        self._log.info("start-up: %s (%.0f ms)", name, (self._clock() - began) * 1000)

    def on_exit(self, name: str, undo: Callable[[], object]) -> None:
        """Run ``undo`` when the kiosk exits, before the undo of earlier steps."""
        self._undo.append((name, undo))

    def close(self) -> None:
        """Run every undo, newest first; one that fails is logged and the rest still run."""
        if self._closing_since is None:
            self._closing_since = self._clock()
        while self._undo:
            name, undo = self._undo.pop()
            began = self._clock()
            try:
                undo()
            except Exception:  # noqa: BLE001 - a failing undo must not skip the ones after it (the lock)
                self._log.exception("shutdown: %s failed", name)
            else:
                self._log.info("shutdown: %s (%.0f ms)", name, (self._clock() - began) * 1000)

    def time_left(self, cap: float) -> float:
        """How long an undo may wait: ``cap``, or less once the shutdown budget runs low."""
        if self._closing_since is None:
            return cap
        return max(0.0, min(cap, self._closing_since + SHUTDOWN_SECONDS - self._clock()))

    def __enter__(self) -> Startup:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    @property
    def seconds(self) -> float:
        return self._clock() - self._started

    @property
    def shutdown_seconds(self) -> float:
        """How long the undo has taken so far (0 before :meth:`close`)."""
        return 0.0 if self._closing_since is None else self._clock() - self._closing_since
