"""Crash handling for ``kiosk run``: an unhandled exception anywhere is logged with its
traceback and ends the process with :data:`exitcodes.CRASH`, never an error dialog, so the
supervisor (systemd, the Windows loop script) restarts the kiosk."""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import TextIO

from kiosk.runtime import exitcodes

log = logging.getLogger("kiosk.run")


class CrashHandler:
    """Unhandled exceptions anywhere end the process with exit code 70 after logging the
    traceback: a kiosk must never sit behind an error dialog; its supervisor restarts it."""

    def __init__(self, fault_file: TextIO) -> None:
        self._fault_file = fault_file

    def install(self) -> None:
        faulthandler.enable(file=self._fault_file, all_threads=True)
        sys.excepthook = self._on_exception
        threading.excepthook = self._on_thread_exception

    def _on_exception(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._exit(exitcodes.OK)
        text = "".join(traceback.format_exception(kind, value, tb))
        log.critical("crash: unhandled exception, exiting with %d\n%s", exitcodes.CRASH, text.rstrip())
        self._exit(exitcodes.CRASH)

    def _on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        text = "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback))
        log.critical("crash in thread %s, exiting with %d\n%s", name, exitcodes.CRASH, text.rstrip())
        self._exit(exitcodes.CRASH)

    @staticmethod
    def _exit(code: int) -> None:
        logging.shutdown()
        sys.stderr.flush()
        # Not sys.exit: from a Qt slot or a worker thread that would not stop the event loop.
        os._exit(code)


class CrashLogFile:
    """The log file that fatal errors (faulthandler) are written to: opened ahead, because a
    crashing process can open nothing, and opened again after each rotation of the log, so a
    crash report never lands in a file that rotation is about to delete."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: TextIO | None = None

    def open(self) -> None:
        """Point fatal-error reports (and the crash handler) at the log file; stderr if it
        cannot be opened."""
        previous = self._file
        try:
            self._file = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 - faulthandler writes to it until close()
        except OSError:
            self._file = None
        CrashHandler(self._file if self._file is not None else sys.stderr).install()
        if previous is not None:
            previous.close()

    def close(self) -> None:
        if self._file is None:
            return
        # Fatal errors during the rest of the exit go to stderr (the journal), not a closed file.
        faulthandler.enable(file=sys.stderr, all_threads=True)
        self._file.close()
        self._file = None
