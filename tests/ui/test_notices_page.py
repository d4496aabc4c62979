"""The admin screen's Notices page: a saved phrase, its blank typed on the on-screen keyboard,
an end, the live preview, Post; refused drafts say why; Change and End now."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.core.clock import FixedClock
from kiosk.core.notices.ends import EndChoice
from kiosk.core.notices.local_store import LocalNotices, notices_path
from kiosk.core.text import LocalizedText
from kiosk.ui.admin.notices_page import NoticesPage
from kiosk.ui.notices.board import NoticeBoard
from kiosk.ui.render.banner import banner_layout
from kiosk.ui.request.keyboard import KeyAction
from tests.helpers.kiosk import NOW, bundled_deck
from tests.helpers.touch import tap

PHRASE = LocalizedText(
    {"en": "We are running about {minutes} minutes late", "es": "Vamos con {minutes} minutos de retraso"}
)


def _page(qtbot: QtBot, data: Path, clock: FixedClock) -> tuple[NoticesPage, NoticeBoard]:
    deck = replace(bundled_deck(), phrases=(PHRASE,))
    store = LocalNotices(notices_path(data), clock)
    store.load()
    board = NoticeBoard(deck, clock, store)
    page = NoticesPage(board, lambda: "en")
    qtbot.addWidget(page)
    page.resize(1920, 1080)
    page.apply_metrics(QSize(1920, 1080))
    page.show()
    page.opened()
    return page, board


def test_post_a_saved_phrase_typed_on_the_keyboard_then_change_and_end_it(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    clock = FixedClock(NOW)
    page, board = _page(qtbot, tmp_path, clock)
    composer = page.composer
    statuses: list[str] = []
    page.status.connect(statuses.append)
    # The clinic gives no hours: "end of day" is midnight, said as patients say it.
    assert composer.end_text.text() == "Shows until the end of the day."
    tap(composer.phrase_buttons[0])
    # The blank is asked for, with the keyboard up on it (digits for minutes).
    minutes = composer.blank_edits["minutes"]
    assert page.keyboard.isVisible() and page.keyboard.target() is minutes
    assert not composer.post_button.isEnabled()  # "{minutes}" still to fill in
    tap(page.keyboard.key_for("2"))
    tap(page.keyboard.key_for("5"))
    assert composer.filled() == {"en": "We are running about 25 minutes late", "es": "Vamos con 25 minutos de retraso"}
    assert page.keyboard.target() is minutes
    tap(page.keyboard.action_key(KeyAction.DONE))
    tap(composer.end_buttons[EndChoice.HOUR_1])
    # The live preview is the banner as it will show.
    assert composer.preview.isVisible()
    assert composer.preview.content == ("We are running about 25 minutes late", "info", None)
    # ... tall enough for its text at its width: nothing cut (it once kept the height of an
    # empty preview, and the text did not fit at all).
    look = composer.preview.look()
    drawn = banner_layout("We are running about 25 minutes late", "info", composer.preview.height(), look)
    assert [t.fitted.plain_text for t in drawn.texts] == ["We are running about 25 minutes late"]
    assert composer.post_button.isEnabled()
    tap(composer.post_button)
    (notice,) = board.showing()
    assert notice.until == NOW + timedelta(hours=1) and not notice.from_pack
    assert notice.text.get("es") == "Vamos con 25 minutos de retraso"
    assert statuses[-1] == "Posted: the notice shows on this kiosk now."
    assert page.live.content is not None and page.live.content[0] == "We are running about 25 minutes late"
    (row,) = page.rows
    assert "posted on this kiosk only" in row.detail.text()
    # Change it: the editor takes it, Save posts the change in its place.
    tap(row.change_button)
    assert composer.editing == notice.key
    composer.texts["en"].setText("We are running about 40 minutes late")
    tap(composer.post_button)
    assert [n.text.get("en") for n in board.showing()] == ["We are running about 40 minutes late"]
    tap(page.rows[0].end_button)
    assert board.showing() == () and page.rows == [] and statuses[-1] == "Notice ended."
    page.closed()
    board.stop()


def test_an_end_that_has_passed_is_refused_before_posting(qapp: QApplication, qtbot: QtBot, tmp_path: Path) -> None:
    clock = FixedClock(NOW)
    page, board = _page(qtbot, tmp_path, clock)
    composer = page.composer
    composer.texts["en"].setText("Closing early today")
    tap(composer.end_buttons[EndChoice.AT])
    tap(composer.time_stepper.back)  # the next quarter hour, then one step back: now or earlier
    tap(composer.time_stepper.back)
    assert not composer.post_button.isEnabled()
    assert "already passed" in composer.problems_label.text()
    page.post()  # even if tapped anyway, nothing is posted
    assert board.showing() == () and not notices_path(tmp_path).exists()
    board.stop()
