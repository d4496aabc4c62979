"""The on-screen keyboard: touch sizes in both orientations, shift and caps, the phone pad,
and the form around it (focused field above the keyboard, every target big enough)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from functools import partial
from itertools import combinations

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize, Qt, QTranslator
from PySide6.QtGui import QColor, QRegion
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.core.clock import FixedClock
from kiosk.core.model import Theme
from kiosk.core.requests.model import InfoRequest, StoredRequest
from kiosk.ui.i18n import I18N_DIR
from kiosk.ui.render.contrast import contrast_ratio
from kiosk.ui.request.form_screen import RequestScreen
from kiosk.ui.request.keyboard import KeyAction, KeyboardMode, OnScreenKeyboard
from kiosk.ui.request.style import Palette
from kiosk.ui.scale import min_gap, min_target
from kiosk.ui.session import Session
from kiosk.ui.theme import apply_theme
from tests.helpers.clinics import atlas_clinic
from tests.helpers.touch import tap

START = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
SIZES = [QSize(1920, 1080), QSize(1080, 1920)]
SIZE_IDS = ["landscape", "portrait"]


class NoStore:
    def submit(self, request: InfoRequest, idempotency_token: str) -> StoredRequest:
        raise AssertionError("these tests never submit")


@pytest.fixture(scope="module")
def themed(qapp: QApplication) -> Iterator[None]:
    """The app-wide qt-material sheet the kiosk runs with (it fixes buttons at 32 px); once per
    module, as applying it restyles every widget and takes seconds."""
    style, sheet = qapp.style().name(), qapp.styleSheet()
    apply_theme(qapp, atlas_clinic().theme)
    yield
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)


def screen_of(qtbot: QtBot, size: QSize, session: Session | None = None) -> RequestScreen:
    screen = RequestScreen(session or Session("en"), atlas_clinic(), NoStore(), clock=FixedClock(START))
    qtbot.addWidget(screen)
    screen.resize(size)
    screen.show()
    qtbot.waitExposed(screen)
    screen.begin(None)
    return screen


def rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def shows(screen: RequestScreen, widget: QWidget) -> bool:
    """All of ``widget`` is on screen, above the keyboard when it is up."""
    rect = rect_in(widget, screen)
    bottom = rect_in(screen.keyboard, screen).top() if screen.keyboard.isVisible() else screen.height()
    return (
        widget.isVisible()
        and rect.top() >= 0
        and rect.bottom() < bottom
        and widget.visibleRegion() == QRegion(widget.rect())
    )


def separation(a: QRect, b: QRect) -> int:
    """Pixels of empty space between two rectangles (negative when they overlap)."""
    dx = max(b.left() - (a.left() + a.width()), a.left() - (b.left() + b.width()))
    dy = max(b.top() - (a.top() + a.height()), a.top() - (b.top() + b.height()))
    return max(dx, dy)


def settle(qtbot: QtBot, screen: RequestScreen) -> None:
    # Layouts run from posted events; let them, and the deferred scroll, happen.
    for _ in range(3):
        QApplication.processEvents()


# --- sizes -----------------------------------------------------------------------------------

FIELD_OF_MODE = {KeyboardMode.TEXT: "name", KeyboardMode.PHONE: "phone", KeyboardMode.EMAIL: "email"}


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
@pytest.mark.parametrize("mode", list(KeyboardMode), ids=[m.value for m in KeyboardMode])
@pytest.mark.usefixtures("themed")
def test_keys_are_touch_sized_and_apart(qtbot: QtBot, size: QSize, mode: KeyboardMode) -> None:
    screen = screen_of(qtbot, size)
    field = getattr(screen, FIELD_OF_MODE[mode])
    tap(field.edit)
    settle(qtbot, screen)
    assert screen.keyboard.mode() is mode
    keys = [k for k in screen.keyboard.key_buttons() if k.isVisible()]
    assert len(keys) == len(screen.keyboard.key_buttons(mode)) > 10
    target, gap = min_target(size), min_gap(size)
    screen_rect = screen.rect()
    rects = {k.text(): rect_in(k, screen) for k in keys}
    for label, rect in rects.items():
        assert rect.width() >= target and rect.height() >= target, (label, rect)
        assert screen_rect.contains(rect), (label, rect)
    for (a_label, a), (b_label, b) in combinations(rects.items(), 2):
        assert separation(a, b) >= gap, (a_label, b_label, a, b)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
@pytest.mark.usefixtures("themed")
def test_every_form_target_is_touch_sized(qtbot: QtBot, size: QSize) -> None:
    screen = screen_of(qtbot, size)
    settle(qtbot, screen)
    target, gap = min_target(size), min_gap(size)
    controls: list[QWidget] = [
        *screen.findChildren(QLineEdit),
        *screen.topics.chips,
        *screen.contact_time.buttons,
        screen.consent,
        screen.cancel_button,
        screen.submit_button,
    ]
    form = screen.scroll_area.widget()
    assert form is not None
    rects = {c.accessibleName(): rect_in(c, form) if form.isAncestorOf(c) else rect_in(c, screen) for c in controls}
    for control in controls:
        assert control.accessibleName() and control.accessibleDescription(), control
        assert control.focusPolicy() != Qt.FocusPolicy.NoFocus, control.accessibleName()
    for name, rect in rects.items():
        assert rect.height() >= target and rect.width() >= target, (name, rect)
    inside = [c for c in controls if screen.scroll_area.widget().isAncestorOf(c)]
    for a, b in combinations(inside, 2):
        assert separation(rects[a.accessibleName()], rects[b.accessibleName()]) >= gap, (
            a.accessibleName(),
            b.accessibleName(),
        )


@pytest.mark.usefixtures("themed")
def test_large_text_grows_the_form_text(qtbot: QtBot) -> None:
    session = Session("en")
    screen = screen_of(qtbot, QSize(1920, 1080), session)
    normal = screen.name.caption.fontInfo().pixelSize()
    assert normal >= 36
    session.set_large_text(True)
    assert screen.name.caption.fontInfo().pixelSize() >= round(normal * 1.4) - 1
    session.reset()
    assert screen.name.caption.fontInfo().pixelSize() == normal


# --- the keyboard in the form ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "large_text"),
    [(QSize(1920, 1080), False), (QSize(1366, 768), True), (QSize(1080, 1920), True)],
    ids=["1080p", "1366x768-large", "portrait-large"],
)
@pytest.mark.usefixtures("themed")
def test_with_the_keyboard_up_the_field_its_label_the_next_field_and_send_are_in_view(
    qtbot: QtBot, size: QSize, large_text: bool
) -> None:
    session = Session("en")
    session.set_large_text(large_text)
    screen = screen_of(qtbot, size, session)
    assert not screen.keyboard.isVisible()
    fields = (screen.name, screen.phone, screen.email)
    for index, field in enumerate((*fields, screen.name)):
        tap(field.edit)
        settle(qtbot, screen)
        keyboard = rect_in(screen.keyboard, screen)
        assert screen.keyboard.isVisible() and screen.keyboard.window() is screen.window()
        assert keyboard.bottom() == screen.rect().bottom() and keyboard.width() == screen.width()
        following = fields[(index + 1) % len(fields)]
        for widget in (field.edit, field.caption, following.edit, screen.submit_button):
            qtbot.waitUntil(partial(shows, screen, widget), timeout=1000)
    tap(screen.keyboard.action_key(KeyAction.DONE))
    assert not screen.keyboard.isVisible()
    assert screen.consent.isVisible() and screen.scroll_area.isVisible()


def test_keys_never_take_focus_and_type_into_the_field(qtbot: QtBot) -> None:
    screen = screen_of(qtbot, QSize(1920, 1080))
    tap(screen.name.edit)
    assert all(k.focusPolicy() == Qt.FocusPolicy.NoFocus and not k.autoRepeat() for k in screen.keyboard.key_buttons())
    for ch in "abc":
        tap(screen.keyboard.key_for(ch))
    tap(screen.keyboard.action_key(KeyAction.BACKSPACE))
    assert screen.name.edit.text() == "ab"


def test_shift_is_for_one_letter_and_caps_stays(qtbot: QtBot) -> None:
    keyboard = OnScreenKeyboard()
    qtbot.addWidget(keyboard)
    edit = QLineEdit()
    qtbot.addWidget(edit)
    keyboard.set_target(edit, KeyboardMode.TEXT)
    shift, caps = keyboard.action_key(KeyAction.SHIFT), keyboard.action_key(KeyAction.CAPS)
    tap(shift)
    assert shift.isChecked() and keyboard.key_for("ñ").text() == "Ñ"  # the labels show the case
    for ch in "ña":
        tap(keyboard.key_for(ch))
    assert not shift.isChecked() and keyboard.key_for("a").text() == "a"
    tap(caps)
    for ch in "éü":
        tap(keyboard.key_for(ch))
    assert caps.isChecked()
    tap(caps)
    for ch in ("¿", "¡", "'", "-"):
        tap(keyboard.key_for(ch))
    tap(keyboard.action_key(KeyAction.SPACE))
    assert edit.text() == "ÑaÉÜ¿¡'- "


def test_the_phone_pad_has_the_phone_characters(qtbot: QtBot) -> None:
    keyboard = OnScreenKeyboard()
    qtbot.addWidget(keyboard)
    edit = QLineEdit()
    qtbot.addWidget(edit)
    keyboard.set_target(edit, KeyboardMode.PHONE)
    for ch in "+1(303)555-0123":
        tap(keyboard.key_for(ch))
    tap(keyboard.action_key(KeyAction.SPACE))
    assert edit.text() == "+1(303)555-0123 "
    assert {k.spec.text for k in keyboard.key_buttons() if k.spec.action is KeyAction.CHAR} == set("0123456789+()-")
    with pytest.raises(KeyError):
        keyboard.key_for("a")


def test_keys_respect_the_fields_maximum_length(qtbot: QtBot) -> None:
    keyboard = OnScreenKeyboard()
    qtbot.addWidget(keyboard)
    edit = QLineEdit()
    edit.setMaxLength(3)
    qtbot.addWidget(edit)
    keyboard.set_target(edit, KeyboardMode.EMAIL)
    tap(keyboard.key_for("a"))
    tap(keyboard.key_for(".com"))
    tap(keyboard.key_for("b"))
    assert len(edit.text()) <= 3


def test_without_a_field_keys_type_nowhere(qtbot: QtBot) -> None:
    keyboard = OnScreenKeyboard()
    qtbot.addWidget(keyboard)
    tap(keyboard.key_for("a"))  # no crash, nothing to type into
    assert keyboard.target() is None


def test_key_labels_and_names_follow_the_language(qtbot: QtBot, qapp: QApplication) -> None:
    keyboard = OnScreenKeyboard()
    qtbot.addWidget(keyboard)
    translator = QTranslator()
    assert translator.load(str(I18N_DIR / "request_es.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: keyboard.action_key(KeyAction.DONE, KeyboardMode.TEXT).text() == "Listo", timeout=2000)
        assert keyboard.action_key(KeyAction.SPACE, KeyboardMode.TEXT).text() == "espacio"
        assert keyboard.action_key(KeyAction.BACKSPACE, KeyboardMode.TEXT).accessibleName() == "Borrar"
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: keyboard.action_key(KeyAction.DONE, KeyboardMode.TEXT).text() == "Done", timeout=2000)


def test_every_key_has_an_accessible_name(qtbot: QtBot) -> None:
    keyboard = OnScreenKeyboard()
    qtbot.addWidget(keyboard)
    for mode in KeyboardMode:
        for key in keyboard.key_buttons(mode):
            assert isinstance(key, QAbstractButton)
            assert key.accessibleName() and key.accessibleDescription(), key.spec


# --- colours and pressed state ---------------------------------------------------------------

THEMES = {
    "atlas": atlas_clinic().theme,
    "default": Theme(),
    "pale brand": Theme(primary="#9fd3ff", accent="#ffd280", background="#ffffff", text="#8a8a8a"),
    "dark background": Theme(primary="#7fd0ff", accent="#ffb347", background="#102030", text="#ffffff"),
}


@pytest.mark.parametrize("theme", list(THEMES.values()), ids=list(THEMES))
@pytest.mark.parametrize("high_contrast", [False, True], ids=["normal", "high-contrast"])
def test_every_text_reaches_4_5_to_1(theme: Theme, high_contrast: bool) -> None:
    palette = Palette.of(theme, high_contrast=high_contrast)
    for what, fg, bg in palette.text_pairs():
        assert contrast_ratio(QColor(fg), QColor(bg)) >= 4.5, (what, fg, bg)


def test_the_clinic_colours_are_kept_when_they_read_well() -> None:
    palette = Palette.of(atlas_clinic().theme, high_contrast=False)
    assert (palette.primary, palette.background, palette.text) == ("#0d5f67", "#f4f8f8", "#17303b")


@pytest.mark.usefixtures("themed")
def test_a_pressed_key_looks_pressed_at_once(qtbot: QtBot) -> None:
    screen = screen_of(qtbot, QSize(1920, 1080))
    tap(screen.name.edit)
    key = screen.keyboard.key_for("a")
    probe = QPoint(key.width() // 4, key.height() // 4)  # background, clear of the letter
    up = key.grab().toImage().pixelColor(probe)
    qtbot.mousePress(key, Qt.MouseButton.LeftButton, pos=key.rect().center())
    down = key.grab().toImage().pixelColor(probe)  # no event-loop turn in between
    qtbot.mouseRelease(key, Qt.MouseButton.LeftButton, pos=key.rect().center())
    assert key.isDown() is False
    assert up != down
    assert down == QColor(Palette.of(atlas_clinic().theme, high_contrast=False).primary)
