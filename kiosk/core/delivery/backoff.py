"""Exponential backoff with full jitter, so many kiosks coming back online do not retry in step."""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Backoff:
    """Delay before retry number ``attempt`` (1 = after the first failure).

    Full jitter: a uniform draw in ``[0, min(cap, base * factor ** (attempt - 1))]``.
    """

    base: float = 30.0
    factor: float = 2.0
    cap: float = 3600.0
    rng: random.Random = field(default_factory=random.Random, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.base <= 0:
            raise ValueError("backoff base must be positive")
        if self.factor < 1:
            raise ValueError("backoff factor must be at least 1")
        if self.cap < self.base:
            raise ValueError("backoff cap must be at least the base")

    def ceiling(self, attempt: int) -> float:
        """The largest delay retry ``attempt`` may get."""
        if attempt < 1:
            raise ValueError("attempt counts from 1")
        # Compare exponents instead of computing factor ** attempt, which overflows after days
        # offline with a short base.
        delay = self.base
        for _ in range(attempt - 1):
            delay *= self.factor
            if delay >= self.cap:
                return self.cap
        return min(delay, self.cap)

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait. A receiver's Retry-After is honoured, but never beyond the cap."""
        if retry_after is not None and retry_after >= 0:
            return min(retry_after, self.cap)
        return self.rng.uniform(0.0, self.ceiling(attempt))
