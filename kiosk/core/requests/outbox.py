"""Delivery records: one per request and channel (the outbox issue 6's senders work from)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime


class DeliveryState(enum.Enum):
    PENDING = "pending"  # waiting for its next attempt (first try or retry)
    DELIVERED = "delivered"
    FAILED = "failed"  # permanent failure: not retried until staff or IT say so


@dataclass(frozen=True)
class Delivery:
    request_id: str
    channel: str
    state: DeliveryState
    attempts: int
    last_error: str | None
    next_attempt_at: datetime
    delivered_at: datetime | None
    updated_at: datetime
