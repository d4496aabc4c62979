"""The few words the renderer itself puts on slides, in each supported language (dates and
times come from :mod:`kiosk.core.wording`)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from kiosk.core.text import DEFAULT_LANGUAGE
from kiosk.core.wording import format_date, format_time, short_weekday

__all__ = ["count_word", "format_date", "format_seconds", "format_time", "weekday", "word"]

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


def _language(language: str) -> str:
    return language if language in _WORDS else DEFAULT_LANGUAGE


def word(key: str, language: str, **values: object) -> str:
    return _WORDS[_language(language)][key].format(**values)


def weekday(index: int, language: str) -> str:
    return short_weekday(index, language)


def format_seconds(seconds: float, language: str) -> str:
    value = f"{seconds:g}" if seconds != int(seconds) else str(int(seconds))
    if _language(language) == "es":
        value = value.replace(".", ",")
    return word("seconds", language, value=value)


def count_word(singular: str, plural: str, count: int, language: str) -> str:
    return word(singular if count == 1 else plural, language, value=count)
