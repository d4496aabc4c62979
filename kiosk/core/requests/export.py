"""Requests as CSV (for Excel) or JSON, for staff.

CSV is UTF-8 with a byte-order mark (without it Excel reads UTF-8 as the local code page and
mangles accents), quoted by the csv module, dates in ISO 8601 UTC. Cells that Excel would run
as formulas (``=``, ``+``, ``-``, ``@`` first) get a leading apostrophe, except phone numbers,
which are E.164 (a plus and digits only, never a formula).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from datetime import datetime
from typing import BinaryIO

from kiosk.core.requests.model import StoredRequest

COLUMNS: tuple[str, ...] = (
    "id",
    "created_at",
    "status",
    "closed_at",
    "name",
    "phone",
    "email",
    "topics",
    "contact_time",
    "language",
    "source_topic",
    "consent",
)
UTF8_BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SAFE_COLUMNS = frozenset({"id", "created_at", "status", "closed_at", "phone", "contact_time", "language", "consent"})


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def as_record(stored: StoredRequest) -> dict[str, object]:
    req = stored.request
    return {
        "id": stored.id,
        "created_at": _iso(stored.created_at),
        "status": stored.status.value,
        "closed_at": _iso(stored.closed_at),
        "name": req.name,
        "phone": req.phone,
        "email": req.email,
        "topics": list(req.topics),
        "contact_time": req.contact_time.value,
        "language": req.language,
        "source_topic": req.source_topic,
        "consent": req.consent,
    }


def _csv_cell(column: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        text = "; ".join(str(v) for v in value)
    elif isinstance(value, bool):
        text = "yes" if value else "no"
    else:
        text = str(value)
    if column not in _SAFE_COLUMNS and text.startswith(_FORMULA_START):
        text = "'" + text
    return text


def to_csv(requests: Iterable[StoredRequest]) -> str:
    buffer = io.StringIO(newline="")
    buffer.write(UTF8_BOM)
    writer = csv.writer(buffer, dialect="excel", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for stored in requests:
        record = as_record(stored)
        writer.writerow([_csv_cell(c, record[c]) for c in COLUMNS])
    return buffer.getvalue()


def to_json(requests: Iterable[StoredRequest]) -> str:
    return json.dumps([as_record(r) for r in requests], ensure_ascii=False, indent=2) + "\n"


def write(requests: Iterable[StoredRequest], fmt: str, stream: BinaryIO) -> None:
    """Write ``fmt`` ("csv" or "json") as UTF-8 bytes to ``stream``."""
    if fmt == "csv":
        text = to_csv(requests)
    elif fmt == "json":
        text = to_json(requests)
    else:
        raise ValueError(f"unknown export format {fmt!r} (csv or json)")
    stream.write(text.encode("utf-8"))
