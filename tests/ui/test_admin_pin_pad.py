"""The staff PIN pad: right and wrong PINs, lockout with an injected clock, no-PIN message."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.core.admin_pin import Lockout, PinStore
from kiosk.core.clock import FixedClock
from kiosk.ui.admin.pin_pad import DOT, PinPadScreen
from kiosk.ui.scale import min_gap, min_target
from kiosk.ui.session import Session

T0 = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
PIN = "2468"


@pytest.fixture(scope="module")
def pin_hash(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One PBKDF2 hash for the module: each costs 0.7 s."""
    store = PinStore(tmp_path_factory.mktemp("pin") / "admin-pin")
    store.set(PIN)
    return store.path.read_text()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


@pytest.fixture
def store(tmp_path: Path, pin_hash: str) -> PinStore:
    path = tmp_path / "data" / "admin-pin"
    path.parent.mkdir()
    path.write_text(pin_hash)
    return PinStore(path)


@pytest.fixture
def lockout(store: PinStore, clock: FixedClock) -> Lockout:
    return Lockout(clock, path=store.lockout_path)


@pytest.fixture
def session() -> Session:
    return Session()


@pytest.fixture
def host(qtbot: QtBot) -> QWidget:
    """The pad is hosted like the shell does: a child filling a full-screen window."""
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    return window


def make_pad(
    host: QWidget, qtbot: QtBot, session: Session, store: PinStore, lockout: Lockout, **kwargs: Any
) -> PinPadScreen:
    pad = PinPadScreen(session, store, lockout, parent=host, **kwargs)
    pad.resize(host.size())
    host.show()
    qtbot.waitExposed(host)
    QApplication.processEvents()
    return pad


def resize_host(qtbot: QtBot, pad: PinPadScreen, size: QSize) -> None:
    pad.window().resize(size)
    pad.resize(size)
    qtbot.waitUntil(lambda: pad.size() == size)
    QApplication.processEvents()  # the layout settles on its posted LayoutRequest


def key(pad: PinPadScreen, name: str) -> QPushButton:
    for button in pad.findChildren(QPushButton):
        if button.accessibleName() == name:
            return button
    raise AssertionError(f"no key {name!r}")


def type_pin(qtbot: QtBot, pad: PinPadScreen, pin: str) -> None:
    for digit in pin:
        qtbot.mouseClick(key(pad, f"Digit {digit}"), Qt.MouseButton.LeftButton)


def submit_wrong(qtbot: QtBot, pad: PinPadScreen, pin: str = "1111") -> None:
    type_pin(qtbot, pad, pin)
    with qtbot.waitSignal(pad.rejected, timeout=20_000):
        qtbot.mouseClick(key(pad, "OK"), Qt.MouseButton.LeftButton)


def test_right_pin_is_accepted(
    host: QWidget, qtbot: QtBot, session: Session, store: PinStore, lockout: Lockout
) -> None:
    pad = make_pad(host, qtbot, session, store, lockout)
    type_pin(qtbot, pad, PIN)
    assert pad.dots() == " ".join(DOT * 4)
    assert PIN not in pad.dots() and PIN not in pad.message()
    with qtbot.waitSignal(pad.accepted, timeout=20_000):
        qtbot.mouseClick(key(pad, "OK"), Qt.MouseButton.LeftButton)
        assert pad.checking and pad.message() == "Checking\u2026"
        assert not key(pad, "Digit 1").isEnabled()
    assert pad.entry_length == 0 and not pad.checking


def test_wrong_pin_is_rejected_and_counted(
    host: QWidget, qtbot: QtBot, session: Session, store: PinStore, lockout: Lockout
) -> None:
    pad = make_pad(host, qtbot, session, store, lockout)
    accepted: list[bool] = []
    pad.accepted.connect(lambda: accepted.append(True))
    submit_wrong(qtbot, pad, "24680")
    assert not accepted
    assert pad.message() == "Wrong PIN. Tries left: 4."
    assert pad.entry_length == 0
    assert lockout.failures == 1
    # A new digit clears the message.
    type_pin(qtbot, pad, "2")
    assert pad.message() == ""


def test_double_tap_on_ok_is_one_attempt(
    host: QWidget, qtbot: QtBot, session: Session, store: PinStore, lockout: Lockout
) -> None:
    pad = make_pad(host, qtbot, session, store, lockout)
    type_pin(qtbot, pad, "9999")
    with qtbot.waitSignal(pad.rejected, timeout=20_000):
        pad.submit()
        pad.submit()
        qtbot.mouseDClick(key(pad, "OK"), Qt.MouseButton.LeftButton)
    assert lockout.failures == 1


def test_short_pin_asks_for_more_digits(
    host: QWidget, qtbot: QtBot, session: Session, store: PinStore, lockout: Lockout
) -> None:
    pad = make_pad(host, qtbot, session, store, lockout)
    type_pin(qtbot, pad, "12")
    pad.submit()
    assert pad.message() == "Enter 4 to 8 digits."
    assert not pad.checking and lockout.failures == 0


def test_backspace_and_max_length(
    host: QWidget, qtbot: QtBot, session: Session, store: PinStore, lockout: Lockout
) -> None:
    pad = make_pad(host, qtbot, session, store, lockout)
    type_pin(qtbot, pad, "1234567890")
    assert pad.entry_length == 8
    qtbot.mouseClick(key(pad, "Delete"), Qt.MouseButton.LeftButton)
    assert pad.entry_length == 7
    qtbot.keyClick(pad, Qt.Key.Key_Backspace)
    qtbot.keyClick(pad, Qt.Key.Key_5)
    assert pad.entry_length == 7


def test_five_wrong_pins_lock_for_five_minutes(
    host: QWidget, qtbot: QtBot, session: Session, store: PinStore, lockout: Lockout, clock: FixedClock
) -> None:
    # Three failures from an earlier visit (kept on disk) plus two here make five.
    for _ in range(3):
        lockout.record_failure()
    pad = make_pad(host, qtbot, session, store, lockout, tick_ms=10)
    submit_wrong(qtbot, pad)
    assert pad.message() == "Wrong PIN. Tries left: 1."
    submit_wrong(qtbot, pad)
    assert pad.message() == "Locked: try again in 5:00"
    assert all(not k.isEnabled() for k in pad.findChildren(QPushButton) if k.objectName() == "pinKey")
    assert key(pad, "Cancel").isEnabled()
    # Input is ignored while locked, even the right PIN typed on a keyboard.
    for digit in PIN:
        qtbot.keyClick(pad, getattr(Qt.Key, f"Key_{digit}"))
    pad.submit()
    assert pad.entry_length == 0 and not pad.checking
    # The countdown follows the clock.
    clock.advance(61)
    qtbot.waitUntil(lambda: pad.message() == "Locked: try again in 3:59")
    # A restart does not lift the lock.
    assert Lockout(clock, path=store.lockout_path).is_locked()
    clock.advance(239)
    qtbot.waitUntil(lambda: pad.message() == "")
    assert key(pad, "OK").isEnabled()
    type_pin(qtbot, pad, PIN)
    with qtbot.waitSignal(pad.accepted, timeout=20_000):
        pad.submit()
    assert lockout.attempts_left() == 5


def test_lock_shown_when_opened_while_locked(
    host: QWidget, qtbot: QtBot, session: Session, store: PinStore, lockout: Lockout, clock: FixedClock
) -> None:
    for _ in range(5):
        lockout.record_failure()
    clock.advance(1.5)
    pad = make_pad(host, qtbot, session, store, lockout)
    assert pad.message() == "Locked: try again in 4:59"


def test_no_pin_set_never_opens(
    host: QWidget, qtbot: QtBot, session: Session, tmp_path: Path, clock: FixedClock
) -> None:
    store = PinStore(tmp_path / "admin-pin")
    pad = make_pad(host, qtbot, session, store, Lockout(clock))
    assert pad.message() == "No staff PIN is set. Ask IT to run kiosk set-pin."
    type_pin(qtbot, pad, "0000")
    pad.submit()
    assert pad.entry_length == 0 and not pad.checking
    assert not key(pad, "OK").isEnabled()
    with qtbot.waitSignal(pad.cancelled):
        qtbot.mouseClick(key(pad, "Cancel"), Qt.MouseButton.LeftButton)


def test_damaged_pin_file_says_so(
    host: QWidget, qtbot: QtBot, session: Session, tmp_path: Path, clock: FixedClock, caplog: pytest.LogCaptureFixture
) -> None:
    store = PinStore(tmp_path / "admin-pin")
    store.path.write_text("pbkdf2_sha256$10$abc$def\n")
    lockout = Lockout(clock)
    pad = make_pad(host, qtbot, session, store, lockout)
    type_pin(qtbot, pad, "1234")
    pad.submit()
    qtbot.waitUntil(lambda: not pad.checking, timeout=20_000)
    assert pad.message() == "The staff PIN file is damaged. Ask IT to run kiosk set-pin again."
    assert lockout.failures == 0
    assert "not a valid staff PIN hash" in caplog.text


def test_cleared_on_reset_and_when_shown(
    host: QWidget, qtbot: QtBot, session: Session, store: PinStore, lockout: Lockout
) -> None:
    pad = make_pad(host, qtbot, session, store, lockout)
    type_pin(qtbot, pad, "123")
    session.reset()
    assert pad.entry_length == 0
    type_pin(qtbot, pad, "123")
    pad.hide()
    pad.show()
    assert pad.entry_length == 0 and pad.dots().strip() == ""


def test_cancel_is_one_action(host: QWidget, qtbot: QtBot, session: Session, store: PinStore, lockout: Lockout) -> None:
    pad = make_pad(host, qtbot, session, store, lockout)
    cancels: list[bool] = []
    pad.cancelled.connect(lambda: cancels.append(True))
    type_pin(qtbot, pad, "12")
    qtbot.mouseDClick(key(pad, "Cancel"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(key(pad, "Cancel"), Qt.MouseButton.LeftButton)
    assert cancels == [True] and pad.entry_length == 0
    pad.hide()
    pad.show()
    qtbot.mouseClick(key(pad, "Cancel"), Qt.MouseButton.LeftButton)
    assert cancels == [True, True]


def test_a_wrong_pin_cancelled_mid_check_still_counts(
    host: QWidget, qtbot: QtBot, session: Session, store: PinStore, lockout: Lockout
) -> None:
    pad = make_pad(host, qtbot, session, store, lockout)
    type_pin(qtbot, pad, "1111")
    with qtbot.waitSignal(pad.rejected, timeout=20_000):
        pad.submit()
        pad.cancel()
    assert lockout.failures == 1
    assert pad.message() == ""


@pytest.mark.parametrize("size", [QSize(1920, 1080), QSize(1080, 1920)])
def test_keys_are_big_enough_and_apart(
    host: QWidget, qtbot: QtBot, session: Session, store: PinStore, lockout: Lockout, size: QSize
) -> None:
    pad = make_pad(host, qtbot, session, store, lockout)
    resize_host(qtbot, pad, size)
    buttons = pad.findChildren(QPushButton)
    assert len(buttons) == 13
    for button in buttons:
        assert button.width() >= min_target(size) and button.height() >= min_target(size), button.accessibleName()
        assert button.accessibleName() and button.accessibleDescription()
        assert button.focusPolicy() == Qt.FocusPolicy.StrongFocus
        assert pad.rect().contains(button.geometry()), button.accessibleName()
    one, two = key(pad, "Digit 1"), key(pad, "Digit 2")
    assert two.geometry().left() - one.geometry().right() >= min_gap(size)


def test_themed_keys_are_big_enough(
    host: QWidget, qtbot: QtBot, qapp: QApplication, session: Session, store: PinStore, lockout: Lockout
) -> None:
    from kiosk.core.model import Theme
    from kiosk.ui.theme import apply_theme

    apply_theme(qapp, Theme())
    try:
        pad = make_pad(host, qtbot, session, store, lockout)
        session.set_large_text(True)
        session.set_high_contrast(True)
        QApplication.processEvents()
        for button in pad.findChildren(QPushButton):
            assert button.height() >= 72 and button.width() >= 72
    finally:
        qapp.setStyleSheet("")


def test_unexpected_error_does_not_leave_the_pad_stuck(
    host: QWidget,
    qtbot: QtBot,
    session: Session,
    store: PinStore,
    lockout: Lockout,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(pin: str) -> bool:
        raise MemoryError("no memory for the hash")

    monkeypatch.setattr(store, "check", broken)
    pad = make_pad(host, qtbot, session, store, lockout)
    type_pin(qtbot, pad, "1234")
    pad.submit()
    qtbot.waitUntil(lambda: not pad.checking, timeout=20_000)
    assert pad.message() == "The PIN could not be checked. Please try again."
    assert lockout.failures == 0 and key(pad, "OK").isEnabled()
    assert "the staff PIN could not be checked" in caplog.text
