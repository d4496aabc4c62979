"""A request for more information, and the validation of what the patient typed.

Validation never raises for bad input: it returns one :class:`FieldError` per problem, each
with a stable ``code`` the UI translates and an English ``message``. Messages never repeat
what the patient typed (they may end up in logs or crash reports).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from kiosk.core.text import SUPPORTED_LANGUAGES

NAME_MAX = 100
EMAIL_MAX = 254  # RFC 5321 path limit
EMAIL_LOCAL_MAX = 64
PHONE_INPUT_MAX = 32  # long enough for "+52 55 1234 5678"-style spacing, short enough to bound work
TOPICS_MAX = 50
TOPIC_ID_MAX = 64


class ContactTime(enum.Enum):
    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"
    ANY = "any"


class RequestStatus(enum.Enum):
    """Where a stored request is in its life.

    ``new``: stored, not yet delivered on every channel. ``delivered``: every channel took it.
    ``failed``: a channel refused it for good (staff should look). ``contacted``: staff dealt
    with it. Only delivered and contacted requests expire under the retention policy.
    """

    NEW = "new"
    DELIVERED = "delivered"
    FAILED = "failed"
    CONTACTED = "contacted"


#: Every message code the validator can return, with its English text (the UI's fallback).
MESSAGES: dict[str, str] = {
    "name_required": "Please enter your name.",
    "name_too_long": f"Please shorten your name to {NAME_MAX} characters or fewer.",
    "name_invalid": "Your name can only contain letters, spaces and punctuation.",
    "contact_required": "Please enter a phone number or an email address so we can reach you.",
    "phone_invalid": "Enter a phone number like 303-555-0123 or +52 55 1234 5678",
    "email_invalid": "Enter an email address like name@example.com",
    "email_too_long": f"That email address is too long (at most {EMAIL_MAX} characters).",
    "topics_invalid": "One of the chosen topics is not offered here; please choose again.",
    "topics_too_many": f"Please choose at most {TOPICS_MAX} topics.",
    "contact_time_invalid": "Please choose morning, afternoon, evening or any time.",
    "consent_required": "Please tick the box to agree that the clinic may contact you.",
    "language_unsupported": "Please choose English or Spanish.",
    "source_topic_invalid": "The topic this request came from is not offered here.",
}


@dataclass(frozen=True)
class FieldError:
    """One problem with one field. ``field`` is the form field the UI highlights."""

    field: str
    code: str
    message: str

    @classmethod
    def of(cls, field_name: str, code: str) -> FieldError:
        return cls(field=field_name, code=code, message=MESSAGES[code])


@dataclass(frozen=True)
class RequestInput:
    """What the form collected, as typed (untrimmed, unvalidated)."""

    name: str = ""
    phone: str = ""
    email: str = ""
    topics: Sequence[str] = ()
    contact_time: str = ContactTime.ANY.value
    consent: bool = False
    language: str = "en"
    source_topic: str | None = None


@dataclass(frozen=True)
class InfoRequest:
    """A validated request: name trimmed, phone in E.164, email with a lower-case domain."""

    name: str
    phone: str | None
    email: str | None
    topics: tuple[str, ...]
    contact_time: ContactTime
    language: str
    source_topic: str | None = None
    consent: bool = True

    def __repr__(self) -> str:
        # Keep patient data out of tracebacks and log lines that format this object.
        return f"InfoRequest(<{len(self.topics)} topics>, language={self.language!r})"


@dataclass(frozen=True)
class StoredRequest:
    """A request as the store holds it."""

    id: str
    created_at: datetime
    status: RequestStatus
    request: InfoRequest
    closed_at: datetime | None = None  # when it became delivered or contacted

    def __repr__(self) -> str:
        return f"StoredRequest(id={self.id!r}, status={self.status.value!r})"


@dataclass(frozen=True)
class ValidationResult:
    request: InfoRequest | None
    errors: tuple[FieldError, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.errors

    def for_field(self, field_name: str) -> tuple[FieldError, ...]:
        return tuple(e for e in self.errors if e.field == field_name)


class InvalidRequest(ValueError):
    """Raised by :func:`parse_request`; the message lists codes only, never values."""

    def __init__(self, errors: Sequence[FieldError]):
        self.errors = tuple(errors)
        super().__init__("invalid request: " + ", ".join(f"{e.field}={e.code}" for e in self.errors))


# --- phone -------------------------------------------------------------------------------

_SEP = r"[ .\-]?"
# NANP: optional country code 1, area code and exchange not starting with 0 or 1.
_US_PHONE = re.compile(
    rf"^(?:\+?1{_SEP})?(?:\((?P<a1>[2-9][0-9]{{2}})\)|(?P<a2>[2-9][0-9]{{2}})){_SEP}"
    rf"(?P<exchange>[2-9][0-9]{{2}}){_SEP}(?P<line>[0-9]{{4}})$",
    re.ASCII,
)
# International: "+", country code not starting with 0, digits with single spaces or dashes.
_INTL_PHONE = re.compile(r"^\+[1-9](?:[ \-]?[0-9])+$", re.ASCII)


def normalize_phone(text: str) -> str | None:
    """The phone number in E.164 (``+13035550123``), or None if it is not a phone number."""
    text = text.strip()
    if not text or len(text) > PHONE_INPUT_MAX:
        return None
    us = _US_PHONE.match(text)
    if us:
        area = us.group("a1") or us.group("a2")
        return f"+1{area}{us.group('exchange')}{us.group('line')}"
    if _INTL_PHONE.match(text):
        digits = re.sub(r"[^0-9]", "", text)
        if digits.startswith("1"):
            return None  # +1 numbers are North American and must match the NANP shape above
        if 8 <= len(digits) <= 15:
            return "+" + digits
    return None


# --- email -------------------------------------------------------------------------------

_EMAIL_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+)*$", re.ASCII)
_DOMAIN_LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?$", re.ASCII)
_TLD = re.compile(r"^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9\-]{1,59})$", re.ASCII)


def normalize_email(text: str) -> str | None:
    """The address with its domain in lower case, or None if it is not a sane address.

    Deliberately stricter than RFC 5322 (no quoted local parts, no IP literals, ASCII only):
    a kiosk keyboard cannot type those and a typo is likelier than a real one.
    """
    text = text.strip()
    if not text or len(text) > EMAIL_MAX or text.count("@") != 1:
        return None
    local, domain = text.split("@")
    if not local or len(local) > EMAIL_LOCAL_MAX or not _EMAIL_LOCAL.match(local):
        return None
    labels = domain.split(".")
    if len(labels) < 2 or not all(_DOMAIN_LABEL.match(label) for label in labels):
        return None
    if not _TLD.match(labels[-1]):
        return None
    return f"{local}@{domain.lower()}"


# --- the whole form ----------------------------------------------------------------------

_TOPIC_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$", re.ASCII)


def _name_has_control_chars(name: str) -> bool:
    # Lone surrogates cannot be stored as UTF-8 at all; the rest would break lines in lists.
    return any(
        ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 or ch in "\u2028\u2029" or 0xD800 <= ord(ch) <= 0xDFFF for ch in name
    )


def _check_topic_id(topic: object, known: Collection[str] | None) -> bool:
    if not isinstance(topic, str) or len(topic) > TOPIC_ID_MAX or not _TOPIC_ID.match(topic):
        return False
    return known is None or topic in known


def validate_request(data: RequestInput, known_topics: Collection[str] | None = None) -> ValidationResult:
    """Check every field and return all problems at once (the form shows them inline).

    ``known_topics``: the clinic's topic ids; when given, topics must be among them.
    """
    errors: list[FieldError] = []

    name = data.name.strip()
    if not name:
        errors.append(FieldError.of("name", "name_required"))
    elif len(name) > NAME_MAX:
        errors.append(FieldError.of("name", "name_too_long"))
    elif _name_has_control_chars(name):
        errors.append(FieldError.of("name", "name_invalid"))

    phone: str | None = None
    email: str | None = None
    phone_text, email_text = data.phone.strip(), data.email.strip()
    if not phone_text and not email_text:
        errors.append(FieldError.of("contact", "contact_required"))
    if phone_text:
        phone = normalize_phone(phone_text)
        if phone is None:
            errors.append(FieldError.of("phone", "phone_invalid"))
    if email_text:
        if len(email_text) > EMAIL_MAX:
            errors.append(FieldError.of("email", "email_too_long"))
        else:
            email = normalize_email(email_text)
            if email is None:
                errors.append(FieldError.of("email", "email_invalid"))

    topics: list[str] = []
    if isinstance(data.topics, str):  # a lone id would otherwise be read as its letters
        errors.append(FieldError.of("topics", "topics_invalid"))
    elif len(data.topics) > TOPICS_MAX:
        errors.append(FieldError.of("topics", "topics_too_many"))
    elif not all(_check_topic_id(t, known_topics) for t in data.topics):
        errors.append(FieldError.of("topics", "topics_invalid"))
    else:
        for topic in data.topics:
            if topic not in topics:  # a double tap on a topic chip must not list it twice
                topics.append(topic)

    try:
        contact_time = ContactTime(data.contact_time)
    except ValueError:
        errors.append(FieldError.of("contact_time", "contact_time_invalid"))
        contact_time = ContactTime.ANY

    if data.consent is not True:
        errors.append(FieldError.of("consent", "consent_required"))

    if data.language not in SUPPORTED_LANGUAGES:
        errors.append(FieldError.of("language", "language_unsupported"))

    source_topic = data.source_topic or None
    if source_topic is not None and not _check_topic_id(source_topic, known_topics):
        errors.append(FieldError.of("source_topic", "source_topic_invalid"))

    if errors:
        return ValidationResult(None, tuple(errors))
    return ValidationResult(
        InfoRequest(
            name=name,
            phone=phone,
            email=email,
            topics=tuple(topics),
            contact_time=contact_time,
            language=data.language,
            source_topic=source_topic,
        )
    )


def parse_request(data: RequestInput, known_topics: Collection[str] | None = None) -> InfoRequest:
    """Like :func:`validate_request` but raises :class:`InvalidRequest` on any problem."""
    result = validate_request(data, known_topics)
    if result.request is None:
        raise InvalidRequest(result.errors)
    return result.request
