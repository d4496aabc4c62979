"""Without Qt TextToSpeech the kiosk says why in words that fit how it was installed: no pip
advice inside the packaged kiosk, where pip means nothing."""

from __future__ import annotations

import importlib.util
import logging
import sys

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.ui.speech import create_speaker, missing_speech_reason

needs_no_speech_module = pytest.mark.skipif(
    importlib.util.find_spec("PySide6.QtTextToSpeech") is not None,
    reason="PySide6-Addons is installed here: the module is not missing",
)


def test_the_bundle_names_no_pip() -> None:
    assert "pip" not in missing_speech_reason(bundled=True)
    assert "packaged kiosk" in missing_speech_reason(bundled=True)
    assert "pip install 'clinic-kiosk[speech]'" in missing_speech_reason(bundled=False)


@needs_no_speech_module
def test_the_packaged_kiosk_logs_no_pip_advice(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    with caplog.at_level(logging.INFO, logger="kiosk.ui.speech"):
        assert create_speaker(qapp) is None
    assert "read aloud unavailable" in caplog.text and "pip" not in caplog.text


@needs_no_speech_module
def test_an_installed_package_says_how_to_add_speech(qapp: QApplication, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="kiosk.ui.speech"):
        assert create_speaker(qapp) is None
    assert "clinic-kiosk[speech]" in caplog.text
