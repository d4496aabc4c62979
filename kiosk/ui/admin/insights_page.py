"""The admin screen's Insights page: the kiosk's engagement figures for the period staff
choose, as :class:`~kiosk.ui.insights.view.InsightsView` shows them.

The figures come from the stats writer's thread (``source`` returns a future); the page
polls the future on a timer that runs only while it waits, so the GUI thread never touches
SQLite and never blocks on the disk (README, "Rendering off the GUI thread").
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from datetime import datetime, timedelta

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.core.clock import Clock
from kiosk.core.stats.figures import Figures
from kiosk.ui.insights.view import InsightsView

log = logging.getLogger(__name__)

#: The figures for hours starting in [since, until), read off the GUI thread.
InsightsSource = Callable[[datetime, datetime], "Future[Figures]"]
POLL_MS = 40
#: After this long without an answer the page says the database is slow (a stuck disk, a
#: long purge), and goes on waiting.
SLOW_S = 10.0


class InsightsPage(QWidget):
    def __init__(
        self,
        source: InsightsSource | None,
        *,
        clock: Clock,
        topic_title: Callable[[str], str] = str,
        slide_title: Callable[[str], str] = str,
        poll_ms: int = POLL_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._clock = clock
        self._topic_title = topic_title
        self._slide_title = slide_title
        self._future: Future[Figures] | None = None
        self._asked_at: datetime | None = None
        self.view = InsightsView(touch=True)
        self.view.periodChosen.connect(lambda _days: self.load())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self._collect)

    @property
    def waiting(self) -> bool:
        return self._future is not None

    def load(self) -> None:
        """Ask for the chosen period's figures; they replace the page when they come."""
        if self._source is None:
            self.view.show_message(
                self.tr(
                    "Insights are off on this kiosk: nothing is being counted (stats.enabled in kiosk.yaml, "
                    "see docs/insights.md)."
                )
            )
            return
        now = self._clock.now()
        try:
            self._future = self._source(now - timedelta(days=self.view.days), now)
        except Exception as exc:  # whatever the source does, the admin screen stays usable
            log.exception("admin screen: cannot ask for the insights")
            self._show_failure(exc)
            return
        self._asked_at = now
        self.view.show_message(self.tr("Counting…"))
        self._collect()
        if self._future is not None:
            self._poll.start()

    def clear(self) -> None:
        """The screen closes: stop waiting and forget what was shown."""
        self._poll.stop()
        if self._future is not None:
            self._future.cancel()
            self._future = None
        self.view.clear()

    def _collect(self) -> None:
        future = self._future
        if future is None:
            return
        if not future.done():
            asked = self._asked_at
            if asked is not None and (self._clock.now() - asked).total_seconds() >= SLOW_S:
                self._asked_at = None  # said once per question
                self.view.show_message(
                    self.tr("Still counting: the stats database is slow to answer (a busy or failing disk?).")
                )
            return
        self._poll.stop()
        self._future = None
        try:
            figures = future.result()
        except Exception as exc:  # noqa: BLE001 - a full, locked or damaged stats.db, or a bug: said on the page
            log.warning("admin screen: the insights cannot be read: %s", exc)
            self._show_failure(exc)
            return
        self.view.show_figures(figures, topic_title=self._topic_title, slide_title=self._slide_title)

    def _show_failure(self, exc: BaseException) -> None:
        self.view.show_message(
            self.tr("The figures cannot be read now: {reason}").format(reason=str(exc) or type(exc).__name__)
        )
