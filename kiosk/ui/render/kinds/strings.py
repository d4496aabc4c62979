"""The few words the renderer itself puts on slides, and dates, in each supported language."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, time
from types import MappingProxyType

from kiosk.core.text import DEFAULT_LANGUAGE

_WORDS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "en": MappingProxyType(
            {
                "news": "News",
                "hold": "Hold {value}",
                "repetitions": "{value} reps",
                "repetition": "{value} rep",
                "sets": "{value} sets",
                "set": "{value} set",
                "closed": "Closed",
                "seconds": "{value} s",
            }
        ),
        "es": MappingProxyType(
            {
                "news": "Noticias",
                "hold": "Mantener {value}",
                "repetitions": "{value} repeticiones",
                "repetition": "{value} repetición",
                "sets": "{value} series",
                "set": "{value} serie",
                "closed": "Cerrado",
                "seconds": "{value} s",
            }
        ),
    }
)

_MONTHS: Mapping[str, tuple[str, ...]] = MappingProxyType(
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

_WEEKDAYS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
        "es": ("lun", "mar", "mié", "jue", "vie", "sáb", "dom"),
    }
)


def _language(language: str) -> str:
    return language if language in _WORDS else DEFAULT_LANGUAGE


def word(key: str, language: str, **values: object) -> str:
    return _WORDS[_language(language)][key].format(**values)


def format_date(day: date, language: str) -> str:
    """ "January 1, 2025" or "1 de enero de 2025"."""
    lang = _language(language)
    month = _MONTHS[lang][day.month - 1]
    if lang == "es":
        return f"{day.day} de {month} de {day.year}"
    return f"{month} {day.day}, {day.year}"


def weekday(index: int, language: str) -> str:
    return _WEEKDAYS[_language(language)][index]


def format_time(moment: time, language: str) -> str:
    """ "8 AM" or "8:30 AM" in English (US clinics), "08:00" in Spanish."""
    if _language(language) == "en":
        hour = moment.hour % 12 or 12
        suffix = "AM" if moment.hour < 12 else "PM"
        minutes = f":{moment.minute:02d}" if moment.minute else ""
        return f"{hour}{minutes}\u00a0{suffix}"
    return f"{moment:%H:%M}"


def format_seconds(seconds: float, language: str) -> str:
    value = f"{seconds:g}" if seconds != int(seconds) else str(int(seconds))
    if _language(language) == "es":
        value = value.replace(".", ",")
    return word("seconds", language, value=value)


def count_word(singular: str, plural: str, count: int, language: str) -> str:
    return word(singular if count == 1 else plural, language, value=count)
