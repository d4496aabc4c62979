"""The validator's message codes (kiosk.core.requests.model.MESSAGES) in the patient's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.core.requests.model import EMAIL_MAX, MESSAGES, NAME_MAX, TOPICS_MAX


def field_message(code: str) -> str:
    """The translated message for ``code``; the core's English text for a code added later."""
    # Spelled out call by call: pyside6-lupdate only finds literal translate() calls.
    messages = {
        "name_required": QCoreApplication.translate("RequestMessages", "Please enter your name."),
        "name_too_long": QCoreApplication.translate(
            "RequestMessages", "Please shorten your name to %1 characters or fewer."
        ),
        "name_invalid": QCoreApplication.translate(
            "RequestMessages", "Your name can only contain letters, spaces and punctuation."
        ),
        "contact_required": QCoreApplication.translate(
            "RequestMessages", "Please enter a phone number or an email address so we can reach you."
        ),
        "phone_invalid": QCoreApplication.translate(
            "RequestMessages", "Enter a phone number like 303-555-0123 or +52 55 1234 5678"
        ),
        "email_invalid": QCoreApplication.translate("RequestMessages", "Enter an email address like name@example.com"),
        "email_too_long": QCoreApplication.translate(
            "RequestMessages", "That email address is too long (at most %1 characters)."
        ),
        "topics_invalid": QCoreApplication.translate(
            "RequestMessages", "One of the chosen topics is not offered here; please choose again."
        ),
        "topics_too_many": QCoreApplication.translate("RequestMessages", "Please choose at most %1 topics."),
        "contact_time_invalid": QCoreApplication.translate(
            "RequestMessages", "Please choose morning, afternoon, evening or any time."
        ),
        "consent_required": QCoreApplication.translate(
            "RequestMessages", "Please tick the box to agree that the clinic may contact you."
        ),
        "language_unsupported": QCoreApplication.translate("RequestMessages", "Please choose English or Spanish."),
        "source_topic_invalid": QCoreApplication.translate(
            "RequestMessages", "The topic this request came from is not offered here."
        ),
    }
    limits = {"name_too_long": NAME_MAX, "email_too_long": EMAIL_MAX, "topics_too_many": TOPICS_MAX}
    text = messages.get(code) or MESSAGES.get(code, code)
    return text.replace("%1", str(limits[code])) if code in limits else text
