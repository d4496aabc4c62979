"""One topic's slides at the patient's pace: swipe or previous/next, "2 / 5", read aloud,
"Request more information about this", and back to the menu.

Slides are drawn by the real slide renderer as wide as the slide area, in the session's
language and text size, in a worker thread. In larger text a long slide (an exercise with its
caution, in portrait) comes out taller than the area rather than cut with "…"; the patient
drags it up and down with a finger, and a scroll bar and a fade at the bottom show there is
more. A render takes 25-110 ms (up to 0.5 s in large text, bench/README.md), too long for
the GUI thread, so the render service does it (kiosk/ui/render/service.py); moving on drops
renders of slides no longer current or next to it. Buttons, position and swipes react at
once; the slide appears when ready (the picture of the same slide in the previous language
or text size stays up meanwhile). The neighbours are prepared right after, so "Next" and
swipes usually find their slide ready.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEvent, QEventLoop, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPixmap, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.core.clock import Clock
from kiosk.core.model import Deck, Slide
from kiosk.ui.accessibility import SCOPE_PROPERTY, describe
from kiosk.ui.assistive.slide_reader import SlideReader
from kiosk.ui.menu.touch import Debouncer, SwipeDetector, on_tap
from kiosk.ui.notices.banner_view import NoticeBannerView
from kiosk.ui.notices.board import NoticeBoard
from kiosk.ui.render.service import Priority, RenderResult, RenderService, RenderSpec, RenderTicket
from kiosk.ui.render.slide_parts import SlidePart, slide_parts
from kiosk.ui.render.slide_renderer import HIGH_CONTRAST
from kiosk.ui.render.text_regions import NO_REGIONS, TextRegions, read_regions
from kiosk.ui.scale import min_gap, px
from kiosk.ui.scroll_cue import paint_more_below
from kiosk.ui.session import Session
from kiosk.ui.speech import Speaker, locale_for, slide_text
from kiosk.ui.touch_screen import TouchScreen

# The slide on screen, its neighbours and a few just left ...
CACHE_SIZE = 6
# ... but no more pixels than this many slide areas (tall large-text slides are ~10 MB each).
CACHE_VIEWS = 8
# Shorter horizontal moves than this (at 1920x1080) are taps or jitter, not swipes.
SWIPE_THRESHOLD = 120

CacheKey = tuple[str, str, int, int, str, bool, bool]


@dataclass(frozen=True)
class Prepared:
    """A slide drawn for the view, and where its words are (for screen readers)."""

    pixmap: QPixmap
    regions: TextRegions


log = logging.getLogger(__name__)


class SlideView(QWidget):
    """Paints one prepared slide pixmap, scrolled by ``offset`` when it is taller than the
    view; the swipe and drag surface. A screen reader finds the slide's words where they are
    drawn (kiosk/ui/assistive/slide_reader.py)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pixmap: QPixmap | None = None
        self.message = ""
        #: How far the slide is scrolled up, in view pixels.
        self.offset = 0
        self.accent = QColor("#0d5f67")
        self._drag_origin: int | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.reader = SlideReader(self)
        self._parts: tuple[SlidePart, ...] = ()
        self._regions: TextRegions = NO_REGIONS

    def set_pixmap(
        self,
        pixmap: QPixmap | None,
        *,
        keep_offset: bool = False,
        parts: tuple[SlidePart, ...] = (),
        regions: TextRegions = NO_REGIONS,
    ) -> None:
        """Show ``pixmap``, whose words are ``parts`` drawn at ``regions``."""
        self.pixmap = pixmap
        self._parts, self._regions = (parts, regions) if pixmap is not None else ((), NO_REGIONS)
        self.offset = min(self.offset, self.max_offset()) if keep_offset else 0
        self._read_out()
        self.update()

    def _read_out(self) -> None:
        pixmap = self.pixmap
        if pixmap is None or pixmap.isNull() or not self._parts:
            self.reader.clear()
            return
        scale = self.width() / max(1, pixmap.width())
        self.reader.show(self._parts, self._regions, scale_x=scale, scale_y=scale, offset_y=self.offset)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._read_out()

    def content_height(self) -> int:
        """The slide's height as painted (as wide as the view)."""
        if self.pixmap is None or self.pixmap.isNull() or self.pixmap.width() == 0:
            return 0
        return round(self.pixmap.height() * self.width() / self.pixmap.width())

    def max_offset(self) -> int:
        return max(0, self.content_height() - self.height())

    def scroll_to(self, offset: float) -> None:
        offset = max(0, min(self.max_offset(), round(offset)))
        if offset != self.offset:
            self.offset = offset
            self._read_out()
            self.update()

    # A drag scrolls only when it is mostly vertical: a horizontal one is a swipe.
    def begin_drag(self) -> None:
        self._drag_origin = self.offset

    def drag(self, dx: float, dy: float) -> None:
        if self._drag_origin is not None and abs(dy) > abs(dx):
            self.scroll_to(self._drag_origin - dy)

    def wheelEvent(self, event: QWheelEvent) -> None:
        step = self.height() / 6  # a sixth of the view per wheel notch
        self.scroll_to(self.offset - event.angleDelta().y() / 120 * step)
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            if self.pixmap is not None and not self.pixmap.isNull():
                height = self.content_height()
                if height < self.height():
                    painter.fillRect(self.rect(), self.palette().window())
                target = QRectF(0, -self.offset, self.width(), height)
                painter.drawPixmap(target, self.pixmap, QRectF(self.pixmap.rect()))
                if self.max_offset() > 0:
                    self._paint_scroll_cues(painter)
            else:
                painter.fillRect(self.rect(), self.palette().window())
                if self.message:
                    painter.setPen(self.palette().windowText().color())
                    painter.drawText(
                        self.rect(), int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self.message
                    )
        finally:
            painter.end()

    def _paint_scroll_cues(self, painter: QPainter) -> None:
        """A scroll bar on the right, and while there is more below, a fade and a down arrow:
        a patient sees the slide goes on without knowing what a scroll bar is."""
        unit = min(self.width(), self.height()) / 1080
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        width, margin = 12 * unit, 10 * unit
        track = self.height() - 2 * margin
        thumb = max(48 * unit, track * self.height() / self.content_height())
        top = margin + (track - thumb) * self.offset / self.max_offset()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.accent)
        painter.drawRoundedRect(QRectF(self.width() - width - margin, top, width, thumb), width / 2, width / 2)
        if self.offset < self.max_offset():
            background = QColor(self.palette().window().color())
            screen = self.window().size()
            paint_more_below(
                painter, QRectF(self.rect()), background, self.accent, min(screen.width(), screen.height()) / 1080
            )


class BrowseScreen(TouchScreen):
    backToMenu = Signal()
    requestAbout = Signal(str)  # topic id
    # index (0-based), count: the slide on screen changed
    positionChanged = Signal(int, int)

    def __init__(
        self,
        session: Session,
        deck: Deck,
        clock: Clock,
        *,
        service: RenderService,
        speaker: Speaker | None = None,
        debouncer: Debouncer | None = None,
        notices: NoticeBoard | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("browseScreen", session=session, parent=parent)
        self.setProperty(SCOPE_PROPERTY, "true")
        self._session = session
        self._clock = clock
        self._service = service
        self._deck = deck
        self._speaker = speaker
        self._notices = notices
        self._drawn_look = (session.large_text, session.high_contrast)
        self._debounce = debouncer if debouncer is not None else Debouncer()
        self._topic_id: str | None = None
        self._slides: tuple[Slide, ...] = ()
        self._index = 0
        self._cache: OrderedDict[CacheKey, Prepared] = OrderedDict()
        #: Renders asked for and not back yet.
        self._pending: dict[CacheKey, RenderTicket] = {}
        self._stopped = False
        # the frame the view should show now; None when nothing is wanted
        self._wanted: CacheKey | None = None
        self._shown: CacheKey | None = None
        # slide id -> why it could not be drawn
        self.render_errors: dict[str, str] = {}

        self._build_view()
        self._build_banner()
        self._build_controls()
        self._lay_out()
        session.languageChanged.connect(self._on_display_changed)
        session.resetRequested.connect(self.clear)
        self.retranslate()
        self._apply_metrics()

    # -- building ------------------------------------------------------------------------------
    def _build_view(self) -> None:
        """The slide, which a finger swipes to the next one or drags up and down."""
        self.view = SlideView(self)
        self.swipe = SwipeDetector(SWIPE_THRESHOLD, self)
        self.view.installEventFilter(self.swipe)
        self.swipe.swiped.connect(self._on_swipe)
        self.swipe.pressed.connect(self.view.begin_drag)
        self.swipe.dragged.connect(self.view.drag)

    def _build_banner(self) -> None:
        """The notices banner, between the slide and the controls (never over the slide)."""
        self.banner = NoticeBannerView(self._notices, self._deck.clinic.theme, language=self._session.language)
        self.banner.hide()
        if self._notices is not None:
            self._notices.changed.connect(self._place_banner)

    def _build_controls(self) -> None:
        """Previous / position / next, then the topic's actions; each acts once per double tap."""
        self.previous_button = QPushButton(self)
        self.next_button = QPushButton(self)
        self.position_label = QLabel(self)
        self.position_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.menu_button = QPushButton(self)
        self.read_button = QPushButton(self)
        self.request_button = QPushButton(self)
        for button in (self.previous_button, self.next_button, self.menu_button, self.read_button, self.request_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.read_button.setVisible(self._speaker is not None)
        on_tap(self.previous_button, self._debounce, lambda: self.step(-1))
        on_tap(self.next_button, self._debounce, lambda: self.step(1))
        on_tap(self.menu_button, self._debounce, self.backToMenu.emit)
        on_tap(self.read_button, self._debounce, self.read_aloud)
        on_tap(self.request_button, self._debounce, self._on_request)

    def _lay_out(self) -> None:
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button, 1)
        nav.addWidget(self.position_label, 1)
        nav.addWidget(self.next_button, 1)
        actions = QGridLayout()
        self._bar = QVBoxLayout()
        self._bar.addLayout(nav)
        self._bar.addLayout(actions)
        self._nav, self._actions = nav, actions
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.view, 1)
        outer.addWidget(self.banner)
        outer.addLayout(self._bar)

    # -- state ---------------------------------------------------------------------------------
    @property
    def topic_id(self) -> str | None:
        return self._topic_id

    @property
    def index(self) -> int:
        return self._index

    @property
    def slides(self) -> tuple[Slide, ...]:
        return self._slides

    @property
    def current_slide(self) -> Slide | None:
        return self._slides[self._index] if self._slides else None

    def position_text(self) -> str:
        return f"{self._index + 1} / {len(self._slides)}" if self._slides else ""

    # -- control -------------------------------------------------------------------------------
    def set_deck(self, deck: Deck) -> None:
        """New content: later renders use it; an open topic re-reads its slides."""
        self._deck = deck
        self._cancel_pending()
        self._cache.clear()
        self._place_banner()
        if self._topic_id is not None:
            current = self.current_slide
            self._slides = deck.for_topic(self._topic_id, self._clock.now())
            ids = [s.id for s in self._slides]
            self._index = ids.index(current.id) if current is not None and current.id in ids else 0
            self._show()

    def open(self, topic_id: str) -> None:
        self._stop_speech()
        self._place_banner()
        self._topic_id = topic_id
        self._slides = self._deck.for_topic(topic_id, self._clock.now())
        self._index = 0
        self._show()
        if self.isVisible():
            self.take_focus()  # the shell shows the screen before the topic is open

    def step(self, delta: int) -> None:
        if not self._slides:
            return
        index = max(0, min(len(self._slides) - 1, self._index + delta))
        if index != self._index:
            self._stop_speech()
            self._index = index
            self._show()

    def clear(self) -> None:
        """A new patient: no topic, no slide, nothing being read."""
        self._stop_speech()
        self._topic_id = None
        self._slides = ()
        self._index = 0
        self.view.message = ""
        self.view.set_pixmap(None)
        self._wanted = self._shown = None
        self._cancel_pending()
        self._cache.clear()
        self._update_controls()

    def read_aloud(self) -> None:
        slide = self.current_slide
        if self._speaker is None or slide is None:
            return
        self._speaker.stop()
        self._speaker.setLocale(locale_for(self._session.language))
        self._speaker.say(
            "\n".join([*self.notices_spoken(), slide_text(slide, self._deck.clinic, self._session.language)])
        )

    def notices_spoken(self) -> list[str]:
        """The notices showing now, as read aloud before the slide."""
        if self._notices is None:
            return []
        language = self._session.language
        return [
            (self.tr("Important notice: %1") if n.important else self.tr("Notice: %1")).replace(
                "%1", self._notices.text(n, language)
            )
            for n in self._notices.showing()
        ]

    def _stop_speech(self) -> None:
        if self._speaker is not None:
            self._speaker.stop()

    def _on_swipe(self, direction: int) -> None:
        # Finger moves left: the next slide comes in from the right.
        if self._debounce.allow():
            self.step(-direction)

    def _on_request(self) -> None:
        if self._topic_id is not None:
            self.requestAbout.emit(self._topic_id)

    def restyle(self) -> None:
        # Larger text and high contrast draw the slides anew (high contrast as the slideshow's
        # renderer draws it, so the slide matches the bar under it); the notices banner follows.
        if (self._session.large_text, self._session.high_contrast) != self._drawn_look:
            self._on_display_changed()
        else:
            self._place_banner()

    def _on_display_changed(self, *_args: object) -> None:
        self._drawn_look = (self._session.large_text, self._session.high_contrast)
        # Pictures in the old language or size are of no more use (bounded memory).
        self._cache = OrderedDict((k, v) for k, v in self._cache.items() if k == self._shown)
        self._apply_metrics()
        self._place_banner()
        if self._slides:
            self._show()

    # -- rendering -----------------------------------------------------------------------------
    def slide_size(self) -> QSize:
        """The slide area: the whole screen above the control bar."""
        size = self.size()
        bar = self._bar.sizeHint().height() + (self.banner.height() if not self.banner.isHidden() else 0)
        return QSize(size.width(), max(240, size.height() - bar))

    def _key(self, slide: Slide, size: QSize) -> CacheKey:
        return (
            self._deck.version,
            slide.id,
            size.width(),
            size.height(),
            self._session.language,
            self._session.large_text,
            self._session.high_contrast,
        )

    def _remember(self, key: CacheKey, prepared: Prepared) -> None:
        self._cache[key] = prepared
        self._cache.move_to_end(key)
        budget = CACHE_VIEWS * key[2] * key[3]
        while len(self._cache) > 1 and (
            len(self._cache) > CACHE_SIZE
            or sum(p.pixmap.width() * p.pixmap.height() for p in self._cache.values()) > budget
        ):
            self._cache.popitem(last=False)

    def _request(self, slide: Slide, size: QSize, *, urgent: bool) -> CacheKey:
        key = self._key(slide, size)
        if key not in self._cache and key not in self._pending and not self._stopped:
            spec = RenderSpec.of(
                self._deck,
                slide,
                size,
                self._session.language,
                large_text=self._session.large_text,
                high_contrast=self._session.high_contrast,
                scrolled=True,
                at=self._clock.now(),
            )
            # The slide the patient waits for goes ahead of queued neighbours.
            priority = Priority.SHOWN if urgent else Priority.NEXT
            self._pending[key] = self._service.request(
                spec, partial(self._on_result, key), priority=priority, owner=self
            )
        return key

    def _prefetch(self, size: QSize) -> None:
        for neighbour in (self._index + 1, self._index - 1):
            if 0 <= neighbour < len(self._slides):
                self._request(self._slides[neighbour], size, urgent=False)

    def _supersede(self, wanted: CacheKey) -> None:
        """The patient moved on: renders of slides no longer current or next to it are dropped."""
        size = QSize(wanted[2], wanted[3])
        near = {
            self._key(self._slides[i], size)
            for i in (self._index - 1, self._index, self._index + 1)
            if 0 <= i < len(self._slides)
        }
        for key in [k for k in self._pending if k not in near]:
            self._pending.pop(key).cancel()

    def _cancel_pending(self) -> None:
        for ticket in self._pending.values():
            ticket.cancel()
        self._pending.clear()

    def _on_result(self, key: CacheKey, result: RenderResult) -> None:
        if self._pending.pop(key, None) is None:
            return  # superseded, or the patient has gone
        if result.image is None:
            self._on_failed(key, result.error if result.expected else result.error.strip().splitlines()[-1])
            return
        if key[0] != self._deck.version or not self._slides:
            return  # an old deck's, or the patient has gone
        self._remember(key, Prepared(QPixmap.fromImage(result.image), read_regions(result.image)))
        if key == self._wanted:
            self._display(key)

    def _on_failed(self, key: CacheKey, message: str) -> None:
        self.render_errors[key[1]] = message
        log.warning("browse: slide %s cannot be shown: %s", key[1], message)
        if key == self._wanted:
            self._shown = None
            self.view.message = self.tr("This slide cannot be shown.")
            self.view.set_pixmap(None)

    def _display(self, key: CacheKey) -> None:
        self._cache.move_to_end(key)
        # The same slide again (new language or text size) keeps its place; another starts at the top.
        same_slide = self._shown is not None and self._shown[1] == key[1]
        self.view.message = ""
        prepared = self._cache[key]
        slide = self.current_slide
        parts = slide_parts(slide, self._deck.clinic, key[4]) if slide is not None and slide.id == key[1] else ()
        self.view.set_pixmap(prepared.pixmap, keep_offset=same_slide, parts=parts, regions=prepared.regions)
        self._shown = key
        self._prefetch(QSize(key[2], key[3]))

    @property
    def ready(self) -> bool:
        """The slide on screen is the current one, in the current language and size."""
        return self._wanted is not None and self._shown == self._wanted

    def _show(self) -> None:
        self._update_controls()
        slide = self.current_slide
        if slide is None or self.size().isEmpty():
            self._wanted = self._shown = None
            self.view.set_pixmap(None)
            return
        layout = self.layout()
        if layout is not None:
            layout.activate()
        size = self.view.size() if self.view.height() >= 240 else self.slide_size()
        self._wanted = self._request(slide, size, urgent=True)
        self._supersede(self._wanted)
        log.info("browse: %s %d / %d", self._topic_id, self._index + 1, len(self._slides))
        self.positionChanged.emit(self._index, len(self._slides))
        if self._wanted in self._cache:
            self._display(self._wanted)
        elif self._shown is None or self._shown[1] != slide.id:
            # Another slide's picture must not stay up; the same slide in the old language may.
            self.view.message = ""
            self.view.set_pixmap(None)
            self._shown = None

    def wait_idle(self, msecs: int = -1) -> bool:
        """Run the event loop until every render asked for is back (tests, benchmarks)."""
        deadline = QDeadlineTimer(msecs)
        while self._pending and not deadline.hasExpired():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        return not self._pending

    def stop(self) -> None:
        """For good (shutdown): no new renders; the ones asked for are dropped."""
        self._stopped = True
        self._cancel_pending()

    # -- texts and sizes -----------------------------------------------------------------------
    def first_focus(self) -> QWidget | None:
        """ "Next" while there is a next slide (a screen reader reads the slide above it), else
        the way back to all topics."""
        return self.next_button if self.next_button.isEnabled() else self.menu_button

    def _update_controls(self) -> None:
        count = len(self._slides)
        self.previous_button.setEnabled(self._index > 0)
        self.next_button.setEnabled(self._index < count - 1)
        self.position_label.setText(self.position_text())
        describe(
            self.position_label,
            self.tr("Slide %1 of %2").replace("%1", str(self._index + 1)).replace("%2", str(count)) if count else "",
        )

    def retranslate(self) -> None:
        self.previous_button.setText(self.tr("‹ Previous"))
        describe(self.previous_button, self.tr("Previous"), self.tr("Shows the previous slide of this topic."))
        self.next_button.setText(self.tr("Next ›"))
        describe(self.next_button, self.tr("Next"), self.tr("Shows the next slide of this topic."))
        self.menu_button.setText(self.tr("All topics"))
        describe(self.menu_button, self.tr("All topics"), self.tr("Back to the menu with all topics."))
        self.read_button.setText(self.tr("Read aloud"))
        describe(self.read_button, self.tr("Read aloud"), self.tr("Reads this slide out loud."))
        self.request_button.setText(self.tr("Request more information about this"))
        if hasattr(self, "_bar"):
            self._apply_metrics()
        describe(
            self.request_button,
            self.tr("Request more information about this"),
            self.tr("Leave your contact details and the clinic will contact you about this topic."),
        )
        self._update_controls()

    def _place_banner(self) -> None:
        """Show the banner while notices show, as tall as the board says at this screen's size,
        language and text size; the slide gets the height that is left and is drawn for it."""
        board = self._notices
        size = self.screen_size()
        height = board.reserve(size, self._session.language, large_text=self._session.large_text) if board else 0
        self.banner.set_language(self._session.language)
        self.banner.set_look(
            screen=size,
            theme=self._deck.clinic.theme,
            large_text=self._session.large_text,
            high_contrast=self._session.high_contrast,
        )
        visible = height > 0
        changed = visible == self.banner.isHidden() or (visible and self.banner.height() != height)
        if visible:
            self.banner.setFixedHeight(height)
        self.banner.setVisible(visible)
        if changed and self._slides:
            layout = self.layout()
            if layout is not None:
                layout.activate()
            self._show()

    def _apply_metrics(self) -> None:
        size = self.screen_size()
        margin, gap = px(size, 24), max(min_gap(size), px(size, 16))
        self._bar.setContentsMargins(margin, gap, margin, margin)
        self._bar.setSpacing(gap)
        self._nav.setSpacing(gap)
        self._actions.setSpacing(gap)
        self._arrange_actions(size.width() - 2 * margin, gap)
        self.swipe.set_threshold(px(size, SWIPE_THRESHOLD))
        theme = HIGH_CONTRAST if self._session.high_contrast else self._deck.clinic.theme
        palette = self.view.palette()
        palette.setColor(self.view.backgroundRole(), QColor(theme.background))
        palette.setColor(self.view.foregroundRole(), QColor(theme.text))
        self.view.setPalette(palette)
        self.view.accent = QColor(theme.primary)

    def _arrange_actions(self, width: int, gap: int) -> None:
        """One row when the buttons fit side by side, else the request button on its own row."""
        small = [b for b in (self.menu_button, self.read_button) if not b.isHidden()]
        needed = sum(b.sizeHint().width() for b in [*small, self.request_button]) + gap * len(small)
        for button in (self.menu_button, self.read_button, self.request_button):
            self._actions.removeWidget(button)
        for column in range(3):
            self._actions.setColumnStretch(column, 0)
        if needed <= width:
            for column, button in enumerate(small):
                self._actions.addWidget(button, 0, column)
            self._actions.addWidget(self.request_button, 0, len(small))
            self._actions.setColumnStretch(len(small), 1)
        else:
            for column, button in enumerate(small):
                self._actions.addWidget(button, 0, column)
                self._actions.setColumnStretch(column, 1)
            self._actions.addWidget(self.request_button, 1, 0, 1, max(1, len(small)))

    def event(self, event: QEvent) -> bool:
        # Larger text changes the buttons' widths: arrange them again (a new language does too:
        # retranslate() arranges them).
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._apply_metrics()
        return super().event(event)

    def apply_metrics(self) -> None:
        self._apply_metrics()
        self._place_banner()
        if self._slides:
            self._show()
