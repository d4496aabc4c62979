"""Decks for the renderer's tests, built from the model's dataclasses (no loader), with
small real images written to a temp folder. Imported by the test_render* modules."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from kiosk.core.limits import LIMITS
from kiosk.core.markdown import parse_markdown, plain_text
from kiosk.core.model import (
    BulletsSlide,
    Clinic,
    ContactSlide,
    Deck,
    ExerciseSlide,
    ImageRef,
    InfoSlide,
    NewsSlide,
    OpeningHours,
    Slide,
    Source,
    Theme,
    Topic,
)
from kiosk.core.schedule import TimeWindow
from kiosk.core.text import LocalizedText

SIZES = ((1920, 1080), (1080, 1920), (3840, 2160))
KINDS = ("info", "bullets", "exercise", "news", "contact")
SOURCE = Source("slides/test.yaml", 1)

# Long Spanish words wrap worst: a line breaks early when the next word is long. Between
# them, Spanish's short words, as in real sentences ("rehabilitación de la rodilla").
SHORT_WORDS = ("de", "la", "con", "para", "los", "y", "su", "del")
LONG_WORDS = (
    "Fisioterapeuta",
    "rehabilitación",
    "recomendaciones",
    "aproximadamente",
    "articulaciones",
    "inflamación",
    "musculares",
    "respiración",
    "tratamiento",
    "estiramientos",
    "postoperatorio",
    "Wenceslao",
    "incomodidad",
    "profesionales",
    "movilización",
)


def text_of(length: int, offset: int = 0) -> str:
    """Exactly ``length`` characters of long Spanish-like words (no trailing space)."""
    longs = itertools.cycle(LONG_WORDS[offset % len(LONG_WORDS) :] + LONG_WORDS[: offset % len(LONG_WORDS)])
    shorts = itertools.cycle(SHORT_WORDS)
    words = (next(longs) if i % 2 == 0 else next(shorts) for i in itertools.count())
    text = ""
    while len(text) < length:
        text += next(words) + " "
    text = text[:length]
    if text.endswith(" "):
        text = text[:-1] + "s"
    assert len(text) == length
    return text


def markdown_of(length: int, *, paragraphs: int = 1, bold: bool = True) -> str:
    """Markdown whose visible text (as the validator counts it) is exactly ``length``:
    ``paragraphs`` paragraphs with a bold phrase in the first."""
    separators = 2 * (paragraphs - 1)
    share = (length - separators) // paragraphs
    parts = [text_of(share, offset=i * 3) for i in range(paragraphs - 1)]
    parts.append(text_of(length - separators - share * (paragraphs - 1), offset=7))
    if bold:
        first = parts[0]
        cut = first.find(" ", len(first) // 3)
        end = first.find(" ", cut + 12)
        if 0 < cut < end:
            parts[0] = first[: cut + 1] + "**" + first[cut + 1 : end] + "**" + first[end:]
    source = "\n\n".join(parts)
    assert len(plain_text(parse_markdown(source))) == length, source
    return source


def visible(source: str, *, inline: bool = False) -> str:
    return plain_text(parse_markdown(source, inline_only=inline))


def write_png(path: Path, width: int, height: int) -> None:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#7fb3c8"))
    painter = QPainter(image)
    painter.fillRect(QRectF(width * 0.1, height * 0.5, width * 0.5, height * 0.4), QColor("#2f6f4f"))
    painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    assert image.save(str(path))


SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300" width="400" height="300">'
    '<rect x="20" y="20" width="360" height="260" rx="30" fill="#e3eef2"/>'
    '<circle cx="200" cy="110" r="50" fill="#0b5d7a"/></svg>'
)


def images(root: Path) -> tuple[ImageRef, ImageRef]:
    """A photo-like PNG and an SVG illustration inside ``root``."""
    png = root / "images" / "photo.png"
    write_png(png, 1600, 1000)
    svg = root / "images" / "figure.svg"
    svg.write_text(SVG, encoding="utf-8")
    return (
        ImageRef(png, "images/photo.png", 1600, 1000, "png"),
        ImageRef(svg, "images/figure.svg", 400, 300, "svg"),
    )


def clinic(
    *, theme: Theme | None = None, name: str = "Atlas Physical Therapy", topic_title: str | None = None
) -> Clinic:
    hours = tuple(OpeningHours(d, (TimeWindow(time(8), time(12)), TimeWindow(time(13), time(18)))) for d in range(5))
    hours += (OpeningHours(5, (TimeWindow(time(9), time(13)),)), OpeningHours(6, ()))
    return Clinic(
        name=name,
        phone="+1 303-322-4900",
        timezone=ZoneInfo("America/Denver"),
        topics=(
            Topic(
                "general", LocalizedText({"en": topic_title or "Back pain", "es": topic_title or "Dolor de espalda"})
            ),
        ),
        playlist=(),
        address="1234 E Colfax Ave, Suite 200, Denver, CO 80206",
        website="https://atlas.example",
        theme=theme or Theme(),
        opening_hours=hours,
    )


def text(en: str, es: str | None = None) -> LocalizedText:
    return LocalizedText({"en": en, **({"es": es} if es else {})})


def everyday_slides(root: Path) -> dict[str, Any]:
    """One ordinary slide of each kind, with pictures, in English and Spanish."""
    png, svg = images(root)
    common: dict[str, Any] = {"topic": "general", "source": SOURCE}
    return {
        "info": InfoSlide(
            id="info",
            title=text("What is dry needling?", "¿Qué es la punción seca?"),
            body=text(
                "A therapist places a **very thin** needle in a *tight* muscle.\n\n- Less pain\n- More movement",
                "Un fisioterapeuta coloca una aguja **muy fina** en un músculo *tenso*.",
            ),
            image=png,
            **common,
        ),
        "bullets": BulletsSlide(
            id="bullets",
            title=text("Benefits", "Beneficios"),
            items=(
                text("**Drug-free** relief", "Alivio **sin medicamentos**"),
                text("Fast results"),
                text("Targeted treatment"),
            ),
            image=png,
            **common,
        ),
        "exercise": ExerciseSlide(
            id="exercise",
            title=text("Cat-cow stretch", "Gato-vaca"),
            steps=(text("Start on hands and knees.", "Apóyese en manos y rodillas."), text("Round your back slowly.")),
            caution=text("Stop if it hurts.", "Deténgase si le duele."),
            image=svg,
            hold=5,
            repetitions=10,
            sets=2,
            **common,
        ),
        "news": NewsSlide(
            id="news",
            title=text("Open on Saturdays", "Abrimos los sábados"),
            date=date(2025, 1, 1),
            body=text("From January we see patients on **Saturday mornings**."),
            image=png,
            **common,
        ),
        "contact": ContactSlide(
            id="contact",
            title=text("Questions? Call us", "¿Preguntas? Llámenos"),
            qr="tel:+13033224900",
            qr_caption=text("Scan to call us", "Escanee para llamar"),
            body=text("Ask at the front desk."),
            **common,
        ),
    }


def limit_slides(root: Path) -> dict[str, Any]:
    """Every text field of every kind at exactly its limit, with the maximum number of
    items and steps, long words, and a picture."""
    png, svg = images(root)
    common: dict[str, Any] = {"topic": "general", "source": SOURCE}
    title = text(text_of(LIMITS.title, 1))
    return {
        "info": InfoSlide(
            id="info-limit", title=title, body=text(markdown_of(LIMITS.info_body, paragraphs=3)), image=png, **common
        ),
        "bullets": BulletsSlide(
            id="bullets-limit",
            title=title,
            items=tuple(text(text_of(LIMITS.list_item, i)) for i in range(LIMITS.list_items)),
            image=png,
            **common,
        ),
        "exercise": ExerciseSlide(
            id="exercise-limit",
            title=title,
            steps=tuple(text(text_of(LIMITS.step, i)) for i in range(LIMITS.steps)),
            caution=text(text_of(LIMITS.caution, 5)),
            image=svg,
            hold=30,
            repetitions=12,
            sets=3,
            **common,
        ),
        "news": NewsSlide(
            id="news-limit",
            title=title,
            date=date(2025, 9, 30),
            body=text(markdown_of(LIMITS.news_body, paragraphs=2)),
            image=png,
            **common,
        ),
        "contact": ContactSlide(
            id="contact-limit",
            title=title,
            qr="https://atlas.example/" + "x" * 60,
            qr_caption=text(text_of(LIMITS.qr_caption, 2)),
            body=text(markdown_of(LIMITS.contact_body, paragraphs=1)),
            image=png,
            **common,
        ),
    }


def deck_of(root: Path, slides: dict[str, Slide] | list[Slide], **clinic_args: Any) -> Deck:
    values = list(slides.values()) if isinstance(slides, dict) else list(slides)
    made = clinic(**clinic_args)
    return Deck(clinic=replace(made, playlist=tuple(s.id for s in values)), slides=tuple(values), root=root)


def unit(size: tuple[int, int]) -> float:
    return min(size) / 1080


def check_layout(layout, size: tuple[int, int]) -> None:
    """Every text is laid out inside its box, its box inside the slide and clear of the
    footer, no two texts overlap, and no text sits on a picture."""
    from kiosk.ui.render.layout import footer_rect

    width, height = size
    slide = QRectF(0, 0, width, height)
    footer_top = footer_rect(layout.size).top()
    eps = 0.51
    texts = layout.texts
    assert texts, "no text at all"
    for t in texts:
        where = f"{t.role} {t.fitted.plain_text[:40]!r}"
        assert t.rect.width() <= t.box.width() + eps, f"{where}: {t.rect.width()} wider than box {t.box.width()}"
        assert t.rect.left() >= t.box.left() - eps and t.rect.right() <= t.box.right() + eps, where
        assert t.rect.top() >= t.box.top() - eps and t.rect.bottom() <= t.box.bottom() + eps, (
            f"{where}: lines {t.rect} overflow box {t.box}"
        )
        assert slide.contains(t.box.adjusted(eps, eps, -eps, -eps)), f"{where}: box {t.box} leaves the slide"
        assert t.rect.bottom() <= footer_top + eps, f"{where}: reaches into the footer"
    for a, b in itertools.combinations(texts, 2):
        overlap = a.rect.intersected(b.rect)
        assert overlap.width() <= 1 or overlap.height() <= 1, f"{a.role} and {b.role} overlap: {a.rect} {b.rect}"
    for picture in layout.pictures:
        assert slide.contains(picture.rect.adjusted(eps, eps, -eps, -eps)), f"{picture.source} leaves the slide"
        assert picture.rect.bottom() <= footer_top + eps, f"{picture.source} reaches into the footer"
        for t in texts:
            overlap = picture.rect.intersected(t.rect)
            assert overlap.isEmpty() or overlap.width() <= 1 or overlap.height() <= 1, (
                f"{t.role} text over picture {picture.source}"
            )
