from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from kiosk.ui.session import Session


def test_reset_restores_defaults_and_tells_screens(qtbot: QtBot) -> None:
    session = Session("en")
    session.set_language("es")
    session.set_large_text(True)
    session.set_high_contrast(True)
    languages: list[str] = []
    session.languageChanged.connect(languages.append)
    with qtbot.waitSignal(session.resetRequested, timeout=1000):
        session.reset()
    assert (session.language, session.large_text, session.high_contrast) == ("en", False, False)
    assert languages == ["en"]


def test_setting_the_same_value_emits_nothing(qtbot: QtBot) -> None:
    session = Session("en")
    with qtbot.assertNotEmitted(session.languageChanged):
        session.set_language("en")


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        Session("fr")
    with pytest.raises(ValueError):
        Session("en").set_language("de")


def test_a_high_contrast_default_is_where_the_session_starts_and_returns(qtbot: QtBot) -> None:
    session = Session("en", default_high_contrast=True)
    assert session.high_contrast
    changes: list[bool] = []
    session.highContrastChanged.connect(changes.append)
    session.set_high_contrast(False)  # a patient turns it off for their own visit
    session.set_large_text(True)
    with qtbot.waitSignal(session.resetRequested, timeout=1000):
        session.reset()
    assert (session.language, session.large_text, session.high_contrast) == ("en", False, True)
    assert changes == [False, True]


def test_reset_leaves_an_untouched_high_contrast_default_alone(qtbot: QtBot) -> None:
    session = Session("es", default_high_contrast=True)
    with qtbot.assertNotEmitted(session.highContrastChanged):
        session.reset()
    assert session.high_contrast
