"""Finds the newest crash in the kiosk's log files, for ``kiosk doctor``.

Three kinds of report end up in ``kiosk.log`` (and its rotated ``kiosk.log.1``...):

- an unhandled exception: a ``CRITICAL ... crash...`` line and its traceback (exit code 70);
- a freeze seen by the stall detector: a ``CRITICAL kiosk.stall: frozen: ...`` line and every
  thread's stack (exit code 76);
- a fatal error written by :mod:`faulthandler` (a segfault, systemd's watchdog abort, the stall
  backstop's ``Timeout (...)!``): no time of its own, so the time of the log line before it,
  as "after".
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kiosk.core.regular_files import open_regular

_RECORD = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),\d{3} (\w+)\s+(\S+): (.*)$")
_FATAL = re.compile(r"^Fatal Python error: (.+)$")
_TIMEOUT = re.compile(r"^Timeout \(([\d:.]+)\)!$")
#: How many rotated files are looked at (log.backups is at most 50).
MAX_FILES = 51


@dataclass(frozen=True)
class CrashReport:
    #: When, as the log writes it (``2026-11-27 12:00:03``); for a faulthandler report, the
    #: time of the line before it.
    time: str
    #: True when ``time`` is the last log line before the report, not the report's own.
    after: bool
    #: One line: the exception, "frozen: ...", or "Fatal Python error: ...".
    summary: str
    file: Path
    line: int

    def describe(self) -> str:
        when = f"after {self.time}" if self.after else self.time
        return f"{when}: {self.summary} ({self.file}:{self.line})"


def log_files(folder: Path, name: str = "kiosk.log") -> list[Path]:
    """The log and its rotated copies, newest first."""
    found = [folder / name]
    found.extend(folder / f"{name}.{n}" for n in range(1, MAX_FILES))
    return [path for path in found if path.is_file()]


def last_crash(folder: Path, name: str = "kiosk.log") -> CrashReport | None:
    """The newest crash report in ``folder``'s logs, or None."""
    for path in log_files(folder, name):
        found = None
        for report in _reports(path):
            found = report
        if found is not None:
            return found
    return None


def _lines(path: Path) -> Iterator[str]:
    try:
        with open_regular(path) as raw, io.TextIOWrapper(raw, encoding="utf-8", errors="replace") as text:
            yield from text
    except OSError:
        return


def _reports(path: Path) -> Iterator[CrashReport]:
    last_time = ""
    # A crash record whose traceback is still being read: (time, line number, summary, is a traceback).
    pending: tuple[str, int, str, bool] | None = None
    for number, raw in enumerate(_lines(path), start=1):
        line = raw.rstrip("\n")
        record = _RECORD.match(line)
        fatal = _FATAL.match(line) if record is None else None
        timeout = _TIMEOUT.match(line) if record is None and fatal is None else None
        starts_another = record is not None or fatal is not None or timeout is not None
        if starts_another and pending is not None:
            yield CrashReport(pending[0], False, pending[2], path, pending[1])
            pending = None
        if record is not None:
            time, level, _logger, message = record.groups()
            last_time = time
            if level == "CRITICAL" and message.startswith(("crash", "frozen")):
                pending = (time, number, message, message.startswith("crash"))
        elif fatal is not None or timeout is not None:
            summary = line if fatal is not None else f"frozen with the interpreter stuck ({line})"
            yield CrashReport(last_time or "?", True, summary, path, number)
        elif pending is not None and pending[3] and _exception_line(line):
            # The traceback's last unindented line is the exception itself.
            pending = (pending[0], pending[1], line.strip(), True)
    if pending is not None:
        yield CrashReport(pending[0], False, pending[2], path, pending[1])


def _exception_line(line: str) -> bool:
    return bool(line.strip()) and not line[0].isspace() and not line.startswith("Traceback")
