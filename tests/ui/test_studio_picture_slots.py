"""The studio scales imported pictures to ``kiosk.core.studio.pictures.MAX_LONG_SIDE``: the
renderer must never draw a slide picture or the logo larger than that on the largest screen,
or imported photos would look soft there."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSize

from kiosk.core.images import probe_image
from kiosk.core.model import ImageRef
from kiosk.core.studio.pictures import LARGEST_SCREEN, MAX_LONG_SIDE, PictureSlot
from kiosk.ui.render import SlideRenderer
from tests.helpers.decks import deck_of, everyday_slides

WIDE, HEIGHT = LARGEST_SCREEN
SCREENS = (QSize(WIDE, HEIGHT), QSize(HEIGHT, WIDE))
ASPECTS = {"wide": (4000, 1000), "square": (3000, 3000), "tall": (1000, 4000)}


def picture(root: Path, name: str, width: int, height: int) -> ImageRef:
    path = root / "images" / f"{name}.svg"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}">'
        f'<rect width="{width}" height="{height}" fill="#7fb3c8"/></svg>',
        encoding="utf-8",
    )
    info = probe_image(path)
    return ImageRef(path, f"images/{name}.svg", info.width, info.height, info.format)


@pytest.mark.parametrize("aspect", ASPECTS)
def test_no_slot_draws_a_picture_larger_than_the_studio_scales_it_to(qapp: object, tmp_path: Path, aspect: str) -> None:
    image = picture(tmp_path, aspect, *ASPECTS[aspect])
    slides = {kind: replace(slide, image=image) for kind, slide in everyday_slides(tmp_path).items()}
    deck = deck_of(tmp_path, slides)
    deck = replace(deck, clinic=replace(deck.clinic, logo=picture(tmp_path, f"logo-{aspect}", *ASPECTS[aspect])))
    renderer = SlideRenderer(deck)
    largest = {PictureSlot.SLIDE: 0.0, PictureSlot.LOGO: 0.0}
    for slide in slides.values():
        for screen in SCREENS:
            for element in renderer.layout(slide, screen).pictures:
                slot = PictureSlot.LOGO if element.source.startswith("images/logo-") else PictureSlot.SLIDE
                largest[slot] = max(largest[slot], element.rect.width(), element.rect.height())
    assert 0 < largest[PictureSlot.SLIDE] <= MAX_LONG_SIDE[PictureSlot.SLIDE]
    assert 0 < largest[PictureSlot.LOGO] <= MAX_LONG_SIDE[PictureSlot.LOGO]
