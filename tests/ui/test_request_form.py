"""The "Request more information" form: filled with taps on its on-screen keyboard, in English
and Spanish, stored in a real SQLite store, then thanked; and forgotten on cancel and reset."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRect, QSize, Qt, QTranslator
from PySide6.QtGui import QFontMetrics, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.core.clock import FixedClock
from kiosk.core.loader import load_deck
from kiosk.core.model import Clinic, Topic
from kiosk.core.requests.errors import StorageError
from kiosk.core.requests.model import MESSAGES, ContactTime, InfoRequest, StoredRequest, parse_request
from kiosk.core.requests.store import RequestStore
from kiosk.core.resources import bundled_content_dir
from kiosk.core.text import LocalizedText
from kiosk.ui.i18n import I18N_DIR
from kiosk.ui.render.qr import qr_matches
from kiosk.ui.request.form_screen import RequestScreen
from kiosk.ui.request.keyboard import KeyAction, KeyboardMode
from kiosk.ui.request.messages import field_message
from kiosk.ui.request.thanks_screen import DONE_GUARD_SECONDS, tel_uri
from kiosk.ui.session import Session
from tests.helpers.request_form import FOLLOW_UP, START, build, errors_shown, fill, make_clinic, type_with_keys
from tests.helpers.touch import tap

ES = {
    "title": "Solicitar más información",
    "storage": "No pudimos guardar su solicitud. Por favor, pregunte en la recepción.",
}


class FlakyStore:
    """A real store behind a switch that makes submit fail like a full or broken disk."""

    def __init__(self, store: RequestStore) -> None:
        self.store = store
        self.failing = False
        self.calls = 0

    def submit(self, request: InfoRequest, idempotency_token: str) -> StoredRequest:
        self.calls += 1
        if self.failing:
            raise StorageError(f"cannot write the requests database {self.store.path}: disk I/O error")
        return self.store.submit(request, idempotency_token, channels=["email"])


@pytest.fixture
def store(tmp_path: Path) -> Iterator[RequestStore]:
    with RequestStore(tmp_path / "data" / "requests.db") as s:
        yield s


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def session() -> Session:
    return Session("en")


@pytest.fixture
def spanish(qapp: object) -> Iterator[QTranslator]:
    translator = QTranslator()
    assert translator.load(str(I18N_DIR / "request_es.qm"))
    yield translator
    QCoreApplication.removeTranslator(translator)


def to_spanish(session: Session, translator: QTranslator, screen: RequestScreen) -> None:
    """What the shell does when a patient picks Español: the Spanish translator in, the session
    in Spanish, and a LanguageChange through the screen at once (Qt's own comes later)."""
    QCoreApplication.installTranslator(translator)
    session.set_language("es")
    QCoreApplication.sendEvent(screen, QEvent(QEvent.Type.LanguageChange))


# --- filling and submitting ------------------------------------------------------------------


def test_taps_on_the_keyboard_fill_and_submit_one_request(
    qtbot: QtBot, session: Session, store: RequestStore, clock: FixedClock
) -> None:
    screen = build(qtbot, session, FlakyStore(store), clock)
    screen.begin("shockwave")
    assert screen.topics.selected() == ["shockwave"]
    fill(qtbot, screen, name="Ana Lopez", phone="(303) 555-0123", email="ana@example.com")
    tap(screen.topics.chip("exercise"))
    tap(screen.contact_time.button("evening"))
    assert screen.submit_button.text() == "Send my request"
    with qtbot.waitSignal(screen.submitted, timeout=2000) as submitted:
        tap(screen.submit_button)
    rows = store.list_requests()
    assert len(rows) == 1
    stored = rows[0]
    assert submitted.args == [stored.id]
    request = stored.request
    assert (request.name, request.phone, request.email) == ("Ana Lopez", "+13035550123", "ana@example.com")
    assert request.topics == ("shockwave", "exercise")
    assert request.contact_time is ContactTime.EVENING
    assert (request.language, request.source_topic) == ("en", "shockwave")
    assert screen.showing_thanks


def test_spanish_taps_type_accents_and_the_stored_request_is_spanish(
    qtbot: QtBot, session: Session, store: RequestStore, clock: FixedClock, spanish: QTranslator
) -> None:
    screen = build(qtbot, session, FlakyStore(store), clock)
    to_spanish(session, spanish, screen)
    assert screen.title.text() == ES["title"]
    assert screen.topics.chip("dry-needling").text() == "Punción seca"
    assert screen.keyboard.action_key(KeyAction.NEXT, KeyboardMode.TEXT).text() == "Siguiente"
    assert screen.submit_button.text() == "Escriba su nombre y un teléfono o correo, y marque la casilla"
    fill(qtbot, screen, name="Ángela Núñez ¡Güemes!".replace("!", ""), email="angela@example.com.mx")
    assert screen.submit_button.text() == "Enviar mi solicitud"
    with qtbot.waitSignal(screen.submitted, timeout=2000):
        tap(screen.submit_button)
    [stored] = store.list_requests()
    assert stored.request.name == "Ángela Núñez ¡Güemes"
    assert stored.request.email == "angela@example.com.mx"
    assert stored.request.language == "es"
    assert screen.thanks.title.text() == "Recibimos su solicitud"
    assert screen.thanks.follow_up.text() == FOLLOW_UP.get("es")


def test_the_email_layout_has_at_and_dot_com_keys(
    qtbot: QtBot, session: Session, store: RequestStore, clock: FixedClock
) -> None:
    screen = build(qtbot, session, FlakyStore(store), clock)
    tap(screen.email.edit)
    assert screen.keyboard.mode() is KeyboardMode.EMAIL
    for key in ("j", "o", "@", "x", "y"):
        tap(screen.keyboard.key_for(key))
    tap(screen.keyboard.key_for(".com"))
    assert screen.email.edit.text() == "jo@xy.com"


def test_next_moves_through_the_fields_and_switches_layouts(
    qtbot: QtBot, session: Session, store: RequestStore, clock: FixedClock
) -> None:
    screen = build(qtbot, session, FlakyStore(store), clock)
    tap(screen.name.edit)
    assert screen.keyboard.mode() is KeyboardMode.TEXT
    tap(screen.keyboard.action_key(KeyAction.NEXT))
    assert (screen.keyboard.target(), screen.keyboard.mode()) == (screen.phone.edit, KeyboardMode.PHONE)
    for key in "+52 55 1234 5678":
        tap(screen.keyboard.action_key(KeyAction.SPACE) if key == " " else screen.keyboard.key_for(key))
    assert screen.phone.edit.text() == "+52 55 1234 5678"
    tap(screen.keyboard.action_key(KeyAction.NEXT))
    assert (screen.keyboard.target(), screen.keyboard.mode()) == (screen.email.edit, KeyboardMode.EMAIL)
    tap(screen.keyboard.action_key(KeyAction.NEXT))
    assert not screen.keyboard.isVisible()


def test_a_physical_keyboard_types_too(qtbot: QtBot, session: Session, store: RequestStore, clock: FixedClock) -> None:
    screen = build(qtbot, session, FlakyStore(store), clock)
    qtbot.keyClicks(screen.name.edit, "Bo Diaz")
    qtbot.keyClicks(screen.phone.edit, "303.555.0199")
    tap(screen.consent)
    with qtbot.waitSignal(screen.submitted, timeout=2000):
        qtbot.keyClick(screen.submit_button, Qt.Key.Key_Space)
    assert [r.request.phone for r in store.list_requests()] == ["+13035550199"]


def test_a_double_tap_on_submit_stores_one_request(
    qtbot: QtBot, session: Session, store: RequestStore, clock: FixedClock
) -> None:
    flaky = FlakyStore(store)
    screen = build(qtbot, session, flaky, clock)
    fill(qtbot, screen, name="Cy", phone="303-555-0100")
    submitted: list[str] = []
    screen.submitted.connect(submitted.append)
    tap(screen.submit_button)
    tap(screen.submit_button)
    qtbot.mouseDClick(screen.submit_button, Qt.MouseButton.LeftButton)
    assert len(store.list_requests()) == 1
    assert flaky.calls == 1 and len(submitted) == 1


def test_the_same_token_twice_stores_one_request(
    qtbot: QtBot, session: Session, store: RequestStore, clock: FixedClock
) -> None:
    """The token outlives a failed attempt, so a retry after a commit whose answer was lost
    (the store raised after writing) cannot store the request twice."""
    flaky = FlakyStore(store)
    screen = build(qtbot, session, flaky, clock)
    fill(qtbot, screen, name="Di", phone="303-555-0101")
    token = screen.idempotency_token
    assert token is not None
    store.submit(parse_request(screen.collect()), token, channels=["email"])  # the lost first commit
    with qtbot.waitSignal(screen.submitted, timeout=2000):
        tap(screen.submit_button)
    assert len(store.list_requests()) == 1


def test_begin_gives_every_form_a_new_token(
    qtbot: QtBot, session: Session, store: RequestStore, clock: FixedClock
) -> None:
    screen = build(qtbot, session, FlakyStore(store), clock)
    first = screen.idempotency_token
    screen.begin(None)
    assert screen.idempotency_token not in (None, first)


# --- validation ------------------------------------------------------------------------------

CASES = [
    # (what is typed, the codes shown, per label)
    (
        {"name": "", "phone": "", "email": "", "consent": False},
        {"name": "name_required", "contact": "contact_required", "consent": "consent_required"},
    ),
    ({"name": "Al", "phone": "12345", "consent": True}, {"phone": "phone_invalid"}),
    ({"name": "Al", "email": "al@example", "consent": True}, {"email": "email_invalid"}),
    ({"name": "Al", "phone": "303-555-0123", "consent": False}, {"consent": "consent_required"}),
    ({"name": "", "phone": "303-555-0123", "consent": True}, {"name": "name_required"}),
]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize(("typed", "codes"), CASES)
def test_every_validation_message_is_shown_inline(
    qtbot: QtBot,
    session: Session,
    store: RequestStore,
    clock: FixedClock,
    spanish: QTranslator,
    language: str,
    typed: dict[str, Any],
    codes: dict[str, str],
) -> None:
    screen = build(qtbot, session, FlakyStore(store), clock)
    if language == "es":
        to_spanish(session, spanish, screen)
    fill(qtbot, screen, **typed)
    with qtbot.assertNotEmitted(screen.submitted):
        tap(screen.submit_button)
    expected = {key: field_message(code) for key, code in codes.items()}
    assert errors_shown(screen) == expected
    if language == "es":
        assert all(text != MESSAGES[codes[key]] for key, text in expected.items())  # translated
    else:
        assert all(text == MESSAGES[codes[key]] for key, text in expected.items())
    assert store.list_requests() == []
    assert not screen.showing_thanks


def test_messages_go_away_as_the_patient_fixes_the_form(
    qtbot: QtBot, session: Session, store: RequestStore, clock: FixedClock
) -> None:
    screen = build(qtbot, session, FlakyStore(store), clock)
    tap(screen.submit_button)
    assert set(errors_shown(screen)) == {"name", "contact", "consent"}
    tap(screen.name.edit)
    type_with_keys(qtbot, screen, "Ed")
    assert set(errors_shown(screen)) == {"contact", "consent"}
    assert screen.submit_button.text() == "Add a phone number or email and tick the box"


def test_the_submit_button_says_what_is_missing(
    qtbot: QtBot, session: Session, store: RequestStore, clock: FixedClock
) -> None:
    screen = build(qtbot, session, FlakyStore(store), clock)
    assert screen.submit_button.text() == "Add your name, a phone number or email, and tick the box"
    assert screen.submit_button.isEnabled()  # tapping it explains, inline
    qtbot.keyClicks(screen.name.edit, "Flo")
    assert screen.submit_button.text() == "Add a phone number or email and tick the box"
    qtbot.keyClicks(screen.email.edit, "f")
    assert screen.submit_button.text() == "Tick the box to agree"
    tap(screen.consent)
    assert screen.submit_button.text() == "Send my request"


def test_every_core_message_has_a_spanish_translation(spanish: QTranslator) -> None:
    english = {code: field_message(code) for code in MESSAGES}
    QCoreApplication.installTranslator(spanish)
    untranslated = [code for code in MESSAGES if field_message(code) == english[code]]
    assert untranslated == []
    assert all("%1" not in field_message(code) for code in MESSAGES)


def test_english_messages_match_the_core(qapp: object) -> None:
    assert {code: field_message(code) for code in MESSAGES} == MESSAGES


# --- storage failure -------------------------------------------------------------------------


def test_a_storage_error_keeps_what_was_typed_and_says_ask_the_front_desk(
    qtbot: QtBot,
    session: Session,
    store: RequestStore,
    clock: FixedClock,
    spanish: QTranslator,
    caplog: pytest.LogCaptureFixture,
) -> None:
    flaky = FlakyStore(store)
    screen = build(qtbot, session, flaky, clock)
    to_spanish(session, spanish, screen)
    fill(qtbot, screen, name="Eva", phone="303-555-0102")
    flaky.failing = True
    with qtbot.assertNotEmitted(screen.submitted):
        tap(screen.submit_button)
    assert errors_shown(screen) == {"form": ES["storage"]}
    assert not screen.showing_thanks
    assert (screen.name.edit.text(), screen.phone.edit.text(), screen.consent.isChecked()) == (
        "Eva",
        "303-555-0102",
        True,
    )
    assert screen.submit_button.isEnabled()
    assert "Eva" not in caplog.text and "555" not in caplog.text
    flaky.failing = False
    with qtbot.waitSignal(screen.submitted, timeout=2000):
        tap(screen.submit_button)
    assert [r.request.name for r in store.list_requests()] == ["Eva"]


def test_an_unexpected_error_is_a_storage_error_for_the_patient(
    qtbot: QtBot, session: Session, clock: FixedClock, caplog: pytest.LogCaptureFixture
) -> None:
    class Broken:
        def submit(self, request: InfoRequest, idempotency_token: str) -> StoredRequest:
            raise ValueError(f"bad value {request.name}")  # a message holding patient data

    screen = build(qtbot, session, Broken(), clock)
    fill(qtbot, screen, name="Gus", phone="303-555-0103")
    tap(screen.submit_button)
    assert errors_shown(screen) == {"form": "We could not save your request. Please ask the front desk."}
    assert "ValueError" in caplog.text and "Gus" not in caplog.text


# --- thank-you screen ------------------------------------------------------------------------


def test_the_thank_you_screen_shows_follow_up_phone_and_qr_then_finishes(
    qtbot: QtBot, session: Session, store: RequestStore, clock: FixedClock
) -> None:
    screen = build(qtbot, session, FlakyStore(store), clock, thanks_seconds=0.05)
    fill(qtbot, screen, name="Hal", phone="303-555-0104")
    with qtbot.waitSignal(screen.finished, timeout=3000):
        tap(screen.submit_button)
        assert screen.showing_thanks
        assert screen.thanks.follow_up.text() == FOLLOW_UP.get("en")
        assert screen.thanks.phone.text() == "+1 303-322-4900"
        assert screen.thanks.phone.fitted_font().pixelSize() == 72  # landscape: no need to shrink
        assert qr_matches(screen.thanks.qr.pixmap().toImage(), "tel:+13033224900")
        assert screen.name.edit.text() == ""  # the typed data left the screen on submit
    assert not screen.showing_thanks


def test_without_a_clinic_follow_up_a_default_is_shown(
    qtbot: QtBot, session: Session, store: RequestStore, clock: FixedClock, spanish: QTranslator
) -> None:
    screen = build(qtbot, session, FlakyStore(store), clock, clinic=make_clinic(follow_up=None))
    assert screen.thanks.follow_up.text() == "Our front desk will contact you soon."
    to_spanish(session, spanish, screen)
    assert screen.thanks.follow_up.text() == "Nuestra recepción se comunicará con usted pronto."


def test_done_finishes_but_not_as_the_second_tap_of_a_double_tap(
    qtbot: QtBot, session: Session, store: RequestStore, clock: FixedClock
) -> None:
    screen = build(qtbot, session, FlakyStore(store), clock)
    fill(qtbot, screen, name="Ida", phone="303-555-0105")
    tap(screen.submit_button)
    with qtbot.assertNotEmitted(screen.finished):
        tap(screen.thanks.done_button)
    clock.advance(DONE_GUARD_SECONDS + 0.1)
    with qtbot.waitSignal(screen.finished, timeout=1000):
        tap(screen.thanks.done_button)
    assert not screen.thanks.running


def test_tel_uri_keeps_plus_and_digits() -> None:
    assert tel_uri("+1 303-322-4900") == "tel:+13033224900"
    assert tel_uri("(303) 322.4900") == "tel:3033224900"


# --- clearing --------------------------------------------------------------------------------


def assert_empty(screen: RequestScreen) -> None:
    for edit in screen.findChildren(QLineEdit):
        assert edit.text() == "", edit.accessibleName()
        assert not edit.isUndoAvailable() and not edit.isRedoAvailable(), edit.accessibleName()
    assert screen.topics.selected() == []
    assert screen.contact_time.value() == ContactTime.ANY.value
    assert not screen.consent.isChecked()
    assert not screen.keyboard.isVisible() and screen.keyboard.target() is None
    assert screen.scroll_area.verticalScrollBar().value() == 0
    assert errors_shown(screen) == {}
    assert not screen.showing_thanks
    assert screen.collect().source_topic is None


def fill_everything(qtbot: QtBot, screen: RequestScreen) -> None:
    screen.begin("dry-needling")
    fill(qtbot, screen, name="Jo", phone="12", email="jo@")
    tap(screen.contact_time.button("morning"))
    tap(screen.submit_button)  # leaves error messages behind
    tap(screen.email.edit)  # and the keyboard up
    screen.scroll_area.verticalScrollBar().setValue(screen.scroll_area.verticalScrollBar().maximum())
    assert errors_shown(screen) and screen.keyboard.isVisible()
    assert screen.name.edit.isUndoAvailable()


def test_cancel_clears_everything(qtbot: QtBot, session: Session, store: RequestStore, clock: FixedClock) -> None:
    screen = build(qtbot, session, FlakyStore(store), clock, size=QSize(1920, 1080))
    fill_everything(qtbot, screen)
    with qtbot.waitSignal(screen.cancelled, timeout=1000):
        tap(screen.cancel_button)
    assert_empty(screen)
    assert store.list_requests() == []


def test_a_session_reset_clears_everything(
    qtbot: QtBot, session: Session, store: RequestStore, clock: FixedClock
) -> None:
    screen = build(qtbot, session, FlakyStore(store), clock)
    fill_everything(qtbot, screen)
    session.reset()
    assert_empty(screen)


def test_a_session_reset_during_thanks_goes_back_to_an_empty_form(
    qtbot: QtBot, session: Session, store: RequestStore, clock: FixedClock
) -> None:
    screen = build(qtbot, session, FlakyStore(store), clock)
    fill(qtbot, screen, name="Kim", phone="303-555-0106")
    tap(screen.submit_button)
    assert screen.showing_thanks
    session.reset()
    assert_empty(screen)
    assert not screen.thanks.running
    assert screen.idempotency_token is not None


def test_submit_clears_the_form(qtbot: QtBot, session: Session, store: RequestStore, clock: FixedClock) -> None:
    screen = build(qtbot, session, FlakyStore(store), clock)
    screen.begin("exercise")
    fill(qtbot, screen, name="Lu", phone="303-555-0107")
    tap(screen.submit_button)
    assert screen.showing_thanks
    for edit in screen.findChildren(QLineEdit):
        assert edit.text() == "" and not edit.isUndoAvailable()
    assert screen.topics.selected() == [] and not screen.consent.isChecked()


# --- what is typed stays out of logs ---------------------------------------------------------

MARKER = "Zyxwv Marker"


def test_the_typed_name_is_in_no_file_but_the_database(
    qtbot: QtBot, session: Session, clock: FixedClock, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    log_file = tmp_path / "logs" / "kiosk.log"
    log_file.parent.mkdir()
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        with RequestStore(tmp_path / "data" / "requests.db") as store:
            flaky = FlakyStore(store)
            screen = build(qtbot, session, flaky, clock, thanks_seconds=0.01)
            fill(qtbot, screen, name=MARKER, email="zyxwv@example.com")
            flaky.failing = True
            tap(screen.submit_button)  # the failure path logs too
            flaky.failing = False
            with qtbot.waitSignal(screen.finished, timeout=3000):
                tap(screen.submit_button)
            assert [r.request.name for r in store.list_requests()] == [MARKER]
    finally:
        root.removeHandler(handler)
        handler.close()
        root.setLevel(old_level)
    assert log_file.stat().st_size > 0  # the submit was logged, by id
    marker = MARKER.encode()
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    home = Path.home()
    written += [p for p in home.rglob("*") if p.is_file()]
    holding = sorted(p.name for p in written if marker in p.read_bytes() or marker.lower() in p.read_bytes())
    assert set(holding) <= {"requests.db", "requests.db-wal"} and holding
    out, err = capfd.readouterr()
    assert MARKER not in out and MARKER not in err


# --- the real content pack -------------------------------------------------------------------


def test_the_real_clinic_file_works_in_both_orientations(
    qtbot: QtBot, session: Session, store: RequestStore, clock: FixedClock, spanish: QTranslator
) -> None:
    clinic = load_deck(bundled_content_dir()).raise_for_errors().clinic
    for size in (QSize(1920, 1080), QSize(1080, 1920)):
        screen = build(qtbot, session, FlakyStore(store), clock, size=size, clinic=clinic)
        screen.begin("dry-needling")
        to_spanish(session, spanish, screen)
        assert screen.topics.chip("shockwave").text() == "Terapia de ondas de choque"
        assert screen.thanks.follow_up.text() == clinic.follow_up.get("es")
        session.reset()
        QCoreApplication.removeTranslator(spanish)


def test_the_thank_you_phone_number_fits_in_portrait_with_large_text(
    qtbot: QtBot, session: Session, store: RequestStore, clock: FixedClock
) -> None:
    session.set_large_text(True)
    screen = build(qtbot, session, FlakyStore(store), clock, size=QSize(1080, 1920))
    fill(qtbot, screen, name="Mo", phone="303-555-0108")
    tap(screen.submit_button)
    assert screen.showing_thanks
    qtbot.waitUntil(lambda: screen.thanks.phone.width() > 0, timeout=1000)
    phone = screen.thanks.phone
    assert screen.thanks.rect().contains(QRect(phone.mapTo(screen.thanks, QPoint(0, 0)), phone.size()))
    font = phone.fitted_font()
    assert QFontMetrics(font).horizontalAdvance(phone.text()) <= phone.width()
    assert font.pixelSize() >= 36  # shrunk to fit, never below body text


# --- double taps -----------------------------------------------------------------------------


def double_tap(widget: QWidget, start_ms: int = 10_000) -> None:
    """What a touch screen sends for a quick double tap: press, release, press + double-click,
    release, 120 ms apart in all (QTest's clicks are spaced so they never make a double tap)."""
    centre = QPointF(widget.rect().center())
    global_pos = QPointF(widget.mapToGlobal(widget.rect().center()))
    sequence = [
        (QEvent.Type.MouseButtonPress, 0, Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseButtonRelease, 40, Qt.MouseButton.NoButton),
        (QEvent.Type.MouseButtonPress, 90, Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseButtonDblClick, 90, Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseButtonRelease, 120, Qt.MouseButton.NoButton),
    ]
    for kind, offset, buttons in sequence:
        event = QMouseEvent(
            kind, centre, global_pos, Qt.MouseButton.LeftButton, buttons, Qt.KeyboardModifier.NoModifier
        )
        event.setTimestamp(start_ms + offset)
        QApplication.sendEvent(widget, event)


def test_a_double_tap_on_a_toggle_is_one_tap(
    qtbot: QtBot, session: Session, store: RequestStore, clock: FixedClock
) -> None:
    screen = build(qtbot, session, FlakyStore(store), clock)
    double_tap(screen.topics.chip("shockwave"))
    double_tap(screen.consent, start_ms=20_000)
    double_tap(screen.contact_time.button("morning"), start_ms=30_000)
    assert screen.topics.selected() == ["shockwave"]
    assert screen.consent.isChecked()
    assert screen.contact_time.value() == "morning"
    double_tap(screen.topics.chip("shockwave"), start_ms=40_000)  # a later double tap: one tap again
    assert screen.topics.selected() == []


def test_a_real_double_tap_on_submit_stores_one_request(
    qtbot: QtBot, session: Session, store: RequestStore, clock: FixedClock
) -> None:
    flaky = FlakyStore(store)
    screen = build(qtbot, session, flaky, clock)
    fill(qtbot, screen, name="Ned", phone="303-555-0109")
    double_tap(screen.submit_button)
    assert flaky.calls == 1 and len(store.list_requests()) == 1
    assert screen.showing_thanks


def test_a_double_tap_on_a_key_types_twice(
    qtbot: QtBot, session: Session, store: RequestStore, clock: FixedClock
) -> None:
    screen = build(qtbot, session, FlakyStore(store), clock)
    tap(screen.name.edit)
    double_tap(screen.keyboard.key_for("l"))
    assert screen.name.edit.text() == "ll"


def test_new_content_brings_new_topics_phone_and_follow_up(
    qtbot: QtBot, session: Session, store: RequestStore, clock: FixedClock
) -> None:
    flaky = FlakyStore(store)
    screen = build(qtbot, session, flaky, clock)
    screen.begin("shockwave")
    tap(screen.topics.chip("exercise"))
    old = make_clinic()
    changed = Clinic(
        name=old.name,
        phone="+52 55 1234 5678",
        timezone=old.timezone,
        topics=(old.topics[1], Topic("knee-pain", LocalizedText({"en": "Knee pain", "es": "Dolor de rodilla"}))),
        playlist=(),
        follow_up=LocalizedText.english("We call back the same day."),
    )
    screen.set_clinic(changed)
    assert [c.value for c in screen.topics.chips] == ["shockwave", "knee-pain"]
    assert screen.topics.selected() == ["shockwave"]  # "exercise" is no longer offered
    assert screen.topics.chip("knee-pain").text() == "Knee pain"
    assert screen.topics.chip("knee-pain").height() >= 72
    tap(screen.topics.chip("knee-pain"))
    fill(qtbot, screen, name="Pia", phone="303-555-0110")
    with qtbot.waitSignal(screen.submitted, timeout=2000):
        tap(screen.submit_button)
    [stored] = store.list_requests()
    assert stored.request.topics == ("shockwave", "knee-pain")
    assert stored.request.source_topic == "shockwave"
    assert screen.thanks.phone.text() == "+52 55 1234 5678"
    assert screen.thanks.follow_up.text() == "We call back the same day."
    assert qr_matches(screen.thanks.qr.pixmap().toImage(), "tel:+525512345678")


def test_a_form_taller_than_the_screen_says_so_and_scrolls_under_a_finger(
    qtbot: QtBot, store: RequestStore, clock: FixedClock, session: Session
) -> None:
    session.set_large_text(True)
    screen = build(qtbot, session, store, clock, size=QSize(1920, 1080))
    bar = screen.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    cue = screen.more_below
    assert cue.isVisible() and cue.more_below
    viewport = screen.scroll_area.viewport()
    # The cue has its own place right under the choices: it covers no word and no control.
    assert cue.geometry().top() == screen.scroll_area.geometry().bottom() + 1
    assert not cue.geometry().intersects(screen.consent.geometry())
    # One finger dragging up scrolls the choices (PySide's touch sequence takes window
    # coordinates; the points stay inside the offscreen 800x800 screen and the viewport).
    device = QTest.createTouchDevice()
    start = viewport.mapTo(screen.window(), QPoint(viewport.width() // 4, viewport.height() - 10))
    step = max(4, (viewport.height() - 20) // 8)
    QTest.touchEvent(viewport, device).press(0, start).commit()
    for n in range(1, 9):
        QTest.touchEvent(viewport, device).move(0, start - QPoint(0, step * n)).commit()
    QTest.touchEvent(viewport, device).release(0, start - QPoint(0, step * 8)).commit()
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=3000)
    # A tap on the cue scrolls on; at the end it offers the way back up.
    bar.setValue(0)
    tap(cue)
    assert bar.value() > 0
    bar.setValue(bar.maximum())
    assert cue.isVisible() and not cue.more_below and cue.text().endswith("Back to the top")
    tap(cue)
    assert bar.value() == 0 and cue.more_below
