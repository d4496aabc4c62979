"""Start-up steps and their undo: newest first on every way out, each logged, bounded in
time; a signal during start-up stops it between steps; and a real ``kiosk run`` start-up that
fails in its last step still releases the lock and stops the threads earlier steps started."""

from __future__ import annotations

import logging
import signal
import sys
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.core.publish.keys import generate_key_pair
from kiosk.runtime import launch
from kiosk.runtime.launch import RunOptions
from kiosk.runtime.single_instance import InstanceLock
from kiosk.runtime.startup import SHUTDOWN_SECONDS, Startup, StartupRefused


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_undo_runs_newest_first_even_after_a_failing_undo(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.run")
    done: list[str] = []

    def fail() -> None:
        done.append("middle")
        raise OSError("disk gone")

    with pytest.raises(RuntimeError), Startup() as startup:
        with startup.step("one"):
            startup.on_exit("first", lambda: done.append("first"))
        with startup.step("two"):
            startup.on_exit("middle", fail)
            startup.on_exit("last", lambda: done.append("last"))
            raise RuntimeError("a step failed")
    assert done == ["last", "middle", "first"]
    messages = [r.getMessage() for r in caplog.records]
    assert any(m.startswith("shutdown: last (") for m in messages)
    assert "shutdown: middle failed" in messages
    assert any(m.startswith("shutdown: first (") for m in messages)


def test_waiting_undo_shares_one_budget() -> None:
    clock = Clock()
    startup = Startup(clock=clock)
    waited: list[float] = []

    def slow() -> None:
        waited.append(startup.time_left(3.0))
        clock.now += waited[-1]  # as a join that used all it was given

    assert startup.time_left(3.0) == 3.0  # not shutting down: the caller's own bound
    startup.on_exit("second thread", slow)
    startup.on_exit("first thread", slow)
    startup.close()
    assert waited == [3.0, pytest.approx(SHUTDOWN_SECONDS - 3.0)]
    assert startup.shutdown_seconds == pytest.approx(SHUTDOWN_SECONDS)


def test_a_stop_asked_for_during_start_up_ends_it_before_the_next_step() -> None:
    reasons: list[str] = []
    with Startup() as startup:
        startup.stop_requested = lambda: reasons[0] if reasons else None
        with startup.step("lock"):
            startup.on_exit("release", lambda: reasons.append("released"))
        reasons.append("SIGTERM")
        with pytest.raises(StartupRefused) as refused, startup.step("content"):
            pass
    assert refused.value.code == 0 and "SIGTERM" in refused.value.message
    assert startup.steps == ["lock"]
    assert reasons == ["SIGTERM", "released"]


# --- a real start-up failing late --------------------------------------------------------


def kiosk_threads() -> set[str]:
    return {t.name for t in threading.enumerate() if t.name.startswith(("kiosk-", "content-updates")) and t.is_alive()}


def test_a_late_start_up_failure_releases_the_lock_and_stops_earlier_threads(
    qapp, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = generate_key_pair(tmp_path / "keys")
    (tmp_path / "published").mkdir()
    config = tmp_path / "kiosk.yaml"
    config.write_text(
        f"data:\n  dir: {tmp_path / 'data'}\n"
        f"log:\n  dir: {tmp_path / 'logs'}\n"
        "delivery:\n  channels:\n    - type: webhook\n      url: http://127.0.0.1:9/kiosk\n"
        "      secret_env: KIOSK_TEST_WEBHOOK_SECRET\n"
        f"content:\n  source: {tmp_path / 'published'}\n  public_key: {keys.public_path}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("KIOSK_TEST_WEBHOOK_SECRET", "s3cret-for-tests-only")
    # kiosk run's crash handler replaces these process-wide hooks; put them back after.
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    sigterm = signal.getsignal(signal.SIGTERM)
    real_unattended = launch._unattended
    started: set[str] = set()

    def unattended_then_fail(startup, app, kiosk, *args, **kwargs) -> None:
        qtbot.addWidget(kiosk.window)  # closed and deleted after the test, as kiosk run's exit would
        real_unattended(startup, app, kiosk, *args, **kwargs)
        # Let the first frame open the touch services (the delivery worker), then fail.
        qtbot.waitUntil(lambda: "kiosk-delivery-webhook" in kiosk_threads(), timeout=20000)
        started.update(kiosk_threads())
        raise RuntimeError("a late start-up step failed")

    monkeypatch.setattr(launch, "_unattended", unattended_then_fail)
    before = kiosk_threads()
    with pytest.raises(RuntimeError, match="a late start-up step failed"), Startup() as startup:
        launch._run(startup, RunOptions(config=config, windowed=(640, 360)))
    assert startup.steps[-1] == "unattended operation"
    assert {"kiosk-stall-detector", "kiosk-delivery-webhook", "content-updates"} <= started - before
    assert kiosk_threads() == before  # every thread the start-up made has ended
    with InstanceLock(tmp_path / "data") as lock:
        assert lock.held
    assert signal.getsignal(signal.SIGTERM) == sigterm
    log = (tmp_path / "logs" / "kiosk.log").read_text(encoding="utf-8")
    for step in (
        "shutdown: stop checking for content updates",
        "shutdown: close the requests database and delivery",
        "shutdown: stop the slideshow",
        "shutdown: release the instance lock",
        "shutdown: stop the stall detector",
    ):
        assert step in log
