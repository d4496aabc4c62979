"""Every text on every slide reaches WCAG AA contrast (4.5:1) against what is actually
behind it, with the default theme and with clinic colours that would fail if used as-is."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSize
from PySide6.QtGui import QColor, QImage

from kiosk.core.model import Theme
from kiosk.ui.render import SlideRenderer
from kiosk.ui.render.contrast import MIN_CONTRAST, composite, contrast_ratio, legible_on, relative_luminance
from tests.helpers.decks import KINDS, deck_of, everyday_slides

THEMES = {
    "default": Theme(),
    # Pale brand colour on white: white header text and primary headlines would fail.
    "pale": Theme(primary="#8fd3ff", accent="#ffe08a", background="#ffffff", text="#9a9a9a"),
    # Dark mode: light text expected everywhere.
    "dark": Theme(primary="#1e88e5", accent="#ff7043", background="#111418", text="#e8eef2"),
    # Mid-grey everything: the hardest case for choosing light or dark text.
    "mid": Theme(primary="#777777", accent="#808080", background="#767676", text="#7a7a7a"),
}


def test_wcag_formula() -> None:
    assert relative_luminance(QColor("#ffffff")) == pytest.approx(1.0)
    assert relative_luminance(QColor("#000000")) == pytest.approx(0.0)
    assert contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    # Known pair from the WCAG examples: #767676 on white is just AA.
    assert contrast_ratio(QColor("#767676"), QColor("#ffffff")) == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio(QColor("#0b5d7a"), QColor("#f7f9fa")) == contrast_ratio(QColor("#f7f9fa"), QColor("#0b5d7a"))


def test_composite_of_a_scrim() -> None:
    scrim = QColor(0, 0, 0, 153)  # 60% black
    over_white = composite(scrim, QColor("#ffffff"))
    assert over_white.red() == over_white.green() == over_white.blue() == 102
    # The worst case under a scrim is the lightest possible picture.
    assert contrast_ratio(QColor("#ffffff"), over_white) >= MIN_CONTRAST


@pytest.mark.parametrize("background", ["#ffffff", "#000000", "#767676", "#777777", "#f28c28", "#0b5d7a", "#ffff00"])
def test_legible_on_always_reaches_the_minimum(background: str) -> None:
    bg = QColor(background)
    assert contrast_ratio(legible_on(bg), bg) >= MIN_CONTRAST
    assert contrast_ratio(legible_on(bg, [QColor("#888888")]), bg) >= MIN_CONTRAST


def test_legible_on_keeps_a_preferred_colour_that_passes() -> None:
    assert legible_on(QColor("#f7f9fa"), [QColor("#0b5d7a")]).name() == "#0b5d7a"
    assert legible_on(QColor("#ffffff"), [QColor("#aaaaaa"), QColor("#1b2a33")]).name() == "#1b2a33"


@pytest.mark.parametrize("theme", THEMES, ids=str)
@pytest.mark.parametrize("kind", KINDS)
def test_every_text_is_legible_on_its_background(qapp, tmp_path: Path, theme: str, kind: str) -> None:
    slides = everyday_slides(tmp_path)
    deck = deck_of(tmp_path, slides, theme=THEMES[theme])
    renderer = SlideRenderer(deck)
    size = QSize(1920, 1080)
    layout = renderer.layout(slides[kind], size)
    image = renderer.render(slides[kind], size)
    for text in layout.texts:
        ratio = contrast_ratio(text.color, text.background)
        assert ratio >= MIN_CONTRAST, f"{text.role}: {text.color.name()} on {text.background.name()} = {ratio:.2f}"
        # The declared background is what is really painted there: sample around the text.
        painted = _background_around(image, text.rect)
        assert painted.name() == text.background.name(), f"{text.role}: painted {painted.name()}"


def _background_around(image: QImage, rect) -> QColor:
    """The most common colour in the text's rect: the background (text strokes are thin)."""
    counts: dict[int, int] = {}
    left, top = int(rect.left()) + 1, int(rect.top()) + 1
    for y in range(top, int(rect.bottom()) - 1, 3):
        for x in range(left, int(rect.right()) - 1, 3):
            pixel = image.pixel(QPoint(x, y))
            counts[pixel] = counts.get(pixel, 0) + 1
    return QColor.fromRgb(max(counts, key=counts.__getitem__))
