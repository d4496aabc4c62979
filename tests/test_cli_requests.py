"""``kiosk requests list|export`` on a real database: output, exit codes, Excel-ready CSV."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import stat
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from kiosk.cli import main
from kiosk.core.clock import FixedClock
from kiosk.core.requests.migrations import LATEST_VERSION
from kiosk.core.requests.model import ContactTime, InfoRequest
from kiosk.core.requests.store import RequestStore
from kiosk.runtime import exitcodes

NAMES = ['Ana "La Jefa", López', "Renée\nO'Brien", "Ñandú Íñiguez", "=1+2"]


def request(name: str, **changes: Any) -> InfoRequest:
    values: dict[str, Any] = {
        "name": name,
        "phone": "+13035550123",
        "email": "ana@example.com",
        "topics": ("back-pain",),
        "contact_time": ContactTime.MORNING,
        "language": "es",
    }
    values.update(changes)
    return InfoRequest(**values)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    clock = FixedClock(datetime(2026, 11, 1, 15, 0, tzinfo=UTC))
    with RequestStore(folder / "requests.db", clock) as store:
        for i, name in enumerate(NAMES):
            store.submit(request(name), f"t{i}")
            clock.advance(86400)  # one a day: Nov 1, 2, 3, 4
        store.mark_contacted(store.list_requests()[0].id)
    return folder


def run_cli(capsysbinary: pytest.CaptureFixture[bytes], *argv: str) -> tuple[int, bytes, str]:
    code = main(list(argv))
    out, err = capsysbinary.readouterr()
    return code, out, err.decode()


def test_list_prints_a_table(data_dir: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    code, out, _ = run_cli(capsysbinary, "requests", "list", "--data-dir", str(data_dir))
    assert code == exitcodes.OK
    lines = out.decode().splitlines()
    assert lines[0].split()[:3] == ["ID", "CREATED", "(UTC)"]
    assert len(lines) == 1 + len(NAMES) + 1 and lines[-1] == "(4 requests)"
    assert "Renée O'Brien" in lines[2]  # the newline is flattened so rows stay rows
    assert "contacted" in lines[1] and "+13035550123" in lines[1] and "2026-11-01 15:00" in lines[1]


def test_list_filters(data_dir: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    code, out, _ = run_cli(capsysbinary, "requests", "list", "--status", "contacted", "--data-dir", str(data_dir))
    assert code == 0 and out.decode().count("\n") == 3 and "Jefa" in out.decode()
    code, out, _ = run_cli(
        capsysbinary, "requests", "list", "--since", "2026-11-03T00:00+00:00", "--data-dir", str(data_dir)
    )
    assert code == 0 and out.decode().splitlines()[-1] == "(2 requests)"
    code, out, _ = run_cli(capsysbinary, "requests", "list", "--status", "failed", "--data-dir", str(data_dir))
    assert code == 0 and out.decode().splitlines()[-1] == "(0 requests)"


def test_data_dir_from_the_environment(
    data_dir: Path, capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_DATA_DIR", str(data_dir))
    code, out, _ = run_cli(capsysbinary, "requests", "list")
    assert code == 0 and out.decode().splitlines()[-1] == "(4 requests)"


def test_export_csv_opens_in_excel(data_dir: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    code, out, _ = run_cli(capsysbinary, "requests", "export", "--format", "csv", "--data-dir", str(data_dir))
    assert code == 0
    assert out.startswith(b"\xef\xbb\xbf")  # the BOM tells Excel this is UTF-8
    text = out.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [r["name"] for r in rows] == ['Ana "La Jefa", López', "Renée\nO'Brien", "Ñandú Íñiguez", "'=1+2"]
    assert rows[0]["created_at"] == "2026-11-01T15:00:00+00:00" and rows[0]["status"] == "contacted"
    assert '"Ana ""La Jefa"", López"' in text and '"Renée\nO\'Brien"' in text


def test_export_json_to_a_private_file(
    data_dir: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    out_file = tmp_path / "export.json"
    code, out, err = run_cli(
        capsysbinary,
        "requests",
        "export",
        "--format",
        "json",
        "--since",
        "2026-11-02",
        "--out",
        str(out_file),
        "--data-dir",
        str(data_dir),
    )
    assert code == 0 and out == b"" and "wrote" in err
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    # A bare date is local midnight; requests at 15:00 UTC fall on that day from UTC-9 to UTC+8.
    assert [d["name"] for d in data] == NAMES[1:]
    assert data[0]["topics"] == ["back-pain"] and data[0]["created_at"] == "2026-11-02T15:00:00+00:00"
    assert stat.S_IMODE(out_file.stat().st_mode) == 0o600


def test_since_is_local_time_unless_an_offset_is_given(data_dir: Path) -> None:
    # Denver (UTC-7 in November): 2026-11-02 local midnight is 07:00 UTC, so a request at
    # 2026-11-02 03:00 UTC would be the day before there. Run in a child to set its time zone.
    code = (
        "from kiosk.cli.requests import parse_since as p;"
        "print(p('2026-11-02').isoformat(), p('2026-11-02T08:30').isoformat(),"
        " p('2026-11-02T08:30+01:00').isoformat())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "TZ": "America/Denver"},
    )
    assert result.stdout.split() == [
        "2026-11-02T00:00:00-07:00",
        "2026-11-02T08:30:00-07:00",
        "2026-11-02T08:30:00+01:00",
    ], result.stderr


def test_missing_database_is_a_problem_not_a_new_file(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    empty = tmp_path / "nothing-here"
    code, out, err = run_cli(capsysbinary, "requests", "list", "--data-dir", str(empty))
    assert code == exitcodes.PROBLEMS and out == b""
    assert "no requests database at" in err and str(empty) in err
    assert not empty.exists()


def test_unreadable_or_too_new_database_is_a_problem(
    tmp_path: Path, data_dir: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "requests.db").write_bytes(b"garbage" * 1000)
    code, _, err = run_cli(capsysbinary, "requests", "export", "--format", "json", "--data-dir", str(broken))
    assert code == exitcodes.PROBLEMS and "requests.db" in err
    with sqlite3.connect(data_dir / "requests.db") as conn:
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    code, _, err = run_cli(capsysbinary, "requests", "list", "--data-dir", str(data_dir))
    assert code == exitcodes.PROBLEMS and "newer kiosk" in err


def test_unwritable_out_file_is_a_problem(
    data_dir: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    code, _, err = run_cli(
        capsysbinary,
        "requests",
        "export",
        "--format",
        "csv",
        "--out",
        str(tmp_path / "no-such-dir" / "x.csv"),
        "--data-dir",
        str(data_dir),
    )
    assert code == exitcodes.PROBLEMS and "cannot write" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["requests"],
        ["requests", "list", "--status", "lost"],
        ["requests", "list", "--since", "yesterday"],
        ["requests", "export"],
        ["requests", "export", "--format", "xml"],
        ["requests", "delete"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == exitcodes.USAGE
    assert b"usage:" in capsysbinary.readouterr().err


def test_real_command_exit_codes_and_no_qt(data_dir: Path) -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "kiosk", "requests", "export", "--format", "csv", "--data-dir", str(data_dir)],
        capture_output=True,
        timeout=60,
    )
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith(b"\xef\xbb\xbfid,") and "Ñandú".encode() in ok.stdout
    code = (
        "import sys; from kiosk.cli import main; rc = main(sys.argv[1:]);"
        " assert 'PySide6' not in sys.modules; sys.exit(rc)"
    )
    listed = subprocess.run(
        [sys.executable, "-c", code, "requests", "list", "--data-dir", str(data_dir)], capture_output=True, timeout=60
    )
    assert listed.returncode == 0, listed.stderr
    usage = subprocess.run(
        [sys.executable, "-m", "kiosk", "requests", "list", "--status", "x"], capture_output=True, timeout=60
    )
    assert usage.returncode == 2
