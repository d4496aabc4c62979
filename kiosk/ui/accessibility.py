"""The touch screens' colours, text sizes and accessibility helpers.

Every colour pair the touch screens draw text with comes from :func:`touch_palette`, and the
stylesheet is built from exactly those pairs, so the contrast test checks what is on screen.
Foregrounds go through ``legible_on``: a clinic colour that would fail 4.5:1 is replaced by
black or white rather than shown unreadable. The high-contrast theme is black and white with
yellow for what is selected.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractButton, QWidget

from kiosk.core.model import Theme
from kiosk.ui.render.contrast import contrast_ratio, legible_on, mix
from kiosk.ui.scale import BODY_TEXT, MIN_TARGET, px, text_px

#: The dynamic property the scoped stylesheet rules match (our own screens' sizes and fonts).
SCOPE_PROPERTY = "touchScope"
#: Headline size at 1920x1080, pixels.
HEADLINE_TEXT = 56


@dataclass(frozen=True)
class ColourPair:
    foreground: str
    background: str

    def ratio(self) -> float:
        return contrast_ratio(QColor(self.foreground), QColor(self.background))


@dataclass(frozen=True)
class TouchPalette:
    """Text colour on background colour, for every state of every kind of control."""

    page: ColourPair
    button: ColourPair  # a main action (filled)
    button_pressed: ColourPair
    toggle: ColourPair  # a switch or choice that is off
    toggle_checked: ColourPair
    toggle_pressed: ColourPair
    overlay: ColourPair  # the idle countdown card
    border: str
    focus: str

    def text_pairs(self) -> dict[str, ColourPair]:
        return {f.name: getattr(self, f.name) for f in fields(self) if isinstance(getattr(self, f.name), ColourPair)}


def _pair(background: QColor, preferred: tuple[QColor, ...]) -> ColourPair:
    return ColourPair(legible_on(background, preferred).name(), background.name())


def touch_palette(theme: Theme, *, high_contrast: bool = False) -> TouchPalette:
    if high_contrast:
        black, white, yellow = "#000000", "#ffffff", "#ffe600"
        return TouchPalette(
            page=ColourPair(white, black),
            button=ColourPair(black, white),
            button_pressed=ColourPair(black, yellow),
            toggle=ColourPair(white, black),
            toggle_checked=ColourPair(black, yellow),
            toggle_pressed=ColourPair(black, white),
            overlay=ColourPair(white, black),
            border=white,
            focus=yellow,
        )
    background = QColor(theme.background)
    text = QColor(theme.text)
    primary = QColor(theme.primary)
    accent = QColor(theme.accent)
    paper = QColor("#ffffff")
    pressed = primary.darker(135)
    toggle_bg = paper
    toggle_pressed_bg = mix(paper, primary, 0.25)
    return TouchPalette(
        page=_pair(background, (text,)),
        button=_pair(primary, (paper, background)),
        button_pressed=_pair(pressed, (paper, background)),
        toggle=_pair(toggle_bg, (text, primary)),
        toggle_checked=_pair(accent, (paper, text)),
        toggle_pressed=_pair(toggle_pressed_bg, (text,)),
        overlay=_pair(paper, (text,)),
        border=primary.name(),
        focus=accent.name(),
    )


def touch_stylesheet(theme: Theme, size: QSize, *, high_contrast: bool = False, large_text: bool = False) -> str:
    """Colours for every screen in the shell; sizes and fonts for the screens that carry the
    ``touchScope`` property (the menu, browser and overlays), so other screens keep theirs."""
    p = touch_palette(theme, high_contrast=high_contrast)
    body = text_px(size, BODY_TEXT, large_text=large_text)
    headline = text_px(size, HEADLINE_TEXT, large_text=large_text)
    target = px(size, MIN_TARGET)
    radius = px(size, 14)
    border = max(2, px(size, 3))
    pad = px(size, 16)
    scope = f'*[{SCOPE_PROPERTY}="true"]'
    # The clinic's icons are drawn for a light background: on high contrast's black cards
    # they sit on a white tile, or dark teal vanishes into black.
    icon_backdrop = (
        (f'QWidget#kioskShell QLabel[role="topicIcon"] {{ background-color: #ffffff; border-radius: {radius}px; }}')
        if high_contrast
        else ""
    )
    return f"""
QWidget#kioskShell, QWidget#kioskShell QStackedWidget, QWidget#kioskShell QScrollArea,
QWidget#kioskShell QScrollArea > QWidget > QWidget {{
    background-color: {p.page.background}; color: {p.page.foreground};
}}
QWidget#kioskShell QLabel {{ color: {p.page.foreground}; background: transparent; }}
QWidget#kioskShell QPushButton {{
    text-transform: none;
    background-color: {p.button.background}; color: {p.button.foreground};
    border: {border}px solid {p.border}; border-radius: {radius}px;
}}
QWidget#kioskShell QPushButton:pressed {{
    background-color: {p.button_pressed.background}; color: {p.button_pressed.foreground};
}}
QWidget#kioskShell QPushButton:disabled {{
    background-color: {p.page.background}; color: {p.page.foreground}; border-style: dashed;
}}
QWidget#kioskShell QPushButton[toggle="true"] {{
    background-color: {p.toggle.background}; color: {p.toggle.foreground};
}}
QWidget#kioskShell QPushButton[toggle="true"]:checked {{
    background-color: {p.toggle_checked.background}; color: {p.toggle_checked.foreground};
}}
QWidget#kioskShell QPushButton[toggle="true"]:pressed {{
    background-color: {p.toggle_pressed.background}; color: {p.toggle_pressed.foreground};
}}
QWidget#kioskShell QPushButton[role="topic"] {{
    background-color: {p.toggle.background}; color: {p.toggle.foreground};
}}
QWidget#kioskShell QPushButton[role="topic"]:pressed {{
    background-color: {p.toggle_pressed.background}; color: {p.toggle_pressed.foreground};
}}
QWidget#kioskShell QPushButton[role="topic"] QLabel {{ color: {p.toggle.foreground}; }}
QWidget#kioskShell QPushButton[role="topic"][down="true"] QLabel {{ color: {p.toggle_pressed.foreground}; }}
QWidget#kioskShell QFrame[role="rule"] {{ background-color: {p.border}; border: none; }}
QWidget#kioskShell QPushButton:focus {{ border-color: {p.focus}; }}
{scope} QPushButton {{
    font-size: {body}px; font-weight: 600; min-height: {target}px; min-width: {target}px;
    padding: {pad // 2}px {pad}px;
}}
{scope} QLabel {{ font-size: {body}px; }}
{scope} QScrollBar:vertical {{ width: {px(size, 48)}px; background: {p.page.background}; border: none; margin: 0; }}
{scope} QScrollBar::handle:vertical {{
    background: {p.page.foreground}; min-height: {target}px; border-radius: {radius}px; margin: {border}px;
}}
{scope} QScrollBar::add-line:vertical, {scope} QScrollBar::sub-line:vertical {{ height: 0; }}
{scope} QScrollBar::add-page:vertical, {scope} QScrollBar::sub-page:vertical {{ background: none; }}
{scope} QLabel[role="headline"] {{ font-size: {headline}px; font-weight: 700; }}
{scope} QPushButton[role="primary"] {{ font-size: {text_px(size, 42, large_text=large_text)}px; font-weight: 700; }}
{scope} QLabel[role="topicTitle"] {{ font-size: {text_px(size, 38, large_text=large_text)}px; font-weight: 700; }}
{scope} QLabel[role="topicDetail"] {{ font-size: {text_px(size, 28, large_text=large_text)}px; }}
{icon_backdrop}QWidget#idleOverlayCard {{
    background-color: {p.overlay.background}; border: {border}px solid {p.border}; border-radius: {radius}px;
}}
QWidget#idleOverlayCard QLabel {{ color: {p.overlay.foreground}; }}
"""


def make_toggle(button: QAbstractButton) -> None:
    """A switch or choice (on/off look from the touch stylesheet)."""
    button.setCheckable(True)
    button.setProperty("toggle", "true")


def describe(widget: QWidget, name: str, description: str | None = None) -> None:
    """What a screen reader announces for ``widget`` (pass translated strings): the one way the
    touch screens name their widgets. ``None`` keeps the description it has."""
    widget.setAccessibleName(name)
    if description is not None:
        widget.setAccessibleDescription(description)


def interactive_widgets(root: QWidget) -> list[QWidget]:
    """The visible controls a patient can touch under ``root``.

    Scroll bars are left out: on the touch screen a list scrolls by dragging its content
    (QScroller), the bar only shows where one is."""
    from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QComboBox, QLineEdit, QScrollBar, QTextEdit

    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractSlider, QAbstractSpinBox, QTextEdit)
    return [
        w
        for w in root.findChildren(QWidget)
        if isinstance(w, kinds) and not isinstance(w, QScrollBar) and w.isVisibleTo(root)
    ]
