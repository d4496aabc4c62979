"""The "Are you still there?" overlay: covers every screen while the idle countdown runs.

Any touch on it (or anywhere) counts as "still here"; the overlay eats that touch so it does
not also press whatever is underneath.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.accessibility import SCOPE_PROPERTY, describe
from kiosk.ui.scale import px
from kiosk.ui.touch_screen import TouchPart


class IdleOverlay(TouchPart):
    stillHere = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("idleOverlay")
        self.setProperty(SCOPE_PROPERTY, "true")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self._seconds = 0
        self.card = QWidget(self)
        self.card.setObjectName("idleOverlayCard")
        self.card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.title = QLabel(self.card)
        self.title.setProperty("role", "headline")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.message = QLabel(self.card)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.button = QPushButton(self.card)
        self.button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.button.clicked.connect(self.stillHere.emit)
        layout = QVBoxLayout(self.card)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        self._layout = layout
        self.hide()
        self.retranslate()

    @property
    def seconds(self) -> int:
        return self._seconds

    def set_seconds(self, seconds: int) -> None:
        self._seconds = seconds
        self._update_message()

    def _update_message(self) -> None:
        # Two whole sentences, not Qt's %n plural: English has no catalogue, so a plural
        # source would show "20 second(s)" to English readers.
        if self._seconds == 1:
            text = self.tr("For your privacy, the screen will start over in 1 second.")
        else:
            text = self.tr("For your privacy, the screen will start over in %1 seconds.").replace(
                "%1", str(self._seconds)
            )
        self.message.setText(text)
        describe(self, self.tr("Are you still there?"), text)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Are you still there?"))
        self.button.setText(self.tr("I'm still here"))
        describe(self.button, self.tr("I'm still here"), self.tr("Keeps your choices and carries on."))
        self._update_message()

    def place(self, size: QSize) -> None:
        """Cover the whole window of ``size``; the card sits in the middle."""
        self.setGeometry(0, 0, size.width(), size.height())
        margin = px(size, 40)
        self._layout.setContentsMargins(margin, margin, margin, margin)
        self._layout.setSpacing(px(size, 28))
        width = min(size.width() - 2 * px(size, 60), px(size, 1100))
        self.card.setFixedWidth(width)
        self.card.adjustSize()
        height = self.card.heightForWidth(width) if self.card.hasHeightForWidth() else self.card.sizeHint().height()
        height = min(max(height, self.card.minimumSizeHint().height()), size.height())
        self.card.setGeometry((size.width() - width) // 2, (size.height() - height) // 2, width, height)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 150))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()  # a touch anywhere continues; nothing underneath is pressed

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self.stillHere.emit()
