"""Placeholders in notices and saved phrases: ``{minutes}``, ``{time}``, ``{name}``, ``{until}``.

A saved phrase ("We are running about {minutes} minutes late") has blanks staff fill in when
they post it. ``{until}`` is the exception: it stays in the notice and the kiosk fills it with
the notice's own end ("until 3 PM"), in each language. Anything else in braces is a mistake
(a typo, or a blank left unfilled): the validator names it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType

#: ``{word}``: a placeholder (no braces or line breaks inside).
PLACEHOLDER = re.compile(r"\{([^{}\n]*)\}")

UNTIL = "until"
#: What staff fill in when they post a phrase, and what each stands for (for messages and docs).
PHRASE_PLACEHOLDERS: Mapping[str, str] = MappingProxyType(
    {
        "minutes": "a number of minutes, e.g. 20",
        "time": "a time of day, e.g. 3:30 PM",
        "name": "a name, e.g. Dr. Lee",
        UNTIL: "the notice's end, filled in by the kiosk",
    }
)
#: A notice's text may only keep ``{until}``: every other blank is filled in before posting.
NOTICE_PLACEHOLDERS: Mapping[str, str] = MappingProxyType({UNTIL: PHRASE_PLACEHOLDERS[UNTIL]})
#: The length each placeholder counts for against a text's limit: its usual filled length
#: ("120", "12:30 PM", a short name, "tomorrow 12:30 PM" is counted by the end itself).
COUNTED_AS: Mapping[str, int] = MappingProxyType({"minutes": 3, "time": 8, "name": 16, UNTIL: 8})


def placeholders_in(text: str) -> list[str]:
    """The placeholder names in ``text``, in order (repeats kept)."""
    return [match.group(1) for match in PLACEHOLDER.finditer(text)]


def unknown_placeholders(text: str, allowed: Iterable[str]) -> list[str]:
    """The placeholders in ``text`` that are not ``allowed``, each once, in order."""
    known = set(allowed)
    return list(dict.fromkeys(name for name in placeholders_in(text) if name not in known))


def blanks(text: str) -> list[str]:
    """The placeholders staff must fill in (every one but ``{until}``), each once, in order."""
    return unknown_placeholders(text, (UNTIL,))


def fill(text: str, values: Mapping[str, str]) -> str:
    """``text`` with each placeholder named in ``values`` replaced; others stay as they are."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def as_counted(text: str) -> str:
    """``text`` with each known placeholder replaced by as many letters as it counts for, so its
    length can be measured against a limit (unknown ones count as written)."""
    return PLACEHOLDER.sub(lambda m: "x" * COUNTED_AS.get(m.group(1), len(m.group(0))), text)


def describe(allowed: Mapping[str, str]) -> str:
    """ "{minutes}, {time}, {name} or {until}" for messages."""
    names = [f"{{{name}}}" for name in allowed]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
