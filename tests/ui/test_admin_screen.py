"""The staff admin screen on a real request store: counts, rows, every action, idle close."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.core.clock import FixedClock
from kiosk.core.content_state import ORIGIN_LAST_GOOD, ContentState
from kiosk.core.problems import Problem, Severity
from kiosk.core.requests.model import ContactTime, InfoRequest, RequestStatus
from kiosk.core.requests.store import RequestStore
from kiosk.ui.admin.admin_screen import AdminScreen
from kiosk.ui.admin.request_list import RequestRow, local_time
from kiosk.ui.scale import min_gap, min_target
from tests.helpers.touch import tap

T0 = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)


def settle() -> None:
    """Let posted layout requests run: a wrapping button row lays out in two passes."""
    for _ in range(3):
        QApplication.processEvents()


class FakeActions:
    """Records what the admin screen asks of the shell."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []
        self.paused = False
        self.problems: tuple[Problem, ...] = ()
        self.version = "c0ffee12"
        self.last_success: datetime | None = None
        self.state: ContentState | None = None
        self.updates: str | None = None

    def reload_content(self) -> None:
        self.calls.append(("reload", None))
        self.problems = (
            Problem("slides/news.yaml", 4, "title", "missing"),
            Problem("slides/tip.yaml", None, "image", "not found", Severity.WARNING),
        )
        self.version = "deadbeef"

    def set_paused(self, paused: bool) -> None:
        self.calls.append(("set_paused", paused))
        self.paused = paused

    def is_paused(self) -> bool:
        return self.paused

    def exit_kiosk(self) -> None:
        self.calls.append(("exit", None))

    def content_problems(self) -> tuple[Problem, ...]:
        return self.problems

    def content_version(self) -> str:
        return self.version

    def content_state(self) -> ContentState | None:
        return self.state

    def content_updates(self) -> str | None:
        return self.updates

    def last_delivery_success(self) -> datetime | None:
        return self.last_success

    def retry_delivery(self, request_id: str | None) -> None:
        self.calls.append(("retry", request_id))


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


@pytest.fixture
def store(tmp_path: Path, clock: FixedClock) -> Iterator[RequestStore]:
    with RequestStore(tmp_path / "data" / "requests.db", clock) as opened:
        yield opened


def submit(
    store: RequestStore,
    clock: FixedClock,
    name: str,
    token: str,
    channels: tuple[str, ...] = ("email",),
    **changes: Any,
) -> str:
    values: dict[str, Any] = {
        "name": name,
        "phone": "+13035550123",
        "email": "ana@example.com",
        "topics": ("back-pain", "knee"),
        "contact_time": ContactTime.MORNING,
        "language": "es",
    }
    values.update(changes)
    stored = store.submit(InfoRequest(**values), token, channels)
    clock.advance(60)
    return stored.id


@pytest.fixture
def ids(store: RequestStore, clock: FixedClock) -> dict[str, str]:
    """One request in each state: pending, delivered, failed (permanent), contacted."""
    made = {
        "pending": submit(store, clock, "Pat Pending", "t1"),
        "delivered": submit(store, clock, "Dee Delivered", "t2"),
        "failed": submit(store, clock, "Fay Failed", "t3", email=None),
        "contacted": submit(store, clock, "Cory Contacted", "t4", channels=()),
    }
    store.record_delivered(made["delivered"], "email")
    store.record_permanent_failure(made["failed"], "email", "SMTP 550 mailbox unavailable")
    store.record_retry(made["pending"], "email", "connection refused", clock.now() + timedelta(minutes=5))
    store.mark_contacted(made["contacted"])
    return made


@pytest.fixture
def actions() -> FakeActions:
    return FakeActions()


@pytest.fixture
def host(qtbot: QtBot) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    return window


def make_screen(
    host: QWidget,
    qtbot: QtBot,
    actions: FakeActions,
    store: RequestStore,
    clock: FixedClock,
    tmp_path: Path,
    **kwargs: Any,
) -> AdminScreen:
    screen = AdminScreen(
        actions,
        store,
        clock=clock,
        data_dir=tmp_path / "data",
        started_at=T0 - timedelta(hours=2),
        parent=host,
        **kwargs,
    )
    screen.resize(host.size())
    host.show()
    qtbot.waitExposed(host)
    settle()
    return screen


def button(screen: QWidget, name: str) -> QPushButton:
    found = [b for b in screen.findChildren(QPushButton) if b.accessibleName() == name and b.isVisibleTo(screen)]
    assert len(found) == 1, (name, [b.accessibleName() for b in screen.findChildren(QPushButton)])
    return found[0]


def row_for(screen: AdminScreen, request_id: str) -> RequestRow:
    rows = [r for r in screen.requests.rows() if r.request_id == request_id]
    assert len(rows) == 1
    return rows[0]


def test_counts_and_rows_from_the_store(
    host: QWidget,
    qtbot: QtBot,
    actions: FakeActions,
    store: RequestStore,
    clock: FixedClock,
    ids: dict[str, str],
    tmp_path: Path,
) -> None:
    screen = make_screen(host, qtbot, actions, store, clock, tmp_path)
    assert screen.is_open and screen.section == "requests"
    counts = screen.requests.counts()
    assert counts == {
        RequestStatus.NEW: 1,
        RequestStatus.DELIVERED: 1,
        RequestStatus.FAILED: 1,
        RequestStatus.CONTACTED: 1,
    }
    assert screen.requests.filter_button(None).text() == "All (4)"
    assert screen.requests.filter_button(RequestStatus.FAILED).text() == "Failed (1)"
    # Newest first.
    assert [r.request_id for r in screen.requests.rows()] == [
        ids["contacted"],
        ids["failed"],
        ids["delivered"],
        ids["pending"],
    ]
    failed = row_for(screen, ids["failed"]).texts()
    created = store.get(ids["failed"]).created_at
    assert failed[0] == f"{local_time(created)} \u00b7 Fay Failed \u00b7 Failed"
    assert failed[1] == "+13035550123 \u00b7 best time: mornings \u00b7 language: es"
    assert failed[2] == "Topics: back-pain, knee"
    assert failed[3] == "email: failed (attempts: 1) \u2014 last error: SMTP 550 mailbox unavailable"
    pending = row_for(screen, ids["pending"]).texts()
    assert "ana@example.com" in pending[1]
    assert pending[3] == "email: waiting to retry (attempts so far: 1) \u2014 last error: connection refused"
    assert row_for(screen, ids["delivered"]).texts()[3].startswith("email: delivered 2026-")
    assert row_for(screen, ids["contacted"]).texts()[3] == (
        "No delivery channel was configured when this request was made."
    )
    # Patient-typed text is never interpreted as markup.
    for row in screen.requests.rows():
        for label in row.findChildren(QLabel):
            assert label.textFormat() == Qt.TextFormat.PlainText
    # Contacted requests have no Mark contacted; only failed or erroring ones offer Retry.
    assert not row_for(screen, ids["contacted"]).contacted_button.isVisibleTo(screen)
    assert row_for(screen, ids["failed"]).retry_button.isVisibleTo(screen)
    assert row_for(screen, ids["pending"]).retry_button.isVisibleTo(screen)
    assert not row_for(screen, ids["delivered"]).retry_button.isVisibleTo(screen)


def test_filter_by_status(
    host: QWidget,
    qtbot: QtBot,
    actions: FakeActions,
    store: RequestStore,
    clock: FixedClock,
    ids: dict[str, str],
    tmp_path: Path,
) -> None:
    screen = make_screen(host, qtbot, actions, store, clock, tmp_path)
    tap(screen.requests.filter_button(RequestStatus.FAILED))
    assert [r.request_id for r in screen.requests.rows()] == [ids["failed"]]
    tap(screen.requests.filter_button(RequestStatus.CONTACTED))
    assert [r.request_id for r in screen.requests.rows()] == [ids["contacted"]]
    tap(screen.requests.filter_button(None))
    assert screen.requests.row_count() == 4


def test_mark_contacted_changes_the_store(
    host: QWidget,
    qtbot: QtBot,
    actions: FakeActions,
    store: RequestStore,
    clock: FixedClock,
    ids: dict[str, str],
    tmp_path: Path,
) -> None:
    screen = make_screen(host, qtbot, actions, store, clock, tmp_path)
    tap(row_for(screen, ids["failed"]).contacted_button)
    assert store.get(ids["failed"]).status is RequestStatus.CONTACTED
    assert screen.requests.counts()[RequestStatus.CONTACTED] == 2
    assert not row_for(screen, ids["failed"]).contacted_button.isVisibleTo(screen)
    assert row_for(screen, ids["failed"]).texts()[0].endswith("\u00b7 Contacted")
    assert screen.status_text() == "Marked as contacted."
    assert screen.requests.filter_button(RequestStatus.CONTACTED).text() == "Contacted (2)"


def test_actions_keep_the_list_and_its_length(
    host: QWidget, qtbot: QtBot, actions: FakeActions, store: RequestStore, clock: FixedClock, tmp_path: Path
) -> None:
    made = [submit(store, clock, f"Patient {i}", f"k{i}") for i in range(7)]
    screen = make_screen(host, qtbot, actions, store, clock, tmp_path, page_size=3)
    tap(button(screen, "Show more (3)"))
    order = [r.request_id for r in screen.requests.rows()]
    assert len(order) == 6
    tap(row_for(screen, made[1]).contacted_button)  # the sixth row, from the second page
    assert [r.request_id for r in screen.requests.rows()] == order
    assert store.get(made[1]).status is RequestStatus.CONTACTED


def test_mark_contacted_on_a_purged_request(
    host: QWidget,
    qtbot: QtBot,
    actions: FakeActions,
    store: RequestStore,
    clock: FixedClock,
    ids: dict[str, str],
    tmp_path: Path,
) -> None:
    screen = make_screen(host, qtbot, actions, store, clock, tmp_path)
    row = row_for(screen, ids["delivered"])
    store.delete_closed_before(clock.now())  # retention ran while staff looked at the list
    tap(row.contacted_button)
    assert screen.status_text() == "That request no longer exists (it may have expired)."
    assert ids["delivered"] not in [r.request_id for r in screen.requests.rows()]


def test_retry_calls_the_actions(
    host: QWidget,
    qtbot: QtBot,
    actions: FakeActions,
    store: RequestStore,
    clock: FixedClock,
    ids: dict[str, str],
    tmp_path: Path,
) -> None:
    screen = make_screen(host, qtbot, actions, store, clock, tmp_path)
    tap(row_for(screen, ids["failed"]).retry_button)
    assert actions.calls == [("retry", ids["failed"])]
    retry_all = button(screen, "Retry all failed")
    assert retry_all.isEnabled()
    tap(retry_all)
    assert actions.calls[-1] == ("retry", None)
    assert screen.status_text() == "Every failed request is queued to send again."


def test_retry_all_disabled_without_failures(
    host: QWidget, qtbot: QtBot, actions: FakeActions, store: RequestStore, clock: FixedClock, tmp_path: Path
) -> None:
    submit(store, clock, "Only Pending", "p1")
    screen = make_screen(host, qtbot, actions, store, clock, tmp_path)
    assert not button(screen, "Retry all failed").isEnabled()


def test_reload_shows_problems_and_version(
    host: QWidget, qtbot: QtBot, actions: FakeActions, store: RequestStore, clock: FixedClock, tmp_path: Path
) -> None:
    screen = make_screen(host, qtbot, actions, store, clock, tmp_path)
    tap(screen.section_button("content"))
    assert screen.problems_text() == "No problems in the last content load."
    tap(button(screen, "Reload content"))
    assert actions.calls == [("reload", None)]
    assert screen.status_text() == "Content reloaded."
    assert screen.problems_text().splitlines() == [
        "Problems in the last content load: 2",
        "slides/news.yaml:4: title: missing",
        "slides/tip.yaml: image: warning: not found",
    ]
    assert screen.device_text()["content"] == "deadbeef"


def test_content_page_names_the_folder_and_why_the_last_good_content_plays(
    host: QWidget, qtbot: QtBot, actions: FakeActions, store: RequestStore, clock: FixedClock, tmp_path: Path
) -> None:
    actions.state = ContentState(
        home="/srv/clinic-content",
        version="c0ffee12",
        origin=ORIGIN_LAST_GOOD,
        playing_from="/data/content-history/000003-c0ffee12",
        since="2026-03-02T17:00:00+00:00",
        checked="2026-03-02T17:05:00+00:00",
        problems=("slides/news.yaml:4: title: missing",),
        error_count=1,
    )
    actions.updates = "Updates from https://cdn.example/kiosk/: last check 2026-03-02 10:05: up to date"
    screen = make_screen(host, qtbot, actions, store, clock, tmp_path)
    tap(screen.section_button("content"))
    lines = screen.content_text().splitlines()
    assert lines[-1] == actions.updates
    assert lines[:2] == ["Content version: c0ffee12", "Content folder: /srv/clinic-content"]
    assert "1 problem(s)" in lines[2] and "last content that worked (c0ffee12)" in lines[2]


def test_pause_and_resume(
    host: QWidget, qtbot: QtBot, actions: FakeActions, store: RequestStore, clock: FixedClock, tmp_path: Path
) -> None:
    screen = make_screen(host, qtbot, actions, store, clock, tmp_path)
    tap(button(screen, "Pause slideshow"))
    assert actions.calls == [("set_paused", True)]
    tap(button(screen, "Resume slideshow"))
    assert actions.calls == [("set_paused", True), ("set_paused", False)]
    assert button(screen, "Pause slideshow")


def test_exit_asks_first_on_the_screen(
    host: QWidget, qtbot: QtBot, actions: FakeActions, store: RequestStore, clock: FixedClock, tmp_path: Path
) -> None:
    screen = make_screen(host, qtbot, actions, store, clock, tmp_path)
    tap(button(screen, "Exit kiosk"))
    assert actions.calls == [] and screen.confirming_exit()
    assert QApplication.activeModalWidget() is None
    tap(button(screen, "Keep running"))
    assert actions.calls == [] and not screen.confirming_exit()
    tap(button(screen, "Exit kiosk"))
    exit_now = button(screen, "Exit now")
    qtbot.mouseDClick(exit_now, Qt.MouseButton.LeftButton)
    tap(exit_now)
    assert actions.calls == [("exit", None)]


def test_device_info(
    host: QWidget, qtbot: QtBot, actions: FakeActions, store: RequestStore, clock: FixedClock, tmp_path: Path
) -> None:
    actions.last_success = datetime(2026, 11, 26, 14, 30, tzinfo=UTC)
    screen = make_screen(host, qtbot, actions, store, clock, tmp_path)
    tap(screen.section_button("device"))
    info = screen.device_text()
    from kiosk import __version__

    assert info["version"] == __version__
    assert info["content"] == "c0ffee12"
    assert info["kiosk_uptime"] == "2h 00m"
    assert " free of " in info["disk"] and str(tmp_path / "data") in info["disk"]
    assert info["memory"].endswith("proportional") and "unknown" not in info["memory"]
    assert info["delivery"] == local_time(actions.last_success)
    actions.last_success = None
    clock.advance(90)
    tap(screen.section_button("requests"))
    tap(screen.section_button("device"))
    assert screen.device_text()["delivery"] == "never"
    assert screen.device_text()["kiosk_uptime"] == "2h 01m"


def test_idle_close_empties_the_list(
    host: QWidget,
    qtbot: QtBot,
    actions: FakeActions,
    store: RequestStore,
    clock: FixedClock,
    ids: dict[str, str],
    tmp_path: Path,
) -> None:
    screen = make_screen(host, qtbot, actions, store, clock, tmp_path, tick_ms=10)
    assert screen.requests.row_count() == 4
    with qtbot.assertNotEmitted(screen.closed, wait=100):
        clock.advance(119)
    # A touch restarts the wait.
    qtbot.mouseClick(screen.section_button("requests"), Qt.MouseButton.LeftButton)
    with qtbot.assertNotEmitted(screen.closed, wait=100):
        clock.advance(60)
    with qtbot.waitSignal(screen.closed, timeout=2000):
        clock.advance(60)
    assert screen.requests.row_count() == 0
    assert not screen.is_open
    assert screen.problems_text() == "" and all(v == "" for v in screen.device_text().values())
    labels = [label.text() for label in screen.findChildren(QLabel) if label.isVisibleTo(screen)]
    assert not any("Fay Failed" in text or "+1303" in text for text in labels)


def test_default_idle_close_is_two_minutes(
    host: QWidget, qtbot: QtBot, actions: FakeActions, store: RequestStore, clock: FixedClock, tmp_path: Path
) -> None:
    screen = make_screen(host, qtbot, actions, store, clock, tmp_path, tick_ms=10)
    with qtbot.assertNotEmitted(screen.closed, wait=100):
        clock.advance(119.5)
    with qtbot.waitSignal(screen.closed, timeout=2000):
        clock.advance(0.5)


def test_close_button_closes_once_and_clears(
    host: QWidget,
    qtbot: QtBot,
    actions: FakeActions,
    store: RequestStore,
    clock: FixedClock,
    ids: dict[str, str],
    tmp_path: Path,
) -> None:
    screen = make_screen(host, qtbot, actions, store, clock, tmp_path)
    closes: list[bool] = []
    screen.closed.connect(lambda: closes.append(True))
    qtbot.mouseDClick(button(screen, "Close"), Qt.MouseButton.LeftButton)
    tap(button(screen, "Close"))
    assert closes == [True]
    assert screen.requests.row_count() == 0
    # Shown again (the next time staff open it): the data is read afresh.
    screen.hide()
    screen.show()
    assert screen.is_open and screen.requests.row_count() == 4


def test_hidden_by_the_shell_clears_too(
    host: QWidget,
    qtbot: QtBot,
    actions: FakeActions,
    store: RequestStore,
    clock: FixedClock,
    ids: dict[str, str],
    tmp_path: Path,
) -> None:
    screen = make_screen(host, qtbot, actions, store, clock, tmp_path)
    screen.hide()
    assert screen.requests.row_count() == 0 and not screen.is_open


def test_show_more_pages(
    host: QWidget, qtbot: QtBot, actions: FakeActions, store: RequestStore, clock: FixedClock, tmp_path: Path
) -> None:
    for i in range(7):
        submit(store, clock, f"Patient {i}", f"m{i}")
    screen = make_screen(host, qtbot, actions, store, clock, tmp_path, page_size=3)
    assert screen.requests.row_count() == 3
    more = button(screen, "Show more (3)")
    tap(more)
    assert screen.requests.row_count() == 6
    tap(button(screen, "Show more (1)"))
    assert screen.requests.row_count() == 7
    assert not screen.requests.more_button.isVisibleTo(screen)


def test_empty_store(
    host: QWidget, qtbot: QtBot, actions: FakeActions, store: RequestStore, clock: FixedClock, tmp_path: Path
) -> None:
    screen = make_screen(host, qtbot, actions, store, clock, tmp_path)
    assert screen.requests.row_count() == 0
    texts = [label.text() for label in screen.requests.findChildren(QLabel) if label.isVisibleTo(screen)]
    assert "No requests." in texts


def test_unreadable_store_is_reported(
    host: QWidget, qtbot: QtBot, actions: FakeActions, store: RequestStore, clock: FixedClock, tmp_path: Path
) -> None:
    store.close()
    screen = make_screen(host, qtbot, actions, store, clock, tmp_path)
    texts = [label.text() for label in screen.requests.findChildren(QLabel) if label.isVisibleTo(screen)]
    assert any(text.startswith("Cannot read the requests: ") for text in texts)


@pytest.mark.parametrize("size", [QSize(1920, 1080), QSize(1080, 1920)])
def test_every_control_is_a_touch_target(
    host: QWidget,
    qtbot: QtBot,
    actions: FakeActions,
    store: RequestStore,
    clock: FixedClock,
    ids: dict[str, str],
    tmp_path: Path,
    size: QSize,
) -> None:
    host.resize(size)
    screen = make_screen(host, qtbot, actions, store, clock, tmp_path)
    qtbot.waitUntil(lambda: screen.size() == size)
    settle()
    target = min_target(size)
    checked = 0
    for confirming in (False, True):
        if confirming:
            tap(button(screen, "Exit kiosk"))
            settle()
        for control in screen.findChildren(QPushButton):
            if not control.isVisibleTo(screen):
                continue
            assert control.height() >= target and control.width() >= target, control.accessibleName()
            # Never squeezed below what its text needs (clipped labels in portrait).
            assert control.width() >= control.sizeHint().width(), control.accessibleName()
            assert control.accessibleName() and control.accessibleDescription(), control.text()
            assert control.focusPolicy() == Qt.FocusPolicy.StrongFocus
            top_left = control.mapTo(screen, control.rect().topLeft())
            assert top_left.x() >= 0 and top_left.x() + control.width() <= size.width(), control.accessibleName()
            checked += 1
    assert checked >= 20
    for row in screen.requests.rows():
        mark, retry = row.contacted_button, row.retry_button
        if mark.isVisibleTo(screen) and retry.isVisibleTo(screen):
            gap = max(
                retry.geometry().left() - mark.geometry().right(), retry.geometry().top() - mark.geometry().bottom()
            )
            assert gap >= min_gap(size)


def test_themed_controls_are_touch_targets(
    host: QWidget,
    qtbot: QtBot,
    qapp: QApplication,
    actions: FakeActions,
    store: RequestStore,
    clock: FixedClock,
    ids: dict[str, str],
    tmp_path: Path,
) -> None:
    from kiosk.core.model import Theme
    from kiosk.ui.theme import apply_theme

    apply_theme(qapp, Theme())
    try:
        screen = make_screen(host, qtbot, actions, store, clock, tmp_path)
        screen.set_look(large_text=True, high_contrast=True)
        settle()
        for control in screen.findChildren(QPushButton):
            if control.isVisibleTo(screen):
                assert control.height() >= 72 and control.width() >= 72, control.accessibleName()
    finally:
        qapp.setStyleSheet("")


def test_bad_idle_time_is_refused(actions: FakeActions, store: RequestStore, clock: FixedClock) -> None:
    with pytest.raises(ValueError, match="idle_close_seconds"):
        AdminScreen(actions, store, clock=clock, idle_close_seconds=0)


def test_follows_the_session_look(
    host: QWidget, qtbot: QtBot, actions: FakeActions, store: RequestStore, clock: FixedClock, tmp_path: Path
) -> None:
    from kiosk.ui.session import Session

    session = Session()
    session.set_large_text(True)
    screen = make_screen(host, qtbot, actions, store, clock, tmp_path, session=session)
    assert "font-size: 50px" in screen.styleSheet()  # 36 px body text, +40 %
    session.set_high_contrast(True)
    assert "#ffff00" in screen.styleSheet()
    session.reset()
    assert "font-size: 36px" in screen.styleSheet() and "#ffff00" not in screen.styleSheet()
