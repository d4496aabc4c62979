"""Accessibility over every screen of the shell: touch target sizes and gaps (both languages,
both orientations, normal and larger text), names and descriptions, text that fits, contrast
in every theme (the colours given and the pixels drawn), larger text, and read aloud with and without
a speech engine."""

from __future__ import annotations

import sys
import types
from collections import Counter
from itertools import combinations
from typing import ClassVar

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from kiosk.core.admin_pin import Lockout, PinStore
from kiosk.core.clock import FixedClock
from kiosk.core.model import Theme
from kiosk.core.requests.store import RequestStore
from kiosk.ui.accessibility import interactive_widgets, touch_palette, touch_stylesheet
from kiosk.ui.app import RequestServices, StaffServices
from kiosk.ui.render.contrast import contrast_ratio
from kiosk.ui.scale import min_gap, min_target
from kiosk.ui.shell import ADMIN, BROWSE, MENU, PIN, REQUEST, UNAVAILABLE
from kiosk.ui.speech import create_speaker, slide_text
from tests.helpers.kiosk import LANDSCAPE, NOW, PORTRAIT, bundled_deck, running_kiosk

#: The patient's screens this module's author owns: text must fit without clipping.
OWN_SCREENS = (MENU, BROWSE, UNAVAILABLE)


def on_screen(widget: QWidget, root: QWidget) -> QRect:
    return QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())


def gap_between(a: QRect, b: QRect) -> int:
    """Pixels between two rectangles (negative when they overlap)."""
    dx = max(b.left() - a.right() - 1, a.left() - b.right() - 1)
    dy = max(b.top() - a.bottom() - 1, a.top() - b.bottom() - 1)
    return max(dx, dy)


def describe_control(control: QWidget) -> str:
    text = control.text() if hasattr(control, "text") else ""
    return f"{type(control).__name__}({control.objectName()!r}, {text!r})"


def target_problems(root: QWidget, size: QSize) -> list[str]:
    smallest, gap = min_target(size), min_gap(size)
    controls = [w for w in interactive_widgets(root) if w.isEnabled() or isinstance(w, QAbstractButton)]
    problems = []
    rects = {}
    for control in controls:
        rect = on_screen(control, root)
        # Only the part a finger can reach: a control scrolled under the keyboard is not there.
        visible = control.visibleRegion().boundingRect()
        rects[control] = QRect(control.mapTo(root, visible.topLeft()), visible.size())
        label = f"{type(control).__name__} {control.objectName()!r} {getattr(control, 'text', lambda: '')()!r}"
        if rect.width() < smallest or rect.height() < smallest:
            problems.append(f"{label}: {rect.width()}x{rect.height()} < {smallest}")
    for a, b in combinations(controls, 2):
        if a.isAncestorOf(b) or b.isAncestorOf(a) or rects[a].isEmpty() or rects[b].isEmpty():
            continue
        between = gap_between(rects[a], rects[b])
        if between < gap:
            problems.append(f"{describe_control(a)} and {describe_control(b)}: {between} px apart < {gap}")
    return problems


def clipping_problems(root: QWidget) -> list[str]:
    problems = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or not label.text():
            continue
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height():
                problems.append(f"label {label.text()!r}: needs {needed} px height, has {label.height()}")
        elif label.sizeHint().width() > label.width():
            problems.append(f"label {label.text()!r}: needs {label.sizeHint().width()} px, has {label.width()}")
    for button in root.findChildren(QAbstractButton):
        if not button.isVisibleTo(root) or not button.text():
            continue
        text_width = QFontMetrics(button.font()).horizontalAdvance(button.text())
        icon = button.iconSize().width() if not button.icon().isNull() else 0
        if text_width + icon > button.width():
            problems.append(f"button {button.text()!r}: text {text_width + icon} px in {button.width()} px")
        if button.sizeHint().height() > button.height():
            problems.append(f"button {button.text()!r}: {button.height()} px high, needs {button.sizeHint().height()}")
    return problems


def full_kiosk(qapp, qtbot, tmp_path, size: QSize):
    pins = PinStore(tmp_path / "pin")
    store = RequestStore(tmp_path / "requests.db")
    staff = StaffServices(pin_store=pins, lockout=Lockout(FixedClock(NOW), path=pins.lockout_path), data_dir=tmp_path)
    return store, running_kiosk(qapp, qtbot, size, requests=RequestServices(store), staff=staff)


def show(shell, name: str) -> QWidget:
    if name == BROWSE:
        shell.open_topic("dry-needling")
    elif name == PIN:
        shell.open_staff()  # ends the patient's session: staff screens are in normal text
    elif name == REQUEST:
        shell.open_request("exercise")
        shell.request_screen.name.edit.setFocus()  # brings up the on-screen keyboard
    else:
        shell.show_screen(name)
    QTest.qWait(0)
    widget = shell.screen_widget(name)
    widget.layout().activate() if widget.layout() is not None else None
    return widget


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("large_text", [False, True], ids=["normal", "large"])
def test_every_control_on_every_screen_is_a_big_enough_target(
    qapp, qtbot, tmp_path, size, language, large_text
) -> None:
    store, kiosk_context = full_kiosk(qapp, qtbot, tmp_path, size)
    with store, kiosk_context as (kiosk, _clock):
        shell = kiosk.window
        shell.open_menu()
        shell.session.set_language(language)
        shell.session.set_large_text(large_text)
        problems: dict[str, list[str]] = {}
        for name in (MENU, BROWSE, UNAVAILABLE, REQUEST, PIN, ADMIN):
            if name in (PIN, ADMIN):
                shell.session.set_large_text(False)
            screen = show(shell, name)
            found = target_problems(screen, size)
            if name in OWN_SCREENS:
                found += clipping_problems(screen)
            if found:
                problems[name] = found
        shell.overlay.set_seconds(20)
        shell.overlay.place(shell.size())
        shell.overlay.show()
        found = target_problems(shell.overlay, size) + clipping_problems(shell.overlay)
        if found:
            problems["overlay"] = found
        assert problems == {}


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_control_has_a_translated_name_and_description(qapp, qtbot, tmp_path, language) -> None:
    store, kiosk_context = full_kiosk(qapp, qtbot, tmp_path, LANDSCAPE)
    with store, kiosk_context as (kiosk, _clock):
        shell = kiosk.window
        shell.open_menu()
        english: dict[str, str] = {}
        for name in OWN_SCREENS:
            screen = show(shell, name)
            for control in interactive_widgets(screen):
                text = control.text() if isinstance(control, QAbstractButton) else ""
                english[f"{name}/{control.objectName()}/{text}"] = control.accessibleDescription()
        shell.session.set_language(language)
        missing: list[str] = []
        for name in (MENU, BROWSE, UNAVAILABLE, REQUEST, PIN, ADMIN):
            if name in (PIN, ADMIN):
                shell.show_screen(name)  # in this language, as if the kiosk's default were it
            screen = show(shell, name) if name not in (PIN, ADMIN) else shell.screen_widget(name)
            missing.extend(
                f"{name}: {type(control).__name__} {control.objectName()!r}"
                for control in interactive_widgets(screen)
                if not control.accessibleName() or not control.accessibleDescription()
            )
        assert missing == []
        if language == "es":
            untranslated: list[str] = []
            for name in OWN_SCREENS:
                screen = show(shell, name)
                untranslated.extend(
                    control.accessibleDescription()
                    for control in interactive_widgets(screen)
                    if control.accessibleDescription() in english.values()
                )
            assert untranslated == []


THEMES = {
    "clinic": bundled_deck().clinic.theme,
    "default": Theme(),
    # A clinic that picked pale brand colours: text must still be legible.
    "pale": Theme(primary="#9fd3e0", accent="#ffd27a", background="#ffffff", text="#8a8a8a"),
    "dark": Theme(primary="#102030", accent="#203040", background="#000000", text="#101010"),
}


@pytest.mark.parametrize("high_contrast", [False, True], ids=["normal", "high-contrast"])
@pytest.mark.parametrize("theme", list(THEMES.values()), ids=list(THEMES))
def test_every_text_colour_pair_reaches_4_5_to_1(theme: Theme, high_contrast: bool) -> None:
    palette = touch_palette(theme, high_contrast=high_contrast)
    ratios = {name: round(pair.ratio(), 2) for name, pair in palette.text_pairs().items()}
    assert all(r >= 4.5 for r in ratios.values()), ratios
    sheet = touch_stylesheet(theme, LANDSCAPE, high_contrast=high_contrast)
    for pair in palette.text_pairs().values():
        assert pair.foreground in sheet and pair.background in sheet
    if high_contrast:
        assert min(ratios.values()) >= 15  # black, white and yellow


@pytest.mark.parametrize("high_contrast", [False, True], ids=["normal", "high-contrast"])
def test_the_colours_on_screen_are_the_checked_ones(qapp, qtbot, high_contrast: bool) -> None:
    with running_kiosk(qapp, qtbot) as (kiosk, _clock):
        shell = kiosk.window
        shell.open_menu()
        shell.session.set_high_contrast(high_contrast)
        palette = touch_palette(kiosk.player.deck.clinic.theme, high_contrast=high_contrast)
        image = shell.grab().toImage()

        def colour_inside(widget: QWidget) -> QColor:
            rect = on_screen(widget, shell)
            # Between the border and the text: the middle of the top padding.
            return image.pixelColor(rect.center().x(), rect.top() + max(6, rect.height() // 9))

        page = image.pixelColor(5, shell.height() // 2)
        assert page.name() == palette.page.background
        assert colour_inside(shell.menu.back_button).name() == palette.button.background
        assert colour_inside(shell.menu.language_buttons["en"]).name() == palette.toggle_checked.background
        assert colour_inside(shell.menu.language_buttons["es"]).name() == palette.toggle.background
        assert shell.menu.title.palette().color(shell.menu.title.foregroundRole()).name() == palette.page.foreground
        text = shell.menu.back_button.palette().color(shell.menu.back_button.foregroundRole())
        assert contrast_ratio(text, colour_inside(shell.menu.back_button)) >= 4.5


def test_every_screen_starts_with_a_named_control_focused(qapp, qtbot, tmp_path) -> None:
    """A screen reader reads where the focus is: never an unnamed container."""
    store, kiosk_context = full_kiosk(qapp, qtbot, tmp_path, LANDSCAPE)
    with store, kiosk_context as (kiosk, _clock):
        shell = kiosk.window
        assert shell.focusWidget() is shell.slideshow
        shell.open_menu()
        for name in (MENU, BROWSE, REQUEST, PIN, ADMIN):
            screen = show(shell, name)
            focus = shell.focusWidget()
            assert focus is not None and screen.isAncestorOf(focus), (name, focus)
            assert focus.accessibleName(), (name, focus)
            if name == MENU:
                # A tap on a switch leaves the focus on a named control, never the page.
                for button in (shell.menu.language_buttons["es"], shell.menu.large_text_button):
                    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
                    assert shell.focusWidget() is not None and shell.focusWidget().accessibleName()
                shell.session.set_language("en")
                shell.session.set_large_text(False)


def ink_and_paper(image: QImage) -> tuple[QColor, QColor]:
    """The most common colour of ``image`` (what the text sits on) and, of the colours that
    cover at least 0.1 % of it (a short word in a wide label), the one that stands out most
    from that: the core of the letters, whose edges are blends."""
    step = max(1, min(image.width(), image.height()) // 60)
    counts = Counter(image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step))
    total = sum(counts.values())
    paper = QColor.fromRgb(counts.most_common(1)[0][0])
    frequent = [QColor.fromRgb(c) for c, n in counts.items() if n >= max(3, total / 1000)]
    ink = max(frequent, key=lambda c: contrast_ratio(c, paper))
    return ink, paper


def pixel_contrast_problems(root: QWidget, image: QImage, shell: QWidget) -> list[str]:
    problems = []
    labels = [w for w in root.findChildren(QLabel) if w.text().strip() and (w.pixmap() is None or w.pixmap().isNull())]
    texts: list[QWidget] = [*labels, *(w for w in root.findChildren(QAbstractButton) if w.text().strip())]
    for widget in texts:
        visible = widget.visibleRegion().boundingRect()
        if not widget.isVisible() or visible.isEmpty():
            continue
        rect = QRect(widget.mapTo(shell, visible.topLeft()), visible.size())
        if isinstance(widget, QAbstractButton):
            # Inside the border, which must not stand in for the words.
            inset = max(4, rect.height() // 10)
            rect = rect.adjusted(inset, inset, -inset, -inset)
        if rect.width() < 8 or rect.height() < 8:
            continue  # a sliver at the edge of a scroll area
        ink, paper = ink_and_paper(image.copy(rect))
        ratio = contrast_ratio(ink, paper)
        if ratio < 4.5:
            problems.append(f"{describe_control(widget)}: {ink.name()} on {paper.name()} is {ratio:.2f}:1")
    return problems


@pytest.mark.parametrize("high_contrast", [False, True], ids=["theme", "high-contrast"])
def test_every_text_on_every_touch_screen_reaches_4_5_to_1_in_pixels(qapp, qtbot, tmp_path, high_contrast) -> None:
    """Measured on what is drawn (every label and button, the keyboard and error messages
    included), not on the colours the style sheets were given."""
    store, kiosk_context = full_kiosk(qapp, qtbot, tmp_path, QSize(1366, 768))
    with store, kiosk_context as (kiosk, _clock):
        shell = kiosk.window
        shell.open_menu()
        shell.session.set_high_contrast(high_contrast)
        problems: dict[str, list[str]] = {}
        for name in (MENU, BROWSE, REQUEST, "errors", PIN, ADMIN):
            if name == "errors":
                screen = shell.request_screen
                screen.hide_keyboard()
                screen.submit_button.click()
            else:
                screen = show(shell, name)
            if name == BROWSE:
                qtbot.waitUntil(lambda: shell.browse.ready, timeout=10000)
            found = pixel_contrast_problems(screen, shell.grab().toImage(), shell)
            if found:
                problems[name] = found
        assert problems == {}


def test_larger_text_is_forty_percent_larger_and_still_fits(qapp, qtbot) -> None:
    with running_kiosk(qapp, qtbot, PORTRAIT) as (kiosk, _clock):
        shell = kiosk.window
        shell.open_menu()
        shell.session.set_language("es")
        normal = QFontMetrics(shell.menu.request_button.font()).height()
        shell.session.set_large_text(True)
        QTest.qWait(0)
        large = QFontMetrics(shell.menu.request_button.font()).height()
        assert 1.3 <= large / normal <= 1.5
        assert clipping_problems(shell.menu) == []
        assert shell.menu.topics_grid.columnCount() >= 1


# -- read aloud ------------------------------------------------------------------------------


def test_no_speaker_without_the_texttospeech_module(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)  # import raises ImportError
    assert create_speaker() is None


def fake_tts_module(engines: list[str]) -> types.ModuleType:
    module = types.ModuleType("PySide6.QtTextToSpeech")

    class QTextToSpeech:
        class State:
            Ready, Error = 0, 3

        made: ClassVar[list[str]] = []

        def __init__(self, engine: str, parent=None) -> None:
            QTextToSpeech.made.append(engine)

        @staticmethod
        def availableEngines() -> list[str]:
            return list(engines)

        def state(self) -> int:
            return self.State.Ready

        def errorString(self) -> str:
            return ""

    module.QTextToSpeech = QTextToSpeech  # type: ignore[attr-defined]  # a stand-in module made at run time
    return module


def test_no_speaker_when_the_machine_has_no_engine(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", fake_tts_module(["mock"]))
    assert create_speaker() is None


def test_a_speaker_when_an_engine_exists(monkeypatch) -> None:
    module = fake_tts_module(["speechd"])
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", module)
    speaker = create_speaker()
    assert speaker is not None and module.QTextToSpeech.made == ["speechd"]


def test_slide_text_is_plain_sentences_in_the_language() -> None:
    deck = bundled_deck()
    for slide in deck.slides:
        for language in ("en", "es"):
            text = slide_text(slide, deck.clinic, language)
            assert text.startswith(slide.title.get(language))
            assert "**" not in text and "](" not in text
