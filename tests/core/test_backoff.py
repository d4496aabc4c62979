"""Exponential backoff with full jitter."""

from __future__ import annotations

import itertools
import random
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.delivery.backoff import Backoff


def test_ceiling_doubles_from_the_base_and_stops_at_the_cap() -> None:
    backoff = Backoff()
    assert [backoff.ceiling(n) for n in range(1, 10)] == [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]


def test_ceiling_after_days_offline_does_not_overflow() -> None:
    assert Backoff(base=1, factor=10).ceiling(10_000) == 3600


def test_same_seed_same_delays() -> None:
    first = Backoff(rng=random.Random(42))
    second = Backoff(rng=random.Random(42))
    assert [first.delay(n) for n in range(1, 12)] == [second.delay(n) for n in range(1, 12)]


def test_delays_are_jittered_within_the_ceiling_and_grow_on_average() -> None:
    backoff = Backoff(rng=random.Random(1))
    means = []
    for attempt in range(1, 10):
        draws = [backoff.delay(attempt) for _ in range(400)]
        assert all(0 <= d <= backoff.ceiling(attempt) for d in draws)
        assert len(set(draws)) > 350  # jitter: kiosks coming back online do not retry in step
        means.append(sum(draws) / len(draws))
    # The first eight means grow; the later ones are capped.
    assert all(later > earlier for earlier, later in itertools.pairwise(means[:8]))
    assert 0.4 * 3600 < means[-1] < 0.6 * 3600  # capped: mean of U(0, 3600)


def test_retry_after_is_honoured_up_to_the_cap() -> None:
    backoff = Backoff(rng=random.Random(3))
    assert backoff.delay(1, retry_after=120) == 120
    assert backoff.delay(1, retry_after=0) == 0
    assert backoff.delay(1, retry_after=10**9) == 3600


@given(attempt=st.integers(1, 10_000), seed=st.integers(0, 2**32))
def test_never_negative_never_above_the_cap(attempt: int, seed: int) -> None:
    delay = Backoff(rng=random.Random(seed)).delay(attempt)
    assert 0 <= delay <= 3600


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"base": 0}, "base must be positive"),
        ({"factor": 0.5}, "factor must be at least 1"),
        ({"base": 60, "cap": 30}, "cap must be at least the base"),
    ],
)
def test_bad_parameters_are_refused(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Backoff(**kwargs)


def test_attempts_count_from_one() -> None:
    with pytest.raises(ValueError, match="attempt counts from 1"):
        Backoff().ceiling(0)
