"""A mistake under ``delivery:`` in kiosk.yaml: the kiosk still starts (a lobby screen never
goes black because of a delivery typo) with delivery off, and the mistake is loud: logged as
an error, FAIL in ``kiosk config check`` and ``kiosk doctor``, and there for the staff screen."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.core.config import load_config
from kiosk.core.delivery.config import delivery_setup
from kiosk.runtime.doctor import FAIL, check_channels
from kiosk.runtime.exitcodes import PROBLEMS

pytestmark = pytest.mark.faults

MISTAKES = {
    "channels not a list": ("delivery:\n  channels: email\n", "delivery.channels: expected a list of channels"),
    "misspelt setting": ("delivery:\n  chanels: []\n", "delivery.chanels: unknown setting 'chanels'"),
    "a channel field": (
        "delivery:\n  channels:\n    - type: webhook\n      url: ftp://x.example.com\n      secret_env: S\n",
        "delivery.channels[0].url: must be an https:// address",
    ),
}


def config_file(tmp_path: Path, delivery: str) -> Path:
    path = tmp_path / "kiosk.yaml"
    path.write_text(f"data:\n  dir: {tmp_path / 'data'}\n{delivery}", encoding="utf-8")
    return path


@pytest.mark.parametrize("delivery, problem", list(MISTAKES.values()), ids=list(MISTAKES))
def test_the_kiosk_starts_with_delivery_off_and_says_why(tmp_path: Path, delivery: str, problem: str) -> None:
    loaded = load_config(config_file(tmp_path, delivery), {})

    assert loaded.config is not None, "a delivery mistake must not stop the kiosk"
    assert loaded.config["data.dir"] == tmp_path / "data"  # the rest of the file still counts
    setup = delivery_setup(loaded.config)
    assert setup.channels == () and setup.off_by_mistake
    assert setup.summary().startswith("delivery is off until kiosk.yaml is fixed (requests are stored, not sent): ")
    assert problem in setup.summary()


@pytest.mark.parametrize("delivery, problem", list(MISTAKES.values()), ids=list(MISTAKES))
def test_config_check_and_doctor_fail_on_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], delivery: str, problem: str
) -> None:
    path = config_file(tmp_path, delivery)

    assert main(["config", "check", "--config", str(path)]) == PROBLEMS
    out = capsys.readouterr().out
    assert problem in out
    assert out.splitlines()[-1].endswith(
        "the kiosk starts, but with delivery off: it stores requests without sending them"
    )

    config = load_config(path, {}).config
    assert config is not None
    [check] = check_channels(config, timeout=1.0)
    assert (check.status, check.name) == (FAIL, "delivery") and problem in check.detail


def test_other_mistakes_still_stop_the_kiosk(tmp_path: Path) -> None:
    loaded = load_config(config_file(tmp_path, "display:\n  screen: many\ndelivery:\n  channels: email\n"), {})
    assert loaded.config is None
    assert {p.field for p in loaded.problems} == {"display.screen", "delivery.channels"}


def test_a_world_readable_secret_file_fails_config_check_and_doctor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "hook-secret"
    secret.write_text("long-random-secret\n", encoding="utf-8")
    secret.chmod(0o644)
    path = config_file(
        tmp_path,
        f"delivery:\n  channels:\n    - type: webhook\n      url: https://x.example.com/h\n      secret_file: {secret}\n",
    )

    assert main(["config", "check", "--config", str(path)]) == PROBLEMS
    out = capsys.readouterr().out
    assert f"delivery.channels[0].secret_file: {secret} can be read or changed by other users (mode 0644)" in out
    assert f"chmod 600 {secret}" in out
    config = load_config(path, {}).config
    assert config is not None
    [check] = check_channels(config, timeout=1.0)
    assert check.status == FAIL and f"chmod 600 {secret}" in check.detail


def test_open_services_logs_an_error_and_hands_the_problem_to_the_staff_screen(
    qapp: object, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from kiosk.core.clock import SystemClock
    from kiosk.core.loader import load_deck
    from kiosk.core.resources import bundled_content_dir
    from kiosk.ui.app import open_services

    config = load_config(config_file(tmp_path, "delivery:\n  channels: email\n"), {}).config
    deck = load_deck(bundled_content_dir()).deck
    assert config is not None and deck is not None
    with caplog.at_level(logging.ERROR):
        services = open_services(config, deck, SystemClock())
    try:
        assert services.worker is None and services.requests is not None and services.staff is not None
        assert services.requests.channels == ()
        assert "delivery.channels: expected a list of channels" in services.staff.delivery_problem
        errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
        assert any("delivery is off until kiosk.yaml is fixed" in e for e in errors)
    finally:
        services.close()
