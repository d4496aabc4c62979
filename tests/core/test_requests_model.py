"""Validation of what the patient typed: every field's message, phone and email formats."""

from __future__ import annotations

import string
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.core.requests.model import (
    EMAIL_MAX,
    MESSAGES,
    NAME_MAX,
    ContactTime,
    FieldError,
    InvalidRequest,
    RequestInput,
    normalize_email,
    normalize_phone,
    parse_request,
    validate_request,
)

GOOD = RequestInput(
    name="Ana López",
    phone="303-555-0123",
    consent=True,
    language="es",
    topics=("back-pain",),
    contact_time="morning",
    source_topic="back-pain",
)


def codes(data: RequestInput, known: tuple[str, ...] | None = None) -> dict[str, str]:
    return {e.field: e.code for e in validate_request(data, known).errors}


def with_(**changes: Any) -> RequestInput:
    values = {**GOOD.__dict__, **changes}
    return RequestInput(**values)


def test_a_good_request_is_normalized() -> None:
    result = validate_request(with_(name="  Ana López  ", email=" Ana@Example.COM "))
    assert result.ok and result.request is not None
    req = result.request
    assert req.name == "Ana López"
    assert req.phone == "+13035550123"
    assert req.email == "Ana@example.com"
    assert req.topics == ("back-pain",)
    assert req.contact_time is ContactTime.MORNING
    assert req.language == "es" and req.source_topic == "back-pain" and req.consent is True


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"name": ""}, "name", "name_required"),
        ({"name": "   "}, "name", "name_required"),
        ({"name": "x" * (NAME_MAX + 1)}, "name", "name_too_long"),
        ({"name": "Ana\nLópez"}, "name", "name_invalid"),
        ({"name": "Ana \ud800"}, "name", "name_invalid"),
        ({"phone": "", "email": ""}, "contact", "contact_required"),
        ({"phone": "555-0123"}, "phone", "phone_invalid"),
        ({"email": "ana@"}, "email", "email_invalid"),
        ({"email": "a" * 250 + "@example.com"}, "email", "email_too_long"),
        ({"topics": ("Back Pain",)}, "topics", "topics_invalid"),
        ({"topics": tuple(f"t{i}" for i in range(51))}, "topics", "topics_too_many"),
        ({"contact_time": "night"}, "contact_time", "contact_time_invalid"),
        ({"consent": False}, "consent", "consent_required"),
        ({"language": "fr"}, "language", "language_unsupported"),
        ({"source_topic": "not a topic"}, "source_topic", "source_topic_invalid"),
    ],
)
def test_each_field_has_its_own_friendly_message(changes: dict[str, Any], field: str, code: str) -> None:
    result = validate_request(with_(**changes))
    assert not result.ok and result.request is None
    assert result.errors == (FieldError(field=field, code=code, message=MESSAGES[code]),)
    assert result.for_field(field)[0].message == MESSAGES[code]


def test_every_message_code_is_reachable_and_english() -> None:
    assert MESSAGES["phone_invalid"] == "Enter a phone number like 303-555-0123 or +52 55 1234 5678"
    assert all(text and text[0].isupper() for text in MESSAGES.values())


def test_all_problems_are_reported_at_once() -> None:
    result = validate_request(RequestInput())
    assert {e.field for e in result.errors} == {"name", "contact", "consent"}


def test_known_topics_are_enforced_when_given() -> None:
    assert codes(GOOD, known=("back-pain", "knee")) == {}
    assert codes(with_(topics=("knee", "hip")), known=("back-pain", "knee")) == {"topics": "topics_invalid"}
    assert codes(with_(source_topic="hip"), known=("back-pain",)) == {"source_topic": "source_topic_invalid"}


def test_topics_may_be_empty_and_repeats_collapse() -> None:
    assert parse_request(with_(topics=())).topics == ()
    assert parse_request(with_(topics=("knee", "back-pain", "knee"))).topics == ("knee", "back-pain")


def test_email_alone_or_phone_alone_is_enough() -> None:
    assert parse_request(with_(phone="", email="a@b.co")).phone is None
    assert parse_request(with_(email="")).email is None


def test_both_bad_contacts_are_reported() -> None:
    assert codes(with_(phone="12", email="x")) == {"phone": "phone_invalid", "email": "email_invalid"}


def test_parse_request_raises_without_values_in_the_message() -> None:
    with pytest.raises(InvalidRequest) as info:
        parse_request(with_(name="Zyxwv Marker", phone="0000", consent=False))
    assert "Zyxwv" not in str(info.value) and "0000" not in str(info.value)
    assert {e.code for e in info.value.errors} == {"phone_invalid", "consent_required"}


def test_repr_keeps_patient_data_out() -> None:
    req = parse_request(with_(name="Zyxwv Marker"))
    assert "Zyxwv" not in repr(req) and "555" not in repr(req)


# --- phone ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "(303) 555-0123",
        "303-555-0123",
        "303.555.0123",
        "3035550123",
        "+1 303 555 0123",
        "1-303-555-0123",
        "+1-303-555-0123",
        "1 (303) 555-0123",
        " 303 555 0123 ",
        "+13035550123",
    ],
)
def test_us_formats_normalize_to_e164(text: str) -> None:
    assert normalize_phone(text) == "+13035550123"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+52 55 1234 5678", "+525512345678"),
        ("+44 20-7946-0958", "+442079460958"),
        ("+34612345678", "+34612345678"),
        ("+49 30 1234567", "+49301234567"),
    ],
)
def test_international_numbers_normalize_to_e164(text: str, expected: str) -> None:
    assert normalize_phone(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "555-0123",
        "(303 555-0123",
        "103-555-0123",
        "303-155-0123",
        "303-555-012",
        "303-555-01234",
        "+1 303 555 012",
        "+0 123 456 789",
        "+1234567",
        "+1234567890123456",
        "303--555-0123",
        "303 555 0123 ext 4",
        "phone",
        "+52 55 1234 5678 x",
        "٣٠٣٥٥٥٠١٢٣",
        "+52  55 1234 5678",
        "2" * 40,
    ],
)
def test_not_phone_numbers(text: str) -> None:
    assert normalize_phone(text) is None


@given(st.text(max_size=40))
@settings(max_examples=400)
def test_phone_result_is_always_e164_or_none(text: str) -> None:
    result = normalize_phone(text)
    if result is not None:
        assert result.startswith("+") and result[1:].isascii() and result[1:].isdigit()
        assert 8 <= len(result) - 1 <= 15 and result[1] != "0"


@given(
    area=st.integers(200, 999),
    exchange=st.integers(200, 999),
    line=st.integers(0, 9999),
    sep=st.sampled_from(["", "-", ".", " "]),
    prefix=st.sampled_from(["", "1", "+1", "1-", "+1 "]),
    parens=st.booleans(),
)
def test_any_nanp_number_in_any_us_format_round_trips(
    area: int, exchange: int, line: int, sep: str, prefix: str, parens: bool
) -> None:
    area_text = f"({area})" if parens else str(area)
    text = f"{prefix}{area_text}{sep}{exchange}{sep}{line:04d}"
    assert normalize_phone(text) == f"+1{area}{exchange}{line:04d}"


# Country codes starting with 1 are North American and must match the NANP shape instead.
@given(
    country=st.integers(2, 999).filter(lambda c: not str(c).startswith("1")),
    rest=st.text(string.digits, min_size=6, max_size=12),
    sep=st.sampled_from(["", " ", "-"]),
)
def test_international_numbers_round_trip(country: int, rest: str, sep: str) -> None:
    digits = f"{country}{rest}"
    text = "+" + sep.join([str(country), rest[:3], rest[3:]]).rstrip(sep)
    result = normalize_phone(text)
    if 8 <= len(digits) <= 15:
        assert result == "+" + digits
    else:
        assert result is None


# --- email ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ana@example.com", "ana@example.com"),
        ("Ana.Lopez+kiosk@Mail.Example.ORG", "Ana.Lopez+kiosk@mail.example.org"),
        ("  o'neil@clinic.co  ", "o'neil@clinic.co"),
        ("x@xn--bcher-kva.example", "x@xn--bcher-kva.example"),
    ],
)
def test_sane_addresses(text: str, expected: str) -> None:
    assert normalize_email(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ana",
        "ana@",
        "@example.com",
        "ana@example",
        "ana@@example.com",
        "a@b@example.com",
        "ana lopez@example.com",
        "ana@exa mple.com",
        ".ana@example.com",
        "ana.@example.com",
        "an..a@example.com",
        "ana@-example.com",
        "ana@example-.com",
        "ana@example..com",
        "ana@example.c",
        "ana@example.c0m",
        "ñ@example.com",
        "ana@exámple.com",
        "a" * 65 + "@example.com",
        "a@" + "b" * 64 + ".com",
        "a@" + ("b" * 60 + ".") * 5 + "com",
    ],
)
def test_not_addresses(text: str) -> None:
    assert normalize_email(text) is None


@given(st.text(max_size=80))
@settings(max_examples=400)
def test_email_result_is_always_sane_or_none(text: str) -> None:
    result = normalize_email(text)
    if result is not None:
        assert result.count("@") == 1 and len(result) <= EMAIL_MAX
        assert not any(c.isspace() for c in result) and result.isascii()
        local, domain = result.split("@")
        assert local and "." in domain and domain == domain.lower()


@given(
    local=st.from_regex(r"\A[a-z0-9]{1,20}(\.[a-z0-9_+\-]{1,10}){0,2}\Z"),
    domain=st.from_regex(r"\A[a-z0-9]{1,20}(\.[a-z0-9]{1,10}){0,2}\.[a-z]{2,6}\Z"),
)
def test_ordinary_addresses_are_accepted(local: str, domain: str) -> None:
    assert normalize_email(f"{local}@{domain.upper()}") == f"{local}@{domain}"


@given(st.text(min_size=1, max_size=NAME_MAX).filter(lambda s: s.strip() and s.isprintable()))
def test_any_printable_name_within_the_limit_is_accepted(name: str) -> None:
    result = validate_request(with_(name=name))
    assert result.ok and result.request is not None and result.request.name == name.strip()


def test_a_lone_topic_string_is_not_read_as_letters() -> None:
    assert codes(with_(topics="knee")) == {"topics": "topics_invalid"}
