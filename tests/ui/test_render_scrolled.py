"""Slides in the topic browser may be taller than the view and scroll: in larger text no
word of the clinic's pack (or of text at the content limits) is ever cut with "…", and in
normal text nothing scrolls."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSize

from kiosk.core.limits import LIMITS
from kiosk.core.loader import load_deck
from kiosk.ui.render.layout import BODY, LARGE_TEXT_SCALE
from kiosk.ui.render.slide_renderer import MOST_VIEWS, SlideRenderer
from tests.helpers.decks import KINDS, check_layout, deck_of, limit_slides, text_of

CONTENT = Path(__file__).resolve().parents[2] / "content"
# The browser's slide area (the screen less its control bar) at the three screens we test.
VIEWS = (QSize(1920, 820), QSize(1080, 1590), QSize(1280, 570))


@pytest.fixture(scope="module")
def pack():
    result = load_deck(CONTENT, screen_size=(1920, 1080), now=datetime(2026, 11, 27, 12, tzinfo=UTC))
    assert result.deck is not None, result.problems
    return result.deck


def cut(layout) -> list[str]:
    return [f"{t.role}: {t.fitted.plain_text[-30:]!r}" for t in layout.texts if t.fitted.elided]


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: f"{v.width()}x{v.height()}")
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_clinic_pack_is_never_cut_in_the_browser(qapp, pack, view: QSize, language: str) -> None:
    renderer = SlideRenderer(pack)
    for slide in pack.slides:
        normal = renderer.scrolled_layout(slide, view, language)
        assert normal.size == view, f"{slide.id} scrolls in normal text"
        assert not cut(normal), (slide.id, cut(normal))
        large = renderer.scrolled_layout(slide, view, language, large_text=True)
        assert large.size.width() == view.width() and large.size.height() >= view.height()
        assert not cut(large), (slide.id, cut(large))
        check_layout(large, (large.size.width(), large.size.height()))
        for text in large.texts:
            if text.role in {"body", "item", "step", "caution"}:
                # Text is sized for the view the patient sees, not for the taller image.
                minimum = round(BODY.smallest * LARGE_TEXT_SCALE * min(view.width(), view.height()) / 1080)
                assert text.pixel_size >= minimum, (slide.id, text.role, text.pixel_size)


@pytest.mark.parametrize("kind", KINDS)
def test_text_at_the_content_limits_is_whole_in_larger_text(qapp, tmp_path_factory, kind: str) -> None:
    root = tmp_path_factory.mktemp("limits")
    deck = deck_of(root, limit_slides(Path(root)), topic_title=text_of(LIMITS.topic_title, 4))
    slide = next(s for s in deck.slides if s.kind == kind)
    renderer = SlideRenderer(deck)
    for view in VIEWS:
        layout = renderer.scrolled_layout(slide, view, "es", large_text=True)
        assert not cut(layout), (kind, view, cut(layout))
        assert layout.size.height() < view.height() * MOST_VIEWS


def test_a_taller_image_only_grows_as_far_as_needed(qapp, pack) -> None:
    renderer = SlideRenderer(pack)
    view = QSize(1080, 1590)
    slide = next(s for s in pack.slides if s.id == "exercise-posture-check")
    layout = renderer.scrolled_layout(slide, view, "es", large_text=True)
    assert layout.size.height() > view.height()
    # One step shorter would cut text: the growth stopped at the first height that fits.
    shorter = QSize(view.width(), round(layout.size.height() / 1.2) - 1)
    assert cut(renderer.layout(slide, shorter, "es", large_text=True, view=view))
    image = renderer.render_scrolled(slide, view, "es", large_text=True)
    assert image.size() == layout.size
