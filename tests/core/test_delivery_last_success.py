"""The last delivery success survives a restart (delivery-status.json), and a damaged or
unwritable record never stops delivery."""

from __future__ import annotations

import logging
import os
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.core.clock import FixedClock
from kiosk.core.delivery.last_success import last_success_path, read_last_success, write_last_success
from kiosk.core.delivery.outbox import Outbox
from kiosk.core.requests.store import RequestStore
from tests.helpers.delivery_kit import START, TITLES, email_channel, submit
from tests.helpers.delivery_servers import PATIENT_NAME, PATIENT_PHONE, SmtpServer


def outbox(store: RequestStore, clock: FixedClock, port: int, data: Path) -> Outbox:
    return Outbox(store, [email_channel(port)], TITLES.get, clock=clock, success_file=last_success_path(data))


def test_the_last_success_is_there_after_a_restart(tmp_path: Path, smtp_server: SmtpServer) -> None:
    clock = FixedClock(START)
    with RequestStore(tmp_path / "requests.db", clock=clock) as store:
        submit(store, clock, ("email",))
        first = outbox(store, clock, smtp_server.port, tmp_path)
        assert first.last_success is None
        assert first.run_once().delivered == 1
        delivered_at = first.last_success
        assert delivered_at is not None
        clock.advance(3600)
        restarted = outbox(store, clock, smtp_server.port, tmp_path)
        assert restarted.last_success == delivered_at
    record = last_success_path(tmp_path).read_text(encoding="utf-8")
    assert PATIENT_NAME not in record and PATIENT_PHONE not in record


@pytest.mark.faults
def test_a_damaged_record_reads_as_never_and_says_so(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = last_success_path(tmp_path)
    for damaged in (b"{not json", b'{"last_success": "yesterday"}', b"[1, 2]", b"\xff\xfe", b" " * 5000):
        path.write_bytes(damaged)
        with caplog.at_level(logging.WARNING):
            assert read_last_success(path) is None
        assert str(path) in caplog.text
        caplog.clear()


@pytest.mark.faults
@pytest.mark.timeout(10)
def test_a_named_pipe_is_not_read(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = last_success_path(tmp_path)
    os.mkfifo(path)
    with caplog.at_level(logging.WARNING):
        assert read_last_success(path) is None  # and no hang on the pipe
    assert str(path) in caplog.text


@pytest.mark.faults
@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_an_unwritable_folder_does_not_stop_delivery(tmp_path: Path, smtp_server: SmtpServer) -> None:
    clock = FixedClock(START)
    data = tmp_path / "data"
    data.mkdir()
    with RequestStore(tmp_path / "requests.db", clock=clock) as store:
        submit(store, clock, ("email",))
        data.chmod(0o500)
        try:
            assert outbox(store, clock, smtp_server.port, data).run_once().delivered == 1
        finally:
            data.chmod(0o700)


@pytest.mark.faults
def test_a_record_that_cannot_be_written_is_reported_not_raised(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert not write_last_success(last_success_path(blocker), datetime(2026, 11, 27, tzinfo=START.tzinfo))
    assert "could not record the last delivery time" in caplog.text
