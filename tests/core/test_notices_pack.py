"""notices.yaml in the content pack: loaded into the deck, validated like any content (limits,
placeholders, levels), a passed end is a warning naming the file; and what shows when."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.core.loader import load_deck
from kiosk.core.notices.model import Notice
from kiosk.core.notices.showing import Rotation, next_end, notice_text, showing_at
from kiosk.core.problems import Problem
from kiosk.core.text import LocalizedText
from tests.helpers.content_kit import make_pack, write

DENVER = ZoneInfo("America/Denver")
NOW = datetime(2026, 3, 10, 10, 0, tzinfo=DENVER)  # a Tuesday

NOTICES = """\
notices:
  - text:
      en: We are running about 20 minutes late.
      es: Vamos con unos 20 minutos de retraso.
    until: 2026-03-10 18:00
  - text: The car park is closed until {until}.
    level: important
    until: 2026-03-12
phrases:
  - We are running about {minutes} minutes late
  - {en: "{name} is out today", es: "{name} no está hoy"}
"""


def _load(tmp_path: Path, notices: str, now: datetime = NOW) -> tuple[object, list[Problem]]:
    root = make_pack(tmp_path / "pack")
    write(root, "notices.yaml", notices)
    result = load_deck(root, now=now)
    return result.deck, list(result.problems)


def _only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_notices_and_phrases_load_in_file_order(tmp_path: Path) -> None:
    deck, problems = _load(tmp_path, NOTICES)
    assert problems == []
    first, second = deck.notices  # type: ignore[attr-defined]  # the deck of a good load
    assert first.text.get("es").startswith("Vamos") and first.level == "info"
    assert first.until == datetime(2026, 3, 10, 18, 0, tzinfo=DENVER)
    assert first.source is not None and first.source.path == "notices.yaml" and first.source.line == 2
    # A date alone includes the whole day, as in schedules.
    assert second.important and second.until == datetime(2026, 3, 13, 0, 0, tzinfo=DENVER)
    assert [p.get("en") for p in deck.phrases] == [  # type: ignore[attr-defined]
        "We are running about {minutes} minutes late",
        "{name} is out today",
    ]


@pytest.mark.parametrize(
    ("notices", "field", "words"),
    [
        ("notices:\n  - text: Late by {minuts}\n    until: 2026-03-10 18:00\n", "notices[0].text", "{minuts}"),
        ("notices:\n  - text: Hi\n    level: urgent\n    until: 2026-03-10 18:00\n", "notices[0].level", "urgent"),
        ("notices:\n  - text: Hi\n", "notices[0].until", "missing"),
        ("phrases:\n  - Back at {tme}\n", "phrases[0]", "did you mean '{time}'"),
        ("- text: Hi\n  until: 2026-03-10 18:00\n", "file", "'notices:'"),
        ("notices:\n" + "  - {text: Hi, until: 2026-03-10 18:00}\n" * 21, "notices", "at most 20"),
    ],
)
def test_mistakes_are_errors_naming_the_file_and_field(tmp_path: Path, notices: str, field: str, words: str) -> None:
    deck, problems = _load(tmp_path, notices)
    problem = _only(problems)
    assert deck is None and problem.is_error
    assert problem.path == "notices.yaml" and problem.field == field
    assert words in problem.message


def test_a_notice_too_long_for_the_banner_is_a_warning(tmp_path: Path) -> None:
    deck, problems = _load(tmp_path, f"notices:\n  - text: {'x' * 81}\n    until: 2026-03-10 18:00\n")
    problem = _only(problems)
    assert not problem.is_error and problem.field == "notices[0].text" and "80" in problem.message
    assert deck is not None and len(deck.notices) == 1  # type: ignore[attr-defined]


def test_a_passed_end_is_a_warning_naming_notices_yaml(tmp_path: Path) -> None:
    deck, problems = _load(tmp_path, "notices:\n  - text: Closed early\n    until: 2026-03-09 17:00\n")
    problem = _only(problems)
    assert not problem.is_error
    assert str(problem).startswith("notices.yaml:3: notices[0].until:")
    assert "no longer shows" in problem.message
    assert deck is not None and showing_at(deck.notices, NOW) == ()  # type: ignore[attr-defined]


def test_no_file_or_an_empty_one_is_no_notices(tmp_path: Path) -> None:
    deck, problems = _load(tmp_path, "")
    assert problems == [] and deck is not None and deck.notices == ()  # type: ignore[attr-defined]


@pytest.mark.faults
def test_a_named_pipe_as_notices_yaml_is_an_error_not_a_hang(tmp_path: Path) -> None:
    import os

    root = make_pack(tmp_path / "pack")
    os.mkfifo(root / "notices.yaml")
    result = load_deck(root, now=NOW)
    problem = _only(list(result.problems))
    assert result.deck is None and problem.path == "notices.yaml" and problem.is_error


def _notice(en: str, minutes: int, level: str = "info") -> Notice:
    return Notice(LocalizedText({"en": en}), NOW + timedelta(minutes=minutes), level)


def test_important_notices_show_first_and_ended_ones_not_at_all() -> None:
    late, closed, gone = _notice("late", 60), _notice("closed", 30, "important"), _notice("gone", -1)
    assert showing_at([late, closed, gone], NOW) == (closed, late)
    assert showing_at([late, closed], NOW, ended=[closed.key]) == (late,)
    assert next_end([late, closed, gone], NOW) == closed.until


def test_the_rotation_takes_turns_and_skips_turns_nobody_saw() -> None:
    a, b, c = _notice("a", 60), _notice("b", 60), _notice("c", 60)
    rotation = Rotation(8)
    first = rotation.turn((a, b, c), NOW)
    assert first.notice == a and first.next_switch == NOW + timedelta(seconds=8)
    assert rotation.turn((a, b, c), NOW + timedelta(seconds=7)).notice == a
    assert rotation.turn((a, b, c), NOW + timedelta(seconds=8)).notice == b
    # 17 s later: two turns passed unseen, c's turn is over too, a shows again.
    assert rotation.turn((a, b, c), NOW + timedelta(seconds=25)).notice == a
    # The one on show ends: the first one takes over; alone, it never switches.
    alone = rotation.turn((b,), NOW + timedelta(seconds=26))
    assert alone.notice == b and alone.next_switch is None


def test_until_is_filled_with_the_end_as_a_patient_says_it() -> None:
    notice = Notice(
        LocalizedText({"en": "Closed until {until}.", "es": "Cerrado hasta {until}."}),
        datetime(2026, 3, 12, 0, 0, tzinfo=DENVER),
    )
    assert notice_text(notice, "en", NOW, DENVER) == "Closed until the end of tomorrow."
    assert notice_text(notice, "es", NOW, DENVER) == "Cerrado hasta el final de mañana."
    at_three = Notice(LocalizedText({"en": "Back at {until}"}), datetime(2026, 3, 10, 15, 0, tzinfo=DENVER))
    assert notice_text(at_three, "en", NOW, DENVER) == "Back at 3\u00a0PM"
