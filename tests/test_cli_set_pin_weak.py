"""``kiosk set-pin`` refuses a PIN a patient could guess, with the reason, and keeps the old one."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.core.admin_pin import PIN_FILE_NAME, PinStore
from kiosk.runtime import exitcodes

pytestmark = pytest.mark.faults


def set_pin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], pin: str, *argv: str
) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(pin + "\n"))
    code = main(["set-pin", "--stdin", *argv])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("pin", ["0000", "1234", "1111", "12345678", "4321", "1212", "2026"])
def test_a_weak_pin_is_refused_with_the_reason(
    pin: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = set_pin(monkeypatch, capsys, pin, "--data-dir", str(tmp_path))
    assert code == exitcodes.PROBLEMS
    assert err.startswith("kiosk set-pin: that PIN is too easy to guess: ")
    assert "nothing was changed" in err and "docs/admin.md" in err
    assert not (tmp_path / PIN_FILE_NAME).exists()


def test_the_clinic_phone_comes_from_the_configured_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "clinic.yaml").write_text("name: Clinic\nphone: (720) 555-8163\n", encoding="utf-8")
    config = tmp_path / "kiosk.yaml"
    config.write_text(f"content:\n  dir: {content}\ndata:\n  dir: {tmp_path / 'data'}\n", encoding="utf-8")

    code, err = set_pin(monkeypatch, capsys, "5558163", "--config", str(config))

    assert code == exitcodes.PROBLEMS and "part of the clinic's phone number" in err
    assert set_pin(monkeypatch, capsys, "4826", "--config", str(config))[0] == exitcodes.OK
    assert PinStore(tmp_path / "data" / PIN_FILE_NAME).check("4826")
