"""Sizes for touch screens, derived from the screen like the slides' (never fixed pixels).

One unit is the short side of the screen divided by 1080, so a size written for 1920x1080
is right at 1080x1920 and doubles at 3840x2160.
"""

from __future__ import annotations

from PySide6.QtCore import QSize

from kiosk.ui.render.layout import LARGE_TEXT_SCALE, unit_of

#: The screen sizes are written for: one unit is one pixel here (a landscape 1080p screen).
REFERENCE_SIZE = QSize(1920, 1080)
#: Smallest touch target at 1920x1080, in pixels (the accessibility tests check it).
MIN_TARGET = 72
#: Smallest gap between two touch targets at 1920x1080.
MIN_TARGET_GAP = 12
#: Body text on touch screens at 1920x1080 (pixels); headlines are larger.
BODY_TEXT = 36


def px(size: QSize, units: float) -> int:
    """``units`` (pixels at 1080p) scaled to a screen of ``size``."""
    return max(1, round(units * unit_of(size)))


def text_px(size: QSize, units: float, *, large_text: bool = False) -> int:
    """A font pixel size; larger-text mode scales it by the same factor as the slides."""
    return max(1, round(units * unit_of(size) * (LARGE_TEXT_SCALE if large_text else 1.0)))


def min_target(size: QSize) -> int:
    return px(size, MIN_TARGET)


def min_gap(size: QSize) -> int:
    return px(size, MIN_TARGET_GAP)
