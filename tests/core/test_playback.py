"""The slideshow sequencer: order, wrap-around, schedules over time, reloads, broken slides."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.core.clock import FixedClock
from kiosk.core.model import Clinic, Deck, InfoSlide, NewsSlide, Slide, Source, Topic
from kiosk.core.playback import Playback
from kiosk.core.schedule import Schedule, TimeWindow
from kiosk.core.text import LocalizedText

DENVER = ZoneInfo("America/Denver")
# Wednesday 2026-03-04, 10:00 in Denver (MST, UTC-7).
WEDNESDAY_10 = datetime(2026, 3, 4, 10, 0, tzinfo=DENVER)


def info(slide_id: str, schedule: Schedule | None = None, duration: float | None = None) -> Slide:
    return InfoSlide(
        id=slide_id,
        topic="about",
        title=LocalizedText.english(slide_id.title()),
        source=Source(f"slides/{slide_id}.yaml"),
        duration=duration,
        schedule=schedule or Schedule(),
    )


def news(slide_id: str, start: datetime, until: date) -> Slide:
    return NewsSlide(
        id=slide_id,
        topic="about",
        title=LocalizedText.english("Open house"),
        source=Source(f"slides/{slide_id}.yaml"),
        date=start.date(),
        body=LocalizedText.english("Come **meet** the team."),
        schedule=Schedule(active_from=start, active_until=Schedule.until_end_of(until)),
    )


def deck(*slides: Slide, default: float = 12.0, version: str = "") -> Deck:
    clinic = Clinic(
        name="Atlas Physical Therapy",
        phone="+1 303-322-4900",
        timezone=DENVER,
        topics=(Topic("about", LocalizedText.english("About us")),),
        playlist=tuple(s.id for s in slides),
        default_duration=default,
    )
    return Deck(clinic=clinic, slides=slides, root=Path("/nonexistent-content"), version=version)


def ids(playback: Playback, steps: int) -> list[str | None]:
    out = []
    for _ in range(steps):
        slide = playback.advance()
        out.append(slide.id if slide else None)
    return out


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(WEDNESDAY_10)


def test_nothing_is_current_before_start(clock: FixedClock) -> None:
    playback = Playback(deck(info("a")), clock)
    assert playback.current() is None
    assert playback.position() == (0, 1)


def test_plays_in_playlist_order_and_wraps(clock: FixedClock) -> None:
    playback = Playback(deck(info("a"), info("b"), info("c")), clock)
    first = playback.start()
    assert first is not None and first.id == "a"
    assert playback.current() is first
    assert ids(playback, 5) == ["b", "c", "a", "b", "c"]


def test_advance_without_start_begins_at_the_top(clock: FixedClock) -> None:
    playback = Playback(deck(info("a"), info("b")), clock)
    assert ids(playback, 3) == ["a", "b", "a"]


def test_single_slide_repeats(clock: FixedClock) -> None:
    playback = Playback(deck(info("only")), clock)
    assert playback.start() == playback.advance() == playback.advance()
    assert playback.position() == (1, 1)


def test_empty_deck_plays_nothing(clock: FixedClock) -> None:
    playback = Playback(deck(), clock)
    assert playback.start() is None
    assert playback.advance() is None
    assert playback.peek_next() is None
    assert playback.position() == (0, 0)
    assert playback.next_schedule_change() is None


def test_peek_next_does_not_move(clock: FixedClock) -> None:
    playback = Playback(deck(info("a"), info("b")), clock)
    playback.start()
    peeked = playback.peek_next()
    assert peeked is not None and peeked.id == "b"
    assert playback.current().id == "a"
    assert playback.peek_next() == peeked
    assert playback.advance() == peeked


def test_position_counts_slides_playing_now(clock: FixedClock) -> None:
    weekend = Schedule(weekdays=frozenset({5, 6}))
    playback = Playback(deck(info("a"), info("sat", weekend), info("b"), info("c")), clock)
    playback.start()
    assert playback.position() == (1, 3)
    playback.advance()
    assert playback.position() == (2, 3)
    playback.advance()
    assert playback.position() == (3, 3)


def test_duration_uses_slide_value_or_deck_default(clock: FixedClock) -> None:
    playback = Playback(deck(info("a", duration=30.0), info("b"), default=8.0), clock)
    a, b = playback.deck.slides
    assert playback.duration(a) == 30.0
    assert playback.duration(b) == 8.0


def test_slides_outside_their_window_are_skipped_and_join_when_it_opens(
    clock: FixedClock,
) -> None:
    morning = Schedule(windows=(TimeWindow(time(7), time(11)),))
    afternoon = Schedule(windows=(TimeWindow(time(13), time(18)),))
    playback = Playback(deck(info("am", morning), info("always"), info("pm", afternoon)), clock)
    assert playback.start().id == "am"
    assert ids(playback, 3) == ["always", "am", "always"]
    clock.set(WEDNESDAY_10.replace(hour=14))
    assert ids(playback, 3) == ["pm", "always", "pm"]
    # Evening: only the unscheduled slide is left, and it repeats.
    clock.set(WEDNESDAY_10.replace(hour=20))
    assert ids(playback, 2) == ["always", "always"]


def test_news_appears_and_expires_on_its_dates_without_restart(clock: FixedClock) -> None:
    open_house = news("open-house", datetime(2026, 3, 5, 8, 0), until=date(2026, 3, 6))
    playback = Playback(deck(info("welcome"), open_house, info("hours")), clock)
    playback.start()
    assert ids(playback, 2) == ["hours", "welcome"]
    assert playback.next_schedule_change() == datetime(2026, 3, 5, 8, 0, tzinfo=DENVER)

    clock.set(datetime(2026, 3, 5, 8, 0, tzinfo=DENVER))
    assert ids(playback, 3) == ["open-house", "hours", "welcome"]
    # The whole "until" day still plays it, up to midnight.
    clock.set(datetime(2026, 3, 6, 23, 59, 59, tzinfo=DENVER))
    assert ids(playback, 1) == ["open-house"]
    assert playback.next_schedule_change() == datetime(2026, 3, 7, 0, 0, tzinfo=DENVER)

    clock.set(datetime(2026, 3, 7, 0, 0, tzinfo=DENVER))
    assert ids(playback, 3) == ["hours", "welcome", "hours"]
    assert playback.next_schedule_change() is None


def test_current_slide_that_stops_playing_is_left_in_order(clock: FixedClock) -> None:
    until_11 = Schedule(active_until=datetime(2026, 3, 4, 11, 0))
    playback = Playback(deck(info("a"), info("ends", until_11), info("c")), clock)
    playback.start()
    assert playback.advance().id == "ends"
    clock.set(WEDNESDAY_10.replace(hour=11))
    assert playback.position() == (0, 2)
    assert ids(playback, 2) == ["c", "a"]


def test_nothing_playing_gives_none_then_resumes(clock: FixedClock) -> None:
    weekdays_9_to_5 = Schedule(
        weekdays=frozenset(range(5)),
        windows=(TimeWindow(time(9), time(17)),),
    )
    playback = Playback(deck(info("a", weekdays_9_to_5), info("b", weekdays_9_to_5)), clock)
    assert playback.start().id == "a"
    clock.set(WEDNESDAY_10.replace(hour=18))
    assert playback.advance() is None
    assert playback.current() is None
    assert playback.peek_next() is None
    assert playback.position() == (0, 0)
    assert playback.next_schedule_change() == datetime(2026, 3, 5, 9, 0, tzinfo=DENVER)
    clock.set(datetime(2026, 3, 5, 9, 0, tzinfo=DENVER))
    # The rotation continues where it stopped rather than always restarting at "a".
    assert ids(playback, 3) == ["b", "a", "b"]


def test_start_restarts_from_the_top(clock: FixedClock) -> None:
    playback = Playback(deck(info("a"), info("b"), info("c")), clock)
    playback.start()
    playback.advance()
    assert playback.start().id == "a"


def test_replace_deck_applies_at_the_next_advance_after_the_same_id(clock: FixedClock) -> None:
    playback = Playback(deck(info("a"), info("b"), info("c")), clock)
    playback.start()
    playback.advance()  # on "b"
    new = deck(info("c"), info("b"), info("new"), info("a"))
    playback.replace_deck(new)
    assert playback.deck is new
    # The slide on screen finishes first.
    assert playback.current().id == "b"
    assert playback.peek_next().id == "new"
    assert playback.advance().id == "new"
    assert playback.deck is new
    assert ids(playback, 3) == ["a", "c", "b"]


def test_replace_deck_without_the_current_id_restarts_the_playlist(clock: FixedClock) -> None:
    playback = Playback(deck(info("a"), info("b"), info("c")), clock)
    playback.start()
    playback.advance()  # on "b"
    playback.replace_deck(deck(info("x"), info("y")))
    assert playback.advance().id == "x"
    assert ids(playback, 2) == ["y", "x"]


def test_replace_deck_when_nothing_plays_applies_at_once(clock: FixedClock) -> None:
    playback = Playback(deck(), clock)
    assert playback.start() is None
    new = deck(info("a"))
    playback.replace_deck(new)
    assert playback.deck is new
    assert playback.advance().id == "a"


def test_replace_deck_twice_before_advancing_uses_the_latest(clock: FixedClock) -> None:
    playback = Playback(deck(info("a"), info("b")), clock)
    playback.start()
    playback.replace_deck(deck(info("a"), info("first")))
    playback.replace_deck(deck(info("a"), info("second")))
    assert playback.advance().id == "second"


def test_duration_and_schedule_change_follow_the_pending_deck(clock: FixedClock) -> None:
    playback = Playback(deck(info("a"), default=10.0), clock)
    playback.start()
    later = Schedule(active_from=datetime(2026, 3, 4, 12, 0))
    playback.replace_deck(deck(info("a"), info("b", later), default=20.0))
    peeked = playback.peek_next()
    assert peeked is not None
    assert playback.duration(peeked) == 20.0
    assert playback.next_schedule_change() == datetime(2026, 3, 4, 12, 0, tzinfo=DENVER)


def test_broken_slides_are_skipped_until_the_deck_changes(clock: FixedClock) -> None:
    slides = (info("a"), info("broken"), info("c"))
    playback = Playback(deck(*slides, version="v1"), clock)
    playback.start()
    playback.mark_broken("broken")
    assert ids(playback, 3) == ["c", "a", "c"]
    assert playback.position() == (2, 2)
    # Reloading identical files cannot have repaired the image.
    playback.replace_deck(deck(*slides, version="v1"))
    assert ids(playback, 2) == ["a", "c"]
    # Changed content might have: give the slide another chance.
    playback.replace_deck(deck(*slides, version="v2"))
    assert ids(playback, 2) == ["a", "broken"]


def test_only_slide_broken_means_nothing_plays(clock: FixedClock) -> None:
    playback = Playback(deck(info("a")), clock)
    playback.start()
    playback.mark_broken("a")
    assert playback.peek_next() is None
    assert playback.advance() is None
    assert playback.current() is None


def test_broken_current_slide_moves_on(clock: FixedClock) -> None:
    playback = Playback(deck(info("a"), info("b")), clock)
    playback.start()
    playback.mark_broken("a")
    assert ids(playback, 3) == ["b", "b", "b"]


def test_long_run_over_a_week_only_shows_playing_slides(clock: FixedClock) -> None:
    nights = Schedule(
        weekdays=frozenset({4}),
        windows=(TimeWindow(time(22), time(2)),),
    )
    slides = (info("a"), info("late", nights), info("b", duration=30.0))
    playback = Playback(deck(*slides), clock)
    playback.start()
    shown_late_at = []
    end = WEDNESDAY_10 + timedelta(days=7)
    while clock.now() < end:
        current = playback.current()
        assert current is not None
        assert playback.deck.is_playing(current, clock.now())
        if current.id == "late":
            shown_late_at.append(clock.now())
        clock.advance(playback.duration(current))
        playback.advance()
    assert shown_late_at
    for at in shown_late_at:
        local = at.astimezone(DENVER)
        friday_night = local.weekday() == 4 and local.hour >= 22
        assert friday_night or (local.weekday() == 5 and local.hour < 2)


def test_a_removed_current_slide_continues_with_the_one_after_it(clock: FixedClock) -> None:
    playback = Playback(deck(info("a"), info("b"), info("c"), info("d")), clock)
    playback.start()
    playback.advance()
    playback.advance()  # on "c"
    playback.replace_deck(deck(info("a"), info("b"), info("d")))
    assert playback.advance().id == "d"


def test_a_removed_first_slide_continues_from_the_top(clock: FixedClock) -> None:
    playback = Playback(deck(info("a"), info("b"), info("c")), clock)
    playback.start()  # on "a"
    playback.replace_deck(deck(info("b"), info("c")))
    assert playback.advance().id == "b"
