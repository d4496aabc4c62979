"""Logging for the kiosk: state changes (deck loaded, reload applied/rejected, slide skipped),
never every tick, to stderr and optionally a log file."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def configure_logging(log_file: Path | None = None, level: int = logging.INFO) -> logging.Logger:
    """Send the ``kiosk`` loggers to stderr and ``log_file``; returns the ``kiosk`` logger.

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
        handlers.append(logging.FileHandler(log_file, encoding="utf-8"))
    for handler in handlers:
        handler.setFormatter(formatter)
        logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False
    return logger
