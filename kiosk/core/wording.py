"""Dates, times and day names as patients read them, in each supported language.

Qt-free, so the core's own sentences ("Open today until 6 PM", a notice's end) and the slide
renderer (dates on news slides, the contact slide's hours) write them the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, time
from types import MappingProxyType

from kiosk.core.text import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES

MONTHS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "en": (
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
        "es": (
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ),
    }
)

SHORT_WEEKDAYS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
        "es": ("lun", "mar", "mié", "jue", "vie", "sáb", "dom"),
    }
)

WEEKDAYS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    }
)

#: A no-break space: "6 PM" never breaks between the number and PM.
NBSP = "\u00a0"


def language_of(language: str) -> str:
    """``language`` when the kiosk has words for it, else English."""
    return language if language in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE


def format_time(moment: time, language: str) -> str:
    """ "8 AM" or "8:30 AM" in English (US clinics), "08:00" in Spanish."""
    if language_of(language) == "en":
        hour = moment.hour % 12 or 12
        suffix = "AM" if moment.hour < 12 else "PM"
        minutes = f":{moment.minute:02d}" if moment.minute else ""
        return f"{hour}{minutes}{NBSP}{suffix}"
    return f"{moment:%H:%M}"


def format_date(day: date, language: str) -> str:
    """ "January 1, 2025" or "1 de enero de 2025"."""
    lang = language_of(language)
    month = MONTHS[lang][day.month - 1]
    if lang == "es":
        return f"{day.day} de {month} de {day.year}"
    return f"{month} {day.day}, {day.year}"


def short_weekday(index: int, language: str) -> str:
    """ "Mon" or "lun" (0 is Monday)."""
    return SHORT_WEEKDAYS[language_of(language)][index]


def weekday_name(index: int, language: str) -> str:
    """ "Monday" or "lunes" (0 is Monday)."""
    return WEEKDAYS[language_of(language)][index]


def day_and_time(day: date, moment: time, today: date, language: str) -> str:
    """When something happens, as a patient says it, relative to ``today``:

    - English: "3 PM" (today), "tomorrow 3 PM", "Monday 3 PM" (within the week), "Monday,
      January 5, 3 PM" (later);
    - Spanish: "las 15:00", "mañana a las 15:00", "el lunes a las 15:00", "el lunes 5 de
      enero a las 15:00", which read right after "hasta", "desde" or "volvemos".
    """
    lang = language_of(language)
    clock = format_time(moment, lang)
    days = (day - today).days
    if lang == "es":
        at = f"las {clock}" if moment.hour != 1 else f"la {clock}"
        if days == 0:
            return at
        if days == 1:
            return f"mañana a {at}"
        name = weekday_name(day.weekday(), lang)
        if 1 < days < 7:
            return f"el {name} a {at}"
        return f"el {name} {day.day} de {MONTHS[lang][day.month - 1]} a {at}"
    if days == 0:
        return clock
    if days == 1:
        return f"tomorrow {clock}"
    name = weekday_name(day.weekday(), lang)
    if 1 < days < 7:
        return f"{name} {clock}"
    return f"{name}, {MONTHS[lang][day.month - 1]} {day.day}, {clock}"
