"""Single instance: a second process exits with ALREADY_RUNNING and a clear message."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from kiosk.runtime import exitcodes
from kiosk.runtime.single_instance import (
    AlreadyRunning,
    InstanceLock,
    acquire_instance_lock,
    fallback_lock_folder,
    fallback_lock_name,
)

TIMEOUT = 60

HOLDER = (
    "import sys, pathlib\n"
    "from kiosk.runtime.single_instance import InstanceLock\n"
    "lock = InstanceLock(pathlib.Path(sys.argv[1])); lock.acquire()\n"
    "print('locked', flush=True)\n"
    "sys.stdin.readline()\n"  # hold until the test says so
)


def hold_lock(directory: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(directory)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline() == "locked\n"
    return proc


def test_second_lock_in_another_process_is_refused(tmp_path: Path) -> None:
    holder = hold_lock(tmp_path)
    try:
        with pytest.raises(AlreadyRunning) as caught:
            InstanceLock(tmp_path).acquire()
        assert caught.value.pid == holder.pid
        assert f"process {holder.pid}" in str(caught.value)
    finally:
        holder.communicate("\n", timeout=TIMEOUT)
    # The holder is gone: the lock is free again (no stale-lock clean-up needed).
    with InstanceLock(tmp_path) as lock:
        assert lock.held


def test_a_killed_holder_leaves_no_stale_lock(tmp_path: Path) -> None:
    holder = hold_lock(tmp_path)
    holder.kill()
    holder.communicate(timeout=TIMEOUT)  # also closes its pipes
    lock = InstanceLock(tmp_path)
    lock.acquire()
    assert (tmp_path / "kiosk.lock").read_text(encoding="ascii").strip() == str(os.getpid())
    lock.release()


def test_second_kiosk_run_exits_with_already_running(tmp_path: Path) -> None:
    data = tmp_path / "data"
    holder = hold_lock(data)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "kiosk", "run", "--windowed", "640x360"],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            env={**os.environ, "KIOSK_DATA_DIR": str(data), "KIOSK_LOG_DIR": str(tmp_path / "logs")},
        )
    finally:
        holder.communicate("\n", timeout=TIMEOUT)
    assert result.returncode == exitcodes.ALREADY_RUNNING, result.stderr
    assert "already running" in result.stderr and str(holder.pid) in result.stderr
    assert "first-frame" not in result.stdout


def test_two_real_kiosks_the_second_exits_and_the_first_keeps_running(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "KIOSK_DATA_DIR": str(tmp_path / "data"),
        "KIOSK_LOG_DIR": str(tmp_path / "logs"),
        "KIOSK_BENCH_FIRST_FRAME": "1",
    }
    command = [sys.executable, "-m", "kiosk", "run", "--windowed", "640x360"]
    first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    try:
        assert first.stdout is not None
        assert first.stdout.readline().startswith("first-frame "), "the first kiosk did not start"
        second = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, env=env)
        assert second.returncode == exitcodes.ALREADY_RUNNING, second.stderr
        assert f"kiosk: the kiosk is already running (process {first.pid}" in second.stderr
        assert "first-frame" not in second.stdout
        assert first.poll() is None  # untouched by the second
    finally:
        first.terminate()
        first.communicate(timeout=TIMEOUT)


# --- a data folder that cannot hold the lock --------------------------------------------


def unusable_data_folder(tmp_path: Path) -> Path:
    blocker = tmp_path / "a-file"
    blocker.write_text("the data folder would be under this file\n", encoding="utf-8")
    return blocker / "data"


def private_runtime(tmp_path: Path) -> dict[str, str]:
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    return {"XDG_RUNTIME_DIR": str(runtime)}


def test_an_unusable_data_folder_moves_the_lock_to_the_runtime_folder(tmp_path: Path) -> None:
    data = unusable_data_folder(tmp_path)
    env = private_runtime(tmp_path)
    held = acquire_instance_lock(data, env)
    try:
        assert held.lock is not None and held.lock.path.parent == tmp_path / "runtime" / "clinic-kiosk"
        assert held.lock.path.name == fallback_lock_name(data)
        assert "cannot hold the single-instance lock (Not a directory): the lock is" in held.note
        # The guarantee holds: the same data folder a second time is refused...
        with pytest.raises(AlreadyRunning):
            acquire_instance_lock(data, env)
        # ...another (also unusable) data folder is not.
        other = acquire_instance_lock(tmp_path / "a-file" / "other", env)
        assert other.lock is not None
        other.release()
    finally:
        held.release()
    acquire_instance_lock(data, env).release()  # released: free again


def test_without_a_runtime_folder_the_lock_goes_to_a_private_temp_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    folder = fallback_lock_folder({})
    assert folder.parent == tmp_path / "tmp" and folder.name.startswith("clinic-kiosk-")
    held = acquire_instance_lock(unusable_data_folder(tmp_path), {})
    try:
        assert held.lock is not None and held.lock.path.parent == folder
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    finally:
        held.release()


@pytest.mark.skipif(os.name != "posix", reason="modes and symlinks of a shared temp folder")
def test_a_planted_temp_folder_is_refused_and_the_check_skipped_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "tmp"
    shared.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(shared))
    elsewhere = tmp_path / "someone-elses"
    elsewhere.mkdir(mode=0o777)
    elsewhere.chmod(0o777)
    fallback_lock_folder({}).symlink_to(elsewhere)  # planted by another user of the machine
    held = acquire_instance_lock(unusable_data_folder(tmp_path), {})
    assert held.lock is None
    assert "the single-instance check is skipped" in held.note and "symlink" in held.note
    assert list(elsewhere.iterdir()) == []
    held.release()  # nothing to release; harmless
