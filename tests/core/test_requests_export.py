"""CSV and JSON exports: Excel-friendly CSV, faithful JSON."""

from __future__ import annotations

import csv
import io
import json
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.core.requests import export
from kiosk.core.requests.model import ContactTime, InfoRequest, RequestStatus, StoredRequest
from kiosk.core.requests.store import RequestStore

T0 = datetime(2026, 11, 2, 9, 30, 15, 123456, tzinfo=UTC)


def stored(name: str, **changes: Any) -> StoredRequest:
    values: dict[str, Any] = {
        "name": name,
        "phone": "+13035550123",
        "email": None,
        "topics": ("back-pain", "knee"),
        "contact_time": ContactTime.EVENING,
        "language": "es",
        "source_topic": None,
    }
    values.update(changes)
    return StoredRequest(
        id="01ABC", created_at=T0, status=RequestStatus.CONTACTED, request=InfoRequest(**values), closed_at=T0
    )


TRICKY = ['Ana "La Jefa", López', "Line\nBreak", "Ñandú Pérez-Íñiguez", '=HYPERLINK("x")', "@sum", "plain"]


def test_csv_has_bom_header_and_round_trips_through_the_csv_module() -> None:
    text = export.to_csv([stored(n) for n in TRICKY])
    assert text.startswith("\ufeffid,created_at,status,closed_at,name,")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert [r["name"] for r in rows] == [
        'Ana "La Jefa", López',
        "Line\nBreak",
        "Ñandú Pérez-Íñiguez",
        '\'=HYPERLINK("x")',
        "'@sum",
        "plain",
    ]
    first = rows[0]
    assert first["created_at"] == "2026-11-02T09:30:15.123456+00:00"
    assert first["phone"] == "+13035550123"  # E.164 is never a formula, so left as is
    assert first["email"] == "" and first["topics"] == "back-pain; knee"
    assert first["contact_time"] == "evening" and first["status"] == "contacted" and first["consent"] == "yes"
    # Excel's dialect: CRLF row ends, embedded quotes doubled.
    assert '"Ana ""La Jefa"", López"' in text and "\r\n" in text


def test_json_is_an_array_with_iso_dates_and_real_lists() -> None:
    data = json.loads(export.to_json([stored(n) for n in TRICKY]))
    assert isinstance(data, list) and [d["name"] for d in data] == TRICKY
    assert data[0]["created_at"] == "2026-11-02T09:30:15.123456+00:00"
    assert data[0]["topics"] == ["back-pain", "knee"] and data[0]["email"] is None
    assert "Ñandú" in export.to_json([stored("Ñandú")])  # readable, not \u escapes


def test_write_encodes_utf8_and_rejects_unknown_formats() -> None:
    out = io.BytesIO()
    export.write([stored("Ñandú")], "csv", out)
    assert out.getvalue().startswith(b"\xef\xbb\xbf") and "Ñandú".encode() in out.getvalue()
    out = io.BytesIO()
    export.write([], "json", out)
    assert json.loads(out.getvalue()) == []
    with pytest.raises(ValueError):
        export.write([], "xml", io.BytesIO())


@given(names=st.lists(st.text(min_size=1, max_size=100).filter(lambda s: s.strip()), min_size=1, max_size=5))
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=30)
def test_any_name_survives_store_and_csv(tmp_path: Path, names: list[str]) -> None:
    """Whatever a name holds (quotes, commas, newlines, any script), the store gives it back and
    the CSV reads back to it; only a formula-like start gains its protective apostrophe."""
    with RequestStore(tmp_path / "requests.db") as store:
        ids = [store.submit(stored(n).request, uuid.uuid4().hex).id for n in names]
        back = [store.get(i) for i in ids]
    assert [b.request.name for b in back if b] == names
    rows = list(csv.DictReader(io.StringIO(export.to_csv([b for b in back if b]).removeprefix("\ufeff"), newline="")))
    expected = ["'" + n if n.startswith(("=", "+", "-", "@", "\t", "\r")) else n for n in names]
    assert [r["name"] for r in rows] == expected
    assert [d["name"] for d in json.loads(export.to_json([b for b in back if b]))] == names
