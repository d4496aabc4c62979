"""Sizes and contrast for the staff screens, as a style sheet set on the screen itself.

The app-wide qt-material sheet fixes fonts at 13 px and buttons at 36 px; a widget's own sheet
wins over the application's for everything inside it, so the staff screens set theirs from
the screen size (kiosk.ui.scale) whenever the size, text size or contrast changes.
"""

from __future__ import annotations

from PySide6.QtCore import QSize

from kiosk.ui.scale import BODY_TEXT, min_target, px, text_px

#: Black on white and white/yellow on black: well above 4.5:1 (21:1, 19.6:1, and 7.4:1 for
#: the grey of disabled keys on black).
HIGH_CONTRAST_RULES = """
QWidget { background-color: #000000; color: #ffffff; }
QPushButton { background-color: #000000; color: #ffffff; border: 3px solid #ffff00; }
QPushButton:pressed, QPushButton:checked { background-color: #ffff00; color: #000000; }
QPushButton:disabled { color: #9a9a9a; border: 3px solid #9a9a9a; }
QFrame#adminRow, QFrame#adminPanel { border: 2px solid #ffffff; }
"""

NORMAL_RULES = """
QPushButton:checked { background-color: palette(window); color: palette(window-text); border: 3px solid palette(highlight); }
QFrame#adminRow, QFrame#adminPanel { border: 1px solid palette(mid); border-radius: 6px; }
QLabel#adminWarning { color: #8a1c00; font-weight: bold; }
"""


def staff_style(size: QSize, *, large_text: bool, high_contrast: bool, key_units: float = 0) -> str:
    """The style sheet for a staff screen of ``size``. ``key_units`` > 0 also sizes the
    square PIN keys (pixels at 1080p)."""
    body = text_px(size, BODY_TEXT, large_text=large_text)
    title = text_px(size, 52, large_text=large_text)
    target = min_target(size)
    pad_h = px(size, 20)
    rules = [
        f"QWidget {{ font-size: {body}px; }}",
        f"QLabel#adminTitle {{ font-size: {title}px; font-weight: bold; }}",
        f"QLabel#adminDots {{ font-size: {title}px; }}",
        f"QPushButton {{ min-height: {target}px; min-width: {target}px; font-size: {body}px;"
        f" padding: 0px {pad_h}px; text-transform: none; }}",
        # A finger-wide scroll bar: lists of requests are scrolled by dragging it.
        f"QScrollBar:vertical {{ width: {target}px; }}",
        f"QScrollBar::handle:vertical {{ min-height: {target}px; }}",
    ]
    if key_units > 0:
        key = px(size, key_units)
        key_font = text_px(size, 48, large_text=large_text)
        rules.append(f"QPushButton#pinKey {{ min-height: {key}px; min-width: {key}px; font-size: {key_font}px; }}")
    rules.append(HIGH_CONTRAST_RULES if high_contrast else NORMAL_RULES)
    return "\n".join(rules)
