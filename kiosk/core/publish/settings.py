"""From ``kiosk.yaml`` to an updater: the ``content.source`` / ``public_key`` /
``check_interval`` settings, the source they name, and what ``kiosk config check`` reports."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.core.config import Config
from kiosk.core.paths import data_dir
from kiosk.core.problems import Problem
from kiosk.core.publish.http_source import HttpSource
from kiosk.core.publish.keys import KeyFileError, load_public_key
from kiosk.core.publish.sources import FolderSource, Source
from kiosk.core.publish.updater import InstallFn, Updater


@dataclass(frozen=True)
class PublishSettings:
    source: str | Path  # an https:// (or loopback http://) URL, or a folder
    public_key: Path
    check_interval: float
    data_dir: Path


def publish_settings(config: Config) -> PublishSettings | None:
    """The update settings, or None when ``content.source`` is not set (no updates)."""
    source = config["content.source"]
    key = config["content.public_key"]
    if source is None or key is None:  # load_config refuses one without the other
        return None
    return PublishSettings(source, Path(key), float(config["content.check_interval"]), data_dir(config["data.dir"]))


def open_source(source: str | Path, **http_options: Any) -> Source:
    """The source a setting names; ``http_options`` go to :class:`HttpSource` (timeouts, TLS)."""
    if isinstance(source, Path):
        return FolderSource(source)
    return HttpSource(source, **http_options)


def make_updater(settings: PublishSettings, install: InstallFn, **updater_options: Any) -> Updater:
    """The updater for these settings; the public key is read at each check."""
    return Updater(open_source(settings.source), settings.public_key, settings.data_dir, install, **updater_options)


def config_problems(config: Config) -> list[Problem]:
    """What ``kiosk config check`` adds: the public key must be readable and an Ed25519 key.
    (Whether the source answers is for ``kiosk content pull``.)"""
    settings = publish_settings(config)
    if settings is None:
        return []
    try:
        load_public_key(settings.public_key)
    except KeyFileError as exc:
        where = str(config.path) if config.origins.get("content.public_key") == "file" and config.path else "kiosk.yaml"
        return [Problem(where, None, "content.public_key", str(exc))]
    return []
