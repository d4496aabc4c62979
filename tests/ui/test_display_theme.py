"""``display.theme: high-contrast`` in kiosk.yaml: the touch screens start in high contrast,
a patient may turn it off for their visit, and every reset brings it back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint

from kiosk.core.clock import FixedClock
from kiosk.core.config import load_config
from kiosk.ui.accessibility import touch_palette
from kiosk.ui.app import build_kiosk
from kiosk.ui.shell import MENU, SLIDESHOW, IdleSettings
from tests.helpers.kiosk import NOW, bundled_deck, running_kiosk
from tests.helpers.touch import tap

HIGH_CONTRAST_YELLOW = "#ffe600"  # only the high-contrast touch palette uses it


def configured_theme(tmp_path: Path, theme: str) -> str:
    path = tmp_path / "kiosk.yaml"
    path.write_text(f"display:\n  theme: {theme}\n", encoding="utf-8")
    config = load_config(path, {}).config
    assert config is not None
    return config["display.theme"]


def page_colour(shell) -> str:
    return shell.grab().toImage().pixelColor(5, shell.height() // 2).name()


def test_high_contrast_theme_is_where_every_patient_starts(qapp, qtbot, tmp_path: Path) -> None:
    theme = configured_theme(tmp_path, "high-contrast")
    clock = FixedClock(NOW)
    with running_kiosk(
        qapp, qtbot, clock=clock, theme=theme, idle=IdleSettings(timeout=45, countdown=20, check_interval_ms=60_000)
    ) as (kiosk, _clock):
        shell = kiosk.window
        high = touch_palette(kiosk.player.deck.clinic.theme, high_contrast=True)
        clinic = touch_palette(kiosk.player.deck.clinic.theme, high_contrast=False)
        assert shell.session.high_contrast
        assert HIGH_CONTRAST_YELLOW in shell.styleSheet()

        tap(shell.slideshow, QPoint(500, 500))
        assert shell.current_screen == MENU
        assert shell.menu.high_contrast_button.isChecked()
        assert page_colour(shell) == high.page.background

        # This patient prefers the clinic's colours for their own visit.
        tap(shell.menu.high_contrast_button)
        assert not shell.session.high_contrast and not shell.menu.high_contrast_button.isChecked()
        assert page_colour(shell) == clinic.page.background

        # "Back to slideshow": the next patient finds high contrast again.
        with qtbot.waitSignal(shell.session.resetRequested, timeout=2000):
            tap(shell.menu.back_button)
        assert shell.current_screen == SLIDESHOW
        assert shell.session.high_contrast
        shell.open_menu()
        assert shell.menu.high_contrast_button.isChecked()
        assert page_colour(shell) == high.page.background

        # The idle reset returns to it too.
        tap(shell.menu.high_contrast_button)
        assert not shell.session.high_contrast
        clock.advance(45.5)
        shell.idle.check()
        clock.advance(20)
        shell.idle.check()
        assert shell.current_screen == SLIDESHOW
        assert shell.session.high_contrast and HIGH_CONTRAST_YELLOW in shell.styleSheet()


def test_clinic_theme_starts_and_resets_in_the_clinics_colours(qapp, qtbot, tmp_path: Path) -> None:
    theme = configured_theme(tmp_path, "clinic")
    with running_kiosk(qapp, qtbot, theme=theme) as (kiosk, _clock):
        shell = kiosk.window
        assert not shell.session.high_contrast
        assert HIGH_CONTRAST_YELLOW not in shell.styleSheet()
        shell.open_menu()
        tap(shell.menu.high_contrast_button)
        assert shell.session.high_contrast
        shell.go_home()
        assert not shell.session.high_contrast
        assert HIGH_CONTRAST_YELLOW not in shell.styleSheet()


def test_an_unknown_theme_is_refused(qapp) -> None:
    with pytest.raises(ValueError, match="unknown theme 'dark'"):
        build_kiosk(qapp, bundled_deck(), clock=FixedClock(NOW), screen=qapp.primaryScreen(), theme="dark")
