"""The staff screens in Spanish: every string translated, and the screens re-translate live."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSize, QTranslator
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.core.admin_pin import Lockout, PinStore
from kiosk.core.clock import FixedClock
from kiosk.core.requests.store import RequestStore
from kiosk.ui.admin.admin_screen import AdminScreen
from kiosk.ui.admin.pin_pad import PinPadScreen
from kiosk.ui.session import Session

I18N = Path(__file__).resolve().parents[2] / "kiosk" / "ui" / "i18n"
TS = I18N / "admin_es.ts"
QM = I18N / "admin_es.qm"
T0 = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)


def test_every_admin_string_is_translated() -> None:
    messages = list(ET.parse(TS).getroot().iter("message"))
    assert len(messages) > 90
    for message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, source
        text = translation.text or ""
        assert text.strip(), source
        # Placeholders filled by str.format must survive translation unchanged.
        placeholders = {part.split("}")[0] for part in source.split("{")[1:]}
        assert placeholders == {part.split("}")[0] for part in text.split("{")[1:]}, source


def test_compiled_catalogue_matches_the_source(qapp: QApplication) -> None:
    """The .qm was compiled from the current .ts: every message translates as the .ts says."""
    translator = QTranslator()
    assert translator.load(str(QM))
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            assert translator.translate(name, source) == message.findtext("translation"), (name, source)


def settle() -> None:
    """Let posted layout requests run: a wrapping button row lays out in two passes."""
    for _ in range(3):
        QApplication.processEvents()


class Actions:
    def reload_content(self) -> None: ...
    def set_paused(self, paused: bool) -> None: ...
    def is_paused(self) -> bool:
        return False

    def exit_kiosk(self) -> None: ...
    def content_problems(self) -> tuple[()]:
        return ()

    def content_version(self) -> str:
        return "abc"

    def content_state(self) -> None:
        return None

    def content_updates(self) -> None:
        return None

    def last_delivery_success(self) -> None:
        return None

    def retry_delivery(self, request_id: str | None) -> None: ...


def test_screens_retranslate_when_the_language_changes(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(1920, 1080)
    clock = FixedClock(T0)
    pad = PinPadScreen(Session(), PinStore(tmp_path / "admin-pin"), Lockout(clock), parent=host)
    with RequestStore(tmp_path / "requests.db", clock) as store:
        admin = AdminScreen(Actions(), store, clock=clock, data_dir=tmp_path, parent=host)
        admin.resize(host.size())
        host.show()
        assert pad.message() == "No staff PIN is set. Ask IT to run kiosk set-pin."
        translator = QTranslator()
        assert translator.load(str(QM))
        QCoreApplication.installTranslator(translator)
        try:
            settle()
            assert pad.message() == "No hay un PIN del personal configurado. Pida a TI que ejecute kiosk set-pin."
            names = {b.accessibleName() for b in admin.findChildren(QPushButton)}
            assert {
                "Cerrar",
                "Recargar contenido",
                "Salir del quiosco",
                "Pausar presentación",
                "Reintentar las fallidas",
            } <= names
            assert admin.requests.filter_button(None).text() == "Todas (0)"
        finally:
            QCoreApplication.removeTranslator(translator)
        settle()
        assert pad.message() == "No staff PIN is set. Ask IT to run kiosk set-pin."
        assert admin.close_button.text() == "Close"


@pytest.mark.parametrize("size", [QSize(1920, 1080), QSize(1080, 1920)])
def test_spanish_texts_are_never_clipped(qtbot: QtBot, tmp_path: Path, size: QSize) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(size)
    clock = FixedClock(T0)
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    try:
        with RequestStore(tmp_path / "requests.db", clock) as store:
            admin = AdminScreen(Actions(), store, clock=clock, data_dir=tmp_path, parent=host)
            admin.resize(size)
            host.show()
            qtbot.waitExposed(host)
            settle()
            for ask_exit in (False, True):
                if ask_exit:
                    admin.exit_button.click()
                    settle()
                for button in admin.findChildren(QPushButton):
                    if button.isVisibleTo(admin):
                        assert button.width() >= button.sizeHint().width(), button.text()
                        right = button.mapTo(admin, button.rect().topRight()).x()
                        assert right < size.width(), button.text()
    finally:
        QCoreApplication.removeTranslator(translator)
