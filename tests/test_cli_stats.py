"""``kiosk stats`` on a real stats.db: the period's figures as a table, CSV and JSON; clear
errors for bad dates, a missing or damaged file; the doctor's line about it."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.cli import main
from kiosk.core.stats.events import (
    MENU,
    REQUEST,
    REQUEST_TOPIC,
    TOPIC,
    Outcome,
    SlidePlayed,
    Tally,
    VisitEnded,
    hour_of,
    millis,
)
from kiosk.core.stats.store import StatsStore
from kiosk.runtime import exitcodes
from kiosk.runtime.doctor import OK, WARN, check_stats_database

NOV3 = datetime(2026, 11, 3, 15, 10, tzinfo=UTC)
NOV20 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    with StatsStore(folder / "stats.db") as store:
        for moment in (NOV3, NOV20):
            hour = hour_of(moment)
            store.record(
                [
                    SlidePlayed(millis(moment), "=cmd|' /C calc'!A0", "v1", 12_000),
                    VisitEnded(hour, 60_000, Outcome.REQUEST),
                    VisitEnded(hour, 20_000, Outcome.BACK),
                    Tally(hour, MENU, "", 2),
                    Tally(hour, TOPIC, "exercise", 1, 40_000),
                    Tally(hour, REQUEST, ""),
                    Tally(hour, REQUEST_TOPIC, "exercise"),
                ]
            )
    return folder


def stats(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["stats", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_csv_and_table_of_a_period(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    period = ("--data-dir", str(data_dir), "--since", "2026-11-01T00:00+00:00", "--until", "2026-11-10T00:00Z")
    code, out, err = stats(capsys, *period, "--format", "json")
    assert code == exitcodes.OK, err
    figures = json.loads(out)
    assert figures["visits"]["total"] == 2 and figures["visits"]["ended"]["request"] == 1
    assert figures["visits"]["ended_in_request_share"] == 0.5 and figures["menu_opens"] == 2
    # Hours of the day in the clinic's time zone (the shipped pack's, until the kiosk has its own).
    assert figures["visits"]["by_hour_of_day"][NOV3.astimezone(ZoneInfo(figures["timezone"])).hour] == 2
    assert figures["topics"] == [{"topic": "exercise", "opens": 1, "slides_viewed": 0, "seconds": 40.0, "requests": 1}]

    code, out, _ = stats(capsys, *period, "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["section", "item", "measure", "value"]
    assert ["topic", "exercise", "requests", "1"] in rows and ["visits", "ended:request", "share", "0.5000"] in rows
    # A slide id that looks like a formula stays text in a spreadsheet.
    assert ["slide", "'=cmd|' /C calc'!A0@v1", "shows", "1"] in rows

    code, out, _ = stats(capsys, "--data-dir", str(data_dir), "--since", "2026-11-01", "--until", "2026-11-20")
    assert code == exitcodes.OK
    assert "visits            4 (average 40 s, 50% ended in a request)" in out  # --until's day is included
    assert "exercise  2      0              80        2" in out


def test_bad_dates_and_a_missing_or_damaged_file_are_clear_errors(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["stats", "--since", "3 November"])
    assert exit_info.value.code == exitcodes.USAGE
    assert "invalid date '3 November': use YYYY-MM-DD or YYYY-MM-DDTHH:MM" in capsys.readouterr().err
    code, _, err = stats(capsys, "--data-dir", str(data_dir), "--since", "2026-11-10", "--until", "2026-11-01")
    assert code == exitcodes.USAGE and "ends (2026-11-02 00:00) before it starts (2026-11-10 00:00)" in err

    empty = tmp_path / "empty"
    code, _, err = stats(capsys, "--data-dir", str(empty))
    assert code == exitcodes.PROBLEMS and f"no stats database at {empty / 'stats.db'}" in err
    assert not empty.exists()  # reading never creates the folder or the file
    assert check_stats_database(empty, enabled=True).status == OK

    (data_dir / "stats.db").write_bytes(b"not a database at all " * 400)
    code, _, err = stats(capsys, "--data-dir", str(data_dir))
    assert code == exitcodes.PROBLEMS and "damaged" in err
    check = check_stats_database(data_dir, enabled=True)
    assert check.status == WARN and "moves it aside" in check.detail
    assert "off" in check_stats_database(data_dir, enabled=False).detail


def test_status_json_carries_the_last_weeks_figures_for_fleets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    monkeypatch.setenv("KIOSK_DATA_DIR", str(data))
    hour = hour_of(datetime.now(UTC)) - 2
    with StatsStore(data / "stats.db") as store:
        store.record([VisitEnded(hour, 30_000, Outcome.REQUEST), VisitEnded(hour - 24 * 8, 1, Outcome.BACK)])
    assert main(["status", "--json"]) == exitcodes.PROBLEMS  # no kiosk runs here
    facts = json.loads(capsys.readouterr().out)
    assert facts["insights"]["visits"]["total"] == 1 and facts["insights"]["visits"]["ended_in_request_share"] == 1.0
    assert facts["insights_problem"] is None
    main(["status"])
    assert "insights: 1 visit(s) in the last 7 days, 100% ended in a request, 0 request(s)" in capsys.readouterr().out
