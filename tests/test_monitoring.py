"""Fleet status: the running kiosk's textfile loop (kiosk.runtime.monitoring) and
``kiosk status``, down to a real ``kiosk run`` whose textfile and status a monitor reads."""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from kiosk.cli import main
from kiosk.core.health import HEARTBEAT_NAME, Health, RequestCounts, collect_health
from kiosk.runtime import exitcodes, heartbeat
from kiosk.runtime.heartbeat import heartbeat_line
from kiosk.runtime.monitoring import TextfileLoop
from kiosk.runtime.single_instance import InstanceLock

TIMEOUT = 60


def samples(path: Path) -> dict[str, float]:
    return {
        sample.name: sample.value
        for family in text_string_to_metric_families(path.read_text(encoding="utf-8"))
        for sample in family.samples
        if not sample.labels
    }


def health_in(folder: Path) -> Health:
    return collect_health(
        data_folder=folder,
        state_file=folder / "content-state.json",
        requests_db=folder / "requests.db",
        version="0.1.0",
        running=True,
        pid=os.getpid(),
        memory_bytes=1,
        now=datetime.now(UTC),
    )


def test_the_heartbeat_name_is_the_one_health_reads() -> None:
    assert heartbeat.HEARTBEAT_NAME == HEARTBEAT_NAME


def test_the_loop_writes_at_once_and_says_down_when_stopped(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.prom"
    written = threading.Event()

    def collect() -> Health:
        written.set()
        return health_in(tmp_path)

    loop = TextfileLoop(path, collect, interval=3600)
    loop.start()
    assert written.wait(TIMEOUT)
    loop.stop()
    assert loop.writes == 2  # the first round, then the last one with kiosk_up 0
    assert samples(path)["kiosk_up"] == 0


@pytest.mark.faults
def test_an_unwritable_textfile_is_logged_once_per_problem_and_never_raises(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    loop = TextfileLoop(blocker / "kiosk.prom", lambda: health_in(tmp_path), interval=3600)
    with caplog.at_level(logging.ERROR):
        assert not loop.write_once()
        assert not loop.write_once()
    assert caplog.text.count("could not write the monitoring textfile") == 1
    blocker.unlink()
    blocker.mkdir()
    with caplog.at_level(logging.INFO):
        assert loop.write_once()
    assert "written again" in caplog.text


def test_status_of_a_kiosk_that_never_ran(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    assert main(["status"]) == exitcodes.PROBLEMS
    out = capsys.readouterr().out
    assert "not running" in out and "last frame: never" in out
    assert not (tmp_path / "data").exists()  # looking changes nothing


def test_status_of_a_running_kiosk(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    data = tmp_path / "data"
    monkeypatch.setenv("KIOSK_DATA_DIR", str(data))
    lock = InstanceLock(data)
    lock.acquire()  # as the running kiosk holds it
    try:
        (data / HEARTBEAT_NAME).write_text(heartbeat_line(time.time()), encoding="ascii")
        assert main(["status", "--json"]) == exitcodes.OK
    finally:
        lock.release()
    facts = json.loads(capsys.readouterr().out)
    assert facts["running"] is True and facts["pid"] == os.getpid()
    # The last week's engagement figures, for fleets (none counted yet here).
    assert facts["insights"] is None and "nothing counted yet" in facts["insights_problem"]
    assert facts["last_frame_age_seconds"] < 60
    if sys.platform.startswith("linux"):
        assert facts["memory_bytes"] > 10_000_000


@pytest.mark.slow
def test_a_running_kiosk_writes_its_textfile_and_status_sees_it(tmp_path: Path) -> None:
    prom = tmp_path / "metrics" / "clinic-kiosk.prom"
    prom.parent.mkdir()
    env = {
        **os.environ,
        "KIOSK_DATA_DIR": str(tmp_path / "data"),
        "KIOSK_MONITORING_TEXTFILE": str(prom),
        "KIOSK_BENCH_FIRST_FRAME": "1",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "run", "--windowed", "640x360"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().startswith("first-frame ")
        deadline = time.monotonic() + TIMEOUT
        while not (prom.is_file() and "kiosk_last_frame_timestamp_seconds" in prom.read_text(encoding="utf-8")):
            assert time.monotonic() < deadline, "no textfile with a painted frame"
            assert proc.poll() is None, "the kiosk exited"
            time.sleep(0.05)  # polling a file another process writes, with a deadline
        found = samples(prom)
        assert found["kiosk_up"] == 1 and found["kiosk_memory_bytes"] > 10_000_000
        status = subprocess.run(
            [sys.executable, "-m", "kiosk", "status", "--json"],
            capture_output=True,
            text=True,
            env=env,
            timeout=TIMEOUT,
        )
        facts = json.loads(status.stdout)
        assert status.returncode == exitcodes.OK, status.stdout + status.stderr
        assert facts["running"] is True and facts["pid"] == proc.pid
        assert facts["content"]["errors"] == 0 and facts["content"]["version"]
        assert "insights" in facts
    finally:
        proc.terminate()
        proc.communicate(timeout=TIMEOUT)


def test_the_deploy_guide_lists_every_metric_and_states_the_intervals() -> None:
    from kiosk.cli.status import FRESH_FRAME_S
    from kiosk.core.metrics_textfile import registry_for
    from kiosk.runtime.monitoring import INTERVAL_S

    guide = (Path(__file__).resolve().parents[1] / "docs" / "deploy.md").read_text(encoding="utf-8")
    section = guide[guide.index("## Monitoring several kiosks") : guide.index("## Exit codes")]
    now = datetime.now(UTC)
    everything_known = Health(
        checked=now,
        version="0.1.0",
        running=True,
        pid=1,
        last_frame=now,
        content_version="abc",
        content_origin="home",
        content_errors=0,
        requests=RequestCounts(pending=0, failed=0),
        requests_problem="",
        last_delivery_success=now,
        memory_bytes=1,
    )
    written = {metric.name for metric in registry_for(everything_known, up=True).collect()}
    assert set(re.findall(r"`(kiosk_[a-z_]+)", section)) == written
    assert (INTERVAL_S, FRESH_FRAME_S) == (60, 60)  # "every minute", "within the last minute"
    assert "every minute" in section and "painted within the\nlast minute" in section


def test_status_finds_a_kiosk_whose_lock_had_to_move(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.runtime.single_instance import fallback_lock_folder, fallback_lock_name

    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("KIOSK_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))
    lock = InstanceLock(fallback_lock_folder(), fallback_lock_name(data))
    lock.acquire()  # as a kiosk does when its data folder cannot hold the lock
    try:
        main(["status", "--json"])
    finally:
        lock.release()
    facts = json.loads(capsys.readouterr().out)
    assert facts["running"] is True and facts["pid"] == os.getpid()
    # The last week's engagement figures, for fleets (none counted yet here).
    assert facts["insights"] is None and "nothing counted yet" in facts["insights_problem"]
