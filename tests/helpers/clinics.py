"""The Atlas clinic as the touch-screen tests build it (no content folder needed)."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from kiosk.core.model import Clinic, Theme, Topic
from kiosk.core.text import LocalizedText

#: content/clinic.yaml's colours.
ATLAS_THEME = Theme(primary="#0d5f67", accent="#b4571f", background="#f4f8f8", text="#17303b")
ATLAS_TOPICS = {
    "dry-needling": LocalizedText({"en": "Dry needling", "es": "Punción seca"}),
    "shockwave": LocalizedText({"en": "Shockwave therapy", "es": "Terapia de ondas de choque"}),
    "exercise": LocalizedText({"en": "Back exercises", "es": "Ejercicios de espalda"}),
    "about": LocalizedText({"en": "About us", "es": "Sobre nosotros"}),
}


def atlas_clinic(
    *,
    topics: Sequence[str] = tuple(ATLAS_TOPICS),
    theme: Theme = ATLAS_THEME,
    follow_up: LocalizedText | None = None,
) -> Clinic:
    """Atlas Physical Therapy with ``topics`` (ids from ATLAS_TOPICS), no slides."""
    return Clinic(
        name="Atlas Physical Therapy",
        phone="+1 303-322-4900",
        timezone=ZoneInfo("America/Denver"),
        topics=tuple(Topic(topic_id, ATLAS_TOPICS[topic_id]) for topic_id in topics),
        playlist=(),
        theme=theme,
        follow_up=follow_up,
    )
