"""The kiosk's health facts (kiosk.core.health) and their Prometheus textfile: right values from
the files the kiosk keeps, unknowns left out rather than made up, damaged inputs named, and no
patient data anywhere."""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from kiosk.core.clock import FixedClock
from kiosk.core.config import load_config
from kiosk.core.content_state import ORIGIN_LAST_GOOD, ContentState, write_state
from kiosk.core.delivery.last_success import last_success_path, write_last_success
from kiosk.core.health import HEARTBEAT_NAME, Health, collect_health
from kiosk.core.metrics_textfile import write_textfile
from kiosk.core.requests.store import RequestStore
from tests.helpers.delivery_kit import START, submit
from tests.helpers.delivery_servers import PATIENT_EMAIL, PATIENT_NAME, PATIENT_PHONE

NOW = START + timedelta(minutes=10)


def kiosk_folder(tmp_path: Path) -> Path:
    """A data folder as a kiosk leaves it: heartbeat, what plays (2 errors), two requests
    (one waiting, one refused for good), a delivery that got through."""
    data = tmp_path / "data"
    data.mkdir()
    frame = NOW - timedelta(seconds=3)
    (data / HEARTBEAT_NAME).write_text(f"{frame:%Y-%m-%dT%H:%M:%SZ} {frame.timestamp():.3f}\n", encoding="ascii")
    write_state(
        data / "content-state.json",
        ContentState(
            home=str(tmp_path / "home"),
            version="774519b08cf43950",
            origin=ORIGIN_LAST_GOOD,
            playing_from="snap",
            since=START.isoformat(),
            checked=START.isoformat(),
            problems=("slides/a.yaml:3: title: missing",),
            error_count=2,
        ),
    )
    clock = FixedClock(START)
    with RequestStore(data / "requests.db", clock=clock) as store:
        submit(store, clock, ("email",), n=1)
        refused = submit(store, clock, ("email",), n=2)
        store.record_permanent_failure(refused.id, "email", "550 no such mailbox")
    write_last_success(last_success_path(data), START + timedelta(minutes=1))
    return data


def health_of(data: Path, **overrides: object) -> Health:
    facts: dict = {
        "data_folder": data,
        "state_file": data / "content-state.json",
        "requests_db": data / "requests.db",
        "version": "0.1.0",
        "running": True,
        "pid": 4321,
        "memory_bytes": 123_000_000,
        "now": NOW,
    }
    facts.update(overrides)
    return collect_health(**facts)


def metrics(path: Path) -> dict[str, float]:
    """Every sample as ``name{label=value,...}`` -> value."""
    found = {}
    for family in text_string_to_metric_families(path.read_text(encoding="utf-8")):
        for sample in family.samples:
            labels = ",".join(f"{k}={v}" for k, v in sorted(sample.labels.items()))
            found[f"{sample.name}{{{labels}}}" if labels else sample.name] = sample.value
    return found


def test_the_facts_come_from_the_kiosks_files(tmp_path: Path) -> None:
    health = health_of(kiosk_folder(tmp_path))
    assert health.last_frame_age() == pytest.approx(3, abs=0.01)
    assert (health.content_version, health.content_origin, health.content_errors) == (
        "774519b08cf43950",
        ORIGIN_LAST_GOOD,
        2,
    )
    assert health.requests is not None and (health.requests.pending, health.requests.failed) == (1, 1)
    assert health.last_delivery_success == START + timedelta(minutes=1)
    data = health.to_dict()
    assert data["running"] is True and data["memory_bytes"] == 123_000_000
    assert data["requests"] == {"pending": 1, "failed": 1}


def test_the_textfile_holds_the_same_facts(tmp_path: Path) -> None:
    health = health_of(kiosk_folder(tmp_path))
    path = tmp_path / "kiosk.prom"
    write_textfile(path, health)
    found = metrics(path)
    assert found["kiosk_up"] == 1
    assert found["kiosk_info{version=0.1.0}"] == 1
    assert found["kiosk_last_frame_timestamp_seconds"] == pytest.approx((NOW - timedelta(seconds=3)).timestamp())
    assert found["kiosk_content_info{origin=last good,version=774519b08cf43950}"] == 1
    assert found["kiosk_content_errors"] == 2
    assert (found["kiosk_requests_readable"], found["kiosk_requests_pending"], found["kiosk_requests_failed"]) == (
        1,
        1,
        1,
    )
    assert found["kiosk_delivery_last_success_timestamp_seconds"] == (START + timedelta(minutes=1)).timestamp()
    assert found["kiosk_memory_bytes"] == 123_000_000
    assert found["kiosk_textfile_timestamp_seconds"] == NOW.timestamp()
    write_textfile(path, health, up=False)
    assert metrics(path)["kiosk_up"] == 0
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("kiosk.prom")] == ["kiosk.prom"]  # no temp left


def test_no_patient_data_in_the_textfile_or_the_json(tmp_path: Path) -> None:
    health = health_of(kiosk_folder(tmp_path))
    path = tmp_path / "kiosk.prom"
    write_textfile(path, health)
    for text in (path.read_text(encoding="utf-8"), health.to_json()):
        for secret in (PATIENT_NAME, PATIENT_PHONE, PATIENT_EMAIL, "dry-needling", "550 no such mailbox"):
            assert secret not in text


def test_what_is_unknown_is_left_out(tmp_path: Path) -> None:
    empty = tmp_path / "never-ran"
    empty.mkdir()
    health = health_of(empty, running=False, pid=None, memory_bytes=None)
    assert health.requests is None and "no requests database" in health.requests_problem
    path = tmp_path / "kiosk.prom"
    write_textfile(path, health)
    found = metrics(path)
    assert found["kiosk_requests_readable"] == 0
    for absent in (
        "kiosk_last_frame_timestamp_seconds",
        "kiosk_content_errors",
        "kiosk_requests_pending",
        "kiosk_delivery_last_success_timestamp_seconds",
        "kiosk_memory_bytes",
    ):
        assert absent not in found
    assert not (empty / "requests.db").exists()  # a status check never creates the database


@pytest.mark.faults
def test_damaged_inputs_are_named_and_left_out(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    data = kiosk_folder(tmp_path)
    (data / HEARTBEAT_NAME).write_text("garbage", encoding="ascii")
    (data / "requests.db").write_bytes(b"this is not a database" * 100)
    for name in ("requests.db-wal", "requests.db-shm"):
        (data / name).unlink(missing_ok=True)
    with caplog.at_level(logging.WARNING):
        health = health_of(data)
    assert health.last_frame is None and str(data / HEARTBEAT_NAME) in caplog.text
    assert health.requests is None and str(data / "requests.db") in health.requests_problem


@pytest.mark.faults
@pytest.mark.timeout(10)
def test_a_named_pipe_for_a_heartbeat_does_not_hang(tmp_path: Path) -> None:
    data = kiosk_folder(tmp_path)
    (data / HEARTBEAT_NAME).unlink()
    os.mkfifo(data / HEARTBEAT_NAME)
    assert health_of(data).last_frame is None


def test_the_textfile_setting_must_end_in_prom(tmp_path: Path) -> None:
    config_file = tmp_path / "kiosk.yaml"
    config_file.write_text("monitoring:\n  textfile: /var/lib/node-exporter/kiosk.txt\n", encoding="utf-8")
    problems = " ".join(str(p) for p in load_config(config_file, {}).problems)
    assert "monitoring.textfile" in problems and ".prom" in problems
    config_file.write_text("monitoring:\n  textfile: /var/lib/node-exporter/kiosk.prom\n", encoding="utf-8")
    loaded = load_config(config_file, {})
    assert loaded.config is not None and loaded.config["monitoring.textfile"] == Path(
        "/var/lib/node-exporter/kiosk.prom"
    )


def test_times_are_utc_in_the_json(tmp_path: Path) -> None:
    data = health_of(kiosk_folder(tmp_path)).to_dict()
    assert data["last_delivery_success"] == (START + timedelta(minutes=1)).astimezone(UTC).isoformat(timespec="seconds")
    assert datetime.fromisoformat(str(data["checked"])) == NOW
