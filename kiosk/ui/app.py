"""The kiosk's QApplication and its one full-screen window (the shell: slideshow and touch
screens), put together in one place so ``kiosk run``, ``kiosk self-test`` and the benchmarks
build exactly the same thing."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.core.clock import Clock
from kiosk.core.config_options import THEME_CLINIC, THEME_HIGH_CONTRAST, THEMES
from kiosk.core.model import Deck
from kiosk.ui.notices.board import NoticeBoard
from kiosk.ui.render.service import RendererFactory, RenderService, default_renderer_factory
from kiosk.ui.rotation import RotatedWindow, turned_size
from kiosk.ui.session import Session
from kiosk.ui.shell import IdleSettings, KioskShell, StaffHooks
from kiosk.ui.slideshow.content_watcher import ContentWatcher, Loader
from kiosk.ui.slideshow.player import Player, PlayerTiming
from kiosk.ui.slideshow.window import PlayerWindow
from kiosk.ui.speech import Speaker
from kiosk.ui.theme import apply_theme

if TYPE_CHECKING:
    from kiosk.core.admin_pin import Lockout, PinStore
    from kiosk.core.delivery.outbox import DeliveryWorker, Outbox
    from kiosk.core.notices.local_store import LocalNotices
    from kiosk.core.requests.model import InfoRequest, StoredRequest
    from kiosk.core.requests.store import RequestStore
    from kiosk.ui.admin.admin_screen import AdminScreen
    from kiosk.ui.admin.insights_page import InsightsSource
    from kiosk.ui.admin.pin_pad import PinPadScreen

log = logging.getLogger(__name__)


@dataclass
class RequestServices:
    """Where the request form stores requests, and who sends them on.

    ``submit`` is the form's Submitter: it stores the request with one pending delivery per
    configured channel, then wakes the delivery worker so the clinic hears at once."""

    store: RequestStore
    channels: tuple[str, ...] = ()
    wake: Callable[[], None] | None = None
    thanks_seconds: float = 20.0
    #: Told to the patient in the privacy statement; the store purges after this many days.
    retention_days: int = 30

    def submit(self, request: InfoRequest, idempotency_token: str) -> StoredRequest:
        stored = self.store.submit(request, idempotency_token, channels=self.channels)
        if self.wake is not None:
            self.wake()
        return stored


@dataclass
class StaffServices:
    """The staff PIN, its lockout and what the admin screen shows beyond the window."""

    pin_store: PinStore
    lockout: Lockout
    data_dir: Path
    admin_idle_close: float = 120.0
    hold_seconds: float = 3.0
    last_delivery_success: Callable[[], datetime | None] | None = None
    retry_delivery: Callable[[str | None], None] | None = None
    #: Why delivery is off ("" when it is not): a mistake under delivery: in kiosk.yaml.
    delivery_problem: str = ""
    #: Why requests cannot be stored or shown ("" when the database opened): the admin screen
    #: says it on its requests page.
    requests_problem: str = ""
    #: Why the data folder cannot be used at all ("" when it can): then no staff PIN can be
    #: read from it either, and the PIN pad says so instead of "no PIN set".
    data_folder_problem: str = ""


#: How long closing waits for delivery: sends in flight are cut short at once, so this is
#: only a safety net, well inside the ~5 s the whole shutdown may take (systemd's
#: TimeoutStopSec, deploy/kiosk.service).
WORKER_STOP_SECONDS = 2.0


@dataclass
class Services:
    """What ``kiosk run`` opens besides the window; closed by :meth:`close`."""

    requests: RequestServices | None = None
    staff: StaffServices | None = None
    worker: DeliveryWorker | None = None
    stores: list[Any] = field(default_factory=list)
    #: Checks hourly whether the daily retention purge is due.
    retention_timer: QTimer | None = None

    def close(self, timeout: float = WORKER_STOP_SECONDS) -> None:
        if self.retention_timer is not None:
            self.retention_timer.stop()
        if self.worker is not None and not self.worker.stop(timeout=timeout):
            # A name lookup that hangs cannot be interrupted; its thread ends with the process.
            log.warning("delivery did not stop within %.1f s; leaving it to end with the process", timeout)
        for store in self.stores:
            store.close()


def open_services(config: Any, deck: Deck, clock: Clock) -> Services:
    """The requests database, delivery worker and staff PIN in ``data.dir``.

    A kiosk that cannot use its data folder or open its database still plays and browses: the
    request screen then says requests are not available, the reason is logged for IT, and the
    staff screens are there all the same (the admin screen says what is wrong: staff must
    never lose the only way out and every diagnostic to a damaged file)."""
    from kiosk.core.admin_pin import Lockout, PinStore, pin_path
    from kiosk.core.delivery.config import delivery_setup
    from kiosk.core.delivery.last_success import last_success_path
    from kiosk.core.paths import data_dir, ensure_private_dir, requests_db_path
    from kiosk.core.requests.errors import StorageError
    from kiosk.core.requests.store import RequestStore

    services = Services()
    folder = data_dir(config["data.dir"])
    setup = delivery_setup(config)
    if setup.off_by_mistake:
        # The kiosk still starts (a lobby screen never goes black for a delivery typo), loudly.
        log.error("%s", setup.summary())
    pins = PinStore(pin_path(folder))

    def staff_services(**found: Any) -> StaffServices:
        return StaffServices(
            pin_store=pins,
            lockout=Lockout(clock, path=pins.lockout_path),
            data_dir=folder,
            admin_idle_close=float(config["admin.idle_close"]),
            delivery_problem=setup.summary(),
            **found,
        )

    try:
        ensure_private_dir(folder)
    except OSError as exc:
        problem = (
            f"the data folder {folder} cannot be used ({exc.strerror or exc}): requests cannot be stored "
            "and the staff PIN cannot be read; run kiosk doctor"
        )
        log.error("requests are not available: %s", problem)
        services.staff = staff_services(requests_problem=problem, data_folder_problem=problem)
        return services
    try:
        store = RequestStore(requests_db_path(folder), clock=clock)
    except StorageError as exc:
        log.error("requests are not available: %s", exc)
        services.staff = staff_services(requests_problem=str(exc))
        return services
    services.stores.append(store)
    health = store.health()
    if not health.ok:
        # Requests are refused at submit (never thanked for); staff see it on the admin screen.
        log.error("%s", health.detail)
    services.retention_timer = _start_retention(store, clock, int(config["requests.retention_days"]))
    channel_configs = setup.channels
    outbox: Outbox | None = None
    if channel_configs:
        # Its own connection: the worker thread sends while the GUI thread stores.
        worker_store = RequestStore(requests_db_path(folder), clock=clock)
        services.stores.append(worker_store)
        outbox = _outbox(channel_configs, deck, clock, worker_store, last_success_path(folder))
        from kiosk.core.delivery.outbox import DeliveryWorker

        services.worker = DeliveryWorker(outbox)
        services.worker.start()
    elif not setup.off_by_mistake:
        log.warning("no delivery channels configured: requests are stored for staff (kiosk requests list)")
    channels = outbox.channel_names if outbox is not None else ()
    worker = services.worker
    services.requests = RequestServices(
        store,
        tuple(channels),
        worker.wake if worker is not None else None,
        retention_days=config["requests.retention_days"],
    )

    def retry(request_id: str | None) -> None:
        store.retry_failed(request_id)
        if worker is not None:
            worker.wake()

    services.staff = staff_services(
        last_delivery_success=(lambda: outbox.last_success) if outbox is not None else None,
        retry_delivery=retry,
    )
    return services


#: How often the kiosk asks whether the (daily) retention purge is due.
RETENTION_CHECK_MS = 60 * 60 * 1000


def _start_retention(store: RequestStore, clock: Clock, days: int) -> QTimer:
    """Delete delivered and contacted requests older than ``days``: now, then daily."""
    from kiosk.core.requests.errors import StorageError
    from kiosk.core.requests.retention import Retention

    retention = Retention(store, clock, days)

    def purge() -> None:
        try:
            deleted = retention.purge_if_due()
        except StorageError as exc:
            log.error("retention purge failed (will try again): %s", exc)
            return
        if deleted:
            log.info("retention: deleted %d request(s) closed more than %d days ago", deleted, days)

    purge()
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
    timer.setInterval(RETENTION_CHECK_MS)
    timer.timeout.connect(purge)
    timer.start()
    return timer


def _outbox(channel_configs: Any, deck: Deck, clock: Clock, store: RequestStore, success_file: Path) -> Outbox:
    from kiosk.core.delivery.outbox import Outbox
    from kiosk.core.delivery.setup import build_channels

    clinic = deck.clinic

    def title(topic_id: str) -> str | None:
        topic = clinic.topic(topic_id)
        return topic.title.get("en") if topic else None

    channels = build_channels(channel_configs, clinic.timezone, clinic.name)
    return Outbox(store, channels, title, clock=clock, success_file=success_file)


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("clinic-kiosk")
    app.setOrganizationName("clinic-kiosk")
    return app


def pick_screen(index: int) -> QScreen:
    screens = QGuiApplication.screens()
    if not 0 <= index < len(screens):
        raise ValueError(f"--screen {index}: there are {len(screens)} screen(s), numbered from 0")
    return screens[index]


@dataclass
class Kiosk:
    """The running pieces, kept together so nothing is garbage-collected early."""

    player: Player
    #: the kiosk's screens: its only top-level window, unless display.rotation turns it
    window: KioskShell
    watcher: ContentWatcher | None
    #: the window that turns the shell (display.rotation); None when it is not turned
    rotated: RotatedWindow | None = None

    @property
    def shell(self) -> KioskShell:
        return self.window

    @property
    def top_level(self) -> QWidget:
        """The window on the screen: what lock-down, the cursor and the window manager see."""
        return self.rotated if self.rotated is not None else self.window

    @property
    def slideshow(self) -> PlayerWindow:
        return self.window.slideshow


def _pin_pad(window: KioskShell, staff: StaffServices) -> PinPadScreen:
    from kiosk.ui.admin.pin_pad import PinPadScreen

    return PinPadScreen(window.session, staff.pin_store, staff.lockout, pin_unreadable=bool(staff.data_folder_problem))


def _admin_screen(window: KioskShell, store: RequestStore | None, clock: Clock, staff: StaffServices) -> AdminScreen:
    from kiosk.ui.admin.admin_screen import AdminScreen

    return AdminScreen(
        window,
        store,
        clock=clock,
        idle_close_seconds=staff.admin_idle_close,
        data_dir=staff.data_dir,
        session=window.session,
        topic_title=lambda topic_id: _topic_title(window, topic_id),
        store_problem=staff.requests_problem,
        delivery_problem=staff.delivery_problem,
        insights=_insights_source(window),
        slide_title=lambda slide_id: _slide_title(window, slide_id),
        notices=window.notices,
    )


def _insights_source(window: KioskShell) -> InsightsSource | None:
    """The figures from the stats writer (kiosk run's "insights" step sets the hook), with the
    visits' hours of the day in the clinic's time zone; None when stats are off."""
    figures = window.hooks.insights
    if figures is None:
        return None
    return lambda since, until: figures(since, until, window.player.deck.clinic.timezone)


def _slide_title(window: KioskShell, slide_id: str) -> str:
    """A slide's title in the session's language (a slide the content no longer has keeps its id)."""
    slide = window.player.deck.slide(slide_id)
    return slide.title.get(window.session.language) if slide is not None else slide_id


def _topic_title(window: KioskShell, topic_id: str) -> str:
    """A topic's title in the session's language, from the content playing now (a topic the
    content no longer has keeps its id)."""
    topic = window.player.deck.clinic.topic(topic_id)
    return topic.title.get(window.session.language) if topic is not None else topic_id


def install_touch_screens(
    window: KioskShell,
    deck: Deck,
    clock: Clock,
    requests: RequestServices | None,
    staff: StaffServices | None,
) -> None:
    """Host the request form and the staff screens in ``window``.

    Called through ``KioskShell.defer_setup``: a patient cannot reach these screens before the
    first slide is painted, and building them (and opening the database they need) would
    delay that first slide by a quarter of a second."""
    if requests is not None:
        from kiosk.ui.request.form_screen import RequestScreen

        window.install_request_screen(
            RequestScreen(
                window.session,
                deck.clinic,
                requests,
                clock=clock,
                thanks_seconds=requests.thanks_seconds,
                retention_days=requests.retention_days,
            )
        )
    if staff is not None:
        from kiosk.ui.admin.gesture import AdminGesture

        window.hooks = replace(
            window.hooks, last_delivery_success=staff.last_delivery_success, retry_delivery=staff.retry_delivery
        )
        # Whatever state the database is in: the admin screen is staff's only way out and
        # shows what is wrong with it.
        store = requests.store if requests is not None else None
        window.install_admin(
            AdminGesture(window, hold_seconds=staff.hold_seconds, parent=window),
            lambda: _pin_pad(window, staff),
            lambda: _admin_screen(window, store, clock, staff),
        )


def build_kiosk(
    app: QApplication,
    deck: Deck,
    *,
    clock: Clock,
    screen: QScreen,
    windowed: QSize | None = None,
    language: str = "en",
    theme: str = THEME_CLINIC,
    transition: str = "fade",
    timing: PlayerTiming = PlayerTiming(),
    renderer_factory: RendererFactory = default_renderer_factory,
    content_root: Path | None = None,
    loader: Loader | None = None,
    frame_log_size: int = 0,
    hide_cursor: bool = True,
    idle: IdleSettings = IdleSettings(),
    speaker: Speaker | None = None,
    requests: RequestServices | None = None,
    staff: StaffServices | None = None,
    rotation: int = 0,
    local_notices: LocalNotices | None = None,
) -> Kiosk:
    """Theme the app, build the player and the shell window on ``screen`` and show it.

    Full screen uses the screen's geometry before ``showFullScreen`` so the window fills the
    screen also on a bare X server without a window manager. With ``rotation`` (degrees
    clockwise, display.rotation) the shell is laid out at the turned size and shown turned in
    a :class:`RotatedWindow`. ``local_notices``: where this kiosk keeps the notices posted on
    it (loaded already); without it only the content's notices show and none can be posted."""
    if theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}; expected one of {', '.join(THEMES)}")
    geometry = screen.geometry()
    physical = QSize(windowed) if windowed is not None else geometry.size()
    size = turned_size(physical, rotation)
    # One render service for the slideshow and the topic browser (kiosk/ui/render/service.py).
    service = RenderService(renderer_factory=renderer_factory)
    # The notices banner's board: the content's notices and this kiosk's own.
    notices = NoticeBoard(deck, clock, local_notices, time_scale=timing.time_scale)
    player = Player(
        deck,
        clock=clock,
        size=size,
        language=language,
        transition=transition,
        timing=timing,
        service=service,
        notices=notices,
    )
    service.setParent(player)
    notices.setParent(player)
    # display.theme sets the session's default: the touch screens start in it and every reset
    # returns to it. The slides keep the clinic's colours either way.
    session = Session(language, default_high_contrast=theme == THEME_HIGH_CONTRAST)
    hooks = StaffHooks()
    if content_root is not None and loader is not None:
        root, load = content_root, loader

        def reload_now() -> None:
            # Staff asked for it: load now on this thread (a second or so) and apply it.
            player.apply_load_result(load(root))

        hooks = StaffHooks(reload_content=reload_now)
    window = KioskShell(
        player,
        clock=clock,
        session=session,
        idle=idle,
        speaker=speaker,
        hooks=hooks,
        frame_log_size=frame_log_size,
    )
    if requests is not None or staff is not None:
        window.defer_setup(lambda: install_touch_screens(window, deck, clock, requests, staff))
    if hide_cursor:
        window.setCursor(Qt.CursorShape.BlankCursor)
    else:
        window.slideshow.unsetCursor()
    window.resize(size)
    rotated = RotatedWindow(window, rotation) if rotation else None
    top: QWidget = rotated if rotated is not None else window
    if rotated is not None and hide_cursor:
        rotated.viewport().setCursor(Qt.CursorShape.BlankCursor)
    top.setScreen(screen)
    if windowed is not None:
        top.setWindowFlag(Qt.WindowType.FramelessWindowHint, False)  # staff need a frame
        top.setFixedSize(physical)
        top.move(geometry.topLeft())
        top.show()
    else:
        top.setGeometry(geometry)
        top.showFullScreen()
    # Keyboard focus in the window from the start (no window manager gives it on a bare X
    # server): a screen reader follows the focus, and a keyboard reaches the slideshow.
    top.activateWindow()
    watcher = None
    if content_root is not None and loader is not None:
        watcher = ContentWatcher(content_root, loader, parent=player)
        watcher.loaded.connect(player.apply_load_result)
        # Watching every content file costs ~70 ms; a change can wait for the first slide.
        window.defer_setup(watcher.start)
    # The player paints its own frames; the Material theme is for the touch screens that
    # follow, so it is applied once the first frame is up (a faster start-up).
    window.firstFramePainted.connect(lambda: QTimer.singleShot(0, lambda: apply_theme(app, deck.clinic.theme)))
    player.start()
    return Kiosk(player, window, watcher, rotated)
