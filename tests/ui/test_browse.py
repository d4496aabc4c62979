"""Browsing a topic: swipes (mouse and real touch events), buttons, position, languages,
larger text, read aloud and "Request more information about this"."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest

from kiosk.core.model import Deck, Slide
from kiosk.ui.render.slide_renderer import SlideRenderer
from kiosk.ui.shell import BROWSE, MENU
from tests.helpers.kiosk import PORTRAIT, running_kiosk
from tests.helpers.touch import tap


class RecordingRenderer:
    """The real renderer, remembering how each slide was asked for."""

    def __init__(self, deck: Deck, calls: list[tuple[str, str, bool, QSize]]) -> None:
        self._real = SlideRenderer(deck)
        self._calls = calls

    def render(self, slide: Slide, size: QSize, language: str = "en", *, large_text: bool = False) -> QImage:
        raise AssertionError("the browser renders scrollable slides")

    def render_scrolled(self, slide: Slide, view: QSize, language: str = "en", *, large_text: bool = False) -> QImage:
        self._calls.append((slide.id, language, large_text, QSize(view)))
        return self._real.render_scrolled(slide, view, language, large_text=large_text)


class FakeSpeaker:
    def __init__(self) -> None:
        self.said: list[str] = []
        self.stops = 0
        self.locale: QLocale | None = None

    def say(self, text: str) -> None:
        self.said.append(text)

    def stop(self) -> None:
        self.stops += 1

    def setLocale(self, locale: QLocale) -> None:
        self.locale = locale


def drag(widget, start: QPoint, end: QPoint) -> None:
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(widget, end)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def open_topic(kiosk, topic: str = "dry-needling"):
    shell = kiosk.window
    shell.open_menu()
    tap(shell.menu.topic_button(topic))
    assert shell.current_screen == BROWSE
    return shell.browse


def test_buttons_step_through_the_topic_and_the_position_follows(qapp, qtbot) -> None:
    with running_kiosk(qapp, qtbot) as (kiosk, _clock):
        browse = open_topic(kiosk, "exercise")
        ids = [s.id for s in browse.slides]
        assert ids == [s.id for s in kiosk.player.deck.slides if s.topic == "exercise"]
        assert browse.position_label.text() == "1 / 5"
        assert not browse.previous_button.isEnabled() and browse.next_button.isEnabled()
        tap(browse.next_button)
        tap(browse.next_button)
        assert browse.position_label.text() == "3 / 5"
        assert browse.current_slide.id == ids[2]
        tap(browse.previous_button)
        assert browse.position_label.text() == "2 / 5"
        for _ in range(6):
            browse.step(1)
        assert browse.position_label.text() == "5 / 5" and not browse.next_button.isEnabled()
        qtbot.waitUntil(lambda: browse.ready, timeout=10000)
        assert browse.view.pixmap is not None and browse.view.pixmap.size() == browse.view.size()


def test_mouse_swipes_move_and_small_or_vertical_moves_do_not(qapp, qtbot) -> None:
    with running_kiosk(qapp, qtbot) as (kiosk, _clock):
        browse = open_topic(kiosk)
        view = browse.view
        drag(view, QPoint(1500, 400), QPoint(400, 420))  # finger to the left: next
        assert browse.index == 1
        drag(view, QPoint(400, 400), QPoint(1500, 380))  # to the right: previous
        assert browse.index == 0
        drag(view, QPoint(900, 400), QPoint(850, 400))  # jitter
        drag(view, QPoint(900, 100), QPoint(700, 700))  # mostly vertical
        assert browse.index == 0


def test_touch_swipes_move_and_a_second_finger_spoils_the_swipe(qapp, qtbot) -> None:
    with running_kiosk(qapp, qtbot) as (kiosk, _clock):
        browse = open_topic(kiosk)
        view = browse.view
        device = QTest.createTouchDevice()
        # Points inside the offscreen platform's 800x800 screen: Qt drops touches off screen.
        QTest.touchEvent(view, device).press(0, QPoint(700, 400)).commit()
        QTest.touchEvent(view, device).move(0, QPoint(400, 410)).commit()
        QTest.touchEvent(view, device).release(0, QPoint(100, 410)).commit()
        assert browse.index == 1
        QTest.touchEvent(view, device).press(0, QPoint(100, 400)).commit()
        QTest.touchEvent(view, device).release(0, QPoint(140, 400)).commit()  # a tap, no swipe
        assert browse.index == 1
        # A resting palm: two points down, one of them sweeping across.
        QTest.touchEvent(view, device).press(0, QPoint(700, 400)).press(1, QPoint(200, 700)).commit()
        QTest.touchEvent(view, device).move(0, QPoint(100, 400)).stationary(1).commit()
        QTest.touchEvent(view, device).release(0, QPoint(100, 400)).release(1, QPoint(200, 700)).commit()
        assert browse.index == 1
        # A second finger joining mid-swipe spoils it too.
        QTest.touchEvent(view, device).press(0, QPoint(700, 400)).commit()
        QTest.touchEvent(view, device).move(0, QPoint(500, 400)).press(1, QPoint(200, 700)).commit()
        QTest.touchEvent(view, device).release(1, QPoint(200, 700)).stationary(0).commit()
        QTest.touchEvent(view, device).release(0, QPoint(100, 400)).commit()
        assert browse.index == 1
        assert kiosk.window.current_screen == BROWSE


def test_a_double_tap_on_next_moves_one_slide(qapp, qtbot) -> None:
    with running_kiosk(qapp, qtbot, debounce_ms=350) as (kiosk, _clock):
        browse = open_topic(kiosk)
        kiosk.window.debouncer.reset()
        moved: list[int] = []
        browse.positionChanged.connect(lambda index, _count: moved.append(index))
        tap(browse.next_button)
        tap(browse.next_button)  # the second tap of a double tap
        assert browse.index == 1 and moved == [1]
        kiosk.window.debouncer.interval_ms = 0  # a patient tapping again later
        tap(browse.next_button)
        assert browse.index == 2


def test_slides_follow_the_session_language_and_larger_text(qapp, qtbot) -> None:
    calls: list[tuple[str, str, bool, QSize]] = []
    with running_kiosk(qapp, qtbot, renderer_factory=lambda deck: RecordingRenderer(deck, calls)) as (kiosk, _clock):
        browse = open_topic(kiosk)
        qtbot.waitUntil(lambda: browse.ready, timeout=10000)
        first = browse.current_slide.id
        english = browse.view.pixmap
        assert (first, "en", False) in [c[:3] for c in calls]
        kiosk.window.session.set_language("es")
        assert browse.view.pixmap is english  # stays up until the Spanish one is ready
        qtbot.waitUntil(lambda: browse.ready, timeout=10000)
        assert browse.view.pixmap is not english
        assert (first, "es", False) in [c[:3] for c in calls]
        assert browse.next_button.text() == "Siguiente ›"
        assert browse.request_button.text() == "Pedir más información sobre esto"
        kiosk.window.session.set_large_text(True)
        qtbot.waitUntil(lambda: browse.ready, timeout=10000)
        assert (first, "es", True) in [c[:3] for c in calls]
        browse.wait_idle()
        sizes = {c[3] for c in calls if c[0] == first and c[1] == "es"}
        assert sizes == {browse.view.size()}


def test_read_aloud_speaks_the_slide_in_the_session_language(qapp, qtbot) -> None:
    speaker = FakeSpeaker()
    with running_kiosk(qapp, qtbot, speaker=speaker) as (kiosk, _clock):
        browse = open_topic(kiosk)
        assert browse.read_button.isVisibleTo(browse)
        tap(browse.read_button)
        slide = browse.current_slide
        assert speaker.said[-1].startswith(slide.title.get("en"))
        assert "**" not in speaker.said[-1]
        kiosk.window.session.set_language("es")
        browse.read_aloud()
        assert speaker.said[-1].startswith(slide.title.get("es"))
        assert speaker.locale.language() == QLocale.Language.Spanish
        stops = speaker.stops
        browse.step(1)
        assert speaker.stops > stops  # moving on stops reading the old slide


def test_read_aloud_is_hidden_without_a_speech_engine(qapp, qtbot) -> None:
    with running_kiosk(qapp, qtbot) as (kiosk, _clock):
        browse = open_topic(kiosk)
        assert not browse.read_button.isVisibleTo(browse)
        browse.read_aloud()  # harmless


def test_request_about_this_names_the_topic_and_all_topics_goes_back(qapp, qtbot) -> None:
    with running_kiosk(qapp, qtbot) as (kiosk, _clock):
        browse = open_topic(kiosk, "shockwave")
        with qtbot.waitSignal(browse.requestAbout) as asked:
            tap(browse.request_button)
        assert asked.args == ["shockwave"]
        kiosk.window.show_screen(BROWSE)
        tap(browse.menu_button)
        assert kiosk.window.current_screen == MENU


class BrokenRenderer:
    def __init__(self, deck: Deck) -> None:
        self._real = SlideRenderer(deck)

    def render_scrolled(self, slide: Slide, view: QSize, language: str = "en", *, large_text: bool = False) -> QImage:
        from kiosk.ui.render.errors import SlideRenderError

        if slide.id == "dry-needling-what":
            raise SlideRenderError("images/broken.png: not a PNG file")
        return self._real.render_scrolled(slide, view, language, large_text=large_text)


def test_a_slide_that_cannot_be_drawn_says_so_and_the_others_still_show(qapp, qtbot) -> None:
    with running_kiosk(qapp, qtbot, renderer_factory=BrokenRenderer) as (kiosk, _clock):
        browse = open_topic(kiosk)
        assert browse.current_slide.id == "dry-needling-what"
        qtbot.waitUntil(lambda: browse.view.message != "", timeout=10000)
        assert browse.view.pixmap is None
        assert "not a PNG" in browse.render_errors["dry-needling-what"]
        browse.step(1)
        qtbot.waitUntil(lambda: browse.ready, timeout=10000)
        assert browse.view.pixmap is not None and browse.view.message == ""


def wait_shown(qtbot, browse) -> None:
    qtbot.waitUntil(lambda: browse.ready, timeout=20000)


def test_in_larger_text_a_long_slide_scrolls_instead_of_being_cut(qapp, qtbot) -> None:
    with running_kiosk(qapp, qtbot, PORTRAIT) as (kiosk, _clock):
        browse = open_topic(kiosk, "exercise")
        view = browse.view
        wait_shown(qtbot, browse)
        assert view.max_offset() == 0  # normal text: the whole slide fits
        kiosk.window.session.set_large_text(True)
        qtbot.waitUntil(lambda: browse.ready and view.max_offset() > 0, timeout=20000)
        assert view.pixmap.width() == view.width() and view.pixmap.height() > view.height()
        assert view.offset == 0
        # A mostly vertical drag scrolls with the finger and is no swipe.
        drag(view, QPoint(500, 1200), QPoint(520, 900))
        assert view.offset == min(300, view.max_offset()) and browse.index == 0
        drag(view, QPoint(500, 1400), QPoint(500, 100))
        assert view.offset == view.max_offset()  # never past the end ...
        drag(view, QPoint(500, 100), QPoint(500, 1500))
        drag(view, QPoint(500, 100), QPoint(500, 1500))
        assert view.offset == 0  # ... nor above the top
        # Real touch: one finger drags (points inside the offscreen 800x800 screen).
        device = QTest.createTouchDevice()
        QTest.touchEvent(view, device).press(0, QPoint(400, 700)).commit()
        QTest.touchEvent(view, device).move(0, QPoint(400, 550)).commit()
        QTest.touchEvent(view, device).release(0, QPoint(400, 550)).commit()
        assert view.offset == min(150, view.max_offset()) and browse.index == 0
        # A horizontal swipe still turns the slide, and the next one starts at its top.
        drag(view, QPoint(1000, 700), QPoint(100, 720))
        assert browse.index == 1
        wait_shown(qtbot, browse)
        assert view.offset == 0


def open_tall_slide(qtbot, kiosk):
    """An exercise in larger text in portrait: taller than the slide area."""
    kiosk.window.session.set_large_text(True)
    browse = open_topic(kiosk, "exercise")
    qtbot.waitUntil(lambda: browse.ready and browse.view.max_offset() > 0, timeout=20000)
    return browse


def test_scroll_cues_show_while_there_is_more_below(qapp, qtbot) -> None:
    with running_kiosk(qapp, qtbot, PORTRAIT) as (kiosk, _clock):
        browse = open_tall_slide(qtbot, kiosk)
        view = browse.view
        accent = QColor(kiosk.player.deck.clinic.theme.primary)

        def accent_pixels(image: QImage, rect: QRect) -> int:
            return sum(
                1
                for x in range(rect.left(), rect.right(), 2)
                for y in range(rect.top(), rect.bottom(), 2)
                if QColor(image.pixel(x, y)) == accent
            )

        unit = view.width() / 1080
        # The down arrow's disc: bottom right, beside the scroll bar (kiosk/ui/scroll_cue.py).
        arrow = QRect(
            round(view.width() - 120 * unit), round(view.height() - 96 * unit), round(80 * unit), round(80 * unit)
        )
        bar = QRect(round(view.width() - 22 * unit), 0, round(12 * unit), view.height())
        top = view.grab().toImage()
        assert accent_pixels(top, arrow) > 20 and accent_pixels(top, bar) > 20
        view.scroll_to(view.max_offset())
        bottom = view.grab().toImage()
        # At the end: no arrow, and the bar has moved down.
        assert accent_pixels(bottom, arrow) == 0
        first = QRect(bar.left(), 0, bar.width(), round(40 * unit))
        assert accent_pixels(top, first) > 0 and accent_pixels(bottom, first) == 0


def test_a_reset_forgets_the_scroll_position(qapp, qtbot) -> None:
    with running_kiosk(qapp, qtbot, PORTRAIT) as (kiosk, _clock):
        browse = open_tall_slide(qtbot, kiosk)
        view = browse.view
        view.scroll_to(200)
        kiosk.window.session.reset()
        assert view.offset == 0 and view.pixmap is None and browse.topic_id is None
        kiosk.window.session.set_large_text(True)
        browse = open_topic(kiosk, "exercise")
        qtbot.waitUntil(lambda: browse.ready, timeout=20000)
        assert view.offset == 0
