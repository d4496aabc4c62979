"""What a slide says, part by part and in reading order: the one source for the words a
screen reader finds on a slide (kiosk/ui/assistive) and for "Read aloud" (kiosk/ui/speech.py).

Each part carries the role the renderer gives the text it repeats ("headline", "body",
"step", ...), so a screen reader is told where on the slide the words are drawn
(kiosk/ui/render/text_regions.py), and the tests check that every part is drawn with exactly
these words. Text is plain: Markdown markers are gone, lists are one item per line.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.core.markdown import plain_text
from kiosk.core.model import BulletsSlide, Clinic, ContactSlide, ExerciseSlide, InfoSlide, NewsSlide, Slide
from kiosk.core.text import LocalizedText
from kiosk.ui.render.kinds.contact import opening_hours_lines
from kiosk.ui.render.kinds.exercise import chip_labels
from kiosk.ui.render.kinds.strings import format_date, word
from kiosk.ui.render.slide_text import parse_text

#: The role of the words a welcome frame (no slide scheduled) shows under the clinic's name.
WELCOME_DETAILS = "details"


@dataclass(frozen=True)
class SlidePart:
    #: The renderer's role for this text (kiosk/ui/render/kinds).
    role: str
    text: str
    #: A step's number, drawn in its badge beside the text.
    number: int | None = None

    @property
    def words(self) -> str:
        """What is read out: the text, after its number if it has one."""
        return f"{self.number}. {self.text}" if self.number is not None else self.text

    @property
    def is_heading(self) -> bool:
        return self.role == "headline"


def _plain(text: LocalizedText | None, language: str, *, inline: bool = False) -> str:
    if text is None:
        return ""
    return plain_text(parse_text(text.get(language), inline_only=inline))


def slide_parts(slide: Slide, clinic: Clinic, language: str) -> tuple[SlidePart, ...]:
    """The slide's words in reading order: the title first, then what the slide kind shows
    (a news slide's badge and date, the body, the items, an exercise's dose, steps and
    caution, the clinic's phone, address and hours). Empty texts are left out."""
    parts = [SlidePart("headline", slide.title.get(language))]
    if isinstance(slide, NewsSlide):
        parts.append(SlidePart("badge", word("news", language)))
        parts.append(SlidePart("date", format_date(slide.date, language)))
        parts.append(SlidePart("body", _plain(slide.body, language)))
    elif isinstance(slide, InfoSlide):
        parts.append(SlidePart("body", _plain(slide.body, language)))
    elif isinstance(slide, BulletsSlide):
        parts.extend(SlidePart("item", _plain(item, language, inline=True)) for item in slide.items)
    elif isinstance(slide, ExerciseSlide):
        parts.extend(SlidePart("chip", label) for label in chip_labels(slide, language))
        parts.extend(
            SlidePart("step", _plain(step, language, inline=True), number)
            for number, step in enumerate(slide.steps, start=1)
        )
        parts.append(SlidePart("caution", _plain(slide.caution, language, inline=True)))
    elif isinstance(slide, ContactSlide):
        parts.append(SlidePart("phone", clinic.phone))
        if clinic.address:
            parts.append(SlidePart("address", clinic.address))
        hours = opening_hours_lines(clinic, language)
        if hours:
            parts.append(SlidePart("hours", "\n".join(hours)))
        parts.append(SlidePart("body", _plain(slide.body, language)))
        parts.append(SlidePart("caption", _plain(slide.qr_caption, language, inline=True)))
    return tuple(part for part in parts if part.text)


def welcome_parts(clinic: Clinic) -> tuple[SlidePart, ...]:
    """The welcome frame's words (kiosk/ui/slideshow/welcome.py): the name, phone and address."""
    details = "\n".join(line for line in (clinic.phone, clinic.address) if line)
    return tuple(p for p in (SlidePart("headline", clinic.name), SlidePart(WELCOME_DETAILS, details)) if p.text)


def spoken_text(parts: tuple[SlidePart, ...]) -> str:
    """The parts as sentences for a speech engine, one part a line."""
    return "\n".join(part.words for part in parts)
