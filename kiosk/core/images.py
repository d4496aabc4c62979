"""Image checks from the file header only: format and size, never the pixels.

A 1 MB PNG can decode to gigabytes (a "decompression bomb"), so the pixel count is read
from the header and checked before anything would decode it. Pillow's ``Image.open`` is
lazy: it parses the header and stops; ``.load()`` is never called here. SVG files are
parsed as XML only after any DOCTYPE (and with it every entity) has been rejected.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from xml.etree import ElementTree

from PIL import Image, UnidentifiedImageError

from kiosk.core.limits import MAX_IMAGE_PIXELS

RASTER_FORMATS = {"PNG": "png", "JPEG": "jpeg", "WEBP": "webp", "GIF": "gif"}
EXTENSIONS = frozenset({".png", ".jpg", ".jpeg", ".webp", ".gif", ".svg"})
#: An illustration is a few hundred kilobytes at most; bigger SVG is almost surely a mistake.
MAX_SVG_BYTES = 2 * 1024 * 1024

_SVG_NS = "{http://www.w3.org/2000/svg}"
_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$")
_FORBIDDEN_SVG = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


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
        if not resolved.is_file():
            raise ImageError(f"'{rel}' is not a file")
    except (OSError, ValueError) as exc:
        # e.g. a NUL character ("\0" in quotes) or a name longer than the file system allows.
        if isinstance(exc, ImageError):
            raise
        raise ImageError(f"cannot use the image path {rel!r}: {exc}") from None
    suffix = resolved.suffix.lower()
    if suffix not in EXTENSIONS:
        raise ImageError(f"'{rel}' is not a PNG, JPEG, WebP, GIF or SVG file")
    return resolved


def probe_image(path: Path) -> ImageInfo:
    """Format and size from the header; ImageError for unreadable, unsafe or huge images."""
    if path.suffix.lower() == ".svg":
        return _probe_svg(path)
    try:
        with warnings.catch_warnings():
            # Pillow warns about big images; the pixel limit below is our own, stricter one.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path, formats=list(RASTER_FORMATS)) as image:
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


def _probe_svg(path: Path) -> ImageInfo:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_SVG_BYTES + 1)
    except OSError as exc:
        raise ImageError(f"cannot read the image: {exc.strerror or exc}") from None
    if len(data) > MAX_SVG_BYTES:
        raise ImageError(f"SVG file is larger than {MAX_SVG_BYTES // (1024 * 1024)} MB")
    if _FORBIDDEN_SVG.search(data):
        raise ImageError("SVG contains a <!DOCTYPE> or <!ENTITY> declaration, which is not allowed")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise ImageError(f"cannot read the SVG: {exc}") from None
    if root.tag not in (f"{_SVG_NS}svg", "svg"):
        raise ImageError("not an SVG image (the outer element is not <svg>)")
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
        if name.lower() in ("script", "foreignobject"):
            raise ImageError(f"SVG contains a <{name}> element, which is not allowed")
        if any(attr.rsplit("}", 1)[-1].lower().startswith("on") for attr in element.attrib):
            raise ImageError(f"SVG <{name}> has an event handler (on...=), which is not allowed")
    width, height = _svg_length(root.get("width")), _svg_length(root.get("height"))
    if width is None or height is None:
        box = (root.get("viewBox") or "").replace(",", " ").split()
        try:
            width, height = float(box[2]), float(box[3])
        except (IndexError, ValueError):
            raise ImageError("SVG has no usable width/height or viewBox") from None
    w, h = round(width), round(height)
    # Vector art is drawn at screen size, so only an empty size is wrong, not a big one.
    if w <= 0 or h <= 0:
        raise ImageError(f"SVG has no size ({width:g}x{height:g})")
    return ImageInfo(w, h, "svg")


def _svg_length(value: str | None) -> float | None:
    match = _LENGTH.match(value or "")
    return float(match.group(1)) if match else None
