"""Weak staff PINs: the rule that ``kiosk set-pin`` applies, and the docs that state it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.admin_pin import weak_pin_reason, weak_pin_rules_markdown

pytestmark = pytest.mark.faults

PHONE = "+1 303-322-4900"


@pytest.mark.parametrize(
    "pin, reason",
    [
        ("0000", "all its digits are the same (like 0000)"),
        ("11111111", "all its digits are the same (like 0000)"),
        ("1234", "its digits go up or down in equal steps (like 1234, 4321 or 2468)"),
        ("12345678", "its digits go up or down in equal steps (like 1234, 4321 or 2468)"),
        ("4321", "its digits go up or down in equal steps (like 1234, 4321 or 2468)"),
        ("2468", "its digits go up or down in equal steps (like 1234, 4321 or 2468)"),
        ("7890", "its digits count up or down (like 7890)"),
        ("1098", "its digits count up or down (like 7890)"),
        ("1212", "it repeats a shorter group of digits (like 1212)"),
        ("123123", "it repeats a shorter group of digits (like 1212)"),
        ("1122", "its digits come in pairs (like 1122)"),
        ("1987", "it reads as a year"),
        ("2026", "it reads as a year"),
        ("2580", "it is one of the most common PINs"),
        ("4900", "it is part of the clinic's phone number, which patients can read on the screen"),
        ("03322490", "it is part of the clinic's phone number, which patients can read on the screen"),
    ],
)
def test_weak_pins_are_named_with_a_reason(pin: str, reason: str) -> None:
    assert weak_pin_reason(pin, avoid=[PHONE]) == reason


@pytest.mark.parametrize("pin", ["4826", "482916", "31758", "6283", "7391", "58217", "90210"])
def test_pins_without_a_pattern_pass(pin: str) -> None:
    assert weak_pin_reason(pin, avoid=[PHONE]) is None


def test_the_phone_rule_needs_the_phone() -> None:
    assert weak_pin_reason("4900") is None


def test_docs_state_the_rule_from_the_code() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "admin.md").read_text(encoding="utf-8")
    assert weak_pin_rules_markdown() in docs, "paste kiosk.core.admin_pin.weak_pin_rules_markdown() into admin.md"
