"""Messages a screen reader speaks without the focus moving: "2 problems to fix", the slide a
patient moved to, "We have your request"."""

from __future__ import annotations

import logging

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


def announce(source: QWidget, text: str, *, urgent: bool = False) -> None:
    """Have a screen reader say ``text`` (for ``source``): politely, after what it is saying,
    or at once when ``urgent``. Nothing happens without a screen reader."""
    if not text:
        return
    event = QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive if urgent else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)
    # Never patient data: what is announced is the kiosk's own wording.
    log.debug("announced: %s", text)
