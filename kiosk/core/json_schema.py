"""JSON Schema (draft 2020-12) for clinic.yaml, slide files and notices.yaml, generated from
:mod:`kiosk.core.fields`.

Editors (VS Code with the YAML extension) use it to complete field names and flag mistakes
as staff type. The loader stays the authority: the schema cannot express everything (topic
ids, image files), but every field and type it lists comes from the same specs.
"""

from __future__ import annotations

from typing import Any

from kiosk.core.durations import EXAMPLES as DURATION_EXAMPLES
from kiosk.core.fields import (
    CLINIC_FIELDS,
    COMMON_SLIDE_FIELDS,
    HOLIDAY_FIELDS,
    KIND_FIELDS,
    NOTICE_FIELDS,
    NOTICE_LEVELS,
    NOTICES_FILE_FIELDS,
    SCHEDULE_FIELDS,
    SLIDE_KINDS,
    THEME_FIELDS,
    TOPIC_FIELDS,
    FieldSpec,
    FieldType,
)
from kiosk.core.limits import LIMITS
from kiosk.core.schedule import WEEKDAY_NAMES
from kiosk.core.text import SUPPORTED_LANGUAGES

DRAFT = "https://json-schema.org/draft/2020-12/schema"
KINDS = ("clinic", "slide", "notices")

_ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_WINDOW_PATTERN = r"^\s*\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2}\s*$"
_DAY_HOURS_PATTERN = r"^(closed|\s*\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2}\s*(,\s*\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2}\s*)*)$"
_DURATION_PATTERN = r"^\s*(\d+(\.\d+)?\s*(m|min|mins|minutes?)\s*)?(\d+(\.\d+)?\s*(s|sec|secs|seconds?)?\s*)?$"


def _text_schema() -> dict[str, Any]:
    return {
        "anyOf": [
            {"type": "string", "minLength": 1},
            {
                "type": "object",
                "properties": {lang: {"type": "string", "minLength": 1} for lang in SUPPORTED_LANGUAGES},
                "required": ["en"],
                "additionalProperties": False,
            },
        ]
    }


def _object(specs: tuple[FieldSpec, ...], extra: dict[str, Any] | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {spec.name: _field(spec) for spec in specs},
        "additionalProperties": False,
    }
    required = [spec.name for spec in specs if spec.required]
    if required:
        schema["required"] = required
    schema.update(extra or {})
    return schema


def _field(spec: FieldSpec) -> dict[str, Any]:
    schema = _type_schema(spec)
    schema["description"] = spec.doc
    return schema


def _type_schema(spec: FieldSpec) -> dict[str, Any]:
    t = spec.type
    if t in (FieldType.TEXT, FieldType.MARKDOWN):
        return {"$ref": "#/$defs/text"}
    if t is FieldType.TEXT_LIST:
        schema: dict[str, Any] = {"type": "array", "items": {"$ref": "#/$defs/text"}, "minItems": 1}
        if spec.max_items:
            schema["maxItems"] = getattr(LIMITS, spec.max_items)
        return schema
    if t is FieldType.STRING:
        return {"type": "string", "minLength": 1}
    if t is FieldType.ID:
        return {"type": "string", "pattern": _ID_PATTERN}
    if t is FieldType.KIND:
        return {"enum": list(SLIDE_KINDS)}
    if t is FieldType.TOPIC:
        return {"type": "string", "pattern": _ID_PATTERN}
    if t in (FieldType.DURATION, FieldType.HOLD):
        return {
            "anyOf": [{"type": "number", "minimum": 0}, {"type": "string", "pattern": _DURATION_PATTERN}],
            "examples": [e.strip('"') for e in DURATION_EXAMPLES.replace(" or ", ", ").split(", ")],
        }
    if t is FieldType.COUNT:
        return {"type": "integer", "minimum": 1}
    if t is FieldType.IMAGE:
        return {"type": "string", "pattern": r"(?i)\.(png|jpe?g|webp|gif|svg)$"}
    if t is FieldType.DATE:
        return {"type": "string", "format": "date"}
    if t is FieldType.DATE_TIME:
        return {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$"}
    if t is FieldType.DAYS:
        return {
            "anyOf": [
                {"enum": ["weekdays", "weekends", "every day"]},
                {"type": "array", "items": {"enum": list(WEEKDAY_NAMES)}},
            ]
        }
    if t is FieldType.HOURS:
        return {"type": "array", "items": {"type": "string", "pattern": _WINDOW_PATTERN}}
    if t is FieldType.SCHEDULE:
        return {"$ref": "#/$defs/schedule"}
    if t is FieldType.QR:
        return {"type": "string", "pattern": r"^(tel:\+?[0-9][0-9 ().-]{2,}|https://\S+)$"}
    if t is FieldType.URL:
        return {"type": "string", "pattern": r"^https://\S+$"}
    if t is FieldType.TIMEZONE:
        return {"type": "string", "examples": ["America/Denver"]}
    if t is FieldType.LANGUAGES:
        return {
            "type": "array",
            "items": {"enum": list(SUPPORTED_LANGUAGES)},
            "contains": {"const": "en"},
            "uniqueItems": True,
        }
    if t is FieldType.THEME:
        return _object(THEME_FIELDS)
    if t is FieldType.COLOUR:
        return {"type": "string", "pattern": "^#[0-9a-fA-F]{6}$"}
    if t is FieldType.OPENING_HOURS:
        day = {"type": "string", "pattern": _DAY_HOURS_PATTERN}
        return {
            "type": "object",
            "properties": dict.fromkeys(WEEKDAY_NAMES, day),
            "additionalProperties": False,
        }
    if t is FieldType.TOPICS:
        return {"type": "array", "items": _object(TOPIC_FIELDS), "minItems": 1}
    if t is FieldType.FLAG:
        return {"type": "boolean"}
    if t is FieldType.PLAYLIST:
        return {"type": "array", "items": {"type": "string", "pattern": _ID_PATTERN}, "minItems": 1}
    if t is FieldType.DAY_HOURS:
        return {"type": "string", "pattern": _DAY_HOURS_PATTERN}
    if t is FieldType.HOLIDAYS:
        return _list_of(_object(HOLIDAY_FIELDS), spec)
    if t is FieldType.LEVEL:
        return {"enum": list(NOTICE_LEVELS)}
    if t is FieldType.NOTICES:
        return _list_of(_object(NOTICE_FIELDS), spec)
    raise AssertionError(f"no JSON Schema for field type {t}")  # every FieldType is covered above


def _list_of(item: dict[str, Any], spec: FieldSpec) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "array", "items": item}
    if spec.max_items:
        schema["maxItems"] = getattr(LIMITS, spec.max_items)
    return schema


def _defs() -> dict[str, Any]:
    return {"text": _text_schema(), "schedule": _object(SCHEDULE_FIELDS)}


def clinic_schema() -> dict[str, Any]:
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "$id": "https://clinic-kiosk.invalid/schema/clinic.schema.json",
        "title": "Kiosk clinic.yaml",
    }
    schema.update(_object(CLINIC_FIELDS))
    schema["$defs"] = _defs()
    return schema


def slide_schema() -> dict[str, Any]:
    """A slide file: one slide, or ``slides:`` with a list of slides (``kind`` picks the fields)."""
    defs = _defs()
    for kind in SLIDE_KINDS:
        specs = COMMON_SLIDE_FIELDS + KIND_FIELDS[kind]
        slide = _object(specs)
        slide["properties"]["kind"] = {"const": kind, "description": _kind_doc()}
        slide["title"] = f"{kind} slide"
        defs[f"{kind}_slide"] = slide
    defs["slide"] = {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"enum": list(SLIDE_KINDS), "description": _kind_doc()}},
        "oneOf": [{"$ref": f"#/$defs/{kind}_slide"} for kind in SLIDE_KINDS],
    }
    return {
        "$schema": DRAFT,
        "$id": "https://clinic-kiosk.invalid/schema/slide.schema.json",
        "title": "Kiosk slide file",
        "anyOf": [
            {"$ref": "#/$defs/slide"},
            {
                "type": "object",
                "properties": {"slides": {"type": "array", "items": {"$ref": "#/$defs/slide"}, "minItems": 1}},
                "required": ["slides"],
                "additionalProperties": False,
            },
        ],
        "$defs": defs,
    }


def notices_schema() -> dict[str, Any]:
    """notices.yaml: the notices and the saved phrases."""
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "$id": "https://clinic-kiosk.invalid/schema/notices.schema.json",
        "title": "Kiosk notices.yaml",
    }
    schema.update(_object(NOTICES_FILE_FIELDS))
    schema["$defs"] = _defs()
    return schema


def _kind_doc() -> str:
    return next(s.doc for s in COMMON_SLIDE_FIELDS if s.name == "kind")


def schema_for(kind: str) -> dict[str, Any]:
    if kind == "clinic":
        return clinic_schema()
    if kind == "slide":
        return slide_schema()
    if kind == "notices":
        return notices_schema()
    raise ValueError(f"unknown schema kind {kind!r}; use one of {', '.join(KINDS)}")
