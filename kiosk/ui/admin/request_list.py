"""The staff list of patients' requests: counts, a status filter, one touch-friendly row each.

This is the only view in the kiosk that shows patient data. It reads the store only when told
to (``load``) and drops every row on ``clear`` (the admin screen calls it on close), so nothing
lingers in a hidden widget. Patient-typed text is always shown as plain text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QFrame,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.requests.errors import StorageError
from kiosk.core.requests.model import ContactTime, RequestStatus, StoredRequest
from kiosk.core.requests.outbox import Delivery, DeliveryState
from kiosk.core.requests.store import RequestStore
from kiosk.ui.accessibility import describe
from kiosk.ui.admin.button_row import ButtonRow
from kiosk.ui.admin.widgets import plain_label, staff_button
from kiosk.ui.touch_screen import TouchPart

log = logging.getLogger(__name__)

#: Rows built at once (and per "Show more"): each costs a few milliseconds of widgets and
#: style, and opening the screen should feel instant.
PAGE_SIZE = 25
_FILTERS: tuple[RequestStatus | None, ...] = (
    None,
    RequestStatus.NEW,
    RequestStatus.DELIVERED,
    RequestStatus.FAILED,
    RequestStatus.CONTACTED,
)


def local_time(moment: datetime) -> str:
    """As staff read clocks: the machine's local time zone, to the minute."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class RequestRow(QFrame):
    """One request: when, who, how to reach them, topics, and each channel's delivery."""

    markContacted = Signal(str)
    retryRequested = Signal(str)

    def __init__(
        self,
        stored: StoredRequest,
        deliveries: list[Delivery],
        parent: QWidget | None = None,
        *,
        topic_title: Callable[[str], str] = str,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("adminRow")
        # Staff read "Back exercises", not the id "exercise" the request stores.
        self._topic_title = topic_title
        self.request_id = stored.id
        self.status = stored.status
        self._stored = stored
        self._deliveries = deliveries
        self._heading = plain_label()
        self._heading.setStyleSheet("font-weight: bold;")
        self._contact = plain_label()
        self._topics = plain_label()
        self._delivery = plain_label()
        self.contacted_button = staff_button()
        self.contacted_button.clicked.connect(lambda: self.markContacted.emit(self.request_id))
        self.retry_button = staff_button()
        self.retry_button.clicked.connect(lambda: self.retryRequested.emit(self.request_id))
        self.contacted_button.setVisible(stored.status is not RequestStatus.CONTACTED)
        self.retry_button.setVisible(self.can_retry)

        text = QVBoxLayout()
        for label in (self._heading, self._contact, self._topics, self._delivery):
            text.addWidget(label)
        self._buttons = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._buttons.addWidget(self.contacted_button)
        self._buttons.addWidget(self.retry_button)
        self._buttons.addStretch(1)
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row.addLayout(text, 1)
        self._row.addLayout(self._buttons)
        self.retranslate()

    def set_spacing(self, spacing: int) -> None:
        self._buttons.setSpacing(spacing)
        self._row.setSpacing(spacing)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Narrow (portrait): the buttons go under the text, side by side, so the patient's
        # details keep most of the width.
        buttons = max(self.contacted_button.sizeHint().width(), self.retry_button.sizeHint().width())
        narrow = self.width() < 3 * buttons
        row = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        inner = QBoxLayout.Direction.LeftToRight if narrow else QBoxLayout.Direction.TopToBottom
        if self._row.direction() != row:
            self._row.setDirection(row)
            self._buttons.setDirection(inner)

    @property
    def can_retry(self) -> bool:
        """A failed delivery, or one waiting to retry after an error, can be sent again now."""
        return any(
            d.state is DeliveryState.FAILED or (d.state is DeliveryState.PENDING and d.last_error)
            for d in self._deliveries
        )

    def texts(self) -> list[str]:
        return [label.text() for label in (self._heading, self._contact, self._topics, self._delivery)]

    def _status_text(self, status: RequestStatus) -> str:
        return {
            RequestStatus.NEW: self.tr("Pending"),
            RequestStatus.DELIVERED: self.tr("Delivered"),
            RequestStatus.FAILED: self.tr("Failed"),
            RequestStatus.CONTACTED: self.tr("Contacted"),
        }[status]

    def _contact_time_text(self, when: ContactTime) -> str:
        return {
            ContactTime.MORNING: self.tr("mornings"),
            ContactTime.AFTERNOON: self.tr("afternoons"),
            ContactTime.EVENING: self.tr("evenings"),
            ContactTime.ANY: self.tr("any time"),
        }[when]

    def _delivery_text(self, delivery: Delivery) -> str:
        if delivery.state is DeliveryState.DELIVERED:
            when = local_time(delivery.delivered_at) if delivery.delivered_at else ""
            text = self.tr("{channel}: delivered {time}").format(channel=delivery.channel, time=when).rstrip()
        elif delivery.state is DeliveryState.FAILED:
            text = self.tr("{channel}: failed (attempts: {count})").format(
                channel=delivery.channel, count=delivery.attempts
            )
        elif delivery.attempts:
            text = self.tr("{channel}: waiting to retry (attempts so far: {count})").format(
                channel=delivery.channel, count=delivery.attempts
            )
        else:
            text = self.tr("{channel}: waiting to send").format(channel=delivery.channel)
        if delivery.last_error and delivery.state is not DeliveryState.DELIVERED:
            text += " \u2014 " + self.tr("last error: {error}").format(error=delivery.last_error)
        return text

    def retranslate(self) -> None:
        stored, request = self._stored, self._stored.request
        self._heading.setText(
            f"{local_time(stored.created_at)} \u00b7 {request.name} \u00b7 {self._status_text(stored.status)}"
        )
        reach = [value for value in (request.phone, request.email) if value]
        reach.append(self.tr("best time: {when}").format(when=self._contact_time_text(request.contact_time)))
        reach.append(self.tr("language: {code}").format(code=request.language))
        self._contact.setText(" \u00b7 ".join(reach))
        topics = ", ".join(self._topic_title(t) for t in request.topics) if request.topics else self.tr("none")
        self._topics.setText(self.tr("Topics: {topics}").format(topics=topics))
        if self._deliveries:
            self._delivery.setText("\n".join(self._delivery_text(d) for d in self._deliveries))
        else:
            self._delivery.setText(self.tr("No delivery channel was configured when this request was made."))
        self.contacted_button.setText(self.tr("Mark contacted"))
        describe(
            self.contacted_button, self.tr("Mark contacted"), self.tr("Records that staff have contacted this patient")
        )
        self.retry_button.setText(self.tr("Retry"))
        describe(self.retry_button, self.tr("Retry"), self.tr("Sends this request to the clinic again now"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()


class RequestList(TouchPart):
    """Counts as filter buttons, the rows of the chosen status (newest first), Retry all failed."""

    markContacted = Signal(str)
    retryRequested = Signal(str)
    retryAllRequested = Signal()

    def __init__(
        self,
        store: RequestStore | None,
        *,
        page_size: int = PAGE_SIZE,
        topic_title: Callable[[str], str] = str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._topic_title = topic_title
        self._page_size = page_size
        self._filter: RequestStatus | None = None
        self._requests: list[StoredRequest] = []
        self._shown = 0
        self._counts: dict[RequestStatus, int] = dict.fromkeys(RequestStatus, 0)
        self._rows: list[RequestRow] = []
        self._error = ""
        self._spacing = 12

        self._filter_buttons: dict[RequestStatus | None, QPushButton] = {}
        group = QButtonGroup(self)
        group.setExclusive(True)
        for status in _FILTERS:
            button = staff_button()
            button.setCheckable(True)
            button.setChecked(status is None)
            button.clicked.connect(lambda _=False, s=status: self.set_filter(s))
            group.addButton(button)
            self._filter_buttons[status] = button
        self.retry_all_button = staff_button()
        self.retry_all_button.clicked.connect(self.retryAllRequested.emit)
        self._filters = ButtonRow([*self._filter_buttons.values(), self.retry_all_button], push_last_right=True)

        self._rows_box = QWidget()
        self._rows_layout = QVBoxLayout(self._rows_box)
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._empty = plain_label()
        self._rows_layout.addWidget(self._empty)
        self.more_button = staff_button()
        self.more_button.clicked.connect(self._show_more)
        self._rows_layout.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._rows_layout.addStretch(1)
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setWidget(self._rows_box)
        self._scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._filters)
        layout.addWidget(self._scroll, 1)
        self._layout = layout
        self.retranslate()

    # --- what tests and the admin screen read ------------------------------------------

    def rows(self) -> list[RequestRow]:
        return list(self._rows)

    def row_count(self) -> int:
        return len(self._rows)

    def counts(self) -> dict[RequestStatus, int]:
        return dict(self._counts)

    def filter_button(self, status: RequestStatus | None) -> QPushButton:
        return self._filter_buttons[status]

    def set_spacing(self, spacing: int) -> None:
        self._spacing = spacing
        self._filters.setSpacing(spacing)
        self._rows_layout.setSpacing(spacing)
        self._layout.setSpacing(spacing)
        for row in self._rows:
            row.set_spacing(spacing)

    # --- loading and clearing --------------------------------------------------------

    def set_filter(self, status: RequestStatus | None) -> None:
        self._filter = status
        self._filter_buttons[status].setChecked(True)
        self.load()

    def load(self) -> None:
        """Read counts and requests from the store again and rebuild the rows."""
        self.clear()
        if self._store is None:
            self._error = self.tr("No requests can be shown: the requests database cannot be used (above).")
            self._show_more()
            return
        try:
            self._counts = self._store.counts()
            # Newest first: the front desk works on today's requests.
            self._requests = list(reversed(self._store.list_requests(status=self._filter)))
            self._error = ""
        except StorageError as exc:
            log.error("admin screen: %s", exc)
            self._counts = dict.fromkeys(RequestStatus, 0)
            self._requests = []
            self._error = self.tr("Cannot read the requests: {reason}").format(reason=str(exc))
        self._show_more()

    def _make_row(self, stored: StoredRequest) -> RequestRow:
        assert self._store is not None  # rows come only from a store
        try:
            deliveries = self._store.deliveries(stored.id)
        except StorageError as exc:
            log.error("admin screen: %s", exc)
            deliveries = []
        row = RequestRow(stored, deliveries, topic_title=self._topic_title)
        row.set_spacing(self._spacing)
        row.markContacted.connect(self.markContacted)
        row.retryRequested.connect(self.retryRequested)
        return row

    def _show_more(self) -> None:
        batch = self._requests[self._shown : self._shown + self._page_size]
        insert_at = self._rows_layout.indexOf(self._empty)
        for stored in batch:
            row = self._make_row(stored)
            self._rows_layout.insertWidget(insert_at + len(self._rows), row)
            self._rows.append(row)
        self._shown += len(batch)
        self._update_texts()

    def refresh_row(self, request_id: str) -> None:
        """Show one request's new state in place (after an action on it): the list keeps its
        length and scroll position. A request that is gone (expired) leaves the list."""
        if self._store is None:
            return
        try:
            stored = self._store.get(request_id)
            counts = self._store.counts()
        except StorageError as exc:
            log.error("admin screen: %s", exc)
            self.load()
            return
        self._counts = counts
        for index, old in enumerate(self._rows):
            if old.request_id != request_id:
                continue
            position = self._rows_layout.indexOf(old)
            self._drop(old)
            if stored is None:
                del self._rows[index]
            else:
                row = self._make_row(stored)
                self._rows_layout.insertWidget(position, row)
                self._rows[index] = row
            break
        self._update_texts()

    def _drop(self, row: RequestRow) -> None:
        row.hide()
        self._rows_layout.removeWidget(row)
        row.setParent(None)
        row.deleteLater()

    def clear(self) -> None:
        """Drop every row (patient data) now; the widgets are deleted on the next event loop."""
        for row in self._rows:
            self._drop(row)
        self._rows = []
        self._requests = []
        self._shown = 0
        self._error = ""
        self._counts = dict.fromkeys(RequestStatus, 0)
        self._update_texts()

    # --- text ------------------------------------------------------------------------

    def _filter_text(self, status: RequestStatus | None) -> str:
        if status is None:
            return self.tr("All ({count})").format(count=sum(self._counts.values()))
        label = {
            RequestStatus.NEW: self.tr("Pending ({count})"),
            RequestStatus.DELIVERED: self.tr("Delivered ({count})"),
            RequestStatus.FAILED: self.tr("Failed ({count})"),
            RequestStatus.CONTACTED: self.tr("Contacted ({count})"),
        }[status]
        return label.format(count=self._counts.get(status, 0))

    def _update_texts(self) -> None:
        for status, button in self._filter_buttons.items():
            button.setText(self._filter_text(status))
            describe(button, button.text(), self.tr("Shows only the requests in this state"))
        failed = self._counts.get(RequestStatus.FAILED, 0)
        self.retry_all_button.setEnabled(failed > 0)
        if self._error:
            self._empty.setText(self._error)
        elif not self._rows:
            self._empty.setText(self.tr("No requests."))
        self._empty.setVisible(bool(self._error) or not self._rows)
        remaining = len(self._requests) - self._shown
        self.more_button.setVisible(remaining > 0)
        self.more_button.setText(self.tr("Show more ({count})").format(count=min(remaining, self._page_size)))
        describe(self.more_button, self.more_button.text(), self.tr("Shows older requests"))
        self._filters.reflow()

    def retranslate(self) -> None:
        self.retry_all_button.setText(self.tr("Retry all failed"))
        describe(
            self.retry_all_button,
            self.tr("Retry all failed"),
            self.tr("Sends every failed request to the clinic again"),
        )
        self._update_texts()
