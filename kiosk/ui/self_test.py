"""The self-test's window half: build the real kiosk window, show every slide through the
real player path and check each frame is a real picture of the right size."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QSize, QTimer

from kiosk.core.clock import Clock
from kiosk.core.model import Deck
from kiosk.ui.app import build_kiosk, create_application
from kiosk.ui.slideshow.frame_check import frame_problems
from kiosk.ui.slideshow.player import PlayerTiming

#: Seconds to wait for one slide to be rendered and shown.
SLIDE_TIMEOUT_S = 20


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
    failures = 0
    for slide in deck.slides:
        outcome: dict[str, str] = {}
        loop = QEventLoop()

        def shown(
            slide_id: str, _want: str = slide.id, _loop: QEventLoop = loop, _outcome: dict[str, str] = outcome
        ) -> None:
            if slide_id == _want:
                _outcome["shown"] = slide_id
                _loop.quit()

        def skipped(
            slide_id: str,
            message: str,
            _want: str = slide.id,
            _loop: QEventLoop = loop,
            _outcome: dict[str, str] = outcome,
        ) -> None:
            if slide_id == _want:
                _outcome["error"] = message
                _loop.quit()

        player.slideShown.connect(shown)
        player.slideSkipped.connect(skipped)
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(SLIDE_TIMEOUT_S * 1000)
        player.show_slide(slide)
        if not outcome:
            loop.exec()
        timer.stop()
        player.slideShown.disconnect(shown)
        player.slideSkipped.disconnect(skipped)
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
    player.stop()
    window.close()
    return failures
