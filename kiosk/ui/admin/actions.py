"""What the admin screen asks of the rest of the kiosk; the shell implements it."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from kiosk.core.content_state import ContentState
from kiosk.core.problems import Problem


class AdminActions(Protocol):
    def reload_content(self) -> None:
        """Read the content folder again now (problems are then in ``content_problems``)."""
        ...

    def set_paused(self, paused: bool) -> None: ...

    def is_paused(self) -> bool: ...

    def exit_kiosk(self) -> None:
        """Quit the program: the only way out of the kiosk."""
        ...

    def content_problems(self) -> tuple[Problem, ...]:
        """The problems found by the last content load or reload."""
        ...

    def content_version(self) -> str: ...

    def content_state(self) -> ContentState | None:
        """What plays and why (the content home, last good content or shipped pack)."""
        ...

    def content_updates(self) -> str | None:
        """Where published content comes from and the last check's result (None: no source)."""
        ...

    def last_delivery_success(self) -> datetime | None: ...

    def retry_delivery(self, request_id: str | None) -> None:
        """Queue failed deliveries again (of one request, or all with None) and send soon."""
        ...
