"""UpdateLoop: a plain thread that checks at start and every interval, wakes on demand, retries
failures sooner (never later than the interval) and stops at once."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.publish.loop import UpdateLoop, next_delay
from kiosk.core.publish.updater import CheckResult

OK = CheckResult(True, "up-to-date", "up to date: serial 1", 1)
FAILED = CheckResult(False, "failed", "failed: connection refused")


class Checks:
    """A check function that counts its calls and returns scripted results (then OK)."""

    def __init__(self, *results: CheckResult | Exception, block: bool = False) -> None:
        self.results = list(results)
        self.calls = 0
        self.saw_stop: list[bool] = []
        self.block = block
        self.cond = threading.Condition()

    def __call__(self, stop: threading.Event) -> CheckResult:
        with self.cond:
            self.calls += 1
            self.cond.notify_all()
            result = self.results.pop(0) if self.results else OK
        if self.block:
            self.saw_stop.append(stop.wait(30))
        if isinstance(result, Exception):
            raise result
        return result

    def wait_for(self, calls: int, timeout: float = 5.0) -> bool:
        with self.cond:
            return self.cond.wait_for(lambda: self.calls >= calls, timeout)


@pytest.fixture
def loops() -> Iterator[list[UpdateLoop]]:
    made: list[UpdateLoop] = []
    yield made
    for loop in made:
        loop.stop()


def start(loops: list[UpdateLoop], loop: UpdateLoop) -> UpdateLoop:
    loops.append(loop)
    loop.start()
    return loop


def test_checks_at_start_then_waits_for_the_interval_or_a_wake(loops: list[UpdateLoop]) -> None:
    checks = Checks()
    loop = start(loops, UpdateLoop(checks, interval=3600))
    assert checks.wait_for(1)
    assert not checks.wait_for(2, timeout=0.2)
    loop.wake()
    assert checks.wait_for(2)


def test_first_delay_postpones_the_first_check(loops: list[UpdateLoop]) -> None:
    checks = Checks()
    loop = start(loops, UpdateLoop(checks, interval=3600, first_delay=3600))
    assert not checks.wait_for(1, timeout=0.2)
    loop.wake()
    assert checks.wait_for(1)


def test_short_interval_keeps_checking(loops: list[UpdateLoop]) -> None:
    checks = Checks()
    start(loops, UpdateLoop(checks, interval=0.01))
    assert checks.wait_for(5)


def test_failures_are_retried_sooner_than_the_interval(loops: list[UpdateLoop]) -> None:
    checks = Checks(FAILED, FAILED, FAILED)
    results: list[CheckResult] = []
    start(loops, UpdateLoop(checks, interval=3600, retry_base=0.01, on_result=results.append))
    assert checks.wait_for(4)  # three failures and the success, with no wake and a 1 h interval
    assert not checks.wait_for(5, timeout=0.2)  # then the full interval
    assert [r.ok for r in results[:4]] == [False, False, False, True]


def test_a_crashing_check_or_listener_does_not_end_the_loop(loops: list[UpdateLoop]) -> None:
    checks = Checks(RuntimeError("bug"))
    results: list[CheckResult] = []

    def listener(result: CheckResult) -> None:
        results.append(result)
        raise ValueError("listener bug")

    start(loops, UpdateLoop(checks, interval=3600, retry_base=0.01, on_result=listener))
    assert checks.wait_for(2)
    assert "internal error (please report): RuntimeError('bug')" in results[0].message


def test_stop_is_prompt_while_waiting() -> None:
    loop = UpdateLoop(Checks(), interval=3600)
    loop.start()
    started = time.monotonic()
    assert loop.stop(timeout=5)
    assert time.monotonic() - started < 1.0 and not loop.running


def test_stop_tells_a_running_check_to_give_up() -> None:
    checks = Checks(block=True)
    loop = UpdateLoop(checks, interval=3600)
    loop.start()
    assert checks.wait_for(1)
    assert loop.stop(timeout=5)
    assert checks.saw_stop == [True]


def test_a_loop_starts_once() -> None:
    loop = UpdateLoop(Checks(), interval=3600)
    loop.start()
    try:
        with pytest.raises(RuntimeError):
            loop.start()
    finally:
        loop.stop()
    with pytest.raises(ValueError):
        UpdateLoop(Checks(), interval=0)


@given(
    ok=st.booleans(),
    failures=st.integers(0, 10_000),
    interval=st.floats(5, 3600),
    retry_base=st.floats(0.01, 600),
    seed=st.integers(0, 2**32),
)
def test_the_next_check_is_never_later_than_the_interval(
    ok: bool, failures: int, interval: float, retry_base: float, seed: int
) -> None:
    delay = next_delay(ok, failures, interval, retry_base, random.Random(seed))
    assert 0 < delay <= interval
    if ok:
        assert delay >= 0.9 * interval
