"""The staff screens whatever state the kiosk's data is in: a damaged or missing requests
database, a data folder that cannot be used, delivery that is off. Staff always get the admin
screen (their only way out of the kiosk) and it says what is wrong and what IT should do; and
Escape cancels the PIN pad though the lock-down blocks it everywhere else."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.core.clock import FixedClock
from kiosk.core.config import Config
from kiosk.core.requests.model import ContactTime, InfoRequest
from kiosk.core.requests.store import RequestStore
from kiosk.ui.admin.pin_pad import PinPadScreen
from kiosk.ui.app import Services, install_touch_screens, open_services
from kiosk.ui.lockdown import install_lockdown
from kiosk.ui.shell import ADMIN, MENU, PIN, SLIDESHOW, UNAVAILABLE, KioskShell
from tests.helpers.damaged_db import damage_table_page
from tests.helpers.kiosk import NOW, bundled_deck, running_kiosk

pytestmark = pytest.mark.faults


def settings(data: Path, **values: object) -> Config:
    base = Config.defaults()
    return replace(base, values={**base.values, "data.dir": str(data), **values})


def kiosk_with(qapp: QApplication, qtbot: QtBot, config: Config):
    """The real shell with the services ``kiosk run`` would open for ``config``."""
    clock = FixedClock(NOW)
    services = open_services(config, bundled_deck(), clock)
    return services, running_kiosk(qapp, qtbot, clock=clock, requests=services.requests, staff=services.staff)


def open_admin(shell: KioskShell) -> None:
    shell.open_staff()
    assert shell.current_screen == PIN
    assert shell.pin_pad is not None
    shell.pin_pad.accepted.emit()  # as after the right PIN
    assert shell.current_screen == ADMIN


def close_services(services: Services) -> None:
    services.close(timeout=2.0)


def test_a_file_that_is_not_a_database_still_gives_staff_the_admin_screen(qapp, qtbot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    (data / "requests.db").write_bytes(b"\xa5" * 8192)  # what a failing disk leaves
    services, running = kiosk_with(qapp, qtbot, settings(data))
    try:
        assert services.requests is None and services.staff is not None
        assert "damaged" in services.staff.requests_problem
        with running as (kiosk, _clock):
            shell = kiosk.window
            shell.open_request(None)
            assert shell.current_screen == UNAVAILABLE  # patients are told; nothing is taken in
            open_admin(shell)
            admin = shell.admin_screen
            assert admin is not None
            warning = admin.warnings_text()
            assert "Requests cannot be stored or shown on this kiosk" in warning
            assert "the database file is damaged" in warning and "restores requests.db from a backup" in warning
            assert "What to do: IT runs kiosk doctor" in warning
            assert admin.requests.row_count() == 0
            # Staff can still leave the kiosk: the exit is there.
            assert admin.exit_button.isVisibleTo(admin)
            admin.close_screen()
            assert shell.current_screen == SLIDESHOW
            assert admin.warnings_text() == ""  # nothing kept on a closed screen
    finally:
        close_services(services)


def test_a_database_that_opens_but_fails_its_check_is_named_on_the_requests_page(qapp, qtbot, tmp_path) -> None:
    data = tmp_path / "data"
    with RequestStore(data / "requests.db", FixedClock(NOW)) as store:
        earlier = InfoRequest("Earlier", "+13035550100", None, ("exercise",), ContactTime.ANY, "en")
        for n in range(200):
            store.submit(earlier, f"earlier-{n}", channels=("email",))
    damage_table_page(data / "requests.db", "deliveries")
    services, running = kiosk_with(qapp, qtbot, settings(data))
    try:
        assert services.requests is not None  # it opened; every submit is checked (never thanked for)
        with running as (kiosk, _clock):
            open_admin(kiosk.window)
            admin = kiosk.window.admin_screen
            assert admin is not None
            assert "The requests database cannot be read" in admin.warnings_text()
            assert "is damaged" in admin.warnings_text()
    finally:
        close_services(services)


def test_delivery_that_is_off_is_named_on_the_requests_page(qapp, qtbot, tmp_path: Path) -> None:
    config_file = tmp_path / "kiosk.yaml"
    config_file.write_text(f"data:\n  dir: {tmp_path / 'data'}\ndelivery:\n  channels: nope\n", encoding="utf-8")
    from kiosk.core.config import load_config

    config = load_config(config_file, {}).config
    assert config is not None and config.delivery_problems
    services, running = kiosk_with(qapp, qtbot, config)
    try:
        with running as (kiosk, _clock):
            open_admin(kiosk.window)
            admin = kiosk.window.admin_screen
            assert admin is not None
            assert "Requests are not being sent to the clinic: delivery is off" in admin.warnings_text()
            assert "cannot be stored" not in admin.warnings_text()  # the database itself is fine
    finally:
        close_services(services)


def test_an_unusable_data_folder_says_so_on_the_pin_pad(qapp, qtbot, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    services, running = kiosk_with(qapp, qtbot, settings(blocker / "data"))
    try:
        assert services.staff is not None and "cannot be used" in services.staff.data_folder_problem
        with running as (kiosk, _clock):
            shell = kiosk.window
            shell.open_staff()
            assert shell.current_screen == PIN
            assert shell.pin_pad is not None
            assert "cannot use its data folder" in shell.pin_pad.message()
            open_admin(shell)  # had the PIN been readable: the admin screen says why
            assert shell.admin_screen is not None
            assert "cannot be used" in shell.admin_screen.warnings_text()
    finally:
        close_services(services)


def test_a_late_install_of_staff_screens_works_without_a_store(qapp, qtbot, tmp_path: Path) -> None:
    """install_touch_screens (what kiosk run calls after the first frame) with no store."""
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    (data / "requests.db").write_bytes(b"garbage" * 2000)
    clock = FixedClock(NOW)
    services = open_services(settings(data), bundled_deck(), clock)
    try:
        with running_kiosk(qapp, qtbot, clock=clock) as (kiosk, _clock):
            install_touch_screens(kiosk.window, kiosk.player.deck, clock, services.requests, services.staff)
            open_admin(kiosk.window)
    finally:
        close_services(services)


# --- Escape and the PIN pad -------------------------------------------------------------


def press_escape(shell: KioskShell) -> None:
    """Escape as the keyboard sends it: to the window, which routes it to the focus widget."""
    window = shell.windowHandle()
    assert window is not None
    QTest.keyClick(window, Qt.Key.Key_Escape)


def test_escape_cancels_the_pin_pad_under_lock_down_and_stays_blocked_elsewhere(qapp, qtbot, tmp_path) -> None:
    data = tmp_path / "data"
    services, running = kiosk_with(qapp, qtbot, settings(data))
    try:
        with running as (kiosk, _clock):
            shell = kiosk.window
            lockdown = install_lockdown(qapp, shell, settings(data))
            assert lockdown is not None
            try:
                shell.open_menu()
                press_escape(shell)
                assert shell.current_screen == MENU  # blocked: a patient cannot leave with it
                assert lockdown.blocked_keys == 1
                shell.open_staff()
                assert shell.current_screen == PIN
                pad = shell.pin_pad
                assert isinstance(pad, PinPadScreen)
                press_escape(shell)
                assert shell.current_screen == SLIDESHOW  # docs/admin.md: Escape cancels the pad
                open_admin(shell)
                press_escape(shell)
                assert shell.current_screen == ADMIN  # the admin screen closes with Close only
                assert lockdown.blocked_keys == 2
            finally:
                lockdown.allow_close()
                lockdown.remove()
    finally:
        close_services(services)
