"""The content model's behaviour: localized text, what a deck plays when, problems as text."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from kiosk.core.model import (
    SLIDE_KINDS,
    BulletsSlide,
    Clinic,
    ContactSlide,
    Deck,
    ExerciseSlide,
    ImageRef,
    InfoSlide,
    NewsSlide,
    Slide,
    Source,
    Topic,
)
from kiosk.core.problems import ContentError, Problem, Severity, has_errors
from kiosk.core.schedule import Schedule, TimeWindow
from kiosk.core.text import LocalizedText

DENVER = ZoneInfo("America/Denver")
WEDNESDAY_10 = datetime(2026, 3, 4, 10, 0, tzinfo=DENVER)
T = LocalizedText.english


class TestLocalizedText:
    def test_missing_translation_falls_back_to_english(self) -> None:
        text = LocalizedText({"en": "Walking breaks", "es": "Pausas para caminar"})
        assert text.get("es") == "Pausas para caminar"
        assert text.get("en") == "Walking breaks"
        assert text.get("fr") == "Walking breaks"
        assert T("Hello").get("es") == "Hello"

    def test_empty_translation_falls_back_to_english(self) -> None:
        text = LocalizedText({"en": "Hello", "es": ""})
        assert text.get("es") == "Hello"
        assert not text.has("es")
        assert text.has("en")
        assert text.languages == frozenset({"en"})

    def test_languages_lists_the_non_empty_ones(self) -> None:
        assert LocalizedText({"en": "a", "es": "b"}).languages == frozenset({"en", "es"})

    @pytest.mark.parametrize("values", [{}, {"es": "Hola"}, {"en": ""}])
    def test_english_is_required(self, values: dict[str, str]) -> None:
        with pytest.raises(ValueError, match="English"):
            LocalizedText(values)

    def test_values_are_frozen_copies(self) -> None:
        source = {"en": "Hello"}
        text = LocalizedText(source)
        source["en"] = "Changed"
        assert text.get("en") == "Hello"
        with pytest.raises(TypeError):
            text.values["en"] = "x"  # type: ignore[index]  # read-only: the write must fail
        with pytest.raises(FrozenInstanceError):
            text.values = {}  # type: ignore[misc]  # frozen: the write must fail

    def test_equality_and_hash_follow_the_values(self) -> None:
        a = LocalizedText({"en": "Hi", "es": "Hola"})
        b = LocalizedText({"es": "Hola", "en": "Hi"})
        assert a == b and hash(a) == hash(b)
        assert a != T("Hi")
        assert a != "Hi"
        assert len({a, b, T("Hi")}) == 2


def info(slide_id: str, topic: str = "about", **kwargs: Any) -> Slide:
    return InfoSlide(
        id=slide_id,
        topic=topic,
        title=T(slide_id),
        source=Source(f"slides/{slide_id}.yaml", 1),
        **kwargs,
    )


def make_deck(*slides: Slide, topics: tuple[str, ...] = ("about", "exercise", "news")) -> Deck:
    clinic = Clinic(
        name="Atlas Physical Therapy",
        phone="+1 303-322-4900",
        timezone=DENVER,
        topics=tuple(Topic(t, T(t.title())) for t in topics),
        playlist=tuple(s.id for s in slides),
        default_duration=12.0,
    )
    return Deck(clinic=clinic, slides=slides, root=Path("/nonexistent-content"), version="v1")


class TestDeck:
    mornings = Schedule(windows=(TimeWindow(time(7), time(11)),))
    afternoons = Schedule(windows=(TimeWindow(time(13), time(18)),))

    def test_slide_by_id(self) -> None:
        deck = make_deck(info("a"), info("b"))
        assert deck.slide("b") is deck.slides[1]
        assert deck.slide("missing") is None

    def test_playing_at_keeps_playlist_order(self) -> None:
        deck = make_deck(
            info("pm", schedule=self.afternoons),
            info("always"),
            info("am", schedule=self.mornings),
        )
        assert [s.id for s in deck.playing_at(WEDNESDAY_10)] == ["always", "am"]
        afternoon = WEDNESDAY_10.replace(hour=14)
        assert [s.id for s in deck.playing_at(afternoon)] == ["pm", "always"]
        assert deck.is_playing(deck.slides[0], afternoon)
        assert not deck.is_playing(deck.slides[0], WEDNESDAY_10)

    def test_playing_at_uses_the_clinic_zone(self) -> None:
        deck = make_deck(info("am", schedule=self.mornings))
        # 17:00 UTC is 10:00 in Denver in March (before the DST change).
        assert deck.playing_at(datetime(2026, 3, 4, 17, 0, tzinfo=UTC))
        assert not deck.playing_at(datetime(2026, 3, 4, 10, 0, tzinfo=UTC))

    def test_for_topic_filters_playing_slides(self) -> None:
        deck = make_deck(
            info("a", topic="exercise"),
            info("b", topic="about"),
            info("c", topic="exercise", schedule=self.afternoons),
            info("d", topic="exercise"),
        )
        assert [s.id for s in deck.for_topic("exercise", WEDNESDAY_10)] == ["a", "d"]
        later = WEDNESDAY_10.replace(hour=15)
        assert [s.id for s in deck.for_topic("exercise", later)] == ["a", "c", "d"]
        assert deck.for_topic("news", WEDNESDAY_10) == ()
        assert deck.for_topic("unknown", WEDNESDAY_10) == ()

    def test_duration_of_uses_the_default(self) -> None:
        deck = make_deck(info("a", duration=30.0), info("b"))
        assert deck.duration_of(deck.slides[0]) == 30.0
        assert deck.duration_of(deck.slides[1]) == 12.0

    def test_next_change_is_the_earliest_of_all_slides(self) -> None:
        deck = make_deck(
            info("always"),
            info("am", schedule=self.mornings),
            info("pm", schedule=self.afternoons),
            info("news", schedule=Schedule(active_from=datetime(2026, 3, 4, 12, 0))),
        )
        assert deck.next_change(WEDNESDAY_10) == datetime(2026, 3, 4, 11, 0, tzinfo=DENVER)
        assert deck.next_change(WEDNESDAY_10.replace(hour=11)) == datetime(2026, 3, 4, 12, 0, tzinfo=DENVER)
        assert deck.next_change(WEDNESDAY_10.replace(hour=12)) == datetime(2026, 3, 4, 13, 0, tzinfo=DENVER)

    def test_next_change_is_none_when_nothing_is_scheduled(self) -> None:
        assert make_deck(info("a"), info("b")).next_change(WEDNESDAY_10) is None
        assert make_deck().next_change(WEDNESDAY_10) is None
        expired = Schedule(active_until=datetime(2026, 1, 1))
        assert make_deck(info("old", schedule=expired)).next_change(WEDNESDAY_10) is None

    def test_next_change_in_the_repeated_fall_back_hour(self) -> None:
        # 2026-11-01 in Denver: 01:00-02:00 happens twice (MDT, then MST).
        after = datetime(2026, 11, 1, 1, 10, tzinfo=DENVER)  # first pass, 07:10 UTC
        deck = make_deck(
            # Starts at 01:30 MDT = 07:30 UTC.
            info("a", schedule=Schedule(windows=(TimeWindow(time(1, 30), time(2, 30)),))),
            # Ended at 01:05 MDT; the clock returns to 01:00 MST (08:00 UTC) and it plays again.
            info("b", schedule=Schedule(windows=(TimeWindow(time(0, 30), time(1, 5)),))),
        )
        change = deck.next_change(after)
        assert change is not None
        assert change.astimezone(UTC) == datetime(2026, 11, 1, 7, 30, tzinfo=UTC)

    def test_topics_in_use_follow_the_clinic_order(self) -> None:
        deck = make_deck(info("x", topic="news"), info("y", topic="about"))
        assert deck.topics_in_use == ("about", "news")
        assert deck.clinic.topic("news") is not None
        assert deck.clinic.topic("missing") is None

    def test_deck_is_immutable(self) -> None:
        deck = make_deck(info("a"))
        with pytest.raises(FrozenInstanceError):
            deck.slides = ()  # type: ignore[misc]  # frozen: the write must fail


class TestSlides:
    image = ImageRef(Path("/c/images/a.png"), "images/a.png", 1920, 1080, "png")

    def test_kinds_are_registered(self) -> None:
        assert set(SLIDE_KINDS) == {"info", "bullets", "exercise", "news", "contact"}
        assert all(cls.kind == kind for kind, cls in SLIDE_KINDS.items())

    def test_images_yields_the_slide_image(self) -> None:
        assert list(info("a").images()) == []
        assert list(info("a", image=self.image).images()) == [self.image]
        exercise = ExerciseSlide(
            id="cat-cow",
            topic="exercise",
            title=T("Cat-cow"),
            source=Source("slides/cat-cow.yaml"),
            steps=(T("Kneel"),),
            caution=T("Stop if it hurts"),
            image=self.image,
        )
        assert list(exercise.images()) == [self.image]
        bullets = BulletsSlide(id="b", topic="about", title=T("B"), source=Source("s.yaml"), items=(T("x"),))
        assert list(bullets.images()) == []

    def test_image_ref_vector(self) -> None:
        assert not self.image.is_vector
        svg = ImageRef(Path("/c/images/a.svg"), "images/a.svg", 100, 100, "svg")
        assert svg.is_vector

    def test_source_str(self) -> None:
        assert str(Source("slides/a.yaml", 12)) == "slides/a.yaml:12"
        assert str(Source("clinic.yaml")) == "clinic.yaml"

    def test_slides_of_other_kinds_build(self) -> None:
        news = NewsSlide(
            id="n",
            topic="news",
            title=T("Open house"),
            source=Source("slides/n.yaml"),
            date=date(2026, 3, 5),
            body=T("Come by"),
        )
        contact = ContactSlide(id="c", topic="about", title=T("Call"), source=Source("s.yaml"), qr="tel:+13033224900")
        assert news.kind == "news" and contact.kind == "contact"
        assert news.schedule.is_always and news.duration is None


class TestProblems:
    def test_str_with_line(self) -> None:
        problem = Problem("slides/a.yaml", 3, "titel", "unknown field; did you mean 'title'?")
        assert str(problem) == "slides/a.yaml:3: titel: unknown field; did you mean 'title'?"
        assert problem.is_error

    def test_str_without_line(self) -> None:
        assert str(Problem("clinic.yaml", None, "playlist", "is empty")) == ("clinic.yaml: playlist: is empty")

    def test_warning_is_marked(self) -> None:
        problem = Problem("slides/a.yaml", 7, "body", "too long", Severity.WARNING)
        assert str(problem) == "slides/a.yaml:7: body: warning: too long"
        assert not problem.is_error

    def test_has_errors(self) -> None:
        warning = Problem("a.yaml", 1, "f", "w", Severity.WARNING)
        error = Problem("a.yaml", 2, "f", "e")
        assert not has_errors([])
        assert not has_errors([warning])
        assert has_errors([warning, error])

    def test_problems_sort_by_file_then_line(self) -> None:
        problems = [Problem("b.yaml", 1, "f", "m"), Problem("a.yaml", 9, "f", "m"), Problem("a.yaml", 2, "f", "m")]
        assert [(p.path, p.line) for p in sorted(problems)] == [("a.yaml", 2), ("a.yaml", 9), ("b.yaml", 1)]

    def test_content_error_lists_every_problem(self) -> None:
        problems = [Problem("a.yaml", 1, "id", "missing"), Problem("b.yaml", None, "kind", "bad")]
        error = ContentError(problems)
        assert error.problems == tuple(problems)
        assert str(error) == "a.yaml:1: id: missing\nb.yaml: kind: bad"
        assert str(ContentError([])) == "invalid content"
