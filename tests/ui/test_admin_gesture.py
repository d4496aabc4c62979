"""The hidden gesture: only a still, single-finger hold on the top-right corner opens the PIN pad."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QElapsedTimer, QPoint, QSize, Qt
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.admin.gesture import HOLD_SECONDS, AdminGesture
from kiosk.ui.scale import min_target

HOLD = 0.05  # seconds: most tests inject a short hold
QUIET_MS = 250  # how long to watch for a trigger that must not come (5x the hold)

LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(1920, 1080)
    # A real button under part of the corner, as the shell may have: presses reach widgets too.
    button = QPushButton("x", widget)
    button.setGeometry(1920 - 40, 0, 40, 40)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def gesture(window: QWidget, qapp: QApplication) -> Iterator[AdminGesture]:
    made = AdminGesture(window, hold_seconds=HOLD)
    qapp.installEventFilter(made)
    yield made
    qapp.removeEventFilter(made)


@pytest.fixture
def touchscreen() -> QPointingDevice:
    return QTest.createTouchDevice()


def corner_point(window: QWidget) -> QPoint:
    side = min_target(window.size())
    return QPoint(window.width() - side // 2, side // 2)


def test_hold_in_corner_triggers(qtbot: QtBot, window: QWidget, gesture: AdminGesture) -> None:
    with qtbot.waitSignal(gesture.triggered, timeout=2000):
        QTest.mousePress(window, LEFT, NO_MOD, corner_point(window))
    QTest.mouseRelease(window, LEFT, NO_MOD, corner_point(window))


def test_hold_on_a_widget_in_the_corner_triggers(qtbot: QtBot, window: QWidget, gesture: AdminGesture) -> None:
    button = window.findChild(QPushButton)
    assert button is not None
    with qtbot.waitSignal(gesture.triggered, timeout=2000):
        QTest.mousePress(button, LEFT, NO_MOD, QPoint(30, 10))
    QTest.mouseRelease(button, LEFT, NO_MOD, QPoint(30, 10))


def test_corner_is_a_min_target_square(window: QWidget, gesture: AdminGesture) -> None:
    corner = gesture.corner()
    assert corner.width() == corner.height() == min_target(window.size()) == 72
    assert corner.right() == window.width() - 1 and corner.top() == 0


def test_default_hold_is_three_seconds(qtbot: QtBot, window: QWidget, qapp: QApplication) -> None:
    gesture = AdminGesture(window)
    assert gesture.hold_ms == round(HOLD_SECONDS * 1000) == 3000
    qapp.installEventFilter(gesture)
    try:
        elapsed = QElapsedTimer()
        fired_after: list[int] = []
        gesture.triggered.connect(lambda: fired_after.append(elapsed.elapsed()))
        with qtbot.waitSignal(gesture.triggered, timeout=6000):
            elapsed.start()
            QTest.mousePress(window, LEFT, NO_MOD, corner_point(window))
        assert fired_after[0] >= 2990
        QTest.mouseRelease(window, LEFT, NO_MOD, corner_point(window))
    finally:
        qapp.removeEventFilter(gesture)


def test_one_hold_one_trigger(qtbot: QtBot, window: QWidget, gesture: AdminGesture) -> None:
    with qtbot.waitSignal(gesture.triggered, timeout=2000):
        QTest.mousePress(window, LEFT, NO_MOD, corner_point(window))
    with qtbot.assertNotEmitted(gesture.triggered, wait=QUIET_MS):
        pass  # still held: no second trigger
    QTest.mouseRelease(window, LEFT, NO_MOD, corner_point(window))
    with qtbot.waitSignal(gesture.triggered, timeout=2000):
        QTest.mousePress(window, LEFT, NO_MOD, corner_point(window))
    QTest.mouseRelease(window, LEFT, NO_MOD, corner_point(window))


def test_taps_and_short_presses_are_ignored(qtbot: QtBot, window: QWidget, gesture: AdminGesture) -> None:
    with qtbot.assertNotEmitted(gesture.triggered, wait=QUIET_MS):
        QTest.mouseClick(window, LEFT, NO_MOD, corner_point(window))
        QTest.mouseDClick(window, LEFT, NO_MOD, corner_point(window))
        QTest.mouseClick(window, LEFT, NO_MOD, corner_point(window))
    assert not gesture.holding


def test_holds_elsewhere_are_ignored(qtbot: QtBot, window: QWidget, gesture: AdminGesture) -> None:
    side = min_target(window.size())
    for point in (
        QPoint(10, 10),
        QPoint(window.width() - side - 5, 10),
        QPoint(window.width() - 10, side + 5),
        QPoint(960, 540),
        QPoint(window.width() - 10, window.height() - 10),
    ):
        with qtbot.assertNotEmitted(gesture.triggered, wait=QUIET_MS):
            QTest.mousePress(window, LEFT, NO_MOD, point)
        QTest.mouseRelease(window, LEFT, NO_MOD, point)


def test_press_that_moves_away_is_ignored(qtbot: QtBot, window: QWidget, gesture: AdminGesture) -> None:
    start = corner_point(window)
    with qtbot.assertNotEmitted(gesture.triggered, wait=QUIET_MS):
        QTest.mousePress(window, LEFT, NO_MOD, start)
        QTest.mouseMove(window, start + QPoint(-120, 200))
    QTest.mouseRelease(window, LEFT, NO_MOD, start + QPoint(-120, 200))


def test_small_wobble_still_counts(qtbot: QtBot, window: QWidget, gesture: AdminGesture) -> None:
    start = corner_point(window)
    with qtbot.waitSignal(gesture.triggered, timeout=2000):
        QTest.mousePress(window, LEFT, NO_MOD, start)
        QTest.mouseMove(window, start + QPoint(-6, 5))
    QTest.mouseRelease(window, LEFT, NO_MOD, start + QPoint(-6, 5))


def test_swipe_into_the_corner_is_ignored(qtbot: QtBot, window: QWidget, gesture: AdminGesture) -> None:
    with qtbot.assertNotEmitted(gesture.triggered, wait=QUIET_MS):
        QTest.mousePress(window, LEFT, NO_MOD, QPoint(1500, 400))
        QTest.mouseMove(window, corner_point(window))
    QTest.mouseRelease(window, LEFT, NO_MOD, corner_point(window))


def test_right_button_is_ignored(qtbot: QtBot, window: QWidget, gesture: AdminGesture) -> None:
    with qtbot.assertNotEmitted(gesture.triggered, wait=QUIET_MS):
        QTest.mousePress(window, Qt.MouseButton.RightButton, NO_MOD, corner_point(window))
    QTest.mouseRelease(window, Qt.MouseButton.RightButton, NO_MOD, corner_point(window))


def test_touch_hold_triggers(
    qtbot: QtBot, window: QWidget, gesture: AdminGesture, touchscreen: QPointingDevice
) -> None:
    with qtbot.waitSignal(gesture.triggered, timeout=2000):
        QTest.touchEvent(window, touchscreen).press(0, corner_point(window), window).commit()
    QTest.touchEvent(window, touchscreen).release(0, corner_point(window), window).commit()


def test_touch_tap_is_ignored(
    qtbot: QtBot, window: QWidget, gesture: AdminGesture, touchscreen: QPointingDevice
) -> None:
    with qtbot.assertNotEmitted(gesture.triggered, wait=QUIET_MS):
        QTest.touchEvent(window, touchscreen).press(0, corner_point(window), window).commit()
        QTest.touchEvent(window, touchscreen).release(0, corner_point(window), window).commit()


def test_two_fingers_are_ignored(
    qtbot: QtBot, window: QWidget, gesture: AdminGesture, touchscreen: QPointingDevice
) -> None:
    corner = corner_point(window)
    with qtbot.assertNotEmitted(gesture.triggered, wait=QUIET_MS):
        QTest.touchEvent(window, touchscreen).press(0, corner, window).commit()
        QTest.touchEvent(window, touchscreen).stationary(0).press(1, QPoint(900, 500), window).commit()
    QTest.touchEvent(window, touchscreen).release(0, corner, window).release(1, QPoint(900, 500), window).commit()
    # Both fingers landing together, one of them in the corner, are ignored too.
    with qtbot.assertNotEmitted(gesture.triggered, wait=QUIET_MS):
        QTest.touchEvent(window, touchscreen).press(0, corner, window).press(1, QPoint(900, 500), window).commit()
    QTest.touchEvent(window, touchscreen).release(0, corner, window).release(1, QPoint(900, 500), window).commit()
    # Afterwards a proper hold works again.
    with qtbot.waitSignal(gesture.triggered, timeout=2000):
        QTest.touchEvent(window, touchscreen).press(0, corner, window).commit()
    QTest.touchEvent(window, touchscreen).release(0, corner, window).commit()


def test_touch_that_slides_away_is_ignored(
    qtbot: QtBot, window: QWidget, gesture: AdminGesture, touchscreen: QPointingDevice
) -> None:
    corner = corner_point(window)
    with qtbot.assertNotEmitted(gesture.triggered, wait=QUIET_MS):
        QTest.touchEvent(window, touchscreen).press(0, corner, window).commit()
        QTest.touchEvent(window, touchscreen).move(0, corner + QPoint(-300, 40), window).commit()
    QTest.touchEvent(window, touchscreen).release(0, corner + QPoint(-300, 40), window).commit()


def test_corner_follows_the_screen(qtbot: QtBot, window: QWidget, gesture: AdminGesture) -> None:
    window.resize(QSize(1080, 1920))
    qtbot.waitUntil(lambda: window.width() == 1080)
    assert gesture.corner().left() == 1080 - 72
    with qtbot.waitSignal(gesture.triggered, timeout=2000):
        QTest.mousePress(window, LEFT, NO_MOD, QPoint(1080 - 20, 20))
    QTest.mouseRelease(window, LEFT, NO_MOD, QPoint(1080 - 20, 20))


def test_hidden_window_never_triggers(qtbot: QtBot, window: QWidget, gesture: AdminGesture) -> None:
    window.hide()
    with qtbot.assertNotEmitted(gesture.triggered, wait=QUIET_MS):
        gesture._press(window.mapToGlobal(corner_point(window)).toPointF())


def test_bad_duration_is_refused(window: QWidget) -> None:
    with pytest.raises(ValueError, match="hold_seconds"):
        AdminGesture(window, hold_seconds=0)
