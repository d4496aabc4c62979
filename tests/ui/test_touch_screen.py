"""The touch screens' shared base: one path each for texts, sizes and look."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.accessibility import describe
from kiosk.ui.scale import REFERENCE_SIZE
from kiosk.ui.session import Session
from kiosk.ui.touch_screen import TouchScreen, laid_out_size


class Recorder(TouchScreen):
    def __init__(self, session: Session) -> None:
        self.calls: list[str] = []
        super().__init__("recorder", session=session)

    def retranslate(self) -> None:
        self.calls.append("retranslate")

    def apply_metrics(self) -> None:
        self.calls.append(f"metrics {self.screen_size().width()}x{self.screen_size().height()}")

    def restyle(self) -> None:
        self.calls.append("restyle")


def test_texts_change_on_language_change_events_only(qtbot: QtBot) -> None:
    session = Session("en")
    screen = Recorder(session)
    qtbot.addWidget(screen)
    assert screen.objectName() == "recorder"
    session.set_language("es")  # the shell turns this into a LanguageChange; the screen does not listen
    assert "retranslate" not in screen.calls
    QCoreApplication.sendEvent(screen, QEvent(QEvent.Type.LanguageChange))
    assert screen.calls == ["retranslate"]


def test_sizes_follow_every_resize(qtbot: QtBot) -> None:
    screen = Recorder(Session("en"))
    qtbot.addWidget(screen)
    screen.resize(1080, 1920)
    screen.show()
    qtbot.waitExposed(screen)
    assert "metrics 1080x1920" in screen.calls
    assert screen.screen_size() == QSize(1080, 1920)


def test_the_look_follows_larger_text_and_high_contrast(qtbot: QtBot) -> None:
    session = Session("en")
    screen = Recorder(session)
    qtbot.addWidget(screen)
    session.set_large_text(True)
    session.set_high_contrast(True)
    assert screen.calls == ["restyle", "restyle"]


def test_a_screen_not_laid_out_yet_sizes_itself_for_its_monitor(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(0, 0)
    monitor = widget.screen()
    assert laid_out_size(widget) == (monitor.size() if monitor is not None else REFERENCE_SIZE)


def test_describe_names_a_widget_and_keeps_its_description_when_given_none(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    describe(label, "Slide 1 of 3", "Where you are in this topic")
    describe(label, "Slide 2 of 3")
    assert (label.accessibleName(), label.accessibleDescription()) == ("Slide 2 of 3", "Where you are in this topic")
