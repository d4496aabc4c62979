"""Builds the real kiosk (bundled content, real renderer) for the shell and menu tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from kiosk.core.clock import FixedClock
from kiosk.core.loader import load_deck
from kiosk.core.model import Deck
from kiosk.core.resources import bundled_content_dir
from kiosk.ui.app import Kiosk, build_kiosk
from kiosk.ui.shell import IdleSettings
from kiosk.ui.slideshow.player import PlayerTiming

NOW = datetime(2026, 3, 10, 10, 0, tzinfo=ZoneInfo("America/Denver"))
LANDSCAPE = QSize(1920, 1080)
PORTRAIT = QSize(1080, 1920)


def bundled_deck(size: QSize = LANDSCAPE, content: Path | None = None) -> Deck:
    result = load_deck(content or bundled_content_dir(), screen_size=(size.width(), size.height()), now=NOW)
    assert result.ok and result.deck is not None, result.problems
    return result.deck


@contextmanager
def running_kiosk(
    qapp: QApplication,
    qtbot,
    size: QSize = LANDSCAPE,
    *,
    clock: FixedClock | None = None,
    idle: IdleSettings = IdleSettings(),
    debounce_ms: int = 0,
    timing: PlayerTiming = PlayerTiming(transition_ms=0),
    **kwargs,
) -> Iterator[tuple[Kiosk, FixedClock]]:
    clock = clock or FixedClock(NOW)
    kiosk = build_kiosk(
        qapp,
        bundled_deck(size),
        clock=clock,
        screen=qapp.primaryScreen(),
        windowed=size,
        transition="none",
        timing=timing,
        idle=idle,
        **kwargs,
    )
    # The window on the screen: a turned one (display.rotation) owns the shell.
    qtbot.addWidget(kiosk.top_level)
    # Tests tap faster than any patient; the double-tap tests pass the real interval.
    kiosk.window.debouncer.interval_ms = debounce_ms
    try:
        qtbot.waitUntil(lambda: kiosk.window.current_pixmap is not None, timeout=20000)
        # Touch screens are built just after the first frame; a patient is never that fast.
        qtbot.waitUntil(lambda: kiosk.window.is_set_up, timeout=5000)
        yield kiosk, clock
    finally:
        kiosk.window.stop()
