"""``kiosk doctor``'s last crash: the newest crash, freeze or fatal error in the log files
(kiosk.log first, then kiosk.log.1...), with its time; and the log file ``kiosk run`` writes by
default, which a folder that cannot be written never stops."""

from __future__ import annotations

import io
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

import platformdirs
import pytest

from kiosk.core.config import Config
from kiosk.core.paths import APP_NAME
from kiosk.runtime.crash_reports import last_crash
from kiosk.runtime.doctor import OK, WARN, check_last_crash
from kiosk.runtime.launch import RunOptions, resolve_settings
from kiosk.runtime.logging_setup import configure_logging, log_file_of

CRASH = """\
2026-11-20 09:00:00,001 INFO    kiosk.run: first frame
2026-11-20 09:14:07,512 CRITICAL kiosk.run: crash: unhandled exception, exiting with 70
Traceback (most recent call last):
  File "/opt/kiosk/kiosk/ui/shell.py", line 10, in go_home
    self.session.reset()
KeyError: 'language'

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "/opt/kiosk/kiosk/ui/shell.py", line 12, in go_home
    raise RuntimeError("boom")
RuntimeError: boom
2026-11-20 09:14:10,000 INFO    kiosk.run: start-up: settings (50 ms)
"""
FROZEN = """\
2026-11-21 10:00:00,000 INFO    kiosk.run: first frame
2026-11-21 10:30:21,004 CRITICAL kiosk.stall: frozen: the GUI thread has not turned for 20 s; every thread's stack follows; exiting with 76
Thread 0x00007f5879c1e6c0 (most recent call first):
  File "/opt/kiosk/kiosk/runtime/stall_detector.py", line 149 in _dump_and_exit
"""
FATAL = """\
2026-11-22 11:00:00,000 INFO    kiosk.run: first frame
2026-11-22 11:05:09,100 INFO    kiosk.ui.shell: screen: menu
Fatal Python error: Segmentation fault

Current thread 0x00007f1 (most recent call first):
  File "/opt/kiosk/kiosk/ui/render/painting.py", line 40 in paint
"""


def write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_no_logs_no_crash(tmp_path: Path) -> None:
    assert last_crash(tmp_path) is None
    check = check_last_crash(tmp_path)
    assert check.status == OK and "none" in check.detail


def test_an_exception_is_named_by_its_last_line_with_its_time(tmp_path: Path) -> None:
    write(tmp_path, "kiosk.log", CRASH)
    report = last_crash(tmp_path)
    assert report is not None
    assert report.describe() == f"2026-11-20 09:14:07: RuntimeError: boom ({tmp_path / 'kiosk.log'}:2)"


def test_the_newest_report_wins_across_rotated_files(tmp_path: Path) -> None:
    write(tmp_path, "kiosk.log.2", CRASH)
    write(tmp_path, "kiosk.log.1", FROZEN + FATAL)
    write(tmp_path, "kiosk.log", "2026-11-23 08:00:00,000 INFO    kiosk.run: first frame\n")
    report = last_crash(tmp_path)
    assert report is not None and report.file == tmp_path / "kiosk.log.1"
    # faulthandler writes no time: the line before it gives one
    assert report.describe().startswith("after 2026-11-22 11:05:09: Fatal Python error: Segmentation fault")


def test_a_freeze_is_a_crash_too(tmp_path: Path) -> None:
    write(tmp_path, "kiosk.log", CRASH + FROZEN)
    report = last_crash(tmp_path)
    assert report is not None
    assert report.summary.startswith("frozen: the GUI thread has not turned for 20 s")


def test_a_recent_crash_warns_an_old_one_is_only_reported(tmp_path: Path) -> None:
    write(tmp_path, "kiosk.log", FROZEN)
    frozen_at = datetime(2026, 11, 21, 10, 30, 21).astimezone()  # the log writes local time
    recent = check_last_crash(tmp_path, now=frozen_at.astimezone(UTC))
    assert recent.status == WARN and recent.detail.startswith("2026-11-21 10:30:21: frozen")
    old = check_last_crash(tmp_path, now=datetime(2027, 3, 1, tzinfo=UTC))
    assert old.status == OK and "frozen" in old.detail


@pytest.mark.skipif(sys.platform == "win32", reason="a named pipe")
def test_a_named_pipe_in_place_of_a_log_never_hangs_the_doctor(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "kiosk.log")
    assert last_crash(tmp_path) is None


# --- the log file kiosk run writes --------------------------------------------------------


def test_kiosk_run_logs_to_the_user_log_folder_by_default(tmp_path: Path) -> None:
    settings = resolve_settings(RunOptions(), Config.defaults(), {})
    assert settings.log_file == Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)) / "kiosk.log"
    if sys.platform.startswith("linux"):  # as docs/deploy.md says: ~/.local/state/clinic-kiosk/log
        assert settings.log_file == Path(os.environ["XDG_STATE_HOME"]) / "clinic-kiosk" / "log" / "kiosk.log"
    chosen = resolve_settings(RunOptions(), Config.defaults(), {"KIOSK_LOG_DIR": str(tmp_path)})
    assert chosen.log_file == tmp_path / "kiosk.log"
    given = resolve_settings(RunOptions(log_file=tmp_path / "x.log"), Config.defaults(), {})
    assert given.log_file == tmp_path / "x.log"


def test_a_log_folder_that_cannot_be_written_logs_to_stderr_and_says_so_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stderr = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    logger = configure_logging(blocker / "logs" / "kiosk.log")
    try:
        assert log_file_of(logger) is None
        logger.getChild("run").warning("still logging")
    finally:
        configure_logging()
    lines = stderr.getvalue().splitlines()
    assert sum("cannot write the log file" in line for line in lines) == 1
    assert "logging to stderr only" in lines[0] and str(blocker / "logs" / "kiosk.log") in lines[0]
    assert any("still logging" in line for line in lines)
