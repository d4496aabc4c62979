"""Decoding content images at the size they are shown, never at full resolution.

Each image is read once per render and drawn from those bytes, after the core's checks ran on
exactly them (:func:`kiosk.core.images.checked_image`).

Photos (PNG, JPEG, WebP, GIF) are decoded with Pillow and handed to Qt as pixels: Qt's own
readers read through a ``QFile`` or ``QBuffer``, which are QObjects, and a render thread makes
none (README, "Rendering off the GUI thread"). Pillow also lets go of the GIL while it decodes
and scales, so the GUI thread keeps painting meanwhile.

SVG has no renderer outside Qt, and Qt's (``QSvgRenderer``) is a QObject that even starts a
timer and connects it for an animated drawing. So drawings are rasterized by
:func:`rasterize_vector` only ever on the GUI thread: directly when the GUI thread renders
(``kiosk preview``, tests), and for the render service's workers by the service, which draws
them on the GUI thread while the worker waits (``kiosk.ui.render.service``). A drawing takes
1-3 ms there.
"""

from __future__ import annotations

import io
import threading
import warnings
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError
from PySide6.QtCore import QByteArray, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPainter

from kiosk.core.images import ImageError, checked_image
from kiosk.core.limits import MAX_IMAGE_PIXELS
from kiosk.core.model import ImageRef
from kiosk.ui.render.errors import SlideRenderError

#: Draws SVG ``data`` scaled to fill exactly ``size``; raises SlideRenderError (without the
#: file name) when the data is not a drawing.
VectorRasterizer = Callable[[bytes, QSize], QImage]

#: EXIF orientations that turn the picture a quarter (its width is its stored height).
_QUARTER_TURNS = frozenset({5, 6, 7, 8})
_ORIENTATION_TAG = 0x0112
#: How to turn the stored pixels upright for each EXIF orientation (as Pillow's exif_transpose).
_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
#: A complete JPEG ends with the end-of-image marker, give or take some padding.
_JPEG_END = b"\xff\xd9"
_JPEG_TAIL = 4096


def fit_inside(source: QSizeF, box: QRectF) -> QRectF:
    """The largest rect with ``source``'s aspect ratio inside ``box``, centred."""
    if source.width() <= 0 or source.height() <= 0 or box.isEmpty():
        return QRectF(box.center(), QSizeF(0, 0))
    scale = min(box.width() / source.width(), box.height() / source.height())
    w, h = source.width() * scale, source.height() * scale
    return QRectF(box.center().x() - w / 2, box.center().y() - h / 2, w, h)


@dataclass(frozen=True)
class SourceImage:
    """An image's bytes, read once per render, and its size as shown (EXIF rotation applied)."""

    ref: ImageRef
    data: bytes
    size: QSizeF


def read_image(ref: ImageRef) -> SourceImage:
    """Read ``ref`` once, after the core's checks ran on exactly these bytes
    (:func:`kiosk.core.images.checked_image`: a file replaced after validation is checked
    again, never drawn unchecked), and find its shown size from the header (no pixels
    decoded)."""
    try:
        checked = checked_image(ref.path)
    except ImageError as error:
        raise SlideRenderError(f"{ref.rel}: {error}") from error
    data = checked.data
    if ref.is_vector:
        # The checks measured the drawing (width/height or viewBox).
        return SourceImage(ref, data, QSizeF(checked.info.width, checked.info.height))
    with _opened(ref, data) as image:
        width, height = image.size
        if _orientation(image) in _QUARTER_TURNS:
            width, height = height, width
    return SourceImage(ref, data, QSizeF(width, height))


def decode(source: SourceImage, target: QRectF, rasterize_vector: VectorRasterizer) -> QImage:
    """The image decoded (or, for SVG, drawn) to exactly ``target``'s pixel size, as an
    ARGB32-premultiplied image."""
    size = QSize(max(1, round(target.width())), max(1, round(target.height())))
    if source.ref.is_vector:
        try:
            return rasterize_vector(source.data, size)
        except SlideRenderError as error:
            raise SlideRenderError(f"{source.ref.rel}: {error}") from error
    return _decode_raster(source, size)


def _decode_raster(source: SourceImage, size: QSize) -> QImage:
    ref = source.ref
    with _opened(ref, source.data) as image:
        if image.format == "JPEG" and _JPEG_END not in source.data[-_JPEG_TAIL:]:
            # A cut-off JPEG (a half-copied file) would decode with its lower part grey; the
            # missing end-of-image marker gives it away (compressed data never contains it).
            raise SlideRenderError(f"{ref.rel}: the JPEG file is incomplete (cut off); copy it again")
        orientation = _orientation(image)
        stored = (size.height(), size.width()) if orientation in _QUARTER_TURNS else (size.width(), size.height())
        try:
            # JPEG: decode at 1/2, 1/4 or 1/8 scale when that is still at least the size shown.
            image.draft("RGB", stored)
            image.load()
            pixels = image.convert("RGBA").resize(stored, Image.Resampling.LANCZOS, reducing_gap=3.0)
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
            raise SlideRenderError(f"{ref.rel}: cannot decode the image: {error}") from error
    turn = _TRANSPOSE.get(orientation or 1)
    if turn is not None:
        pixels = pixels.transpose(turn)
    raw = pixels.tobytes("raw", "RGBA")
    # QImage reads ``raw`` in place; the conversion makes the copy that outlives it.
    wrapped = QImage(raw, pixels.width, pixels.height, pixels.width * 4, QImage.Format.Format_RGBA8888)
    return wrapped.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


class _opened:
    """``Image.open`` on the bytes, with every way it fails as a SlideRenderError naming the file."""

    def __init__(self, ref: ImageRef, data: bytes) -> None:
        self._ref = ref
        self._data = data
        self._image: Image.Image | None = None

    def __enter__(self) -> Image.Image:
        ref = self._ref
        try:
            with warnings.catch_warnings():
                # Pillow warns about big images; the pixel limit below is our own, stricter one.
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                self._image = Image.open(io.BytesIO(self._data), formats=["PNG", "JPEG", "WEBP", "GIF"])
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
            raise SlideRenderError(f"{ref.rel}: cannot read the image: {_reason(error)}") from error
        width, height = self._image.size
        if width <= 0 or height <= 0 or width * height > MAX_IMAGE_PIXELS:
            self._image.close()
            raise SlideRenderError(f"{ref.rel}: the image is {width}x{height} pixels, too large to show")
        return self._image

    def __exit__(self, *_exc: object) -> None:
        if self._image is not None:
            self._image.close()


def _reason(error: Exception) -> str:
    if isinstance(error, UnidentifiedImageError):
        return "not a PNG, JPEG, WebP or GIF image"
    return str(error) or type(error).__name__


def _orientation(image: Image.Image) -> int | None:
    """The EXIF orientation from the header. (A PNG's EXIF block after its pixels would
    take decoding the whole picture to find: such a PNG is shown as stored.)"""
    if image.format == "PNG" and "exif" not in image.info:
        return None
    try:
        value = image.getexif().get(_ORIENTATION_TAG)
    except (OSError, ValueError, SyntaxError):  # a damaged EXIF block: show it as stored
        return None
    return value if isinstance(value, int) and 1 <= value <= 8 else None


def rasterize_vector(data: bytes, size: QSize) -> QImage:
    """Draw SVG ``data`` at ``size`` where that is safe: a render service worker hands it to
    the GUI thread (its ``vector_port``); the GUI thread (the main thread) draws it itself.
    Any other thread gets a SlideRenderError rather than a QObject."""
    thread = threading.current_thread()
    port = getattr(thread, "vector_port", None)
    if callable(port):
        image: QImage = port(data, size)
        return image
    if thread is threading.main_thread():
        return draw_svg(data, size)
    raise SlideRenderError("an SVG picture is drawn on the GUI thread or by the render service, not in this thread")


def draw_svg(data: bytes, size: QSize) -> QImage:
    """Rasterize SVG ``data`` to ``size``. Makes a QSvgRenderer (a QObject): only ever call
    this on the GUI thread (see the module's docstring)."""
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer()
    # A still picture of an animated drawing: no timer is started, nothing is connected.
    renderer.setAnimationEnabled(False)
    if not renderer.load(QByteArray(data)) or not renderer.isValid():
        raise SlideRenderError("not a valid SVG image")
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    return image
