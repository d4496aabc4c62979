"""What a new slide starts with: every required field filled so the slide validates, with
placeholders that the editors flag until staff replace them.

The fields come from :mod:`kiosk.core.fields` (required ones only), the value from the field's
type: a required field added there later gets a placeholder here without another edit.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from kiosk.core.fields import FieldSpec, FieldType
from kiosk.core.studio.round_trip import block_map, block_seq, styled_text
from kiosk.core.studio.schema import specs_for
from kiosk.core.text import DEFAULT_LANGUAGE

#: A neutral drawing for slides that need a picture before staff choose one.
PLACEHOLDER_PICTURE = "images/studio-placeholder.svg"
PLACEHOLDER_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600">\n'
    b'  <rect width="800" height="600" rx="24" fill="#e8eef0"/>\n'
    b'  <circle cx="560" cy="200" r="60" fill="#c3d0d4"/>\n'
    b'  <path d="M120 480 L320 260 L460 400 L540 320 L680 480 Z" fill="#c3d0d4"/>\n'
    b"</svg>\n"
)
PLACEHOLDER_QR = "https://example.com"
_TEXTS = {
    "title": "New slide: write the headline here",
    "body": "Write the text of the slide here.",
    "items": "Write a point here",
    "steps": "Write a step here",
    "caution": "Write a safety note here, e.g. ask your therapist first",
}
_PHONE_CHARACTERS = re.compile(r"[^0-9+]")


def placeholder_text(spec: FieldSpec) -> str:
    return _TEXTS.get(spec.name, f"Write the {spec.name.replace('_', ' ')} here")


def is_placeholder(spec: FieldSpec, value: object) -> bool:
    """True when ``value`` (a text, or a picture path) is still what a new slide started with."""
    if spec.type is FieldType.IMAGE:
        return value == PLACEHOLDER_PICTURE
    if spec.type is FieldType.QR:
        return value == PLACEHOLDER_QR
    return isinstance(value, str) and value == placeholder_text(spec)


def qr_for_phone(phone: str | None) -> str:
    digits = _PHONE_CHARACTERS.sub("", phone or "")
    return f"tel:{digits}" if len(digits.lstrip("+")) >= 3 else PLACEHOLDER_QR


def new_slide(kind: str, *, slide_id: str, topic: str, today: date, phone: str | None, bilingual: bool) -> Any:
    """The ruamel mapping of a new slide of ``kind``, keys in the conventional order."""
    fields = block_map()
    for spec in specs_for(kind):
        if spec.name == "kind":
            fields[spec.name] = kind
            continue
        value = _initial(spec, slide_id=slide_id, topic=topic, today=today, phone=phone, bilingual=bilingual)
        if value is not None:
            fields[spec.name] = value
    return fields


def _text(spec: FieldSpec, bilingual: bool) -> Any:
    text = styled_text(placeholder_text(spec))
    return block_map([(DEFAULT_LANGUAGE, text)]) if bilingual else text


def _initial(spec: FieldSpec, *, slide_id: str, topic: str, today: date, phone: str | None, bilingual: bool) -> Any:
    if spec.type is FieldType.ID:
        return slide_id
    if spec.type is FieldType.TOPIC:
        return topic
    if not spec.required:
        return None
    if spec.type in (FieldType.TEXT, FieldType.MARKDOWN):
        return _text(spec, bilingual)
    if spec.type is FieldType.TEXT_LIST:
        return block_seq([_text(spec, bilingual)])
    if spec.type is FieldType.IMAGE:
        return PLACEHOLDER_PICTURE
    if spec.type is FieldType.DATE:
        return today
    if spec.type is FieldType.QR:
        return qr_for_phone(phone)
    if spec.type is FieldType.COUNT:
        return 1
    if spec.type in (FieldType.DURATION, FieldType.HOLD):
        return "10s"
    return None  # a type with no sensible default: the validator asks for it
