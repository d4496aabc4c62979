"""The player's behaviour with an injected clock and shrunk intervals (no sleeping).

These tests use a small fake renderer (a coloured frame with the slide id) so they check
sequencing, timing and error handling independently of the real renderer's looks; the
real renderer goes through the same path in test_window.py and the self-test.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QLabel

from kiosk.core.clock import FixedClock
from kiosk.core.model import Clinic, Deck, InfoSlide, NewsSlide, Slide, Source, Topic
from kiosk.core.schedule import Schedule
from kiosk.core.text import LocalizedText
from kiosk.ui.render.errors import SlideRenderError
from kiosk.ui.slideshow.frame_check import frame_problems
from kiosk.ui.slideshow.player import Player, PlayerTiming
from kiosk.ui.slideshow.window import PlayerWindow

DENVER = ZoneInfo("America/Denver")
SIZE = QSize(480, 270)
FAST = PlayerTiming(time_scale=0.002, transition_ms=8)
COLOURS = ["#c0392b", "#2471a3", "#1e8449", "#7d3c98", "#b9770e", "#17202a"]


class FakeRenderer:
    """Draws a distinct frame per slide; raises SlideRenderError for ``broken`` ids."""

    def __init__(self, deck: Deck, broken: Iterable[str] = ()) -> None:
        self.deck = deck
        self.broken = set(broken)
        self.rendered: list[str] = []

    def render(self, slide: Slide, size: QSize, language: str = "en", *, large_text: bool = False) -> QImage:
        self.rendered.append(slide.id)
        if slide.id in self.broken:
            raise SlideRenderError(f"images/{slide.id}.png: not a PNG file (corrupt)")
        image = QImage(size, QImage.Format.Format_RGB32)
        index = [s.id for s in self.deck.slides].index(slide.id) if slide in self.deck.slides else 0
        colour = QColor(COLOURS[index % len(COLOURS)])
        image.fill(colour)
        painter = QPainter(image)
        # A darker band at the bottom, like a real slide's footer: not one flat colour.
        painter.fillRect(0, size.height() * 3 // 4, size.width(), size.height() // 4, colour.darker(140))
        painter.setPen(QColor("white"))
        font = QFont()
        font.setPixelSize(max(12, size.height() // 6))
        painter.setFont(font)
        painter.drawText(image.rect(), int(Qt.AlignmentFlag.AlignCenter), f"{slide.id}\n{slide.title.get(language)}")
        painter.end()
        return image

    def render_scrolled(self, slide: Slide, view: QSize, language: str = "en", *, large_text: bool = False) -> QImage:
        return self.render(slide, view, language, large_text=large_text)


def info(slide_id: str, duration: float | None = None, schedule: Schedule | None = None) -> InfoSlide:
    return InfoSlide(
        id=slide_id,
        topic="back",
        title=LocalizedText.english(f"Title {slide_id}"),
        source=Source(f"slides/{slide_id}.yaml"),
        duration=duration,
        schedule=Schedule() if schedule is None else schedule,
        body=LocalizedText.english("Some body text."),
    )


def news(slide_id: str, start: date, until: date, duration: float | None = None) -> NewsSlide:
    return NewsSlide(
        id=slide_id,
        topic="back",
        title=LocalizedText.english("New: shockwave therapy"),
        source=Source(f"slides/{slide_id}.yaml"),
        duration=duration,
        date=start,
        body=LocalizedText.english("Ask at the front desk."),
        schedule=Schedule(
            active_from=datetime.combine(start, datetime.min.time()), active_until=Schedule.until_end_of(until)
        ),
    )


def make_deck(slides: Iterable[Slide], root: Path, version: str = "v1") -> Deck:
    slides = tuple(slides)
    clinic = Clinic(
        name="Atlas Physical Therapy",
        phone="+1 303-322-4900",
        timezone=DENVER,
        topics=(Topic("back", LocalizedText.english("Back pain")),),
        playlist=tuple(s.id for s in slides),
        default_duration=12.0,
    )
    return Deck(clinic=clinic, slides=slides, root=root, version=version)


def local(y: int, m: int, d: int, hh: int = 12, mm: int = 0, ss: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, ss, tzinfo=DENVER)


@pytest.fixture
def renderers() -> list[FakeRenderer]:
    return []


def build(
    qtbot,
    deck: Deck,
    clock: FixedClock,
    renderers: list[FakeRenderer],
    *,
    broken: Iterable[str] = (),
    transition: str = "fade",
    timing: PlayerTiming = FAST,
) -> tuple[Player, PlayerWindow, list[str]]:
    def factory(d: Deck) -> FakeRenderer:
        renderer = FakeRenderer(d, broken)
        renderers.append(renderer)
        return renderer

    player = Player(deck, clock=clock, size=SIZE, transition=transition, timing=timing, renderer_factory=factory)
    window = PlayerWindow(player)
    qtbot.addWidget(window)
    window.setFixedSize(SIZE)
    window.show()
    shown: list[str] = []
    player.slideShown.connect(shown.append)
    return player, window, shown


def stop(player: Player) -> None:
    player.stop()


def test_plays_in_playlist_order_with_each_duration(qtbot, tmp_path: Path, renderers) -> None:
    deck = make_deck([info("a", 4), info("b", 16), info("c")], tmp_path)
    clock = FixedClock(local(2026, 3, 2))
    player, _window, shown = build(qtbot, deck, clock, renderers)
    durations: list[tuple[int, int, float]] = []
    player.progressChanged.connect(lambda i, n, d: durations.append((i, n, d)))
    player.start()
    qtbot.waitUntil(lambda: len(shown) >= 7, timeout=5000)
    stop(player)
    assert shown[:7] == ["a", "b", "c", "a", "b", "c", "a"]
    # Position and real duration (content seconds x time_scale) announced for each slide.
    expected = [(1, 3, pytest.approx(0.008)), (2, 3, pytest.approx(0.032)), (3, 3, pytest.approx(0.024))]
    assert durations[:3] == expected  # type: ignore[comparison-overlap]  # approx compares equal to floats


def test_slide_stays_up_for_its_duration(qtbot, tmp_path: Path, renderers) -> None:
    timing = PlayerTiming(time_scale=0.01, transition_ms=8)
    deck = make_deck([info("short", 4), info("long", 30)], tmp_path)
    player, _window, _shown = build(qtbot, deck, FixedClock(local(2026, 3, 2)), renderers, timing=timing)
    from PySide6.QtCore import QElapsedTimer

    stamps: list[tuple[str, int]] = []
    elapsed = QElapsedTimer()
    elapsed.start()
    player.slideShown.connect(lambda s: stamps.append((s, elapsed.elapsed())))
    player.start()
    qtbot.waitUntil(lambda: len(stamps) >= 3, timeout=5000)
    stop(player)
    (_, t0), (_, t1), (_, t2) = stamps[:3]
    # Coarse timers may fire up to 5 % early; a slide never leaves much before its time.
    assert t1 - t0 >= 0.95 * 40
    assert t2 - t1 >= 0.95 * 300
    assert t2 - t1 > 3 * (t1 - t0)


def test_news_appears_and_disappears_on_its_dates_without_restart(qtbot, tmp_path: Path, renderers) -> None:
    deck = make_deck([info("a", 4), info("b", 4), news("news", date(2026, 3, 3), date(2026, 3, 4))], tmp_path)
    clock = FixedClock(local(2026, 3, 2, 23, 0))
    player, _window, shown = build(qtbot, deck, clock, renderers)
    player.start()
    qtbot.waitUntil(lambda: len(shown) >= 4, timeout=5000)
    assert "news" not in shown
    clock.set(local(2026, 3, 3, 8, 0))
    qtbot.waitUntil(lambda: "news" in shown, timeout=5000)
    clock.set(local(2026, 3, 5, 8, 0))  # the day after "until": expired
    mark = len(shown)
    qtbot.waitUntil(lambda: len(shown) >= mark + 4, timeout=5000)
    stop(player)
    assert "news" not in shown[mark + 1 :]


def test_welcome_frame_when_nothing_plays_then_slides_start_on_time(qtbot, tmp_path: Path, renderers) -> None:
    deck = make_deck([news("news", date(2026, 3, 3), date(2026, 3, 4), duration=4)], tmp_path)
    clock = FixedClock(local(2026, 3, 2, 23, 59, 59))
    player, window, shown = build(qtbot, deck, clock, renderers)
    player.start()
    assert player.showing_welcome
    qtbot.waitUntil(lambda: window.current_pixmap is not None, timeout=2000)
    assert frame_problems(window.grab().toImage(), SIZE) == []  # calm frame, not blank
    clock.set(local(2026, 3, 3, 0, 0, 1))
    # No slide boundary to wait for: the schedule timer brings the news in.
    qtbot.waitUntil(lambda: shown == ["news"], timeout=3000)
    assert not player.showing_welcome
    clock.set(local(2026, 3, 5, 0, 0, 1))
    qtbot.waitUntil(lambda: player.showing_welcome, timeout=3000)
    stop(player)


def test_corrupt_slide_is_skipped_logged_and_never_blank(qtbot, tmp_path: Path, renderers, caplog) -> None:
    deck = make_deck([info("a", 4), info("b", 4), info("c", 4)], tmp_path)
    player, window, shown = build(qtbot, deck, FixedClock(local(2026, 3, 2)), renderers, broken={"b"})
    skipped: list[tuple[str, str]] = []
    player.slideSkipped.connect(lambda s, m: skipped.append((s, m)))
    frames: list[list[str]] = []
    player.slideShown.connect(lambda _s: frames.append(frame_problems(window.grab().toImage(), SIZE)))
    with caplog.at_level(logging.WARNING, logger="kiosk"):
        player.start()
        qtbot.waitUntil(lambda: len(shown) >= 5, timeout=5000)
    stop(player)
    assert shown[:5] == ["a", "c", "a", "c", "a"]
    assert skipped[0][0] == "b" and "corrupt" in skipped[0][1]
    assert len(skipped) == 1  # marked broken: not retried every round
    assert any("slide b skipped" in r.getMessage() and "corrupt" in r.getMessage() for r in caplog.records)
    assert all(problems == [] for problems in frames), frames


def test_all_slides_broken_falls_back_to_welcome(qtbot, tmp_path: Path, renderers) -> None:
    deck = make_deck([info("a", 4), info("b", 4)], tmp_path)
    player, window, shown = build(qtbot, deck, FixedClock(local(2026, 3, 2)), renderers, broken={"a", "b"})
    player.start()
    qtbot.waitUntil(lambda: player.showing_welcome and window.current_pixmap is not None, timeout=3000)
    stop(player)
    assert shown == []


def test_next_slide_is_rendered_shortly_before_its_transition_not_at_once(qtbot, tmp_path: Path, renderers) -> None:
    deck = make_deck([info("a", 300), info("b", 4)], tmp_path)
    # "a" is up for 3 s; "b" is rendered 1 s before that ends, not while "a" has 2 s to go
    # (a 1080p frame held for a whole slide is 8 MB of memory for nothing).
    timing = PlayerTiming(time_scale=0.01, transition_ms=8, prefetch_lead=100)
    player, _window, shown = build(qtbot, deck, FixedClock(local(2026, 3, 2)), renderers, timing=timing)
    player.start()
    qtbot.waitUntil(lambda: shown == ["a"] and player.slide_running, timeout=3000)
    up = time.monotonic()
    qtbot.waitUntil(lambda: player.preparer.cached(deck.slides[1], SIZE, "en") is not None, timeout=5000)
    # Never sooner than the 2 s to go (a busy machine can only make it later) ...
    assert time.monotonic() - up >= 1.9
    # ... and ready in the cache before "a" ends.
    assert shown == ["a"]
    assert renderers[0].rendered == ["a", "b"]
    stop(player)


@pytest.mark.parametrize("transition", ["fade", "slide", "none"])
def test_transitions_paint_only_finished_frames(qtbot, tmp_path: Path, renderers, transition: str) -> None:
    deck = make_deck([info("a", 4), info("b", 4)], tmp_path)
    timing = PlayerTiming(time_scale=0.002, transition_ms=120)
    player, window, shown = build(
        qtbot, deck, FixedClock(local(2026, 3, 2)), renderers, transition=transition, timing=timing
    )
    grabs: list[list[str]] = []
    window.transitionFinished.connect(lambda: grabs.append(frame_problems(window.grab().toImage(), SIZE)))
    player.start()
    qtbot.waitUntil(lambda: len(shown) >= 4, timeout=5000)
    stop(player)
    if transition == "none":
        assert window.transitions_done == 0
    else:
        assert window.transitions_done >= 2  # the first frame comes in without one
        assert all(g == [] for g in grabs), grabs


def test_fade_blends_the_two_frames_midway(qtbot, tmp_path: Path, renderers) -> None:
    deck = make_deck([info("a", 4), info("b", 300)], tmp_path)
    timing = PlayerTiming(time_scale=0.002, transition_ms=2000)
    player, window, _shown = build(qtbot, deck, FixedClock(local(2026, 3, 2)), renderers, timing=timing)
    player.start()
    qtbot.waitUntil(lambda: window.transitioning, timeout=3000)
    qtbot.waitUntil(lambda: window._clock.elapsed() > 700, timeout=3000)
    corner = window.grab().toImage().pixelColor(2, 2)
    stop(player)
    red, blue = QColor(COLOURS[0]), QColor(COLOURS[1])
    # Midway through a cross-fade the corner is a mix of both slides' colours.
    assert min(red.red(), blue.red()) < corner.red() < max(red.red(), blue.red())
    assert min(red.blue(), blue.blue()) < corner.blue() < max(red.blue(), blue.blue())


def test_idle_player_runs_no_fast_timer(qtbot, tmp_path: Path, renderers) -> None:
    from PySide6.QtCore import QTimer

    deck = make_deck([info("a", 300), info("b", 300)], tmp_path)
    player, window, shown = build(
        qtbot, deck, FixedClock(local(2026, 3, 2)), renderers, timing=PlayerTiming(transition_ms=8)
    )
    player.start()
    qtbot.waitUntil(lambda: shown == ["a"] and player.slide_running, timeout=3000)
    active = [t for t in window.findChildren(QTimer) + player.findChildren(QTimer) if t.isActive()]
    stop(player)
    assert active, "the slide timer should be running"
    assert all(t.interval() >= 1000 for t in active), [(t.interval(), t.objectName()) for t in active]


def test_no_label_auto_detects_rich_text(qtbot, tmp_path: Path, renderers) -> None:
    deck = make_deck([info("a", 4)], tmp_path)
    player, window, shown = build(qtbot, deck, FixedClock(local(2026, 3, 2)), renderers)
    player.start()
    qtbot.waitUntil(lambda: shown == ["a"], timeout=3000)
    stop(player)
    for label in window.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()


def test_rejects_unknown_transition(tmp_path: Path, qapp) -> None:
    deck = make_deck([info("a")], tmp_path)
    with pytest.raises(ValueError, match="transition must be one of"):
        Player(deck, clock=FixedClock(local(2026, 3, 2)), size=SIZE, transition="wipe", renderer_factory=FakeRenderer)


class FakeLoad:
    """The shape of kiosk.core.loader.LoadResult."""

    def __init__(self, deck: Deck | None, problems: tuple = ()) -> None:
        self.deck = deck
        self.problems = problems

    @property
    def ok(self) -> bool:
        return self.deck is not None


def test_new_deck_applies_at_the_next_boundary_without_touching_the_frame_on_screen(
    qtbot, tmp_path: Path, renderers
) -> None:
    deck = make_deck([info("a", 4), info("b", 4)], tmp_path, version="v1")
    timing = PlayerTiming(time_scale=0.02, transition_ms=8)
    player, window, shown = build(qtbot, deck, FixedClock(local(2026, 3, 2)), renderers, timing=timing)
    player.start()
    qtbot.waitUntil(lambda: shown == ["a"] and not window.transitioning, timeout=3000)
    on_screen = window.current_pixmap
    new_deck = make_deck([info("a", 4), info("c", 4), info("b", 4)], tmp_path, version="v2")
    with qtbot.waitSignal(player.deckApplied) as applied:
        player.apply_load_result(FakeLoad(new_deck))
    assert applied.args == ["v2"]
    assert window.current_pixmap is on_screen  # nothing redrawn mid-slide
    assert player.current_slide is not None and player.current_slide.id == "a"
    qtbot.waitUntil(lambda: len(shown) >= 3, timeout=3000)
    stop(player)
    assert shown[:3] == ["a", "c", "b"]  # continues after "a" in the new playlist
    assert player.deck.version == "v2"


def test_rejected_deck_keeps_playing_and_keeps_the_problems(qtbot, tmp_path: Path, renderers) -> None:
    from kiosk.core.problems import Problem

    deck = make_deck([info("a", 4), info("b", 4)], tmp_path)
    player, _window, shown = build(qtbot, deck, FixedClock(local(2026, 3, 2)), renderers)
    player.start()
    qtbot.waitUntil(lambda: shown == ["a"] or len(shown) > 1, timeout=3000)
    problem = Problem("slides/b.yaml", 3, "kind", "unknown slide kind 'infomercial'")
    with qtbot.waitSignal(player.reloadRejected) as rejected:
        player.apply_load_result(FakeLoad(None, (problem,)))
    assert rejected.args == [1]
    assert player.last_problems == (problem,)
    mark = len(shown)
    qtbot.waitUntil(lambda: len(shown) >= mark + 2, timeout=3000)
    stop(player)
    assert player.deck is deck


def retitled(slide: InfoSlide, title: str) -> InfoSlide:
    from dataclasses import replace

    return replace(slide, title=LocalizedText.english(title))


LONG = PlayerTiming(time_scale=1.0, transition_ms=8)  # slides stay up far longer than any test


def test_an_edit_to_the_slide_on_screen_is_shown_at_once(qtbot, tmp_path: Path, renderers) -> None:
    a, b = info("a", 600), info("b", 600)
    player, window, shown = build(
        qtbot, make_deck([a, b], tmp_path, "v1"), FixedClock(local(2026, 3, 2)), renderers, timing=LONG
    )
    player.start()
    qtbot.waitUntil(lambda: shown == ["a"] and not window.transitioning, timeout=10000)
    before = window.current_pixmap.toImage()
    with qtbot.waitSignal(player.frameChanged, timeout=10000) as changed:
        player.apply_load_result(FakeLoad(make_deck([retitled(a, "A new title"), b], tmp_path, "v2")))
    assert changed.args[1] == "fade" and changed.args[2] == "a"  # the usual transition, same slide
    qtbot.waitUntil(lambda: not window.transitioning, timeout=10000)
    assert window.current_pixmap.toImage() != before
    assert shown == ["a", "a"]
    stop(player)


def test_a_reload_that_leaves_the_slide_on_screen_alone_does_not_redraw_it(qtbot, tmp_path: Path, renderers) -> None:
    a, b = info("a", 600), info("b", 600)
    player, window, shown = build(
        qtbot, make_deck([a, b], tmp_path, "v1"), FixedClock(local(2026, 3, 2)), renderers, timing=LONG
    )
    player.start()
    qtbot.waitUntil(lambda: shown == ["a"] and not window.transitioning, timeout=10000)
    with qtbot.assertNotEmitted(player.frameChanged, wait=500):
        player.apply_load_result(FakeLoad(make_deck([a, retitled(b, "Another title")], tmp_path, "v2")))
    assert shown == ["a"]
    # The next slide comes from the new deck when a's time is up.
    stop(player)


def test_a_removed_slide_gives_way_to_the_next_at_once(qtbot, tmp_path: Path, renderers) -> None:
    a, b, c = info("a", 600), info("b", 600), info("c", 600)
    player, window, shown = build(
        qtbot, make_deck([a, b, c], tmp_path, "v1"), FixedClock(local(2026, 3, 2)), renderers, timing=LONG
    )
    player.start()
    qtbot.waitUntil(lambda: shown == ["a"] and not window.transitioning, timeout=10000)
    player.apply_load_result(FakeLoad(make_deck([a, c], tmp_path, "v2")))
    player.show_slide(b)  # b on screen; then staff delete it
    qtbot.waitUntil(lambda: shown == ["a", "b"] and not window.transitioning, timeout=10000)
    player.apply_load_result(FakeLoad(make_deck([a, c], tmp_path, "v3")))
    qtbot.waitUntil(lambda: shown[-1] == "c", timeout=10000)
    stop(player)


def test_a_reload_while_a_frame_comes_up_is_applied_once_it_is_visible(qtbot, tmp_path: Path, renderers) -> None:
    """Staff delete the slide that is just being shown (its transition not over yet): it still
    gives way at once, not after its whole duration."""
    a, b, c = info("a", 600), info("b", 600), info("c", 600)
    player, window, shown = build(
        qtbot, make_deck([a, b, c], tmp_path, "v1"), FixedClock(local(2026, 3, 2)), renderers, timing=LONG
    )
    player.start()
    qtbot.waitUntil(lambda: shown == ["a"] and not window.transitioning, timeout=3000)
    applied: list[str] = []

    def delete_b(_pixmap, _kind: str, slide_id: str) -> None:
        if slide_id == "b" and not applied:
            applied.append(slide_id)
            player.apply_load_result(FakeLoad(make_deck([a, c], tmp_path, "v2")))

    player.frameChanged.connect(delete_b)
    player.show_slide(b)
    qtbot.waitUntil(lambda: bool(applied) and shown[-1] == "c", timeout=3000)
    player.frameChanged.disconnect(delete_b)
    stop(player)
