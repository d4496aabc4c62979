"""The request form as its tests build and fill it: a real RequestScreen, taps on its own
on-screen keyboard, the error lines it shows."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from kiosk.core.clock import FixedClock
from kiosk.core.model import Clinic, Theme
from kiosk.core.text import LocalizedText
from kiosk.ui.request.form_screen import RequestScreen, Submitter
from kiosk.ui.request.keyboard import KeyAction
from kiosk.ui.session import Session
from tests.helpers.clinics import atlas_clinic
from tests.helpers.touch import tap

START = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
FOLLOW_UP = LocalizedText({"en": "We will call you within one business day.", "es": "Lo llamaremos en un día hábil."})


def make_clinic(follow_up: LocalizedText | None = FOLLOW_UP) -> Clinic:
    return atlas_clinic(topics=("dry-needling", "shockwave", "exercise"), theme=Theme(), follow_up=follow_up)


def build(
    qtbot: QtBot,
    session: Session,
    submitter: Submitter,
    clock: FixedClock,
    *,
    size: QSize | None = None,
    thanks_seconds: float = 600.0,
    clinic: Clinic | None = None,
) -> RequestScreen:
    screen = RequestScreen(
        session,
        clinic or make_clinic(),
        submitter,
        clock=clock,
        thanks_seconds=thanks_seconds,
    )
    qtbot.addWidget(screen)
    screen.resize(size or QSize(1920, 1080))
    screen.show()
    qtbot.waitExposed(screen)
    screen.begin(None)
    return screen


def type_with_keys(qtbot: QtBot, screen: RequestScreen, text: str) -> None:
    """Tap ``text`` out on the on-screen keyboard, with shift for capitals."""
    keyboard = screen.keyboard
    for ch in text:
        if ch == " ":
            tap(keyboard.action_key(KeyAction.SPACE))
            continue
        if ch.isupper():
            tap(keyboard.action_key(KeyAction.SHIFT))
        tap(keyboard.key_for(ch.lower()))


def fill(
    qtbot: QtBot, screen: RequestScreen, *, name: str = "", phone: str = "", email: str = "", consent: bool = True
) -> None:
    for field, text in ((screen.name, name), (screen.phone, phone), (screen.email, email)):
        if text:
            tap(field.edit)
            assert screen.keyboard.isVisible() and screen.keyboard.target() is field.edit
            type_with_keys(qtbot, screen, text)
    if screen.keyboard.isVisible():
        tap(screen.keyboard.action_key(KeyAction.DONE))
    if consent:
        tap(screen.consent)


def errors_shown(screen: RequestScreen) -> dict[str, str]:
    labels = {
        "name": screen.name.error,
        "phone": screen.phone.error,
        "email": screen.email.error,
        "contact": screen.contact_error,
        "consent": screen.consent_error,
        "form": screen.form_error,
    }
    return {key: label.text() for key, label in labels.items() if label.isVisibleTo(screen) and label.text()}
