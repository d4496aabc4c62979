"""The insights recorder on the real kiosk: scripted patient visits under pytest-qt give
exactly the expected counts in a real stats.db, and nothing a patient typed, nor anything
that points at their request, reaches any stats table or file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QPoint

from kiosk.core.admin_pin import Lockout, PinStore
from kiosk.core.clock import FixedClock
from kiosk.core.requests.store import RequestStore
from kiosk.core.stats.figures import TopicFigures
from kiosk.ui.app import RequestServices, StaffServices
from kiosk.ui.shell import PIN, SLIDESHOW, IdleSettings
from tests.helpers.insights import figures_now, recording
from tests.helpers.kiosk import NOW, running_kiosk
from tests.helpers.request_form import fill
from tests.helpers.touch import tap

CORNER = QPoint(20, 20)


def test_a_visit_with_a_topic_three_slides_and_a_request_gives_exactly_the_expected_counts(
    qapp, qtbot, tmp_path: Path
) -> None:
    with (
        RequestStore(tmp_path / "requests.db") as store,
        running_kiosk(qapp, qtbot, requests=RequestServices(store)) as (kiosk, clock),
        recording(kiosk.window, clock, tmp_path / "stats.db") as (recorder, writer),
    ):
        shell = kiosk.window
        first = kiosk.player.current_slide
        assert first is not None
        clock.advance(4)
        tap(shell.slideshow)
        clock.advance(3)
        tap(shell.menu.topic_button("exercise"), CORNER)
        clock.advance(10)
        tap(shell.browse.next_button, CORNER)
        clock.advance(10)
        tap(shell.browse.next_button, CORNER)
        clock.advance(10)
        tap(shell.browse.request_button, CORNER)
        form = shell.request_screen
        assert form is not None
        fill(qtbot, form, name="Ann Lee", phone="303-555-0123")
        clock.advance(30)
        tap(form.submit_button)
        assert form.showing_thanks
        clock.advance(5)
        tap(form.thanks.done_button)
        assert shell.current_screen == SLIDESHOW
        clock.advance(2)
        recorder.finish()
        figures = figures_now(writer, clock)

    assert figures.visits == 1
    assert dict(figures.outcomes) == {"back": 0, "idle": 0, "request": 1, "other": 0}
    assert figures.visit_seconds == 68.0
    assert figures.menu_opens == 1
    assert figures.topics == (TopicFigures("exercise", opens=1, slides_viewed=3, seconds=30.0, requests=1),)
    assert figures.requests == 1
    assert figures.request_share == 1.0
    assert dict(figures.choices) == {}
    # Proof of play: the slide on screen, 4 s before the tap and 2 s after the visit.
    assert [(s.slide_id, s.version, s.shows, s.seconds) for s in figures.slides] == [
        (first.id, kiosk.player.deck.version, 1, 6.0)
    ]


def test_back_to_the_slideshow_choices_and_topics_opened_twice(qapp, qtbot, tmp_path: Path) -> None:
    with (
        running_kiosk(qapp, qtbot) as (kiosk, clock),
        recording(kiosk.window, clock, tmp_path / "stats.db") as (_recorder, writer),
    ):
        shell = kiosk.window
        tap(shell.slideshow)
        tap(shell.menu.language_buttons["es"], CORNER)
        tap(shell.menu.large_text_button, CORNER)
        tap(shell.menu.large_text_button, CORNER)  # off again, on again: one choice per visit
        tap(shell.menu.large_text_button, CORNER)
        tap(shell.menu.topic_button("shockwave"), CORNER)
        clock.advance(12)
        tap(shell.browse.menu_button, CORNER)
        tap(shell.menu.topic_button("shockwave"), CORNER)
        clock.advance(8)
        tap(shell.browse.menu_button, CORNER)
        clock.advance(1)
        tap(shell.menu.back_button, CORNER)
        assert shell.current_screen == SLIDESHOW
        # The reset back to English and normal text is no patient's choice; the next visit
        # starts from it, so its own choices count again.
        tap(shell.slideshow)
        tap(shell.menu.high_contrast_button, CORNER)
        tap(shell.menu.back_button, CORNER)
        figures = figures_now(writer, clock)

    assert figures.visits == 2
    assert dict(figures.outcomes) == {"back": 2, "idle": 0, "request": 0, "other": 0}
    assert figures.visit_seconds == 21.0
    assert figures.menu_opens == 4
    assert figures.topics == (TopicFigures("shockwave", opens=2, slides_viewed=2, seconds=20.0, requests=0),)
    assert dict(figures.choices) == {"language:es": 1, "large_text:on": 1, "high_contrast:on": 1}
    assert figures.requests == 0 and figures.request_share == 0.0


def test_a_visit_that_times_out_and_one_that_staff_interrupt(qapp, qtbot, tmp_path: Path) -> None:
    pins = PinStore(tmp_path / "pin")
    staff = StaffServices(pin_store=pins, lockout=Lockout(FixedClock(NOW), path=pins.lockout_path), data_dir=tmp_path)
    with (
        running_kiosk(qapp, qtbot, idle=IdleSettings(45, 20, 60_000), staff=staff) as (kiosk, clock),
        recording(kiosk.window, clock, tmp_path / "stats.db") as (_recorder, writer),
    ):
        shell = kiosk.window
        tap(shell.slideshow)
        tap(shell.menu.topic_button("about"), CORNER)
        clock.advance(45.5)
        shell.idle.check()
        assert shell.overlay.isVisible()
        clock.advance(20)
        shell.idle.check()
        assert shell.current_screen == SLIDESHOW
        # A countdown the patient stops is no timeout.
        tap(shell.slideshow)
        clock.advance(46)
        shell.idle.check()
        assert shell.overlay.isVisible()
        shell.idle.poke()
        clock.advance(1)
        tap(shell.menu.back_button, CORNER)
        # Staff take over mid-visit: the visit ends there; their own screens are no visit.
        tap(shell.slideshow)
        clock.advance(3)
        shell.open_staff()
        assert shell.current_screen == PIN
        shell.pin_pad.accepted.emit()
        clock.advance(50)
        shell.admin_screen.closed.emit()
        figures = figures_now(writer, clock)

    assert dict(figures.outcomes) == {"back": 1, "idle": 1, "request": 0, "other": 1}
    assert figures.visit_seconds == 65.5 + 47 + 3
    assert [t.topic_id for t in figures.topics] == ["about"]
    assert figures.topics[0].seconds == 65.5


def test_proof_of_play_counts_each_slide_only_while_it_is_on_screen(qapp, qtbot, tmp_path: Path) -> None:
    with (
        running_kiosk(qapp, qtbot) as (kiosk, clock),
        recording(kiosk.window, clock, tmp_path / "stats.db") as (recorder, writer),
    ):
        shell, player = kiosk.window, kiosk.player
        first = player.current_slide
        second = player.playback.peek_next()
        assert first is not None and second is not None and second.id != first.id
        clock.advance(3)
        tap(shell.slideshow)
        clock.advance(100)  # covered by the menu: not on screen
        tap(shell.menu.back_button, CORNER)
        clock.advance(2)
        with qtbot.waitSignal(player.slideShown, timeout=10000):
            player.show_slide(second)
        clock.advance(7)
        recorder.finish()
        figures = figures_now(writer, clock)

    shown = {s.slide_id: (s.shows, s.seconds) for s in figures.slides}
    assert shown == {first.id: (1, 5.0), second.id: (1, 7.0)}
    assert figures.shows == 2 and figures.seconds_shown == 12.0


NAME = "Zebedee Quuxworth"
EMAIL = "zq.marmalade@quux-example.org"
PHONE = "720-555-0178"


def test_no_stats_table_or_file_holds_what_patients_typed_or_anything_that_points_at_their_request(
    qapp, qtbot, tmp_path: Path
) -> None:
    stats_db = tmp_path / "data" / "stats.db"
    clock = FixedClock(NOW)
    with (
        RequestStore(tmp_path / "requests.db", clock=clock) as store,
        running_kiosk(qapp, qtbot, clock=clock, requests=RequestServices(store)) as (kiosk, _clock),
        recording(kiosk.window, clock, stats_db) as (recorder, writer),
    ):
        shell = kiosk.window
        # Two patients in the same hour: one asks about the topic they read, in Spanish and
        # larger text; the other about two topics from the menu.
        tap(shell.slideshow)
        tap(shell.menu.language_buttons["es"], CORNER)
        tap(shell.menu.large_text_button, CORNER)
        tap(shell.menu.topic_button("shockwave"), CORNER)
        tap(shell.browse.request_button, CORNER)
        form = shell.request_screen
        assert form is not None
        fill(qtbot, form, name=NAME, phone=PHONE)
        clock.advance(41)
        tap(form.submit_button)
        clock.advance(3)
        tap(form.thanks.done_button)
        clock.advance(300)
        tap(shell.slideshow)
        tap(shell.menu.request_button, CORNER)
        tap(form.topics.chip("exercise"))
        tap(form.topics.chip("dry-needling"))
        fill(qtbot, form, name="Ximena Vantablack", email=EMAIL)
        clock.advance(17)
        tap(form.submit_button)
        clock.advance(3)
        tap(form.thanks.done_button)
        recorder.finish()
        writer.flush().result(10)
        requests = store.list_requests()
        assert len(requests) == 2
        files_while_running = _stats_files(stats_db)
        figures = figures_now(writer, clock)
    assert figures.requests == 2 and {t.topic_id: t.requests for t in figures.topics if t.requests} == {
        "shockwave": 1,
        "exercise": 1,
        "dry-needling": 1,
    }

    secrets = [NAME, "Quuxworth", "Vantablack", EMAIL, "marmalade", "quux-example", "5550178", "+17205550178"]
    for request in requests:
        created = request.created_at
        secrets += [
            request.id,
            created.isoformat(),
            created.strftime("%Y-%m-%dT%H:%M"),
            str(int(created.timestamp())),
            str(int(created.timestamp() * 1000)),
        ]
    for path, data in {**files_while_running, **_stats_files(stats_db)}.items():
        for secret in secrets:
            assert secret.encode() not in data, f"{path.name} holds {secret!r}"

    request_times = [r.created_at.timestamp() for r in requests]
    with sqlite3.connect(stats_db) as conn:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
            assert not {"name", "phone", "email", "request", "request_id", "token", "created_at"} & set(columns)
            for row in conn.execute(f"SELECT * FROM {table}"):
                for column, value in zip(columns, row, strict=True):
                    if isinstance(value, str):
                        assert not any(secret in value for secret in secrets), (table, column)
                    if column == "hour":  # whole hours since 1970, not seconds in disguise
                        assert all(abs(value - t / 3600) < 48 for t in request_times), (table, value)
                    if isinstance(value, int) and column != "hour" and (table, column) != ("plays", "shown_at"):
                        # No time near a request's, in seconds or milliseconds. (Only the
                        # slideshow's proof of play is to the millisecond: nobody's action.)
                        assert all(abs(value - t) > 600 and abs(value - t * 1000) > 600_000 for t in request_times), (
                            table,
                            column,
                        )
        # What a patient did is kept by the hour, and requests as one count per topic: which
        # topics went together in one request (or with which visit) cannot be told.
        assert conn.execute("SELECT COUNT(*) FROM visits").fetchone()[0] == 2
        request_rows = conn.execute(
            "SELECT hour, key, count, ms FROM tallies WHERE kind IN ('request', 'request_topic') ORDER BY key"
        ).fetchall()
        hour = int(requests[0].created_at.timestamp() // 3600)
        assert request_rows == [
            (hour, "", 2, 0),
            (hour, "dry-needling", 1, 0),
            (hour, "exercise", 1, 0),
            (hour, "shockwave", 1, 0),
        ]
        assert [row[1] for row in conn.execute("PRAGMA table_info(tallies)")] == ["hour", "kind", "key", "count", "ms"]


def _stats_files(stats_db: Path) -> dict[Path, bytes]:
    """Every file of the stats database (the WAL and shared memory too, while they exist)."""
    found = {p: p.read_bytes() for p in sorted(stats_db.parent.glob(stats_db.name + "*"))}
    assert stats_db in found
    return found
