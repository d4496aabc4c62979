"""What a channel is given (an outgoing request), what it answers (a classified result),
and how error text is scrubbed of patient data before it is stored."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

#: Stored error text is cut to this many characters.
MAX_ERROR_CHARS = 200


class Outcome(enum.Enum):
    DELIVERED = "delivered"
    #: Try again later (network down, timeout, 5xx, 408, 429, SMTP 4xx).
    TRANSIENT = "transient"
    #: Retrying cannot help (4xx, SMTP 5xx, bad configuration); the delivery is marked failed.
    PERMANENT = "permanent"


@dataclass(frozen=True)
class DeliveryResult:
    outcome: Outcome
    #: Why it did not go out; already scrubbed of patient data and truncated.
    error: str | None = None
    #: Seconds the receiver asked us to wait (HTTP Retry-After), uncapped.
    retry_after: float | None = None
    #: The server could not be reached, or did not answer in time (as opposed to answering
    #: with an error): the whole channel is down, not just this request.
    unreachable: bool = False

    @classmethod
    def delivered(cls) -> DeliveryResult:
        return cls(Outcome.DELIVERED)

    @classmethod
    def transient(cls, error: str, retry_after: float | None = None, *, unreachable: bool = False) -> DeliveryResult:
        return cls(Outcome.TRANSIENT, error, retry_after, unreachable)

    @classmethod
    def permanent(cls, error: str) -> DeliveryResult:
        return cls(Outcome.PERMANENT, error)


@dataclass(frozen=True)
class TopicRef:
    id: str
    title: str


@dataclass(frozen=True)
class OutgoingRequest:
    """One information request as the channels see it (topic titles already resolved)."""

    id: str
    created_at: datetime  # timezone-aware
    name: str
    phone: str | None
    email: str | None
    topics: tuple[TopicRef, ...]
    preferred_time: str  # morning / afternoon / evening / any
    language: str

    def __post_init__(self) -> None:
        if self.created_at.tzinfo is None:
            raise ValueError("OutgoingRequest.created_at must be timezone-aware")

    @property
    def short_id(self) -> str:
        """The last characters of the id, for subjects. The last ones: store ids begin with
        the time, so requests made minutes apart share their first characters."""
        return re.sub(r"[^0-9A-Za-z]", "", self.id)[-6:] or self.id[-6:]

    def personal_values(self) -> tuple[str, ...]:
        """Everything the patient typed, for scrubbing from error text."""
        return tuple(v for v in (self.name, self.phone, self.email) if v)


class Channel(Protocol):
    """Sends one request somewhere. Never raises for delivery problems: it classifies them.

    A channel may also have ``stop()``: end the sends in flight at once and refuse new ones
    (the kiosk is shutting down); the outbox calls it when there is one."""

    #: Unique per configured channel; the store keys delivery state on (request id, name).
    name: str

    def send(self, request: OutgoingRequest) -> DeliveryResult: ...


_EMAIL = re.compile(r"[^\s<>\"'@]+@[^\s<>\"'@]+")
# Phone numbers and other long digit runs (ids of the receiver's own records are harmless,
# but a phone number echoed back is not).
_DIGITS = re.compile(r"\+?\d[\d\s().-]{5,}\d")
#: Fewer digits than this is a status code ("554 5.7.1"), not a phone number.
_PHONE_DIGITS = 7


def scrub(text: str, personal: Iterable[str] = ()) -> str:
    """Error text safe to store: no patient values, no addresses, no phone numbers, short.

    Receivers sometimes echo the request in their error replies, so the values the patient
    typed are removed wherever they appear, then anything that looks like an address or phone.
    """
    cleaned = text
    for value in sorted({v.strip() for v in personal if v and v.strip()}, key=len, reverse=True):
        cleaned = re.sub(re.escape(value), "[redacted]", cleaned, flags=re.IGNORECASE)
    cleaned = _EMAIL.sub("[address]", cleaned)
    cleaned = _DIGITS.sub(
        lambda m: "[number]" if sum(c.isdigit() for c in m.group()) >= _PHONE_DIGITS else m.group(), cleaned
    )
    cleaned = " ".join(cleaned.split())
    if len(cleaned) > MAX_ERROR_CHARS:
        cleaned = cleaned[: MAX_ERROR_CHARS - 1] + "…"
    return cleaned
