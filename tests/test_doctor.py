"""``kiosk doctor`` in a temporary environment: real folders, a real SQLite file, real
loopback listeners for the delivery channels."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest

from kiosk.core.config import Config
from kiosk.core.requests.model import ContactTime, InfoRequest
from kiosk.core.requests.store import RequestStore
from kiosk.runtime import exitcodes
from kiosk.runtime.doctor import FAIL, OK, WARN, check_clock, check_free_disk, check_heartbeat
from kiosk.runtime.heartbeat import Heartbeat

TIMEOUT = 120


@pytest.fixture
def listener() -> Iterator[int]:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        yield server.getsockname()[1]


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # closed once we return: nothing listens there


def doctor(tmp_path: Path, config_text: str) -> tuple[int, dict[str, str], str]:
    config = tmp_path / "kiosk.yaml"
    config.write_text(config_text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "doctor", "--config", str(config), "--timeout", "2"],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env={**os.environ, "WEBHOOK_SECRET": "s3cret-s3cret-s3cret"},
    )
    lines: dict[str, str] = {}
    for line in result.stdout.splitlines()[:-1]:
        status, rest = line.split(None, 1)
        name, detail = rest.split(": ", 1)
        lines[name] = f"{status} {detail}"
    return result.returncode, lines, result.stdout + result.stderr


def base_config(tmp_path: Path) -> str:
    return f"data:\n  dir: {tmp_path / 'data'}\nlog:\n  dir: {tmp_path / 'logs'}\n"


def store_one_request(data: Path) -> Path:
    data.mkdir(parents=True, exist_ok=True)
    path = data / "requests.db"
    with RequestStore(path) as store:
        store.submit(InfoRequest("Ana", "+13035550100", None, ("back-pain",), ContactTime.ANY, "en"), "token-1")
    return path


def test_healthy_kiosk_reports_ok_and_exits_0(tmp_path: Path, listener: int) -> None:
    store_one_request(tmp_path / "data")
    code, lines, out = doctor(
        tmp_path,
        base_config(tmp_path)
        + (
            "delivery:\n  channels:\n"
            f"    - type: email\n      host: 127.0.0.1\n      port: {listener}\n      security: none\n"
            "      sender: kiosk@clinic.example\n      to: [desk@clinic.example]\n"
        ),
    )
    assert code == exitcodes.OK, out
    assert lines["config"].startswith(f"OK {tmp_path / 'kiosk.yaml'}")
    assert lines["display"].startswith("WARN offscreen, 1 screen(s)")  # the tests' platform
    assert lines["fonts"].startswith("OK Noto Sans")
    assert lines["Qt platform plugin"].startswith("OK")
    assert lines["Qt image formats"].startswith("OK") and "svg" in lines["Qt image formats"]
    assert lines["content"].startswith("OK")
    assert lines["data folder"] == f"OK {tmp_path / 'data'} is writable"
    assert lines["log folder"] == f"OK {tmp_path / 'logs'} is writable"
    assert lines["requests database"].endswith("integrity ok, 1 request(s)")
    assert lines["free disk"].startswith("OK")
    assert lines["clock"].startswith("OK") and "America/Denver" in lines["clock"]
    assert lines["delivery email"].startswith(f"OK 127.0.0.1:{listener} reachable")
    assert out.splitlines()[-1].startswith("doctor: ") and "0 FAIL" in out


def test_problems_are_failures_and_exit_1(tmp_path: Path) -> None:
    db = store_one_request(tmp_path / "data")
    raw = bytearray(db.read_bytes())
    raw[100 : 4096 * 2] = os.urandom(4096 * 2 - 100)  # smash the schema page and the next
    db.write_bytes(bytes(raw))
    (tmp_path / "logs").write_text("a file where the log folder should be", encoding="utf-8")
    port = closed_port()
    code, lines, out = doctor(
        tmp_path,
        base_config(tmp_path)
        + (
            "delivery:\n  channels:\n"
            f"    - type: webhook\n      url: http://127.0.0.1:{port}/hook\n      secret_env: WEBHOOK_SECRET\n"
        ),
    )
    assert code == exitcodes.PROBLEMS, out
    assert lines["requests database"].startswith(f"FAIL {db}")
    assert lines["log folder"].startswith(f"FAIL {tmp_path / 'logs'} is not writable")
    assert lines["delivery webhook"] == f"FAIL cannot connect to 127.0.0.1:{port}: Connection refused"
    assert lines["data folder"].startswith("OK")


def test_bad_config_is_a_failure_naming_file_and_field(tmp_path: Path) -> None:
    code, lines, _out = doctor(tmp_path, base_config(tmp_path) + "watchdog:\n  memory_limit_mb: lots\n")
    assert code == exitcodes.PROBLEMS
    assert lines["config"].startswith("FAIL") and "kiosk.yaml" in lines["config"]
    assert "watchdog.memory_limit_mb" in lines["config"]
    assert lines["delivery"].startswith("WARN no channels")  # the rest still runs, on defaults


def test_display_failure_is_reported_not_fatal(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": ":987"}
    env.pop("WAYLAND_DISPLAY", None)
    config = tmp_path / "kiosk.yaml"
    config.write_text(base_config(tmp_path), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "doctor", "--config", str(config)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env=env,
    )
    assert result.returncode == exitcodes.PROBLEMS
    display = next(line for line in result.stdout.splitlines() if " display: " in line)
    assert display.startswith("FAIL display: Qt cannot open the display (:987)")
    assert "fonts: Noto Sans" in result.stdout  # the other Qt checks ran offscreen


def test_clock_before_the_release_year_fails() -> None:
    config = Config.defaults()
    assert check_clock(config, datetime(2001, 1, 1, tzinfo=UTC)).status == FAIL
    assert check_clock(config, datetime(2027, 3, 1, 12, tzinfo=UTC)).status == OK


def test_low_disk_warns_then_fails(tmp_path: Path) -> None:
    def usage(mb: float) -> Callable[[Path], SimpleNamespace]:
        return lambda _path: SimpleNamespace(free=mb * 1024 * 1024)

    assert check_free_disk({"data": tmp_path}, usage(10_000))[0].status == OK
    assert check_free_disk({"data": tmp_path}, usage(200))[0].status == WARN
    assert check_free_disk({"data": tmp_path}, usage(10))[0].status == FAIL
    # Two folders on one disk: one line.
    assert len(check_free_disk({"data": tmp_path, "log": tmp_path / "missing" / "logs"}, usage(10_000))) == 1


def test_heartbeat_age(tmp_path: Path) -> None:
    assert check_heartbeat(tmp_path).status == OK  # never ran
    Heartbeat(tmp_path / "heartbeat").write(1_800_000_000.0)
    assert check_heartbeat(tmp_path, now=1_800_000_010.0).status == OK
    stale = check_heartbeat(tmp_path, now=1_800_000_600.0)
    assert stale.status == WARN and "600 s ago" in stale.detail


def test_content_errors_fail_and_name_what_plays_instead(tmp_path: Path) -> None:
    from kiosk.core.content_home import content_places
    from kiosk.core.content_library import ContentLibrary
    from kiosk.core.resources import bundled_content_dir

    home = tmp_path / "home"
    shutil.copytree(bundled_content_dir(), home)
    ContentLibrary(content_places(tmp_path / "data", home)).start()  # the kiosk ran once, content good
    slide = home / "slides" / "contact.yaml"
    slide.write_text(slide.read_text(encoding="utf-8").replace("kind: contact", "kind: contakt"), encoding="utf-8")
    ContentLibrary(content_places(tmp_path / "data", home)).start()  # restarted on the broken content
    code, lines, out = doctor(tmp_path, base_config(tmp_path) + f"content:\n  dir: {home}\n")
    assert code == exitcodes.PROBLEMS, out
    assert lines["content"].startswith(f"FAIL {home}: 1 error(s): slides/contact.yaml:2: kind: unknown kind"), out
    assert "the kiosk is playing the last good content" in lines["content"]
    assert f"kiosk validate {home}" in lines["content"]


def test_without_a_display_the_display_check_is_skipped_with_a_note(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    config = tmp_path / "kiosk.yaml"
    config.write_text(base_config(tmp_path), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "doctor", "--config", str(config)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env=env,
    )
    display = next(line for line in result.stdout.splitlines() if " display: " in line)
    assert display.startswith("SKIP display: no display in this session") and "DISPLAY=:0 kiosk doctor" in display
    assert "fonts: Noto Sans" in result.stdout
    assert result.returncode == exitcodes.OK, result.stdout  # nothing else is wrong here
    assert result.stdout.splitlines()[-1].endswith(", 1 SKIP")


def test_an_unusable_data_folder_fails_and_the_database_is_not_called_new(tmp_path: Path) -> None:
    from kiosk.runtime.doctor import check_data_folder, check_database

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    data = blocker / "data"
    folder = check_data_folder(data, {"XDG_RUNTIME_DIR": str(tmp_path)})
    assert folder.status == FAIL
    assert "requests cannot be stored" in folder.detail and str(tmp_path / "clinic-kiosk") in folder.detail
    database = check_database(data)
    assert database.status == FAIL and "cannot be reached" in database.detail
    # A data folder that does not exist yet (first start) is fine.
    assert check_database(tmp_path / "new" / "deeper" / "data").status == OK
