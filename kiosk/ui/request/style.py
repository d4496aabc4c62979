"""The request screens' stylesheet: the clinic's colours, touch sizes from the screen,
larger text and high contrast.

Set on the request screen itself, so it wins over the app-wide qt-material sheet (which
fixes buttons and fields at 32 px) without touching other screens.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor

from kiosk.core.model import Theme
from kiosk.ui.render.contrast import BLACK, MIN_CONTRAST, WHITE, contrast_ratio
from kiosk.ui.request.keyboard import KEY_TEXT
from kiosk.ui.scale import BODY_TEXT, px, text_px

TITLE_TEXT = 56
PHONE_TEXT = 72
SMALL_TEXT = 36  # never below the body minimum on a touch screen
ERROR_COLOUR = "#a4161a"  # 6.8:1 on white, 6.2:1 on the default clinic background


@dataclass(frozen=True)
class Palette:
    background: str
    text: str
    primary: str
    on_primary: str
    pressed: str
    field: str
    border: str
    keyboard: str
    error: str

    @classmethod
    def of(cls, theme: Theme, *, high_contrast: bool) -> Palette:
        """The clinic's colours where every text reaches 4.5:1; a clinic whose colours cannot
        be made legible (a dark background) gets the high-contrast palette."""
        if high_contrast:
            return HIGH_CONTRAST
        background = QColor(theme.background)
        keyboard = background.darker(110)
        primary = QColor(theme.primary)
        for _ in range(20):  # a pale brand colour is darkened until text on and in it reads
            if min(contrast_ratio(primary, WHITE), contrast_ratio(primary, background)) >= MIN_CONTRAST:
                break
            primary = primary.darker(115)
        text = QColor(theme.text)
        if min(contrast_ratio(text, c) for c in (background, WHITE, keyboard)) < MIN_CONTRAST:
            text = QColor(BLACK)
        palette = cls(
            background=background.name(),
            text=text.name(),
            primary=primary.name(),
            on_primary="#ffffff",
            pressed=primary.darker(140).name(),
            field="#ffffff",
            border=text.lighter(250).name() if text.lightness() < 60 else text.name(),
            keyboard=keyboard.name(),
            error=ERROR_COLOUR,
        )
        return palette if palette.legible() else HIGH_CONTRAST

    def text_pairs(self) -> list[tuple[str, str, str]]:
        """(what, text colour, background colour) for every text the request screens draw."""
        return [
            ("text on background", self.text, self.background),
            ("text in a field or key", self.text, self.field),
            ("text on the keyboard", self.text, self.keyboard),
            ("title", self.primary, self.background),
            ("button label", self.primary, self.field),
            ("label on a chosen button", self.on_primary, self.primary),
            ("label on a pressed button", self.on_primary, self.pressed),
            ("error", self.error, self.background),
            ("error in a field", self.error, self.field),
        ]

    def legible(self) -> bool:
        return all(contrast_ratio(QColor(fg), QColor(bg)) >= MIN_CONTRAST for _, fg, bg in self.text_pairs())


HIGH_CONTRAST = Palette(
    background="#ffffff",
    text="#000000",
    primary="#000000",
    on_primary="#ffffff",
    pressed="#444444",
    field="#ffffff",
    border="#000000",
    keyboard="#ffffff",
    error="#8b0000",
)


def request_stylesheet(theme: Theme, size: QSize, *, large_text: bool, high_contrast: bool) -> str:
    c = Palette.of(theme, high_contrast=high_contrast)
    body = text_px(size, BODY_TEXT, large_text=large_text)
    title = text_px(size, TITLE_TEXT, large_text=large_text)
    small = text_px(size, SMALL_TEXT, large_text=large_text)
    key = text_px(size, KEY_TEXT)  # keys are sized for their labels; large text would not fit
    border = px(size, 4 if high_contrast else 2)
    thick = px(size, 6 if high_contrast else 4)
    radius = px(size, 12)
    pad = px(size, 16)
    # Touch-sized: a finger can drag it (the keyboard's gaps are smaller).
    bar = px(size, 48)
    return f"""
#requestScreen QWidget {{ background: transparent; }}
#requestScreen, #requestScreen #requestForm, #requestScreen #thanksScreen {{ background: {c.background}; }}
#requestScreen QLabel {{ color: {c.text}; font-size: {body}px; background: transparent; border: none; }}
#requestScreen QLabel#screenTitle, #requestScreen QLabel#thanksTitle {{ font-size: {title}px; font-weight: bold; color: {c.primary}; }}
#requestScreen QLabel#sectionTitle {{ font-weight: bold; }}
#requestScreen QLabel#thanksSmall, #requestScreen QLabel#privacy {{ font-size: {small}px; }}
#requestScreen QLabel#fieldError, #requestScreen QLabel#formError {{ color: {c.error}; font-weight: bold; }}
#requestScreen QLineEdit {{
    font-size: {body}px; color: {c.text}; background: {c.field};
    border: {border}px solid {c.border}; border-radius: {radius}px; padding: 0 {pad}px;
}}
#requestScreen QLineEdit:focus {{ border: {thick}px solid {c.primary}; }}
#requestScreen QLineEdit[invalid="true"] {{ border: {thick}px solid {c.error}; }}
#requestScreen QPushButton {{
    font-size: {body}px; color: {c.primary}; background: {c.field};
    border: {border}px solid {c.primary}; border-radius: {radius}px; padding: 0 {pad}px;
    text-transform: none; margin: 0;
}}
#requestScreen QPushButton:checked {{ color: {c.on_primary}; background: {c.primary}; font-weight: bold; }}
#requestScreen QPushButton:pressed {{ color: {c.on_primary}; background: {c.pressed}; border-color: {c.pressed}; }}
#requestScreen QPushButton#primaryButton {{ color: {c.on_primary}; background: {c.primary}; font-weight: bold; }}
#requestScreen QPushButton#primaryButton QLabel {{ color: {c.on_primary}; font-weight: bold; }}
#requestScreen QPushButton#primaryButton:pressed {{ background: {c.pressed}; }}
#requestScreen QPushButton#primaryButton:disabled {{ background: {c.pressed}; color: {c.on_primary}; }}
#requestScreen QPushButton#primaryButton[incomplete="true"] {{
    color: {c.primary}; background: {c.field}; border: {thick}px solid {c.primary};
}}
#requestScreen QPushButton#primaryButton[incomplete="true"] QLabel {{ color: {c.primary}; }}
#requestScreen QPushButton#primaryButton[incomplete="true"]:pressed {{ background: {c.keyboard}; }}
#requestScreen #consent {{ font-size: {body}px; background: transparent; }}
#requestScreen #onScreenKeyboard {{ background: {c.keyboard}; border-top: {border}px solid {c.border}; }}
#requestScreen #onScreenKeyboard QPushButton {{
    font-size: {key}px; color: {c.text}; background: {c.field}; border: {border}px solid {c.border};
    border-radius: {radius}px; padding: 0; text-transform: none;
}}
#requestScreen #onScreenKeyboard QPushButton:pressed, #requestScreen #onScreenKeyboard QPushButton:checked {{
    color: {c.on_primary}; background: {c.primary}; border-color: {c.primary};
}}
#requestScreen #onScreenKeyboard QPushButton[keyAction="done"] {{ color: {c.on_primary}; background: {c.primary}; }}
#requestScreen #onScreenKeyboard QPushButton[keyAction="done"]:pressed {{ background: {c.pressed}; }}
#requestScreen QScrollArea {{ border: none; background: transparent; }}
#requestScreen QScrollBar:vertical {{ width: {bar}px; background: {c.keyboard}; border: none; margin: 0; }}
#requestScreen QScrollBar::handle:vertical {{
    background: {c.primary}; min-height: {bar}px; border-radius: {radius}px; margin: {border}px;
}}
#requestScreen QScrollBar::add-line:vertical, #requestScreen QScrollBar::sub-line:vertical {{ height: 0; }}
#requestScreen QScrollBar::add-page:vertical, #requestScreen QScrollBar::sub-page:vertical {{ background: none; }}
"""
