"""Run as a program on a real X display: the kiosk in one window, the admin screen's Notices
page in another; type a notice on its on-screen keyboard, tap "Post notice", and print
``banner NAME`` once the slideshow's banner is painted and on the screen (read back from the
X server), else ``no banner ...``.

    python -m tests.helpers.notice_driver DATA_DIR
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.core.clock import SystemClock
from kiosk.core.loader import load_deck
from kiosk.core.notices.local_store import LocalNotices, notices_path
from kiosk.core.resources import bundled_content_dir
from kiosk.ui.admin.notices_page import NoticesPage
from kiosk.ui.app import build_kiosk
from kiosk.ui.request.keyboard import KeyAction
from kiosk.ui.slideshow.player import PlayerTiming

SIZE = QSize(960, 540)
TEXT = "Lift out today"


def wait_for(app: QApplication, condition, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        app.processEvents()
        time.sleep(0.01)
    return True


def tap(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, widget.rect().center())


def main(data: str) -> int:
    app = QApplication([sys.argv[0]])
    clock = SystemClock()
    store = LocalNotices(notices_path(Path(data)), clock)
    store.load()
    deck = load_deck(bundled_content_dir(), screen_size=(SIZE.width(), SIZE.height())).raise_for_errors()
    kiosk = build_kiosk(
        app,
        deck,
        clock=clock,
        screen=app.primaryScreen(),
        windowed=SIZE,
        transition="none",
        timing=PlayerTiming(time_scale=100.0, transition_ms=0),
        local_notices=store,
    )
    window = kiosk.window.slideshow
    board = kiosk.window.notices
    assert board is not None and window.banner is not None
    banner = window.banner
    if not wait_for(app, lambda: window.current_pixmap is not None):
        print("no banner: no first slide", flush=True)
        return 1
    page = NoticesPage(board, lambda: "en")
    page.setGeometry(0, 560, 960, 1000)
    page.apply_metrics(SIZE)
    page.show()
    page.opened()
    composer = page.composer
    tap(composer.texts["en"])
    keyboard = page.keyboard
    if not wait_for(app, lambda: keyboard.isVisible() and keyboard.target() is composer.texts["en"]):
        print("no banner: the keyboard did not come up", flush=True)
        return 1
    for ch in TEXT:
        if ch == " ":
            tap(keyboard.action_key(KeyAction.SPACE))
            continue
        if ch.isupper():
            tap(keyboard.action_key(KeyAction.SHIFT))
        tap(keyboard.key_for(ch.lower()))
    tap(keyboard.action_key(KeyAction.DONE))
    if composer.filled().get("en") != TEXT or not composer.post_button.isEnabled():
        print(f"no banner: typed {composer.filled()!r}, problems {composer.problems()}", flush=True)
        return 1
    tap(composer.post_button)
    shown = wait_for(app, lambda: banner.isVisible() and banner.paints > 0)
    # What the X server shows in the banner's strip: not the slide's frame (room kept empty).
    on_screen = False
    if shown:
        app.processEvents()
        centre = banner.mapToGlobal(QPoint(banner.width() // 2, banner.height() // 2))
        grabbed = app.primaryScreen().grabWindow(0, centre.x() - 200, centre.y() - 2, 400, 4).toImage()
        frame = window.current_pixmap
        inside = banner.mapTo(window, QPoint(banner.width() // 2 - 200, banner.height() // 2 - 2))
        slide_part = frame.copy(inside.x(), inside.y(), 400, 4).toImage() if frame is not None else None
        on_screen = slide_part is not None and grabbed.convertToFormat(slide_part.format()) != slide_part
    print(f"banner {banner.accessibleName()}" if on_screen else f"no banner: shown={shown}", flush=True)
    page.closed()
    kiosk.window.stop()
    return 0 if on_screen else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
