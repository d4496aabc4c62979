"""``kiosk run`` as a real process for the shutdown, freeze and window tests: its own home,
XDG folders and data folder in a temp dir, its first frame awaited on stdout, its exit timed.

Not a test module: the real-process tests import it. Several kiosks may be started at once
(each test module starts what it needs together, then checks each), which keeps the slow part,
Qt's start-up, from adding up.
"""

from __future__ import annotations

import os
import selectors
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.core.resources import bundled_content_dir

START_TIMEOUT = 60.0


@dataclass
class KioskProcess:
    proc: subprocess.Popen[str]
    root: Path
    env: dict[str, str]
    stderr_path: Path
    first_frame_at: float | None = None
    ended_at: float | None = None
    stdout_lines: list[str] = field(default_factory=list)

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def default_log(self) -> Path:
        """Where ``kiosk run`` logs with no log.dir: the user log folder under this home."""
        return self.root / "home" / ".local" / "state" / "clinic-kiosk" / "log" / "kiosk.log"

    def log_text(self, path: Path | None = None) -> str:
        target = path or self.default_log
        return target.read_text(encoding="utf-8", errors="replace") if target.exists() else ""

    def wait_for_log(self, text: str, timeout: float = START_TIMEOUT, path: Path | None = None) -> None:
        """Until the log holds ``text`` (checked every 50 ms; the process must stay up)."""
        deadline = time.monotonic() + timeout
        while text not in self.log_text(path):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"the log never said {text!r}; stderr:\n{self.stderr()[-3000:]}")
            time.sleep(0.05)

    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def wait_for_line(self, prefix: str, timeout: float = START_TIMEOUT) -> str:
        """The next stdout line starting with ``prefix`` (lines before it are kept)."""
        assert self.proc.stdout is not None
        deadline = time.monotonic() + timeout
        with selectors.DefaultSelector() as selector:
            selector.register(self.proc.stdout, selectors.EVENT_READ)
            while time.monotonic() < deadline:
                if not selector.select(timeout=max(0.0, deadline - time.monotonic())):
                    break
                line = self.proc.stdout.readline()
                if not line:
                    break  # the process ended
                self.stdout_lines.append(line)
                if line.startswith(prefix):
                    return line
        raise AssertionError(f"no {prefix!r} line from the kiosk; stderr:\n{self.stderr()[-3000:]}")

    def wait_first_frame(self) -> None:
        if self.first_frame_at is None:
            self.wait_for_line("first-frame ")
            self.first_frame_at = time.monotonic()

    def wait_exit(self, timeout: float) -> int:
        """The exit code; the process is killed (and the test fails) if it takes longer."""
        try:
            code = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError(
                f"the kiosk did not exit within {timeout} s; stderr:\n{self.stderr()[-3000:]}"
            ) from None
        self.ended_at = time.monotonic()
        if self.proc.stdout is not None:
            self.stdout_lines.extend(self.proc.stdout.readlines())
            self.proc.stdout.close()
        return code

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if self.proc.stdout is not None and not self.proc.stdout.closed:
            self.proc.stdout.close()


def kiosk_env(root: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """A private home for one kiosk: its config, data, state (logs) and runtime folders."""
    home = root / "home"
    runtime = root / "runtime"
    for folder in (home, runtime):
        folder.mkdir(parents=True, exist_ok=True)
    runtime.chmod(0o700)
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(runtime),
        "KIOSK_DATA_DIR": str(root / "data"),
        "QT_QPA_PLATFORM": "offscreen",
        "KIOSK_BENCH_FIRST_FRAME": "1",
    }
    for name in ("KIOSK_CONFIG", "KIOSK_LOG_DIR", "NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"):
        env.pop(name, None)
    env.update(extra or {})
    return env


def start_kiosk(
    root: Path, *args: str, env: dict[str, str] | None = None, play_home: bool = False, full_screen: bool = False
) -> KioskProcess:
    """``kiosk run`` in ``root``: a 640x360 window (or ``full_screen``, locked down as on a
    kiosk); the bundled content as it is, or with ``play_home`` the content home in the data
    folder, as a kiosk plays by default."""
    root.mkdir(parents=True, exist_ok=True)
    full_env = kiosk_env(root, env)
    stderr_path = root / "stderr.txt"
    command = [
        sys.executable,
        "-m",
        "kiosk",
        "run",
        *([] if play_home else ["--content", str(bundled_content_dir())]),
        *([] if full_screen else ["--windowed", "640x360"]),
        *args,
    ]
    with stderr_path.open("w", encoding="utf-8") as stderr:
        proc = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            env=full_env,
        )
    return KioskProcess(proc, root, full_env, stderr_path)
