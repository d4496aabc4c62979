"""Secret files (webhook keys, SMTP passwords) are refused unless private to the kiosk's
user, like ssh refuses a private key others can read; and never waited on when not a file."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.core.delivery.channels import Outcome
from kiosk.core.delivery.config import WebhookChannelConfig
from kiosk.core.delivery.secrets import SecretError, SecretRef
from kiosk.core.delivery.webhook import WebhookChannel
from tests.helpers.delivery_servers import DENVER, sample_request

pytestmark = pytest.mark.faults

posix_only = pytest.mark.skipif(os.name != "posix", reason="Windows has no owner/group/other mode bits")


def secret_file(tmp_path: Path, mode: int) -> Path:
    path = tmp_path / "webhook-secret"
    path.write_text("long-random-secret\n", encoding="utf-8")
    path.chmod(mode)
    return path


@posix_only
@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660, 0o606])
def test_a_secret_others_can_read_or_change_is_refused_with_the_fix(tmp_path: Path, mode: int) -> None:
    path = secret_file(tmp_path, mode)
    with pytest.raises(SecretError) as refused:
        SecretRef("delivery.channels[0].secret_file", file=path).resolve()
    assert str(refused.value) == (
        f"delivery.channels[0].secret_file: {path} can be read or changed by other users (mode {mode:04o}); "
        f"make it private to the kiosk's user: chmod 600 {path}"
    )
    assert "long-random-secret" not in str(refused.value)


@posix_only
@pytest.mark.parametrize("mode", [0o600, 0o400])
def test_a_private_secret_file_is_read(tmp_path: Path, mode: int) -> None:
    assert SecretRef("f", file=secret_file(tmp_path, mode)).resolve() == "long-random-secret"


@posix_only
def test_a_webhook_with_a_world_readable_secret_fails_for_good_before_sending(tmp_path: Path) -> None:
    path = secret_file(tmp_path, 0o644)
    config = WebhookChannelConfig(
        name="webhook", url="https://127.0.0.1:9/never", secret=SecretRef("delivery.channels[0].secret_file", file=path)
    )
    result = WebhookChannel(config, DENVER).send(sample_request())
    assert result.outcome is Outcome.PERMANENT
    assert result.error is not None and f"chmod 600 {path}" in result.error


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    if not hasattr(os, "mkfifo"):
        pytest.skip("named pipes are a POSIX thing")
    path = tmp_path / "secret-pipe"
    os.mkfifo(path, 0o600)
    yield path
    with contextlib.suppress(OSError):  # nobody reading it: nothing to release
        # A writer releases a reader stuck on the pipe (the code before the fix).
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))


def test_a_named_pipe_as_secret_file_is_refused_at_once(fifo: Path) -> None:
    raised: list[BaseException] = []

    def resolve() -> None:
        try:
            SecretRef("delivery.channels[0].password_file", file=fifo).resolve()
        except BaseException as exc:  # noqa: BLE001 - checked in the test's thread
            raised.append(exc)

    thread = threading.Thread(target=resolve, daemon=True)
    thread.start()
    thread.join(10)
    assert not thread.is_alive(), "blocked on the named pipe"
    assert [str(e) for e in raised] == [
        f"delivery.channels[0].password_file: {fifo} is not a regular file (a named pipe)"
    ]
