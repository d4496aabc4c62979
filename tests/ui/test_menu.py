"""The touch menu: topics come from content (only those playing now), a tap shows its pressed
state at once, a double tap is one action, and the switches follow the session."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.core.resources import bundled_content_dir
from kiosk.ui.accessibility import touch_palette
from kiosk.ui.shell import BROWSE, MENU, SLIDESHOW
from tests.helpers.kiosk import LANDSCAPE, NOW, bundled_deck, running_kiosk


def test_topics_come_from_content_and_only_those_playing_now(qapp, qtbot, tmp_path: Path) -> None:
    from kiosk.core.clock import FixedClock
    from kiosk.ui.app import build_kiosk
    from kiosk.ui.menu.menu_screen import playing_topics

    content = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), content)
    news = content / "slides" / "shockwave-news.yaml"
    # Shockwave's only slide ran in January: at NOW (March) the topic has nothing to show.
    news.write_text(
        news.read_text(encoding="utf-8") + "schedule:\n  from: 2026-01-01\n  until: 2026-01-31\n", encoding="utf-8"
    )
    deck = bundled_deck(LANDSCAPE, content)
    assert [t.id for t in playing_topics(deck, NOW)] == ["dry-needling", "exercise", "about"]
    kiosk = build_kiosk(
        qapp, deck, clock=FixedClock(NOW), screen=qapp.primaryScreen(), windowed=LANDSCAPE, transition="none"
    )
    qtbot.addWidget(kiosk.window)
    try:
        kiosk.window.open_menu()
        buttons = [
            b.objectName()
            for b in kiosk.window.menu.findChildren(type(kiosk.window.menu.back_button))
            if b.objectName().startswith("topic_") and b.isVisibleTo(kiosk.window.menu)
        ]
        assert sorted(buttons) == ["topic_about", "topic_dry-needling", "topic_exercise"]
    finally:
        kiosk.player.stop()


def test_a_pressed_button_looks_pressed_before_it_is_released(qapp, qtbot) -> None:
    with running_kiosk(qapp, qtbot) as (kiosk, _clock):
        shell = kiosk.window
        shell.open_menu()
        button = shell.menu.request_button
        palette = touch_palette(kiosk.player.deck.clinic.theme)
        spot = QPoint(button.width() // 2, max(6, button.height() // 9))

        def colour() -> str:
            return button.grab().toImage().pixelColor(spot).name()

        assert colour() == palette.button.background
        QTest.mousePress(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(10, 10))
        assert button.isDown()
        assert colour() == palette.button_pressed.background  # drawn pressed, nothing waited for
        QTest.mouseRelease(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(10, 10))


def test_a_double_tap_on_a_topic_opens_it_once_and_does_not_press_what_appears_under_it(qapp, qtbot) -> None:
    with running_kiosk(qapp, qtbot, debounce_ms=350) as (kiosk, _clock):
        shell = kiosk.window
        QTest.mouseClick(shell.slideshow, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(400, 400))
        assert shell.current_screen == MENU
        shell.debouncer.reset()
        opened: list[str] = []
        shell.menu.topicChosen.connect(opened.append)
        topic = shell.menu.topic_button("exercise")
        # A double tap: two press/release pairs in quick succession (Qt adds its DblClick event).
        for _ in range(2):
            QTest.mouseClick(topic, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(10, 10))
        assert opened == ["exercise"] and shell.current_screen == BROWSE
        # The second tap of the double tap, landing on whatever is now under the finger.
        QTest.mouseClick(
            shell.browse.menu_button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(10, 10)
        )
        assert shell.current_screen == BROWSE


def test_a_double_tap_on_the_slideshow_opens_the_menu_and_nothing_more(qapp, qtbot) -> None:
    with running_kiosk(qapp, qtbot, debounce_ms=350) as (kiosk, _clock):
        shell = kiosk.window
        QTest.mouseClick(shell.slideshow, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(400, 400))
        QTest.mouseClick(
            shell.menu.back_button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(10, 10)
        )
        assert shell.current_screen == MENU


def test_switches_follow_the_session_both_ways(qapp, qtbot) -> None:
    with running_kiosk(qapp, qtbot) as (kiosk, _clock):
        shell = kiosk.window
        shell.open_menu()
        menu = shell.menu
        QTest.mouseClick(
            menu.high_contrast_button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(10, 10)
        )
        assert shell.session.high_contrast and menu.high_contrast_button.isChecked()
        assert "#ffe600" in shell.styleSheet()  # the high-contrast theme is on
        shell.session.set_large_text(True)
        assert menu.large_text_button.isChecked()
        QTest.mouseClick(
            menu.language_buttons["es"], Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(10, 10)
        )
        QTest.mouseClick(
            menu.language_buttons["es"], Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(10, 10)
        )
        assert shell.session.language == "es" and menu.language_buttons["es"].isChecked()
        assert not menu.language_buttons["en"].isChecked()
        shell.go_home()
        assert shell.current_screen == SLIDESHOW
        assert not menu.high_contrast_button.isChecked() and not menu.large_text_button.isChecked()
        assert menu.language_buttons["en"].isChecked()
        assert "#ffe600" not in shell.styleSheet()


def test_hidden_slides_never_show_in_the_menu_or_the_topic_browser(qapp, qtbot, tmp_path: Path) -> None:
    from kiosk.core.clock import FixedClock
    from kiosk.ui.app import build_kiosk
    from kiosk.ui.menu.menu_screen import playing_topics

    content = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), content)
    # Shockwave's only slide and one of the five exercises are hidden.
    for name in ("shockwave-news", "exercise-cat-cow"):
        path = content / "slides" / f"{name}.yaml"
        path.write_text(path.read_text(encoding="utf-8") + "hidden: true\n", encoding="utf-8")
    deck = bundled_deck(LANDSCAPE, content)
    assert [t.id for t in playing_topics(deck, NOW)] == ["dry-needling", "exercise", "about"]
    kiosk = build_kiosk(
        qapp, deck, clock=FixedClock(NOW), screen=qapp.primaryScreen(), windowed=LANDSCAPE, transition="none"
    )
    qtbot.addWidget(kiosk.window)
    try:
        shell = kiosk.window
        shell.open_menu()
        assert shell.menu.topic_button("exercise").detail_label.text() == "4 slides"
        QTest.mouseClick(
            shell.menu.topic_button("exercise"),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            QPoint(10, 10),
        )
        assert shell.current_screen == BROWSE
        ids = [s.id for s in shell.browse.slides]
        assert len(ids) == 4 and "exercise-cat-cow" not in ids
        assert shell.browse.position_label.text() == "1 / 4"
    finally:
        kiosk.player.stop()
