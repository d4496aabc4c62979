"""Localized text: English is required, other languages fall back to it per string."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

DEFAULT_LANGUAGE = "en"
#: Languages the kiosk ships UI translations for; content may only use these.
SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "es")


@dataclass(frozen=True)
class LocalizedText:
    """One piece of text in several languages; ``en`` is always present."""

    values: Mapping[str, str] = field(hash=False)

    def __post_init__(self) -> None:
        if not self.values.get(DEFAULT_LANGUAGE):
            raise ValueError("LocalizedText needs an English ('en') text")
        # Freeze the mapping so a deck can be shared between threads safely.
        object.__setattr__(self, "values", MappingProxyType(dict(self.values)))

    @classmethod
    def english(cls, text: str) -> LocalizedText:
        return cls({DEFAULT_LANGUAGE: text})

    def get(self, language: str) -> str:
        """The text in ``language``, or English where that translation is missing."""
        return self.values.get(language) or self.values[DEFAULT_LANGUAGE]

    def has(self, language: str) -> bool:
        return bool(self.values.get(language))

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(lang for lang, text in self.values.items() if text)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LocalizedText) and dict(self.values) == dict(other.values)

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.values.items())))
