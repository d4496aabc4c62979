"""The few widget set-ups every staff screen shares."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QWidget


def plain_label(text: str = "", *, wrap: bool = True, name: str = "") -> QLabel:
    """A label that shows text as typed: a request's name is never read as HTML."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    if name:
        label.setObjectName(name)
    return label


def staff_button() -> QPushButton:
    button = QPushButton()
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.setAutoRepeat(False)
    return button


def prepare_screen(screen: QWidget) -> None:
    """A staff screen fills what the shell gives it and paints its own background."""
    # Paint the style sheet's background (high contrast) on this plain QWidget too.
    screen.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    # Sizes follow this widget's size, so its content must never push the window larger
    # (a loop: bigger window, bigger text, bigger window); it fills what the shell gives.
    screen.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
