"""Friendly durations and clamping."""

from __future__ import annotations

import pytest

from kiosk.core.durations import clamp_duration, parse_duration
from kiosk.core.limits import MAX_DURATION, MIN_DURATION


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        (12, 12.0),
        (12.5, 12.5),
        ("12", 12.0),
        ("12s", 12.0),
        ("12 sec", 12.0),
        ("1m", 60.0),
        ("1m30s", 90.0),
        ("1m 30s", 90.0),
        ("90 s", 90.0),
        ("2 min", 120.0),
        ("1.5m", 90.0),
        ("  8S ", 8.0),
        (0, 0.0),
    ],
)
def test_parse(value: object, seconds: float) -> None:
    assert parse_duration(value) == seconds


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("soon", '\'soon\' is not a duration; write it like 12, "12s", "1m" or "1m30s"'),
        ("", '\'\' is not a duration; write it like 12, "12s", "1m" or "1m30s"'),
        ("1h", '\'1h\' is not a duration; write it like 12, "12s", "1m" or "1m30s"'),
        ("s", '\'s\' is not a duration; write it like 12, "12s", "1m" or "1m30s"'),
        (True, 'expected a duration like 12, "12s", "1m" or "1m30s", got True'),
        (None, 'expected a duration like 12, "12s", "1m" or "1m30s", got None'),
        ([12], 'expected a duration like 12, "12s", "1m" or "1m30s", got [12]'),
        (float("nan"), 'expected a duration like 12, "12s", "1m" or "1m30s", got nan'),
        (float("inf"), 'expected a duration like 12, "12s", "1m" or "1m30s", got inf'),
        (-3, "a duration cannot be negative (-3)"),
    ],
)
def test_parse_errors(value: object, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_duration(value)
    assert str(caught.value) == message


def test_clamp() -> None:
    assert clamp_duration(12.0) == (12.0, None)
    assert clamp_duration(MIN_DURATION) == (MIN_DURATION, None)
    assert clamp_duration(MAX_DURATION) == (MAX_DURATION, None)
    assert clamp_duration(1.5) == (4.0, "1.5 s is shorter than the minimum of 4 s; using 4 s")
    assert clamp_duration(301) == (300.0, "301 s is longer than the maximum of 300 s; using 300 s")
