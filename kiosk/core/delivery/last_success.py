"""When a request last reached the clinic, kept across restarts: ``delivery-status.json`` in
the data folder, rewritten atomically after each delivery that succeeded.

The admin screen, ``kiosk status`` and the monitoring textfile show it; a kiosk restarted
every night must not report "never" each morning. The file holds one time and nothing about
the request (no patient data).
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path

from kiosk.core.atomic_files import write_atomic
from kiosk.core.regular_files import read_regular

log = logging.getLogger(__name__)

LAST_SUCCESS_NAME = "delivery-status.json"
#: The file holds one short JSON object.
MAX_BYTES = 4096


def last_success_path(data_folder: Path) -> Path:
    return data_folder / LAST_SUCCESS_NAME


def read_last_success(path: Path) -> datetime | None:
    """The recorded time, or None: never recorded, or a file that is damaged or not a file
    (logged: a monitor then shows "never", which is an alarm, not a wrong time)."""
    try:
        # Regular files only, and small: a named pipe here would block the kiosk for good.
        raw = read_regular(path, MAX_BYTES)
        if len(raw) > MAX_BYTES:
            raise ValueError(f"larger than {MAX_BYTES} bytes")
        data = json.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("%s: cannot be read (%s); the last delivery time is unknown", path, exc)
        return None
    try:
        moment = datetime.fromisoformat(data["last_success"])
    except (TypeError, KeyError, ValueError):
        log.warning("%s: field last_success: not an ISO 8601 time; the last delivery time is unknown", path)
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def write_last_success(path: Path, moment: datetime) -> bool:
    """Record ``moment``; False (logged) when the disk refuses: delivery goes on regardless."""
    text = json.dumps({"last_success": moment.astimezone(UTC).isoformat(timespec="seconds")}) + "\n"
    try:
        write_atomic(path, text.encode("utf-8"), mode=0o600)
    except OSError as exc:
        log.warning("could not record the last delivery time in %s: %s", path, exc)
        return False
    return True
