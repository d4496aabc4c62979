"""A real kiosk window on a virtual X screen, destroyed or unmapped by another X client: the
screen would stay black while the process lived on, so the kiosk exits with 77 for its
supervisor, and systemd's watchdog hears no ping once nothing is painted on the screen (the
pings follow painted frames, not a timer)."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator

import pytest

from kiosk.runtime import exitcodes
from kiosk.runtime.window_guard import GRACE_MS
from tests.helpers.fake_systemd import FakeSystemd
from tests.helpers.kiosk_process import KioskProcess, start_kiosk
from tests.helpers.x11_client import x_client
from tests.helpers.xvfb import running_xvfb

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed (.ci/run installs it)"),
]

#: WatchdogSec=1 s: systemd wants a ping every 0.5 s.
WATCHDOG_USEC = 1_000_000
HOW = ("destroy", "unmap")


class OnScreen:
    def __init__(self, kiosk: KioskProcess, display: str, systemd: FakeSystemd) -> None:
        self.kiosk, self.display, self.systemd = kiosk, display, systemd


@pytest.fixture(scope="module")
def kiosks(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, OnScreen]]:
    """One full-screen kiosk per way of losing its window, each on its own X screen."""
    started: dict[str, OnScreen] = {}
    servers = []
    try:
        for how in HOW:
            root = tmp_path_factory.mktemp(how)
            server = running_xvfb(960, 540)
            display = server.__enter__()
            servers.append(server)
            systemd = FakeSystemd(root / "notify")
            systemd.listen()
            env = {
                "DISPLAY": display,
                "QT_QPA_PLATFORM": "xcb",
                "NOTIFY_SOCKET": str(systemd.path),
                "WATCHDOG_USEC": str(WATCHDOG_USEC),
            }
            started[how] = OnScreen(start_kiosk(root, env=env, full_screen=True), display, systemd)
        for on_screen in started.values():
            on_screen.kiosk.wait_first_frame()
        yield started
    finally:
        for on_screen in started.values():
            on_screen.kiosk.kill()
            on_screen.systemd.close()
        for server in servers:
            server.__exit__(None, None, None)


def wait_for_pings(systemd: FakeSystemd, count: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while systemd.pings_between(0, time.monotonic()) < count:
        assert time.monotonic() < deadline, systemd.timed
        time.sleep(0.05)


@pytest.mark.parametrize("how", HOW)
def test_a_window_taken_off_the_screen_ends_the_kiosk_and_its_pings(kiosks: dict[str, OnScreen], how: str) -> None:
    on_screen = kiosks[how]
    kiosk, systemd = on_screen.kiosk, on_screen.systemd
    wait_for_pings(systemd, 3)  # painted frames ping while the window is up
    assert any(message.startswith("READY=1") for _, message in systemd.timed)
    with x_client(on_screen.display) as other_program:
        windows = other_program.visible_windows_of(kiosk.proc.pid)
        assert len(windows) == 1, windows
        taken = time.monotonic()
        take_off = other_program.destroy if how == "destroy" else other_program.unmap
        take_off(windows[0])

    code = kiosk.wait_exit(timeout=GRACE_MS / 1000 + 20)
    assert code == exitcodes.WINDOW_LOST, kiosk.stderr()[-3000:]
    assert kiosk.ended_at is not None
    # Nothing painted on the screen, no ping (a moment allowed for a frame already on its way).
    assert systemd.pings_between(taken + 0.3, kiosk.ended_at) == 0, systemd.timed
    log = kiosk.log_text()
    assert "window lost: the window is no longer on the screen" in log
    assert "exiting with 77" in log and "shutdown: release the instance lock" in log
