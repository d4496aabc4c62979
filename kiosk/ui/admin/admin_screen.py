"""The staff admin screen: requests, content problems, device facts and the kiosk's controls.

Opened only through the hidden gesture and the PIN pad, whatever state the requests database is
in: without a database (the data folder unusable, the file damaged) the requests page says why
and what IT should do, and so does it for a database that opened but fails its check, and for
delivery that is off. It closes itself after
``idle_close_seconds`` without a touch (time from the injected clock, checked on a timer), and
whenever it closes or is hidden it drops every row of patient data, so a patient walking up
to an unattended kiosk finds the slideshow and nothing else. Exiting the kiosk asks first, on
this screen (never a dialog a patient could find stacked behind the window).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.core import device_info
from kiosk.core.clock import Clock
from kiosk.core.content_state import ORIGIN_LAST_GOOD, ORIGIN_SHIPPED, ContentState
from kiosk.core.paths import data_dir as default_data_dir
from kiosk.core.requests.errors import RequestNotFound, StorageError
from kiosk.core.requests.store import RequestStore, StoreHealth
from kiosk.ui.accessibility import describe
from kiosk.ui.admin.actions import AdminActions
from kiosk.ui.admin.button_row import ButtonRow
from kiosk.ui.admin.insights_page import InsightsPage, InsightsSource
from kiosk.ui.admin.notices_page import NoticesPage
from kiosk.ui.admin.request_list import PAGE_SIZE, RequestList, local_time
from kiosk.ui.admin.style import staff_style
from kiosk.ui.admin.widgets import plain_label, prepare_screen, staff_button
from kiosk.ui.notices.board import NoticeBoard
from kiosk.ui.scale import min_gap, px
from kiosk.ui.session import Session
from kiosk.ui.touch_screen import TouchScreen

__all__ = ["AdminActions", "AdminScreen"]

log = logging.getLogger(__name__)

IDLE_CLOSE_SECONDS = 120.0
_INPUT_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseMove,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
}
_SECTIONS = ("requests", "notices", "insights", "content", "device")


class _InputWatcher(QObject):
    """Any touch, click or key anywhere in the app while the admin screen is up counts as
    activity (the admin screen is the only thing on screen then)."""

    def __init__(self, on_input: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_input = on_input

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._on_input()
        return False


class AdminScreen(TouchScreen):
    closed = Signal()

    def __init__(
        self,
        actions: AdminActions,
        store: RequestStore | None,
        *,
        clock: Clock,
        idle_close_seconds: float = IDLE_CLOSE_SECONDS,
        data_dir: Path | None = None,
        started_at: datetime | None = None,
        tick_ms: int = 1000,
        page_size: int = PAGE_SIZE,
        session: Session | None = None,
        topic_title: Callable[[str], str] = str,
        store_problem: str = "",
        delivery_problem: str = "",
        insights: InsightsSource | None = None,
        slide_title: Callable[[str], str] = str,
        notices: NoticeBoard | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("adminScreen", session=session, parent=parent)
        if idle_close_seconds <= 0:
            raise ValueError("idle_close_seconds must be positive")
        prepare_screen(self)
        self._actions = actions
        self._store = store
        # Why there is no store (``store`` is None), for IT; and why delivery is off.
        self._store_problem = store_problem
        self._delivery_problem = delivery_problem
        self._clock = clock
        self._idle_close_seconds = float(idle_close_seconds)
        self._data_dir = data_dir if data_dir is not None else default_data_dir()
        self._started_at = started_at if started_at is not None else clock.now()
        # Staff get the text size and contrast the screen is in, if the shell passes its session.
        self._session = session
        self._large_text = session.large_text if session is not None else False
        self._high_contrast = session.high_contrast if session is not None else False
        self._last_input = clock.now()
        self._open = False
        self._watcher = _InputWatcher(self._touched, self)
        self._idle_timer = QTimer(self)
        self._idle_timer.setInterval(tick_ms)
        self._idle_timer.timeout.connect(self._check_idle)

        self._build_header()
        self._build_section_switcher()
        self._build_requests_page(store, page_size, topic_title)
        # The engagement figures (counts only), read off the GUI thread by the stats writer.
        self.insights = InsightsPage(insights, clock=clock, topic_title=topic_title, slide_title=slide_title)
        content_page = self._build_content_page()
        device_page = self._build_device_page()
        self._pages = QStackedWidget()
        self._pages.addWidget(self._requests_page)
        self._pages.addWidget(self._build_notices_page(notices))
        self._pages.addWidget(self.insights)
        self._pages.addWidget(content_page)
        self._pages.addWidget(device_page)
        self._build_actions()
        self._build_exit_confirmation()
        self._lay_out()

        self._section = "requests"
        self._section_buttons["requests"].setChecked(True)
        self.retranslate()
        self._apply_style()

    # --- building ----------------------------------------------------------------------

    def _build_header(self) -> None:
        """Title and Close, with the status line under them."""
        self._title = plain_label(name="adminTitle")
        self.close_button = staff_button()
        self.close_button.clicked.connect(self.close_screen)
        self._header = QHBoxLayout()
        self._header.addWidget(self._title, 1)
        self._header.addWidget(self.close_button)
        self._status = plain_label()
        self._status.hide()

    def _build_section_switcher(self) -> None:
        self._section_buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        for name in _SECTIONS:
            button = staff_button()
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, n=name: self.show_section(n))
            group.addButton(button)
            self._section_buttons[name] = button
        self._sections = ButtonRow(list(self._section_buttons.values()))

    def _build_requests_page(
        self, store: RequestStore | None, page_size: int, topic_title: Callable[[str], str]
    ) -> None:
        """What is wrong with storing or sending requests (if anything), then the list."""
        self.requests = RequestList(store, page_size=page_size, topic_title=topic_title)
        self.requests.markContacted.connect(self._mark_contacted)
        self.requests.retryRequested.connect(self._retry)
        self.requests.retryAllRequested.connect(lambda: self._retry(None))
        self._warnings = plain_label(name="adminWarning")
        self._warnings.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # Scrolls when long (a path and SQLite's reason), so the list always keeps its room.
        self._warnings_box = QScrollArea()
        self._warnings_box.setWidgetResizable(True)
        self._warnings_box.setFrameShape(QFrame.Shape.NoFrame)
        self._warnings_box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._warnings_box.setWidget(self._warnings)
        self._warnings_box.hide()
        self._requests_page = QWidget()
        page = QVBoxLayout(self._requests_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(self._warnings_box)
        page.addWidget(self.requests, 1)
        self._requests_layout = page

    def _build_notices_page(self, board: NoticeBoard | None) -> QWidget:
        """Posting and ending notices (kiosk/ui/admin/notices_page.py); without a board (a
        kiosk built without one) the section is left out."""
        self.notices: NoticesPage | None = None
        if board is None:
            self._section_buttons["notices"].hide()
            return QWidget()
        self.notices = NoticesPage(board, self._staff_language)
        self.notices.status.connect(self._set_status)
        return self.notices

    def _staff_language(self) -> str:
        return self._session.language if self._session is not None else "en"

    def _build_content_page(self) -> QWidget:
        """What plays and the problems of the last content load."""
        content_page = QWidget()
        content_layout = QVBoxLayout(content_page)
        content_layout.setContentsMargins(0, 0, 0, 0)
        self._content_version = plain_label()
        self._problems = plain_label()
        self._problems.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self._problems.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        problems_scroll = QScrollArea()
        problems_scroll.setWidgetResizable(True)
        problems_scroll.setFrameShape(QFrame.Shape.NoFrame)
        problems_scroll.setWidget(self._problems)
        content_layout.addWidget(self._content_version)
        content_layout.addWidget(problems_scroll, 1)
        self._content_layout = content_layout
        return content_page

    def _build_device_page(self) -> QWidget:
        """Device facts: a two-column grid of name and value."""
        device_page = QWidget()
        self._device_grid = QGridLayout(device_page)
        self._device_names: dict[str, QLabel] = {}
        self._device_values: dict[str, QLabel] = {}
        for row, key in enumerate(
            ("version", "content", "kiosk_uptime", "system_uptime", "disk", "memory", "delivery", "host", "software")
        ):
            name_label, value_label = plain_label(), plain_label()
            self._device_grid.addWidget(name_label, row, 0, Qt.AlignmentFlag.AlignTop)
            self._device_grid.addWidget(value_label, row, 1, Qt.AlignmentFlag.AlignTop)
            self._device_names[key], self._device_values[key] = name_label, value_label
        self._device_grid.setColumnStretch(1, 1)
        self._device_grid.setRowStretch(len(self._device_names), 1)
        return device_page

    def _build_actions(self) -> None:
        """Reload, pause and exit."""
        self.reload_button = staff_button()
        self.reload_button.clicked.connect(self._reload)
        self.pause_button = staff_button()
        self.pause_button.clicked.connect(self._toggle_pause)
        self.exit_button = staff_button()
        self.exit_button.clicked.connect(self._ask_exit)
        self._actions_bar = ButtonRow([self.reload_button, self.pause_button, self.exit_button], push_last_right=True)

    def _build_exit_confirmation(self) -> None:
        """The in-screen question that takes the actions' place before the kiosk exits."""
        self._confirm = QFrame()
        self._confirm.setObjectName("adminPanel")
        self._confirm_text = plain_label(name="adminWarning")
        self.confirm_exit_button = staff_button()
        self.confirm_exit_button.clicked.connect(self._exit)
        self.keep_running_button = staff_button()
        self.keep_running_button.clicked.connect(self._cancel_exit)
        confirm = QVBoxLayout(self._confirm)
        confirm.addWidget(self._confirm_text)
        confirm_buttons = QHBoxLayout()
        confirm_buttons.addStretch(1)
        confirm_buttons.addWidget(self.keep_running_button)
        confirm_buttons.addWidget(self.confirm_exit_button)
        confirm.addLayout(confirm_buttons)
        self._confirm.hide()
        self._confirm_layouts = (confirm, confirm_buttons)

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._header)
        layout.addWidget(self._status)
        layout.addWidget(self._sections)
        layout.addWidget(self._pages, 1)
        layout.addWidget(self._actions_bar)
        layout.addWidget(self._confirm)
        confirm, confirm_buttons = self._confirm_layouts
        self._layouts = (
            layout,
            self._header,
            confirm,
            confirm_buttons,
            self._content_layout,
            self._device_grid,
            self._requests_layout,
        )

    # --- what tests and the shell read -----------------------------------------------

    @property
    def is_open(self) -> bool:
        return self._open

    @property
    def section(self) -> str:
        return self._section

    def status_text(self) -> str:
        return self._status.text()

    def content_text(self) -> str:
        return self._content_version.text()

    def warnings_text(self) -> str:
        """What is wrong with storing or sending requests ("" when nothing is)."""
        return self._warnings.text()

    def problems_text(self) -> str:
        return self._problems.text()

    def device_text(self) -> dict[str, str]:
        return {key: label.text() for key, label in self._device_values.items()}

    def confirming_exit(self) -> bool:
        return not self._confirm.isHidden()

    def section_button(self, name: str) -> QPushButton:
        return self._section_buttons[name]

    # --- opening, idling and closing -------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._open:
            return
        self._open = True
        self._set_status("")
        self._cancel_exit()
        self.show_section("requests")
        if self.notices is not None:
            self.notices.opened()
        self._refresh_all()
        self._touched()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._watcher)
        self._idle_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        # Hidden by the shell for any reason (idle reset, another screen): forget everything.
        self._shut(emit=False)

    def close_screen(self) -> None:
        """Close: drop every view of patient data, then emit ``closed`` (the shell goes home)."""
        self._shut(emit=True)

    def _shut(self, *, emit: bool) -> None:
        was_open = self._open
        self._open = False
        self._idle_timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self._watcher)
        self.requests.clear()
        self.insights.clear()
        if self.notices is not None:
            self.notices.closed()
        self._set_warnings([])
        self._problems.setText("")
        self._set_status("")
        for label in self._device_values.values():
            label.setText("")
        self._cancel_exit()
        if emit and was_open:
            self.closed.emit()

    def _set_status(self, text: str) -> None:
        self._status.setText(text)
        self._status.setVisible(bool(text))  # no empty band under the title

    def _touched(self) -> None:
        self._last_input = self._clock.now()

    def _check_idle(self) -> None:
        idle = (self._clock.now() - self._last_input).total_seconds()
        if idle >= self._idle_close_seconds:
            log.info("admin screen closed after %.0f s without a touch", idle)
            self.close_screen()

    # --- sections ----------------------------------------------------------------------

    def show_section(self, name: str) -> None:
        if name not in _SECTIONS:
            raise ValueError(f"unknown admin section {name!r}")
        self._section = name
        self._section_buttons[name].setChecked(True)
        self._pages.setCurrentIndex(_SECTIONS.index(name))
        if self._open and name == "device":
            self._refresh_device()
        if self._open and name == "insights":
            self.insights.load()

    def _refresh_all(self) -> None:
        self._refresh_warnings()
        try:
            self.requests.load()
        except Exception:  # whatever the database does, staff get the screen (and its Exit)
            log.exception("admin screen: cannot list the requests")
            self.requests.clear()
        self._refresh_content()
        self._refresh_device()
        self._refresh_pause()

    def _refresh_warnings(self) -> None:
        """The database's health (a quick check of the whole file) and delivery, each time the
        screen opens: a database restored meanwhile is fine again."""
        warnings: list[str] = []
        if self._store is None:
            warnings.append(
                self.tr("Requests cannot be stored or shown on this kiosk: {reason}").format(
                    reason=self._store_problem or self.tr("the requests database is not open")
                )
            )
        else:
            try:
                health = self._store.health()
            except Exception as exc:  # whatever the file's state, the screen must open
                log.exception("admin screen: cannot check the requests database")
                health = StoreHealth(False, False, str(exc))
            if not health.ok:
                warnings.append(self.tr("The requests database cannot be read: {reason}").format(reason=health.detail))
        if warnings:
            warnings.append(
                self.tr(
                    "What to do: IT runs kiosk doctor on this kiosk (docs/deploy.md). Until then patients "
                    "are asked to go to the front desk; no request is lost unseen."
                )
            )
        if self._delivery_problem:
            warnings.append(
                self.tr("Requests are not being sent to the clinic: {reason}").format(reason=self._delivery_problem)
            )
        self._set_warnings(warnings)

    def _set_warnings(self, warnings: list[str]) -> None:
        self._warnings.setText("\n".join(warnings))
        self._warnings_box.setVisible(bool(warnings))
        self._fit_warnings()

    def _fit_warnings(self) -> None:
        """As tall as the warnings, up to a third of the screen (then they scroll)."""
        if not self._warnings.text():
            return
        margin = self._layouts[0].contentsMargins()
        width = max(1, self.width() - margin.left() - margin.right())
        tallest = max(1, self.screen_size().height() // 3)
        self._warnings_box.setFixedHeight(min(self._warnings.heightForWidth(width), tallest))

    def _refresh_content(self) -> None:
        try:
            version = self._actions.content_version()
            problems = self._actions.content_problems()
        except Exception as exc:  # the shell's content state must not take the staff screen down
            log.exception("admin screen: cannot read the content state")
            self._content_version.setText(self.tr("Content state unavailable: {reason}").format(reason=str(exc)))
            self._problems.setText("")
            return
        state = self._actions.content_state()
        lines = [self.tr("Content version: {version}").format(version=version)]
        if state is not None:
            lines.append(self.tr("Content folder: {folder}").format(folder=state.home))
            if state.fallback:
                lines.append(self._fallback_text(state))
        updates = self._actions.content_updates()
        if updates:
            lines.append(updates)
        self._content_version.setText("\n".join(lines))
        if problems:
            header = self.tr("Problems in the last content load: {count}").format(count=len(problems))
            self._problems.setText(header + "\n" + "\n".join(str(p) for p in problems))
        else:
            self._problems.setText(self.tr("No problems in the last content load."))

    def _fallback_text(self, state: ContentState) -> str:
        """Why the kiosk is not playing the content folder as it is, in the staff's language."""
        if state.origin == ORIGIN_LAST_GOOD:
            return self.tr(
                "The content folder has {count} problem(s), so the kiosk plays the last content that "
                "worked ({version}). Fix the problems below and it changes at once."
            ).format(count=state.error_count, version=state.version)
        if state.origin == ORIGIN_SHIPPED:
            return self.tr(
                "The content folder has {count} problem(s) and there is no earlier content that "
                "worked, so the kiosk plays the content it was shipped with."
            ).format(count=state.error_count)
        return self.tr("No content can be played; the kiosk shows its welcome screen.")

    def _refresh_device(self) -> None:
        info = device_info.collect(self._data_dir, self._started_at, self._clock)
        unknown = self.tr("unknown")
        try:
            content = self._actions.content_version()
            last = self._actions.last_delivery_success()
        except Exception:
            log.exception("admin screen: cannot read the content or delivery state")
            content, last = unknown, None
        values = self._device_values
        values["version"].setText(info.version)
        values["content"].setText(content)
        values["kiosk_uptime"].setText(device_info.format_duration(info.kiosk_uptime_s))
        values["system_uptime"].setText(
            unknown if info.system_uptime_s is None else device_info.format_duration(info.system_uptime_s)
        )
        if info.disk is None:
            values["disk"].setText(unknown)
        else:
            values["disk"].setText(
                self.tr("{free} free of {total} ({path})").format(
                    free=device_info.format_bytes(info.disk.free),
                    total=device_info.format_bytes(info.disk.total),
                    path=str(info.disk.path),
                )
            )
        memory = info.memory
        values["memory"].setText(
            self.tr("{rss} resident, {pss} proportional").format(
                rss=unknown if memory.rss is None else device_info.format_bytes(memory.rss),
                pss=unknown if memory.pss is None else device_info.format_bytes(memory.pss),
            )
        )
        values["delivery"].setText(self.tr("never") if last is None else local_time(last))
        values["host"].setText(f"{info.hostname} ({info.platform})")
        values["software"].setText(f"Python {info.python}, PySide6 {pyside_version}")

    def _refresh_pause(self) -> None:
        paused = self._paused()
        self.pause_button.setText(self.tr("Resume slideshow") if paused else self.tr("Pause slideshow"))
        describe(
            self.pause_button,
            self.pause_button.text(),
            self.tr("Starts the slides moving again")
            if paused
            else self.tr("Holds the slideshow on its current slide until resumed"),
        )
        self._actions_bar.reflow()

    def _paused(self) -> bool:
        try:
            return bool(self._actions.is_paused())
        except Exception:
            log.exception("admin screen: cannot read the pause state")
            return False

    # --- actions -----------------------------------------------------------------------

    def _mark_contacted(self, request_id: str) -> None:
        if self._store is None:
            return  # no rows are shown without a store
        try:
            self._store.mark_contacted(request_id)
            self._set_status(self.tr("Marked as contacted."))
        except RequestNotFound:
            self._set_status(self.tr("That request no longer exists (it may have expired)."))
        except StorageError as exc:
            log.error("admin screen: %s", exc)
            self._set_status(self.tr("Could not save: {reason}").format(reason=str(exc)))
        self.requests.refresh_row(request_id)

    def _retry(self, request_id: str | None) -> None:
        try:
            self._actions.retry_delivery(request_id)
        except Exception as exc:
            log.exception("admin screen: retry failed")
            self._set_status(self.tr("Could not retry: {reason}").format(reason=str(exc)))
        else:
            self._set_status(
                self.tr("Queued to send again.")
                if request_id is not None
                else self.tr("Every failed request is queued to send again.")
            )
        if request_id is None:
            self.requests.load()
        else:
            self.requests.refresh_row(request_id)

    def _reload(self) -> None:
        try:
            self._actions.reload_content()
        except Exception as exc:
            log.exception("admin screen: reload failed")
            self._set_status(self.tr("Could not reload the content: {reason}").format(reason=str(exc)))
        else:
            self._set_status(self.tr("Content reloaded."))
        self._refresh_content()
        self._refresh_device()

    def _toggle_pause(self) -> None:
        paused = not self._paused()
        try:
            self._actions.set_paused(paused)
        except Exception as exc:
            log.exception("admin screen: pause failed")
            self._set_status(self.tr("Could not change the slideshow: {reason}").format(reason=str(exc)))
        else:
            self._set_status(self.tr("Slideshow paused.") if paused else self.tr("Slideshow resumed."))
        self._refresh_pause()

    def _ask_exit(self) -> None:
        self._actions_bar.hide()
        self._confirm.show()

    def _cancel_exit(self) -> None:
        self._confirm.hide()
        self._actions_bar.show()

    def _exit(self) -> None:
        if not self.confirming_exit():
            return  # a second tap after the first exit began
        self._cancel_exit()
        log.info("staff chose Exit kiosk")
        self._actions.exit_kiosk()

    # --- look and language ---------------------------------------------------------------

    def restyle(self) -> None:
        if self._session is not None:
            self.set_look(large_text=self._session.large_text, high_contrast=self._session.high_contrast)

    def set_look(self, *, large_text: bool, high_contrast: bool) -> None:
        """Text size and contrast (the shell passes the session's, if it wants staff to have them)."""
        self._large_text, self._high_contrast = large_text, high_contrast
        self._apply_style()

    def _apply_style(self) -> None:
        size = self.screen_size()
        sheet = staff_style(size, large_text=self._large_text, high_contrast=self._high_contrast)
        if sheet != self.styleSheet():
            self.setStyleSheet(sheet)
        gap = max(min_gap(size), px(size, 16))
        for layout in self._layouts:
            layout.setSpacing(gap)
        for row in (self._sections, self._actions_bar):
            row.setSpacing(gap)
        self.requests.set_spacing(gap)
        self.insights.view.set_spacing(gap)
        if self.notices is not None:
            self.notices.apply_metrics(size)
        margin = px(size, 32)
        self._layouts[0].setContentsMargins(margin, margin, margin, margin)
        self._fit_warnings()

    def apply_metrics(self) -> None:
        self._apply_style()

    def first_focus(self) -> QWidget | None:
        """ "Close": a screen reader starts at the way out, above the list."""
        return self.close_button

    def retranslate(self) -> None:
        self._title.setText(self.tr("Staff admin"))
        self.close_button.setText(self.tr("Close"))
        describe(self.close_button, self.tr("Close"), self.tr("Closes the staff screen and returns to the slideshow"))
        for name, text, description in (
            ("requests", self.tr("Requests"), self.tr("Patients' information requests and their delivery")),
            ("notices", self.tr("Notices"), self.tr("Short notices for today in a banner over the slides")),
            (
                "insights",
                self.tr("Insights"),
                self.tr("How the kiosk is used: topics, visits and requests, counted without patient data"),
            ),
            ("content", self.tr("Content"), self.tr("Problems found in the slides at the last content load")),
            ("device", self.tr("Device"), self.tr("Version, uptime, disk space and memory of this kiosk")),
        ):
            button = self._section_buttons[name]
            button.setText(text)
            describe(button, text, description)
        for key, text in (
            ("version", self.tr("Kiosk version")),
            ("content", self.tr("Content version")),
            ("kiosk_uptime", self.tr("Kiosk running for")),
            ("system_uptime", self.tr("Computer running for")),
            ("disk", self.tr("Disk space")),
            ("memory", self.tr("Memory")),
            ("delivery", self.tr("Last delivery to the clinic")),
            ("host", self.tr("Computer")),
            ("software", self.tr("Software")),
        ):
            self._device_names[key].setText(text)
        self.reload_button.setText(self.tr("Reload content"))
        describe(
            self.reload_button, self.tr("Reload content"), self.tr("Reads the slides from the content folder again now")
        )
        self.exit_button.setText(self.tr("Exit kiosk"))
        describe(self.exit_button, self.tr("Exit kiosk"), self.tr("Quits the kiosk program (asks first)"))
        self._confirm_text.setText(
            self.tr(
                "Exit the kiosk program? Where the computer restarts it automatically (see docs/deploy.md), "
                "it comes back within seconds."
            )
        )
        self.confirm_exit_button.setText(self.tr("Exit now"))
        describe(self.confirm_exit_button, self.tr("Exit now"), self.tr("Quits the kiosk program"))
        self.keep_running_button.setText(self.tr("Keep running"))
        describe(self.keep_running_button, self.tr("Keep running"), self.tr("Goes back without exiting"))
        self._refresh_pause()
        self._sections.reflow()
        self._actions_bar.reflow()
        if self._open:
            self._refresh_content()
            self._refresh_device()
