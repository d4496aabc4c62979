"""Lock-down: blocked keys, refused close, no context menus, hidden cursor (pytest-qt)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.core.config import Config, load_config
from kiosk.ui.lockdown import Lockdown, install_lockdown, is_blocked_key

MODIFIER_KEYS = {Qt.Key.Key_Alt, Qt.Key.Key_Control, Qt.Key.Key_Shift, Qt.Key.Key_Meta}


class Probe(QWidget):
    """A stand-in kiosk window that records what reaches it."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[int] = []
        self.context_menus = 0
        self.resize(400, 300)
        self.edit = QLineEdit(self)  # no layout: offscreen Qt warns about a top-level's layout
        self.edit.setGeometry(10, 10, 200, 40)
        self.shortcuts_fired: list[str] = []
        for text in ("Ctrl+Q", "Ctrl+W", "Alt+F4", "F11", "Escape", "Ctrl+S"):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(text))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            action.triggered.connect(lambda _=False, t=text: self.shortcuts_fired.append(t))
            self.addAction(action)

    def keyPressEvent(self, event) -> None:
        if event.key() not in MODIFIER_KEYS:  # keyClick presses Alt/Ctrl on their own first
            self.keys.append(event.key())

    def contextMenuEvent(self, event) -> None:
        self.context_menus += 1


def config(**values: object) -> Config:
    base = Config.defaults()
    return replace(base, values={**base.values, **{k.replace("__", "."): v for k, v in values.items()}})


def show_active(qtbot: QtBot, window: QWidget) -> None:
    # Shortcuts only fire in the active window.
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


@pytest.fixture
def locked(qtbot: QtBot) -> Iterator[tuple[Probe, Lockdown]]:
    window = Probe()
    qtbot.addWidget(window)
    lockdown = install_lockdown(QApplication.instance(), window, config())  # type: ignore[arg-type]  # the tests' QApplication (instance() is typed as its base)
    assert lockdown is not None
    show_active(qtbot, window)
    yield window, lockdown
    lockdown.allow_close()
    lockdown.remove()


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
    ],
)
def test_leaving_keys_do_nothing(
    qtbot: QtBot, locked: tuple[Probe, Lockdown], key: Qt.Key, modifier: Qt.KeyboardModifier
) -> None:
    window, lockdown = locked
    for target in (window, window.edit):
        qtbot.keyClick(target, key, modifier)
    assert window.keys == []
    assert window.shortcuts_fired == []
    assert window.isVisible()
    assert lockdown.blocked_keys == 2


def test_other_keys_and_shortcuts_still_work(qtbot: QtBot, locked: tuple[Probe, Lockdown]) -> None:
    window, _ = locked
    qtbot.keyClick(window, Qt.Key.Key_A)
    qtbot.keyClicks(window.edit, "Hola")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.keys == [Qt.Key.Key_A]
    assert window.edit.text() == "Hola"
    assert window.shortcuts_fired == ["Ctrl+S"]


def test_without_lockdown_the_keys_reach_the_window(qtbot: QtBot) -> None:
    window = Probe()
    qtbot.addWidget(window)
    assert install_lockdown(QApplication.instance(), window, config(lockdown__enabled=False)) is None  # type: ignore[arg-type]  # the tests' QApplication (instance() is typed as its base)
    show_active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_A)
    assert window.shortcuts_fired == ["Escape", "Ctrl+Q"]
    assert window.keys == [Qt.Key.Key_A]
    assert window.close() is True


def test_close_is_refused_until_the_admin_exit_allows_it(qtbot: QtBot, locked: tuple[Probe, Lockdown]) -> None:
    window, lockdown = locked
    assert window.close() is False
    assert window.isVisible()
    assert lockdown.refused_closes == 1
    lockdown.allow_close()
    assert window.close() is True
    assert not window.isVisible()


def test_context_menus_are_off(qtbot: QtBot, locked: tuple[Probe, Lockdown]) -> None:
    window, _ = locked
    for target in (window, window.edit):
        event = QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, QPoint(5, 5), QPoint(5, 5), Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(target, event)
    assert window.context_menus == 0
    assert window.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu


def test_frameless_on_top_and_cursor_hidden(qtbot: QtBot, locked: tuple[Probe, Lockdown]) -> None:
    window, _ = locked
    flags = window.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint
    assert flags & Qt.WindowType.WindowStaysOnTopHint
    cursor = QApplication.overrideCursor()
    assert cursor is not None and cursor.shape() == Qt.CursorShape.BlankCursor


def test_cursor_stays_when_hide_cursor_is_off(qtbot: QtBot) -> None:
    window = Probe()
    qtbot.addWidget(window)
    lockdown = install_lockdown(QApplication.instance(), window, config(display__hide_cursor=False))  # type: ignore[arg-type]  # the tests' QApplication (instance() is typed as its base)
    assert lockdown is not None
    try:
        assert QApplication.overrideCursor() is None
    finally:
        lockdown.remove()


def test_a_full_screen_window_is_shown_again_full_screen(qtbot: QtBot) -> None:
    window = Probe()
    qtbot.addWidget(window)
    window.showFullScreen()
    qtbot.waitExposed(window)
    lockdown = install_lockdown(QApplication.instance(), window, config())  # type: ignore[arg-type]  # the tests' QApplication (instance() is typed as its base)
    assert lockdown is not None
    try:
        assert window.isVisible() and window.isFullScreen()
    finally:
        lockdown.allow_close()
        lockdown.remove()


def test_is_blocked_key_needs_the_modifier() -> None:
    assert not is_blocked_key(Qt.Key.Key_Q, Qt.KeyboardModifier.NoModifier)
    assert not is_blocked_key(Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier)
    assert is_blocked_key(Qt.Key.Key_Escape, Qt.KeyboardModifier.ShiftModifier)


def test_lockdown_options_are_validated(tmp_path: Path) -> None:
    file = tmp_path / "kiosk.yaml"
    file.write_text("lockdown:\n  enabled: maybe\nwatchdog:\n  memory_limit_mb: -5\n", encoding="utf-8")
    result = load_config(file, {})
    assert result.config is None
    text = "\n".join(str(p) for p in result.problems)
    assert "lockdown.enabled" in text and "true or false" in text
    assert "watchdog.memory_limit_mb" in text and "between 0 and 16000" in text
    assert str(file.name) in text
