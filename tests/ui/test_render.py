"""The slide renderer: every kind at every size, images, HTML, languages, large text, and
the interface the player relies on (renders in threads: tests/ui/test_render_service.py)."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PIL import Image as PilImage
from PySide6.QtCore import QRect, QRectF, QSize
from PySide6.QtGui import QColor, QImage

from kiosk.core.model import ContactSlide, ImageRef, InfoSlide
from kiosk.ui.render import SlideRenderer, SlideRenderError, footer_rect
from kiosk.ui.render.layout import BODY, HEADLINE, LARGE_TEXT_SCALE
from kiosk.ui.render.qr import QUIET_ZONE, qr_matches, qr_modules
from tests.helpers.decks import (
    KINDS,
    SIZES,
    check_layout,
    deck_of,
    everyday_slides,
    images,
    text,
    unit,
    write_png,
)


@pytest.fixture()
def slides(tmp_path: Path):
    return everyday_slides(tmp_path)


@pytest.fixture()
def renderer(qapp, tmp_path: Path, slides) -> SlideRenderer:
    return SlideRenderer(deck_of(tmp_path, slides))


def _distinct_colours(image: QImage, step: int = 37) -> int:
    seen = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            seen.add(image.pixel(x, y))
    return len(seen)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_renders_at_every_size(renderer: SlideRenderer, slides, kind: str, size: tuple[int, int]) -> None:
    slide = slides[kind]
    image = renderer.render(slide, QSize(*size))
    assert image.size() == QSize(*size)
    assert image.format() in (QImage.Format.Format_ARGB32_Premultiplied, QImage.Format.Format_RGB32)
    assert not image.hasAlphaChannel() or all(
        QColor.fromRgba(image.pixel(x, y)).alpha() == 255 for x in range(0, size[0], 97) for y in range(0, size[1], 89)
    )
    assert _distinct_colours(image) > 5, "blank frame"
    layout = renderer.layout(slide, QSize(*size))
    check_layout(layout, size)
    assert not [t for t in layout.texts if t.fitted.elided]
    u = unit(size)
    headline = layout.texts_with_role("headline")
    assert len(headline) == 1 and headline[0].pixel_size >= round(HEADLINE.smallest * u)
    for t in layout.texts:
        assert t.pixel_size >= round(BODY.smallest * u), f"{t.role} at {t.pixel_size}px"


def test_sizes_follow_the_resolution(renderer: SlideRenderer, slides) -> None:
    small = renderer.layout(slides["info"], QSize(1920, 1080))
    big = renderer.layout(slides["info"], QSize(3840, 2160))
    for a, b in zip(small.texts, big.texts, strict=True):
        assert a.role == b.role
        assert abs(b.pixel_size - 2 * a.pixel_size) <= 2, a.role


def test_footer_is_left_as_background(renderer: SlideRenderer, slides) -> None:
    size = QSize(1920, 1080)
    footer = footer_rect(size)
    assert footer.bottom() == size.height() - 1 and footer.width() == size.width()
    assert footer.height() >= 60
    for slide in slides.values():
        image = renderer.render(slide, size)
        background = image.pixel(footer.center())
        assert {
            image.pixel(x, y) for x in range(0, size.width(), 23) for y in range(footer.top(), footer.bottom() + 1, 7)
        } == {background}
    assert footer_rect(QSize(3840, 2160)).height() == 2 * footer.height()


def test_portrait_puts_the_picture_above_the_text(renderer: SlideRenderer, slides) -> None:
    for kind in ("info", "news", "exercise"):
        landscape = renderer.layout(slides[kind], QSize(1920, 1080))
        portrait = renderer.layout(slides[kind], QSize(1080, 1920))
        picture = portrait.pictures[-1]
        headline = portrait.texts_with_role("headline")[0]
        assert picture.rect.bottom() < headline.rect.top(), kind
        side = landscape.pictures[-1]
        assert side.rect.left() > landscape.texts_with_role("headline")[0].rect.right(), kind


def test_images_are_decoded_at_display_size(qapp, tmp_path: Path) -> None:
    photo = tmp_path / "images" / "huge.png"
    write_png(photo, 4000, 3000)
    ref = ImageRef(photo, "images/huge.png", 4000, 3000, "png")
    slide = InfoSlide(
        id="a", topic="general", source=everyday_slides(tmp_path)["info"].source, title=text("Big photo"), image=ref
    )
    layout = SlideRenderer(deck_of(tmp_path, [slide])).layout(slide, QSize(1920, 1080))
    picture = layout.pictures[-1]
    assert picture.image.width() <= 1920 * 0.45 and picture.image.width() == round(picture.rect.width())
    assert abs(picture.image.width() / picture.image.height() - 4 / 3) < 0.01


def _png_with_damaged_pixels() -> bytes:
    """A PNG whose header is fine (right size) but whose compressed pixels are garbage."""
    buffer = io.BytesIO()
    PilImage.new("RGB", (1600, 1000), (30, 90, 160)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    for i in range(60, len(data) - 20):
        data[i] ^= 0x5A
    return bytes(data)


@pytest.mark.parametrize(
    "content",
    [b"", b"\x89PNG\r\n\x1a\nnot really a png at all", b"GIF89a\x00", _png_with_damaged_pixels()],
    ids=["empty", "png-garbage", "gif-cut", "png-damaged-pixels"],
)
def test_corrupt_image_raises_naming_the_file(qapp, tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "images" / "broken.png"
    bad.parent.mkdir(parents=True)
    bad.write_bytes(content)
    slide = replace(everyday_slides(tmp_path)["info"], image=ImageRef(bad, "images/broken.png", 800, 600, "png"))
    renderer = SlideRenderer(deck_of(tmp_path, [slide]))
    with pytest.raises(SlideRenderError, match=r"images/broken\.png"):
        renderer.render(slide, QSize(1920, 1080))


@pytest.mark.qt_log_ignore(".*")
def test_corrupt_svg_raises_naming_the_file(qapp, tmp_path: Path) -> None:
    bad = tmp_path / "images" / "broken.svg"
    bad.parent.mkdir(parents=True)
    bad.write_text("<svg xmlns='http://www.w3.org/2000/svg'><rect", encoding="utf-8")
    slide = replace(everyday_slides(tmp_path)["exercise"], image=ImageRef(bad, "images/broken.svg", 10, 10, "svg"))
    with pytest.raises(SlideRenderError, match=r"images/broken\.svg"):
        SlideRenderer(deck_of(tmp_path, [slide])).render(slide, QSize(1080, 1920))


def test_a_truncated_photo_is_an_error_not_half_a_picture(qapp, tmp_path: Path) -> None:
    good = tmp_path / "images" / "photo.jpg"
    image = QImage(1200, 800, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    good.parent.mkdir(parents=True)
    assert image.save(str(good), "JPEG")  # type: ignore[call-overload]  # PySide6 takes the format as str; its stubs say bytes
    data = good.read_bytes()
    good.write_bytes(data[: len(data) // 3])
    slide = replace(everyday_slides(tmp_path)["news"], image=ImageRef(good, "images/photo.jpg", 1200, 800, "jpeg"))
    with pytest.raises(SlideRenderError, match=r"images/photo\.jpg"):
        SlideRenderer(deck_of(tmp_path, [slide])).render(slide, QSize(1920, 1080))


def test_html_in_content_is_shown_as_text(qapp, tmp_path: Path) -> None:
    html = '<img src="http://example.com/x.png"> <b>bold?</b>'
    slide = InfoSlide(
        id="h",
        topic="general",
        source=everyday_slides(tmp_path)["info"].source,
        title=text("<i>Title</i>"),
        body=text(html),
    )
    layout = SlideRenderer(deck_of(tmp_path, [slide])).layout(slide, QSize(1920, 1080))
    assert layout.texts_with_role("headline")[0].fitted.plain_text == "<i>Title</i>"
    body = layout.texts_with_role("body")[0].fitted.text
    # Nothing became markup: the characters as written, in the body's one plain face.
    assert body.plain_text == html
    assert body.styled_runs() == []


def test_markdown_bold_italic_and_lists(qapp, tmp_path: Path) -> None:
    slide = InfoSlide(
        id="m",
        topic="general",
        source=everyday_slides(tmp_path)["info"].source,
        title=text("T"),
        body=text("Plain **bold** and *italic*.\n\n- one\n- two"),
    )
    layout = SlideRenderer(deck_of(tmp_path, [slide])).layout(slide, QSize(1920, 1080))
    body = layout.texts_with_role("body")[0].fitted.text
    assert body.plain_text == "Plain bold and italic.\none\ntwo"
    # The laid-out runs really are set in the bold and the italic face.
    runs = {text: (font.bold(), font.italic()) for text, font in body.styled_runs()}
    assert runs == {"bold": (True, False), "italic": (False, True)}
    assert [p.bullet for p in body.paragraphs] == [False, True, True]


def test_spanish_falls_back_to_english_per_field(renderer: SlideRenderer, slides) -> None:
    layout = renderer.layout(slides["bullets"], QSize(1920, 1080), "es")
    assert layout.texts_with_role("headline")[0].fitted.plain_text == "Beneficios"
    assert [t.fitted.plain_text for t in layout.texts_with_role("item")] == [
        "Alivio sin medicamentos",
        "Fast results",
        "Targeted treatment",
    ]
    assert layout.texts_with_role("topic")[0].fitted.plain_text == "Dolor de espalda"
    exercise = renderer.layout(slides["exercise"], QSize(1920, 1080), "es")
    assert [t.fitted.plain_text for t in exercise.texts_with_role("chip")] == [
        "Mantener 5 s",
        "10 repeticiones",
        "2 series",
    ]
    assert [t.fitted.plain_text for t in exercise.texts_with_role("step")] == [
        "Apóyese en manos y rodillas.",
        "Round your back slowly.",
    ]


def test_news_date_is_formatted_per_language(renderer: SlideRenderer, slides) -> None:
    en = renderer.layout(slides["news"], QSize(1920, 1080), "en")
    es = renderer.layout(slides["news"], QSize(1920, 1080), "es")
    assert en.texts_with_role("date")[0].fitted.plain_text == "January 1, 2025"
    assert es.texts_with_role("date")[0].fitted.plain_text == "1 de enero de 2025"
    assert en.texts_with_role("badge")[0].fitted.plain_text == "NEWS"
    assert es.texts_with_role("badge")[0].fitted.plain_text == "NOTICIAS"


def test_contact_shows_phone_address_hours_and_a_scannable_qr(renderer: SlideRenderer, slides) -> None:
    for size in ((1920, 1080), (1080, 1920)):
        layout = renderer.layout(slides["contact"], QSize(*size))
        assert layout.texts_with_role("phone")[0].fitted.plain_text == "+1 303-322-4900"
        assert "Denver" in layout.texts_with_role("address")[0].fitted.plain_text
        hours = layout.texts_with_role("hours")[0].fitted.plain_text.splitlines()
        assert hours == [
            # No-break spaces keep "AM" with its time.
            "Mon\u2013Fri\u20028\u00a0AM\u201312\u00a0PM, 1\u00a0PM\u20136\u00a0PM",
            "Sat\u20029\u00a0AM\u20131\u00a0PM",
            "Sun\u2002Closed",
        ]
        qr = next(p for p in layout.pictures if p.source == "qr")
        assert qr_matches(qr.image, "tel:+13033224900")
        # Large: at least a third of the short side, whole pixels per module.
        assert qr.rect.width() >= min(size) / 3
        assert qr.image.width() % (len(qr_modules("tel:+13033224900")) + 2 * QUIET_ZONE) == 0
        # ... and it is really painted where the layout says.
        image = renderer.render(slides["contact"], QSize(*size))
        assert qr_matches(
            image.copy(QRect(int(qr.rect.left()), int(qr.rect.top()), qr.image.width(), qr.image.height())),
            "tel:+13033224900",
        )


def test_large_text_is_bigger_and_reflows_without_clipping(renderer: SlideRenderer, slides) -> None:
    for kind in KINDS:
        for size in ((1920, 1080), (1080, 1920)):
            normal = renderer.layout(slides[kind], QSize(*size))
            large = renderer.layout(slides[kind], QSize(*size), large_text=True)
            check_layout(large, size)
            assert not [t.role for t in large.texts if t.fitted.elided], (kind, size)
            body_roles = {"body", "item", "step", "caution"}
            for a in normal.texts:
                if a.role in body_roles:
                    b = next(t for t in large.texts if t.role == a.role)
                    assert b.pixel_size > a.pixel_size, (kind, a.role)
                    assert b.pixel_size >= round(BODY.smallest * LARGE_TEXT_SCALE * unit(size)), (kind, a.role)


def test_too_much_text_shrinks_to_the_minimum_then_ends_with_an_ellipsis(qapp, tmp_path: Path) -> None:
    long_body = " ".join(["Fisioterapeuta rehabilitación recomendaciones"] * 60)
    slide = InfoSlide(
        id="long",
        topic="general",
        source=everyday_slides(tmp_path)["info"].source,
        title=text("Long"),
        body=text(long_body),
    )
    layout = SlideRenderer(deck_of(tmp_path, [slide])).layout(slide, QSize(1920, 1080))
    check_layout(layout, (1920, 1080))
    body = layout.texts_with_role("body")[0]
    assert body.fitted.elided and body.pixel_size == BODY.smallest
    shown = body.fitted.plain_text
    assert shown.endswith("\u2026") and long_body.startswith(shown[:-1].rstrip())


def test_too_many_items_keeps_what_fits(qapp, tmp_path: Path) -> None:
    base = everyday_slides(tmp_path)["bullets"]
    slide = replace(base, items=tuple(text(f"Item {i} " + "rehabilitación " * 12) for i in range(12)))
    layout = SlideRenderer(deck_of(tmp_path, [slide])).layout(slide, QSize(1920, 1080))
    check_layout(layout, (1920, 1080))
    items = layout.texts_with_role("item")
    assert 1 <= len(items) < 12 and items[-1].fitted.elided


def test_logo_and_clinic_name_in_the_header(qapp, tmp_path: Path) -> None:
    slides = everyday_slides(tmp_path)
    png, _ = images(tmp_path)
    deck = deck_of(tmp_path, slides)
    deck = replace(deck, clinic=replace(deck.clinic, logo=png))
    layout = SlideRenderer(deck).layout(slides["info"], QSize(1920, 1080))
    logo = next(p for p in layout.pictures if p.source == "images/photo.png" and p.rect.top() < 110)
    name = layout.texts_with_role("clinic")[0]
    assert name.fitted.plain_text == "Atlas Physical Therapy" and name.rect.left() > logo.rect.right()


def test_contact_without_optional_fields(qapp, tmp_path: Path) -> None:
    slide = ContactSlide(
        id="c",
        topic="general",
        source=everyday_slides(tmp_path)["info"].source,
        title=text("Call us"),
        qr="https://atlas.example/book",
    )
    deck = deck_of(tmp_path, [slide])
    deck = replace(deck, clinic=replace(deck.clinic, address=None, opening_hours=()))
    for size in SIZES:
        layout = SlideRenderer(deck).layout(slide, QSize(*size))
        check_layout(layout, size)
        assert {t.role for t in layout.texts} == {"clinic", "topic", "headline", "phone"}


def test_the_bundled_font_is_used_and_licensed(qapp) -> None:
    from PySide6.QtGui import QFontInfo

    from kiosk.ui.render.fonts import FAMILY, FONT_FILES, fonts_dir, load_family, make_font

    folder = fonts_dir()
    assert all((folder / name).is_file() for name in FONT_FILES)
    assert "SIL OPEN FONT LICENSE" in (folder / "OFL.txt").read_text(encoding="utf-8")
    assert load_family() == FAMILY
    assert QFontInfo(make_font(FAMILY, 40, bold=True)).family() == FAMILY


@pytest.mark.slow
def test_without_the_font_files_the_system_sans_is_used(tmp_path: Path) -> None:
    """A fresh process, so the bundled font has not been registered yet."""
    import subprocess
    import sys

    code = (
        "from pathlib import Path\n"
        "from PySide6.QtGui import QGuiApplication, QFontDatabase\n"
        "app = QGuiApplication([])\n"
        "from kiosk.ui.render.fonts import load_family, FAMILY\n"
        "installed = FAMILY in QFontDatabase.families()\n"
        f"family = load_family(Path({str(tmp_path)!r}))\n"
        "assert family in QFontDatabase.families(), family\n"
        "print(installed, family)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    installed, family = result.stdout.strip().split(" ", 1)
    if installed == "True":
        pytest.skip("Noto Sans is installed system-wide here")
    assert family and family != "Noto Sans"


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_minimal_slides_of_every_kind(qapp, tmp_path: Path, large: bool) -> None:
    """Only the required fields (exercise without dose chips, no pictures where optional)."""
    from datetime import date

    from kiosk.core.model import BulletsSlide, ExerciseSlide, NewsSlide

    _, svg = images(tmp_path)
    common: dict[str, Any] = {"topic": "general", "source": everyday_slides(tmp_path)["info"].source}
    slides = [
        InfoSlide(id="i", title=text("Welcome"), **common),
        BulletsSlide(id="b", title=text("One thing"), items=(text("Only item"),), **common),
        ExerciseSlide(
            id="e", title=text("Stretch"), steps=(text("Breathe."),), caution=text("Go slowly."), image=svg, **common
        ),
        NewsSlide(id="n", title=text("News"), date=date(2024, 12, 31), body=text("Short."), **common),
        ContactSlide(id="c", title=text("Call"), qr="tel:+15550100", **common),
    ]
    renderer = SlideRenderer(deck_of(tmp_path, slides))
    for slide in slides:
        for size in SIZES:
            layout = renderer.layout(slide, QSize(*size), large_text=large)
            check_layout(layout, size)
            assert not [t.role for t in layout.texts if t.fitted.elided], (slide.id, size)
            assert renderer.render(slide, QSize(*size), "es", large_text=large).size() == QSize(*size)


def test_a_photo_turned_by_its_exif_orientation_is_shown_upright(qapp, tmp_path: Path) -> None:
    """A phone photo stored sideways with an EXIF "rotate 90" tag: shown upright, measured upright."""
    from kiosk.ui.render.images import decode, read_image

    stored = PilImage.new("RGB", (400, 200), (0, 0, 255))
    stored.paste((255, 0, 0), (0, 0, 200, 200))  # the left half red: the top, once upright
    exif = PilImage.Exif()
    exif[0x0112] = 6
    path = tmp_path / "images" / "sideways.jpg"
    path.parent.mkdir(parents=True)
    stored.save(path, "JPEG", exif=exif.tobytes(), quality=95)
    source = read_image(ImageRef(path, "images/sideways.jpg", 400, 200, "jpeg"))
    assert (source.size.width(), source.size.height()) == (200, 400)
    image = decode(source, QRectF(0, 0, 100, 200), lambda _data, _size: QImage())
    assert image.size() == QSize(100, 200)
    top, bottom = QColor(image.pixel(50, 30)), QColor(image.pixel(50, 170))
    assert top.red() > 200 and top.blue() < 60, top.name()
    assert bottom.blue() > 200 and bottom.red() < 60, bottom.name()
