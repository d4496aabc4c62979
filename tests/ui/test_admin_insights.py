"""The admin screen's Insights page: the figures of a real stats.db, read by the writer's
thread while the page waits on a timer; when stats are off or cannot be read it says so;
closing the screen forgets them."""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import replace
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

from PySide6.QtCore import QPoint

from kiosk.core.admin_pin import Lockout, PinStore
from kiosk.core.clock import FixedClock
from kiosk.core.requests.store import RequestStore
from kiosk.core.stats.figures import Figures
from kiosk.core.stats.schema import StatsError
from kiosk.ui.admin.admin_screen import AdminScreen
from kiosk.ui.admin.insights_page import SLOW_S
from kiosk.ui.app import RequestServices, StaffServices
from kiosk.ui.insights.view import InsightsView
from kiosk.ui.shell import ADMIN, KioskShell
from tests.helpers.insights import recording
from tests.helpers.kiosk import NOW, running_kiosk
from tests.helpers.request_form import fill
from tests.helpers.touch import tap

CORNER = QPoint(20, 20)


def staff(tmp_path: Path) -> StaffServices:
    pins = PinStore(tmp_path / "pin")
    return StaffServices(pin_store=pins, lockout=Lockout(FixedClock(NOW), path=pins.lockout_path), data_dir=tmp_path)


def open_insights(qtbot, shell: KioskShell) -> AdminScreen:
    shell.open_staff()
    shell.pin_pad.accepted.emit()  # as after the right PIN
    assert shell.current_screen == ADMIN
    admin = shell.admin_screen
    assert admin is not None
    tap(admin.section_button("insights"))
    assert admin.section == "insights"
    return admin


def test_the_page_shows_the_kiosks_own_figures_with_topic_titles(qapp, qtbot, tmp_path: Path) -> None:
    with (
        RequestStore(tmp_path / "requests.db") as store,
        running_kiosk(qapp, qtbot, requests=RequestServices(store), staff=staff(tmp_path)) as (kiosk, clock),
        recording(kiosk.window, clock, tmp_path / "stats.db"),
    ):
        shell = kiosk.window
        tap(shell.slideshow)
        tap(shell.menu.topic_button("exercise"), CORNER)
        clock.advance(20)
        tap(shell.browse.next_button, CORNER)
        tap(shell.browse.request_button, CORNER)
        form = shell.request_screen
        assert form is not None
        fill(qtbot, form, name="Ann Lee", phone="303-555-0123")
        tap(form.submit_button)
        clock.advance(5)
        tap(form.thanks.done_button)
        tap(shell.slideshow)
        clock.advance(10)
        tap(shell.menu.back_button, CORNER)
        first, following = kiosk.player.current_slide, kiosk.player.playback.peek_next()
        assert first is not None and following is not None
        clock.advance(7)
        with qtbot.waitSignal(kiosk.player.slideShown, timeout=10000):  # the first slide's time is up
            kiosk.player.show_slide(following)

        admin = open_insights(qtbot, shell)
        view = admin.insights.view
        qtbot.waitUntil(lambda: view.figures is not None, timeout=10000)
        assert not admin.insights.waiting
        assert view.figures.visits == 2 and view.figures.requests == 1
        summary = view.summary.text()
        assert "2 visits; 50 % ended in a request. A visit lasted 18 s on average." in summary
        assert "Menu opened: 2. Requests sent: 1." in summary
        assert [(b.label, b.text) for b in view.topics.bars] == [
            ("Back exercises", "1 opened · 2 slides viewed · 20 s")
        ]
        assert [(b.label, b.text) for b in view.requests.bars] == [("Back exercises", "1 request")]
        assert sum(view.hours.counts) == 2
        assert [(p.label, p.count) for p in view.outcomes.parts][:2] == [
            ("Sent a request", 1),
            ("Went back to the slideshow", 1),
        ]
        assert [(b.label, b.text) for b in view.slides.bars] == [(first.title.get("en"), "once · 7 s")]
        assert "counted by the hour" in view.status.text()

        # Another period asks again; closing the screen forgets what it showed.
        tap(view.period_buttons[7])
        assert view.days == 7
        qtbot.waitUntil(lambda: view.figures is not None and not admin.insights.waiting, timeout=10000)
        admin.close_screen()
        assert view.figures is None and view.summary.text() == ""


def test_with_stats_off_the_page_says_nothing_is_counted(qapp, qtbot, tmp_path: Path) -> None:
    with running_kiosk(qapp, qtbot, staff=staff(tmp_path)) as (kiosk, _clock):
        admin = open_insights(qtbot, kiosk.window)
        assert "Insights are off on this kiosk" in admin.insights.view.status.text()
        assert admin.insights.view.figures is None


def test_figures_that_cannot_be_read_are_a_message_not_a_broken_screen(qapp, qtbot, tmp_path: Path) -> None:
    def failing(_since: datetime, _until: datetime, _zone: tzinfo) -> Future[Figures]:
        future: Future[Figures] = Future()
        future.set_exception(StatsError("could not read the counts from /data/stats.db: disk I/O error"))
        return future

    with running_kiosk(qapp, qtbot, staff=staff(tmp_path)) as (kiosk, _clock):
        kiosk.window.hooks = replace(kiosk.window.hooks, insights=failing)
        admin = open_insights(qtbot, kiosk.window)
        assert admin.insights.view.status.text() == (
            "The figures cannot be read now: could not read the counts from /data/stats.db: disk I/O error"
        )
        tap(admin.section_button("requests"))  # the rest of the screen works
        assert admin.section == "requests"


def test_times_are_on_the_clinics_clock_whatever_zone_the_period_came_in(qapp, qtbot) -> None:
    view = InsightsView()
    qtbot.addWidget(view)
    until = datetime(2026, 11, 27, 14, 23, tzinfo=UTC)  # the system clock's UTC
    view.show_figures(
        Figures(
            since=until - timedelta(days=30),
            until=until,
            timezone="America/Denver",
            first_recorded=datetime(2026, 11, 3, 14, 0, tzinfo=UTC),
            set_aside=("stats.db.damaged-20261103T135912Z",),
        )
    )
    assert view.status.text() == (
        "A damaged stats database was set aside as stats.db.damaged-20261103T135912Z: the figures it held are "
        "not shown. IT deletes it once nobody needs it.\n"
        "From 2026-10-28 08:23 to 2026-11-27 07:23 (America/Denver), counted by the hour. "
        "Counting began on 2026-11-03 07:00."
    )


def test_an_answer_that_does_not_come_is_said_to_be_slow(qapp, qtbot, tmp_path: Path) -> None:
    never: Future[Figures] = Future()
    with running_kiosk(qapp, qtbot, staff=staff(tmp_path)) as (kiosk, clock):
        kiosk.window.hooks = replace(kiosk.window.hooks, insights=lambda _since, _until, _zone: never)
        admin = open_insights(qtbot, kiosk.window)
        assert admin.insights.view.status.text() == "Counting…" and admin.insights.waiting
        clock.advance(SLOW_S)
        qtbot.waitUntil(lambda: "slow to answer" in admin.insights.view.status.text(), timeout=5000)
        never.set_result(Figures(since=clock.now(), until=clock.now(), timezone="UTC", first_recorded=None))
        qtbot.waitUntil(lambda: admin.insights.view.figures is not None, timeout=5000)
