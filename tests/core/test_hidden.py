"""``hidden: true``: a slide is kept and checked but never reaches patients, and staff are
not nagged about it on every check."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest

from kiosk.core.clock import FixedClock
from kiosk.core.json_schema import slide_schema
from kiosk.core.loader import load_deck
from kiosk.core.model import Deck
from kiosk.core.playback import Playback
from tests.helpers.content_kit import CLINIC, INFO, make_pack

NOW = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)  # a Monday, 10:00 in Denver


def slide(slide_id: str, topic: str = "about", extra: str = "") -> str:
    return INFO.replace("id: welcome", f"id: {slide_id}").replace("topic: about", f"topic: {topic}") + extra


def deck_of(root: Path) -> Deck:
    result = load_deck(root, now=NOW)
    assert result.ok and result.deck is not None, [str(p) for p in result.problems]
    return result.deck


def messages(root: Path) -> list[str]:
    return [str(p) for p in load_deck(root, now=NOW).problems]


def test_a_hidden_slide_is_kept_checked_and_never_played(tmp_path: Path) -> None:
    root = make_pack(
        tmp_path / "c",
        {
            "a.yaml": slide("shown"),
            "b.yaml": slide("draft", "exercise", "hidden: true\n"),
            "c.yaml": slide("later", "exercise"),
        },
    )
    deck = deck_of(root)
    assert [s.id for s in deck.slides] == ["shown", "later"]
    assert [(s.id, s.hidden) for s in deck.hidden] == [("draft", True)]
    assert deck.clinic.playlist == ("shown", "later")
    assert deck.slide("draft") is None
    draft = deck.hidden[0]
    assert not deck.is_playing(draft, NOW)
    assert [s.id for s in deck.playing_at(NOW)] == ["shown", "later"]
    assert [s.id for s in deck.for_topic("exercise", NOW)] == ["later"]
    assert deck.topics_in_use == ("about", "exercise")
    playback = Playback(deck, FixedClock(NOW))
    seen = [playback.start()] + [playback.advance() for _ in range(4)]
    assert {s.id for s in seen if s} == {"shown", "later"}


def test_a_hidden_slide_is_still_validated(tmp_path: Path) -> None:
    root = make_pack(tmp_path / "c", {"a.yaml": INFO, "b.yaml": slide("draft", extra="hidden: true\ntitel: x\n")})
    assert messages(root) == ["slides/b.yaml:7: titel: unknown field 'titel' (did you mean 'title'?)"]


def test_no_nagging_about_a_hidden_slide_not_playing(tmp_path: Path) -> None:
    expired = "schedule:\n  from: 2024-01-06\n  until: 2024-02-01\n"
    never = "schedule:\n  days: []\n"
    long_title = INFO.replace("title: Welcome", "title: " + "x" * 80)
    clinic = CLINIC + "playlist: [welcome]\n"
    root = make_pack(
        tmp_path / "c",
        {
            "a.yaml": INFO,
            "b.yaml": slide("old-news", extra=expired + "hidden: true\n"),
            "c.yaml": slide("someday", extra=never + "hidden: true\n"),
            "d.yaml": long_title.replace("id: welcome", "id: draft") + "hidden: true\n",
        },
        clinic,
    )
    # Not in the playlist, expired, never scheduled: all fine for a hidden slide. What it says
    # on screen is still checked, so it is right on the day it is shown again.
    assert messages(root) == [
        "slides/d.yaml:4: title: warning: English text is 80 characters, more than the 50 that fit on screen; "
        "shorten it"
    ]
    shown = make_pack(tmp_path / "d", {"a.yaml": INFO, "b.yaml": slide("old-news", extra=expired)}, clinic)
    assert messages(shown) == [
        "slides/b.yaml:1: id: warning: slide 'old-news' is not in the playlist, it never plays",
        "slides/b.yaml:8: schedule.until: warning: expired on 2024-02-01, it no longer plays",
    ]


def test_a_hidden_slide_in_the_playlist_is_no_error_and_does_not_play(tmp_path: Path) -> None:
    clinic = CLINIC + "playlist: [welcome, draft, welcome]\n"
    root = make_pack(tmp_path / "c", {"a.yaml": INFO, "b.yaml": slide("draft", extra="hidden: yes\n")}, clinic)
    deck = deck_of(root)
    assert [s.id for s in deck.slides] == ["welcome", "welcome"]
    # Listed twice, it plays twice as often, but a topic still holds it once.
    assert [s.id for s in deck.for_topic("about", NOW)] == ["welcome"]


@pytest.mark.parametrize(
    ("clinic_extra", "expected"),
    [
        ("", "slides: hidden: every slide is hidden (hidden: true), so nothing would play; show at least one"),
        (
            "playlist: [draft]\n",
            "clinic.yaml:11: playlist: every slide in the playlist is hidden (hidden: true), so nothing would play; "
            "show at least one",
        ),
    ],
)
def test_hiding_every_slide_is_an_error(tmp_path: Path, clinic_extra: str, expected: str) -> None:
    root = make_pack(tmp_path / "c", {"b.yaml": slide("draft", extra="hidden: true\n")}, CLINIC + clinic_extra)
    assert messages(root) == [expected]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('"true"', "slides/a.yaml:6: hidden: expected true or false, but got 'true'"),
        ("1", "slides/a.yaml:6: hidden: expected true or false, but got the number 1"),
        ("", "slides/a.yaml:6: hidden: expected true or false, but got an empty value"),
    ],
)
def test_hidden_is_true_or_false(tmp_path: Path, value: str, expected: str) -> None:
    root = make_pack(tmp_path / "c", {"a.yaml": INFO + f"hidden: {value}\n", "b.yaml": slide("other")})
    assert messages(root) == [expected]


def test_hidden_false_is_an_ordinary_slide(tmp_path: Path) -> None:
    root = make_pack(tmp_path / "c", {"a.yaml": INFO + "hidden: false\n"})
    deck = deck_of(root)
    assert [s.id for s in deck.slides] == ["welcome"] and deck.hidden == ()


def test_the_schema_knows_hidden() -> None:
    validator = jsonschema.Draft202012Validator(slide_schema())
    base = {"id": "a", "kind": "info", "topic": "about", "title": "A"}
    assert validator.is_valid({**base, "hidden": True})
    assert not validator.is_valid({**base, "hidden": "yes"})
    info = slide_schema()["$defs"]["info_slide"]["properties"]["hidden"]
    assert info["type"] == "boolean" and "never shown to patients" in info["description"]


def test_hiding_the_slide_on_screen_moves_the_show_on(tmp_path: Path) -> None:
    slides = {"a.yaml": slide("first"), "b.yaml": slide("second"), "c.yaml": slide("third")}
    before = deck_of(make_pack(tmp_path / "before", slides))
    after = deck_of(make_pack(tmp_path / "after", {**slides, "b.yaml": slide("second", extra="hidden: true\n")}))
    playback = Playback(before, FixedClock(NOW))
    assert playback.start() is not None and playback.advance().id == "second"
    playback.replace_deck(after)
    assert [playback.advance().id for _ in range(3)] == ["third", "first", "third"]
