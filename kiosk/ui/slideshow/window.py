"""The full-screen slideshow window: paints prepared frames, transitions and the progress footer.

Painting only ever draws finished pixmaps (the next slide is rendered before its transition
starts), so there is no black, blank or half-drawn frame. A 16 ms precise timer runs only
while a transition runs; otherwise the only timer is the once-a-second progress footer,
which repaints just its own strip.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Sequence

from PySide6.QtCore import QEasingCurve, QElapsedTimer, QEvent, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QColor,
    QFont,
    QFontMetrics,
    QHideEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QWidget

from kiosk.ui.accessibility import describe
from kiosk.ui.assistive.marks import AccessibleAction, set_role
from kiosk.ui.assistive.slide_reader import COUNTER, SlideReader
from kiosk.ui.notices.banner_view import NoticeBannerView
from kiosk.ui.render.fonts import load_family
from kiosk.ui.render.layout import Metrics, banner_rect, footer_rect
from kiosk.ui.render.slide_parts import SlidePart, slide_parts, welcome_parts
from kiosk.ui.slideshow.player import Player

FRAME_INTERVAL_MS = 16
PROGRESS_INTERVAL_MS = 1000


def footer_strip(size: QSize) -> QRect:
    """Where the progress indicator goes: the strip the renderer leaves free for it."""
    return footer_rect(size)


class PlayerWindow(QWidget):
    """Shows what its ``Player`` says; reports when each frame is fully visible.

    To a screen reader it is the "Slideshow": the words of the slide on screen where they are
    drawn, "Slide 3 of 17", and an "Open the menu" action (what a tap anywhere does, and
    Enter or Space)."""

    # The first frame (a slide, or the welcome frame) has been painted.
    firstFramePainted = Signal()
    transitionFinished = Signal()
    # Asked to open the menu without a tap: a screen reader's action, Enter or Space.
    activated = Signal()

    def __init__(self, player: Player, parent: QWidget | None = None, *, frame_log_size: int = 0) -> None:
        super().__init__(parent)
        self._player = player
        theme = player.deck.clinic.theme
        self._background = QColor(theme.background)
        self._primary = QColor(theme.primary)
        self._family = load_family()
        self.setWindowTitle(player.deck.clinic.name)
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        # Everything is painted from opaque pixmaps: skip Qt's background erase (no flash).
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setObjectName("playerWindow")
        self.setStyleSheet(f"#playerWindow {{ background: {theme.background}; }}")

        self._current: QPixmap | None = None
        self._previous: QPixmap | None = None
        self._kind = "none"
        self._progress = 0.0
        self._easing = QEasingCurve(QEasingCurve.Type.InOutCubic)
        self._clock = QElapsedTimer()
        self._frame_timer = QTimer(self)
        self._frame_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._frame_timer.setInterval(FRAME_INTERVAL_MS)
        self._frame_timer.timeout.connect(self._on_frame_tick)
        self._first_painted = False
        self._pending_visible = False
        # (transition number, perf_counter) of frames painted during transitions, for benchmarks
        self.frame_log: deque[tuple[int, float]] | None = deque(maxlen=frame_log_size) if frame_log_size else None
        self.transitions_done = 0

        self._index = 0
        self._count = 0
        self._duration_s = 0.0
        self._slide_clock = QElapsedTimer()
        self._progress_timer = QTimer(self)
        self._progress_timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._progress_timer.setInterval(PROGRESS_INTERVAL_MS)
        self._progress_timer.timeout.connect(self._on_progress_tick)

        # Focusable, so a screen reader starts here and a keyboard can open the menu.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        set_role(self, QAccessible.Role.Pane)
        self.reader = SlideReader(self)
        player.frameChanged.connect(self._on_frame_changed)
        player.progressChanged.connect(self._on_progress_changed)
        #: The notices banner, in the room the frame on screen keeps for it (a label child:
        #: assistive technology reads it). None when the kiosk has no notices board.
        self.banner: NoticeBannerView | None = None
        if player.notices is not None:
            self.banner = NoticeBannerView(player.notices, theme, language=player.language, parent=self)
            self.banner.hide()
            player.notices.turned.connect(self._place_banner)
        self.retranslate()

    # -- state read by tests and the self-test ----------------------------------------------
    @property
    def player(self) -> Player:
        return self._player

    @property
    def transitioning(self) -> bool:
        return self._frame_timer.isActive()

    @property
    def current_pixmap(self) -> QPixmap | None:
        return self._current

    @property
    def position(self) -> tuple[int, int]:
        """(the slide's number from 1, how many slides), as "3 / 12" shows; 0 while none."""
        return self._index, self._count

    def footer(self) -> QRect:
        return footer_strip(self.size())

    # -- reacting to the player -------------------------------------------------------------
    def _on_frame_changed(self, pixmap: QPixmap, kind: str, _slide_id: str) -> None:
        self._read_out(pixmap)
        if self._frame_timer.isActive():
            self._finish_transition(notify=False)  # a new frame overtakes: snap, no flash
        self._previous = self._current
        self._current = pixmap
        self._place_banner()
        self._pending_visible = True
        if kind == "none" or self._previous is None or self._player.timing.transition_ms <= 0:
            self._kind = "none"
            self._previous = None
            self.update()
            # Tell the player once this paint has been queued, not from inside its signal.
            QTimer.singleShot(0, self._notify_visible)
            return
        self._kind = kind
        self._progress = 0.0
        self._clock.start()
        self._frame_timer.start()
        self.update()

    def _place_banner(self) -> None:
        """The banner over the strip the frame on screen keeps for it; hidden when it keeps
        none (the banner never covers a slide laid out without room for it)."""
        banner = self.banner
        if banner is None:
            return
        banner.set_language(self._player.language)
        banner.follow()
        height = self._player.current_banner
        shown = height > 0 and banner.content is not None and self._current is not None
        if shown:
            banner.set_look(screen=self.size(), theme=self._player.deck.clinic.theme)
            banner.setGeometry(banner_rect(self.size(), height))
        banner.setVisible(shown)

    def _on_progress_changed(self, index: int, count: int, duration_s: float) -> None:
        self._index, self._count, self._duration_s = index, count, duration_s
        self._read_out(self._current)
        self._slide_clock.start()
        if count > 0 and duration_s >= 2 * PROGRESS_INTERVAL_MS / 1000:
            self._progress_timer.start()
        else:
            self._progress_timer.stop()
        self.update(self.footer())

    def _on_progress_tick(self) -> None:
        if not self._frame_timer.isActive():
            self.update(self.footer())

    def _on_frame_tick(self) -> None:
        duration = max(1, self._player.timing.transition_ms)
        self._progress = min(1.0, self._clock.elapsed() / duration)
        if self._progress >= 1.0:
            self._finish_transition(notify=True)
        self.update()

    def _finish_transition(self, *, notify: bool) -> None:
        self._frame_timer.stop()
        self._progress = 1.0
        self._previous = None
        self._kind = "none"
        self.transitions_done += 1
        self.transitionFinished.emit()
        if notify:
            QTimer.singleShot(0, self._notify_visible)

    def _notify_visible(self) -> None:
        if self._pending_visible and not self._frame_timer.isActive():
            self._pending_visible = False
            self._player.frame_visible()

    # -- Qt events --------------------------------------------------------------------------
    def hideEvent(self, event: QHideEvent) -> None:
        # Covered by a touch screen: no footer ticks (no CPU) until shown again.
        super().hideEvent(event)
        self._progress_timer.stop()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._count > 0 and self._duration_s >= 2 * PROGRESS_INTERVAL_MS / 1000:
            self._progress_timer.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._player.set_size(event.size())
        self._place_banner()
        self._read_out(self._current)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    # -- what a screen reader finds ------------------------------------------------------------
    def retranslate(self) -> None:
        describe(self, self.tr("Slideshow"), self.tr("Tap anywhere on the screen to open the menu."))
        self._read_out(self._current)

    def take_focus(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def accessible_actions(self) -> Sequence[AccessibleAction]:
        return (
            AccessibleAction(
                self.tr("Open the menu"),
                self.tr("Shows the topics, the request form and the display settings."),
                self.activated.emit,
            ),
        )

    def counter_text(self) -> str:
        if self._count <= 0:
            return ""
        if self._index <= 0:
            return self.tr("%1 slides").replace("%1", str(self._count))
        return self.tr("Slide %1 of %2").replace("%1", str(self._index)).replace("%2", str(self._count))

    def _read_out(self, pixmap: QPixmap | None) -> None:
        """The words of the frame on screen, and the counter, for a screen reader."""
        player = self._player
        slide = player.current_slide
        if pixmap is None or pixmap.isNull():
            self.reader.clear()
            return
        if slide is not None:
            parts = slide_parts(slide, player.deck.clinic, player.language)
        else:
            parts = welcome_parts(player.deck.clinic)
        counter = self.counter_text()
        self.reader.show(
            parts,
            player.shown_regions,
            scale_x=self.width() / max(1, pixmap.width()),
            scale_y=self.height() / max(1, pixmap.height()),
            extra=[(SlidePart(COUNTER, counter), self._counter_rect())] if counter else (),
        )

    def _counter_font(self) -> QFont:
        font = QFont(self._family)
        font.setPixelSize(Metrics(self.size()).text_px(30))
        return font

    def _counter_label(self) -> str:
        return f"{self._index} / {self._count}" if self._index > 0 else f"{self._count}"

    def _counter_rect(self) -> QRectF:
        """Where "3 / 12" is drawn: at the right of the footer strip."""
        strip = self.footer()
        margin = Metrics(self.size()).margin
        width = QFontMetrics(self._counter_font()).horizontalAdvance(self._counter_label())
        return QRectF(strip.right() + 1 - margin - width, strip.top(), width, strip.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            target = QRectF(self.rect())
            if self._current is None:
                painter.fillRect(self.rect(), self._background)
                return
            if self._previous is not None and self._kind != "none":
                t = self._easing.valueForProgress(self._progress)
                if self._kind == "slide":
                    dx = target.width() * t
                    painter.drawPixmap(target.translated(-dx, 0), self._previous, QRectF(self._previous.rect()))
                    painter.drawPixmap(
                        target.translated(target.width() - dx, 0), self._current, QRectF(self._current.rect())
                    )
                else:
                    painter.drawPixmap(target, self._previous, QRectF(self._previous.rect()))
                    painter.setOpacity(t)
                    painter.drawPixmap(target, self._current, QRectF(self._current.rect()))
                    painter.setOpacity(1.0)
                if self.frame_log is not None:
                    self.frame_log.append((self.transitions_done, time.perf_counter()))
            else:
                painter.drawPixmap(target, self._current, QRectF(self._current.rect()))
            self._paint_progress(painter)
        finally:
            painter.end()
        if not self._first_painted and self._current is not None:
            self._first_painted = True
            self.firstFramePainted.emit()

    def _paint_progress(self, painter: QPainter) -> None:
        """A discreet time-left bar and "3 / 12", inside the footer strip and the slide margins."""
        if self._count <= 0:
            return
        strip = self.footer()
        if strip.isEmpty():
            return
        metrics = Metrics(self.size())
        margin = metrics.margin
        painter.setFont(self._counter_font())
        label = self._counter_label()
        text_box = self._counter_rect()
        painter.setPen(self._primary)
        painter.drawText(text_box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), label)

        left = 1.0
        if self._duration_s > 0 and not self._frame_timer.isActive():
            left = max(0.0, 1.0 - self._slide_clock.elapsed() / 1000 / self._duration_s)
        height = max(2.0, metrics.px(6))
        track = QRectF(
            strip.left() + margin,
            strip.center().y() - height / 2,
            max(0.0, text_box.left() - metrics.gutter / 2 - strip.left() - margin),
            height,
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        track_colour = QColor(self._primary)
        track_colour.setAlpha(45)
        painter.setBrush(track_colour)
        painter.drawRoundedRect(track, height / 2, height / 2)
        if left > 0:
            painter.setBrush(self._primary)
            painter.drawRoundedRect(
                QRectF(track.left(), track.top(), track.width() * left, height), height / 2, height / 2
            )
        painter.restore()
