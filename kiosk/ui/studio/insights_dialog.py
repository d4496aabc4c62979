"""The studio's Insights window: the engagement figures of the kiosk whose content home the
studio opened (its ``stats.db``, opened read-only, never created), drawn by the same view as
the admin screen's Insights page. The file is read in a studio task, off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, tzinfo
from functools import partial
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from kiosk.core.clock import Clock
from kiosk.core.stats.figures import Figures, read_figures
from kiosk.core.stats.schema import StatsError
from kiosk.ui.insights.view import InsightsView
from kiosk.ui.studio.tasks import Tasks


def _read(path: Path, since: datetime, until: datetime, zone: tzinfo) -> Figures | StatsError:
    """The figures, or why they cannot be read (a missing, locked or damaged file is an
    answer to show, not a task's failure)."""
    try:
        return read_figures(path, since, until, zone)
    except StatsError as exc:
        return exc


class InsightsDialog(QDialog):
    def __init__(
        self,
        path: Path,
        *,
        tasks: Tasks,
        clock: Clock,
        zone: tzinfo,
        topic_title: Callable[[str], str] = str,
        slide_title: Callable[[str], str] = str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self._tasks = tasks
        self._clock = clock
        self._zone = zone
        self._topic_title = topic_title
        self._slide_title = slide_title
        self.setWindowTitle(self.tr("Kiosk insights"))
        self.view = InsightsView()
        self.view.periodChosen.connect(lambda _days: self.load())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(900, 760)

    def load(self) -> None:
        """Read the chosen period's figures in a task; they replace the view when they come."""
        now = self._clock.now()
        since = now - timedelta(days=self.view.days)
        self.view.show_message(self.tr("Reading the figures…"))
        # Only plain values go to the worker: never this dialog (README, "Rendering off the GUI thread").
        self._tasks.run(
            partial(_read, self.path, since, now, self._zone),
            self._show,
            key=("insights", id(self)),
            failed=self._failed,
        )

    def _show(self, result: Figures | StatsError) -> None:
        if isinstance(result, StatsError):
            self.view.show_message(self.tr("The figures cannot be read: {reason}").format(reason=str(result)))
        else:
            self.view.show_figures(result, topic_title=self._topic_title, slide_title=self._slide_title)

    def _failed(self, trace: str) -> None:
        lines = trace.strip().splitlines()
        self.view.show_message(
            self.tr("The figures cannot be read: {reason}").format(reason=lines[-1] if lines else "?")
        )
