"""The staff PIN pad shown after the hidden gesture: big keys, dots instead of digits, lockout.

Checking a PIN costs 600,000 PBKDF2 rounds (about 0.7 s), so it runs on a worker thread and
the pad stays responsive, showing "Checking…"; input is ignored until the answer is back, so a
double tap on OK is one attempt and guesses cannot be queued up. Every outcome is recorded in
the lockout even if the pad was cleared meanwhile: cancelling is no way around the count.
"""

from __future__ import annotations

import logging
import threading
from collections import deque

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.core.admin_pin import PIN_MAX_DIGITS, PIN_MIN_DIGITS, Lockout, PinFileError, PinStore
from kiosk.ui.accessibility import describe
from kiosk.ui.admin.style import staff_style
from kiosk.ui.admin.widgets import prepare_screen
from kiosk.ui.lockdown import allow_escape
from kiosk.ui.scale import min_gap, px
from kiosk.ui.session import Session
from kiosk.ui.touch_screen import TouchScreen

log = logging.getLogger(__name__)

#: Side of a PIN key, in pixels at 1080p (well over the 72 px minimum target).
KEY_UNITS = 132
DOT = "\u25cf"
BACKSPACE = "\u232b"


class _Outcome:
    RIGHT = "right"
    WRONG = "wrong"
    DAMAGED = "damaged"
    ERROR = "error"


#: How often the pad looks for the PIN check's answer while a check runs.
COLLECT_MS = 20


class PinPadScreen(TouchScreen):
    accepted = Signal()
    cancelled = Signal()
    #: A wrong PIN was entered (after it was recorded in the lockout).
    rejected = Signal()

    def __init__(
        self,
        session: Session,
        pin_store: PinStore,
        lockout: Lockout,
        *,
        tick_ms: int = 1000,
        pin_unreadable: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("pinPadScreen", session=session, parent=parent)
        prepare_screen(self)
        self._session = session
        self._pin_store = pin_store
        self._lockout = lockout
        # The kiosk cannot use its data folder: "no PIN set" would send IT the wrong way.
        self._pin_unreadable = pin_unreadable
        # Escape cancels the pad (docs/admin.md), though the lock-down blocks it everywhere else;
        # the pad takes the keyboard focus when shown so that hardware keys reach it.
        allow_escape(self)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._entry = ""
        self._checking = False
        self._generation = 0
        self._done = False
        self._notice = ""  # the last outcome's message, until the next key press
        # The check thread's answer, (generation, outcome): a plain Python queue the GUI thread
        # empties on a timer that runs only during a check. The thread emits no Qt signal, so
        # it never takes Qt's signal lock (README, "Rendering off the GUI thread").
        self._answers: deque[tuple[int, str]] = deque()
        self._collect = QTimer(self)
        self._collect.setInterval(COLLECT_MS)
        self._collect.timeout.connect(self._collect_answer)
        self._tick = QTimer(self)
        self._tick.setInterval(tick_ms)
        self._tick.timeout.connect(self._refresh)

        self._build_labels()
        self._build_keys()
        self._lay_out()

        session.resetRequested.connect(self.clear)
        self.retranslate()
        self._apply_style()
        self._refresh()

    # --- building ----------------------------------------------------------------------

    def _build_labels(self) -> None:
        self._title = QLabel()
        self._title.setObjectName("adminTitle")
        self._title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._title.setWordWrap(True)
        self._dots = QLabel()
        self._dots.setObjectName("adminDots")
        self._dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._dots.setTextFormat(Qt.TextFormat.PlainText)
        self._message = QLabel()
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)

    def _build_keys(self) -> None:
        self._digit_keys: list[QPushButton] = []
        for digit in "0123456789":
            key = self._key(digit)
            key.clicked.connect(lambda _=False, d=digit: self.press_digit(d))
            self._digit_keys.append(key)
        self._backspace = self._key(BACKSPACE)
        self._backspace.clicked.connect(self.backspace)
        self._ok = self._key("OK")
        self._ok.clicked.connect(self.submit)
        self._cancel = QPushButton()
        self._cancel.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._cancel.clicked.connect(self.cancel)

    def _lay_out(self) -> None:
        self._grid = QGridLayout()
        for index, digit in enumerate("123456789"):
            self._grid.addWidget(self._digit_keys[int(digit)], index // 3, index % 3)
        self._grid.addWidget(self._backspace, 3, 0)
        self._grid.addWidget(self._digit_keys[0], 3, 1)
        self._grid.addWidget(self._ok, 3, 2)

        column = QVBoxLayout()
        # Cancel at the top right, where the form's "Cancel" and the admin screen's "Close"
        # are: below the keys it pushed the pad off a 1080-high screen in larger text.
        # Three columns, the outer two equally wide: the title stays centred and clear of Cancel.
        header = QGridLayout()
        header.addWidget(self._title, 0, 1, Qt.AlignmentFlag.AlignCenter)
        header.addWidget(self._cancel, 0, 2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        header.setColumnStretch(0, 1)
        header.setColumnStretch(2, 1)
        self._header = header
        column.addLayout(header)
        column.addStretch(1)
        column.addWidget(self._dots)
        column.addWidget(self._message)
        pad_row = QHBoxLayout()
        pad_row.addStretch(1)
        pad_row.addLayout(self._grid)
        pad_row.addStretch(1)
        column.addLayout(pad_row)
        column.addStretch(1)
        self._column = column
        self.setLayout(column)

    def _key(self, text: str) -> QPushButton:
        key = QPushButton(text)
        key.setObjectName("pinKey")
        key.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        key.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        key.setAutoRepeat(False)
        return key

    # --- state -------------------------------------------------------------------------

    @property
    def entry_length(self) -> int:
        return len(self._entry)

    @property
    def checking(self) -> bool:
        return self._checking

    def message(self) -> str:
        return self._message.text()

    def dots(self) -> str:
        return self._dots.text()

    def _input_allowed(self) -> bool:
        return not self._checking and self._pin_store.is_set() and not self._lockout.is_locked()

    def press_digit(self, digit: str) -> None:
        if not self._input_allowed() or len(digit) != 1 or not digit.isdigit():
            return
        self._notice = ""
        if len(self._entry) < PIN_MAX_DIGITS:
            self._entry += digit
        self._refresh()

    def backspace(self) -> None:
        if not self._input_allowed():
            return
        self._notice = ""
        self._entry = self._entry[:-1]
        self._refresh()

    def submit(self) -> None:
        if not self._input_allowed():
            return
        if len(self._entry) < PIN_MIN_DIGITS:
            self._notice = self.tr("Enter {low} to {high} digits.").format(low=PIN_MIN_DIGITS, high=PIN_MAX_DIGITS)
            self._refresh()
            return
        pin, self._entry = self._entry, ""
        self._checking = True
        self._notice = ""
        self._refresh()
        generation = self._generation
        answers, store = self._answers, self._pin_store

        def check() -> None:
            try:
                outcome = _Outcome.RIGHT if store.check(pin) else _Outcome.WRONG
            except PinFileError as exc:
                log.error("%s", exc)
                outcome = _Outcome.DAMAGED
            except Exception:  # never leave the pad stuck on "Checking…"
                log.exception("the staff PIN could not be checked")
                outcome = _Outcome.ERROR
            answers.append((generation, outcome))

        threading.Thread(target=check, name="pin-check", daemon=True).start()
        self._collect.start()

    def _collect_answer(self) -> None:
        while self._answers:
            generation, outcome = self._answers.popleft()
            self._collect.stop()
            self._on_checked(generation, outcome)

    def _on_checked(self, generation: int, outcome: str) -> None:
        self._checking = False
        current = generation == self._generation
        if outcome == _Outcome.RIGHT:
            self._lockout.record_success()
            if current and not self._done:
                self._done = True
                self.clear()
                self.accepted.emit()
                return
        elif outcome == _Outcome.WRONG:
            self._lockout.record_failure()
            if current:
                left = self._lockout.attempts_left()
                self._notice = "" if left == 0 else self.tr("Wrong PIN. Tries left: {count}.").format(count=left)
        elif current and outcome == _Outcome.DAMAGED:
            self._notice = self.tr("The staff PIN file is damaged. Ask IT to run kiosk set-pin again.")
        elif current:
            self._notice = self.tr("The PIN could not be checked. Please try again.")
        self._refresh()
        if outcome == _Outcome.WRONG:
            self.rejected.emit()

    def cancel(self) -> None:
        if self._done:
            return
        self._done = True
        self.clear()
        self.cancelled.emit()

    def clear(self) -> None:
        """Forget the digits and any message (a check in flight still counts; see module doc)."""
        self._generation += 1
        self._entry = ""
        self._notice = ""
        self._refresh()

    def _refresh(self) -> None:
        """Show the entry, lockout and PIN-file state as they are now."""
        locked = self._lockout.remaining_seconds()
        pin_set = self._pin_store.is_set()
        if not pin_set and self._pin_unreadable:
            text = self.tr(
                "The staff PIN cannot be read: the kiosk cannot use its data folder. Ask IT to run kiosk doctor."
            )
        elif not pin_set:
            text = self.tr("No staff PIN is set. Ask IT to run kiosk set-pin.")
        elif locked > 0:
            whole = int(locked + 0.999)
            text = self.tr("Locked: try again in {time}").format(time=f"{whole // 60}:{whole % 60:02d}")
        elif self._checking:
            text = self.tr("Checking\u2026")
        else:
            text = self._notice
        self._message.setText(text)
        self._dots.setText(" ".join(DOT * len(self._entry)) or " ")
        describe(
            self._dots,
            self.tr("Digits entered: {count}").format(count=len(self._entry)),
            self.tr("The PIN as dots; digits are never shown"),
        )
        enabled = pin_set and locked <= 0 and not self._checking
        for key in (*self._digit_keys, self._backspace, self._ok):
            key.setEnabled(enabled)
        # The countdown needs a tick only while locked and on screen.
        if locked > 0 and self.isVisible():
            if not self._tick.isActive():
                self._tick.start()
        else:
            self._tick.stop()

    # --- Qt events -----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._done = False
        self.clear()
        # On the pad's "1": typed digits, Enter and Escape still reach this screen.
        self.take_focus()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._tick.stop()
        self.clear()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            self.press_digit(chr(key))
        elif key == Qt.Key.Key_Backspace:
            self.backspace()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        elif key == Qt.Key.Key_Escape:
            self.cancel()
        else:
            super().keyPressEvent(event)

    # --- look and language ---------------------------------------------------------------

    def apply_metrics(self) -> None:
        self._apply_style()

    def restyle(self) -> None:
        self._apply_style()

    def _apply_style(self) -> None:
        size = self.screen_size()
        sheet = staff_style(
            size, large_text=self._session.large_text, high_contrast=self._session.high_contrast, key_units=KEY_UNITS
        )
        if sheet != self.styleSheet():  # re-polishing every child is costly: only on a real change
            self.setStyleSheet(sheet)
        self._fit_widths()
        gap = max(min_gap(size), px(size, 20))
        self._grid.setSpacing(gap)
        self._column.setSpacing(gap)
        margin = px(size, 48)
        self._column.setContentsMargins(margin, margin, margin, margin)

    def _fit_widths(self) -> None:
        """After a style or language change: every key as wide as the widest ("Aceptar" in
        larger text), so the pad stays a grid; Cancel never squeezed by the title."""
        keys = [*self._digit_keys, self._backspace, self._ok]
        widest = max(key.sizeHint().width() for key in keys)
        for key in keys:
            key.setMinimumWidth(widest)
        cancel = self._cancel.sizeHint().width()
        self._cancel.setMinimumWidth(cancel)
        self._header.setColumnMinimumWidth(0, cancel)
        self._header.setColumnMinimumWidth(2, cancel)

    def first_focus(self) -> QWidget | None:
        """The "1" key: a screen reader starts on the pad (digits typed on a keyboard still
        reach the screen, which the key lets through); "Cancel" while the pad is locked."""
        one = self._digit_keys[1]
        return one if one.isEnabled() else self._cancel

    def retranslate(self) -> None:
        self._title.setText(self.tr("Staff PIN"))
        self._cancel.setText(self.tr("Cancel"))
        describe(self._cancel, self.tr("Cancel"), self.tr("Go back to the slideshow without opening the staff screen"))
        for digit, key in enumerate(self._digit_keys):
            describe(key, self.tr("Digit {digit}").format(digit=digit), self.tr("Adds this digit to the PIN"))
        describe(self._backspace, self.tr("Delete"), self.tr("Removes the last digit"))
        self._ok.setText(self.tr("OK"))
        describe(self._ok, self.tr("OK"), self.tr("Checks the PIN and opens the staff screen"))
        self._fit_widths()
        self._refresh()
