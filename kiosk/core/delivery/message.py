"""The front desk's view of a request: the readable text shared by the email body and the
webhook payload's field names, rendered in the clinic's time zone."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from typing import Any

from kiosk.core.delivery.channels import OutgoingRequest

PREFERRED_TIMES: dict[str, str] = {
    "morning": "Morning",
    "afternoon": "Afternoon",
    "evening": "Evening",
    "any": "Any time",
}
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "es": "Spanish"}


def local_time_text(at: datetime, zone: tzinfo) -> str:
    local = at.astimezone(zone)
    hour = local.strftime("%I").lstrip("0")
    return f"{local:%A, %B} {local.day}, {local:%Y}, {hour}:{local:%M %p} {local.tzname()}"


def topics_text(request: OutgoingRequest) -> str:
    return ", ".join(t.title for t in request.topics) or "(none chosen)"


def subject(request: OutgoingRequest) -> str:
    """No personal data in the subject: it shows in notification pop-ups and mail lists."""
    titles = [t.title for t in request.topics]
    about = titles[0].lower() if titles else "general"
    if len(titles) > 1:
        about += f" +{len(titles) - 1} more"
    return f"Information request: {about} (#{request.short_id})"


def detail_rows(request: OutgoingRequest, zone: tzinfo) -> list[tuple[str, str]]:
    return [
        ("Name", request.name),
        ("Phone", request.phone or "-"),
        ("Email", request.email or "-"),
        ("Topics", topics_text(request)),
        ("Preferred time", PREFERRED_TIMES.get(request.preferred_time, request.preferred_time)),
        ("Language", f"{LANGUAGE_NAMES.get(request.language, request.language)} ({request.language})"),
        ("Requested at", local_time_text(request.created_at, zone)),
        ("Request id", request.id),
    ]


def plain_text(request: OutgoingRequest, zone: tzinfo, clinic_name: str) -> str:
    rows = detail_rows(request, zone)
    width = max(len(label) for label, _ in rows) + 2
    lines = [f"A patient asked {clinic_name} for more information at the waiting-room kiosk.", ""]
    lines += [f"{label + ':':<{width}}{value}" for label, value in rows]
    lines += [
        "",
        "The kiosk may send the same request again after a network problem; the request id",
        "above is the same every time, so a repeated message can be ignored.",
    ]
    return "\n".join(lines) + "\n"


def payload(request: OutgoingRequest, zone: tzinfo) -> dict[str, Any]:
    """The webhook body. ``created_at`` is UTC ISO 8601; ``created_at_local`` is the clinic's clock."""
    return {
        "id": request.id,
        "created_at": request.created_at.astimezone(UTC).isoformat().replace("+00:00", "Z"),
        "created_at_local": request.created_at.astimezone(zone).isoformat(),
        "name": request.name,
        "phone": request.phone,
        "email": request.email,
        "topics": [{"id": t.id, "title": t.title} for t in request.topics],
        "preferred_time": request.preferred_time,
        "language": request.language,
    }
