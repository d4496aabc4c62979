"""``kiosk deliver``: IT's way to send now, retry failed deliveries and see the queue."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.core.requests.model import ContactTime, InfoRequest, RequestStatus
from kiosk.core.requests.outbox import DeliveryState
from kiosk.core.requests.store import RequestStore

# tests/core has no __init__.py; pytest puts tests/ on sys.path, so it imports as a namespace.
from tests.helpers.delivery_servers import HttpServer, Reply, free_port

CONTENT = Path(__file__).resolve().parents[1] / "content"
MARKER = "Quentin Deliverymarker"


@pytest.fixture
def http_server() -> Iterator[HttpServer]:
    server = HttpServer()
    yield server
    server.stop()


def write_config(tmp_path: Path, url: str, extra: str = "") -> Path:
    (tmp_path / "hook-secret").write_text("cli-secret\n", encoding="utf-8")
    (tmp_path / "hook-secret").chmod(0o600)
    config = tmp_path / "kiosk.yaml"
    config.write_text(
        "delivery:\n"
        "  channels:\n"
        "    - type: webhook\n"
        f"      url: {url}\n"
        f"      secret_file: {tmp_path / 'hook-secret'}\n"
        "      timeout: 5\n" + extra,
        encoding="utf-8",
    )
    return config


def store_requests(data_dir: Path, count: int, channels: tuple[str, ...] = ("webhook",)) -> list[str]:
    with RequestStore(data_dir / "requests.db") as store:
        return [
            store.submit(
                InfoRequest(
                    name=f"{MARKER} {n}",
                    phone="+13035550123",
                    email=None,
                    topics=("dry-needling",),
                    contact_time=ContactTime.ANY,
                    language="en",
                ),
                f"token-{n}",
                channels=channels,
            ).id
            for n in range(count)
        ]


def deliver(config: Path, data_dir: Path, *args: str) -> int:
    return main(["deliver", *args, "--config", str(config), "--data-dir", str(data_dir), "--content", str(CONTENT)])


def test_once_sends_everything_due(tmp_path: Path, http_server: HttpServer, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    ids = store_requests(data, 2)
    config = write_config(tmp_path, http_server.url)

    assert deliver(config, data, "--once") == 0

    assert [r.headers["Idempotency-Key"] for r in http_server.received] == ids
    body = json.loads(http_server.received[0].body)
    assert body["topics"] == [{"id": "dry-needling", "title": "Dry needling"}]
    assert body["created_at_local"].endswith("-07:00")  # the clinic's zone from content/clinic.yaml
    out = capsys.readouterr()
    assert out.out == "delivered 2, will retry 0, failed 0\n"
    assert MARKER not in out.out + out.err


def test_once_with_the_receiver_down_exits_1_and_keeps_the_requests(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    [rid] = store_requests(data, 1)
    config = write_config(tmp_path, f"http://127.0.0.1:{free_port()}/hook")

    assert deliver(config, data, "--once") == 1

    out = capsys.readouterr().out
    assert "delivered 0, will retry 1, failed 0" in out
    assert "channel webhook: could not deliver now" in out
    with RequestStore(data / "requests.db") as store:
        [d] = store.deliveries(rid)
        assert d.state is DeliveryState.PENDING and d.attempts == 1


def test_failed_then_retry_by_id_and_status(
    tmp_path: Path, http_server: HttpServer, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    first, second = store_requests(data, 2)
    config = write_config(tmp_path, http_server.url)
    http_server.reply(Reply(422), Reply(422))

    assert deliver(config, data, "--once") == 1
    assert deliver(config, data, "--status") == 1
    out = capsys.readouterr().out
    assert "pending 0, delivered 0, failed 2" in out
    assert f"failed: request {first} on webhook after 1 attempt(s): HTTP 422 Unprocessable Entity" in out

    assert deliver(config, data, "--retry", first) == 0
    assert "queued 1 failed delivery again\ndelivered 1, will retry 0, failed 0" in capsys.readouterr().out
    with RequestStore(data / "requests.db") as store:
        assert store.get(first).status is RequestStatus.DELIVERED
        assert store.get(second).status is RequestStatus.FAILED

    assert deliver(config, data, "--failed") == 0
    assert deliver(config, data, "--status") == 0
    assert "pending 0, delivered 2, failed 0" in capsys.readouterr().out


def test_retry_of_an_unknown_id(tmp_path: Path, http_server: HttpServer, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    store_requests(data, 1)

    assert deliver(write_config(tmp_path, http_server.url), data, "--retry", "NOPE") == 1
    assert "kiosk deliver: no request with id NOPE" in capsys.readouterr().err


def test_bad_channel_config_names_file_and_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    store_requests(data, 1)
    config = tmp_path / "kiosk.yaml"
    config.write_text(
        "delivery:\n  channels:\n    - type: email\n      host: smtp.example.com\n"
        "      sender: kiosk@example.com\n      to: desk@example.com\n"
        "      username: kiosk\n      password: hunter2\n",
        encoding="utf-8",
    )

    assert deliver(config, data, "--once") == 1

    err = capsys.readouterr().err
    assert f"{config}: delivery.channels[0].password: never write the password in the config file" in err
    assert "hunter2" not in err


def test_no_database(tmp_path: Path, http_server: HttpServer, capsys: pytest.CaptureFixture[str]) -> None:
    assert deliver(write_config(tmp_path, http_server.url), tmp_path / "empty", "--once") == 1
    assert "no requests database at" in capsys.readouterr().err
    assert not (tmp_path / "empty" / "requests.db").exists()


def test_no_channels_configured(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    store_requests(data, 1)
    config = tmp_path / "kiosk.yaml"
    config.write_text("delivery:\n  channels: []\n", encoding="utf-8")

    assert deliver(config, data, "--once") == 1
    assert "no channels are configured" in capsys.readouterr().err


def test_one_action_is_required(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["deliver"])
    assert exit_info.value.code == 2


def test_kiosk_requests_retry_sends_failed_requests_again(
    tmp_path: Path, http_server: HttpServer, capsys: pytest.CaptureFixture[str]
) -> None:
    from kiosk.cli import main

    data = tmp_path / "data"
    first, second = store_requests(data, 2)
    config = write_config(tmp_path, http_server.url)
    http_server.reply(Reply(422), Reply(422))
    assert deliver(config, data, "--once") == 1
    capsys.readouterr()

    common = ["--config", str(config), "--data-dir", str(data)]
    assert main(["requests", "retry", first, *common]) == 0
    assert "queued 1 failed delivery again\ndelivered 1, will retry 0, failed 0" in capsys.readouterr().out
    assert main(["requests", "retry", "--failed", *common]) == 0
    with RequestStore(data / "requests.db") as store:
        assert {store.get(r).status for r in (first, second)} == {RequestStatus.DELIVERED}
    with pytest.raises(SystemExit) as usage:
        main(["requests", "retry", *common])  # neither an id nor --failed
    assert usage.value.code == 2
