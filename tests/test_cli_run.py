"""``kiosk run`` and ``kiosk self-test`` as real processes (offscreen), and crash handling."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PIL import Image

from kiosk.core.resources import bundled_content_dir
from kiosk.runtime import exitcodes

TIMEOUT = 120


def kiosk(*args: str, env: dict[str, str] | None = None, timeout: float = TIMEOUT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def copy_content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), root)
    return root


def test_self_test_passes_on_the_bundled_content(tmp_path: Path) -> None:
    root = copy_content(tmp_path)
    result = kiosk("self-test", "--content", str(root), "--size", "960x540")
    assert result.returncode == exitcodes.OK, result.stdout + result.stderr
    slides = list((root / "slides").glob("*.yaml"))
    assert len(re.findall(r"^ok   \S+ \(\w+\) 960x540$", result.stdout, re.M)) == len(slides)
    assert "self-test passed" in result.stdout


def test_self_test_names_the_slide_it_could_not_show(tmp_path: Path) -> None:
    root = copy_content(tmp_path)
    buf = io.BytesIO()
    Image.new("RGB", (1600, 1000), (30, 90, 160)).save(buf, "PNG")
    data = bytearray(buf.getvalue())
    for i in range(60, len(data) - 20):
        data[i] ^= 0x5A
    (root / "images" / "broken.png").write_bytes(bytes(data))
    # An info slide's picture is drawn at every size (a contact slide leaves its picture out
    # when there is no room for it, and only pictures drawn are decoded).
    slide = root / "slides" / "about-welcome.yaml"
    text = slide.read_text(encoding="utf-8")
    text = re.sub(r"^image:.*$", "image: images/broken.png", text, flags=re.M)
    slide.write_text(text, encoding="utf-8")
    result = kiosk("self-test", "--content", str(root), "--size", "960x540")
    assert result.returncode == exitcodes.PROBLEMS, result.stdout + result.stderr
    assert re.search(r"^FAIL about-welcome \(info\): could not render: .*broken\.png", result.stdout, re.M), (
        result.stdout
    )
    assert "self-test FAILED: 1 of" in result.stdout


def run_until_first_frame(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> tuple[str, str]:
    """Start ``kiosk`` with ``args``, wait for its first painted frame, stop it: (stdout line, stderr)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
        env={**os.environ, "KIOSK_BENCH_FIRST_FRAME": "1", **(env or {})},
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()  # blocks until the marker (or the process ends)
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=TIMEOUT)
    return line, err


def test_run_refuses_a_content_folder_that_does_not_exist(tmp_path: Path) -> None:
    result = kiosk("run", "--content", str(tmp_path / "nowhere"))
    assert result.returncode == exitcodes.USAGE
    assert str(tmp_path / "nowhere") in result.stderr and "no such folder" in result.stderr


def test_run_on_a_folder_without_content_plays_the_shipped_pack(tmp_path: Path) -> None:
    line, err = run_until_first_frame("run", "--content", str(tmp_path), "--windowed", "640x360")
    assert line.startswith("first-frame "), err
    assert "clinic.yaml" in err and "playing the shipped content" in err


def test_run_with_content_errors_still_starts_and_names_the_file_and_field(tmp_path: Path) -> None:
    root = copy_content(tmp_path)
    slide = root / "slides" / "contact.yaml"
    slide.write_text(slide.read_text(encoding="utf-8").replace("kind: contact", "kind: contakt"), encoding="utf-8")
    line, err = run_until_first_frame("run", "--content", str(root), "--windowed", "640x360")
    assert line.startswith("first-frame "), err
    assert re.search(r"slides/contact\.yaml:\d+: kind: unknown kind 'contakt'", err), err
    assert "playing shipped until they are fixed" in err


def test_run_rejects_a_screen_that_does_not_exist(tmp_path: Path) -> None:
    result = kiosk("run", "--content", str(copy_content(tmp_path)), "--screen", "7")
    assert result.returncode == exitcodes.USAGE
    assert "--screen 7" in result.stderr


def test_run_logs_its_start_up_steps_and_the_first_frame(tmp_path: Path) -> None:
    root = copy_content(tmp_path)
    log_file = tmp_path / "logs" / "kiosk.log"
    started = time.monotonic()
    line, err = run_until_first_frame("--content", str(root), "--windowed", "960x540", "--log-file", str(log_file))
    marker = re.fullmatch(r"first-frame (\d+\.\d+)\n", line)
    assert marker, (line, err)
    assert started < float(marker.group(1)) < time.monotonic()
    log = log_file.read_text(encoding="utf-8")
    slides = len(list((root / "slides").glob("*.yaml")))
    steps = [f"loading content from {root}", f"deck: {slides} slides", "window on screen 0 960x540", "first frame"]
    positions = [log.find(step) for step in steps]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), log


CRASH_SCRIPTS = {
    "main thread": "raise RuntimeError('boom in main')",
    "worker thread": textwrap.dedent("""\
        import threading, time
        t = threading.Thread(target=lambda: 1 / 0, name='worker-x'); t.start(); t.join()
        time.sleep(30)  # never reached: the hook ends the process
        """),
    "qt slot": textwrap.dedent("""\
        from PySide6.QtCore import QCoreApplication, QTimer
        app = QCoreApplication([])
        QTimer.singleShot(0, lambda: {}['missing-key'])
        app.exec()
        """),
}


@pytest.mark.parametrize("where", list(CRASH_SCRIPTS))
def test_unhandled_exceptions_log_and_exit_70(tmp_path: Path, where: str) -> None:
    code = (
        "import logging, sys\n"
        "from kiosk.runtime.crash import CrashHandler\n"
        "from kiosk.runtime.logging_setup import configure_logging\n"
        "configure_logging()\n"
        "CrashHandler(sys.stderr).install()\n" + CRASH_SCRIPTS[where]
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=TIMEOUT)
    assert result.returncode == exitcodes.CRASH, result.stderr
    assert "Traceback" in result.stderr and "crash" in result.stderr
    assert ("boom in main", "ZeroDivisionError", "missing-key")[list(CRASH_SCRIPTS).index(where)] in result.stderr


def test_run_takes_its_settings_from_kiosk_yaml(tmp_path: Path) -> None:
    root = copy_content(tmp_path)
    config = tmp_path / "kiosk.yaml"
    config.write_text(
        f"content:\n  dir: {root}\nlog:\n  dir: {tmp_path / 'logs'}\n"
        "display:\n  windowed: 640x360\n  theme: high-contrast\nplayer:\n  transition: slide\n",
        encoding="utf-8",
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--config", str(config)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "KIOSK_BENCH_FIRST_FRAME": "1"},
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=TIMEOUT)
    assert line.startswith("first-frame "), err
    log = (tmp_path / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert f"loading content from {root}" in log
    assert "window on screen 0 640x360 (windowed), touch screens in the high-contrast theme" in log


def test_run_refuses_a_broken_kiosk_yaml(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.yaml"
    config.write_text("display:\n  screen: lots\n", encoding="utf-8")
    result = kiosk("run", "--config", str(config), "--content", str(copy_content(tmp_path)))
    assert result.returncode == exitcodes.PROBLEMS
    assert "kiosk.yaml" in result.stderr and "display.screen" in result.stderr


def test_self_test_fails_on_content_with_errors(tmp_path: Path) -> None:
    root = copy_content(tmp_path)
    slide = root / "slides" / "contact.yaml"
    slide.write_text(slide.read_text(encoding="utf-8").replace("kind: contact", "kind: contakt"), encoding="utf-8")
    result = kiosk("self-test", "--content", str(root), "--size", "960x540")
    assert result.returncode == exitcodes.PROBLEMS
    assert re.search(r"^FAIL content: slides/contact\.yaml:\d+: kind", result.stdout, re.M), result.stdout
