"""How the model tells a window what changed, so it can refresh only that.

Callbacks run synchronously on the thread that changed the model (the GUI thread, in the
studio), after the model is consistent again. A window typically turns them into Qt signals.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kiosk.core.studio.keys import DocKey


class ChangeKind(enum.Enum):
    #: A field of one slide, or of the clinic (``key`` is CLINIC), changed: ``field`` names it,
    #: or is None for "any field of that slide".
    FIELD = "field"
    #: The slide list changed: order, slides added, removed, shown or hidden, renamed.
    SLIDES = "slides"
    #: The list of deleted slides that can be brought back changed.
    DELETED = "deleted"
    #: A check finished: problems and counts changed.
    PROBLEMS = "problems"
    #: What undo and redo would do changed.
    HISTORY = "history"
    #: The pack was written to the content folder (or a save was refused).
    SAVED = "saved"


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    key: DocKey | None = None
    field: str | None = None


Observer = Callable[[Change], None]


class Observers:
    """The model's subscribers."""

    def __init__(self) -> None:
        self._callbacks: list[Observer] = []

    def subscribe(self, callback: Observer) -> Callable[[], None]:
        """Call ``callback(change)`` on every change; returns the function that unsubscribes."""
        self._callbacks.append(callback)

        def unsubscribe() -> None:
            if callback in self._callbacks:
                self._callbacks.remove(callback)

        return unsubscribe

    def notify(self, changes: Iterable[Change]) -> None:
        seen: set[Change] = set()
        for change in changes:
            if change in seen:
                continue
            seen.add(change)
            for callback in list(self._callbacks):
                callback(change)
