"""``kiosk run`` as named start-up steps: settings, logging, Qt bindings, signals, the stall
detector, the instance lock, content, the window, touch services and unattended operation; then the event
loop; then every step's undo, however the run ends (the admin screen's Exit, SIGTERM, a lost
window, a failed step).

The command line (``kiosk.cli.run``) only parses arguments into :class:`RunOptions`; all that
touches Qt or the process happens here, under :class:`~kiosk.runtime.startup.Startup`.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.runtime import exitcodes
from kiosk.runtime.crash import CrashHandler
from kiosk.runtime.startup import Startup, StartupRefused

if TYPE_CHECKING:
    from PySide6.QtGui import QScreen
    from PySide6.QtWidgets import QApplication

    from kiosk.core.clock import Clock
    from kiosk.core.config import Config
    from kiosk.core.content_home import ContentPlaces
    from kiosk.core.content_library import ContentLibrary, ContentOutcome
    from kiosk.core.model import Deck
    from kiosk.core.notices.local_store import LocalNotices
    from kiosk.core.stats.writer import StatsWriter
    from kiosk.runtime.shutdown_signals import ShutdownSignals
    from kiosk.runtime.stall_detector import StallDetector
    from kiosk.ui.app import Kiosk
    from kiosk.ui.insights.recorder import InsightsRecorder

log = logging.getLogger("kiosk.run")


@dataclass(frozen=True)
class RunOptions:
    """What the command line asked for; None means "kiosk.yaml decides"."""

    content: Path | None = None
    config: Path | None = None
    screen: int | None = None
    windowed: tuple[int, int] | None = None
    language: str | None = None
    transition: str | None = None
    log_file: Path | None = None
    time_scale: float = 1.0


@dataclass(frozen=True)
class RunSettings:
    """The command line over kiosk.yaml over the defaults."""

    #: ``--content DIR``; None plays the content home (content.dir, else the data folder's).
    content: Path | None
    screen: int
    windowed: tuple[int, int] | None
    language: str
    theme: str
    transition: str
    transition_ms: int
    hide_cursor: bool
    #: display.rotation: degrees clockwise the kiosk turns what it shows
    rotation: int
    #: ``--log-file``, else ``kiosk.log`` in ``log.dir`` (default: the user log folder).
    log_file: Path
    log_max_bytes: int
    log_backups: int
    stall_seconds: int


LOG_NAME = "kiosk.log"


def resolve_settings(options: RunOptions, config: Config, env: Mapping[str, str] | None = None) -> RunSettings:
    from kiosk.core.paths import log_dir

    log_file = options.log_file if options.log_file is not None else log_dir(config["log.dir"], env) / LOG_NAME
    return RunSettings(
        content=options.content.resolve() if options.content is not None else None,
        screen=options.screen if options.screen is not None else config["display.screen"],
        windowed=options.windowed or config["display.windowed"],
        language=options.language or config["player.language"],
        theme=config["display.theme"],
        transition=options.transition or config["player.transition"],
        transition_ms=round(config["player.transition_time"] * 1000),
        hide_cursor=config["display.hide_cursor"],
        rotation=config["display.rotation"],
        log_file=log_file,
        log_max_bytes=config["log.max_bytes"],
        log_backups=config["log.backups"],
        stall_seconds=config["watchdog.stall_seconds"],
    )


def run_kiosk(options: RunOptions) -> int:
    """Start the kiosk, run its event loop and shut it down; returns the exit code."""
    from kiosk.runtime.allocator import fix_mmap_threshold
    from kiosk.runtime.logging_setup import configure_logging

    # Crash handling first, so even a failure while reading settings ends with code 70.
    configure_logging()
    CrashHandler(sys.stderr).install()
    fix_mmap_threshold()  # before any slide image is allocated
    with Startup() as startup:
        try:
            code = _run(startup, options)
        except StartupRefused as refused:
            print(f"kiosk: {refused.message}", file=sys.stderr)
            code = refused.code
    log.info("shutdown complete in %.0f ms; exit code %d", startup.shutdown_seconds * 1000, code)
    for handler in logging.getLogger("kiosk").handlers:
        handler.flush()
    return code


def _run(startup: Startup, options: RunOptions) -> int:
    with startup.step("settings"):
        config, settings = _settings(options)
    with startup.step("logging"):
        _logging(startup, settings)
        if config.path is not None:
            log.info("settings from %s", config.path)
    with startup.step("Qt bindings"):
        _qt_bindings()
    with startup.step("signals"):
        signals = _signals(startup)
    with startup.step("stall detector"):
        stall = _stall_detector(startup, settings)
    with startup.step("instance lock"):
        data_folder = _instance_lock(startup, config)
    with startup.step("content folder"):
        places = _places(settings, config, data_folder)
    with startup.step("Qt application"):
        from PySide6.QtCore import QSize

        from kiosk.core.clock import SystemClock
        from kiosk.ui.rotation import turned_size

        app = _application(startup)
        screen = _screen(settings.screen)
        # What the slides are laid out for: the screen's shape as the viewer sees it.
        size = turned_size(
            QSize(*settings.windowed) if settings.windowed else screen.geometry().size(), settings.rotation
        )
        clock = SystemClock()
    with startup.step("content"):
        library = _content(places, config, (size.width(), size.height()), clock)
        deck = library.start_deck
    with startup.step("notices"):
        local_notices = _local_notices(data_folder, clock)
    with startup.step("window"):
        kiosk = _window(startup, app, deck, clock, screen, settings, config, options, library, local_notices)
    with startup.step("signal handling"):
        _shut_down_on_signals(signals, app)
    with startup.step("touch services"):
        _touch_services(startup, kiosk, config, deck, clock)
    with startup.step("insights"):
        _insights(startup, kiosk, config, data_folder, clock)
    with startup.step("content updates"):
        _content_updates(startup, config, library.library, kiosk)
    with startup.step("unattended operation"):
        _unattended(startup, app, kiosk, config, settings, data_folder, stall)
    with startup.step("monitoring"):
        _monitoring(startup, config, data_folder, kiosk)
    log.info("start-up done in %.0f ms; playing", startup.seconds * 1000)
    code = int(app.exec())
    if code == exitcodes.RESTART:
        log.warning("exiting with %d so the supervisor restarts the kiosk", code)
    elif code == exitcodes.WINDOW_LOST:
        log.error("the kiosk window is gone; exiting with %d so the supervisor starts a new one", code)
    else:
        log.info("the event loop ended with %d; shutting down", code)
    return code


def _settings(options: RunOptions) -> tuple[Config, RunSettings]:
    from kiosk.core.config import load_config

    loaded = load_config(options.config, os.environ)
    for problem in loaded.problems:
        print(f"kiosk: {problem}", file=sys.stderr)
    if loaded.config is None:
        raise StartupRefused(
            exitcodes.PROBLEMS, "kiosk.yaml has errors (above); not starting with settings nobody meant"
        )
    return loaded.config, resolve_settings(options, loaded.config)


def _logging(startup: Startup, settings: RunSettings) -> None:
    """The log file (rotated; stderr only if it cannot be written) and the crash log in it."""
    from kiosk.runtime.crash import CrashLogFile
    from kiosk.runtime.logging_setup import configure_logging, log_file_of

    logger = configure_logging(settings.log_file, max_bytes=settings.log_max_bytes, backups=settings.log_backups)
    handler = log_file_of(logger)
    if handler is None:
        return  # configure_logging said why; crashes go to stderr, as set up in run_kiosk
    log.info("logging to %s", handler.baseFilename)
    crash_log = CrashLogFile(Path(handler.baseFilename))
    crash_log.open()
    handler.after_rollover.append(crash_log.open)
    startup.on_exit("close the crash log", crash_log.close)


def _qt_bindings() -> None:
    """PySide6, without the import hook that keeps the source of every later module (~7 MB)."""
    from kiosk.runtime.qt_bindings import load_qt_bindings

    if load_qt_bindings():
        log.debug("PySide6's source-reading import hook removed (kiosk/runtime/qt_bindings.py)")


def _signals(startup: Startup) -> ShutdownSignals:
    """SIGTERM, SIGINT and SIGHUP (Windows: Ctrl+C, Ctrl+Break, console close) from now on ask
    for a clean shutdown: before the event loop runs they stop the start-up between steps."""
    from kiosk.runtime.shutdown_signals import ShutdownSignals

    signals = ShutdownSignals()
    signals.install()
    startup.on_exit("restore the signal handlers", signals.uninstall)
    startup.stop_requested = lambda: signals.received[0] if signals.received else None
    return signals


def _shut_down_on_signals(signals: ShutdownSignals, app: QApplication) -> None:
    """In the event loop, a signal stops taking taps and ends the loop with code 0; the undo of
    every step then runs (bounded: see Startup.time_left)."""
    from kiosk.runtime.shutdown_signals import InputGate

    gates: list[InputGate] = []

    def on_signal(name: str) -> None:
        if gates:
            log.info("%s received again: already shutting down", name)
            return
        log.warning("%s received: shutting down", name)
        gates.append(InputGate(app))  # no tap reaches a screen any more
        app.exit(exitcodes.OK)

    signals.watch(on_signal)


def _stall_detector(startup: Startup, settings: RunSettings) -> StallDetector:
    """Made now, so its undo comes late and it also guards the shutdown; started with the
    event loop (unattended operation)."""
    from kiosk.runtime.stall_detector import StallDetector

    stall = StallDetector(settings.stall_seconds, log_file=settings.log_file)
    startup.on_exit("stop the stall detector", stall.stop)
    return stall


def _instance_lock(startup: Startup, config: Config) -> Path:
    from kiosk.core.paths import data_dir
    from kiosk.runtime.single_instance import AlreadyRunning, acquire_instance_lock

    data_folder = data_dir(config["data.dir"])
    try:
        held = acquire_instance_lock(data_folder)
    except AlreadyRunning as exc:
        raise StartupRefused(exitcodes.ALREADY_RUNNING, str(exc)) from None
    if held.note:
        # Not a reason to keep the slides off the screen: the content plays in place, the
        # admin screen and kiosk doctor say what is wrong with the data folder.
        log.error("%s", held.note)
    startup.on_exit("release the instance lock", held.release)
    return data_folder


def _application(startup: Startup) -> QApplication:
    """The QApplication; no display ends the kiosk with NO_DISPLAY and one line, not Qt's abort."""
    from kiosk.runtime.display import display_problem, fatal_qt_errors
    from kiosk.ui.app import create_application

    problem = display_problem(os.environ)
    if problem is not None:
        raise StartupRefused(exitcodes.NO_DISPLAY, problem)

    def no_display(reason: str) -> None:
        # Called inside Qt's fatal error, which would abort once this returns: end here.
        message = f"Qt cannot open the display: {reason}"
        log.error("start-up step 'Qt application' refused to start: %s", message)
        print(f"kiosk: {message}", file=sys.stderr, flush=True)
        startup.close()
        for handler in logging.getLogger("kiosk").handlers:
            handler.flush()
        os._exit(exitcodes.NO_DISPLAY)

    with fatal_qt_errors(no_display):
        return create_application()


def _screen(index: int) -> QScreen:
    from kiosk.ui.app import pick_screen

    try:
        return pick_screen(index)
    except ValueError as exc:
        raise StartupRefused(exitcodes.USAGE, str(exc)) from None


def _places(settings: RunSettings, config: Config, data_folder: Path) -> ContentPlaces:
    from kiosk.core.content_home import content_places

    if settings.content is not None and not settings.content.is_dir():
        raise StartupRefused(exitcodes.USAGE, f"--content {settings.content}: no such folder")
    return content_places(data_folder, config["content.dir"], explicit=settings.content)


@dataclass
class _StartedLibrary:
    library: ContentLibrary
    start_deck: Deck

    def refresh(self, _root: Path) -> ContentOutcome:
        return self.library.refresh()


def _content(places: ContentPlaces, config: Config, size: tuple[int, int], clock: Clock) -> _StartedLibrary:
    """The deck to start with: the home, else its last good content, else the shipped pack.
    Problems are logged; they never stop the kiosk from starting."""
    from kiosk.core.content_library import ContentLibrary

    library = ContentLibrary(places, screen_size=size, clock=clock, keep=config["content.keep_versions"])
    log.info("loading content from %s", places.home)
    outcome = library.start()
    for problem in outcome.problems:
        (log.error if problem.is_error else log.warning)("%s", problem)
    if not outcome.ok:
        log.error(
            "the content in %s has %d error(s) (above); playing %s until they are fixed",
            places.home,
            len(outcome.errors),
            outcome.origin,
        )
    assert outcome.deck is not None  # start() always has a deck, if only an empty one
    log.info("deck: %d slides, version %s (%s)", len(outcome.deck.slides), outcome.deck.version, outcome.origin)
    return _StartedLibrary(library, outcome.deck)


def _local_notices(data_folder: Path, clock: Clock) -> LocalNotices:
    """The notices staff posted on this kiosk (kept in its data folder until they end); a
    damaged file is set aside and said on the admin screen, never a reason not to start."""
    from kiosk.core.notices.local_store import LocalNotices, notices_path

    store = LocalNotices(notices_path(data_folder), clock)
    store.load()
    if store.notices:
        log.info("%d notice(s) posted on this kiosk still show", len(store.notices))
    return store


def _window(
    startup: Startup,
    app: QApplication,
    deck: Deck,
    clock: Clock,
    screen: QScreen,
    settings: RunSettings,
    config: Config,
    options: RunOptions,
    library: _StartedLibrary,
    local_notices: LocalNotices,
) -> Kiosk:
    from PySide6.QtCore import QSize

    from kiosk.core.content_state import read_state
    from kiosk.ui.app import build_kiosk
    from kiosk.ui.shell import IdleSettings
    from kiosk.ui.slideshow.player import PlayerTiming
    from kiosk.ui.speech import create_speaker

    size = QSize(*settings.windowed) if settings.windowed else screen.geometry().size()
    kiosk = build_kiosk(
        app,
        deck,
        clock=clock,
        screen=screen,
        windowed=size if settings.windowed else None,
        language=settings.language,
        theme=settings.theme,
        transition=settings.transition,
        timing=PlayerTiming(time_scale=options.time_scale, transition_ms=settings.transition_ms),
        content_root=library.library.places.home,
        loader=library.refresh,
        hide_cursor=settings.hide_cursor,
        idle=IdleSettings(config["touch.idle_timeout"], config["touch.idle_countdown"]),
        speaker=create_speaker(app),
        rotation=settings.rotation,
        local_notices=local_notices,
    )
    state_file = library.library.places.state_file
    kiosk.window.hooks = replace(kiosk.window.hooks, content_state=lambda: read_state(state_file))
    startup.on_exit("stop the slideshow", kiosk.window.stop)
    if kiosk.watcher is not None:
        startup.on_exit("stop watching the content folder", kiosk.watcher.stop)
    log.info(
        "window on screen %d %dx%d%s, touch screens in the %s theme",
        settings.screen,
        size.width(),
        size.height(),
        " (windowed)" if settings.windowed else "",
        settings.theme,
    )
    _report_first_frame(kiosk, screen)
    return kiosk


def _report_first_frame(kiosk: Kiosk, screen: QScreen) -> None:
    """Log the first frame; benchmarks and CI also read it (and a screenshot) from stdout."""
    from PySide6.QtCore import QTimer

    def save_screenshot(path: Path) -> None:
        image = screen.grabWindow(0).toImage()
        if image.save(str(path)):
            log.info("screenshot saved to %s (%dx%d)", path, image.width(), image.height())
            print(f"screenshot {path}", flush=True)
        else:
            log.error("could not save the screenshot to %s", path)

    def first_frame() -> None:
        log.info("first frame")
        if os.environ.get("KIOSK_BENCH_FIRST_FRAME"):
            print(f"first-frame {time.monotonic():.6f}", flush=True)
        shot = os.environ.get("KIOSK_SCREENSHOT")
        if shot:
            # After this paint reaches the screen: grab what the X server shows.
            QTimer.singleShot(200, lambda: save_screenshot(Path(shot)))

    kiosk.window.firstFramePainted.connect(first_frame)
    if os.environ.get("KIOSK_BENCH_SLIDES"):
        # Each slide as it goes up, with the content version it came from and its English
        # title: how long a published or saved change takes to reach the screen, and that it
        # did (bench/publish_to_screen.py, tests/test_studio_real_window.py).
        player = kiosk.player

        def shown(slide_id: str) -> None:
            slide = player.deck.slide(slide_id)
            title = slide.title.get("en") if slide is not None else ""
            print(f"slide {slide_id} {player.deck.version} {time.monotonic():.6f} {title}", flush=True)

        player.slideShown.connect(shown)


def _touch_services(startup: Startup, kiosk: Kiosk, config: Config, deck: Deck, clock: Clock) -> None:
    from kiosk.ui.app import WORKER_STOP_SECONDS, Services, install_touch_screens, open_services

    opened: list[Services] = []

    def open_touch_services() -> None:
        # The requests database, delivery worker and staff PIN are for touch screens, which
        # nobody can reach before the first slide: open them just after it is painted.
        services = open_services(config, deck, clock)
        opened.append(services)
        install_touch_screens(kiosk.window, deck, clock, services.requests, services.staff)
        log.info(
            "touch services ready: requests %s, delivery %s",
            "stored" if services.requests is not None else "not available",
            "running" if services.worker is not None else "off",
        )

    def close_services() -> None:
        for services in opened:
            services.close(timeout=startup.time_left(WORKER_STOP_SECONDS))

    kiosk.window.defer_setup(open_touch_services)
    startup.on_exit("close the requests database and delivery", close_services)


#: What writing the last engagement figures may take at shutdown.
STATS_STOP_SECONDS = 2.0


def _insights(startup: Startup, kiosk: Kiosk, config: Config, data_folder: Path, clock: Clock) -> None:
    """stats.enabled: count how the kiosk is used (no patient data) into stats.db. The recorder
    only queues events on the GUI thread; the writer's plain Python thread writes them in
    batches. On the way out the open slide, topic and visit are counted and the queue is
    written (kiosk/core/stats)."""
    if not config["stats.enabled"]:
        log.info("insights are off (stats.enabled: false): nothing is counted")
        return
    started: list[tuple[InsightsRecorder, StatsWriter]] = []

    def start() -> None:
        # Nobody touches the screen before the first slide: start counting just after it is
        # painted (the imports and the thread are start-up time the first frame need not wait
        # for); the slide on screen is counted from then.
        from kiosk.core.paths import stats_db_path
        from kiosk.core.stats.writer import StatsWriter
        from kiosk.ui.insights.recorder import InsightsRecorder

        writer = StatsWriter(stats_db_path(data_folder), clock, retention_days=config["stats.retention_days"])
        writer.start()
        recorder = InsightsRecorder(clock, writer.put)
        recorder.attach(kiosk.window)
        kiosk.window.hooks = replace(kiosk.window.hooks, insights=writer.figures)
        started.append((recorder, writer))

    def stop() -> None:
        for recorder, writer in started:
            recorder.finish()
            if not writer.stop(timeout=startup.time_left(STATS_STOP_SECONDS)):
                log.warning("the last engagement figures were not written in time (%d left)", writer.pending)

    kiosk.window.defer_setup(start)
    startup.on_exit("write the last engagement figures", stop)


#: What stopping the content update loop may take (less when the shutdown budget runs low).
UPDATES_STOP_SECONDS = 2.0


def _content_updates(startup: Startup, config: Config, library: ContentLibrary, kiosk: Kiosk) -> None:
    """Pull signed bundles from ``content.source`` every ``content.check_interval`` in a plain
    thread (no Qt object), into the content home, which the content watcher then reloads.

    Without ``content.source`` nothing of the publishing code is imported: it brings in
    cryptography, OpenSSL, http.client and email (~9 MB PSS and ~70 ms before the first
    frame), which a kiosk whose staff edit content in place never uses."""
    for problem in config.update_problems:
        log.error("content updates are off: %s", problem)
    if config["content.source"] is None or config.update_problems:
        return
    from kiosk.core.publish.loop import UpdateLoop
    from kiosk.core.publish.manifest import Manifest
    from kiosk.core.publish.settings import make_updater, publish_settings
    from kiosk.core.publish.status import describe_updates

    settings = publish_settings(config)
    if settings is None:
        return

    def install(staged: Path, manifest: Manifest) -> None:
        library.install(staged, origin=f"published bundle, serial {manifest.serial}")

    updater = make_updater(settings, install)
    loop = UpdateLoop(updater.check, settings.check_interval)
    log.info("content updates from %s every %.0f s", updater.source.display, settings.check_interval)
    loop.start()

    def stop_updates() -> None:
        if not loop.stop(timeout=startup.time_left(UPDATES_STOP_SECONDS)):
            # A download stuck in a read cannot be interrupted; its daemon thread ends with us.
            log.warning("content updates did not stop in time; leaving the check to end with the process")

    startup.on_exit("stop checking for content updates", stop_updates)
    kiosk.window.hooks = replace(
        kiosk.window.hooks, content_updates=lambda: describe_updates(settings.data_dir, updater.source.display)
    )


def _unattended(
    startup: Startup,
    app: QApplication,
    kiosk: Kiosk,
    config: Config,
    settings: RunSettings,
    data_folder: Path,
    stall: StallDetector,
) -> None:
    from kiosk.runtime.unattended import start_unattended

    unattended = start_unattended(
        app,
        kiosk.top_level,
        kiosk.player,
        config,
        data_dir=data_folder,
        windowed=settings.windowed is not None,
        first_frame=kiosk.window.firstFramePainted,
        stall=stall,
    )
    startup.on_exit("stop the watchdog, heartbeat, window guard and memory guard", unattended.stop)
    if unattended.lockdown is not None:
        kiosk.window.hooks = replace(kiosk.window.hooks, before_exit=unattended.lockdown.allow_close)


def _monitoring(startup: Startup, config: Config, data_folder: Path, kiosk: Kiosk) -> None:
    """monitoring.textfile: the kiosk's health for node_exporter, every minute from the first
    frame on (so the first file already has a painted frame)."""
    from kiosk.runtime.monitoring import textfile_loop

    loop = textfile_loop(config, data_folder)
    if loop is not None:
        kiosk.window.defer_setup(loop.start)
        startup.on_exit("write the monitoring textfile a last time (kiosk_up 0)", loop.stop)
