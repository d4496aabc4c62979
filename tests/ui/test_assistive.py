"""What a screen reader finds beyond names and descriptions (kiosk/ui/assistive): the slide's
words where they are drawn, from the same source as read aloud, and the slideshow's "Open the
menu" action. The real AT-SPI bus is checked by tests/ui/test_accessibility_tree.py."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtTest import QTest

from kiosk.core.clock import FixedClock
from kiosk.core.model import BulletsSlide, ContactSlide, ExerciseSlide, InfoSlide, NewsSlide
from kiosk.core.requests.store import RequestStore
from kiosk.ui.assistive.interfaces import KioskInterface, interface_for
from kiosk.ui.assistive.marks import DESCRIBED_BY, linked
from kiosk.ui.render.slide_parts import slide_parts
from kiosk.ui.render.slide_renderer import HIGH_CONTRAST, SlideRenderer
from kiosk.ui.render.text_regions import read_regions
from kiosk.ui.request import form_screen
from kiosk.ui.session import Session
from kiosk.ui.shell import BROWSE, MENU, SLIDESHOW
from kiosk.ui.speech import slide_text
from tests.helpers.kiosk import LANDSCAPE, PORTRAIT, bundled_deck, running_kiosk
from tests.helpers.request_form import START, build, fill
from tests.helpers.touch import tap


def test_every_word_a_slide_reads_out_is_drawn_in_a_region_of_its_role(qapp) -> None:
    deck = bundled_deck()
    renderer = SlideRenderer(deck)
    kinds = (InfoSlide, NewsSlide, BulletsSlide, ExerciseSlide, ContactSlide)
    samples = [next(s for s in deck.slides if isinstance(s, kind)) for kind in kinds]
    for slide in samples:
        for size, language in ((LANDSCAPE, "en"), (PORTRAIT, "es")):
            image = renderer.render(slide, size, language)
            regions = read_regions(image)
            parts = slide_parts(slide, deck.clinic, language)
            bounds = QRect(0, 0, size.width(), size.height())
            for role, count in Counter(p.role for p in parts).items():
                found = regions.get(role, ())
                assert len(found) >= count, (slide.id, size, role, found)
                assert all(bounds.contains(r.toAlignedRect()) for r in found), (slide.id, role, found)
            assert parts[0].text == slide.title.get(language)


def item_texts(widget) -> list[tuple[QAccessible.Role, str]]:
    found = []
    for item in widget.reader.items:
        iface = interface_for(item)
        if item.text and not iface.state().invisible:
            found.append((iface.role(), iface.text(QAccessible.Text.Name)))
    return found


def test_the_slideshow_and_the_browser_read_the_slide_on_screen(qapp, qtbot) -> None:
    with running_kiosk(qapp, qtbot) as (kiosk, _clock):
        shell = kiosk.window
        slideshow = shell.slideshow
        assert slideshow.hasFocus()
        view = interface_for(slideshow)
        assert isinstance(view, KioskInterface)
        assert view.text(QAccessible.Text.Name) == "Slideshow"
        slide = kiosk.player.current_slide
        assert slide is not None
        items = item_texts(slideshow)
        assert items[0] == (QAccessible.Role.Heading, slide.title.get("en"))
        assert items[-1] == (QAccessible.Role.StaticText, f"Slide 1 of {slideshow.position[1]}")
        # The same words, in the same order, as "Read aloud" says.
        assert "\n".join(text for _role, text in items[:-1]) == slide_text(slide, shell.player.deck.clinic, "en")
        # Every item lies on the slide, where its words are drawn.
        for item in slideshow.reader.items:
            if item.text:
                assert slideshow.rect().contains(item.geometry()), (item.text, item.geometry())

        assert "Open the menu" in view.actionNames()
        assert view.localizedActionDescription("Open the menu").startswith("Shows the topics")
        view.doAction("Open the menu")
        assert shell.current_screen == MENU
        shell.show_screen(SLIDESHOW)
        QTest.keyClick(slideshow, Qt.Key.Key_Return)  # a keyboard opens it too
        assert shell.current_screen == MENU

        shell.show_screen(SLIDESHOW)
        shell.open_topic("exercise")
        assert shell.current_screen == BROWSE
        browse = shell.browse
        qtbot.waitUntil(lambda: browse.ready, timeout=10000)
        shown = browse.current_slide
        assert shown is not None
        words = item_texts(browse.view)
        assert words[0] == (QAccessible.Role.Heading, shown.title.get("en"))
        assert "\n".join(text for _role, text in words) == slide_text(shown, shell.player.deck.clinic, "en")

        shell.session.set_language("es")
        qtbot.waitUntil(lambda: browse.ready, timeout=10000)
        assert item_texts(browse.view)[0][1] == shown.title.get("es")


def test_the_form_links_errors_to_their_fields_focuses_the_first_and_counts_them(qtbot, tmp_path, monkeypatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(form_screen, "announce", lambda _source, text, **_kw: said.append(text))
    with RequestStore(tmp_path / "requests.db") as store:
        screen = build(qtbot, Session("en"), store, FixedClock(START), size=QSize(1366, 768))
        screen.take_focus()
        assert screen.focusWidget() is screen.name.edit and not screen.keyboard.isVisible()

        # The contact time is one choice of four: radio buttons in a group its question names.
        group = interface_for(screen.contact_time)
        assert isinstance(group, KioskInterface)
        assert group.role() == QAccessible.Role.Grouping
        assert group.text(QAccessible.Text.Name) == "When should we contact you?"
        assert any(r == QAccessible.RelationFlag.Label for _i, r in group.relations())
        assert {interface_for(b).role() for b in screen.contact_time.buttons} == {QAccessible.Role.RadioButton}
        topics = interface_for(screen.topics)
        assert topics.text(QAccessible.Text.Name) == "What would you like to know more about?"
        assert {interface_for(c).role() for c in screen.topics.chips} == {QAccessible.Role.CheckBox}
        assert interface_for(screen.consent).role() == QAccessible.Role.CheckBox

        # A choice scrolled out of the view says so ("not showing"); one in view does not.
        bar = screen.scroll_area.verticalScrollBar()
        assert bar.maximum() > 0
        bar.setValue(bar.maximum())
        buttons = [*screen.topics.chips, *screen.contact_time.buttons]
        hidden = [b for b in buttons if b.visibleRegion().isEmpty()]
        shown = [b for b in buttons if not b.visibleRegion().isEmpty()]
        assert hidden and shown
        assert all(interface_for(b).state().offscreen for b in hidden)
        assert not any(interface_for(b).state().offscreen for b in shown)
        bar.setValue(0)

        tap(screen.submit_button)
        assert said == ["Not sent yet: 3 problems to fix."]
        assert screen.focusWidget() is screen.name.edit and not screen.keyboard.isVisible()
        for widget, message in (
            (screen.name.edit, screen.name.error),
            (screen.phone.edit, screen.contact_error),
            (screen.consent, screen.consent_error),
        ):
            assert message.text() and linked(widget, DESCRIBED_BY) and message in linked(widget, DESCRIBED_BY)
            assert widget.accessibleDescription().startswith(message.text())
            error = interface_for(message)
            assert any(r == QAccessible.RelationFlag.Described for _i, r in error.relations()), message.text()

        # Name and phone given: the consent box is the first problem, focused and in view.
        fill(qtbot, screen, name="Ana", phone="303-555-0110", consent=False)
        tap(screen.submit_button)
        assert said[-1] == "Not sent yet: 1 problem to fix."
        assert screen.focusWidget() is screen.consent and not screen.consent.visibleRegion().isEmpty()
        assert screen.consent.height() >= 48 and screen.consent.box_rect().height() >= 36
        assert not linked(screen.name.edit, DESCRIBED_BY)
        assert screen.name.edit.accessibleDescription() == "Type your name with the keyboard below"


@pytest.mark.parametrize("high_contrast", [False, True], ids=["theme", "high-contrast"])
def test_the_browser_follows_high_contrast_and_a_disabled_button_looks_disabled(qapp, qtbot, high_contrast) -> None:
    with running_kiosk(qapp, qtbot) as (kiosk, _clock):
        shell = kiosk.window
        shell.open_menu()
        shell.session.set_high_contrast(high_contrast)
        shell.open_topic("exercise")
        browse = shell.browse
        qtbot.waitUntil(lambda: browse.ready, timeout=10000)
        # The slide is drawn as the slideshow draws it in this contrast, like the bar under it.
        assert browse.ready and browse._shown is not None and browse._shown[-1] == high_contrast
        theme = HIGH_CONTRAST if high_contrast else shell.player.deck.clinic.theme
        assert browse.view.palette().color(browse.view.backgroundRole()) == QColor(theme.background)
        # "Previous" (disabled on the first slide) is not drawn like "Next": no fill, dashed edge.
        assert not browse.previous_button.isEnabled() and browse.next_button.isEnabled()
        off, on = browse.previous_button.grab().toImage(), browse.next_button.grab().toImage()
        edge = max(1, browse.previous_button.height() // 40)
        top_off = {off.pixelColor(x, edge).name() for x in range(off.width() // 4, 3 * off.width() // 4)}
        top_on = {on.pixelColor(x, edge).name() for x in range(on.width() // 4, 3 * on.width() // 4)}
        assert len(top_on) == 1 and len(top_off) > 1, (top_on, top_off)
