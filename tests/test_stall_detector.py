"""The stall detector's logic with an injected clock (its real process test is in
tests/test_run_freeze.py): quiet for stall_seconds fires once; bumps keep it quiet; its thread
stops when asked."""

from __future__ import annotations

from datetime import datetime

import pytest

from kiosk.runtime.stall_detector import StallDetector, stall_line


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_quiet_for_stall_seconds_fires_once_and_bumps_keep_it_quiet() -> None:
    clock = Clock()
    fired: list[float] = []
    detector = StallDetector(20, clock=clock, on_stall=fired.append, backstop=False)
    for _ in range(10):  # a GUI thread that turns every 5 s is fine for ever
        clock.now += 5
        detector.bump()
        assert not detector.check()
    clock.now += 19.9
    assert not detector.check()
    clock.now += 0.2
    assert detector.check()
    assert fired == [pytest.approx(20.1)]
    clock.now += 100
    assert detector.check() and len(fired) == 1  # dumped and exited once


def test_a_machine_that_slept_is_not_frozen() -> None:
    """After a suspend both threads wake late: only the GUI thread lagging behind the checks
    is a freeze."""
    clock = Clock()
    fired: list[float] = []
    detector = StallDetector(20, clock=clock, on_stall=fired.append, backstop=False)
    assert not detector.check()
    clock.now += 3600  # an hour asleep: no bump, and no check either
    assert not detector.check()
    for _ in range(19):
        clock.now += 1
        assert not detector.check()  # the GUI thread is not turning, but not for 20 s yet
    clock.now += 1
    assert detector.check() and fired == [pytest.approx(20)]


def test_the_thread_stops_when_asked() -> None:
    detector = StallDetector(20, check_seconds=0.01, on_stall=lambda _s: None, backstop=False)
    detector.start()
    assert detector.running
    assert detector.stop(timeout=5)
    assert not detector.running
    with pytest.raises(RuntimeError):
        detector.start()


def test_the_line_is_in_the_logs_format() -> None:
    line = stall_line(20.4, datetime(2026, 11, 27, 12, 0, 3, 45000))
    assert line == (
        "2026-11-27 12:00:03,045 CRITICAL kiosk.stall: frozen: the GUI thread has not turned for 20 s; "
        "every thread's stack follows; exiting with 76\n"
    )


def test_stall_seconds_must_be_positive() -> None:
    with pytest.raises(ValueError):
        StallDetector(0)
