"""``kiosk run`` (also bare ``kiosk``): play the clinic's slides full screen."""

from __future__ import annotations

import argparse
import faulthandler
import logging
import os
import sys
import threading
import time
import traceback
from pathlib import Path
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

from kiosk import exitcodes

if TYPE_CHECKING:
    from kiosk.core.config import Config

log = logging.getLogger("kiosk.run")

TRANSITIONS = ("fade", "slide", "none")


def default_content_dir() -> Path:
    """``./content`` when it exists (staff running from a checkout), else the bundled pack."""
    local = Path.cwd() / "content"
    if (local / "clinic.yaml").is_file():
        return local
    from kiosk.resources import bundled_content_dir

    return bundled_content_dir()


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1280x720, not {text!r}") from None
    if not (160 <= w <= 16384 and 160 <= h <= 16384):
        raise argparse.ArgumentTypeError(f"size {text} is out of range (160..16384 per side)")
    return w, h


def positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, not {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("must be greater than 0")
    return value


def add_content_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content", type=Path, metavar="DIR",
        help="content folder (default: ./content if present, else the bundled content)",
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # Options left out fall back to kiosk.yaml (display.*, player.*, content.dir, log.dir).
    add_content_argument(parser)
    parser.add_argument("--config", type=Path, metavar="FILE", help="kiosk.yaml to use (default: KIOSK_CONFIG, then the platform config folder)")
    parser.add_argument("--screen", type=int, metavar="N", help="screen number, from 0 (default 0)")
    parser.add_argument("--windowed", type=parse_size, metavar="WxH", help="a window of this size instead of full screen")
    parser.add_argument("--lang", choices=("en", "es"), help="language of the slides (default en)")
    parser.add_argument("--transition", choices=TRANSITIONS, help="between slides (default fade)")
    parser.add_argument("--log-file", type=Path, metavar="FILE", help="also log to this file (default: log.dir/kiosk.log when set)")
    parser.add_argument(
        "--time-scale", type=positive_float, default=1.0, metavar="X",
        help="real seconds per slide second, for demos and benchmarks (default 1)",
    )


@dataclass(frozen=True)
class RunSettings:
    """The command line over kiosk.yaml over the defaults."""

    content: Path
    screen: int
    windowed: tuple[int, int] | None
    language: str
    theme: str
    transition: str
    transition_ms: int
    hide_cursor: bool
    log_file: Path | None
    log_max_bytes: int
    log_backups: int


def resolve_settings(args: argparse.Namespace, config: Config) -> RunSettings:
    log_file = args.log_file
    if log_file is None and config["log.dir"] is not None:
        log_file = Path(config["log.dir"]) / "kiosk.log"
    content = args.content or config["content.dir"] or default_content_dir()
    return RunSettings(
        content=Path(content).resolve(),
        screen=args.screen if args.screen is not None else config["display.screen"],
        windowed=args.windowed or config["display.windowed"],
        language=args.lang or config["player.language"],
        theme=config["display.theme"],
        transition=args.transition or config["player.transition"],
        transition_ms=round(config["player.transition_time"] * 1000),
        hide_cursor=config["display.hide_cursor"],
        log_file=log_file,
        log_max_bytes=config["log.max_bytes"],
        log_backups=config["log.backups"],
    )


class CrashHandler:
    """Unhandled exceptions anywhere end the process with exit code 70 after logging the
    traceback: a kiosk must never sit behind an error dialog; its supervisor restarts it."""

    def __init__(self, fault_file: TextIO) -> None:
        self._fault_file = fault_file

    def install(self) -> None:
        faulthandler.enable(file=self._fault_file, all_threads=True)
        sys.excepthook = self._on_exception
        threading.excepthook = self._on_thread_exception

    def _on_exception(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._exit(exitcodes.OK)
        text = "".join(traceback.format_exception(kind, value, tb))
        log.critical("crash: unhandled exception, exiting with %d\n%s", exitcodes.CRASH, text.rstrip())
        self._exit(exitcodes.CRASH)

    def _on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        text = "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback))
        log.critical("crash in thread %s, exiting with %d\n%s", name, exitcodes.CRASH, text.rstrip())
        self._exit(exitcodes.CRASH)

    @staticmethod
    def _exit(code: int) -> None:
        logging.shutdown()
        sys.stderr.flush()
        # Not sys.exit: from a Qt slot or a worker thread that would not stop the event loop.
        os._exit(code)


def run(args: argparse.Namespace) -> int:
    from kiosk.core.config import load_config
    from kiosk.logging_setup import configure_logging

    from kiosk.allocator import fix_mmap_threshold

    # Crash handling first, so even a failure while reading settings ends with code 70.
    configure_logging()
    CrashHandler(sys.stderr).install()
    fix_mmap_threshold()  # before any slide image is allocated
    loaded = load_config(args.config, os.environ)
    for problem in loaded.problems:
        print(f"kiosk: {problem}", file=sys.stderr)
    if loaded.config is None:
        print("kiosk: kiosk.yaml has errors (above); not starting with settings nobody meant", file=sys.stderr)
        return exitcodes.PROBLEMS
    settings = resolve_settings(args, loaded.config)

    configure_logging(settings.log_file, max_bytes=settings.log_max_bytes, backups=settings.log_backups)
    fault_file: TextIO = sys.stderr
    if settings.log_file is not None:
        fault_file = open(settings.log_file, "a", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    CrashHandler(fault_file).install()
    if loaded.config.path is not None:
        log.info("settings from %s", loaded.config.path)

    from kiosk.core.paths import data_dir
    from kiosk.single_instance import AlreadyRunning, InstanceLock

    data_folder = data_dir(loaded.config["data.dir"])
    instance = InstanceLock(data_folder)
    try:
        instance.acquire()
    except AlreadyRunning as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return exitcodes.ALREADY_RUNNING

    content = settings.content
    if not (content / "clinic.yaml").is_file():
        print(f"kiosk: {content}: no clinic.yaml here; is this a content folder?", file=sys.stderr)
        return exitcodes.PROBLEMS

    from PySide6.QtCore import QSize, QTimer

    from kiosk.core.clock import SystemClock
    from kiosk.core.loader import load_deck
    from kiosk.ui.app import (
        Services,
        build_kiosk,
        create_application,
        install_touch_screens,
        open_services,
        pick_screen,
    )
    from kiosk.ui.player import PlayerTiming
    from kiosk.ui.shell import IdleSettings
    from kiosk.ui.speech import create_speaker

    app = create_application()
    try:
        screen = pick_screen(settings.screen)
    except ValueError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return exitcodes.USAGE
    size = QSize(*settings.windowed) if settings.windowed else screen.geometry().size()
    clock = SystemClock()

    log.info("loading content from %s", content)
    result = load_deck(content, screen_size=(size.width(), size.height()), now=clock.now())
    for problem in result.problems:
        (log.error if problem.is_error else log.warning)("%s", problem)
    if not result.ok or result.deck is None:
        print(f"kiosk: the content in {content} has errors (above); fix them and start again", file=sys.stderr)
        return exitcodes.PROBLEMS
    deck = result.deck
    log.info("deck: %d slides, version %s", len(deck.slides), deck.version)

    def reload(root: Path) -> object:
        return load_deck(root, screen_size=(size.width(), size.height()), now=clock.now())

    kiosk = build_kiosk(
        app, deck, clock=clock, screen=screen, windowed=size if settings.windowed else None,
        language=settings.language, theme=settings.theme, transition=settings.transition,
        timing=PlayerTiming(time_scale=args.time_scale, transition_ms=settings.transition_ms),
        content_root=content, loader=reload, hide_cursor=settings.hide_cursor,
        idle=IdleSettings(loaded.config["touch.idle_timeout"], loaded.config["touch.idle_countdown"]),
        speaker=create_speaker(app),
    )
    opened: list[Services] = []

    def open_touch_services() -> None:
        # The requests database, delivery worker and staff PIN are for touch screens, which
        # nobody can reach before the first slide: open them just after it is painted.
        services = open_services(loaded.config, deck, clock)
        opened.append(services)
        install_touch_screens(kiosk.window, deck, clock, services.requests, services.staff)

    kiosk.window.defer_setup(open_touch_services)
    log.info(
        "window on screen %d %dx%d%s, touch screens in the %s theme", settings.screen, size.width(), size.height(),
        " (windowed)" if settings.windowed else "", settings.theme,
    )

    def first_frame() -> None:
        log.info("first frame")
        if os.environ.get("KIOSK_BENCH_FIRST_FRAME"):
            print(f"first-frame {time.monotonic():.6f}", flush=True)
        shot = os.environ.get("KIOSK_SCREENSHOT")
        if shot:
            # After this paint reaches the screen: grab what the X server shows.
            QTimer.singleShot(200, lambda: save_screenshot(Path(shot)))

    def save_screenshot(path: Path) -> None:
        image = screen.grabWindow(0).toImage()
        if image.save(str(path)):
            log.info("screenshot saved to %s (%dx%d)", path, image.width(), image.height())
            print(f"screenshot {path}", flush=True)
        else:
            log.error("could not save the screenshot to %s", path)

    kiosk.window.firstFramePainted.connect(first_frame)
    from kiosk.ui.unattended import start_unattended

    unattended = start_unattended(
        app, kiosk.window, kiosk.player, loaded.config, data_dir=data_folder,
        windowed=settings.windowed is not None, first_frame=kiosk.window.firstFramePainted,
    )
    if unattended.lockdown is not None:
        from dataclasses import replace

        kiosk.window.hooks = replace(kiosk.window.hooks, before_exit=unattended.lockdown.allow_close)
    code = app.exec()
    unattended.stop()
    kiosk.window.stop()
    for services in opened:
        services.close()
    if kiosk.watcher is not None:
        kiosk.watcher.stop()
    if code == exitcodes.RESTART:
        log.warning("exiting with %d so the supervisor restarts the kiosk", code)
    instance.release()
    return int(code)
