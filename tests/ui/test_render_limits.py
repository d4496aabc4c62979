"""Text at exactly the limits in kiosk/core/limits.py fits every kind at every screen size,
so the validator's warnings and the renderer can never disagree silently."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize

from kiosk.core.limits import LIMITS
from kiosk.core.markdown import plain_text
from kiosk.ui.render.layout import BODY, HEADLINE
from kiosk.ui.render.slide_renderer import SlideRenderer
from tests.helpers.decks import KINDS, SIZES, check_layout, deck_of, limit_slides, text_of, unit, visible


@pytest.fixture(scope="module")
def limit_deck(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("limits")
    # The header at its worst too: a topic title at its limit next to the clinic's name.
    return deck_of(root, limit_slides(Path(root)), topic_title=text_of(LIMITS.topic_title, 4))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("kind", KINDS)
def test_text_at_the_limits_fits_without_cutting(qapp, limit_deck, kind: str, size: tuple[int, int]) -> None:
    slide = next(s for s in limit_deck.slides if s.kind == kind)
    renderer = SlideRenderer(limit_deck)
    layout = renderer.layout(slide, QSize(*size))
    check_layout(layout, size)
    elided = [t for t in layout.texts if t.fitted.elided]
    assert not elided, [f"{t.role}: {t.fitted.plain_text[-30:]!r} at {t.pixel_size}px" for t in elided]
    u = unit(size)
    for t in layout.texts:
        minimum = HEADLINE.smallest if t.role == "headline" else BODY.smallest
        assert t.pixel_size >= round(minimum * u), f"{t.role} at {t.pixel_size}px"
    # Every word is on screen: the laid-out text is the whole text.
    headline = layout.texts_with_role("headline")[0]
    assert headline.fitted.plain_text == slide.title.get("en")
    shown = "\n".join(t.fitted.plain_text for t in layout.texts)
    if kind in ("info", "news"):
        body = plain_text_of(slide.body.get("en"))
        assert _squash(body) in _squash(shown)
    if kind == "bullets":
        assert [t.fitted.plain_text for t in layout.texts_with_role("item")] == [
            visible(i.get("en"), inline=True) for i in slide.items
        ]
    if kind == "exercise":
        assert [t.fitted.plain_text for t in layout.texts_with_role("step")] == [
            visible(s.get("en"), inline=True) for s in slide.steps
        ]
        assert layout.texts_with_role("caution")[0].fitted.plain_text == slide.caution.get("en")


def plain_text_of(source: str) -> str:
    from kiosk.core.markdown import parse_markdown

    return plain_text(parse_markdown(source))


def _squash(text: str) -> str:
    # QTextDocument separates paragraphs with U+2029; compare words only.
    return " ".join(text.replace("\u2029", " ").split())
