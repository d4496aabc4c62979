"""The crash path of a real ``kiosk run``: an unhandled exception in a Qt slot and a fatal
signal are written to the log file, and the process ends with the documented code; log
writes that fail (disk full) are counted and never stop the kiosk."""

from __future__ import annotations

import io
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.core.resources import bundled_content_dir
from kiosk.runtime import exitcodes
from kiosk.runtime.logging_setup import SurvivingFileHandler, configure_logging
from kiosk.runtime.unattended import CRASH_TEST_ENV

TIMEOUT = 120


def run_kiosk(tmp_path: Path, crash: str) -> tuple[subprocess.CompletedProcess[str], str]:
    content = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), content)
    logs = tmp_path / "logs"
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "run", "--content", str(content), "--windowed", "640x360"],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        stdin=subprocess.DEVNULL,
        env={**os.environ, CRASH_TEST_ENV: crash, "KIOSK_LOG_DIR": str(logs), "KIOSK_DATA_DIR": str(tmp_path / "data")},
    )
    log_text = (logs / "kiosk.log").read_text(encoding="utf-8") if (logs / "kiosk.log").exists() else ""
    return result, log_text


def test_unhandled_exception_in_the_running_kiosk_is_logged_and_exits_70(tmp_path: Path) -> None:
    result, log_text = run_kiosk(tmp_path, "exception")
    assert result.returncode == exitcodes.CRASH, result.stderr
    assert "first frame" in log_text
    assert "crash: unhandled exception, exiting with 70" in log_text
    assert "Traceback" in log_text and "RuntimeError: KIOSK_TEST_CRASH=exception" in log_text


@pytest.mark.skipif(os.name != "posix", reason="signals")
def test_fatal_signal_is_logged_by_faulthandler(tmp_path: Path) -> None:
    result, log_text = run_kiosk(tmp_path, "fatal")
    assert result.returncode == -11, result.stderr  # SIGSEGV: systemd logs the signal, restarts
    assert "Fatal Python error: Segmentation fault" in log_text
    assert "_crash_for_test" in log_text  # the Python stack of the crashing thread


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_loses_log_lines_quietly_and_counts_them(monkeypatch: pytest.MonkeyPatch) -> None:
    stderr = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    handler = SurvivingFileHandler("/dev/full", maxBytes=1_000_000, backupCount=2, encoding="utf-8")
    logger = logging.getLogger("kiosk.test.diskfull")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        for i in range(2500):
            logger.warning("line %d", i)  # never raises: playback goes on
    finally:
        logger.removeHandler(handler)
        handler.close()
    assert handler.failures == 2501  # every line, and the flush on close
    reports = stderr.getvalue().splitlines()
    assert len(reports) == 3, reports  # the first failure, then every 1000th
    assert "No space left on device" in reports[0] and "keeps running" in reports[0]
    assert "Traceback" not in stderr.getvalue()


def test_log_file_writable_again_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stderr = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    handler = SurvivingFileHandler(tmp_path / "k.log", maxBytes=1_000_000, backupCount=2, encoding="utf-8")
    record = logging.LogRecord("kiosk", logging.INFO, __file__, 1, "hello", None, None)
    handler.failures = 7  # as after a full disk
    handler.emit(record)
    handler.close()
    assert handler.failures == 0
    assert "writable again after 7" in stderr.getvalue()
    assert "hello" in (tmp_path / "k.log").read_text(encoding="utf-8")


def test_configure_logging_uses_the_surviving_handler(tmp_path: Path) -> None:
    logger = configure_logging(tmp_path / "kiosk.log")
    try:
        assert any(isinstance(h, SurvivingFileHandler) for h in logger.handlers)
    finally:
        configure_logging()
