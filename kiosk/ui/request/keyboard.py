"""The on-screen keyboard docked under the request form: letters with the Spanish characters,
an email layout with ``@`` and ``.com``, and a phone pad.

Keys never take the keyboard focus, so the field the patient is typing in keeps it; each key
edits that ``QLineEdit`` directly (``insert``/``backspace``), which respects its maximum length
and leaves a physical keyboard working alongside.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLineEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.accessibility import describe
from kiosk.ui.scale import REFERENCE_SIZE, min_gap, px
from kiosk.ui.touch_screen import TouchPart

#: Key height at 1920x1080 (the touch minimum is 72).
KEY_HEIGHT = 80
#: Widest a key may grow at 1920x1080, so a short row does not turn into a few huge keys.
KEY_MAX_WIDTH = 150
#: Widest the phone pad may grow at 1920x1080: digits far apart slow older users down.
PHONE_PAD_MAX_WIDTH = 900
#: Font size of key labels at 1920x1080.
KEY_TEXT = 38


class KeyboardMode(enum.Enum):
    TEXT = "text"
    EMAIL = "email"
    PHONE = "phone"


class KeyAction(enum.Enum):
    CHAR = "char"  # inserts its text (upper-cased while shift or caps is on)
    TEXT = "text"  # inserts its text as written (".com")
    SPACE = "space"
    BACKSPACE = "backspace"
    SHIFT = "shift"
    CAPS = "caps"
    NEXT = "next"
    DONE = "done"


@dataclass(frozen=True)
class KeySpec:
    action: KeyAction
    text: str = ""
    #: Relative width in key units (a plain letter is 1).
    width: float = 1.0


def _chars(text: str) -> list[KeySpec]:
    return [KeySpec(KeyAction.CHAR, ch) for ch in text]


_BACKSPACE = KeySpec(KeyAction.BACKSPACE, width=1.5)
_NEXT = KeySpec(KeyAction.NEXT, width=2.5)
_DONE = KeySpec(KeyAction.DONE, width=2.5)

LAYOUTS: dict[KeyboardMode, tuple[tuple[KeySpec, ...], ...]] = {
    KeyboardMode.TEXT: (
        (*_chars("qwertyuiop"), _BACKSPACE),
        tuple(_chars("asdfghjklñ'")),
        (KeySpec(KeyAction.SHIFT, width=1.5), *_chars("zxcvbnm,.-")),
        (KeySpec(KeyAction.CAPS, width=1.5), *_chars("áéíóúü¿¡")),
        (KeySpec(KeyAction.SPACE, width=5), _NEXT, _DONE),
    ),
    KeyboardMode.EMAIL: (
        (*_chars("1234567890"), _BACKSPACE),
        tuple(_chars("qwertyuiop")),
        tuple(_chars("asdfghjkl@")),
        (KeySpec(KeyAction.SHIFT, width=1.5), *_chars("zxcvbnm._-")),
        (KeySpec(KeyAction.TEXT, ".com", width=2), _NEXT, _DONE),
    ),
    KeyboardMode.PHONE: (
        tuple(_chars("123(")),
        tuple(_chars("456)")),
        tuple(_chars("789-")),
        (*_chars("+0"), KeySpec(KeyAction.SPACE), KeySpec(KeyAction.BACKSPACE)),
        (KeySpec(KeyAction.NEXT, width=2), KeySpec(KeyAction.DONE, width=2)),
    ),
}


class KeyButton(QPushButton):
    """One key. It never takes focus (the field being typed in keeps it) and never repeats."""

    def __init__(self, spec: KeySpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAutoRepeat(False)
        self.setAutoDefault(False)
        self.setProperty("keyAction", spec.action.value)
        if spec.action in (KeyAction.SHIFT, KeyAction.CAPS):
            self.setCheckable(True)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setHorizontalStretch(round(spec.width * 10))
        self.setSizePolicy(policy)


class OnScreenKeyboard(TouchPart):
    """Types into ``target()``; ``nextRequested``/``doneRequested`` let the form move on."""

    nextRequested = Signal()
    doneRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("onScreenKeyboard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._target: QLineEdit | None = None
        self._mode = KeyboardMode.TEXT
        self._shift = False
        self._caps = False
        self._unit_size = QSize(REFERENCE_SIZE)
        self._outer = QVBoxLayout(self)
        self._pages: dict[KeyboardMode, QWidget] = {}
        self._keys: dict[KeyboardMode, list[KeyButton]] = {}
        # Every page's column and key rows: their spacing follows the screen (set_screen_size).
        self._spaced: list[QBoxLayout] = []
        for mode, rows in LAYOUTS.items():
            page, keys = self._build_page(rows)
            self._pages[mode] = page
            self._keys[mode] = keys
            self._outer.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
            page.setVisible(mode is self._mode)
        self.set_screen_size(self._unit_size)
        self.retranslate()

    # -- building -------------------------------------------------------------------------
    def _build_page(self, rows: Sequence[Sequence[KeySpec]]) -> tuple[QWidget, list[KeyButton]]:
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        self._spaced.append(column)
        keys: list[KeyButton] = []
        for specs in rows:
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            for spec in specs:
                key = KeyButton(spec, page)
                key.clicked.connect(lambda _checked=False, k=key: self._press(k))
                row.addWidget(key)
                keys.append(key)
            column.addLayout(row)
            self._spaced.append(row)
        return page, keys

    def set_screen_size(self, size: QSize) -> None:
        """Size keys and gaps for a screen (or window) of ``size``."""
        self._unit_size = QSize(size)
        gap = min_gap(size)
        height = px(size, KEY_HEIGHT)
        self._outer.setContentsMargins(gap, gap, gap, gap)
        self._outer.setSpacing(gap)
        for layout in self._spaced:
            layout.setSpacing(gap)
        for mode, page in self._pages.items():
            for key in self._keys[mode]:
                key.setFixedHeight(height)
                key.setMinimumWidth(px(size, 72))
                if mode is KeyboardMode.PHONE:
                    key.setMaximumWidth(16777215)  # the pad's own width bounds its keys
                else:
                    key.setMaximumWidth(round(px(size, KEY_MAX_WIDTH) * key.spec.width + gap * (key.spec.width - 1)))
            if mode is KeyboardMode.PHONE:
                page.setFixedWidth(min(px(size, PHONE_PAD_MAX_WIDTH), size.width() - 2 * gap))
            page.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._align_pages()

    def _align_pages(self) -> None:
        # Letter layouts use the full width; the phone pad stays compact and centred.
        for mode, page in self._pages.items():
            alignment = Qt.AlignmentFlag.AlignHCenter if mode is KeyboardMode.PHONE else Qt.AlignmentFlag(0)
            self._outer.setAlignment(page, alignment)

    # -- state ----------------------------------------------------------------------------
    def target(self) -> QLineEdit | None:
        return self._target

    def mode(self) -> KeyboardMode:
        return self._mode

    def set_target(self, target: QLineEdit | None, mode: KeyboardMode = KeyboardMode.TEXT) -> None:
        self._target = target
        if mode is not self._mode:
            self._pages[self._mode].setVisible(False)
            self._mode = mode
            self._pages[mode].setVisible(True)
        self._set_shift(False)
        self._set_caps(False)

    def key_buttons(self, mode: KeyboardMode | None = None) -> list[KeyButton]:
        """The keys of ``mode`` (default: the layout on screen)."""
        return list(self._keys[mode or self._mode])

    def key_for(self, text: str, mode: KeyboardMode | None = None) -> KeyButton:
        """The character key that types ``text`` (its lower-case form), for tests and harnesses."""
        for key in self._keys[mode or self._mode]:
            if key.spec.action in (KeyAction.CHAR, KeyAction.TEXT) and key.spec.text == text:
                return key
        raise KeyError(text)

    def action_key(self, action: KeyAction, mode: KeyboardMode | None = None) -> KeyButton:
        return next(k for k in self._keys[mode or self._mode] if k.spec.action is action)

    def reset(self) -> None:
        """Forget the field and the shift state, back to letters (the next patient's start)."""
        self.set_target(None, KeyboardMode.TEXT)

    @property
    def upper(self) -> bool:
        return self._shift != self._caps

    def _set_shift(self, on: bool) -> None:
        self._shift = on
        for key in self._keys[KeyboardMode.TEXT] + self._keys[KeyboardMode.EMAIL]:
            if key.spec.action is KeyAction.SHIFT:
                key.setChecked(on)
        self._update_labels()

    def _set_caps(self, on: bool) -> None:
        self._caps = on
        for key in self._keys[KeyboardMode.TEXT]:
            if key.spec.action is KeyAction.CAPS:
                key.setChecked(on)
        self._update_labels()

    # -- typing ---------------------------------------------------------------------------
    def _press(self, key: KeyButton) -> None:
        action = key.spec.action
        if action is KeyAction.SHIFT:
            self._set_shift(not self._shift)
            return
        if action is KeyAction.CAPS:
            self._set_caps(not self._caps)
            self._set_shift(False)
            return
        if action is KeyAction.NEXT:
            self.nextRequested.emit()
            return
        if action is KeyAction.DONE:
            self.doneRequested.emit()
            return
        target = self._target
        if target is None or not target.isEnabled() or target.isReadOnly():
            return
        if action is KeyAction.BACKSPACE:
            target.backspace()
        elif action is KeyAction.SPACE:
            target.insert(" ")
        elif action is KeyAction.TEXT:
            target.insert(key.spec.text)
        else:
            target.insert(key.spec.text.upper() if self.upper else key.spec.text)
            if self._shift:
                self._set_shift(False)  # shift is for one letter; caps stays on

    # -- labels ---------------------------------------------------------------------------
    def _update_labels(self) -> None:
        for keys in self._keys.values():
            for key in keys:
                if key.spec.action is KeyAction.CHAR:
                    key.setText(key.spec.text.upper() if self.upper else key.spec.text)

    def retranslate(self) -> None:
        labels = {
            KeyAction.SPACE: (self.tr("space"), self.tr("Space"), self.tr("Types a space")),
            KeyAction.BACKSPACE: ("⌫", self.tr("Delete"), self.tr("Deletes the letter before the cursor")),
            KeyAction.SHIFT: ("⇧", self.tr("Shift"), self.tr("Types the next letter in upper case")),
            KeyAction.CAPS: ("⇪", self.tr("Caps lock"), self.tr("Types every letter in upper case until tapped again")),
            KeyAction.NEXT: (self.tr("Next"), self.tr("Next field"), self.tr("Moves to the next field")),
            KeyAction.DONE: (self.tr("Done"), self.tr("Done typing"), self.tr("Hides the keyboard")),
        }
        for keys in self._keys.values():
            for key in keys:
                action = key.spec.action
                if action in labels:
                    text, name, description = labels[action]
                    key.setText(text)
                    describe(key, name, description)
                else:
                    describe(key, key.spec.text, self.tr("Types %1").replace("%1", key.spec.text))
                    if action is KeyAction.TEXT:
                        key.setText(key.spec.text)
        self._update_labels()
