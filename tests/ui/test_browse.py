"""Browsing a topic: swipes (mouse and real touch events), buttons, position, languages,
larger text, read aloud and "Request more information about this"."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QPoint, QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from kiosk.core.model import Deck, Slide
from kiosk.ui.render.slide_renderer import SlideRenderer
from kiosk.ui.shell import BROWSE, MENU

from test_shell_helpers import running_kiosk


class RecordingRenderer:
    """The real renderer, remembering how each slide was asked for."""

    def __init__(self, deck: Deck, calls: list[tuple[str, str, bool, QSize]]) -> None:
        self._real = SlideRenderer(deck)
        self._calls = calls

    def render(self, slide: Slide, size: QSize, language: str = "en", *, large_text: bool = False) -> QImage:
        self._calls.append((slide.id, language, large_text, QSize(size)))
        return self._real.render(slide, size, language, large_text=large_text)


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


def click(button) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(10, 10))


def open_topic(kiosk, topic: str = "dry-needling"):
    shell = kiosk.window
    shell.open_menu()
    click(shell.menu.topic_button(topic))
    assert shell.current_screen == BROWSE
    return shell.browse


def test_buttons_step_through_the_topic_and_the_position_follows(qapp, qtbot) -> None:
    with running_kiosk(qapp, qtbot) as (kiosk, _clock):
        browse = open_topic(kiosk, "exercise")
        ids = [s.id for s in browse.slides]
        assert ids == [s.id for s in kiosk.player.deck.slides if s.topic == "exercise"]
        assert browse.position_label.text() == "1 / 5"
        assert not browse.previous_button.isEnabled() and browse.next_button.isEnabled()
        click(browse.next_button)
        click(browse.next_button)
        assert browse.position_label.text() == "3 / 5"
        assert browse.current_slide.id == ids[2]
        click(browse.previous_button)
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
        click(browse.next_button)
        click(browse.next_button)  # the second tap of a double tap
        assert browse.index == 1 and moved == [1]
        kiosk.window.debouncer.interval_ms = 0  # a patient tapping again later
        click(browse.next_button)
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
        click(browse.read_button)
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
            click(browse.request_button)
        assert asked.args == ["shockwave"]
        kiosk.window.show_screen(BROWSE)
        click(browse.menu_button)
        assert kiosk.window.current_screen == MENU


class BrokenRenderer:
    def __init__(self, deck: Deck) -> None:
        self._real = SlideRenderer(deck)

    def render(self, slide: Slide, size: QSize, language: str = "en", *, large_text: bool = False) -> QImage:
        from kiosk.ui.render.errors import SlideRenderError

        if slide.id == "dry-needling-what":
            raise SlideRenderError("images/broken.png: not a PNG file")
        return self._real.render(slide, size, language, large_text=large_text)


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
