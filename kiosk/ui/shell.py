"""The one kiosk window: the slideshow and every touch screen in one stack, plus overlays.

A tap on the playing slideshow opens the menu and pauses the slideshow underneath. While any
touch screen is up, the idle monitor watches for input; when nobody has touched the screen
for the configured time, the "Are you still there?" overlay counts down and then everything
resets: ``go_home`` resets the session (every screen clears itself on ``resetRequested``) and
the slideshow carries on.

Screens are plain widgets in the stack (never separate windows or dialogs): other parts of
the kiosk add theirs with :meth:`KioskShell.add_screen`. Each screen change is logged as
``screen: <name>`` (the real-window test reads it).
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QApplication, QLayout, QStackedLayout, QWidget

from kiosk.core.clock import Clock
from kiosk.core.content_state import ContentState
from kiosk.core.model import Deck
from kiosk.core.problems import Problem
from kiosk.ui.accessibility import touch_stylesheet
from kiosk.ui.assistive import interfaces as assistive_interfaces
from kiosk.ui.collector import GuiThreadCollector
from kiosk.ui.i18n import Translations
from kiosk.ui.idle import IdleMonitor
from kiosk.ui.menu.browse_screen import BrowseScreen
from kiosk.ui.menu.idle_overlay import IdleOverlay
from kiosk.ui.menu.menu_screen import MenuScreen
from kiosk.ui.menu.placeholder_screen import UnavailableScreen
from kiosk.ui.menu.touch import Debouncer, TapFilter
from kiosk.ui.notices.board import NoticeBoard
from kiosk.ui.session import Session
from kiosk.ui.slideshow.player import Player
from kiosk.ui.slideshow.window import PlayerWindow
from kiosk.ui.speech import Speaker
from kiosk.ui.touch_screen import TakesFocus, laid_out_size

if TYPE_CHECKING:
    from concurrent.futures import Future

    from kiosk.core.stats.figures import Figures

    # Types only: these screens are imported when first built, after the first slide is up.
    from kiosk.ui.admin.admin_screen import AdminScreen
    from kiosk.ui.admin.gesture import AdminGesture
    from kiosk.ui.admin.pin_pad import PinPadScreen
    from kiosk.ui.request.form_screen import RequestScreen

log = logging.getLogger(__name__)

SLIDESHOW = "slideshow"
MENU = "menu"
BROWSE = "browse"
REQUEST = "request"
UNAVAILABLE = "unavailable"
PIN = "pin"
ADMIN = "admin"
# A tap may move this far (at 1920x1080) and still be a tap.
TAP_SLOP = 24


@dataclass(frozen=True)
class IdleSettings:
    """touch.idle_timeout and touch.idle_countdown, in seconds."""

    timeout: float = 45.0
    countdown: float = 20.0
    check_interval_ms: int = 250


@dataclass(frozen=True)
class StaffHooks:
    """What the admin actions reach beyond the window (all optional)."""

    reload_content: Callable[[], None] | None = None
    last_delivery_success: Callable[[], datetime | None] | None = None
    retry_delivery: Callable[[str | None], None] | None = None
    #: what plays and why, as the content library last recorded it (kiosk.core.content_state)
    content_state: Callable[[], ContentState | None] | None = None
    #: where published content comes from and how the last check went, in one line
    content_updates: Callable[[], str] | None = None
    #: called just before the kiosk quits from the admin screen (e.g. lift the lock-down)
    before_exit: Callable[[], None] | None = None
    #: the engagement figures for (since, until, time zone of the hours of the day), read off
    #: the GUI thread (kiosk.core.stats.writer.StatsWriter.figures); None when stats are off
    insights: Callable[[datetime, datetime, tzinfo], Future[Figures]] | None = None


class KioskShell(QWidget):
    """The kiosk's only top-level window."""

    # the name of the screen now on top
    screenChanged = Signal(str)
    # the slideshow's first frame was painted (start-up figures, screenshots)
    firstFramePainted = Signal()

    def __init__(
        self,
        player: Player,
        *,
        clock: Clock,
        session: Session | None = None,
        idle: IdleSettings = IdleSettings(),
        speaker: Speaker | None = None,
        hooks: StaffHooks = StaffHooks(),
        frame_log_size: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kioskShell")
        self.setWindowTitle(player.deck.clinic.name)
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        app = QApplication.instance()
        if app is not None:
            # What a screen reader is told about the screens (asked only while one is connected).
            assistive_interfaces.install(app)
        self._player = player
        self._clock = clock
        self.hooks = hooks
        self._staff_paused = False
        # One for every screen: a double tap is one action even across a screen change.
        self.debouncer = Debouncer()
        self.session = session if session is not None else Session(player.language)
        self._follow_the_language(player)
        self._stack = self._make_stack()
        self._screens: dict[str, QWidget] = {}
        self._current = SLIDESHOW
        # Screens and styles only a touch needs are set up right after the first slide is
        # painted, not before it: patients see the slideshow sooner (start-up budget 0.8 s).
        self._pending_setup: list[Callable[[], None]] = []
        self._setup_done = False
        self._add_slideshow(player, frame_log_size)
        self._add_patient_screens(player, clock, speaker)
        self.request_screen: RequestScreen | None = None
        # The staff screens are built the first time staff need them (install_admin).
        self._staff_factories: tuple[Callable[[], PinPadScreen], Callable[[], AdminScreen]] | None = None
        self._pin_pad: PinPadScreen | None = None
        self._admin_screen: AdminScreen | None = None
        player.deckApplied.connect(self._on_deck_applied)
        self._watch_for_idle(clock, idle)
        self.session.largeTextChanged.connect(self._restyle)
        self.session.highContrastChanged.connect(self._restyle)
        self._styled_for: tuple[int, int, bool, bool] | None = None
        self._restyle()
        # Garbage cycles are collected here on the GUI thread, never in a worker (collector.py).
        self.collector = GuiThreadCollector(self)
        self.collector.start()

    # -- building ------------------------------------------------------------------------------
    def _follow_the_language(self, player: Player) -> None:
        # The first connection to languageChanged: translators are in place and every screen has
        # its new texts before anything else reacts to the change.
        self.translations = Translations(parent=self)
        self.session.languageChanged.connect(self._on_language_changed)
        self.translations.set_language(self.session.language)
        self.session.languageChanged.connect(player.set_language)
        player.set_language(self.session.language)

    def _make_stack(self) -> QStackedLayout:
        stack = QStackedLayout(self)
        stack.setContentsMargins(0, 0, 0, 0)
        # The window's size is the screen's: screens adapt to it, never the other way round.
        stack.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        return stack

    def _add_slideshow(self, player: Player, frame_log_size: int) -> None:
        self.slideshow = PlayerWindow(player, frame_log_size=frame_log_size)
        self.slideshow.firstFramePainted.connect(self.firstFramePainted.emit)
        self.slideshow.firstFramePainted.connect(lambda: QTimer.singleShot(0, self.finish_setup))
        # The slideshow has the focus from the start: a screen reader reads the slide.
        self.slideshow.firstFramePainted.connect(self._focus_slideshow)
        self.add_screen(SLIDESHOW, self.slideshow)
        self.tap_filter = TapFilter(TAP_SLOP, self)
        self.slideshow.installEventFilter(self.tap_filter)
        self.tap_filter.tapped.connect(self._on_slideshow_tapped)
        # A screen reader's "Open the menu", Enter or Space: no tap, so no debounce.
        self.slideshow.activated.connect(self._on_slideshow_activated)

    def _add_patient_screens(self, player: Player, clock: Clock, speaker: Speaker | None) -> None:
        """The menu, the topic browser and the "not available" screen."""
        deck = player.deck
        self.menu = MenuScreen(self.session, deck, clock, debouncer=self.debouncer)
        self.add_screen(MENU, self.menu)
        self.menu.topicChosen.connect(self.open_topic)
        self.menu.requestInfo.connect(lambda: self.open_request(None))
        self.menu.backHome.connect(self.go_home)
        self.browse = BrowseScreen(
            self.session,
            deck,
            clock,
            service=player.service,
            speaker=speaker,
            debouncer=self.debouncer,
            notices=player.notices,
        )
        self.add_screen(BROWSE, self.browse)
        self.browse.backToMenu.connect(lambda: self.show_screen(MENU))
        self.browse.requestAbout.connect(self.open_request)
        self._request_opener: Callable[[str | None], None] | None = None
        # Until a request screen is installed (or when requests cannot be stored here).
        self.unavailable = UnavailableScreen()
        self.add_screen(UNAVAILABLE, self.unavailable)
        self.unavailable.back.connect(lambda: self.show_screen(MENU))

    def _watch_for_idle(self, clock: Clock, idle: IdleSettings) -> None:
        """The idle monitor and its "Are you still there?" overlay."""
        self.idle = IdleMonitor(
            clock,
            idle_timeout=idle.timeout,
            countdown=idle.countdown,
            check_interval_ms=idle.check_interval_ms,
            parent=self,
        )
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
        self.overlay = IdleOverlay(self)
        self.idle.countdownStarted.connect(self._show_countdown)
        self.idle.countdownTick.connect(self.overlay.set_seconds)
        self.idle.countdownCancelled.connect(self.overlay.hide)
        self.idle.expired.connect(self._on_idle_expired)
        self.overlay.stillHere.connect(self.idle.poke)

    # -- the contract --------------------------------------------------------------------------
    @property
    def player(self) -> Player:
        return self._player

    @property
    def notices(self) -> NoticeBoard | None:
        """The notices banner's board (the slideshow's, the browser's and the admin screen's)."""
        return self._player.notices

    @property
    def current_screen(self) -> str:
        return self._current

    def screen_widget(self, name: str) -> QWidget:
        """The screen called ``name`` (not ``screen``: that is QWidget's, the monitor it is on)."""
        return self._screens[name]

    def add_screen(self, name: str, widget: QWidget) -> None:
        if name in self._screens:
            raise ValueError(f"a screen named {name!r} is already in the shell")
        self._screens[name] = widget
        self._stack.addWidget(widget)

    def defer_setup(self, step: Callable[[], None]) -> None:
        """Run ``step`` once the first frame is up (or now, if that has happened)."""
        if self._setup_done:
            step()
        else:
            self._pending_setup.append(step)

    @property
    def is_set_up(self) -> bool:
        return self._setup_done

    def finish_setup(self) -> None:
        """Build what was deferred; also runs early if a screen is wanted before the first frame."""
        if self._setup_done:
            return
        self._setup_done = True
        steps, self._pending_setup = self._pending_setup, []
        for step in steps:
            step()
        self._restyle()

    def show_screen(self, name: str) -> None:
        self.finish_setup()
        if name in (PIN, ADMIN):
            self._build_staff_screens()
        widget = self._screens[name]
        self._stack.setCurrentWidget(widget)
        self.overlay.raise_()
        previous, self._current = self._current, name
        if name == SLIDESHOW:
            self.idle.set_active(False)
            self.overlay.hide()
            if not self._staff_paused:
                self._player.resume()
        else:
            self._player.pause()
            if name == ADMIN:
                # The admin screen closes itself after admin.idle_close and clears what it showed.
                self.idle.set_active(False)
                self.overlay.hide()
            elif previous in (SLIDESHOW, ADMIN) or not self.idle.active:
                self.idle.set_active(True)
        if previous != name:
            log.info("screen: %s", name)
            self._give_focus(widget)
            self.screenChanged.emit(name)

    def _give_focus(self, widget: QWidget) -> None:
        """A new screen starts with its own first focus (a screen reader reads it out)."""
        if isinstance(widget, TakesFocus):
            widget.take_focus()
        else:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def stop(self) -> None:
        """Shutdown: the slideshow and the topic browser start no more renders, and the render
        service's workers end (within its stop timeout: it never holds up the GUI for long)."""
        self._player.stop()
        self.browse.stop()
        self._player.service.stop()
        if self._player.notices is not None:
            self._player.notices.stop()
        self.idle.set_active(False)
        self.collector.stop()

    def go_home(self) -> None:
        """Forget the patient (every screen clears itself) and play the slideshow."""
        self.session.reset()
        self.show_screen(SLIDESHOW)

    # -- navigation ----------------------------------------------------------------------------
    def _on_slideshow_tapped(self) -> None:
        if self._current == SLIDESHOW and self.debouncer.allow():
            self.open_menu()

    def _focus_slideshow(self) -> None:
        if self._current == SLIDESHOW:
            self.slideshow.take_focus()

    def _on_slideshow_activated(self) -> None:
        if self._current == SLIDESHOW:
            self.open_menu()

    def open_menu(self) -> None:
        if self._current == SLIDESHOW:
            self.menu.refresh_topics()
        self.show_screen(MENU)

    def open_topic(self, topic_id: str) -> None:
        self.show_screen(BROWSE)
        self.browse.open(topic_id)

    def open_request(self, topic_id: str | None) -> None:
        if self._request_opener is not None:
            self._request_opener(topic_id)
        else:
            self.show_screen(UNAVAILABLE)

    def install_request_screen(self, screen: RequestScreen) -> None:
        """Host the "Request more information" screen (kiosk/ui/request): ``begin(topic)``
        starts a fresh form; ``finished`` goes home (reset), ``cancelled`` back to the menu."""
        self.add_screen(REQUEST, screen)
        self.request_screen = screen
        screen.finished.connect(self.go_home)
        screen.cancelled.connect(lambda: self.show_screen(MENU))

        def opener(topic_id: str | None) -> None:
            screen.begin(topic_id)
            self.show_screen(REQUEST)

        self._request_opener = opener

    def install_admin(
        self, gesture: AdminGesture, pin_pad: Callable[[], PinPadScreen], admin_screen: Callable[[], AdminScreen]
    ) -> None:
        """Host the staff screens (kiosk/ui/admin): the corner-hold ``gesture`` watches every
        event of the application and opens the PIN pad; the right PIN opens the admin screen;
        cancelling or closing goes home.

        ``pin_pad`` and ``admin_screen`` make the screens. They are called the first time staff
        need them, not at start-up: the two screens cost about 4 MB that a kiosk running for
        months without a staff visit should not carry (PSS budget, bench/README.md)."""
        self._staff_factories = (pin_pad, admin_screen)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(gesture)
        gesture.triggered.connect(self.open_staff)

    def _build_staff_screens(self) -> None:
        if self._staff_factories is None or self._pin_pad is not None:
            return
        make_pin_pad, make_admin_screen = self._staff_factories
        pin_pad, admin_screen = make_pin_pad(), make_admin_screen()
        self.add_screen(PIN, pin_pad)
        self.add_screen(ADMIN, admin_screen)
        self._pin_pad, self._admin_screen = pin_pad, admin_screen
        pin_pad.accepted.connect(lambda: self.show_screen(ADMIN))
        pin_pad.cancelled.connect(self.go_home)
        admin_screen.closed.connect(self.go_home)

    @property
    def staff_screens_built(self) -> bool:
        return self._pin_pad is not None

    @property
    def pin_pad(self) -> PinPadScreen | None:
        """The PIN pad (built on first use); None when this kiosk has no staff screens."""
        self._build_staff_screens()
        return self._pin_pad

    @property
    def admin_screen(self) -> AdminScreen | None:
        self._build_staff_screens()
        return self._admin_screen

    def open_staff(self) -> None:
        """Staff take over: the patient's session ends first (their form and choices go), so
        the staff screens always start in the kiosk's own language and text size."""
        if self._current not in (PIN, ADMIN) and self._staff_factories is not None:
            self.session.reset()
            self.show_screen(PIN)

    def _on_deck_applied(self, _version: str) -> None:
        deck: Deck = self._player.deck
        self.menu.set_deck(deck)
        self.browse.set_deck(deck)
        if self.request_screen is not None:
            # New topics, phone or follow-up text from staff reach the form too.
            self.request_screen.set_clinic(deck.clinic)

    # -- idle ----------------------------------------------------------------------------------
    def _show_countdown(self, seconds: int) -> None:
        self.overlay.set_seconds(seconds)
        self.overlay.place(self.size())
        self.overlay.show()
        self.overlay.raise_()

    def _on_idle_expired(self) -> None:
        log.info("idle: nobody at the screen; starting over")
        self.overlay.hide()
        self.go_home()

    # -- language and look ---------------------------------------------------------------------
    def _on_language_changed(self, language: str) -> None:
        self.translations.set_language(language)
        # Qt posts its own LanguageChange for the new translators, to arrive later: send one
        # through the whole window now, so every screen retranslates before the next frame
        # (and also for a language whose texts all come from the content, with no translator).
        QCoreApplication.sendEvent(self, QEvent(QEvent.Type.LanguageChange))

    def _restyle(self, *_args: object) -> None:
        if not self._setup_done:
            return  # finish_setup() styles everything once
        size = laid_out_size(self)
        key = (size.width(), size.height(), self.session.large_text, self.session.high_contrast)
        if key == self._styled_for:
            return
        self._styled_for = key
        self.setStyleSheet(
            touch_stylesheet(
                self._player.deck.clinic.theme,
                size,
                high_contrast=self.session.high_contrast,
                large_text=self.session.large_text,
            )
        )
        self.menu.reflow()
        if self.overlay.isVisible():
            self.overlay.place(self.size())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._restyle()
        self.overlay.place(self.size())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.overlay.isVisible():
            QTimer.singleShot(0, lambda: self.overlay.place(self.size()))
        super().changeEvent(event)

    # -- what the self-test, benchmarks and tests read -----------------------------------------
    @property
    def current_pixmap(self) -> QPixmap | None:
        return self.slideshow.current_pixmap

    @property
    def transitions_done(self) -> int:
        return self.slideshow.transitions_done

    @property
    def frame_log(self) -> deque[tuple[int, float]] | None:
        """The slideshow's paint times during transitions (benchmarks)."""
        return self.slideshow.frame_log

    # -- AdminActions (kiosk/ui/admin/admin_screen.py) -----------------------------------------
    def reload_content(self) -> None:
        if self.hooks.reload_content is not None:
            self.hooks.reload_content()

    def set_paused(self, paused: bool) -> None:
        """Staff pause: the slideshow holds its slide until staff resume it."""
        self._staff_paused = paused
        log.info("slideshow %s by staff", "paused" if paused else "resumed")
        if paused:
            self._player.pause()
        elif self._current == SLIDESHOW:
            self._player.resume()

    def is_paused(self) -> bool:
        return self._staff_paused

    def exit_kiosk(self) -> None:
        log.info("exit requested from the admin screen")
        if self.hooks.before_exit is not None:
            self.hooks.before_exit()
        app = QApplication.instance()
        if app is not None:
            app.exit(0)

    def content_problems(self) -> tuple[Problem, ...]:
        return tuple(self._player.last_problems)

    def content_version(self) -> str:
        return self._player.deck.version

    def content_state(self) -> ContentState | None:
        hook = self.hooks.content_state
        return hook() if hook is not None else None

    def content_updates(self) -> str | None:
        hook = self.hooks.content_updates
        return hook() if hook is not None else None

    def last_delivery_success(self) -> datetime | None:
        hook = self.hooks.last_delivery_success
        return hook() if hook is not None else None

    def retry_delivery(self, request_id: str | None) -> None:
        if self.hooks.retry_delivery is not None:
            self.hooks.retry_delivery(request_id)
