"""The banner on screen: one notice drawn by :mod:`kiosk.ui.render.banner`, as a label so that
assistive technology reads it (its text and accessible name are the notice's words).

It follows a :class:`~kiosk.ui.notices.board.NoticeBoard` (the slideshow, the topic browser,
the admin screen's live banner), or shows a draft it is given (the admin screen's preview).
Its owner places and sizes it (the board says how tall); it repaints only when the notice,
its size or its look change, from a picture kept between paints.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from kiosk.core.model import Theme
from kiosk.core.notices.model import IMPORTANT
from kiosk.ui.notices.board import NoticeBoard
from kiosk.ui.render.banner import BannerLook, render_banner


class NoticeBannerView(QLabel):
    """``resized``: its size changed (a preview's owner sets the height its width needs)."""

    resized = Signal()

    def __init__(
        self,
        board: NoticeBoard | None,
        theme: Theme,
        *,
        language: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBanner")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        # The owner sizes it; its text must never widen the window.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(1)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self._board = board
        self._theme = theme
        self._language = language
        self._large_text = False
        self._high_contrast = False
        self._screen = QSize()
        # (text, level, position) shown, or None.
        self._content: tuple[str, str, tuple[int, int] | None] | None = None
        self._draft: tuple[str, str] | None = None
        self._cache: tuple[tuple[object, ...], QPixmap] | None = None
        # Paints done, for tests and the benchmark.
        self.paints = 0
        if board is not None:
            board.turned.connect(self.follow)
            board.changed.connect(self.follow)
        self.follow()

    # -- what it shows ---------------------------------------------------------------------------

    @property
    def content(self) -> tuple[str, str, tuple[int, int] | None] | None:
        """(text, level, (index from 1, count) or None) shown now; None: nothing to show."""
        return self._content

    def follow(self) -> None:
        """Show the board's notice of the moment (a draft shown with :meth:`show_draft` stays)."""
        if self._draft is not None:
            content: tuple[str, str, tuple[int, int] | None] | None = (*self._draft, None)
        elif self._board is not None and self._board.turn().notice is not None:
            turn = self._board.turn()
            assert turn.notice is not None
            position = (turn.index + 1, turn.count) if turn.count > 1 else None
            content = (self._board.text(turn.notice, self._language), turn.notice.level, position)
        else:
            content = None
        if content == self._content:
            return
        self._content = content
        self._describe()
        self.update()

    def show_draft(self, text: str, level: str) -> None:
        """Show this text instead of the board's (a preview of a notice being written)."""
        self._draft = (text, level)
        self.follow()

    def _describe(self) -> None:
        if self._content is None:
            self.setText("")
            self.setAccessibleName(self.tr("No notice"))
            return
        text, level, position = self._content
        self.setText(text)
        kind = self.tr("Important notice") if level == IMPORTANT else self.tr("Notice")
        if position is not None:
            kind = (
                self.tr("%1, %2 of %3")
                .replace("%1", kind)
                .replace("%2", str(position[0]))
                .replace("%3", str(position[1]))
            )
        self.setAccessibleName(f"{kind}: {text}")

    # -- look ------------------------------------------------------------------------------------

    def set_language(self, language: str) -> None:
        if language != self._language:
            self._language = language
            self._content = None  # re-read in the new language
            self.follow()

    def set_look(self, *, screen: QSize, theme: Theme, large_text: bool = False, high_contrast: bool = False) -> None:
        """The screen the banner's sizes follow (its unit), the clinic's colours and the look."""
        look = (QSize(screen), theme, large_text, high_contrast)
        if look != (self._screen, self._theme, self._large_text, self._high_contrast):
            self._screen, self._theme, self._large_text, self._high_contrast = look
            self.update()

    def look(self) -> BannerLook:
        screen = self._screen if not self._screen.isEmpty() else self.size()
        return BannerLook(screen, self._theme, self._large_text, self._high_contrast, width=self.width())

    def banner_picture(self) -> QPixmap | None:
        """The banner as drawn at the current size (None when there is nothing to show)."""
        if self._content is None or self.width() < 1 or self.height() < 1:
            return None
        text, level, position = self._content
        look = self.look()
        key = (text, level, position, self.width(), self.height(), look)
        if self._cache is None or self._cache[0] != key:
            image = render_banner(text, level, self.height(), look, position=position)
            self._cache = (key, QPixmap.fromImage(image))
        return self._cache[1]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            picture = self.banner_picture()
            if picture is not None:
                painter.drawPixmap(QRect(0, 0, self.width(), self.height()), picture)
                self.paints += 1
            else:
                painter.fillRect(self.rect(), self.palette().window())
        finally:
            painter.end()
