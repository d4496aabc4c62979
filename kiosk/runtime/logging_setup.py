"""Logging for the kiosk: state changes (deck loaded, reload applied/rejected, slide skipped),
never every tick, to stderr and a rotated log file (``kiosk run``: ``log.dir``, by default the
platform's user log folder). A log folder that cannot be written never stops the kiosk: it
logs to stderr only and says so once."""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


class SurvivingFileHandler(RotatingFileHandler):
    """A rotating log file whose write failures (disk full, folder removed, read-only mount)
    are counted instead of printing a traceback per log line forever: the kiosk keeps
    playing and says so on stderr once, then every ``REPORT_EVERY`` failures."""

    REPORT_EVERY = 1000

    def __init__(
        self, filename: str | Path, *, maxBytes: int = 0, backupCount: int = 0, encoding: str | None = None
    ) -> None:
        super().__init__(filename, maxBytes=maxBytes, backupCount=backupCount, encoding=encoding)
        self.failures = 0
        #: Called after each rotation (the crash handler moves its file to the new log).
        self.after_rollover: list[Callable[[], None]] = []

    def doRollover(self) -> None:
        super().doRollover()
        for hook in self.after_rollover:
            hook()

    def emit(self, record: logging.LogRecord) -> None:
        failures = self.failures
        super().emit(record)
        if failures and self.failures == failures:
            # Written again after failing: the disk has room once more.
            sys.stderr.write(f"kiosk: log file {self.baseFilename} writable again after {failures} failed writes\n")
            self.failures = 0

    def close(self) -> None:
        # Closing flushes what is buffered; on a full disk that fails too, and must not stop
        # a reconfiguration or the exit.
        try:
            super().close()
        except OSError:
            self.failures += 1

    def handleError(self, record: logging.LogRecord) -> None:
        self.failures += 1
        if self.failures == 1 or self.failures % self.REPORT_EVERY == 0:
            reason = sys.exc_info()[1]
            with contextlib.suppress(OSError, ValueError):
                sys.stderr.write(
                    f"kiosk: cannot write the log file {self.baseFilename} ({reason}); "
                    f"{self.failures} lines lost so far, the kiosk keeps running\n"
                )


def configure_logging(
    log_file: Path | None = None,
    level: int = logging.INFO,
    *,
    max_bytes: int = 5_000_000,
    backups: int = 5,
) -> logging.Logger:
    """Send the ``kiosk`` loggers to stderr and ``log_file`` (rotated at ``max_bytes``,
    keeping ``backups`` old files: a kiosk runs for months); returns the ``kiosk`` logger.

    A log file that cannot be opened (its folder read-only, not creatable, or a full disk) is
    said once on stderr and left out: logging goes on to stderr. :func:`log_file_of` tells
    which file, if any, is in use. Replaces handlers set by an earlier call, so calling it
    twice never doubles the lines.
    """
    logger = logging.getLogger("kiosk")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()
    formatter = logging.Formatter(LOG_FORMAT)
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    if log_file is not None:
        try:
            log_file.parent.mkdir(parents=True, exist_ok=True)
            handlers.append(SurvivingFileHandler(log_file, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"))
        except OSError as exc:
            reason = exc.strerror or str(exc)
            with contextlib.suppress(OSError, ValueError):
                sys.stderr.write(f"kiosk: cannot write the log file {log_file} ({reason}); logging to stderr only\n")
    for handler in handlers:
        handler.setFormatter(formatter)
        logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False
    return logger


def log_file_of(logger: logging.Logger) -> SurvivingFileHandler | None:
    """The log file handler :func:`configure_logging` gave ``logger``, if it could open one."""
    return next((h for h in logger.handlers if isinstance(h, SurvivingFileHandler)), None)
