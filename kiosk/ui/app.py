"""The kiosk's QApplication and its one full-screen window (the shell: slideshow and touch
screens), put together in one place so ``kiosk run``, ``kiosk self-test`` and the benchmarks
build exactly the same thing."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication

from kiosk.core.clock import Clock
from kiosk.core.model import Deck
from kiosk.ui.content_watcher import ContentWatcher, Loader
from kiosk.ui.frames import RendererFactory, default_renderer_factory
from kiosk.ui.player import Player, PlayerTiming
from kiosk.ui.player_window import PlayerWindow
from kiosk.ui.session import Session
from kiosk.ui.shell import IdleSettings, KioskShell, StaffHooks
from kiosk.ui.speech import Speaker
from kiosk.ui.theme import apply_theme

log = logging.getLogger(__name__)


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
    #: the kiosk's only top-level window
    window: KioskShell
    watcher: ContentWatcher | None

    @property
    def shell(self) -> KioskShell:
        return self.window

    @property
    def slideshow(self) -> PlayerWindow:
        return self.window.slideshow


def build_kiosk(
    app: QApplication,
    deck: Deck,
    *,
    clock: Clock,
    screen: QScreen,
    windowed: QSize | None = None,
    language: str = "en",
    transition: str = "fade",
    timing: PlayerTiming = PlayerTiming(),
    renderer_factory: RendererFactory = default_renderer_factory,
    content_root: Path | None = None,
    loader: Loader | None = None,
    frame_log_size: int = 0,
    hide_cursor: bool = True,
    idle: IdleSettings = IdleSettings(),
    speaker: Speaker | None = None,
) -> Kiosk:
    """Theme the app, build the player and the shell window on ``screen`` and show it.

    Full screen uses the screen's geometry before ``showFullScreen`` so the window fills the
    screen also on a bare X server without a window manager."""
    geometry = screen.geometry()
    size = QSize(windowed) if windowed is not None else geometry.size()
    player = Player(
        deck, clock=clock, size=size, language=language, transition=transition,
        timing=timing, renderer_factory=renderer_factory,
    )
    session = Session(language)
    hooks = StaffHooks()
    if content_root is not None and loader is not None:
        root, load = content_root, loader

        def reload_now() -> None:
            # Staff asked for it: load now on this thread (a second or so) and apply it.
            player.apply_load_result(load(root))  # type: ignore[arg-type]

        hooks = StaffHooks(reload_content=reload_now)
    window = KioskShell(
        player, clock=clock, session=session, idle=idle, renderer_factory=renderer_factory,
        speaker=speaker, hooks=hooks, frame_log_size=frame_log_size,
    )
    if hide_cursor:
        window.setCursor(Qt.CursorShape.BlankCursor)
    else:
        window.slideshow.unsetCursor()
    window.resize(size)
    window.setScreen(screen)
    if windowed is not None:
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, False)  # staff need a frame
        window.setFixedSize(size)
        window.move(geometry.topLeft())
        window.show()
    else:
        window.setGeometry(geometry)
        window.showFullScreen()
    watcher = None
    if content_root is not None and loader is not None:
        watcher = ContentWatcher(content_root, loader, parent=player)
        watcher.loaded.connect(player.apply_load_result)
        watcher.start()
    # The player paints its own frames; the Material theme is for the touch screens that
    # follow, so it is applied once the first frame is up (a faster start-up).
    window.firstFramePainted.connect(lambda: QTimer.singleShot(0, lambda: apply_theme(app, deck.clinic.theme)))
    player.start()
    return Kiosk(player, window, watcher)
