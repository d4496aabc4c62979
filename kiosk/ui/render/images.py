"""Decoding content images at the size they are shown, never at full resolution.

Each image is read once and drawn from those bytes, after the core's checks ran on exactly
them (:func:`kiosk.core.images.checked_image`): a file replaced after validation is checked
again, never drawn unchecked.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader, QPainter
from PySide6.QtSvg import QSvgRenderer

from kiosk.core.images import ImageError, checked_image
from kiosk.core.model import ImageRef
from kiosk.ui.render.errors import SlideRenderError


def fit_inside(source: QSizeF, box: QRectF) -> QRectF:
    """The largest rect with ``source``'s aspect ratio inside ``box``, centred."""
    if source.width() <= 0 or source.height() <= 0 or box.isEmpty():
        return QRectF(box.center(), QSizeF(0, 0))
    scale = min(box.width() / source.width(), box.height() / source.height())
    w, h = source.width() * scale, source.height() * scale
    return QRectF(box.center().x() - w / 2, box.center().y() - h / 2, w, h)


def natural_size(ref: ImageRef) -> QSizeF:
    """The image's size as shown (EXIF rotation applied), from its header only."""
    if ref.is_vector:
        renderer = _svg(ref)
        size = renderer.defaultSize()
        if size.isEmpty():
            view = renderer.viewBoxF()
            return QSizeF(view.width(), view.height())
        return QSizeF(size)
    reader, _buffer = _reader(ref)
    size = reader.size()
    if not size.isValid():
        raise SlideRenderError(f"{ref.rel}: cannot read the image: {reader.errorString()}")
    if reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90:
        size.transpose()
    return QSizeF(size)


def decode(ref: ImageRef, target: QRectF) -> QImage:
    """The image decoded (or, for SVG, rendered) to exactly ``target``'s pixel size."""
    size = QSize(max(1, round(target.width())), max(1, round(target.height())))
    if ref.is_vector:
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        renderer = _svg(ref)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()
        return image
    reader, buffer = _reader(ref)
    if bytes(reader.format().data()) == b"jpeg":
        _check_jpeg_is_complete(ref, bytes(buffer.data().data()))
    scaled = QSize(size)
    # The reader scales before it applies EXIF rotation, so ask for the unrotated size.
    if reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90:
        scaled.transpose()
    reader.setScaledSize(scaled)
    image = reader.read()
    if image.isNull():
        raise SlideRenderError(f"{ref.rel}: cannot decode the image: {reader.errorString()}")
    return image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


#: A complete JPEG ends with the end-of-image marker, give or take some padding.
_JPEG_END = b"\xff\xd9"
_JPEG_TAIL = 4096


def _check_jpeg_is_complete(ref: ImageRef, data: bytes) -> None:
    """Qt decodes a cut-off JPEG (a half-copied file) without an error, filling the rest
    grey; the missing end-of-image marker gives it away. (Compressed data can never
    contain that marker, so finding it in the tail means the file is whole.)"""
    if _JPEG_END not in data[-_JPEG_TAIL:]:
        raise SlideRenderError(f"{ref.rel}: the JPEG file is incomplete (cut off); copy it again")


def _checked_bytes(ref: ImageRef) -> bytes:
    try:
        return checked_image(ref.path).data
    except ImageError as error:
        raise SlideRenderError(f"{ref.rel}: {error}") from error


def _reader(ref: ImageRef) -> tuple[QImageReader, QBuffer]:
    """A reader over the checked bytes, and the buffer it reads (keep it while reading)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(_checked_bytes(ref)))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    # Trust the bytes, not the extension: a JPEG saved as .png still shows.
    reader.setDecideFormatFromContent(True)
    if not reader.canRead():
        raise SlideRenderError(f"{ref.rel}: cannot read the image: {reader.errorString()}")
    return reader, buffer


def _svg(ref: ImageRef) -> QSvgRenderer:
    renderer = QSvgRenderer(QByteArray(_checked_bytes(ref)))
    if not renderer.isValid():
        raise SlideRenderError(f"{ref.rel}: not a valid SVG image")
    return renderer
