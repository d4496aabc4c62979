"""The notices banner: slides make room for it (checked on rendered pixels, text at the limits,
three screen shapes, normal and larger text), the board rotates and ends notices by an
injected clock, the slideshow and the topic browser show it at once, and a change to
notices.yaml reaches the screen within 2 s."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from kiosk.core.clock import FixedClock
from kiosk.core.model import Deck
from kiosk.core.notices.drafts import Draft
from kiosk.core.notices.local_store import LocalNotices, notices_path
from kiosk.core.notices.model import Notice
from kiosk.core.text import LocalizedText
from kiosk.ui.notices.board import NoticeBoard
from kiosk.ui.render.banner import BannerLook, banner_height
from kiosk.ui.render.layout import banner_rect
from kiosk.ui.render.slide_renderer import SlideRenderer
from tests.helpers.decks import KINDS, deck_of, limit_slides, text_of
from tests.helpers.kiosk import NOW, bundled_deck, running_kiosk

#: The longest notice the validator accepts without a warning.
LONGEST = text_of(80)
SCREENS = ((1920, 1080), (1366, 768), (1080, 1920))


@pytest.fixture(scope="module")
def limit_deck(tmp_path_factory: pytest.TempPathFactory) -> Deck:
    root = tmp_path_factory.mktemp("limits")
    return deck_of(root, limit_slides(Path(root)))


def _strip_is_empty(image: QImage, strip: QRect, background: QColor) -> bool:
    """True when every pixel of ``strip`` is the slide's background (nothing drawn there)."""
    drawn = image.copy(strip)
    plain = QImage(drawn.size(), drawn.format())
    plain.fill(background)
    return drawn == plain


@pytest.mark.parametrize("large_text", [False, True], ids=["normal", "larger"])
@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_slides_keep_the_banners_strip_free_of_their_text(
    qapp, limit_deck: Deck, screen: tuple[int, int], large_text: bool
) -> None:
    size = QSize(*screen)
    height = banner_height([LONGEST], BannerLook(size, limit_deck.clinic.theme, large_text=large_text))
    assert 0 < height <= size.height() * 0.34
    strip = banner_rect(size, height)
    renderer = SlideRenderer(limit_deck)
    for kind in KINDS:
        slide = next(s for s in limit_deck.slides if s.kind == kind)
        layout = renderer.layout(slide, size, large_text=large_text, banner=height)
        for text in layout.texts:
            assert text.rect.bottom() <= strip.top(), f"{kind}: {text.role} reaches into the banner's strip"
        for picture in layout.pictures:
            assert picture.rect.bottom() <= strip.top() + 0.5, f"{kind}: a picture under the banner"
        if not large_text:
            # Normal text at the limits still fits whole: the slide is laid out smaller instead.
            assert not [t.role for t in layout.texts if t.fitted.elided], kind
        image = renderer.render(slide, size, large_text=large_text, banner=height)
        assert _strip_is_empty(image, strip, layout.background), f"{kind}: something drawn in the banner's strip"


def _board(deck: Deck, clock: FixedClock, data: Path, rotate_seconds: float = 8, time_scale: float = 1) -> NoticeBoard:
    store = LocalNotices(notices_path(data), clock)
    store.load()
    return NoticeBoard(deck, clock, store, rotate_seconds=rotate_seconds, time_scale=time_scale)


def _draft(text: str, minutes: int, level: str = "info") -> Draft:
    return Draft({"en": text}, level, NOW + timedelta(minutes=minutes))


def test_post_change_end_early_expire_rotate_and_restart(qapp, qtbot: QtBot, tmp_path: Path) -> None:
    clock = FixedClock(NOW)
    # A clock second is a millisecond here: turns of 8 s take 8 ms of real time.
    board = _board(bundled_deck(), clock, tmp_path, rotate_seconds=8, time_scale=0.001)
    assert board.showing() == () and not board.waiting  # nothing runs while nothing shows
    with qtbot.waitSignal(board.changed):
        late = board.post(_draft("Running 20 minutes late", 30))
    closed = board.post(_draft("Car park closed", 120, "important"))
    # Important ones first; the one on show keeps its turn when another is posted.
    assert board.showing() == (closed, late) and board.turn().notice == late
    # Restart in the middle: a new board on the same data folder shows both.
    again = _board(bundled_deck(), clock, tmp_path)
    assert [n.key for n in again.showing()] == [closed.key, late.key]
    again.stop()
    # Rotation: the clock moves on a turn, the board's timer hands over to the other notice.
    clock.set(NOW + timedelta(seconds=8))
    qtbot.waitUntil(lambda: board.turn().notice == closed, timeout=2000)
    late = board.change(late.key, _draft("Running 40 minutes late", 30))
    assert board.text(board.showing()[1], "en") == "Running 40 minutes late"
    # Expiry by itself: past its end, the timer drops it without anyone asking.
    with qtbot.waitSignal(board.changed, timeout=2000):
        clock.set(NOW + timedelta(minutes=31))
    assert board.showing() == (closed,)
    board.end(closed)
    assert board.showing() == () and not board.waiting
    board.stop()


def test_the_slideshow_makes_room_and_shows_the_banner_at_once(qapp, qtbot: QtBot, tmp_path: Path) -> None:
    clock = FixedClock(NOW)
    store = LocalNotices(notices_path(tmp_path), clock)
    with running_kiosk(qapp, qtbot, clock=clock, local_notices=store) as (kiosk, _clock):
        window = kiosk.window.slideshow
        board = kiosk.window.notices
        assert board is not None and window.banner is not None and not window.banner.isVisible()
        before = window.current_pixmap
        board.post(_draft("We are running about 20 minutes late", 60, "important"))
        qtbot.waitUntil(lambda: window.banner is not None and window.banner.isVisible(), timeout=5000)
        height = kiosk.player.current_banner
        assert height > 0 and window.current_pixmap is not before
        assert window.banner.geometry() == banner_rect(window.size(), height)
        assert "We are running about 20 minutes late" in window.banner.accessibleName()
        qtbot.waitUntil(lambda: window.banner is not None and window.banner.paints > 0, timeout=5000)
        # On screen: the banner in its strip, the frame everywhere else.
        shot = window.grab().toImage()
        frame = window.current_pixmap.toImage()
        strip = banner_rect(window.size(), height)
        above = QRect(0, 0, window.width(), strip.top() - 1)
        assert shot.copy(above) == frame.copy(above).convertToFormat(shot.format())
        assert shot.copy(strip) != frame.copy(strip).convertToFormat(shot.format())
        # The topic browser shows it under the slide, never over it.
        kiosk.window.open_topic(kiosk.player.deck.clinic.topics[0].id)
        browse = kiosk.window.browse
        qtbot.waitUntil(browse.banner.isVisible, timeout=5000)
        assert browse.banner.geometry().top() >= browse.view.geometry().bottom()
        # Read aloud before the slide, with its level.
        assert browse.notices_spoken() == ["Important notice: We are running about 20 minutes late"]
        board.end(board.showing()[0])
        qtbot.waitUntil(lambda: not browse.banner.isVisible(), timeout=5000)


def test_a_change_to_notices_yaml_shows_within_two_seconds(qapp, qtbot: QtBot, tmp_path: Path) -> None:
    import shutil

    from kiosk.core.loader import load_deck
    from kiosk.core.resources import bundled_content_dir

    root = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), root)
    with running_kiosk(qapp, qtbot, content_root=root, loader=lambda r: load_deck(r, now=NOW)) as (kiosk, _clock):
        window = kiosk.window.slideshow
        (root / "notices.yaml").write_text(
            "notices:\n  - text: The lift is out of order today.\n    until: 2026-03-10 18:00\n", encoding="utf-8"
        )
        qtbot.waitUntil(lambda: window.banner is not None and window.banner.isVisible(), timeout=2000)
        assert window.banner is not None and window.banner.content is not None
        assert window.banner.content[0] == "The lift is out of order today."


def test_several_notices_take_turns_and_say_where_they_are(qapp) -> None:
    clock = FixedClock(NOW)
    notices = tuple(Notice(LocalizedText({"en": f"Notice {i}"}), NOW + timedelta(hours=1)) for i in range(2))
    board = NoticeBoard(replace(bundled_deck(), notices=notices), clock, rotate_seconds=8)
    from kiosk.ui.notices.banner_view import NoticeBannerView

    view = NoticeBannerView(board, bundled_deck().clinic.theme)
    assert view.content == ("Notice 0", "info", (1, 2))
    assert view.accessibleName() == "Notice, 1 of 2: Notice 0"
    clock.set(NOW + timedelta(seconds=8))
    board.refresh()
    assert view.content == ("Notice 1", "info", (2, 2))
    board.stop()
