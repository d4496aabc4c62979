"""The thank-you screen after a stored request: what happens next, the clinic's phone with a
QR code to call it, then ``done`` after a while or on "Done"."""

from __future__ import annotations

import re
from datetime import datetime

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.core.clock import Clock, SystemClock
from kiosk.core.model import Clinic
from kiosk.core.opening import call_back_line, opening_now, today_line
from kiosk.ui.accessibility import describe
from kiosk.ui.render.qr import qr_image
from kiosk.ui.scale import REFERENCE_SIZE, min_gap, min_target, px
from kiosk.ui.touch_screen import TouchPart

#: A tap on "Done" this soon after the screen appeared is the second tap of a double tap on
#: "Send", not a choice: ignore it so the patient still reads the screen.
DONE_GUARD_SECONDS = 0.6
#: The QR code's side at 1920x1080.
QR_SIDE = 300


def tel_uri(phone: str) -> str:
    """``tel:`` plus the number's ``+`` and digits ("+1 303-322-4900" -> "tel:+13033224900")."""
    digits = re.sub(r"[^0-9]", "", phone)
    return "tel:" + ("+" if phone.strip().startswith("+") else "") + digits


class FittedLine(QWidget):
    """One line of big bold text (the clinic's phone number) that shrinks to fit its width
    rather than being cut off: a long international number, a wide fallback font."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = text
        self._largest = 72
        self._colour = QColor("#000000")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        self._text = text
        self.updateGeometry()
        self.update()

    def set_style(self, largest_px: int, colour: QColor) -> None:
        self._largest = max(1, largest_px)
        self._colour = QColor(colour)
        self.setFixedHeight(QFontMetrics(self._font(self._largest)).height())
        self.updateGeometry()
        self.update()

    def _font(self, pixel_size: int) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(1, pixel_size))
        font.setBold(True)
        return font

    def fitted_font(self) -> QFont:
        """The font the text is drawn in: the largest size whose line fits the width."""
        font = self._font(self._largest)
        width = QFontMetrics(font).horizontalAdvance(self._text)
        if width > self.width() > 0:
            font = self._font(int(self._largest * self.width() / width))
        return font

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self._font(self._largest))
        return QSize(metrics.horizontalAdvance(self._text), metrics.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(1, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            painter.setFont(self.fitted_font())
            painter.setPen(self._colour)
            painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), self._text)
        finally:
            painter.end()


class ThanksScreen(TouchPart):
    done = Signal()

    def __init__(self, clinic: Clinic, *, clock: Clock | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("thanksScreen")
        self._clinic = clinic
        self._clock: Clock = clock or SystemClock()
        self._language = "en"
        self._shown_at: datetime | None = None
        self._screen_size = QSize(REFERENCE_SIZE)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._finish)

        self._build_widgets()
        self._lay_out()
        self.set_screen_size(self._screen_size)
        self.retranslate()

    def _build_widgets(self) -> None:
        """What happens next, the phone number and its QR code, "Done"."""
        self.title = QLabel(self)
        self.title.setObjectName("thanksTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.follow_up = QLabel(self)
        self.follow_up.setObjectName("thanksBody")
        self.follow_up.setTextFormat(Qt.TextFormat.PlainText)
        self.follow_up.setWordWrap(True)
        self.follow_up.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # When the clinic answers: today's hours, and after hours when it will call back
        # (kiosk.core.opening writes both, in the patient's language).
        self.hours = QLabel(self)
        self.hours.setObjectName("thanksBody")
        self.hours.setTextFormat(Qt.TextFormat.PlainText)
        self.hours.setWordWrap(True)
        self.hours.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.call_caption = QLabel(self)
        self.call_caption.setObjectName("thanksBody")
        self.call_caption.setWordWrap(True)
        self.phone = FittedLine(self._clinic.phone, self)
        self.phone.setObjectName("thanksPhone")
        self.qr = QLabel(self)
        self.qr.setObjectName("thanksQr")
        self.qr_caption = QLabel(self)
        self.qr_caption.setObjectName("thanksSmall")
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.closes_note = QLabel(self)
        self.closes_note.setObjectName("thanksSmall")
        self.closes_note.setWordWrap(True)
        self.closes_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.done_button = QPushButton(self)
        self.done_button.setObjectName("primaryButton")
        self.done_button.setAutoDefault(False)
        self.done_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.done_button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.done_button.clicked.connect(self._on_done_tapped)

    def _lay_out(self) -> None:
        """A centred column; the phone and its QR code side by side (see set_screen_size)."""
        contact = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        phone_column = QVBoxLayout()
        phone_column.setSpacing(0)
        phone_column.addStretch(1)
        phone_column.addWidget(self.call_caption, 0, Qt.AlignmentFlag.AlignHCenter)
        phone_column.addWidget(self.phone)
        phone_column.addStretch(1)
        qr_column = QVBoxLayout()
        qr_column.setSpacing(0)
        qr_column.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        qr_column.addWidget(self.qr_caption)
        contact.addStretch(1)
        contact.addLayout(phone_column)
        contact.addLayout(qr_column)
        contact.addStretch(1)
        self._contact = contact

        column = QVBoxLayout(self)
        column.addStretch(1)
        column.addWidget(self.title)
        column.addWidget(self.follow_up)
        column.addWidget(self.hours)
        column.addLayout(contact)
        column.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.closes_note)
        column.addStretch(1)
        self._column = column

    def set_screen_size(self, size: QSize) -> None:
        self._screen_size = QSize(size)
        gap = px(size, 32)
        margin = px(size, 64)
        self._column.setContentsMargins(margin, margin, margin, margin)
        self._column.setSpacing(gap)
        # Side by side in landscape; in portrait the phone number needs the whole width.
        self._contact.setDirection(
            QBoxLayout.Direction.LeftToRight if size.width() > size.height() else QBoxLayout.Direction.TopToBottom
        )
        self.done_button.setMinimumSize(px(size, 320), max(min_target(size), px(size, 96)))
        self.done_button.setMaximumHeight(max(min_target(size), px(size, 96)))
        self._contact.setSpacing(max(min_gap(size), px(size, 64)))
        self.set_qr_colours(QColor("#000000"), QColor("#ffffff"))

    def set_clinic(self, clinic: Clinic) -> None:
        """New content: the clinic's phone and follow-up may have changed."""
        self._clinic = clinic
        self.phone.set_text(clinic.phone)
        self.set_screen_size(self._screen_size)
        self.retranslate()

    def set_qr_colours(self, dark: QColor, light: QColor) -> None:
        # Whole pixels per module: a scaled pixmap would blur the module edges.
        image = qr_image(tel_uri(self._clinic.phone), px(self._screen_size, QR_SIDE), dark=dark, light=light)
        self.qr.setPixmap(QPixmap.fromImage(image))
        self.qr.setFixedSize(image.size())

    def set_language(self, language: str) -> None:
        self._language = language
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("We have your request"))
        follow_up = self._clinic.follow_up
        self.follow_up.setText(
            follow_up.get(self._language) if follow_up is not None else self.tr("Our front desk will contact you soon.")
        )
        self._show_hours()
        self.call_caption.setText(self.tr("Questions? Call us:"))
        self.qr_caption.setText(self.tr("Scan to call"))
        describe(
            self.qr,
            self.tr("QR code to call the clinic"),
            self.tr("Scan it with your phone's camera to call %1").replace("%1", self._clinic.phone),
        )
        self.done_button.setText(self.tr("Done"))
        describe(self.done_button, self.tr("Done"), self.tr("Goes back to the start screen"))
        self.closes_note.setText(self.tr("This screen closes by itself in a moment."))

    # -- showing and finishing --------------------------------------------------------------
    def _show_hours(self) -> None:
        """ "Open today until 6 PM", or after hours when the clinic will call back (nothing when
        clinic.yaml gives no hours)."""
        now = opening_now(self._clinic, self._clock.now())
        lines = [today_line(now, self._language)] if now is not None else []
        call_back = call_back_line(now, self._language)
        if call_back is not None:
            lines.append(call_back)
        self.hours.setText("\n".join(lines))
        self.hours.setVisible(bool(lines))

    def start(self, seconds: float) -> None:
        """The patient sees the screen from now; ``done`` follows after ``seconds``."""
        self._show_hours()
        self._shown_at = self._clock.now()
        self._timer.start(max(0, round(seconds * 1000)))

    def stop(self) -> None:
        self._timer.stop()
        self._shown_at = None

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def _on_done_tapped(self) -> None:
        if self._shown_at is None:
            return
        if (self._clock.now() - self._shown_at).total_seconds() < DONE_GUARD_SECONDS:
            return
        self._finish()

    def _finish(self) -> None:
        if self._shown_at is None:
            return  # already finished: a late timer and a tap must not both count
        self.stop()
        self.done.emit()
