"""load_deck on valid content: every slide kind, playlists, schedules, versions, atomicity."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from kiosk.core.loader import LoadResult, load_deck
from kiosk.core.model import BulletsSlide, ContactSlide, ExerciseSlide, InfoSlide, NewsSlide
from kiosk.core.problems import ContentError
from kiosk.core.schedule import Schedule, TimeWindow
from kiosk.core.text import LocalizedText
from tests.helpers.content_kit import CLINIC, INFO, make_pack, png, svg, write

DENVER = ZoneInfo("America/Denver")

ALL_KINDS = """\
slides:
  - id: welcome
    kind: info
    topic: about
    title: {en: Welcome, es: Bienvenidos}
    body: |
      First paragraph with **bold**.

      - one
      - two
    image: images/photo.png
    duration: 1m30s
  - id: tips
    kind: bullets
    topic: about
    title: Tips
    items:
      - Drink *water*
      - {en: Walk, es: Camine}
  - id: cat-cow
    kind: exercise
    topic: exercise
    title: Cat-cow
    steps: [Kneel on all fours, Arch your back]
    caution: Ask your therapist first.
    image: images/drawing.svg
    hold: 5s
    repetitions: 10
    sets: 2
  - id: shockwave
    kind: news
    topic: about
    title: Now offering Shockwave Therapy
    date: 2025-01-06
    body: Since January.
    schedule:
      from: 2025-01-06
      until: 2025-03-31
      days: weekdays
      hours: ["07:00-11:00", "22:00-02:00"]
  - id: call-us
    kind: contact
    topic: about
    title: Call us
    qr: tel:+13035550100
    qr_caption: Scan to call
"""


def load_ok(root: Path, **kwargs: Any) -> LoadResult:
    result = load_deck(root, **kwargs)
    assert [str(p) for p in result.problems] == []
    assert result.ok and result.deck is not None
    return result


def test_every_slide_kind_loads_into_the_model(tmp_path: Path) -> None:
    root = make_pack(tmp_path / "c", {"all.yaml": ALL_KINDS})
    svg(root)
    deck = load_ok(root).deck
    assert deck is not None
    welcome, tips, cat_cow, news, contact = deck.slides
    assert isinstance(welcome, InfoSlide)
    assert welcome.title == LocalizedText({"en": "Welcome", "es": "Bienvenidos"})
    assert welcome.body == LocalizedText.english("First paragraph with **bold**.\n\n- one\n- two")
    assert welcome.duration == 90.0
    assert welcome.image is not None and (welcome.image.width, welcome.image.height) == (1600, 900)
    assert welcome.image.format == "png" and welcome.image.rel == "images/photo.png"
    assert welcome.image.path == (root / "images/photo.png").resolve()
    assert welcome.source.path == "slides/all.yaml" and welcome.source.line == 2
    assert isinstance(tips, BulletsSlide)
    assert tips.items == (LocalizedText.english("Drink *water*"), LocalizedText({"en": "Walk", "es": "Camine"}))
    assert isinstance(cat_cow, ExerciseSlide)
    assert (cat_cow.hold, cat_cow.repetitions, cat_cow.sets) == (5.0, 10, 2)
    assert cat_cow.image.format == "svg" and (cat_cow.image.width, cat_cow.image.height) == (800, 600)
    assert isinstance(news, NewsSlide)
    assert news.date == date(2025, 1, 6)
    assert news.schedule == Schedule(
        active_from=datetime(2025, 1, 6),
        active_until=datetime(2025, 4, 1),  # a date-only until includes that day
        weekdays=frozenset(range(5)),
        windows=(TimeWindow(time(7), time(11)), TimeWindow(time(22), time(2))),
    )
    assert isinstance(contact, ContactSlide)
    assert contact.qr == "tel:+13035550100" and contact.qr_caption == LocalizedText.english("Scan to call")
    assert deck.clinic.playlist == ("welcome", "tips", "cat-cow", "shockwave", "call-us")
    assert deck.duration_of(tips) == 12.0


def test_clinic_fields(tmp_path: Path) -> None:
    clinic = (
        CLINIC
        + """\
address: 1 Main St, Denver
website: https://example.com/clinic
languages: [en, es]
default_duration: 20
theme:
  primary: "#112233"
  accent: "#AABBCC"
logo: images/photo.png
opening_hours:
  mon: 08:00-12:00, 13:00-18:00
  sat: closed
follow_up: {en: We will call you., es: Le llamaremos.}
"""
    )
    deck = load_ok(make_pack(tmp_path / "c", clinic=clinic)).deck
    assert deck is not None
    c = deck.clinic
    assert (c.name, c.phone, c.address, c.website) == (
        "Test Clinic",
        "+1 303-555-0100",
        "1 Main St, Denver",
        "https://example.com/clinic",
    )
    assert c.timezone == DENVER and c.languages == ("en", "es") and c.default_duration == 20.0
    assert (c.theme.primary, c.theme.accent, c.theme.background) == ("#112233", "#aabbcc", "#f7f9fa")
    assert c.logo is not None and c.logo.rel == "images/photo.png"
    assert c.opening_hours[0].windows == (TimeWindow(time(8), time(12)), TimeWindow(time(13), time(18)))
    assert [h.windows for h in c.opening_hours[1:]] == [()] * 6
    assert c.follow_up == LocalizedText({"en": "We will call you.", "es": "Le llamaremos."})
    assert [t.id for t in c.topics] == ["about", "exercise"]
    assert c.topic("exercise") is not None and c.topic("exercise").title.get("es") == "Ejercicio"


def test_without_playlist_slides_play_by_file_name_then_position(tmp_path: Path) -> None:
    two = "slides:\n  - {id: b-one, kind: info, topic: about, title: B1}\n  - {id: b-two, kind: info, topic: about, title: B2}\n"
    root = make_pack(tmp_path / "c", {"b.yaml": two, "a.yaml": INFO, "c.yml": INFO.replace("welcome", "zzz")})
    deck = load_ok(root).deck
    assert deck is not None and [s.id for s in deck.slides] == ["welcome", "b-one", "b-two", "zzz"]


def test_explicit_playlist_orders_slides(tmp_path: Path) -> None:
    second = INFO.replace("welcome", "second")
    root = make_pack(
        tmp_path / "c", {"a.yaml": INFO, "b.yaml": second}, clinic=CLINIC + "playlist: [second, welcome]\n"
    )
    deck = load_ok(root).deck
    assert deck is not None and [s.id for s in deck.slides] == ["second", "welcome"]
    assert deck.clinic.playlist == ("second", "welcome")


@pytest.mark.parametrize(
    ("written", "seconds"),
    [("12", 12.0), ("12.5", 12.5), ('"12s"', 12.0), ('"1m"', 60.0), ('"1m30s"', 90.0), ('"90 s"', 90.0)],
)
def test_friendly_durations(tmp_path: Path, written: str, seconds: float) -> None:
    deck = load_ok(make_pack(tmp_path / "c", {"a.yaml": INFO + f"duration: {written}\n"})).deck
    assert deck is not None and deck.slides[0].duration == seconds


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        ("weekends", {5, 6}),
        ("every day", set(range(7))),
        ("[mon, Wed, friday]", {0, 2, 4}),
        ("sun", {6}),
        ("[Monday, sunday, mon]", {0, 6}),
    ],
)
def test_schedule_days(tmp_path: Path, days: str, expected: set[int]) -> None:
    deck = load_ok(make_pack(tmp_path / "c", {"a.yaml": INFO + f"schedule:\n  days: {days}\n"})).deck
    assert deck is not None and deck.slides[0].schedule.weekdays == frozenset(expected)


def test_schedule_with_date_times_plays_in_clinic_time(tmp_path: Path) -> None:
    text = INFO + "schedule:\n  from: 2025-01-06 08:00\n  until: 2025-01-06T17:30\n"
    deck = load_ok(make_pack(tmp_path / "c", {"a.yaml": text})).deck
    assert deck is not None
    schedule = deck.slides[0].schedule
    assert (schedule.active_from, schedule.active_until) == (datetime(2025, 1, 6, 8), datetime(2025, 1, 6, 17, 30))
    assert deck.playing_at(datetime(2025, 1, 6, 9, tzinfo=DENVER)) == deck.slides
    assert deck.playing_at(datetime(2025, 1, 6, 18, tzinfo=DENVER)) == ()
    assert deck.next_change(datetime(2025, 1, 6, 9, tzinfo=DENVER)) == datetime(2025, 1, 6, 17, 30, tzinfo=DENVER)


def test_expired_slide_is_only_a_warning_when_now_is_given(tmp_path: Path) -> None:
    text = INFO + "schedule:\n  until: 2025-03-31\n"
    root = make_pack(tmp_path / "c", {"a.yaml": text})
    assert load_deck(root).problems == ()
    late = load_deck(root, now=datetime(2025, 4, 1, 0, 30, tzinfo=DENVER))
    assert late.ok
    assert [str(p) for p in late.problems] == [
        "slides/a.yaml:7: schedule.until: warning: expired on 2025-03-31, it no longer plays"
    ]
    # The last day still counts: a date-only until includes that whole day.
    assert load_deck(root, now=datetime(2025, 3, 31, 23, 59, tzinfo=DENVER)).problems == ()


def test_version_changes_with_any_file_and_is_stable(tmp_path: Path) -> None:
    root = make_pack(tmp_path / "c")
    first = load_ok(root).deck
    again = load_ok(root).deck
    assert first is not None and again is not None
    assert first.version == again.version and len(first.version) == 16
    png(root, "images/unused.png", (10, 10))
    changed = load_ok(root).deck
    assert changed is not None and changed.version != first.version


def test_errors_give_no_deck_and_raise_for_errors_carries_them(tmp_path: Path) -> None:
    root = make_pack(tmp_path / "c", {"a.yaml": INFO.replace("title: Welcome", "titel: Welcome")})
    result = load_deck(root)
    assert not result.ok and result.deck is None
    with pytest.raises(ContentError) as caught:
        result.raise_for_errors()
    assert caught.value.problems == result.problems


def test_warnings_still_give_a_deck(tmp_path: Path) -> None:
    root = make_pack(tmp_path / "c", {"a.yaml": INFO + "duration: 1s\n"})
    result = load_deck(root)
    assert result.ok and result.deck is not None and result.deck.slides[0].duration == 4.0
    assert result.warnings == result.problems and len(result.problems) == 1


def test_yaml_bool_trap_in_keys_is_avoided(tmp_path: Path) -> None:
    # `no:`/`on:` as keys stay words, so they are reported as unknown fields, not as True/False.
    root = make_pack(tmp_path / "c", {"a.yaml": INFO + "on: 1\n"})
    assert [str(p) for p in load_deck(root).problems] == ["slides/a.yaml:6: on: unknown field 'on'"]


def test_utf8_bom_and_crlf_are_fine(tmp_path: Path) -> None:
    root = make_pack(tmp_path / "c", {})
    (root / "slides").mkdir()
    (root / "slides/a.yaml").write_bytes(b"\xef\xbb\xbf" + INFO.replace("\n", "\r\n").encode())
    load_ok(root)


def test_symlink_inside_the_folder_is_fine(tmp_path: Path) -> None:
    root = make_pack(tmp_path / "c", {"a.yaml": INFO + "image: images/link.png\n"})
    (root / "images/link.png").symlink_to(root / "images/photo.png")
    deck = load_ok(root).deck
    assert deck is not None
    assert deck.slides[0].images().__next__().path == (root / "images/photo.png").resolve()


def test_files_in_slides_that_are_not_yaml_are_ignored(tmp_path: Path) -> None:
    root = make_pack(tmp_path / "c")
    write(root, "slides/notes.txt", "not yaml: [")
    load_ok(root)
