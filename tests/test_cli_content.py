"""``kiosk content keygen|publish|status|pull`` as real subprocesses, against a real HTTP
server on loopback serving what ``publish`` wrote."""

from __future__ import annotations

import functools
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.content_state import ORIGIN_LAST_GOOD, ContentState, write_state

CLINIC = """\
name: Test Clinic
phone: +1 303-555-0100
topics:
  - id: about
    title: About us
"""
SLIDE = "id: welcome\nkind: info\ntopic: about\ntitle: Welcome\nbody: Hello.\n"


def kiosk(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "content", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def make_pack(root: Path, slide: str = SLIDE) -> Path:
    (root / "slides").mkdir(parents=True)
    (root / "clinic.yaml").write_text(CLINIC, encoding="utf-8")
    (root / "slides" / "welcome.yaml").write_text(slide, encoding="utf-8")
    return root


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def web(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A plain static web server (Python's own) serving tmp/out on loopback."""
    root = tmp_path / "out"
    root.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", root
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


def write_config(tmp_path: Path, source: str) -> Path:
    config = tmp_path / "kiosk.yaml"
    config.write_text(
        f"content:\n  source: {source}\n  public_key: keys/content.pub\n  check_interval: 10s\ndata:\n  dir: data\n",
        encoding="utf-8",
    )
    return config


def test_keygen_modes_and_no_accidental_overwrite(tmp_path: Path) -> None:
    first = kiosk("keygen", "--out", "keys", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    private, public = tmp_path / "keys" / "content.key", tmp_path / "keys" / "content.pub"
    if os.name == "posix":
        assert stat.S_IMODE(private.stat().st_mode) == 0o600
        assert stat.S_IMODE(public.stat().st_mode) == 0o644
    assert "key id: " in first.stdout and "content.pub" in first.stdout
    key_bytes = private.read_bytes()
    again = kiosk("keygen", "--out", "keys", cwd=tmp_path)
    assert again.returncode == 1 and "already exists; use --force" in again.stderr
    assert private.read_bytes() == key_bytes
    forced = kiosk("keygen", "--out", "keys", "--force", cwd=tmp_path)
    assert forced.returncode == 0 and private.read_bytes() != key_bytes


def test_publish_refuses_an_invalid_pack_and_writes_nothing(tmp_path: Path) -> None:
    assert kiosk("keygen", "--out", "keys", cwd=tmp_path).returncode == 0
    make_pack(tmp_path / "pack", SLIDE.replace("topic: about", "topic: nowhere"))
    result = kiosk("publish", "pack", "--out", "out", "--key", "keys/content.key", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "slides/welcome.yaml:3: topic: unknown topic 'nowhere'; clinic.yaml declares: about"
    ]
    assert "the pack has 1 error(s); nothing was written to out" in result.stderr
    assert not (tmp_path / "out").exists()


def test_publish_pull_and_status(tmp_path: Path, web: tuple[str, Path]) -> None:
    url, out = web
    assert kiosk("keygen", "--out", "keys", cwd=tmp_path).returncode == 0
    make_pack(tmp_path / "pack")
    config = write_config(tmp_path, url)

    before = kiosk("status", "--config", str(config), cwd=tmp_path)
    assert before.returncode == 1 and "last check: none yet" in before.stdout

    published = kiosk("publish", "pack", "--out", str(out), "--key", "keys/content.key", cwd=tmp_path)
    assert published.returncode == 0, published.stderr
    assert "published serial " in published.stdout and "manifest.json last" in published.stdout
    serial = published.stdout.split("published serial ")[1].split(":")[0]

    pulled = kiosk("pull", "--config", str(config), cwd=tmp_path)
    assert pulled.returncode == 0, pulled.stdout + pulled.stderr
    assert f"installed serial {serial}" in pulled.stdout
    # Into the content home (content/ in the data folder), which the running kiosk plays.
    assert (tmp_path / "data" / "content" / "slides" / "welcome.yaml").read_text() == SLIDE

    again = kiosk("pull", "--config", str(config), cwd=tmp_path)
    assert again.returncode == 0 and "up to date" in again.stdout

    # What the running kiosk says it plays is shown too.
    state = ContentState(
        home=str(tmp_path / "data" / "content"),
        version="abc123",
        origin=ORIGIN_LAST_GOOD,
        playing_from="/x/y",
        since="2026-11-27T10:00:00+00:00",
        checked="2026-11-27T10:05:00+00:00",
        problems=("slides/a.yaml:1: id: required field is missing",),
        error_count=1,
    )
    write_state(tmp_path / "data" / "content-state.json", state)
    status = kiosk("status", "--config", str(config), cwd=tmp_path)
    assert status.returncode == 0, status.stdout
    lines = status.stdout.splitlines()
    assert lines[0] == f"source: {url}"
    assert lines[1] == "playing: content abc123 since 2026-11-27T10:00:00+00:00 (/x/y)"
    assert lines[2] == f"FALLBACK: playing the last good content abc123 (1 error(s) in {tmp_path / 'data' / 'content'})"
    assert "  problem: slides/a.yaml:1: id: required field is missing" in lines
    assert f"accepted: serial {serial}" in status.stdout and "last check: " in status.stdout


def test_a_failed_pull_shows_in_status_and_exit_codes(tmp_path: Path, web: tuple[str, Path]) -> None:
    url, _out = web  # nothing published there
    assert kiosk("keygen", "--out", "keys", cwd=tmp_path).returncode == 0
    config = write_config(tmp_path, url + "?sig=HIDDENTOKEN")
    pulled = kiosk("pull", "--config", str(config), cwd=tmp_path)
    assert pulled.returncode == 1
    assert "manifest.json?REDACTED: not found (HTTP 404" in pulled.stdout
    status = kiosk("status", "--config", str(config), cwd=tmp_path)
    assert status.returncode == 1 and "failed: " in status.stdout
    for text in (pulled.stdout, pulled.stderr, status.stdout, (tmp_path / "data" / "content-updates.json").read_text()):
        assert "HIDDENTOKEN" not in text


def test_status_without_a_source_is_fine(tmp_path: Path) -> None:
    result = kiosk("status", cwd=tmp_path)
    assert result.returncode == 0 and "source: none (content.source is not set" in result.stdout
    pull = kiosk("pull", cwd=tmp_path)
    assert pull.returncode == 1 and "content.source is not set" in pull.stderr


def test_content_is_listed_in_kiosk_help(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "--help"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and "content" in result.stdout
    usage = kiosk("frobnicate", cwd=tmp_path)
    assert usage.returncode == 2


def test_a_mistake_in_the_update_settings_is_reported_not_ignored(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.yaml"
    config.write_text("content:\n  source: https://cdn.example.com/kiosk/\n", encoding="utf-8")
    status = kiosk("status", "--config", str(config), cwd=tmp_path)
    assert status.returncode == 1
    assert "content.public_key: required when content.source is set" in status.stderr
    assert "content updates are off until the kiosk.yaml problems above are fixed" in status.stdout
    pull = kiosk("pull", "--config", str(config), cwd=tmp_path)
    assert pull.returncode == 1 and "content updates are off" in pull.stderr


def test_history_lists_kept_versions_and_restore_puts_one_back(tmp_path: Path) -> None:
    from kiosk.core.content_home import content_places
    from kiosk.core.content_library import ContentLibrary
    from kiosk.core.loader import content_version

    home = make_pack(tmp_path / "home")
    (tmp_path / "kiosk.yaml").write_text(f"content:\n  dir: {home}\ndata:\n  dir: {tmp_path / 'data'}\n")
    library = ContentLibrary(content_places(tmp_path / "data", home))
    first = library.start().deck
    assert first is not None
    (home / "slides" / "welcome.yaml").write_text(SLIDE.replace("Hello.", "Hello again."), encoding="utf-8")
    second = library.refresh().deck
    assert second is not None

    def content(*args: str) -> subprocess.CompletedProcess[str]:
        return kiosk(*args, "--config", str(tmp_path / "kiosk.yaml"), cwd=tmp_path)

    listed = content("history")
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0] == f"content home: {home}"
    assert lines[2].startswith(f"* {second.version}") and lines[3].startswith(f"  {first.version}")

    restored = content("restore", first.version[:8])
    assert restored.returncode == 0, restored.stderr
    assert f"restored {first.version} into {home}" in restored.stdout
    assert content_version(home) == first.version

    unknown = content("restore", "ffffffff")
    assert unknown.returncode == 1 and "kiosk content history" in unknown.stderr
