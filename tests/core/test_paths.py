"""Data, log and config folders: explicit path, then environment, then platformdirs."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import platformdirs

from kiosk.core import paths


def test_explicit_path_wins(tmp_path: Path) -> None:
    env = {paths.DATA_DIR_ENV: str(tmp_path / "env")}
    assert paths.data_dir(tmp_path / "cli", env) == tmp_path / "cli"
    assert paths.requests_db_path(str(tmp_path / "cli"), env) == tmp_path / "cli" / "requests.db"


def test_environment_then_platform_default(tmp_path: Path) -> None:
    assert paths.data_dir(None, {paths.DATA_DIR_ENV: str(tmp_path / "env")}) == tmp_path / "env"
    assert paths.log_dir(None, {paths.LOG_DIR_ENV: str(tmp_path / "logs")}) == tmp_path / "logs"
    assert paths.config_dir(None, {paths.CONFIG_DIR_ENV: str(tmp_path / "cfg")}) == tmp_path / "cfg"
    assert paths.data_dir(None, {}) == Path(platformdirs.user_data_dir("clinic-kiosk", appauthor=False))
    assert paths.log_dir("", {}) == Path(platformdirs.user_log_dir("clinic-kiosk", appauthor=False))
    assert paths.config_dir(None, {}) == Path(platformdirs.user_config_dir("clinic-kiosk", appauthor=False))


def test_default_follows_the_process_environment() -> None:
    # conftest gives every test its own XDG folders; the default must land inside them.
    assert paths.data_dir() == Path(os.environ["XDG_DATA_HOME"]) / "clinic-kiosk"
    assert paths.requests_db_path().name == "requests.db"


def test_asking_a_path_creates_nothing() -> None:
    paths.data_dir()
    paths.log_dir()
    paths.config_dir()
    assert not Path(os.environ["XDG_DATA_HOME"]).exists()


def test_ensure_private_dir_creates_0700_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o000)
    try:
        made = paths.ensure_private_dir(tmp_path / "a" / "b")
    finally:
        os.umask(old)
    assert stat.S_IMODE(made.stat().st_mode) == 0o700
    existing = tmp_path / "loose"
    existing.mkdir(mode=0o777)
    existing.chmod(0o777)
    assert stat.S_IMODE(paths.ensure_private_dir(existing).stat().st_mode) == 0o700
