"""The real window with the real renderer, loader and theme: every slide kind at the three
screen sizes, full-screen geometry, a corrupt image skipped, nothing written to HOME."""

from __future__ import annotations

import io
import logging
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from kiosk.core.clock import FixedClock
from kiosk.core.loader import load_deck
from kiosk.core.model import SLIDE_KINDS, Deck
from kiosk.core.resources import bundled_content_dir
from kiosk.ui.app import Kiosk, build_kiosk
from kiosk.ui.slideshow.frame_check import frame_problems
from kiosk.ui.slideshow.player import PlayerTiming

NOW = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)  # a Monday afternoon in Denver
SIZES = [QSize(1920, 1080), QSize(1080, 1920), QSize(3840, 2160)]


def copy_content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), root)
    return root


def load(root: Path, size: QSize | None = None) -> Deck:
    size = size or QSize(1920, 1080)
    result = load_deck(root, screen_size=(size.width(), size.height()), now=NOW)
    assert result.ok, [str(p) for p in result.problems]
    assert result.deck is not None
    return result.deck


def corrupt_png() -> bytes:
    """A PNG whose header (size, format) reads fine but whose pixels cannot be decoded."""
    buf = io.BytesIO()
    Image.new("RGB", (1600, 1000), (200, 80, 40)).save(buf, "PNG")
    data = bytearray(buf.getvalue())
    for i in range(60, len(data) - 20):
        data[i] = (data[i] * 7 + 13) & 0xFF
    return bytes(data)


def show_each(qtbot, kiosk: Kiosk, deck: Deck, size: QSize) -> dict[str, list[str]]:
    """Show every slide through the player and return the frame problems of each."""
    results: dict[str, list[str]] = {}
    for slide in deck.slides:
        with qtbot.waitSignal(kiosk.player.slideShown, timeout=20000, check_params_cb=lambda s, i=slide.id: s == i):
            kiosk.player.show_slide(slide)
        QApplication.processEvents()
        results[slide.id] = frame_problems(kiosk.window.grab().toImage(), size)
    return results


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_every_slide_kind_is_shown_whole_at_each_size(qtbot, qapp, tmp_path: Path, size: QSize) -> None:
    deck = load(copy_content(tmp_path), size)
    assert {s.kind for s in deck.slides} == set(SLIDE_KINDS)  # the pack covers every kind
    kiosk = build_kiosk(
        qapp, deck, clock=FixedClock(NOW), screen=qapp.primaryScreen(), windowed=size, transition="none"
    )
    qtbot.addWidget(kiosk.window)
    try:
        results = show_each(qtbot, kiosk, deck, size)
    finally:
        kiosk.player.stop()
    assert results == {s.id: [] for s in deck.slides}


def test_full_screen_window_takes_the_screen_geometry(qtbot, qapp, tmp_path: Path) -> None:
    deck = load(copy_content(tmp_path))
    screen = QGuiApplication.primaryScreen()
    kiosk = build_kiosk(qapp, deck, clock=FixedClock(NOW), screen=screen)
    qtbot.addWidget(kiosk.window)
    try:
        qtbot.waitExposed(kiosk.window)
        assert kiosk.window.geometry() == screen.geometry()
        assert kiosk.window.isFullScreen()
        assert kiosk.window.windowFlags() & Qt.WindowType.FramelessWindowHint
        assert kiosk.player.size == screen.geometry().size()  # frames rendered at screen size
        qtbot.waitUntil(lambda: kiosk.window.current_pixmap is not None, timeout=20000)
        assert kiosk.window.current_pixmap.size() == screen.geometry().size()
        assert frame_problems(kiosk.window.grab().toImage(), screen.geometry().size()) == []
    finally:
        kiosk.player.stop()


def test_building_and_playing_writes_nothing_to_home(qtbot, qapp, tmp_path: Path) -> None:
    home = Path.home()
    assert home != Path("/root") and not any(home.iterdir())  # conftest's fresh, empty HOME
    deck = load(copy_content(tmp_path))
    qapp.setStyleSheet("")
    kiosk = build_kiosk(qapp, deck, clock=FixedClock(NOW), screen=qapp.primaryScreen(), windowed=QSize(960, 540))
    qtbot.addWidget(kiosk.window)
    try:
        qtbot.waitUntil(lambda: kiosk.player.current_slide is not None, timeout=20000)
        # The theme goes on once the first frame is up.
        qtbot.waitUntil(lambda: deck.clinic.theme.primary in qapp.styleSheet(), timeout=5000)
    finally:
        kiosk.player.stop()
    assert sorted(p.relative_to(home).as_posix() for p in home.rglob("*")) == []


@pytest.mark.qt_log_ignore("libpng error")
def test_corrupt_image_slide_is_skipped_and_logged(qtbot, qapp, tmp_path: Path, caplog) -> None:
    root = copy_content(tmp_path)
    (root / "images" / "broken.png").write_bytes(corrupt_png())
    slide_file = root / "slides" / "about-welcome.yaml"
    slide_file.write_text(re.sub(r"^image:.*$", "image: images/broken.png", slide_file.read_text(), flags=re.M))
    deck = load(root)
    first, second = deck.slides[0], deck.slides[1]
    assert first.id == "about-welcome"
    kiosk = build_kiosk(
        qapp,
        deck,
        clock=FixedClock(NOW),
        screen=qapp.primaryScreen(),
        windowed=QSize(960, 540),
        timing=PlayerTiming(transition_ms=0),
    )
    qtbot.addWidget(kiosk.window)
    skipped: list[str] = []
    kiosk.player.slideSkipped.connect(lambda s, _m: skipped.append(s))
    try:
        # start() already asked for about-welcome; the one after it comes up instead.
        with (
            caplog.at_level(logging.WARNING, logger="kiosk"),
            qtbot.waitSignal(kiosk.player.slideShown, timeout=20000) as shown,
        ):
            pass
        assert shown.args == [second.id]
        assert frame_problems(kiosk.window.grab().toImage(), QSize(960, 540)) == []
    finally:
        kiosk.player.stop()
    assert skipped == ["about-welcome"]
    assert any(
        "slide about-welcome skipped" in r.getMessage() and "broken.png" in r.getMessage() for r in caplog.records
    )
