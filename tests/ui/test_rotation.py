"""display.rotation in the window (offscreen): the shell is laid out at the turned size, a
press on the window lands on the widget drawn there, and the staff corner is the corner staff
see. tests/test_real_window_rotation.py does the same with real X input and the X server's
pixels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGridLayout, QLayout, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.core.config import load_config
from kiosk.ui.admin.gesture import AdminGesture
from kiosk.ui.rotation import RotatedWindow, turned_size
from kiosk.ui.scale import min_target
from tests.helpers.kiosk import running_kiosk

WINDOW = QSize(640, 360)
LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier


def on_window(x: float, y: float, degrees: int, size: QSize = WINDOW) -> QPoint:
    """Where the content's point (x, y) is on a ``size`` window turned clockwise by ``degrees``."""
    w, h = size.width(), size.height()
    turned = {0: (x, y), 90: (w - y, x), 180: (w - x, h - y), 270: (y, h - x)}[degrees]
    return QPoint(round(turned[0]), round(turned[1]))


@pytest.mark.parametrize(("degrees", "expected"), [(0, QSize(640, 360)), (90, QSize(360, 640)), (270, QSize(360, 640))])
def test_turned_size(degrees: int, expected: QSize) -> None:
    assert turned_size(WINDOW, degrees) == expected


def test_a_rotation_of_45_degrees_is_refused() -> None:
    with pytest.raises(ValueError, match="rotation"):
        turned_size(WINDOW, 45)


def test_kiosk_yaml_takes_the_four_rotations_only(tmp_path) -> None:
    config_file = tmp_path / "kiosk.yaml"
    config_file.write_text("display:\n  rotation: 90\n", encoding="utf-8")
    loaded = load_config(config_file, {})
    assert loaded.config is not None and loaded.config["display.rotation"] == 90
    from_env = load_config(config_file, {"KIOSK_DISPLAY_ROTATION": "270"}).config
    assert from_env is not None and from_env["display.rotation"] == 270
    config_file.write_text("display:\n  rotation: 45\n", encoding="utf-8")
    problems = " ".join(str(p) for p in load_config(config_file, {}).problems)
    assert "display.rotation" in problems and "0, 90, 180, 270" in problems


def quarters(qtbot: QtBot, degrees: int) -> tuple[RotatedWindow, dict[str, QPushButton], list[str]]:
    content = QWidget()
    grid = QGridLayout(content)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setSpacing(0)
    # As the shell's layout: the window's size is given, never taken from the layout (and the
    # offscreen platform warns when an embedded widget's minimum size is pushed to it).
    grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    clicked: list[str] = []
    buttons = {}
    for name, row, column in (("tl", 0, 0), ("tr", 0, 1), ("bl", 1, 0), ("br", 1, 1)):
        button = QPushButton(name)
        button.setSizePolicy(button.sizePolicy().Policy.Expanding, button.sizePolicy().Policy.Expanding)
        button.clicked.connect(lambda _checked=False, name=name: clicked.append(name))
        grid.addWidget(button, row, column)
        buttons[name] = button
    window = RotatedWindow(content, degrees)
    qtbot.addWidget(window)
    window.resize(WINDOW)
    window.show()
    qtbot.waitExposed(window)
    return window, buttons, clicked


@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_a_press_lands_on_the_widget_drawn_there(qtbot: QtBot, degrees: int) -> None:
    window, buttons, clicked = quarters(qtbot, degrees)
    laid_out = turned_size(WINDOW, degrees)
    assert window.content.size() == laid_out
    for name, button in buttons.items():
        middle = button.geometry().center()
        QTest.mouseClick(window.viewport(), LEFT, NO_MOD, on_window(middle.x(), middle.y(), degrees))
        assert clicked[-1:] == [name], f"{degrees} degrees: a press on {name} reached {clicked[-1:]}"


@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_the_staff_corner_is_the_top_right_staff_see(qtbot: QtBot, qapp: QApplication, degrees: int) -> None:
    window, _buttons, _clicked = quarters(qtbot, degrees)
    gesture = AdminGesture(window.content, hold_seconds=0.05)
    qapp.installEventFilter(gesture)
    try:
        laid_out = window.content.size()
        side = min_target(laid_out)
        seen_corner = on_window(laid_out.width() - side / 2, side / 2, degrees)
        screen_corner = QPoint(WINDOW.width() - side // 2, side // 2)  # the window's own top right
        assert seen_corner != screen_corner
        with qtbot.assertNotEmitted(gesture.triggered, wait=250):
            QTest.mousePress(window.viewport(), LEFT, NO_MOD, screen_corner)
        QTest.mouseRelease(window.viewport(), LEFT, NO_MOD, screen_corner)
        with qtbot.waitSignal(gesture.triggered, timeout=2000):
            QTest.mousePress(window.viewport(), LEFT, NO_MOD, seen_corner)
        QTest.mouseRelease(window.viewport(), LEFT, NO_MOD, seen_corner)
    finally:
        qapp.removeEventFilter(gesture)


def test_the_kiosk_turned_a_quarter_lays_out_portrait_and_taps_open_the_menu(qapp: QApplication, qtbot: QtBot) -> None:
    with running_kiosk(qapp, qtbot, QSize(960, 540), rotation=90) as (kiosk, _clock):
        assert kiosk.rotated is not None and kiosk.top_level is kiosk.rotated
        assert kiosk.window.size() == QSize(540, 960)
        assert kiosk.player.size == QSize(540, 960)
        QTest.mouseClick(kiosk.rotated.viewport(), LEFT, NO_MOD, QPoint(480, 270))
        qtbot.waitUntil(lambda: kiosk.window.current_screen == "menu", timeout=5000)


def test_the_kiosk_not_turned_has_no_rotated_window(qapp: QApplication, qtbot: QtBot) -> None:
    with running_kiosk(qapp, qtbot, QSize(960, 540)) as (kiosk, _clock):
        assert kiosk.rotated is None and kiosk.top_level is kiosk.window
