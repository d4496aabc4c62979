"""The insights as staff read them, the same on the admin screen and in the studio: a choice
of period, a few sentences of figures, and simple charts: topics by interest, visits per
hour of the day, requests per topic, how visits ended, and the slides on screen.

The view only shows :class:`~kiosk.core.stats.figures.Figures` it is given; its host reads
them off the GUI thread (the admin screen asks the stats writer, the studio reads stats.db in
a task) and tells it which period staff chose (``periodChosen``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.stats.events import Outcome
from kiosk.core.stats.figures import Figures
from kiosk.ui.insights.charts import Bar, BarChart, HourChart, Part, ShareBar
from kiosk.ui.touch_screen import TouchPart

#: The periods staff choose from, in days (the last is "12 months").
PERIODS: tuple[int, ...] = (7, 30, 365)
DEFAULT_DAYS = 30
#: How visits ended, the one that matters most first (the chart's strongest shade).
OUTCOME_ORDER = (Outcome.REQUEST, Outcome.BACK, Outcome.IDLE, Outcome.OTHER)
#: Languages named in themselves, as on the menu.
LANGUAGE_NAMES = {"en": "English", "es": "Español"}

Titles = Callable[[str], str]


def duration_text(seconds: float) -> str:
    """``45 s``, ``3 min``, ``2 h 05 min`` (the same units in English and Spanish)."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes = round(whole / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02} min"


def percent_text(share: float) -> str:
    return f"{round(share * 100)} %"


class InsightsView(TouchPart):
    """Periods, figures and charts; ``touch`` lets a finger drag the page."""

    #: days: staff chose another period
    periodChosen = Signal(int)

    def __init__(self, *, touch: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("insightsView")
        self._days = DEFAULT_DAYS
        self._figures: Figures | None = None
        self._topic_title: Titles = str
        self._slide_title: Titles = str
        self._message = ""
        self._build_periods()
        self._build_page(touch)
        self.retranslate()

    # -- building ------------------------------------------------------------------------------
    def _build_periods(self) -> None:
        self.period_buttons: dict[int, QPushButton] = {}
        group = QButtonGroup(self)
        group.setExclusive(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for days in PERIODS:
            button = QPushButton()
            button.setCheckable(True)
            button.setChecked(days == self._days)
            button.clicked.connect(lambda _checked=False, d=days: self._choose(d))
            group.addButton(button)
            row.addWidget(button)
            self.period_buttons[days] = button
        row.addStretch(1)
        self._period_row = row

    def _heading(self) -> QLabel:
        label = QLabel()
        label.setObjectName("insightsHeading")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _build_page(self, touch: bool) -> None:
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.topics_heading, self.topics = self._heading(), BarChart()
        self.hours_heading, self.hours = self._heading(), HourChart()
        self.requests_heading, self.requests = self._heading(), BarChart()
        self.outcomes_heading, self.outcomes = self._heading(), ShareBar()
        self.slides_heading, self.slides = self._heading(), BarChart()
        page = QWidget()
        page.setObjectName("insightsPage")
        column = QVBoxLayout(page)
        column.addWidget(self.summary)
        self._charts: list[QWidget] = []
        for heading, chart in (
            (self.topics_heading, self.topics),
            (self.hours_heading, self.hours),
            (self.requests_heading, self.requests),
            (self.outcomes_heading, self.outcomes),
            (self.slides_heading, self.slides),
        ):
            column.addWidget(heading)
            column.addWidget(chart)
            self._charts += [heading, chart]
        column.addStretch(1)
        self._column = column
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(page)
        if touch:
            QScroller.grabGesture(self.scroll_area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self._period_row)
        outer.addWidget(self.status)
        outer.addWidget(self.scroll_area, 1)
        self._set_charts_visible(False)

    # -- what the host calls -------------------------------------------------------------------
    @property
    def days(self) -> int:
        return self._days

    def set_spacing(self, gap: int) -> None:
        self._period_row.setSpacing(gap)
        self._column.setSpacing(gap)

    def show_message(self, text: str) -> None:
        """No figures (still counting, none recorded, or why they cannot be read)."""
        self._figures = None
        self._message = text
        self.status.setText(text)
        self.summary.setText("")
        self._set_charts_visible(False)

    def show_figures(self, figures: Figures, *, topic_title: Titles = str, slide_title: Titles = str) -> None:
        self._figures = figures
        self._topic_title, self._slide_title = topic_title, slide_title
        self._message = ""
        self._fill()

    def clear(self) -> None:
        self.show_message("")

    @property
    def figures(self) -> Figures | None:
        return self._figures

    def _choose(self, days: int) -> None:
        if days != self._days:
            self._days = days
            self.periodChosen.emit(days)

    def _set_charts_visible(self, visible: bool) -> None:
        self.summary.setVisible(visible)
        for widget in self._charts:
            widget.setVisible(visible)

    # -- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        names = {7: self.tr("Last 7 days"), 30: self.tr("Last 30 days"), 365: self.tr("Last 12 months")}
        for days, button in self.period_buttons.items():
            button.setText(names[days])
            button.setAccessibleName(names[days])
        self.topics_heading.setText(self.tr("Topics by interest"))
        self.hours_heading.setText(self.tr("Visits per hour of the day"))
        self.requests_heading.setText(self.tr("Requests per topic"))
        self.outcomes_heading.setText(self.tr("How visits ended"))
        self.slides_heading.setText(self.tr("Slides on screen (proof of play)"))
        for heading, chart in (
            (self.topics_heading, self.topics),
            (self.hours_heading, self.hours),
            (self.requests_heading, self.requests),
            (self.outcomes_heading, self.outcomes),
            (self.slides_heading, self.slides),
        ):
            chart.setAccessibleName(heading.text())
        if self._figures is not None:
            self._fill()

    def _fill(self) -> None:
        figures = self._figures
        assert figures is not None
        damaged = [
            self.tr(
                "A damaged stats database was set aside as {name}: the figures it held are not shown. "
                "IT deletes it once nobody needs it."
            ).format(name=name)
            for name in figures.set_aside
        ]
        self.status.setText("\n".join([*damaged, self._period_text(figures)]))
        self.summary.setText("\n".join(self._summary_lines(figures)))
        self.topics.set_bars(
            [
                Bar(
                    self._topic_title(t.topic_id),
                    t.opens,
                    self.tr("{opens} opened · {slides} · {time}").format(
                        opens=t.opens,
                        slides=_plural(t.slides_viewed, self.tr("1 slide viewed"), self.tr("{n} slides viewed")),
                        time=duration_text(t.seconds),
                    ),
                )
                for t in figures.topics
                if t.opens
            ],
            self.tr("No topic was opened in this period."),
        )
        self.hours.set_counts(
            figures.visits_by_hour,
            "\n".join(
                self.tr("{hour}:00: {visits}").format(
                    hour=f"{hour:02}", visits=_plural(count, self.tr("1 visit"), self.tr("{n} visits"))
                )
                for hour, count in enumerate(figures.visits_by_hour)
                if count
            )
            or self.tr("No visits in this period."),
        )
        asked = sorted((t for t in figures.topics if t.requests), key=lambda t: (-t.requests, t.topic_id))
        self.requests.set_bars(
            [
                Bar(
                    self._topic_title(t.topic_id),
                    t.requests,
                    _plural(t.requests, self.tr("1 request"), self.tr("{n} requests")),
                )
                for t in asked
            ],
            self.tr("No request named a topic in this period."),
        )
        labels = {
            Outcome.REQUEST.value: self.tr("Sent a request"),
            Outcome.BACK.value: self.tr("Went back to the slideshow"),
            Outcome.IDLE.value: self.tr("Left (the screen timed out)"),
            Outcome.OTHER.value: self.tr("Ended by staff or a restart"),
        }
        self.outcomes.set_parts(
            [Part(labels[o.value], figures.outcomes.get(o.value, 0)) for o in OUTCOME_ORDER],
            self.tr("No visits in this period."),
        )
        self.slides.set_bars(
            [
                Bar(
                    self._slide_title(slide_id),
                    seconds,
                    self.tr("{shows} · {time}").format(
                        shows=_plural(shows, self.tr("once"), self.tr("{n} times")), time=duration_text(seconds)
                    ),
                )
                for slide_id, shows, seconds in figures.slides_by_id()
            ],
            self.tr("No slide was shown in this period."),
        )
        self._set_charts_visible(True)

    def _period_text(self, figures: Figures) -> str:
        zone = figures.timezone
        text = self.tr("From {since} to {until} ({zone}), counted by the hour.").format(
            since=_when(figures.since, zone), until=_when(figures.until, zone), zone=zone
        )
        first = figures.first_recorded
        if first is None:
            return text + " " + self.tr("Nothing has been recorded yet.")
        if first > figures.since:
            text += " " + self.tr("Counting began on {date}.").format(date=_when(first, zone))
        return text

    def _summary_lines(self, figures: Figures) -> list[str]:
        lines = []
        if figures.visits:
            lines.append(
                self.tr("{visits}; {share} ended in a request. A visit lasted {average} on average.").format(
                    visits=_plural(figures.visits, self.tr("1 visit"), self.tr("{n} visits")),
                    share=percent_text(figures.request_share or 0.0),
                    average=duration_text(figures.average_visit_seconds or 0.0),
                )
            )
        else:
            lines.append(self.tr("Nobody used the touch screen in this period."))
        lines.append(
            self.tr("Menu opened: {menu}. Requests sent: {requests}.").format(
                menu=figures.menu_opens, requests=figures.requests
            )
        )
        choices = [
            f"{self._choice_name(key)} {count}"
            for key, count in sorted(figures.choices.items(), key=lambda item: (-item[1], item[0]))
        ]
        lines.append(
            self.tr("Visits that chose: {choices}").format(choices=", ".join(choices))
            if choices
            else self.tr("No visit changed the language, text size or contrast.")
        )
        lines.append(
            self.tr("Slides shown: {shows}, {time} on screen in all.").format(
                shows=figures.shows, time=duration_text(figures.seconds_shown)
            )
        )
        return lines

    def _choice_name(self, key: str) -> str:
        kind, _, value = key.partition(":")
        if kind == "language":
            return LANGUAGE_NAMES.get(value, value)
        names = {
            "large_text:on": self.tr("larger text"),
            "large_text:off": self.tr("normal text"),
            "high_contrast:on": self.tr("high contrast"),
            "high_contrast:off": self.tr("normal contrast"),
        }
        return names.get(key, key)


def _plural(count: int, one: str, many: str) -> str:
    """``one`` for 1, else ``many`` with ``{n}``: English and Spanish have just these two forms
    (two strings, as on the menu: English has no catalogue to give Qt's %n its plural)."""
    return one if count == 1 else many.format(n=count)


def _when(moment: datetime, zone_name: str) -> str:
    """``moment`` on the clinic's clock (the zone the figures name), as staff read times."""
    # A fixed offset, or no time-zone data: the time as it came, still right for its own offset.
    with contextlib.suppress(ZoneInfoNotFoundError, ValueError):
        moment = moment.astimezone(ZoneInfo(zone_name))
    return moment.strftime("%Y-%m-%d %H:%M")
