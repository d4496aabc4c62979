"""Kiosk Studio's window driven as staff would: edit, reorder, hide, add a slide with a picture,
schedule, refuse an invalid pack, save, publish and restore (pytest-qt, real files)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from kiosk.core.clock import FixedClock
from kiosk.core.content_home import content_places
from kiosk.core.content_library import ContentLibrary
from kiosk.core.loader import content_version, load_deck
from kiosk.core.resources import bundled_content_dir
from kiosk.core.stats.events import TOPIC, Outcome, Tally, VisitEnded, hour_of
from kiosk.core.stats.store import StatsStore
from kiosk.core.studio.model import StudioModel
from kiosk.core.studio.saving import SaveResult
from kiosk.core.studio.versions import Published, PublishSettings
from kiosk.ui.studio.field_inputs import ScheduleInput, TextInput
from kiosk.ui.studio.window import StudioWindow
from tests.helpers.studio_kit import NOW, snapshot

WAIT = 20_000


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), root)
    return root


def open_window(qtbot: QtBot, model: StudioModel) -> StudioWindow:
    window = StudioWindow(model)
    # No dialog may wait for a click in a test: closing with unsaved changes discards them,
    # and messages are kept for the test to read.
    window.ask_before_closing = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    window.reports = []  # type: ignore[attr-defined]
    window._report = window.reports.append  # type: ignore[attr-defined, method-assign]
    window._inform = window.reports.append  # type: ignore[attr-defined, method-assign]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: model.problems_current, timeout=WAIT)
    return window


@pytest.fixture
def window(qtbot: QtBot, pack: Path) -> Iterator[StudioWindow]:
    studio = open_window(qtbot, StudioModel.open(pack, clock=FixedClock(NOW)))
    yield studio
    studio.shut_down()


def select(qtbot: QtBot, window: StudioWindow, slide_id: str) -> None:
    key = window.model.find(slide_id)
    assert key is not None
    window.select(key)
    qtbot.waitUntil(lambda: window.slide_panel.key == key, timeout=WAIT)


def text_box(window: StudioWindow, field: str, language: str = "en") -> QLineEdit | QPlainTextEdit:
    row = window.slide_panel.rows()[field]
    assert isinstance(row.input, TextInput)
    return row.input.box(language)


def save(qtbot: QtBot, window: StudioWindow) -> SaveResult:
    with qtbot.waitSignal(window.saved, timeout=WAIT) as saved:
        window.save()
    result = saved.args[0]
    assert isinstance(result, SaveResult)
    return result


def test_opens_with_every_slide_in_play_order_with_the_kiosks_own_thumbnails(
    qtbot: QtBot, window: StudioWindow, pack: Path
) -> None:
    deck = load_deck(pack).deck
    assert deck is not None
    rows = window.slides.rows()
    assert [r.id for r in rows] == [s.id for s in deck.slides]
    assert window.model.problems() == ()
    qtbot.waitUntil(lambda: window.slides.thumbnail(rows[0]) is not None, timeout=WAIT)
    assert "Everything is saved" in window.state_label.text() and "no problems" in window.state_label.text()


def test_typing_a_title_counts_against_the_limit_redraws_the_preview_and_saves_only_that_file(
    qtbot: QtBot, window: StudioWindow, pack: Path
) -> None:
    select(qtbot, window, "contact")
    before = snapshot(pack)
    box = text_box(window, "title")
    box.setFocus()
    box.selectAll()
    with qtbot.waitSignal(window.preview.shown, timeout=WAIT):
        qtbot.keyClicks(box, "Call the front desk")
    counter = window.slide_panel.rows()["title"].input.findChildren(type(window.state_label))
    assert any(label.text() == "19 of 50" for label in counter)
    qtbot.waitUntil(lambda: window.preview.showing == ("contact", window.model.revision), timeout=WAIT)
    assert "Unsaved changes" in window.state_label.text()
    result = save(qtbot, window)
    assert result.saved and result.written == ("slides/contact.yaml",)
    after = snapshot(pack)
    assert {rel for rel in before if before[rel] != after.get(rel)} == {"slides/contact.yaml"}
    assert "en: Call the front desk" in (pack / "slides/contact.yaml").read_text(encoding="utf-8")
    assert "Everything is saved" in window.state_label.text()


def test_over_the_limit_is_shown_in_red_with_the_validators_message(qtbot: QtBot, window: StudioWindow) -> None:
    select(qtbot, window, "contact")
    box = text_box(window, "title")
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "x" * 60)
    with qtbot.waitSignal(window.checked, timeout=WAIT):
        window.check_now()
    row = window.slide_panel.rows()["title"]
    assert row.messages.isVisible() and "50" in row.messages.text()
    assert any(label.text() == "60 of 50" for label in row.input.findChildren(type(window.state_label)))


def test_reorder_is_one_undo_step(qtbot: QtBot, window: StudioWindow) -> None:
    order = [r.id for r in window.slides.rows()]
    window.slides.move_row(0, 3)  # what a drop of the first row above the fourth does
    moved = [r.id for r in window.slides.rows()]
    assert moved == [order[1], order[2], order[0], *order[3:]]
    assert window.undo_action.isEnabled()
    window.undo_redo(False)
    assert [r.id for r in window.slides.rows()] == order


def test_drag_and_drop_data_moves_the_row(qtbot: QtBot, window: StudioWindow) -> None:
    order = [r.id for r in window.slides.rows()]
    data = window.slides.mimeData([window.slides.index(4)])
    dropped = window.slides.dropMimeData(data, Qt.DropAction.MoveAction, 1, 0, window.slides.index(-1))
    assert dropped is False  # done by the model: the view must not remove the row itself
    assert [r.id for r in window.slides.rows()][:3] == [order[0], order[4], order[1]]


def test_hide_then_show_again(qtbot: QtBot, window: StudioWindow, pack: Path) -> None:
    select(qtbot, window, "dry-needling-who")
    window.toggle_hidden()
    row = window.model.slide(window.model.find("dry-needling-who"))  # type: ignore[arg-type]
    assert row.hidden and window.hide_button.text() == "Show"
    assert save(qtbot, window).saved
    deck = load_deck(pack).deck
    assert deck is not None and deck.slide("dry-needling-who") is None  # kept, never plays
    assert [s.id for s in deck.hidden] == ["dry-needling-who"]
    window.toggle_hidden()
    assert save(qtbot, window).saved
    shown_again = load_deck(pack).deck
    assert shown_again is not None and shown_again.slide("dry-needling-who") is not None


def test_add_an_exercise_with_a_picture_then_save(
    qtbot: QtBot, window: StudioWindow, pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    photo = tmp_path / "stretch.jpg"
    Image.new("RGB", (4000, 3000), (40, 120, 160)).save(photo, "JPEG")
    monkeypatch.setattr(window, "_choose_picture", lambda: photo)
    key = window.add_slide("exercise")
    qtbot.waitUntil(lambda: window.slide_panel.key == key, timeout=WAIT)
    picture = window.slide_panel.rows()["image"].input
    picture.choose.click()  # type: ignore[attr-defined]
    image_rel = window.model.field(key, "image").value
    assert image_rel.startswith("images/")
    for field, text in (("title", "Hamstring stretch"), ("caution", "Stop if it hurts.")):
        box = text_box(window, field)
        box.setFocus()
        box.selectAll()
        qtbot.keyClicks(box, text)
    steps = window.slide_panel.rows()["steps"].input
    first = steps.findChildren(QLineEdit)[0]
    first.setFocus()
    first.selectAll()
    qtbot.keyClicks(first, "Sit with one leg straight.")
    result = save(qtbot, window)
    assert result.saved, result
    with Image.open(pack / image_rel) as imported:
        assert max(imported.size) <= 2160  # scaled to what the kiosk needs
    slide_id = window.model.slide(key).id
    deck = load_deck(pack).deck
    assert deck is not None and slide_id is not None
    added = deck.slide(slide_id)
    assert added is not None and added.title.get("en") == "Hamstring stretch"


def test_a_schedule_set_with_the_date_pickers(qtbot: QtBot, window: StudioWindow, pack: Path) -> None:
    select(qtbot, window, "shockwave-news")
    schedule = window.slide_panel.rows()["schedule"].input
    assert isinstance(schedule, ScheduleInput)
    assert not schedule.start.on.isChecked()
    schedule.start.on.setChecked(True)  # as a click does: from today
    schedule.start.day.setDate(QDate(2026, 4, 1))
    row = window.model.slide(window.model.find("shockwave-news"))  # type: ignore[arg-type]
    assert row.schedule_value is not None and row.schedule_value.start == date(2026, 4, 1)
    assert "Starts on 2026-04-01" in window._describe(row)


def test_an_invalid_pack_is_refused_and_nothing_is_written(qtbot: QtBot, window: StudioWindow, pack: Path) -> None:
    reports: list[str] = window.reports  # type: ignore[attr-defined]
    select(qtbot, window, "contact")
    before = snapshot(pack)
    qr = window.slide_panel.rows()["qr"].input
    box = qr.findChild(QLineEdit)
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "ftp://not-a-phone")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    result = save(qtbot, window)
    assert not result.saved and result.errors
    assert snapshot(pack) == before
    assert reports and "Nothing was saved" in reports[0] and "qr" in reports[0]
    # The problem list leads to the field.
    with qtbot.waitSignal(window.checked, timeout=WAIT):
        window.check_now()
    item = window.problem_list.item(0)
    window._problem_chosen(item)
    assert window.slide_panel.rows()["qr"].messages.isVisible()


def test_delete_then_bring_back(qtbot: QtBot, window: StudioWindow, pack: Path) -> None:
    select(qtbot, window, "exercise-cat-cow")
    window.delete_slide()
    assert window.model.find("exercise-cat-cow") is None
    assert save(qtbot, window).saved
    assert not (pack / "slides/exercise-cat-cow.yaml").exists()
    assert any(p.name.endswith("exercise-cat-cow.yaml") for p in (pack / ".deleted").iterdir())
    deleted = window.model.deleted_slides()
    assert len(deleted) == 1
    key = window.model.restore_deleted(deleted[0].name)
    assert save(qtbot, window).saved
    assert window.model.slide(key).id == "exercise-cat-cow"
    back = load_deck(pack).deck
    assert back is not None and back.slide("exercise-cat-cow") is not None


def test_publish_writes_a_signed_bundle(qtbot: QtBot, window: StudioWindow, tmp_path: Path) -> None:
    from kiosk.core.publish.keys import generate_key_pair

    pair = generate_key_pair(tmp_path / "keys")
    with qtbot.waitSignal(window.published, timeout=WAIT) as published:
        window.publish_to(PublishSettings(pair.private_path, tmp_path / "out"))
    outcome = published.args[0]
    assert isinstance(outcome, Published)
    assert (tmp_path / "out" / "manifest.json").exists()


def test_restore_an_earlier_version_of_the_kiosks_content(qtbot: QtBot, tmp_path: Path) -> None:
    places = content_places(tmp_path / "data")
    library = ContentLibrary(places)
    first = library.start().deck
    assert first is not None
    slide = places.home / "slides/contact.yaml"
    slide.write_text(slide.read_text(encoding="utf-8").replace("Call us", "Phone us"), encoding="utf-8")
    library.refresh()
    window = open_window(qtbot, StudioModel.open(places.home, places=places, clock=FixedClock(NOW)))
    try:
        assert [v.version for v in window.model.versions()][-1] == first.version
        window.restore_version(first.version)
        assert content_version(places.home) == first.version
        assert "Call us" in (window.model.file_text("slides/contact.yaml") or "")
    finally:
        window.shut_down()


def test_the_studio_speaks_spanish(qtbot: QtBot, window: StudioWindow) -> None:
    window.set_language("es")
    titles = [action.text() for action in window.menuBar().actions()]
    assert "&Archivo" in titles
    assert window.tabs.tabText(0) == "Diapositiva"
    window.set_language("en")
    assert window.tabs.tabText(0) == "Slide"


def test_the_kiosks_insights_in_the_studio(qtbot: QtBot, tmp_path: Path) -> None:
    places = content_places(tmp_path / "data")
    ContentLibrary(places).start()
    hour = hour_of(NOW) - 1
    with StatsStore(places.data / "stats.db") as store:
        store.record([VisitEnded(hour, 50_000, Outcome.REQUEST), Tally(hour, TOPIC, "exercise", 2, 90_000)])
    window = open_window(qtbot, StudioModel.open(places.home, places=places, clock=FixedClock(NOW)))
    try:
        dialog = window.show_insights()
        assert dialog is not None
        qtbot.waitUntil(lambda: dialog.view.figures is not None, timeout=WAIT)
        assert dialog.view.figures is not None and dialog.view.figures.visits == 1
        assert [(b.label, b.text) for b in dialog.view.topics.bars] == [
            ("Back exercises", "2 opened · 0 slides viewed · 2 min")
        ]
        (places.data / "stats.db").write_bytes(b"damaged " * 600)  # another period reads it again
        dialog.view.period_buttons[7].click()
        qtbot.waitUntil(lambda: "cannot be read" in dialog.view.status.text(), timeout=WAIT)
        assert "damaged" in dialog.view.status.text()
        dialog.close()
    finally:
        window.shut_down()


def test_a_folder_that_is_no_kiosks_content_home_has_no_insights(window: StudioWindow) -> None:
    assert not window.insights_action.isEnabled() and window.show_insights() is None


def test_notices_tab_adds_a_notice_refuses_a_passed_end_and_saves_notices_yaml(
    qtbot: QtBot, window: StudioWindow
) -> None:
    from PySide6.QtCore import QDateTime, QTime
    from PySide6.QtWidgets import QPushButton

    from kiosk.core.studio.keys import NOTICES
    from kiosk.ui.studio.field_inputs import NoticesInput

    window.tabs.setCurrentWidget(window.notices_panel)
    window.notices_panel.show_key(NOTICES)  # its inputs built again, reporting to the test's list

    def notices_input() -> NoticesInput:
        found = window.notices_panel.rows()["notices"].input
        assert isinstance(found, NoticesInput)
        return found

    add = next(b for b in notices_input().findChildren(QPushButton) if b.text() == "Add a notice")
    add.click()
    ((_widget, texts, level, until),) = notices_input()._rows
    texts["en"].setText("The lift is out of order.")
    texts["en"].textEdited.emit("The lift is out of order.")
    level.setCurrentIndex(level.findData("important"))
    # An end in the past is refused with a message; the notice keeps its end.
    until.setDateTime(QDateTime(QDate(2026, 3, 1), QTime(9, 0)))
    until.editingFinished.emit()
    assert window.reports and "already passed" in window.reports[-1]  # type: ignore[attr-defined]
    assert until.dateTime().date() == QDate(2026, 3, 2)
    assert save(qtbot, window).saved
    deck = load_deck(window.model.root, now=NOW).deck
    assert deck is not None
    (notice,) = deck.notices
    assert notice.important and notice.text.get("en") == "The lift is out of order."


def test_holidays_are_added_with_their_hours_and_saved(qtbot: QtBot, window: StudioWindow) -> None:
    from datetime import time

    from PySide6.QtWidgets import QPushButton

    from kiosk.core.schedule import TimeWindow
    from kiosk.ui.studio.field_inputs import HolidaysInput

    window.tabs.setCurrentWidget(window.clinic_panel)

    def holidays() -> HolidaysInput:
        found = window.clinic_panel.rows()["holidays"].input
        assert isinstance(found, HolidaysInput)
        return found

    next(b for b in holidays().findChildren(QPushButton) if b.text() == "Add a day").click()
    ((_widget, day, hours),) = holidays()._rows
    day.setDate(QDate(2026, 12, 24))
    hours.setText("08:00-12:00")
    hours.editingFinished.emit()
    assert save(qtbot, window).saved
    deck = load_deck(window.model.root, now=NOW).deck
    assert deck is not None
    (holiday,) = deck.clinic.holidays
    assert holiday.day == date(2026, 12, 24) and holiday.windows == (TimeWindow(time(8), time(12)),)
