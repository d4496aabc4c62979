"""A kiosk's health in a few facts, for fleet monitoring: ``kiosk status`` prints them and the
running kiosk writes them every minute for Prometheus' node_exporter (``monitoring.textfile``,
:mod:`kiosk.core.metrics_textfile`).

Every fact comes from what the kiosk keeps anyway: the heartbeat file (last frame painted),
``content-state.json`` (what plays, and its errors), the requests database (counts only),
``delivery-status.json`` (last delivery that got through), and the process's memory. No
patient data: counts and times, never a name, a phone number or a topic someone chose.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kiosk.core.content_state import read_state
from kiosk.core.delivery.last_success import last_success_path, read_last_success
from kiosk.core.regular_files import read_regular
from kiosk.core.requests.model import RequestStatus

log = logging.getLogger(__name__)

#: The heartbeat file the running kiosk rewrites on its paints (kiosk/runtime/heartbeat.py).
HEARTBEAT_NAME = "heartbeat"
#: A database busy for longer than this is reported as unreadable for this round.
DB_TIMEOUT_S = 2.0


@dataclass(frozen=True)
class RequestCounts:
    #: stored and not yet delivered on every channel
    pending: int
    #: refused for good by a channel: staff or IT must look (kiosk requests retry)
    failed: int


@dataclass(frozen=True)
class Health:
    """What a monitor needs to tell a healthy kiosk from one that needs a visit."""

    checked: datetime
    version: str
    #: a kiosk process holds this data folder's instance lock
    running: bool
    pid: int | None
    #: the last frame painted (the heartbeat), None if it never painted here
    last_frame: datetime | None
    content_version: str | None
    #: home, last good, shipped or none (kiosk.core.content_state)
    content_origin: str | None
    content_errors: int | None
    #: None when the requests database is missing or cannot be read now
    requests: RequestCounts | None
    requests_problem: str
    last_delivery_success: datetime | None
    #: the kiosk process's memory (PSS on Linux), None when it cannot be measured
    memory_bytes: int | None

    def last_frame_age(self) -> float | None:
        return None if self.last_frame is None else max(0.0, (self.checked - self.last_frame).total_seconds())

    def to_dict(self) -> dict[str, object]:
        """The same facts as the textfile, for ``kiosk status --json``."""
        return {
            "checked": _iso(self.checked),
            "version": self.version,
            "running": self.running,
            "pid": self.pid,
            "last_frame": _iso(self.last_frame),
            "last_frame_age_seconds": None if (age := self.last_frame_age()) is None else round(age, 1),
            "content": {"version": self.content_version, "origin": self.content_origin, "errors": self.content_errors},
            "requests": None
            if self.requests is None
            else {"pending": self.requests.pending, "failed": self.requests.failed},
            "requests_problem": self.requests_problem or None,
            "last_delivery_success": _iso(self.last_delivery_success),
            "memory_bytes": self.memory_bytes,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=1) + "\n"


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat(timespec="seconds")


def read_last_frame(data_folder: Path) -> datetime | None:
    """The heartbeat's time (``<ISO> <unix>``), or None: missing, damaged, or not a file."""
    path = data_folder / HEARTBEAT_NAME
    try:
        fields = read_regular(path, 200).decode("ascii").split()
        return datetime.fromtimestamp(float(fields[1]), UTC)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, IndexError, OverflowError) as exc:
        log.warning("%s: cannot be read (%s); the last frame time is unknown", path, exc)
        return None


def count_requests(db: Path) -> tuple[RequestCounts | None, str]:
    """Pending and failed requests, read-only (a status check never creates or migrates the
    database); (None, why) when it cannot be read now."""
    if not db.is_file():
        return None, f"{db}: no requests database (yet)"
    try:
        connection = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=DB_TIMEOUT_S)
    except sqlite3.Error as exc:
        return None, f"{db}: {exc}"
    try:
        rows = connection.execute("SELECT status, COUNT(*) FROM requests GROUP BY status").fetchall()
    except sqlite3.Error as exc:
        return None, f"{db}: {exc}"
    finally:
        connection.close()
    counts = {str(status): int(n) for status, n in rows}
    return RequestCounts(counts.get(RequestStatus.NEW.value, 0), counts.get(RequestStatus.FAILED.value, 0)), ""


def collect_health(
    *,
    data_folder: Path,
    state_file: Path,
    requests_db: Path,
    version: str,
    running: bool,
    pid: int | None,
    memory_bytes: int | None,
    now: datetime,
) -> Health:
    state = read_state(state_file)
    requests, problem = count_requests(requests_db)
    return Health(
        checked=now,
        version=version,
        running=running,
        pid=pid,
        last_frame=read_last_frame(data_folder),
        content_version=state.version if state is not None else None,
        content_origin=state.origin if state is not None else None,
        content_errors=state.error_count if state is not None else None,
        requests=requests,
        requests_problem=problem,
        last_delivery_success=read_last_success(last_success_path(data_folder)),
        memory_bytes=memory_bytes,
    )
