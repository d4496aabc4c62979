"""WCAG 2 contrast: every text the renderer draws is checked against what is behind it."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QColor

#: WCAG AA for normal-size text.
MIN_CONTRAST = 4.5

BLACK = QColor("#000000")
WHITE = QColor("#ffffff")


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def relative_luminance(color: QColor) -> float:
    return 0.2126 * _channel(color.redF()) + 0.7152 * _channel(color.greenF()) + 0.0722 * _channel(color.blueF())


def contrast_ratio(a: QColor, b: QColor) -> float:
    la, lb = relative_luminance(a), relative_luminance(b)
    light, dark = max(la, lb), min(la, lb)
    return (light + 0.05) / (dark + 0.05)


def composite(top: QColor, bottom: QColor) -> QColor:
    """``top`` (with its alpha) painted over the opaque ``bottom``."""
    alpha = top.alphaF()
    return QColor.fromRgbF(
        top.redF() * alpha + bottom.redF() * (1 - alpha),
        top.greenF() * alpha + bottom.greenF() * (1 - alpha),
        top.blueF() * alpha + bottom.blueF() * (1 - alpha),
    )


def mix(a: QColor, b: QColor, amount_of_b: float) -> QColor:
    """An opaque blend, used for tints such as a pale card in the brand colour."""
    over = QColor(b)
    over.setAlphaF(amount_of_b)
    return composite(over, a)


def legible_on(background: QColor, preferred: Iterable[QColor] = ()) -> QColor:
    """The first preferred colour that reaches :data:`MIN_CONTRAST` on ``background``,
    else black or white, whichever contrasts more (one of them always reaches 4.58:1)."""
    for color in preferred:
        if contrast_ratio(color, background) >= MIN_CONTRAST:
            return QColor(color)
    if contrast_ratio(BLACK, background) >= contrast_ratio(WHITE, background):
        return QColor(BLACK)
    return QColor(WHITE)
