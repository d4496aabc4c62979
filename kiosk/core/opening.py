"""Opening hours at a given moment, in words: "Open today until 6 PM", "Closed today, back
Monday 8 AM", and when a request made after hours will be answered.

The week comes from clinic.yaml's ``opening_hours``; a day in its ``holidays`` list replaces
that day's hours (closed, or shorter hours). All times are the clinic's wall clock. A clinic
that gives no opening hours gets no sentence at all (None), never a wrong one.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from kiosk.core.model import Clinic
from kiosk.core.schedule import TimeWindow
from kiosk.core.wording import day_and_time, format_time, language_of

#: How far ahead the next opening is looked for (a clinic closed for a fortnight says so).
LOOK_AHEAD_DAYS = 14
EN_DASH = "\u2013"


class OpenState(enum.Enum):
    #: Open now: ``until`` is when this stretch of opening ends.
    OPEN = "open"
    #: Today's first opening is still to come.
    OPENS_LATER = "opens-later"
    #: Between two of today's openings (a lunch break).
    BREAK = "break"
    #: Today's hours are over: ``back`` is the next opening.
    CLOSED_NOW = "closed-now"
    #: Closed all day today (a closed weekday or a holiday).
    CLOSED_TODAY = "closed-today"


@dataclass(frozen=True)
class OpeningNow:
    """The clinic's hours as they stand at one moment (naive times are the clinic's)."""

    state: OpenState
    today: date
    #: OPEN: when it closes (the end of the stretch it is in).
    until: time | None = None
    #: OPEN: today's later openings after a break.
    later: tuple[TimeWindow, ...] = ()
    #: Not open: the next opening (None when none within LOOK_AHEAD_DAYS).
    back: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.state is OpenState.OPEN


def hours_on(clinic: Clinic, day: date) -> tuple[TimeWindow, ...]:
    """The opening windows of ``day``: its holiday entry if it has one, else its weekday's."""
    for holiday in clinic.holidays:
        if holiday.day == day:
            return holiday.windows
    for weekday in clinic.opening_hours:
        if weekday.weekday == day.weekday():
            return weekday.windows
    return ()


def has_hours(clinic: Clinic) -> bool:
    """True when the clinic said when it opens (on some weekday, or on a holiday)."""
    return any(day.windows for day in clinic.opening_hours) or any(h.windows for h in clinic.holidays)


def _stretches(clinic: Clinic, day: date) -> list[tuple[datetime, datetime]]:
    """``day``'s openings as naive start and end date-times, in order. A window that crosses
    midnight ends the next day; windows that touch are one stretch."""
    spans: list[tuple[datetime, datetime]] = []
    for window in sorted(hours_on(clinic, day), key=lambda w: w.start):
        start = datetime.combine(day, window.start)
        end = datetime.combine(day + timedelta(days=1 if window.crosses_midnight else 0), window.end)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    return spans


def opening_now(clinic: Clinic, at: datetime) -> OpeningNow | None:
    """Where ``at`` (aware) falls in the clinic's hours; None when it gives no hours."""
    if at.tzinfo is None:
        raise ValueError("opening_now needs a timezone-aware datetime")
    if not has_hours(clinic):
        return None
    local = at.astimezone(clinic.timezone).replace(tzinfo=None)
    today = local.date()
    # Yesterday's window may run past midnight into today.
    for start, end in _stretches(clinic, today - timedelta(days=1)) + _stretches(clinic, today):
        if start <= local < end:
            later = tuple(
                TimeWindow(s.time(), e.time()) for s, e in _stretches(clinic, today) if s >= end and s.date() == today
            )
            return OpeningNow(OpenState.OPEN, today, until=end.time(), later=later)
    back = next_opening(clinic, local)
    todays = [s for s, _e in _stretches(clinic, today)]
    if not todays:
        state = OpenState.CLOSED_TODAY
    elif all(local < s for s in todays):
        state = OpenState.OPENS_LATER
    elif back is not None and back.date() == today:
        state = OpenState.BREAK
    else:
        state = OpenState.CLOSED_NOW
    return OpeningNow(state, today, back=back)


def next_opening(clinic: Clinic, local: datetime) -> datetime | None:
    """The first opening after the naive local time ``local`` within LOOK_AHEAD_DAYS."""
    for offset in range(LOOK_AHEAD_DAYS + 1):
        for start, _end in _stretches(clinic, local.date() + timedelta(days=offset)):
            if start > local:
                return start
    return None


def closing_today(clinic: Clinic, at: datetime) -> datetime | None:
    """When the clinic closes for the day, if it is open now or opens again later today: the
    end of today's last opening (aware, in the clinic's zone); None otherwise."""
    local = at.astimezone(clinic.timezone).replace(tzinfo=None)
    ends = [e for s, e in _stretches(clinic, local.date()) if e > local]
    ends += [e for s, e in _stretches(clinic, local.date() - timedelta(days=1)) if s <= local < e]
    if not ends:
        return None
    return max(ends).replace(tzinfo=clinic.timezone)


def today_line(now: OpeningNow, language: str) -> str:
    """The contact slide's and thank-you screen's line about today, e.g. "Open today until
    6 PM" or "Cerrado hoy; volvemos el lunes a las 08:00"."""
    lang = language_of(language)
    es = lang == "es"
    if now.state is OpenState.OPEN:
        assert now.until is not None
        until = format_time(now.until, lang)
        if now.later:
            rest = ", ".join(
                (f"de {format_time(w.start, lang)} a {format_time(w.end, lang)}" if es else _span(w, lang))
                for w in now.later
            )
            return f"Abierto ahora hasta las {until}, y {rest}" if es else f"Open now until {until}, and {rest}"
        return f"Abierto hoy hasta las {until}" if es else f"Open today until {until}"
    back = _when(now.back, now.today, lang)
    if now.state is OpenState.OPENS_LATER:
        return f"Abre hoy a {back}" if es else f"Opens today at {back}"
    if back is None:
        return "Cerrado hoy" if es else "Closed today"
    if now.state is OpenState.CLOSED_TODAY:
        return f"Cerrado hoy; volvemos {_on(back)}" if es else f"Closed today, back {back}"
    # BREAK or CLOSED_NOW: today had hours.
    if now.state is OpenState.BREAK:
        return f"Cerrado ahora; volvemos hoy a {back}" if es else f"Closed now, back today at {back}"
    return f"Cerrado ahora; volvemos {_on(back)}" if es else f"Closed now, back {back}"


def call_back_line(now: OpeningNow | None, language: str) -> str | None:
    """What a patient who asks to be contacted while the clinic is closed is told about when;
    None while the clinic is open (or gives no hours)."""
    if now is None or now.is_open:
        return None
    lang = language_of(language)
    back = _when(now.back, now.today, lang)
    if lang == "es":
        if back is None:
            return "La clínica está cerrada ahora: le contactaremos en cuanto vuelva a abrir."
        if now.state in (OpenState.OPENS_LATER, OpenState.BREAK):
            back = f"hoy a {back}"
        when = _on(back)
        # "a partir de" + "el lunes" contracts to "a partir del lunes".
        when = "del " + when[3:] if when.startswith("el ") else "de " + when
        return f"La clínica está cerrada ahora: le contactaremos a partir {when}."
    if back is None:
        return "The clinic is closed now: we will contact you as soon as it opens again."
    if now.state in (OpenState.OPENS_LATER, OpenState.BREAK):
        back = f"today at {back}"
    return f"The clinic is closed now: we will contact you from {back}."


def _span(window: TimeWindow, language: str) -> str:
    return f"{format_time(window.start, language)}{EN_DASH}{format_time(window.end, language)}"


def _when(moment: datetime | None, today: date, language: str) -> str | None:
    return None if moment is None else day_and_time(moment.date(), moment.time(), today, language)


def _on(spanish_when: str) -> str:
    """ "el lunes a las 08:00" stays; "las 08:00" (today) reads "hoy a las 08:00"."""
    return spanish_when if spanish_when.startswith(("el ", "mañana", "hoy")) else f"hoy a {spanish_when}"
