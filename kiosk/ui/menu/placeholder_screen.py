"""A screen that says a part of the kiosk is not available, with the way back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.accessibility import SCOPE_PROPERTY, describe
from kiosk.ui.touch_screen import TouchScreen


class UnavailableScreen(TouchScreen):
    """Shown for "Request more information" when requests cannot be stored here (no database)."""

    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("unavailableScreen", parent=parent)
        self.setProperty(SCOPE_PROPERTY, "true")
        self.title = QLabel(self)
        self.title.setProperty("role", "headline")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.back_button = QPushButton(self)
        self.back_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.back_button.clicked.connect(self.back.emit)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Requests are not available right now"))
        self.message.setText(self.tr("Please ask at the front desk for more information."))
        self.back_button.setText(self.tr("Back to the menu"))
        describe(self.back_button, self.tr("Back to the menu"), self.tr("Shows all topics again."))
