"""The renderer draws only bytes that passed the core's image checks: a file swapped after
validation (an SVG that now pulls in a picture from outside the content folder, a PNG that
now claims gigapixels) is refused when it is drawn, not drawn."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage

from kiosk.core.images import probe_image
from kiosk.core.model import ImageRef
from kiosk.ui.render.errors import SlideRenderError
from kiosk.ui.render.images import SourceImage, decode, rasterize_vector, read_image

pytestmark = pytest.mark.faults

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="40">'


def draw(ref: ImageRef, target: QRectF) -> QImage:
    """Read ``ref`` as a render does (checked bytes) and decode it at ``target``'s size."""
    source: SourceImage = read_image(ref)
    return decode(source, target, rasterize_vector)


def validated(path: Path, rel: str) -> ImageRef:
    info = probe_image(path)
    return ImageRef(path, rel, info.width, info.height, info.format)


def test_an_svg_swapped_for_one_that_reaches_outside_is_not_drawn(qapp: object, tmp_path: Path) -> None:
    secret = tmp_path / "outside" / "secret.png"
    secret.parent.mkdir()
    Image.new("RGB", (40, 40), (255, 0, 0)).save(secret)
    drawing = tmp_path / "content" / "images" / "drawing.svg"
    drawing.parent.mkdir(parents=True)
    drawing.write_text(f'{SVG}<rect width="40" height="40" fill="#00ff00"/></svg>')
    ref = validated(drawing, "images/drawing.svg")
    assert QColor(draw(ref, QRectF(0, 0, 40, 40)).pixel(20, 20)).green() == 255

    drawing.write_text(f'{SVG}<image xlink:href="{secret}" width="40" height="40"/></svg>')

    for attempt in (lambda: read_image(ref).size, lambda: draw(ref, QRectF(0, 0, 40, 40))):
        with pytest.raises(SlideRenderError, match="outside the SVG"):
            attempt()


def test_a_png_swapped_for_a_decompression_bomb_is_not_decoded(qapp: object, tmp_path: Path) -> None:
    photo = tmp_path / "photo.png"
    Image.new("RGB", (64, 48), (0, 0, 255)).save(photo)
    ref = validated(photo, "images/photo.png")
    assert draw(ref, QRectF(0, 0, 64, 48)).width() == 64

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 60_000, 60_000, 8, 2, 0, 0, 0)
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b""))

    with pytest.raises(SlideRenderError, match="megapixels"):
        draw(ref, QRectF(0, 0, 64, 48))
