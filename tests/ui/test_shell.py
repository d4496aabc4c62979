"""The one kiosk window: a tap on the slideshow opens the menu, the slideshow pauses, going
home resets the session and resumes the slideshow."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.ui.shell import BROWSE, MENU, SLIDESHOW
from tests.helpers.kiosk import running_kiosk
from tests.helpers.touch import tap


def test_the_shell_is_the_only_top_level_window(qapp, qtbot) -> None:
    with running_kiosk(qapp, qtbot) as (kiosk, _clock):
        shell = kiosk.window
        assert shell.isWindow()
        assert shell.slideshow.parentWidget() is shell
        assert shell.current_screen == SLIDESHOW
        visible_windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        assert visible_windows == [shell]


def test_a_tap_on_the_slideshow_opens_the_menu_and_pauses_it(qapp, qtbot) -> None:
    with running_kiosk(qapp, qtbot) as (kiosk, _clock):
        shell = kiosk.window
        with qtbot.waitSignal(shell.screenChanged, timeout=2000) as changed:
            tap(shell.slideshow)
        assert changed.args == [MENU]
        assert shell.current_screen == MENU
        assert shell.menu.isVisible() and not shell.slideshow.isVisible()
        assert kiosk.player.paused
        assert shell.idle.active
        titles = [t.title.get("en") for t in shell.menu.topics]
        assert titles == ["Dry needling", "Shockwave therapy", "Back exercises", "About us"]


def test_a_drag_or_a_long_hold_on_the_slideshow_is_not_a_tap(qapp, qtbot) -> None:
    with running_kiosk(qapp, qtbot) as (kiosk, _clock):
        shell = kiosk.window
        QTest.mousePress(shell.slideshow, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(400, 400))
        QTest.mouseMove(shell.slideshow, QPoint(900, 420))
        QTest.mouseRelease(shell.slideshow, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(900, 420))
        assert shell.current_screen == SLIDESHOW
        QTest.mousePress(shell.slideshow, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(400, 400))
        QTest.mouseRelease(
            shell.slideshow, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(400, 400), 1200
        )
        assert shell.current_screen == SLIDESHOW
        assert not kiosk.player.paused


def test_back_to_slideshow_resets_the_session_and_resumes(qapp, qtbot) -> None:
    with running_kiosk(qapp, qtbot) as (kiosk, _clock):
        shell = kiosk.window
        tap(shell.slideshow)
        tap(shell.menu.language_buttons["es"], QPoint(20, 20))
        tap(shell.menu.large_text_button, QPoint(20, 20))
        assert shell.session.language == "es" and shell.session.large_text
        with qtbot.waitSignal(shell.session.resetRequested, timeout=2000):
            tap(shell.menu.back_button, QPoint(20, 20))
        assert shell.current_screen == SLIDESHOW
        assert shell.session.language == "en" and not shell.session.large_text
        assert not kiosk.player.paused
        assert not shell.idle.active
        assert kiosk.player.language == "en"


def test_the_slideshow_holds_its_slide_while_the_menu_is_up(qapp, qtbot) -> None:
    from kiosk.ui.slideshow.player import PlayerTiming

    fast = PlayerTiming(time_scale=0.002, transition_ms=0)  # 24 ms slides
    with running_kiosk(qapp, qtbot, timing=fast) as (kiosk, _clock):
        shell = kiosk.window
        tap(shell.slideshow)
        shown: list[str] = []
        kiosk.player.slideShown.connect(shown.append)
        qtbot.wait(150)  # a dozen slide durations: nothing may advance while paused
        assert shown == []
        assert not kiosk.player._slide_timer.isActive()
        shell.go_home()
        qtbot.waitUntil(lambda: len(shown) >= 2, timeout=5000)


def test_topic_then_menu_then_home(qapp, qtbot) -> None:
    with running_kiosk(qapp, qtbot) as (kiosk, _clock):
        shell = kiosk.window
        tap(shell.slideshow)
        tap(shell.menu.topic_button("exercise"), QPoint(20, 20))
        assert shell.current_screen == BROWSE
        assert shell.browse.topic_id == "exercise"
        assert shell.browse.position_text() == "1 / 5"
        tap(shell.browse.menu_button, QPoint(20, 20))
        assert shell.current_screen == MENU
        tap(shell.menu.back_button, QPoint(20, 20))
        assert shell.current_screen == SLIDESHOW
        assert shell.browse.topic_id is None
        assert shell.browse.position_label.text() == ""


def test_add_screen_rejects_a_duplicate_name(qapp, qtbot) -> None:
    import pytest

    with running_kiosk(qapp, qtbot) as (kiosk, _clock), pytest.raises(ValueError, match="menu"):
        kiosk.window.add_screen(MENU, QLabel("x"))


def test_request_more_information_opens_the_real_form_with_the_topic_chosen(qapp, qtbot, tmp_path) -> None:
    from kiosk.core.requests.store import RequestStore
    from kiosk.ui.app import RequestServices
    from kiosk.ui.shell import REQUEST

    with (
        RequestStore(tmp_path / "requests.db") as store,
        running_kiosk(qapp, qtbot, requests=RequestServices(store)) as (kiosk, _clock),
    ):
        shell = kiosk.window
        tap(shell.slideshow)
        tap(shell.menu.topic_button("shockwave"), QPoint(20, 20))
        tap(shell.browse.request_button, QPoint(20, 20))
        assert shell.current_screen == REQUEST
        assert shell.request_screen.topics.selected() == ["shockwave"]
        shell.request_screen.cancelled.emit()
        assert shell.current_screen == MENU
        tap(shell.menu.request_button, QPoint(20, 20))
        assert shell.current_screen == REQUEST
        assert shell.request_screen.topics.selected() == []
        shell.request_screen.finished.emit()
        assert shell.current_screen == SLIDESHOW


def test_without_a_request_store_the_patient_is_told_to_ask_the_front_desk(qapp, qtbot) -> None:
    from kiosk.ui.shell import UNAVAILABLE

    with running_kiosk(qapp, qtbot) as (kiosk, _clock):
        shell = kiosk.window
        tap(shell.slideshow)
        tap(shell.menu.request_button, QPoint(20, 20))
        assert shell.current_screen == UNAVAILABLE
        assert "front desk" in shell.unavailable.message.text()
        tap(shell.unavailable.back_button, QPoint(20, 20))
        assert shell.current_screen == MENU


def test_the_corner_hold_opens_the_pin_pad_and_the_right_pin_the_admin_screen(qapp, qtbot, tmp_path) -> None:
    from kiosk.core.admin_pin import Lockout, PinStore
    from kiosk.core.requests.store import RequestStore
    from kiosk.ui.app import RequestServices, StaffServices
    from kiosk.ui.shell import ADMIN, PIN

    pins = PinStore(tmp_path / "pin")
    pins.set("2468")
    with RequestStore(tmp_path / "requests.db") as store:
        staff = StaffServices(
            pin_store=pins, lockout=Lockout(_fixed(), path=pins.lockout_path), data_dir=tmp_path, hold_seconds=0.05
        )
        with running_kiosk(qapp, qtbot, requests=RequestServices(store), staff=staff) as (kiosk, _clock):
            shell = kiosk.window
            # Built on first use, not at start-up (about 4 MB a kiosk rarely needs).
            assert not shell.staff_screens_built
            corner = QPoint(shell.width() - 10, 10)
            QTest.mousePress(shell.slideshow, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner)
            qtbot.waitUntil(lambda: shell.current_screen == PIN, timeout=3000)
            QTest.mouseRelease(shell.slideshow, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner)
            assert shell.current_screen == PIN  # the release after the hold is no tap
            assert shell.staff_screens_built
            assert kiosk.player.paused
            shell.pin_pad.accepted.emit()
            assert shell.current_screen == ADMIN
            assert not shell.idle.active  # the admin screen has its own idle close
            shell.admin_screen.closed.emit()
            assert shell.current_screen == SLIDESHOW


def test_admin_actions_reach_the_player(qapp, qtbot) -> None:
    with running_kiosk(qapp, qtbot) as (kiosk, _clock):
        shell = kiosk.window
        assert shell.content_version() == kiosk.player.deck.version
        assert shell.content_problems() == ()
        shell.set_paused(True)
        assert shell.is_paused() and kiosk.player.paused
        tap(shell.slideshow)
        shell.go_home()
        assert kiosk.player.paused  # staff pause outlasts a patient's visit
        shell.set_paused(False)
        assert not kiosk.player.paused
        assert shell.last_delivery_success() is None


def _fixed():
    from kiosk.core.clock import FixedClock
    from tests.helpers.kiosk import NOW

    return FixedClock(NOW)


def test_the_admin_list_names_topics_by_their_titles_in_the_staff_language(qapp, qtbot, tmp_path) -> None:
    from kiosk.core.admin_pin import Lockout, PinStore
    from kiosk.core.requests.model import ContactTime, InfoRequest
    from kiosk.core.requests.store import RequestStore
    from kiosk.ui.app import RequestServices, StaffServices

    pins = PinStore(tmp_path / "pin")
    with RequestStore(tmp_path / "requests.db") as store:
        store.submit(
            InfoRequest(
                name="Ana",
                phone="+13035550123",
                email="",
                topics=("exercise", "gone-topic"),
                contact_time=ContactTime.ANY,
                language="es",
            ),
            "t1",
            (),
        )
        staff = StaffServices(pin_store=pins, lockout=Lockout(_fixed(), path=pins.lockout_path), data_dir=tmp_path)
        with running_kiosk(qapp, qtbot, requests=RequestServices(store), staff=staff) as (kiosk, _clock):
            shell = kiosk.window
            shell.pin_pad.accepted.emit()  # as after the right PIN
            row = shell.admin_screen.requests.rows()[0]
            # A topic the content no longer has keeps its id rather than vanishing.
            assert row.texts()[2] == "Topics: Back exercises, gone-topic"
            shell.session.set_language("es")
            qtbot.waitUntil(lambda: "Ejercicios de espalda" in shell.admin_screen.requests.rows()[0].texts()[2])
