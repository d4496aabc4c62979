"""Logging for the kiosk: state changes (deck loaded, reload applied/rejected, slide skipped),
never every tick, to stderr and optionally a log file."""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def configure_logging(
    log_file: Path | None = None,
    level: int = logging.INFO,
    *,
    max_bytes: int = 5_000_000,
    backups: int = 5,
) -> logging.Logger:
    """Send the ``kiosk`` loggers to stderr and ``log_file`` (rotated at ``max_bytes``,
    keeping ``backups`` old files: a kiosk runs for months); returns the ``kiosk`` logger.

    Replaces handlers set by an earlier call, so calling it twice never doubles the lines.
    """
    logger = logging.getLogger("kiosk")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()
    formatter = logging.Formatter(LOG_FORMAT)
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(RotatingFileHandler(log_file, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"))
    for handler in handlers:
        handler.setFormatter(formatter)
        logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False
    return logger
