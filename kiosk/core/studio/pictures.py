"""Pictures staff pick from anywhere on disk, made ready for the kiosk's ``images/`` folder.

A photo straight from a phone is 12 megapixels with its location in the EXIF data; the kiosk
never shows it larger than its slot on the largest screen it supports. So a PNG or JPEG is
turned upright (EXIF orientation), converted to sRGB, scaled down so its longer side is at
most what the slot needs (:data:`MAX_LONG_SIDE`; never scaled up), and re-encoded without any
metadata. An SVG is checked with the core's SVG safety checks and copied byte for byte.
"""

from __future__ import annotations

import enum
import io
import re
import tempfile
import unicodedata
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from kiosk.core.atomic_files import read_regular_file
from kiosk.core.images import ImageError, probe_image

#: The largest screen the kiosk supports (the renderer's tests lay out every slide at
#: 1920x1080, 1080x1920 and 3840x2160).
LARGEST_SCREEN = (3840, 2160)


class PictureSlot(enum.Enum):
    """Where a picture is shown, which bounds how large it is ever drawn."""

    SLIDE = "slide"  # a slide's `image`
    LOGO = "logo"  # the clinic's logo in the header band
    ICON = "icon"  # a topic's icon on its menu card


#: Longest side, in pixels, a picture needs in each slot. A slide picture sits inside the
#: slide below the header, beside or above the text, so it is never longer than the short
#: side of the screen (2160 on the largest); the logo (220 x header units) and topic icons
#: (168 units at most) stay well under 512 pixels there.
MAX_LONG_SIDE: dict[PictureSlot, int] = {
    PictureSlot.SLIDE: min(LARGEST_SCREEN),
    PictureSlot.LOGO: 512,
    PictureSlot.ICON: 512,
}
#: Bigger files than this are not pictures anyone means to show on a kiosk.
MAX_SOURCE_BYTES = 64 * 1024 * 1024
JPEG_QUALITY = 88
_EXTENSIONS = {"PNG": ".png", "JPEG": ".jpg", "SVG": ".svg"}


class PictureError(ValueError):
    """The picture cannot be used; the message is written for staff and names the file."""


@dataclass(frozen=True)
class PreparedPicture:
    """A picture ready to be written into ``images/``."""

    data: bytes
    extension: str  # ".png", ".jpg" or ".svg"
    width: int
    height: int
    #: A file name stem made from the original's name (lowercase, dashes).
    stem: str
    #: True when it was scaled down.
    scaled: bool


def prepare_picture(source: Path, slot: PictureSlot = PictureSlot.SLIDE) -> PreparedPicture:
    """Read, check and convert ``source``; raises :class:`PictureError`."""
    name = source.name
    try:
        data = read_regular_file(source.resolve(), limit=MAX_SOURCE_BYTES)
    except OSError as exc:
        raise PictureError(f"{name}: cannot read the picture: {exc.strerror or exc}") from None
    fmt = _sniff(source, data)
    if fmt is None:
        raise PictureError(f"{name}: not a PNG, JPEG or SVG picture")
    # The core's checks read a file: give them exactly these bytes.
    with tempfile.TemporaryDirectory(prefix="kiosk-picture-") as tmp:
        probe_path = Path(tmp) / f"picture{_EXTENSIONS[fmt]}"
        probe_path.write_bytes(data)
        try:
            info = probe_image(probe_path)
        except ImageError as exc:
            raise PictureError(f"{name}: {exc}") from None
    stem = slug(source.stem)
    if fmt == "SVG":
        return PreparedPicture(data, ".svg", info.width, info.height, stem, scaled=False)
    try:
        return _convert_raster(data, fmt, MAX_LONG_SIDE[slot], stem)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise PictureError(f"{name}: cannot read the picture: {exc}") from None


def _sniff(source: Path, data: bytes) -> str | None:
    head = data[:512].lstrip()
    if (
        source.suffix.lower() == ".svg"
        or head.startswith(b"<svg")
        or (head.startswith(b"<?xml") and b"<svg" in data[:4096])
    ):
        return "SVG"
    try:
        with Image.open(io.BytesIO(data), formats=["PNG", "JPEG"]) as image:
            return image.format if image.format in ("PNG", "JPEG") else None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return None


def _convert_raster(data: bytes, fmt: str, long_side: int, stem: str) -> PreparedPicture:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # probe_image bounded the size
        with Image.open(io.BytesIO(data), formats=[fmt]) as opened:
            image = ImageOps.exif_transpose(opened)
    image = _to_srgb(image)
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    if fmt == "JPEG":
        image = image.convert("L" if image.mode in ("L", "1") else "RGB")
    elif image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA" if has_alpha else "RGB")
    scaled = max(image.size) > long_side
    if scaled:
        image.thumbnail((long_side, long_side), Image.Resampling.LANCZOS)
    # Nothing of the original's metadata (EXIF, XMP, text chunks, ICC) is carried over.
    image.info = {}
    out = io.BytesIO()
    if fmt == "JPEG":
        image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    else:
        image.save(out, "PNG", optimize=True)
    width, height = image.size
    return PreparedPicture(out.getvalue(), _EXTENSIONS[fmt], width, height, stem, scaled=scaled)


def _to_srgb(image: Image.Image) -> Image.Image:
    """Pixels in sRGB, so dropping the colour profile does not change the colours."""
    profile = image.info.get("icc_profile")
    if not profile or image.mode not in ("RGB", "RGBA", "CMYK"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        output_mode = "RGBA" if image.mode == "RGBA" else "RGB"
        converted = ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode=output_mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # a broken profile: keep the pixels as they are
    return converted if converted is not None else image


_NOT_NAME = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """A file name stem: lowercase ASCII letters, digits and dashes (``Photo Été 2`` ->
    ``photo-ete-2``); ``picture`` when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_NAME.sub("-", ascii_text.lower()).strip("-")[:60].strip("-") or "picture"


def unique_name(stem: str, extension: str, taken: Callable[[str], bool], folder: str = "images") -> str:
    """``images/<stem><ext>``, or with ``-2``, ``-3``... until ``taken`` says it is free."""
    candidate = f"{folder}/{stem}{extension}"
    number = 2
    while taken(candidate):
        candidate = f"{folder}/{stem}-{number}{extension}"
        number += 1
    return candidate
