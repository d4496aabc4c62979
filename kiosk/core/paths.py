"""Where the kiosk keeps its data, logs and configuration on this machine.

Each folder comes from, in order: an explicit path (a command-line option or the caller's
config), an environment variable (``KIOSK_DATA_DIR``, ``KIOSK_LOG_DIR``, ``KIOSK_CONFIG_DIR``),
then the platform's per-user folder (platformdirs, app name ``clinic-kiosk``). Nothing is
created here except by :func:`ensure_private_dir`, so asking a path never touches the disk.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

APP_NAME = "clinic-kiosk"
DATA_DIR_ENV = "KIOSK_DATA_DIR"
LOG_DIR_ENV = "KIOSK_LOG_DIR"
CONFIG_DIR_ENV = "KIOSK_CONFIG_DIR"
#: The requests database inside the data folder.
REQUESTS_DB_NAME = "requests.db"
#: The engagement figures (counts only, no patient data), apart from the requests.
STATS_DB_NAME = "stats.db"

PRIVATE_DIR_MODE = 0o700


def _choose(
    explicit: str | os.PathLike[str] | None, env_var: str, default: str, environ: Mapping[str, str] | None
) -> Path:
    if explicit is not None and str(explicit) != "":
        return Path(explicit).expanduser()
    env = os.environ if environ is None else environ
    from_env = env.get(env_var, "")
    if from_env:
        return Path(from_env).expanduser()
    return Path(default)


def data_dir(explicit: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """The folder holding the requests database (patient data: keep it private)."""
    return _choose(explicit, DATA_DIR_ENV, platformdirs.user_data_dir(APP_NAME, appauthor=False), environ)


def log_dir(explicit: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None) -> Path:
    return _choose(explicit, LOG_DIR_ENV, platformdirs.user_log_dir(APP_NAME, appauthor=False), environ)


def config_dir(explicit: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None) -> Path:
    return _choose(explicit, CONFIG_DIR_ENV, platformdirs.user_config_dir(APP_NAME, appauthor=False), environ)


def requests_db_path(directory: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None) -> Path:
    return data_dir(directory, environ) / REQUESTS_DB_NAME


def stats_db_path(directory: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None) -> Path:
    return data_dir(directory, environ) / STATS_DB_NAME


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) and make it readable by this user only (0700).

    The mode is set with chmod after mkdir because mkdir's mode is filtered by the umask and
    an existing folder keeps whatever mode it had.
    """
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    # Only chmod when needed: staff reading the kiosk's folder as another user need not own it.
    if os.name == "posix" and path.stat().st_mode & 0o777 != PRIVATE_DIR_MODE:
        os.chmod(path, PRIVATE_DIR_MODE)
    return path
