"""QR codes drawn pixel-exact (whole pixels per module), so phones scan them from across
the room."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage, QPainter

#: Quiet zone around the symbol, in modules (the QR standard asks for 4).
QUIET_ZONE = 4


def qr_modules(data: str) -> tuple[tuple[bool, ...], ...]:
    # Medium error correction survives glare on the glass and a smudged screen.
    import segno  # only contact and thank-you screens draw QR codes; keep it off start-up

    code = segno.make(data, error="m", micro=False)
    return tuple(tuple(bool(v) for v in row) for row in code.matrix)


def qr_image(data: str, largest: int, *, dark: QColor | None = None, light: QColor | None = None) -> QImage:
    """A square image of at most ``largest`` pixels: the code plus its quiet zone, each
    module a whole number of pixels (blurred module edges make scanning unreliable)."""
    modules = qr_modules(data)
    count = len(modules) + 2 * QUIET_ZONE
    module = max(1, largest // count)
    side = module * count
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(light if light is not None else QColor("#ffffff"))
    painter = QPainter(image)
    colour = dark if dark is not None else QColor("#000000")
    for y, row in enumerate(modules):
        for x, on in enumerate(row):
            if on:
                painter.fillRect((x + QUIET_ZONE) * module, (y + QUIET_ZONE) * module, module, module, colour)
    painter.end()
    return image


def qr_matches(image: QImage, data: str) -> bool:
    """Whether ``image`` (as made by :func:`qr_image`) holds exactly ``data``'s modules;
    tests use it to read the code back from a rendered slide."""
    modules = qr_modules(data)
    count = len(modules) + 2 * QUIET_ZONE
    module = image.width() // count
    if module < 1:
        return False
    for y, row in enumerate(modules):
        for x, on in enumerate(row):
            pixel = QColor(
                image.pixel((x + QUIET_ZONE) * module + module // 2, (y + QUIET_ZONE) * module + module // 2)
            )
            if (pixel.lightness() < 128) != on:
                return False
    return True
