"""The window guard (offscreen): a window hidden or closed is lost after the grace time; one
minimised on purpose is not; a window shown again in time is not. The real X client that
destroys the window is in tests/test_window_lost.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.runtime.window_guard import WindowGuard, why_not_on_screen


@pytest.fixture
def guarded(qtbot: QtBot) -> Iterator[tuple[QWidget, WindowGuard, list[str]]]:
    window = QWidget()
    window.resize(200, 100)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    guard = WindowGuard(window, grace_ms=50, check_ms=20)
    lost: list[str] = []
    guard.lost.connect(lost.append)
    guard.start()
    yield window, guard, lost
    guard.stop()


def test_a_window_on_screen_is_not_lost(qtbot: QtBot, guarded: tuple[QWidget, WindowGuard, list[str]]) -> None:
    window, _guard, lost = guarded
    assert why_not_on_screen(window) is None
    qtbot.wait(150)
    assert lost == []


def test_a_hidden_window_is_lost_after_the_grace(qtbot: QtBot, guarded: tuple[QWidget, WindowGuard, list[str]]) -> None:
    window, guard, lost = guarded
    window.hide()
    qtbot.waitUntil(lambda: bool(lost), timeout=2000)
    assert lost == ["the window was closed or hidden"]
    assert guard.fired
    qtbot.wait(100)
    assert len(lost) == 1  # once


def test_a_window_closed_by_the_window_manager_is_lost(
    qtbot: QtBot, guarded: tuple[QWidget, WindowGuard, list[str]]
) -> None:
    window, _guard, lost = guarded
    assert window.close()
    qtbot.waitUntil(lambda: bool(lost), timeout=2000)


def test_a_window_back_within_the_grace_is_not_lost(
    qtbot: QtBot, guarded: tuple[QWidget, WindowGuard, list[str]]
) -> None:
    window, _guard, lost = guarded
    window.hide()
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(150)
    assert lost == []


def test_a_minimised_staff_window_is_not_lost(qtbot: QtBot, guarded: tuple[QWidget, WindowGuard, list[str]]) -> None:
    window, _guard, lost = guarded
    window.setWindowState(Qt.WindowState.WindowMinimized)
    qtbot.wait(150)
    assert lost == []
