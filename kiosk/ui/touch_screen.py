"""What every touch screen shares: its size, its texts and its look follow one path each.

- Sizes are written in pixels for :data:`kiosk.ui.scale.REFERENCE_SIZE` (1920x1080) and
  scaled with ``kiosk.ui.scale``; :meth:`TouchScreen.screen_size` is the size to scale for,
  and :meth:`TouchScreen.apply_metrics` runs on every resize.
- Texts are set in ``retranslate()``: once when the screen is built, then on every
  ``LanguageChange`` event, never from a signal. Qt sends one when translators are installed
  or removed; the shell sends one through the window as soon as the session changes language
  (``KioskShell``), so no frame shows the old language.
- The look (larger text, high contrast) changes in :meth:`TouchScreen.restyle`, which runs
  when the session's text size or contrast changes.
- Widgets are named for assistive technology with :func:`kiosk.ui.accessibility.describe`.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.scale import REFERENCE_SIZE
from kiosk.ui.session import Session


def laid_out_size(widget: QWidget) -> QSize:
    """``widget``'s size once it has one, else its monitor's, else the reference size."""
    size = widget.size()
    if size.width() > 1 and size.height() > 1:
        return size
    screen = widget.screen()
    return screen.size() if screen is not None else QSize(REFERENCE_SIZE)


@runtime_checkable
class TakesFocus(Protocol):
    def take_focus(self) -> None:
        """Put the keyboard focus (and so a screen reader's attention) where this screen starts."""


class TouchPart(QWidget):
    """A widget whose texts follow the language: :meth:`retranslate` on every LanguageChange."""

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        """Set every text this widget shows (through ``tr``)."""


class TouchScreen(TouchPart):
    """A full-window touch screen in the shell's stack."""

    def __init__(self, name: str, *, session: Session | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        if session is not None:
            session.largeTextChanged.connect(self._on_look_changed)
            session.highContrastChanged.connect(self._on_look_changed)

    def screen_size(self) -> QSize:
        """The size this screen lays itself out for."""
        return laid_out_size(self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.apply_metrics()

    def apply_metrics(self) -> None:
        """Margins, gaps and control sizes for :meth:`screen_size` (runs on every resize)."""

    def restyle(self) -> None:
        """Follow the session's text size and contrast."""

    def first_focus(self) -> QWidget | None:
        """Where this screen's focus starts when it is shown (None: the screen itself)."""
        return None

    def take_focus(self) -> None:
        target = self.first_focus()
        if target is None:
            if self.focusPolicy() == Qt.FocusPolicy.NoFocus:
                self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            target = self
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_look_changed(self, _on: bool) -> None:
        self.restyle()
