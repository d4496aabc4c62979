"""What plays now, as the running kiosk last wrote it (``content-state.json`` in the data
folder), so ``kiosk --version``, ``kiosk doctor``, ``kiosk content status`` and the admin
screen can all say the same thing, even from another process."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kiosk.core.atomic_files import write_atomic

#: Where the deck on screen came from.
ORIGIN_HOME = "home"  # the content home as it is now
ORIGIN_LAST_GOOD = "last good"  # the home has errors: its newest good snapshot plays
ORIGIN_SHIPPED = "shipped"  # no good snapshot yet: the pack shipped with the kiosk plays
ORIGIN_NONE = "none"  # nothing loadable at all: only the welcome frame


@dataclass(frozen=True)
class ContentState:
    home: str
    version: str
    origin: str
    #: The folder the deck on screen is read from (a snapshot, or the shipped pack).
    playing_from: str
    #: When this version started playing (ISO 8601, UTC).
    since: str
    #: When the home was last checked (ISO 8601, UTC).
    checked: str
    #: The home's problems at that check (``path:line: field: message``), errors first.
    problems: tuple[str, ...] = field(default_factory=tuple)
    error_count: int = 0

    @property
    def fallback(self) -> bool:
        """True when what plays is not the home as it is now."""
        return self.origin != ORIGIN_HOME

    def summary(self) -> str:
        """One line for people: what plays and why."""
        if self.origin == ORIGIN_HOME:
            return f"playing {self.version} from {self.home}"
        reason = f"{self.error_count} error(s) in {self.home}" if self.error_count else f"{self.home} unavailable"
        if self.origin == ORIGIN_LAST_GOOD:
            return f"playing the last good content {self.version} ({reason})"
        if self.origin == ORIGIN_SHIPPED:
            return f"playing the content shipped with the kiosk {self.version} ({reason})"
        return f"no content can be played ({reason}): showing the welcome screen"

    def to_json(self) -> str:
        data = asdict(self)
        data["problems"] = list(self.problems)
        data["fallback"] = self.fallback
        return json.dumps(data, indent=1) + "\n"


def write_state(path: Path, state: ContentState) -> None:
    write_atomic(path, state.to_json().encode())


def read_state(path: Path) -> ContentState | None:
    """The state a kiosk last wrote, or None (never ran, or the file is damaged)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        problems = data.get("problems", [])
        return ContentState(
            home=str(data["home"]),
            version=str(data["version"]),
            origin=str(data["origin"]),
            playing_from=str(data.get("playing_from", "")),
            since=str(data.get("since", "")),
            checked=str(data.get("checked", "")),
            problems=tuple(str(p) for p in problems) if isinstance(problems, list) else (),
            error_count=int(data.get("error_count", 0)),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
