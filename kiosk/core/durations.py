"""Slide durations as staff write them: ``12``, ``12.5``, ``"12s"``, ``"1m"``, ``"1m30s"``, ``"90 s"``."""

from __future__ import annotations

import math
import re

from kiosk.core.limits import MAX_DURATION, MIN_DURATION

_DURATION = re.compile(
    r"""^\s*
    (?:(?P<min>\d+(?:\.\d+)?)\s*(?:m|min|mins|minutes?)\s*)?
    (?:(?P<sec>\d+(?:\.\d+)?)\s*(?:s|sec|secs|seconds?)?\s*)?
    $""",
    re.VERBOSE | re.IGNORECASE,
)

EXAMPLES = '12, "12s", "1m" or "1m30s"'


def format_seconds(seconds: float) -> str:
    """``90`` -> ``"90 s"``, ``4.5`` -> ``"4.5 s"``: how messages show a duration."""
    return f"{seconds:g} s"


def parse_duration(value: object) -> float:
    """Seconds from a number or a friendly string; raises ValueError with a message for staff."""
    # bool is an int subclass: `duration: yes` must not read as 1 second.
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(f"expected a duration like {EXAMPLES}, got {value!r}")
    if isinstance(value, str):
        match = _DURATION.match(value)
        if not value.strip() or match is None or not (match["min"] or match["sec"]):
            raise ValueError(f"'{value}' is not a duration; write it like {EXAMPLES}")
        # A bare number ending the text with no unit after minutes ("1m30") reads as seconds.
        seconds = float(match["min"] or 0) * 60 + float(match["sec"] or 0)
    else:
        seconds = float(value)
    if math.isnan(seconds) or math.isinf(seconds):
        raise ValueError(f"expected a duration like {EXAMPLES}, got {value!r}")
    if seconds < 0:
        raise ValueError(f"a duration cannot be negative ({value!r})")
    return seconds


def clamp_duration(seconds: float) -> tuple[float, str | None]:
    """Keep a slide duration within MIN/MAX_DURATION; the message says which bound applied."""
    if seconds < MIN_DURATION:
        return MIN_DURATION, (
            f"{format_seconds(seconds)} is shorter than the minimum of "
            f"{format_seconds(MIN_DURATION)}; using {format_seconds(MIN_DURATION)}"
        )
    if seconds > MAX_DURATION:
        return MAX_DURATION, (
            f"{format_seconds(seconds)} is longer than the maximum of "
            f"{format_seconds(MAX_DURATION)}; using {format_seconds(MAX_DURATION)}"
        )
    return seconds, None
