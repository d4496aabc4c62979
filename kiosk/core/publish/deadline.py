"""A time limit for a whole update check, which a stop request can also end early."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class CheckTimeout(Exception):
    """The check ran out of time (or was asked to stop); the message says which."""


class Deadline:
    """``seconds`` from now on ``monotonic``; ``cancel`` (e.g. the update loop's stop event)
    ends it at once."""

    def __init__(
        self,
        seconds: float,
        cancel: threading.Event | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.seconds = seconds
        self._cancel = cancel
        self._monotonic = monotonic
        self._end = monotonic() + seconds

    @property
    def cancelled(self) -> bool:
        return self._cancel is not None and self._cancel.is_set()

    def remaining(self) -> float:
        if self.cancelled:
            return 0.0
        return max(0.0, self._end - self._monotonic())

    def check(self, doing: str) -> float:
        """The seconds left, or CheckTimeout naming what was being done."""
        if self.cancelled:
            raise CheckTimeout(f"stopped while {doing}")
        left = self._end - self._monotonic()
        if left <= 0:
            raise CheckTimeout(f"the check took longer than its limit of {self.seconds:g} s while {doing}")
        return left
