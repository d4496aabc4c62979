"""What ``kiosk --version`` prints: the program's version, the git commit it was built from
and the version of the content it would show.

- version: ``pyproject.toml`` is the one place it is written. An installed package reads it
  from its metadata; a PyInstaller bundle (no metadata) reads the ``pyproject.toml`` that
  ``build.spec`` puts in the bundle's data folder.
- commit: the bundle carries ``BUILD_COMMIT`` (written by ``build.spec`` from
  ``git rev-parse`` at build time); a source checkout asks ``git``; otherwise "unknown".
- content: the hash that ``Deck.version`` also carries (``content_version``), computed from
  the files without loading or validating them, of the content home (the folder ``kiosk run``
  plays, see :mod:`kiosk.core.content_home`); then what the kiosk last recorded playing.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.core.resources import install_root

BUILD_COMMIT_NAME = "BUILD_COMMIT"
UNKNOWN = "unknown"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def program_version(root: Path | None = None, frozen: bool | None = None) -> str:
    if frozen if frozen is not None else is_frozen():
        try:
            data = tomllib.loads((root or install_root()).joinpath("pyproject.toml").read_text(encoding="utf-8"))
            return str(data["project"]["version"])
        except (OSError, KeyError, tomllib.TOMLDecodeError):
            return UNKNOWN
    from kiosk import __version__

    return __version__


def build_commit(root: Path | None = None, frozen: bool | None = None) -> str:
    folder = root or install_root()
    if frozen if frozen is not None else is_frozen():
        try:
            return (folder / BUILD_COMMIT_NAME).read_text(encoding="ascii").strip() or UNKNOWN
        except OSError:
            return UNKNOWN
    if not (folder / ".git").exists():
        return UNKNOWN
    try:
        result = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "--short=12", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return UNKNOWN
    commit = result.stdout.strip()
    return commit if result.returncode == 0 and commit else UNKNOWN


def content_version_of(folder: Path) -> str:
    from kiosk.core.loader import content_version

    if not (folder / "clinic.yaml").is_file():
        return UNKNOWN
    return content_version(folder)


@dataclass(frozen=True)
class VersionInfo:
    version: str
    commit: str
    content_version: str
    content_dir: Path
    #: The content home, when ``content_dir`` is the shipped pack it will be filled from.
    home: Path | None = None
    #: What the running (or last run) kiosk plays, in words; None before its first start.
    playing: str | None = None

    def text(self) -> str:
        lines = [
            f"kiosk {self.version}",
            f"commit {self.commit}",
            f"content {self.content_version} ({self.content_dir})"
            if self.home is None
            else f"content {self.content_version} ({self.content_dir}, copied to {self.home} at the first start)",
        ]
        if self.playing is not None:
            lines.append(self.playing)
        return "\n".join(lines) + "\n"


def version_info(env: Mapping[str, str] | None = None) -> VersionInfo:
    from kiosk.core.content_home import configured_places
    from kiosk.core.content_state import read_state

    places = configured_places(os.environ if env is None else env)
    folder = places.readable_folder().absolute()
    state = read_state(places.state_file)
    playing = None
    if state is not None and Path(state.home) == places.home:
        playing = f"{state.summary()} (since {state.since})"
    home = places.home if folder != places.home else None
    return VersionInfo(program_version(), build_commit(), content_version_of(folder), folder, home, playing)


class VersionAction(argparse.Action):
    """``--version``: like argparse's, but the text is only worked out when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        kwargs.setdefault("help", "show the version, git commit and content version, then exit")
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        sys.stdout.write(version_info().text())
        parser.exit(0)
