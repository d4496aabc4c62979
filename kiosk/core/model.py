"""The content model: a clinic, its topics and its slides, as loaded from ``content/``.

Everything here is immutable, so a deck can be handed to a worker thread or kept as
"the last good deck" while a reload is checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import ClassVar
from zoneinfo import ZoneInfo

from kiosk.core.notices.model import Notice
from kiosk.core.schedule import Schedule, TimeWindow
from kiosk.core.text import LocalizedText


@dataclass(frozen=True)
class Source:
    """Where a thing was written, for messages: path relative to the content folder."""

    path: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.path


@dataclass(frozen=True)
class ImageRef:
    """An image whose header was read (size, format) but whose pixels were not decoded."""

    path: Path  # absolute, resolved, inside the content folder
    rel: str  # as written in the content file
    width: int
    height: int
    format: str  # "png", "jpeg", "svg", "webp", "gif"

    @property
    def is_vector(self) -> bool:
        return self.format == "svg"


@dataclass(frozen=True)
class Theme:
    """Colours as ``#rrggbb``. ``primary`` brands headers and buttons; ``accent`` highlights."""

    primary: str = "#0b5d7a"
    accent: str = "#f28c28"
    background: str = "#f7f9fa"
    text: str = "#1b2a33"


@dataclass(frozen=True)
class Topic:
    id: str
    title: LocalizedText
    icon: ImageRef | None = None


@dataclass(frozen=True)
class OpeningHours:
    weekday: int  # 0 = Monday
    windows: tuple[TimeWindow, ...]  # empty = closed


@dataclass(frozen=True)
class Holiday:
    """A day whose hours differ from the week's (``windows`` empty: closed all day)."""

    day: date
    windows: tuple[TimeWindow, ...]


@dataclass(frozen=True)
class Clinic:
    name: str
    phone: str
    timezone: ZoneInfo
    topics: tuple[Topic, ...]
    playlist: tuple[str, ...]  # slide ids in play order
    default_duration: float = 12.0
    address: str | None = None
    website: str | None = None
    languages: tuple[str, ...] = ("en", "es")
    theme: Theme = field(default_factory=Theme)
    logo: ImageRef | None = None
    opening_hours: tuple[OpeningHours, ...] = ()
    #: Days whose hours differ from the week (holidays, early closing), by date.
    holidays: tuple[Holiday, ...] = ()
    #: What a patient is told after asking for more information.
    follow_up: LocalizedText | None = None
    source: Source = field(default_factory=lambda: Source("clinic.yaml"))

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)


@dataclass(frozen=True, kw_only=True)
class Slide:
    kind: ClassVar[str] = ""

    id: str
    topic: str
    title: LocalizedText
    source: Source
    duration: float | None = None  # seconds, already clamped; None = clinic default
    schedule: Schedule = field(default_factory=Schedule)
    #: Kept and checked, but never shown to patients (a draft, or a slide out of season).
    hidden: bool = False

    def images(self) -> Iterator[ImageRef]:
        image = getattr(self, "image", None)
        if image is not None:
            yield image


@dataclass(frozen=True, kw_only=True)
class InfoSlide(Slide):
    kind: ClassVar[str] = "info"
    body: LocalizedText | None = None  # Markdown subset, see kiosk.core.markdown
    image: ImageRef | None = None


@dataclass(frozen=True, kw_only=True)
class BulletsSlide(Slide):
    kind: ClassVar[str] = "bullets"
    items: tuple[LocalizedText, ...]  # inline Markdown (bold/italic)
    image: ImageRef | None = None


@dataclass(frozen=True, kw_only=True)
class ExerciseSlide(Slide):
    kind: ClassVar[str] = "exercise"
    steps: tuple[LocalizedText, ...]
    caution: LocalizedText
    image: ImageRef
    hold: float | None = None  # seconds per repetition
    repetitions: int | None = None
    sets: int | None = None


@dataclass(frozen=True, kw_only=True)
class NewsSlide(Slide):
    kind: ClassVar[str] = "news"
    date: date
    body: LocalizedText
    image: ImageRef | None = None


@dataclass(frozen=True, kw_only=True)
class ContactSlide(Slide):
    kind: ClassVar[str] = "contact"
    qr: str  # "tel:+13033224900" or an https:// address
    body: LocalizedText | None = None
    qr_caption: LocalizedText | None = None
    image: ImageRef | None = None


SLIDE_KINDS: dict[str, type[Slide]] = {
    cls.kind: cls for cls in (InfoSlide, BulletsSlide, ExerciseSlide, NewsSlide, ContactSlide)
}


@dataclass(frozen=True)
class Deck:
    """A complete, valid set of content. ``slides`` are in playlist order (a slide listed twice
    is there twice) and never hidden ones: everything that lists slides for patients starts
    from them, so a hidden slide cannot show anywhere."""

    clinic: Clinic
    slides: tuple[Slide, ...]
    root: Path
    #: Changes whenever any content file changes (hash of names, sizes and bytes).
    version: str = ""
    #: Slides marked ``hidden: true``, by file name: checked like the others, never shown.
    hidden: tuple[Slide, ...] = ()
    #: The notices in notices.yaml, in file order, ended ones included (they no longer show).
    notices: tuple[Notice, ...] = ()
    #: Saved phrases staff pick on the admin screen (notices.yaml ``phrases``).
    phrases: tuple[LocalizedText, ...] = ()

    def slide(self, slide_id: str) -> Slide | None:
        return next((s for s in self.slides if s.id == slide_id), None)

    def is_playing(self, slide: Slide, at: datetime) -> bool:
        return not slide.hidden and slide.schedule.is_active(at, self.clinic.timezone)

    def playing_at(self, at: datetime) -> tuple[Slide, ...]:
        """The slides that play at ``at`` (aware), in playlist order."""
        return tuple(s for s in self.slides if self.is_playing(s, at))

    def for_topic(self, topic_id: str, at: datetime) -> tuple[Slide, ...]:
        """The slides of a topic that play at ``at``, each once (the playlist may repeat one)."""
        # A dict keeps the first place of each id; a repeated id is the very same slide.
        return tuple({s.id: s for s in self.playing_at(at) if s.topic == topic_id}.values())

    @property
    def distinct_slides(self) -> tuple[Slide, ...]:
        """``slides`` with each slide once (the playlist may list one twice), in playlist order."""
        return tuple({s.id: s for s in self.slides}.values())

    def never_again(self, at: datetime) -> tuple[Slide, ...]:
        """The slides in the playlist that will not play at or after ``at`` (aware): their
        ``until`` has passed, or their schedule can never play."""
        tz = self.clinic.timezone
        return tuple(s for s in self.distinct_slides if s.schedule.has_ended(at, tz) or not s.schedule.plays_ever())

    def duration_of(self, slide: Slide) -> float:
        return slide.duration if slide.duration is not None else self.clinic.default_duration

    def next_change(self, after: datetime) -> datetime | None:
        """The next instant the set of playing slides changes, if any within a week."""
        changes = [
            c
            for s in self.slides
            if not s.schedule.is_always
            for c in [s.schedule.next_change(after, self.clinic.timezone)]
            if c is not None
        ]
        # Aware datetimes sharing one ZoneInfo compare by wall clock and ignore `fold`, so
        # in the repeated fall-back hour only a comparison in UTC picks the earliest instant.
        return min(changes, key=lambda c: c.astimezone(UTC), default=None)

    @property
    def topics_in_use(self) -> tuple[str, ...]:
        used = {s.topic for s in self.slides}
        return tuple(t.id for t in self.clinic.topics if t.id in used)
