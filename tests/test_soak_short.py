"""The short soak (bench/soak.py --short) as CI runs it: no crash, no Qt warning, bounded PSS."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_short_soak_passes() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "soak.py"), "--short"],
        capture_output=True,
        text=True,
        timeout=280,
        cwd=ROOT,
    )
    assert result.stdout, result.stderr
    report = json.loads(result.stdout)
    assert result.returncode == 0, json.dumps(report, indent=2) + result.stderr[-3000:]
    assert report["passed"] is True
    assert report["slide_changes"] >= 500
    assert (report["menu_visits"], report["form_submissions"], report["content_reloads"]) == (25, 10, 2)
    assert report["requests_stored"] == 11 and report["database_integrity"] == "ok"
    # Counted as the kiosk counts: every visit (and the warm-up's two), each form's request.
    assert (report["stats_visits"], report["stats_requests"], report["stats_problem"]) == (37, 11, None)
    assert report["qt_warnings"] == []
    assert report["pss_growth_mb"] <= report["pss_growth_limit_mb"] == 10.0
    assert len(report["pss_samples_mb"]) == 11
