"""Image checks from the file header only: format and size, never the pixels.

A 1 MB PNG can decode to gigabytes (a "decompression bomb"), so the pixel count is read
from the header and checked before anything would decode it. Pillow's ``Image.open`` is
lazy: it parses the header and stops; ``.load()`` is never called here. SVG files are
checked whole by :mod:`kiosk.core.svg_safety` (no DTD or entities, no references outside
the file, a bounded number of elements once references are expanded).

Validation reads the header; the renderer reads the file once with :func:`checked_image`,
which applies the same checks to the very bytes it then draws, so a file swapped after it
was validated is checked again. Only regular files are ever opened (never a named pipe).
"""

from __future__ import annotations

import io
import os
import stat
import warnings
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import BinaryIO

from PIL import Image, UnidentifiedImageError

from kiosk.core.atomic_files import kind_of
from kiosk.core.limits import MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS
from kiosk.core.regular_files import NotRegularFile, open_regular, read_regular
from kiosk.core.svg_safety import MAX_SVG_BYTES, SvgError, check_svg

RASTER_FORMATS = {"PNG": "png", "JPEG": "jpeg", "WEBP": "webp", "GIF": "gif"}
EXTENSIONS = frozenset({".png", ".jpg", ".jpeg", ".webp", ".gif", ".svg"})


class ImageError(ValueError):
    """The image cannot be used; the message is written for staff."""


@dataclass(frozen=True)
class ImageInfo:
    width: int
    height: int
    format: str  # "png", "jpeg", "webp", "gif", "svg"


def resolve_inside(root: Path, rel: str) -> Path:
    """The resolved file that ``rel`` names inside ``root``; ImageError when it is not there."""
    if not rel.strip():
        raise ImageError("the image path is empty")
    if PurePosixPath(rel).is_absolute() or PureWindowsPath(rel).is_absolute() or PureWindowsPath(rel).drive:
        raise ImageError(
            f"'{rel}' is an absolute path; write the path inside the content folder, e.g. images/photo.png"
        )
    parts = PureWindowsPath(rel).parts  # splits on both / and \
    if ".." in parts:
        raise ImageError(f"'{rel}' points outside the content folder ('..' is not allowed)")
    try:
        real_root = root.resolve()
        resolved = real_root.joinpath(*parts).resolve()
        if not resolved.is_relative_to(real_root):
            raise ImageError(f"'{rel}' is a link to a file outside the content folder ({resolved})")
        if not resolved.exists():
            raise ImageError(f"image '{rel}' not found")
        mode = resolved.stat().st_mode
        if stat.S_ISDIR(mode):
            raise ImageError(f"'{rel}' is not a file")
        if not stat.S_ISREG(mode):
            raise ImageError(f"'{rel}' is not a regular file ({kind_of(mode)})")
    except (OSError, ValueError) as exc:
        # e.g. a NUL character ("\0" in quotes) or a name longer than the file system allows.
        if isinstance(exc, ImageError):
            raise
        raise ImageError(f"cannot use the image path {rel!r}: {exc}") from None
    suffix = resolved.suffix.lower()
    if suffix not in EXTENSIONS:
        raise ImageError(f"'{rel}' is not a PNG, JPEG, WebP, GIF or SVG file")
    return resolved


@dataclass(frozen=True)
class CheckedImage:
    """An image's bytes as read once, and what the checks found in exactly those bytes."""

    data: bytes
    info: ImageInfo


def probe_image(path: Path) -> ImageInfo:
    """Format and size from the header; ImageError for unreadable, unsafe or huge images."""
    try:
        if path.suffix.lower() == ".svg":
            return _svg_info(read_regular(path, MAX_SVG_BYTES))
        with open_regular(path) as handle:
            _check_file_size(os.fstat(handle.fileno()).st_size)
            return _probe_raster(handle)
    except NotRegularFile as exc:
        raise ImageError(f"not a regular file ({exc.kind})") from None
    except OSError as exc:
        raise ImageError(f"cannot read the image: {exc.strerror or exc}") from None


def checked_image(path: Path) -> CheckedImage:
    """The file's bytes, read once, after the same checks :func:`probe_image` makes, for a
    renderer to draw from these bytes and never from the file again."""
    limit = MAX_SVG_BYTES if path.suffix.lower() == ".svg" else MAX_IMAGE_BYTES
    try:
        data = read_regular(path, limit)
    except NotRegularFile as exc:
        raise ImageError(f"not a regular file ({exc.kind})") from None
    except OSError as exc:
        raise ImageError(f"cannot read the image: {exc.strerror or exc}") from None
    if path.suffix.lower() == ".svg":
        return CheckedImage(data, _svg_info(data))
    _check_file_size(len(data))
    return CheckedImage(data, _probe_raster(io.BytesIO(data)))


def _check_file_size(size: int) -> None:
    if size > MAX_IMAGE_BYTES:
        raise ImageError(
            f"image file is larger than {MAX_IMAGE_BYTES // (1024 * 1024)} MB; save it smaller (e.g. as JPEG)"
        )


def _probe_raster(handle: BinaryIO) -> ImageInfo:
    try:
        with warnings.catch_warnings():
            # Pillow warns about big images; the pixel limit below is our own, stricter one.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(handle, formats=list(RASTER_FORMATS)) as image:
                width, height = image.size
                fmt = RASTER_FORMATS.get(image.format or "", "")
    except Image.DecompressionBombError:
        raise ImageError(f"image is far larger than the limit of {MAX_IMAGE_PIXELS // 1_000_000} megapixels") from None
    except UnidentifiedImageError:
        raise ImageError("cannot read the image header: not a PNG, JPEG, WebP or GIF image") from None
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        # Pillow raises SyntaxError for some broken headers (e.g. "not a PNG file").
        raise ImageError(f"cannot read the image header: {exc}") from None
    _check_pixels(width, height)
    return ImageInfo(width, height, fmt)


def _check_pixels(width: int, height: int) -> None:
    if width <= 0 or height <= 0:
        raise ImageError(f"image has no size ({width}x{height})")
    if width * height > MAX_IMAGE_PIXELS:
        raise ImageError(
            f"image is {width}x{height} ({width * height / 1_000_000:.1f} megapixels), more than the "
            f"limit of {MAX_IMAGE_PIXELS // 1_000_000} megapixels; make it smaller"
        )


def _svg_info(data: bytes) -> ImageInfo:
    try:
        size = check_svg(data)
    except SvgError as exc:
        raise ImageError(str(exc)) from None
    w, h = round(size.width), round(size.height)
    # Vector art is drawn at screen size, so only an empty size is wrong, not a big one.
    if w <= 0 or h <= 0:
        raise ImageError(f"SVG has no size ({size.width:g}x{size.height:g})")
    return ImageInfo(w, h, "svg")


def image_rules_markdown() -> str:
    """The image limits as ``docs/content-format.md`` states them (a test keeps it current)."""
    from kiosk.core.svg_safety import MAX_EMBEDDED_PIXELS, MAX_SVG_ELEMENTS, MAX_SVG_NESTING

    return (
        f"- Every image is an ordinary file (a named pipe, device or socket is an error) of at most\n"
        f"  {MAX_IMAGE_BYTES // (1024 * 1024)} MB, and at most {MAX_IMAGE_PIXELS // 1_000_000} megapixels "
        "(such files can exhaust memory).\n"
        f"- An SVG file is at most {MAX_SVG_BYTES // (1024 * 1024)} MB and needs `width`/`height` or a `viewBox`.\n"
        "  It may not contain `<!DOCTYPE`/entities, processing instructions (`<?xml-stylesheet ...?>`),\n"
        "  `<script>`, `<foreignObject>` or `on...=` event attributes.\n"
        '- Every reference in an SVG stays inside the file: `href="#id"` and `url(#id)` only; no\n'
        "  file paths, `file:` or `http(s):` addresses, `@import` or CSS escapes (`\\`) in styles. The one\n"
        "  exception is a PNG or JPEG picture embedded in an `<image>` as a base64 `data:` URI, of at most\n"
        f"  {MAX_EMBEDDED_PIXELS / 1_000_000:g} megapixels.\n"
        f"- An SVG draws at most {MAX_SVG_ELEMENTS:,} elements once every reference is expanded (a `<use>`\n"
        "  counts as what it repeats, a marker once per corner of its line, a reference in a `<style>`\n"
        f"  sheet once per element of the file, gradients excepted), nests them at most {MAX_SVG_NESTING} deep,\n"
        "  and its references never loop.\n"
    )
