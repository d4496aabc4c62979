"""Hot reload through real file writes and real QFileSystemWatcher events."""

from __future__ import annotations

import logging
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QSize

from kiosk.core.clock import FixedClock
from kiosk.core.loader import LoadResult, load_deck
from kiosk.core.resources import bundled_content_dir
from kiosk.ui.app import Kiosk, build_kiosk
from kiosk.ui.slideshow.content_watcher import ContentWatcher, content_fingerprint
from kiosk.ui.slideshow.player import PlayerTiming

NOW = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)
SIZE = QSize(640, 360)
TITLE = "  en: Welcome to Atlas Physical Therapy\n"


def start_kiosk(
    qtbot, qapp, tmp_path: Path, timing: PlayerTiming = PlayerTiming(transition_ms=0)
) -> tuple[Kiosk, Path]:
    root = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), root)
    clock = FixedClock(NOW)
    result = load_deck(root, screen_size=(SIZE.width(), SIZE.height()), now=NOW)
    assert result.ok and result.deck is not None

    def loader(path: Path) -> LoadResult:
        return load_deck(path, screen_size=(SIZE.width(), SIZE.height()), now=clock.now())

    kiosk = build_kiosk(
        qapp,
        result.deck,
        clock=clock,
        screen=qapp.primaryScreen(),
        windowed=SIZE,
        transition="none",
        timing=timing,
        content_root=root,
        loader=loader,
    )
    qtbot.addWidget(kiosk.window)
    qtbot.waitUntil(lambda: kiosk.player.current_slide is not None, timeout=20000)
    # The content watcher starts just after the first frame (KioskShell.defer_setup).
    qtbot.waitUntil(lambda: kiosk.window.is_set_up, timeout=5000)
    return kiosk, root


def stop(kiosk: Kiosk) -> None:
    kiosk.player.stop()
    assert kiosk.watcher is not None
    kiosk.watcher.stop()


def atomic_write(path: Path, text: str) -> None:
    """How many editors save: write a new file beside it and rename it over the old one."""
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def test_valid_save_reloads_within_two_seconds_and_applies_at_next_boundary(qtbot, qapp, tmp_path: Path) -> None:
    kiosk, root = start_kiosk(qtbot, qapp, tmp_path, PlayerTiming(time_scale=0.05, transition_ms=0))
    old_version = kiosk.player.deck.version
    slide_file = root / "slides" / "about-welcome.yaml"
    text = slide_file.read_text(encoding="utf-8")
    assert TITLE in text
    elapsed = QElapsedTimer()
    try:
        with qtbot.waitSignal(kiosk.player.deckApplied, timeout=2000) as applied:
            elapsed.start()
            slide_file.write_text(text.replace(TITLE, "  en: Welcome to our clinic\n"), encoding="utf-8")
        assert elapsed.elapsed() < 2000
        assert applied.args[0] != old_version
        # The new deck is in use from the next slide boundary on.
        qtbot.waitUntil(lambda: kiosk.player.deck.version == applied.args[0], timeout=5000)
        assert kiosk.player.deck.slide("about-welcome").title.get("en") == "Welcome to our clinic"
    finally:
        stop(kiosk)


def test_atomic_saves_are_seen_every_time(qtbot, qapp, tmp_path: Path) -> None:
    kiosk, root = start_kiosk(qtbot, qapp, tmp_path)
    slide_file = root / "slides" / "about-welcome.yaml"
    text = slide_file.read_text(encoding="utf-8")
    try:
        for n in range(2):  # the second save proves the renamed-over file is watched again
            with qtbot.waitSignal(kiosk.player.deckApplied, timeout=2000):
                atomic_write(slide_file, text.replace(TITLE, f"  en: Welcome, edit {n}\n"))
        assert str(slide_file) in kiosk.watcher.watched_paths
    finally:
        stop(kiosk)


def test_invalid_save_keeps_the_last_good_deck_and_logs_every_problem(qtbot, qapp, tmp_path: Path, caplog) -> None:
    kiosk, root = start_kiosk(qtbot, qapp, tmp_path, PlayerTiming(time_scale=0.05, transition_ms=0))
    good_version = kiosk.player.deck.version
    slide_file = root / "slides" / "about-welcome.yaml"
    text = slide_file.read_text(encoding="utf-8")
    shown: list[str] = []
    kiosk.player.slideShown.connect(shown.append)
    try:
        with (
            caplog.at_level(logging.WARNING, logger="kiosk"),
            qtbot.waitSignal(kiosk.player.reloadRejected, timeout=2000),
        ):
            slide_file.write_text(text.replace("kind: info", "kind: infomercial"), encoding="utf-8")
        problems = kiosk.player.last_problems
        assert problems and any(p.is_error and "about-welcome.yaml" in p.path for p in problems)
        assert any("reload rejected" in r.getMessage() for r in caplog.records)
        assert any("about-welcome.yaml" in r.getMessage() for r in caplog.records)
        # Playback carries on with the last good deck.
        mark = len(shown)
        qtbot.waitUntil(lambda: len(shown) >= mark + 2, timeout=5000)
        assert kiosk.player.deck.version == good_version
    finally:
        stop(kiosk)


def test_poll_finds_a_change_the_watcher_did_not_report(qtbot, qapp, tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), root)
    loads: list[LoadResult] = []
    # Events are debounced for a minute here, so only the 200 ms poll can notice the save.
    watcher = ContentWatcher(root, lambda p: load_deck(p, now=NOW), debounce_ms=60_000, poll_ms=200)
    watcher.loaded.connect(loads.append)
    watcher.start()
    try:
        before = content_fingerprint(root)
        (root / "slides" / "contact.yaml").write_text(
            (root / "slides" / "contact.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
        )
        assert content_fingerprint(root) != before
        qtbot.waitUntil(lambda: len(loads) == 1, timeout=2000)
        assert loads[0].ok
    finally:
        watcher.stop()


def test_unchanged_content_is_not_reloaded(qtbot, qapp, tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), root)
    loads: list[LoadResult] = []
    watcher = ContentWatcher(root, lambda p: load_deck(p, now=NOW), debounce_ms=10, poll_ms=20)
    watcher.loaded.connect(loads.append)
    watcher.start()
    try:
        changed: list[int] = []
        watcher.changed.connect(lambda: changed.append(1))
        qtbot.waitUntil(lambda: watcher.checks_done >= 10, timeout=2000)
    finally:
        watcher.stop()
    assert loads == [] and changed == []


def test_watcher_events_alone_reload_after_atomic_saves(qtbot, qapp, tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), root)
    loads: list[LoadResult] = []
    # No polling for an hour: only QFileSystemWatcher events can trigger these reloads.
    watcher = ContentWatcher(root, lambda p: load_deck(p, now=NOW), poll_ms=3_600_000)
    watcher.loaded.connect(loads.append)
    watcher.start()
    slide_file = root / "slides" / "contact.yaml"
    text = slide_file.read_text(encoding="utf-8")
    try:
        for n in range(1, 3):
            atomic_write(slide_file, text + "\n" * n)
            qtbot.waitUntil(lambda n=n: len(loads) == n, timeout=2000)
        shutil.copy(root / "images" / "shockwave.svg", root / "images" / "extra.svg")
        qtbot.waitUntil(lambda: len(loads) == 3, timeout=2000)  # a file added to images/
    finally:
        watcher.stop()


def test_a_saved_edit_to_the_slide_on_screen_shows_within_two_seconds(qtbot, qapp, tmp_path: Path) -> None:
    """The running kiosk's path: the content home, its snapshots and the watcher (long slides,
    so only the edit can change what is on screen)."""
    from kiosk.core.content_home import content_places
    from kiosk.core.content_library import ContentLibrary

    clock = FixedClock(NOW)
    places = content_places(tmp_path / "data", tmp_path / "home")
    library = ContentLibrary(places, screen_size=(SIZE.width(), SIZE.height()), clock=clock)
    outcome = library.start()
    assert outcome.ok and outcome.deck is not None
    kiosk = build_kiosk(
        qapp,
        outcome.deck,
        clock=clock,
        screen=qapp.primaryScreen(),
        windowed=SIZE,
        transition="fade",
        timing=PlayerTiming(time_scale=100, transition_ms=50),
        content_root=places.home,
        loader=lambda _root: library.refresh(),
    )
    qtbot.addWidget(kiosk.window)
    qtbot.waitUntil(lambda: kiosk.player.current_slide is not None and kiosk.window.is_set_up, timeout=20000)
    current = kiosk.player.current_slide
    assert current is not None
    slide_file = places.home / current.source.path
    text = slide_file.read_text(encoding="utf-8")
    title = current.title.get("en")
    elapsed = QElapsedTimer()
    try:
        with qtbot.waitSignal(kiosk.player.frameChanged, timeout=2000) as changed:
            elapsed.start()
            atomic_write(slide_file, text.replace(title, "Edited while on screen"))
        assert elapsed.elapsed() < 2000 and changed.args[2] == current.id
        shown = kiosk.player.current_slide
        assert shown is not None and shown.title.get("en") == "Edited while on screen"
        assert shown.source.path == current.source.path and places.history in Path(kiosk.player.deck.root).parents
    finally:
        stop(kiosk)
