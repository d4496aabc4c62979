"""The running kiosk's update loop: a plain Python thread (no Qt objects: see the README's
"Known PySide hazard") that runs a check at start, then every ``interval``.

After a failure the next try comes sooner, with jittered backoff that never exceeds
``interval``: a kiosk offline for weeks catches up within one interval of the network
coming back, and many kiosks coming back at once do not retry in step. ``stop()`` ends the
wait at once and asks a running check to stop (it gives up at its next read).
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable

from kiosk.core.delivery.backoff import Backoff
from kiosk.core.publish.status import OUTCOME_FAILED
from kiosk.core.publish.updater import CheckResult

log = logging.getLogger(__name__)

#: ``check(stop)``: one update check; ``stop`` is set when the loop is stopping.
CheckFn = Callable[[threading.Event], CheckResult]
DEFAULT_RETRY_BASE = 30.0
#: Successful checks are spread over the last tenth of the interval.
_JITTER = 0.1


def next_delay(ok: bool, failures: int, interval: float, retry_base: float, rng: random.Random) -> float:
    """Seconds to wait after a check; ``failures`` in a row (0 after a success)."""
    if ok or failures < 1:
        return interval * (1.0 - _JITTER * rng.random())
    base = min(retry_base, interval)
    backoff = Backoff(base=base, factor=2.0, cap=interval, rng=rng)
    # Full jitter can draw ~0: keep a floor so a failing source is never hammered.
    return max(min(1.0, base), backoff.delay(failures))


class UpdateLoop:
    def __init__(
        self,
        check: CheckFn,
        interval: float,
        *,
        first_delay: float = 0.0,
        retry_base: float = DEFAULT_RETRY_BASE,
        rng: random.Random | None = None,
        on_result: Callable[[CheckResult], None] | None = None,
        name: str = "content-updates",
    ) -> None:
        """``on_result`` is called in the loop's thread after each check: hand results to Qt
        through a thread-safe queue or signal, never by touching widgets."""
        if interval <= 0:
            raise ValueError("interval must be positive")
        self._check = check
        self._interval = interval
        self._first_delay = first_delay
        self._retry_base = retry_base
        self._rng = rng or random.Random()
        self._on_result = on_result
        self._name = name
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("the update loop was already started")
        # A daemon thread: a check stuck in a read must never keep the process from exiting.
        self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """Check now instead of at the end of the current wait."""
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> bool:
        """Stop the loop; whether its thread ended within ``timeout`` seconds."""
        self._stop.set()
        self._wake.set()
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _wait(self, seconds: float) -> bool:
        """Wait ``seconds`` or until woken; False when the loop is stopping."""
        self._wake.wait(seconds)
        self._wake.clear()
        return not self._stop.is_set()

    def _run(self) -> None:
        delay = self._first_delay
        failures = 0
        while self._wait(delay) if delay > 0 else not self._stop.is_set():
            try:
                result = self._check(self._stop)
            except Exception as exc:  # the loop outlives any bug in a check; the log has the traceback
                log.exception("content update check crashed")
                result = CheckResult(False, OUTCOME_FAILED, f"failed: internal error (please report): {exc!r}")
            if self._stop.is_set():
                return
            failures = 0 if result.ok or result.outcome != OUTCOME_FAILED else failures + 1
            if self._on_result is not None:
                try:
                    self._on_result(result)
                except Exception:  # a broken listener must not end the updates
                    log.exception("content update listener failed")
            delay = next_delay(failures == 0, failures, self._interval, self._retry_base, self._rng)
