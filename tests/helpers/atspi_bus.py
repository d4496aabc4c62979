"""A private D-Bus session with the accessibility bus (AT-SPI) for the real-window
accessibility test: what a screen reader on the kiosk PC would talk to.

The session bus starts the accessibility bus itself when Qt first asks for it (D-Bus
activation of at-spi2-core's org.a11y.Bus). The probe (tests/helpers/atspi_probe.py) runs in
the system's python3, where Debian's python3-pyatspi lives.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SYSTEM_PYTHON = "/usr/bin/python3"
PROBE = Path(__file__).with_name("atspi_probe.py")
LAUNCHERS = (Path("/usr/libexec/at-spi-bus-launcher"), Path("/usr/lib/at-spi2-core/at-spi-bus-launcher"))


def missing() -> str | None:
    """Why the accessibility bus cannot be used on this machine, or None."""
    for tool in ("Xvfb", "dbus-daemon", "xdotool"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    if not any(launcher.exists() for launcher in LAUNCHERS):
        return "at-spi2-core is not installed"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False)
    if probe.returncode != 0:
        return "the system python3 has no pyatspi (apt-get install python3-pyatspi)"
    return None


@contextmanager
def session_bus() -> Iterator[dict[str, str]]:
    """A session bus of our own; yields the environment that points a program at it."""
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        if not address:
            raise RuntimeError("dbus-daemon did not start")
        yield {"DBUS_SESSION_BUS_ADDRESS": address, "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "QT_ACCESSIBILITY": "1"}
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)
        if daemon.stdout is not None:
            daemon.stdout.close()


def probe(pid: int, steps: list[list[str]], env: dict[str, str], timeout: float = 120.0) -> str:
    """Run the probe's ``steps`` against the kiosk ``pid``; its JSON output."""
    full_env = {**os.environ, **env}
    # The system python3 must not pick up the venv's packages.
    for name in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"):
        full_env.pop(name, None)
    done = subprocess.run(
        [SYSTEM_PYTHON, str(PROBE), str(pid), json.dumps(steps)],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise AssertionError(f"the accessibility probe failed:\n{done.stderr[-3000:]}")
    return done.stdout
