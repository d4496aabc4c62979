"""Idle reset with an injected clock: the countdown overlay, "still here", and the full reset
that leaves no trace of the previous patient on any screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QLineEdit, QTextEdit, QWidget

from kiosk.core.clock import FixedClock
from kiosk.core.requests.store import RequestStore
from kiosk.ui.app import RequestServices
from kiosk.ui.idle import IdleMonitor
from kiosk.ui.shell import BROWSE, MENU, REQUEST, SLIDESHOW, IdleSettings
from tests.helpers.kiosk import NOW, running_kiosk
from tests.helpers.touch import tap

# -- the monitor alone ---------------------------------------------------------------------


def monitor(qtbot) -> tuple[IdleMonitor, FixedClock, list[tuple[str, int]]]:
    clock = FixedClock(NOW)
    idle = IdleMonitor(clock, idle_timeout=45, countdown=20, check_interval_ms=60_000)
    events: list[tuple[str, int]] = []
    idle.countdownStarted.connect(lambda s: events.append(("started", s)))
    idle.countdownTick.connect(lambda s: events.append(("tick", s)))
    idle.countdownCancelled.connect(lambda: events.append(("cancelled", 0)))
    idle.expired.connect(lambda: events.append(("expired", 0)))
    return idle, clock, events


def test_countdown_starts_after_the_timeout_ticks_each_second_and_expires_once(qtbot) -> None:
    idle, clock, events = monitor(qtbot)
    idle.set_active(True)
    clock.advance(44.9)
    idle.check()
    assert events == []
    clock.advance(0.2)
    idle.check()
    assert events == [("started", 20)]
    clock.advance(1.0)
    idle.check()
    idle.check()  # same second: no second tick
    assert events[-1] == ("tick", 19)
    clock.advance(19.0)
    idle.check()
    assert events[-1] == ("expired", 0)
    assert not idle.active
    clock.advance(100)
    idle.check()
    assert [e for e in events if e[0] == "expired"] == [("expired", 0)]


def test_input_cancels_the_countdown_and_starts_the_wait_again(qtbot) -> None:
    idle, clock, events = monitor(qtbot)
    idle.set_active(True)
    clock.advance(50)
    idle.check()
    assert idle.counting_down
    idle.poke()
    assert events[-1] == ("cancelled", 0) and not idle.counting_down
    clock.advance(44)
    idle.check()
    assert events[-1] == ("cancelled", 0)


def test_the_monitor_does_nothing_while_inactive(qtbot) -> None:
    idle, clock, events = monitor(qtbot)
    clock.advance(3600)
    idle.check()
    assert events == []


def test_the_monitor_refuses_nonsense_durations() -> None:
    with pytest.raises(ValueError, match="idle_timeout"):
        IdleMonitor(FixedClock(NOW), idle_timeout=0)


def test_real_input_events_count_as_someone_there(qapp, qtbot) -> None:
    idle, clock, events = monitor(qtbot)
    qapp.installEventFilter(idle)
    try:
        widget = QWidget()
        qtbot.addWidget(widget)
        widget.show()
        idle.set_active(True)
        clock.advance(50)
        idle.check()
        tap(widget)
        assert events[-1] == ("cancelled", 0)
    finally:
        qapp.removeEventFilter(idle)


# -- in the shell --------------------------------------------------------------------------


def test_the_overlay_counts_down_and_a_touch_keeps_the_patients_choices(qapp, qtbot) -> None:
    with running_kiosk(qapp, qtbot, idle=IdleSettings(45, 20, 60_000)) as (kiosk, clock):
        shell = kiosk.window
        shell.open_menu()
        shell.session.set_language("es")
        clock.advance(46)
        shell.idle.check()
        assert shell.overlay.isVisible()
        assert shell.overlay.title.text() == "¿Sigue ahí?"
        assert "19 segundos" in shell.overlay.message.text()
        assert shell.overlay.geometry() == shell.rect()
        tap(shell.overlay, QPoint(300, 300))
        assert not shell.overlay.isVisible()
        assert shell.current_screen == MENU and shell.session.language == "es"


def test_the_slideshow_is_never_interrupted_by_the_idle_overlay(qapp, qtbot) -> None:
    with running_kiosk(qapp, qtbot, idle=IdleSettings(45, 20, 60_000)) as (kiosk, clock):
        shell = kiosk.window
        clock.advance(3600)
        shell.idle.check()
        assert not shell.overlay.isVisible() and shell.current_screen == SLIDESHOW


def widget_states(root: QWidget, skip: tuple[QWidget, ...]) -> dict[str, object]:
    """Everything a patient could have changed, per widget, keyed by its place in the tree."""
    states: dict[str, object] = {}

    def walk(widget: QWidget, path: str) -> None:
        if widget in skip:
            return
        if isinstance(widget, QLineEdit):
            states[path] = ("line", widget.text(), widget.isUndoAvailable(), widget.isRedoAvailable())
        elif isinstance(widget, QTextEdit):
            states[path] = ("text", widget.toPlainText())
        elif isinstance(widget, QAbstractButton):
            states[path] = ("button", widget.text(), widget.isChecked(), widget.isVisibleTo(root))
        elif isinstance(widget, QLabel):
            states[path] = ("label", widget.text(), widget.isVisibleTo(root))
        if isinstance(widget, QAbstractScrollArea):
            states[path + "/scroll"] = (widget.verticalScrollBar().value(), widget.horizontalScrollBar().value())
        children = [c for c in widget.children() if isinstance(c, QWidget)]
        for index, child in enumerate(children):
            walk(child, f"{path}/{index}:{type(child).__name__}:{child.objectName()}")

    walk(root, "shell")
    return states


def test_after_an_idle_reset_no_widget_shows_what_the_patient_chose_or_typed(qapp, qtbot, tmp_path) -> None:
    with (
        RequestStore(tmp_path / "requests.db") as store,
        running_kiosk(
            qapp,
            qtbot,
            idle=IdleSettings(45, 20, 60_000),
            requests=RequestServices(store),
        ) as (kiosk, clock),
    ):
        shell = kiosk.window
        skip = (shell.slideshow, shell.overlay)
        # Every screen once, so lazily built parts exist in both snapshots.
        for name in (MENU, BROWSE, REQUEST, SLIDESHOW):
            shell.show_screen(name)
        shell.go_home()
        fresh = widget_states(shell, skip)

        # A patient: Spanish, larger text, high contrast, a topic three slides in, a half-filled form.
        tap(shell.slideshow, QPoint(500, 500))
        tap(shell.menu.language_buttons["es"])
        tap(shell.menu.large_text_button)
        tap(shell.menu.high_contrast_button)
        shell.menu.scroll_area.verticalScrollBar().setValue(shell.menu.scroll_area.verticalScrollBar().maximum())
        tap(shell.menu.topic_button("dry-needling"))
        shell.browse.step(1)
        shell.browse.step(1)
        tap(shell.browse.request_button)
        assert shell.current_screen == REQUEST
        form = shell.request_screen
        assert form is not None
        edits = list(form.findChildren(QLineEdit))
        assert edits
        for edit in edits:
            edit.setFocus()
            QTest.keyClicks(edit, "Zyx 5")
        for button in form.findChildren(QAbstractButton):
            if button.isCheckable() and not button.isChecked() and button.isVisibleTo(form):
                button.click()
        for area in form.findChildren(QAbstractScrollArea):
            area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
        assert widget_states(shell, skip) != fresh

        clock.advance(45.5)
        shell.idle.check()
        assert shell.overlay.isVisible()
        clock.advance(20)
        shell.idle.check()

        assert shell.current_screen == SLIDESHOW and not kiosk.player.paused
        assert shell.session.language == "en"
        assert not shell.session.large_text and not shell.session.high_contrast
        assert shell.browse.topic_id is None and shell.browse.view.pixmap is None
        for edit in shell.findChildren(QLineEdit):
            assert edit.text() == "" and not edit.isUndoAvailable(), edit.objectName()
        after = widget_states(shell, skip)
        changed = {k: (fresh.get(k), after.get(k)) for k in fresh.keys() | after.keys() if fresh.get(k) != after.get(k)}
        assert changed == {}
        # The next patient starts in English at the top of the menu.
        tap(shell.slideshow, QPoint(500, 500))
        assert shell.menu.title.text() == "What would you like to know?"
        assert shell.menu.scroll_area.verticalScrollBar().value() == 0


def test_the_countdown_reads_as_a_sentence_in_both_languages(qapp, qtbot) -> None:
    with running_kiosk(qapp, qtbot) as (kiosk, _clock):
        overlay = kiosk.window.overlay
        for language, many, one in (
            ("en", "in 20 seconds.", "in 1 second."),
            ("es", "en 20 segundos.", "en 1 segundo."),
        ):
            kiosk.window.session.set_language(language)
            overlay.set_seconds(20)
            assert overlay.message.text().endswith(many) and "(s)" not in overlay.message.text()
            overlay.set_seconds(1)
            assert overlay.message.text().endswith(one)
        kiosk.window.session.set_language("en")
