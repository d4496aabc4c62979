"""The running kiosk's health, every minute, in the Prometheus textfile ``monitoring.textfile``
(for node_exporter), and what ``kiosk status`` reads.

A plain Python thread, no Qt object (see the README's "Known PySide hazard"): it reads files
the GUI thread writes (the heartbeat, content-state.json) and the requests database read-only,
so a slow disk never holds up a frame. On a clean stop the file is written once more with
``kiosk_up 0``; after a crash or a power cut ``kiosk_textfile_timestamp_seconds`` (and
node_exporter's own ``node_textfile_mtime_seconds``) stop moving, which is what to alert on.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.core.health import Health, collect_health

if TYPE_CHECKING:
    from kiosk.core.config import Config

log = logging.getLogger(__name__)

INTERVAL_S = 60.0


def process_memory_bytes(pid: int | None = None) -> int | None:
    """PSS (Linux) or private bytes (Windows) of this process, or of ``pid`` on Linux."""
    from kiosk.runtime.memory_guard import memory_mb

    if pid is not None and pid != os.getpid():
        if not sys.platform.startswith("linux"):
            return None
        mib = memory_mb(Path(f"/proc/{pid}"))
    else:
        mib = memory_mb()
    return None if mib is None else round(mib * 1024 * 1024)


def health_of_this_kiosk(config: Config, data_folder: Path, *, running: bool, pid: int | None) -> Health:
    """The facts as files and the database hold them now; memory of ``pid`` (this process
    when it is this process)."""
    from kiosk.core.content_home import places_for
    from kiosk.core.paths import requests_db_path
    from kiosk.runtime.version import program_version

    places = places_for(config["content.dir"], config["data.dir"])
    return collect_health(
        data_folder=data_folder,
        state_file=places.state_file,
        requests_db=requests_db_path(data_folder),
        version=program_version(),
        running=running,
        pid=pid,
        memory_bytes=process_memory_bytes(pid) if running else None,
        now=datetime.now(UTC),
    )


class TextfileLoop:
    """Writes ``collect()`` to ``path`` now, then every ``interval`` seconds, until :meth:`stop`."""

    def __init__(self, path: Path, collect: Callable[[], Health], interval: float = INTERVAL_S) -> None:
        if interval <= 0:
            raise ValueError("interval must be positive")
        self.path = path
        self._collect = collect
        self._interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._last_problem = ""
        self.writes = 0

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("the textfile loop was already started")
        # A daemon thread: a read stuck on a dead network share must never keep the process alive.
        self._thread = threading.Thread(target=self._run, name="monitoring-textfile", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        """Stop the loop and write the file once more with ``kiosk_up 0``."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self.write_once(up=False)

    def write_once(self, *, up: bool = True) -> bool:
        from kiosk.core.metrics_textfile import write_textfile

        try:
            write_textfile(self.path, self._collect(), up=up)
        except (OSError, ValueError) as exc:
            problem = f"{type(exc).__name__}: {exc}"
            if problem != self._last_problem:  # once per distinct problem, not every minute
                log.error("could not write the monitoring textfile %s: %s", self.path, problem)
                self._last_problem = problem
            return False
        if self._last_problem:
            log.info("the monitoring textfile %s is written again", self.path)
            self._last_problem = ""
        self.writes += 1
        return True

    def _run(self) -> None:
        while not self._stop.is_set():
            self.write_once()
            self._stop.wait(self._interval)


def textfile_loop(config: Config, data_folder: Path) -> TextfileLoop | None:
    """The textfile loop for ``monitoring.textfile`` (not started); None when it is not set."""
    path: Path | None = config["monitoring.textfile"]
    if path is None:
        return None
    log.info("monitoring: writing %s every %.0f s", path, INTERVAL_S)
    return TextfileLoop(path, lambda: health_of_this_kiosk(config, data_folder, running=True, pid=os.getpid()))
