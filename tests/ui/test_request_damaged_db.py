"""The request form on a real, damaged request database: the patient is told to ask the
front desk, never thanked, and what was typed stays for a retry."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.core.clock import FixedClock
from kiosk.core.requests.model import ContactTime, InfoRequest
from kiosk.core.requests.store import RequestStore
from kiosk.ui.app import RequestServices
from kiosk.ui.session import Session
from tests.helpers.damaged_db import damage_table_page
from tests.helpers.request_form import START, build, errors_shown, fill
from tests.helpers.touch import tap

pytestmark = pytest.mark.faults


def test_a_damaged_database_is_never_thanked_for(qtbot: QtBot, tmp_path: Path) -> None:
    clock = FixedClock(START)
    path = tmp_path / "data" / "requests.db"
    with RequestStore(path, clock) as store:
        earlier = InfoRequest("Earlier", "+13035550100", None, ("exercise",), ContactTime.ANY, "en")
        for n in range(200):
            store.submit(earlier, f"earlier-{n}", channels=("email",))
    damage_table_page(path, "deliveries")
    with RequestStore(path, clock) as store:
        screen = build(qtbot, Session("en"), RequestServices(store, ("email",)), clock)
        fill(qtbot, screen, name="Eva", phone="303-555-0102")
        with qtbot.assertNotEmitted(screen.submitted):
            tap(screen.submit_button)
        assert errors_shown(screen) == {"form": "We could not save your request. Please ask the front desk."}
        assert not screen.showing_thanks
        assert (screen.name.edit.text(), screen.phone.edit.text()) == ("Eva", "303-555-0102")
