"""The fault-injection run (bench/faults.py) for six seconds, as CI runs it: content replaced
every second (good, then broken: a YAML syntax error, missing pictures, a named pipe), the
SMTP server refusing and the webhook's server down every other second, the clock stepped an
hour forward, two back, to just before a daylight-saving change and back, the screen size
changed, and (as root) the data folder's small tmpfs filled to the last byte. A patient
submits all along. Nothing stalls, the run is never restarted, every request thanked for is
stored and delivered on both channels once the world is well again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [pytest.mark.slow, pytest.mark.faults]


def test_six_seconds_of_faults_lose_no_request_and_never_stall(tmp_path: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "faults.py"),
            *("--seconds", "6", "--period", "1", "--request-seconds", "0.25", "--sample-seconds", "2"),
            *("--drain-seconds", "30", "--max-restarts", "0"),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=tmp_path,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert proc.stdout, proc.stderr[-5000:]
    result = json.loads(proc.stdout)
    assert result["restarts"] == 0, result["exits"]
    assert result["stalls"] == 0, result
    assert result["requests_lost"] == 0, result
    assert result["requests_missing"] == 0 and result["requests_undelivered"] == 0, result
    assert result["requests_thanked"] >= 5, result
    assert result["database_integrity"] == "ok", result
    # At least once: each request reached both servers (a retry after a lost answer may repeat).
    assert result["emails_received"] >= result["requests_thanked"] <= result["webhook_posts_received"], result
    # Every kind of fault happened, and the good content after each broken one was applied.
    assert min(result[f"fault_{kind}"] for kind in ("content", "delivery", "clock", "screen")) >= 4, result
    assert result["decks_applied"] >= 2, result
    if result["disk_full"] == "run":
        assert result["fault_disk"] >= 1, result
    assert proc.returncode == 0, proc.stderr[-5000:]
