"""A real ``kiosk run`` (offscreen) stopped by SIGTERM, SIGINT and SIGHUP: exit 0 within 5 s,
the delivery worker and the content update loop stopped, the lock released, the steps in the
log (which is written by default, to the user log folder). Without a display: exit 78 and one
line. A data folder that cannot be used: the slideshow plays all the same, and the
single-instance guarantee holds through the lock in the runtime folder.

The kiosks start together (module fixture): Qt's start-up is the slow part."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.core.publish.keys import generate_key_pair
from kiosk.core.stats.figures import read_figures
from kiosk.runtime import exitcodes
from kiosk.runtime.doctor import FAIL, check_data_folder
from kiosk.runtime.single_instance import InstanceLock
from tests.helpers.kiosk_process import KioskProcess, kiosk_env, start_kiosk

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.name != "posix", reason="POSIX signals; Windows is described in docs/deploy.md"),
]

SIGNALS = ("SIGTERM", "SIGINT", "SIGHUP")
#: The brief's bound for a clean shutdown (systemd's TimeoutStopSec is 10 s).
SHUTDOWN_S = 5.0


def busy_config(root: Path) -> dict[str, str]:
    """A kiosk.yaml with a delivery channel (its worker thread retries a closed port) and a
    content source (the update loop's thread): both must stop on the signal."""
    keys = generate_key_pair(root / "keys")
    source = root / "published"
    source.mkdir(parents=True)
    config = root / "kiosk.yaml"
    config.write_text(
        "delivery:\n"
        "  channels:\n"
        "    - type: webhook\n"
        "      url: http://127.0.0.1:9/kiosk\n"
        "      secret_env: KIOSK_TEST_WEBHOOK_SECRET\n"
        "content:\n"
        f"  source: {source}\n"
        f"  public_key: {keys.public_path}\n",
        encoding="utf-8",
    )
    return {"KIOSK_CONFIG": str(config), "KIOSK_TEST_WEBHOOK_SECRET": "s3cret-for-tests-only"}


@pytest.fixture(scope="module")
def kiosks(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, KioskProcess]]:
    started: dict[str, KioskProcess] = {}
    try:
        for name in SIGNALS:
            root = tmp_path_factory.mktemp(name.lower())
            started[name] = start_kiosk(root, env=busy_config(root))
        blocked = tmp_path_factory.mktemp("no-data-folder")
        (blocked / "a-file").write_text("the data folder would be under this file\n", encoding="utf-8")
        started["no data folder"] = start_kiosk(
            blocked, env={"KIOSK_DATA_DIR": str(blocked / "a-file" / "data")}, play_home=True
        )
        for kiosk in started.values():
            kiosk.wait_first_frame()
        yield started
    finally:
        for kiosk in started.values():
            kiosk.kill()


@pytest.mark.parametrize("name", SIGNALS)
def test_a_signal_shuts_the_kiosk_down_cleanly(kiosks: dict[str, KioskProcess], name: str) -> None:
    kiosk = kiosks[name]
    kiosk.wait_for_log("touch services ready: requests stored, delivery running")
    kiosk.wait_for_log("content updates from")
    sent = time.monotonic()
    kiosk.proc.send_signal(getattr(signal, name))
    code = kiosk.wait_exit(timeout=30)
    assert kiosk.ended_at is not None
    took = kiosk.ended_at - sent

    assert code == exitcodes.OK, kiosk.stderr()[-3000:]
    assert took < SHUTDOWN_S
    with InstanceLock(kiosk.data) as lock:  # released: a new kiosk could start at once
        assert lock.held
    log = kiosk.log_text()  # the default log file: nothing set log.dir
    steps = [
        f"{name} received: shutting down",
        "shutdown: stop the watchdog, heartbeat, window guard and memory guard",
        "shutdown: stop checking for content updates",
        "shutdown: write the last engagement figures",
        "shutdown: close the requests database and delivery",
        "shutdown: release the instance lock",
        "shutdown: stop the stall detector",
        "shutdown complete in",
    ]
    positions = [log.find(step) for step in steps]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), log[-3000:]
    assert log.rstrip().endswith("exit code 0")  # flushed to the end
    stderr = kiosk.stderr()
    assert "Error calling Python override" not in stderr
    assert "Traceback" not in stderr and "did not stop" not in stderr
    # The slide on screen at the signal was counted on the way out (proof of play).
    now = datetime.now(UTC)
    figures = read_figures(kiosk.data / "stats.db", now - timedelta(days=1), now + timedelta(hours=1), UTC)
    assert figures.shows >= 1 and figures.seconds_shown > 0


def test_an_unusable_data_folder_still_plays_and_keeps_one_kiosk(kiosks: dict[str, KioskProcess]) -> None:
    kiosk = kiosks["no data folder"]  # its first frame was painted: the slideshow plays
    log = kiosk.log_text()
    runtime_lock = kiosk.root / "runtime" / "clinic-kiosk"
    assert f"cannot hold the single-instance lock (Not a directory): the lock is {runtime_lock}" in log
    assert "playing shipped" in log
    # A second kiosk on the same (unusable) data folder is still refused.
    second = subprocess.run(
        [sys.executable, "-m", "kiosk", "run", "--windowed", "640x360"],
        env=kiosk_env(kiosk.root, {"KIOSK_DATA_DIR": kiosk.env["KIOSK_DATA_DIR"]}),
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert second.returncode == exitcodes.ALREADY_RUNNING, second.stderr[-2000:]
    assert "the kiosk is already running" in second.stderr
    kiosk.wait_for_log("touch services ready: requests not available")
    # Nor can the engagement figures be written: said once, and the kiosk plays on.
    kiosk.wait_for_log("stats: cannot open the stats database")
    # kiosk doctor says what is wrong and what the kiosk does about it.
    check = check_data_folder(Path(kiosk.env["KIOSK_DATA_DIR"]), kiosk.env)
    assert check.status == FAIL
    assert "requests cannot be stored" in check.detail and str(runtime_lock) in check.detail
    kiosk.proc.send_signal(signal.SIGTERM)
    assert kiosk.wait_exit(timeout=30) == exitcodes.OK


@pytest.mark.parametrize(
    ("display", "reason"),
    [
        (None, "kiosk: there is no display: DISPLAY is not set"),
        (":87", "kiosk: Qt cannot open the display: could not connect to display :87"),
    ],
)
def test_without_a_display_the_kiosk_exits_78_with_one_line(tmp_path: Path, display: str | None, reason: str) -> None:
    env = kiosk_env(tmp_path)
    env.pop("QT_QPA_PLATFORM")
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("DISPLAY", None)
    if display is not None:
        env["DISPLAY"] = display  # no X server there
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "run"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == exitcodes.NO_DISPLAY, result.stderr[-2000:]
    ours = [line for line in result.stderr.splitlines() if line.startswith("kiosk: ")]
    assert len(ours) == 1 and ours[0].startswith(reason), result.stderr
    assert "Aborted" not in result.stderr and "core dumped" not in result.stderr
    assert "Reinstalling the application" not in result.stderr  # Qt's advice is no use here
    with InstanceLock(tmp_path / "data") as lock:
        assert lock.held
