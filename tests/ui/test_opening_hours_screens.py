"""Opening hours where patients read them: the contact slide says today's hours at the moment
it shows, the thank-you screen says them and, after hours, when the clinic will call back."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from kiosk.core.clock import FixedClock
from kiosk.ui.render.slide_renderer import SlideRenderer
from kiosk.ui.request.thanks_screen import ThanksScreen
from tests.helpers.decks import check_layout, clinic, deck_of, everyday_slides

DENVER = ZoneInfo("America/Denver")
TUESDAY_EVENING = datetime(2026, 3, 10, 19, 30, tzinfo=DENVER)


def test_the_contact_slide_says_whether_the_clinic_is_open_now(qapp, tmp_path: Path) -> None:
    deck = deck_of(tmp_path, everyday_slides(tmp_path))
    slide = next(s for s in deck.slides if s.kind == "contact")
    renderer = SlideRenderer(deck)
    for size in ((1920, 1080), (1080, 1920)):
        layout = renderer.layout(slide, QSize(*size), at=datetime(2026, 3, 10, 14, 0, tzinfo=DENVER))
        check_layout(layout, size)
        (today,) = layout.texts_with_role("today")
        assert today.fitted.plain_text == "Open today until 6\u00a0PM"
    evening = renderer.layout(slide, QSize(1920, 1080), "es", at=TUESDAY_EVENING)
    assert evening.texts_with_role("today")[0].fitted.plain_text == "Cerrado ahora; volvemos mañana a las 08:00"
    # Without a moment (a picture for any time) the line is left out, never wrong.
    assert renderer.layout(slide, QSize(1920, 1080)).texts_with_role("today") == ()


def test_the_thank_you_screen_says_when_the_clinic_will_call_back_after_hours(qtbot: QtBot) -> None:
    clock = FixedClock(TUESDAY_EVENING)
    screen = ThanksScreen(clinic(), clock=clock)
    qtbot.addWidget(screen)
    screen.start(30)
    assert screen.hours.text() == (
        "Closed now, back tomorrow 8\u00a0AM\nThe clinic is closed now: we will contact you from tomorrow 8\u00a0AM."
    )
    screen.set_language("es")
    assert screen.hours.text().endswith("le contactaremos a partir de mañana a las 08:00.")
    clock.set(datetime(2026, 3, 11, 9, 0, tzinfo=DENVER))
    screen.set_language("en")
    screen.start(30)
    assert screen.hours.text() == "Open now until 12\u00a0PM, and 1\u00a0PM\u20136\u00a0PM"
