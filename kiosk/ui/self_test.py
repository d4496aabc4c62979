"""The self-test's window half: build the real kiosk window, show every slide through the
real player path and check each frame is a real picture of the right size.

One event loop and one timeout timer serve every slide, and the player's signals are
connected once: nothing connected is made and dropped per slide (README, "Rendering off the
GUI thread").
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEventLoop, QObject, QSize, QTimer

from kiosk.core.clock import Clock
from kiosk.core.model import Deck
from kiosk.ui.app import build_kiosk, create_application
from kiosk.ui.slideshow.frame_check import frame_problems
from kiosk.ui.slideshow.player import Player, PlayerTiming

#: Seconds to wait for one slide to be rendered and shown.
SLIDE_TIMEOUT_S = 20


class _SlideWatch(QObject):
    """Waits for one slide at a time to be shown or skipped by ``player``."""

    def __init__(self, player: Player, timeout_ms: int) -> None:
        super().__init__(player)
        self._wanted = ""
        self.outcome: dict[str, str] = {}
        self._loop = QEventLoop(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self._loop.quit)
        player.slideShown.connect(self._shown)
        player.slideSkipped.connect(self._skipped)

    def wait_for(self, slide_id: str, show: Callable[[], None]) -> dict[str, str]:
        self._wanted, self.outcome = slide_id, {}
        show()
        if not self.outcome:
            self._timer.start()
            self._loop.exec()
            self._timer.stop()
        self._wanted = ""
        return self.outcome

    def _shown(self, slide_id: str) -> None:
        if slide_id == self._wanted and self._wanted:
            self.outcome["shown"] = slide_id
            self._loop.quit()

    def _skipped(self, slide_id: str, message: str) -> None:
        if slide_id == self._wanted and self._wanted:
            self.outcome["error"] = message
            self._loop.quit()


def show_every_slide(
    deck: Deck, size: tuple[int, int], language: str, clock: Clock, report: Callable[[str], None]
) -> int:
    """Show each slide of ``deck`` in turn; ``report`` gets one line per slide. Returns the
    number of slides that failed."""
    width, height = size
    qsize = QSize(width, height)
    app = create_application()
    screen = app.primaryScreen()
    kiosk = build_kiosk(
        app,
        deck,
        clock=clock,
        screen=screen,
        windowed=qsize,
        language=language,
        transition="none",
        timing=PlayerTiming(),
    )
    player, window = kiosk.player, kiosk.window
    watch = _SlideWatch(player, SLIDE_TIMEOUT_S * 1000)
    failures = 0
    for slide in deck.slides:
        outcome = watch.wait_for(slide.id, partial(player.show_slide, slide))
        if "error" in outcome:
            failures += 1
            report(f"FAIL {slide.id} ({slide.kind}): could not render: {outcome['error']}")
            continue
        if "shown" not in outcome:
            failures += 1
            report(f"FAIL {slide.id} ({slide.kind}): not shown within {SLIDE_TIMEOUT_S} s")
            continue
        app.processEvents()
        image = window.grab().toImage()
        problems = frame_problems(image, qsize)
        if problems:
            failures += 1
            report(f"FAIL {slide.id} ({slide.kind}): {'; '.join(problems)}")
        else:
            report(f"ok   {slide.id} ({slide.kind}) {image.width()}x{image.height()}")
    window.stop()
    window.close()
    return failures
