"""Every field of the content files, declared once as data.

The loader validates against these specs and ``kiosk schema`` generates the JSON Schema
from them, so the checks and the editor's completion can never disagree. A spec says
what a field holds (``type``), whether it is required, the text limit that applies
(an attribute of ``kiosk.core.limits.TextLimits``) and a one-line description for editors.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from kiosk.core.limits import LIMITS
from kiosk.core.notices.placeholders import NOTICE_PLACEHOLDERS, PHRASE_PLACEHOLDERS


class FieldType(enum.Enum):
    TEXT = "text"  # localized, inline Markdown (bold/italic)
    MARKDOWN = "markdown"  # localized, block Markdown (paragraphs, lists)
    TEXT_LIST = "text-list"  # list of localized inline texts
    STRING = "string"  # plain, not translated (clinic name, phone)
    ID = "id"  # lowercase-with-dashes
    KIND = "kind"
    TOPIC = "topic"  # a topic id declared in clinic.yaml
    DURATION = "duration"  # slide duration, clamped
    HOLD = "hold"  # a positive duration, not clamped
    COUNT = "count"  # a positive whole number
    IMAGE = "image"
    DATE = "date"
    DATE_TIME = "date-time"  # a date, or a date and time
    DAYS = "days"
    HOURS = "hours"  # list of "HH:MM-HH:MM"
    SCHEDULE = "schedule"
    QR = "qr"  # tel: or https://
    URL = "url"  # https://
    TIMEZONE = "timezone"
    LANGUAGES = "languages"
    THEME = "theme"
    COLOUR = "colour"
    OPENING_HOURS = "opening-hours"
    TOPICS = "topics"
    PLAYLIST = "playlist"
    FLAG = "flag"  # true or false
    NOTICES = "notices"  # list of {text, level, until}
    LEVEL = "level"  # info or important
    HOLIDAYS = "holidays"  # list of {date, hours}
    DAY_HOURS = "day-hours"  # "08:00-12:00, 13:00-18:00" or closed


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: FieldType
    doc: str
    required: bool = False
    #: Attribute of TextLimits for the length of each text (characters, per language).
    limit: str | None = None
    #: Attribute of TextLimits for the number of entries of a list.
    max_items: str | None = None
    #: Placeholder names a text may hold (``{until}``); None: braces are plain text.
    placeholders: tuple[str, ...] | None = None


F = FieldType

SLIDE_KINDS: tuple[str, ...] = ("info", "bullets", "exercise", "news", "contact")

COMMON_SLIDE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("id", F.ID, "Unique id: lowercase letters, digits and dashes, e.g. cat-cow.", required=True),
    FieldSpec("kind", F.KIND, "What sort of slide: info, bullets, exercise, news or contact.", required=True),
    FieldSpec("topic", F.TOPIC, "One of the topic ids declared in clinic.yaml.", required=True),
    FieldSpec("title", F.TEXT, "The headline.", required=True, limit="title"),
    FieldSpec("duration", F.DURATION, "How long the slide stays up: 12, 12s, 1m, 1m30s (4 s to 5 min)."),
    FieldSpec("schedule", F.SCHEDULE, "When the slide plays; default: always."),
    FieldSpec(
        "hidden",
        F.FLAG,
        "true: the slide is kept and checked but never shown to patients (a draft, or out of season); default: false.",
    ),
)

KIND_FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "info": (
        FieldSpec("body", F.MARKDOWN, "Text: paragraphs, **bold**, *italic*, bullet lists.", limit="info_body"),
        FieldSpec("image", F.IMAGE, "A picture, relative to the content folder."),
    ),
    "bullets": (
        FieldSpec(
            "items",
            F.TEXT_LIST,
            f"The points, 1 to {LIMITS.list_items} short texts.",
            required=True,
            limit="list_item",
            max_items="list_items",
        ),
        FieldSpec("image", F.IMAGE, "A picture, relative to the content folder."),
    ),
    "exercise": (
        FieldSpec(
            "steps",
            F.TEXT_LIST,
            f"Numbered steps, 1 to {LIMITS.steps} short texts.",
            required=True,
            limit="step",
            max_items="steps",
        ),
        FieldSpec("caution", F.TEXT, "Safety line, e.g. ask your therapist first.", required=True, limit="caution"),
        FieldSpec("image", F.IMAGE, "Illustration of the exercise.", required=True),
        FieldSpec("hold", F.HOLD, "How long to hold each repetition, e.g. 5s."),
        FieldSpec("repetitions", F.COUNT, "Repetitions per set (a whole number)."),
        FieldSpec("sets", F.COUNT, "Number of sets (a whole number)."),
    ),
    "news": (
        FieldSpec("date", F.DATE, "Date of the news, YYYY-MM-DD.", required=True),
        FieldSpec(
            "body", F.MARKDOWN, "Text: paragraphs, **bold**, *italic*, bullet lists.", required=True, limit="news_body"
        ),
        FieldSpec("image", F.IMAGE, "A picture, relative to the content folder."),
    ),
    "contact": (
        FieldSpec("qr", F.QR, "QR code target: tel:+13033224900 or an https:// address.", required=True),
        FieldSpec("qr_caption", F.TEXT, "Caption under the QR code.", limit="qr_caption"),
        FieldSpec("body", F.MARKDOWN, "Text: paragraphs, **bold**, *italic*, bullet lists.", limit="contact_body"),
        FieldSpec("image", F.IMAGE, "A picture, relative to the content folder."),
    ),
}

SCHEDULE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("from", F.DATE_TIME, "First day (or date and time) it plays: 2025-01-06 or 2025-01-06 08:00."),
    FieldSpec("until", F.DATE_TIME, "Last day it plays (a date includes that whole day), or a date and time."),
    FieldSpec("days", F.DAYS, "[mon, tue, ...], or weekdays, weekends, every day."),
    FieldSpec("hours", F.HOURS, 'Daily windows like "07:00-11:00"; a window may cross midnight.'),
)

TOPIC_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("id", F.ID, "Topic id used by slides: lowercase letters, digits and dashes.", required=True),
    FieldSpec("title", F.TEXT, "Name of the topic on its button.", required=True, limit="topic_title"),
    FieldSpec("icon", F.IMAGE, "Icon image, relative to the content folder."),
)

THEME_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("primary", F.COLOUR, 'Headers and buttons, e.g. "#0b5d7a".'),
    FieldSpec("accent", F.COLOUR, 'Highlights, e.g. "#f28c28".'),
    FieldSpec("background", F.COLOUR, 'Page background, e.g. "#f7f9fa".'),
    FieldSpec("text", F.COLOUR, 'Text colour, e.g. "#1b2a33".'),
)

CLINIC_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name", F.STRING, "Clinic name as shown on screen.", required=True),
    FieldSpec("phone", F.STRING, "Phone number as shown, e.g. +1 303-322-4900.", required=True),
    FieldSpec("address", F.STRING, "Address on one line."),
    FieldSpec("website", F.URL, "Web address, https://..."),
    FieldSpec("timezone", F.TIMEZONE, "IANA time zone for schedules, default America/Denver."),
    FieldSpec("languages", F.LANGUAGES, "Languages of the content, default [en, es]; en is required."),
    FieldSpec("default_duration", F.DURATION, "How long a slide stays up, default 12s."),
    FieldSpec("theme", F.THEME, "Colours as #rrggbb: primary, accent, background, text."),
    FieldSpec("logo", F.IMAGE, "Logo image, relative to the content folder."),
    FieldSpec("opening_hours", F.OPENING_HOURS, 'mon..sun: "08:00-12:00, 13:00-18:00" or closed.'),
    FieldSpec(
        "holidays",
        F.HOLIDAYS,
        f"Days whose hours differ from the week (at most {LIMITS.holidays}): list of {{date, hours}}.",
        max_items="holidays",
    ),
    FieldSpec("follow_up", F.TEXT, "Shown after a patient asks for more information.", limit="follow_up"),
    FieldSpec("topics", F.TOPICS, "The topics: list of {id, title, icon}.", required=True),
    FieldSpec("playlist", F.PLAYLIST, "Slide ids in play order; default: every slide, by file name."),
)


HOLIDAY_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("date", F.DATE, "The day, YYYY-MM-DD.", required=True),
    FieldSpec(
        "hours", F.DAY_HOURS, "That day's hours instead of the week's: \"08:00-12:00\" or closed.", required=True
    ),
)

#: Levels of a notice, the first the default.
NOTICE_LEVELS: tuple[str, ...] = ("info", "important")
NOTICES_FILE = "notices.yaml"

NOTICE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "text",
        F.TEXT,
        "The notice: one or two short lines; {until} is replaced by its end.",
        required=True,
        limit="notice",
        placeholders=tuple(NOTICE_PLACEHOLDERS),
    ),
    FieldSpec("level", F.LEVEL, "info (default) or important."),
    FieldSpec(
        "until",
        F.DATE_TIME,
        "When it stops showing, clinic time: 2025-01-06 18:00 (a date alone: the end of that day).",
        required=True,
    ),
)

NOTICES_FILE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "notices",
        F.NOTICES,
        f"The notices (at most {LIMITS.notices}): list of {{text, level, until}}.",
        max_items="notices",
    ),
    FieldSpec(
        "phrases",
        F.TEXT_LIST,
        "Saved phrases staff pick on the kiosk, e.g. We are running about {minutes} minutes late.",
        limit="phrase",
        max_items="phrases",
        placeholders=tuple(PHRASE_PLACEHOLDERS),
    ),
)


def slide_fields(kind: str) -> tuple[FieldSpec, ...]:
    return COMMON_SLIDE_FIELDS + KIND_FIELDS.get(kind, ())
