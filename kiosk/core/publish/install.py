"""A plain installer for ``kiosk content pull``: each accepted bundle becomes a folder in
``home`` named by its serial, renamed into place in one step; a few older ones are kept.

The running kiosk installs through its content home instead (which also switches what
plays); this one only has to keep bundles somewhere whole and findable.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from kiosk.core.publish.files import fsync_dir
from kiosk.core.publish.manifest import Manifest
from kiosk.core.publish.updater import InstallFn

_BUNDLE_FOLDER = re.compile(r"^(\d{1,19})-[0-9a-f]{1,64}$")
DEFAULT_KEEP = 3


def bundle_folder_name(manifest: Manifest) -> str:
    return f"{manifest.serial}-{manifest.content_version}"


def install_into(home: Path, keep: int = DEFAULT_KEEP) -> InstallFn:
    """An installer that renames each staged pack to ``home/<serial>-<version>``."""

    def install(staged: Path, manifest: Manifest) -> None:
        home.mkdir(parents=True, exist_ok=True)
        target = home / bundle_folder_name(manifest)
        if target.exists():
            shutil.rmtree(target)  # the same bundle again (the status was lost): take the checked copy
        os.replace(staged, target)
        fsync_dir(home)
        folders = sorted(
            ((int(m.group(1)), p) for p in home.iterdir() if (m := _BUNDLE_FOLDER.match(p.name)) and p.is_dir()),
            reverse=True,
        )
        for _serial, old in folders[keep:]:
            shutil.rmtree(old, ignore_errors=True)

    return install


def newest_bundle(home: Path) -> Path | None:
    """The folder of the highest serial in ``home``, if any."""
    if not home.is_dir():
        return None
    folders = [(int(m.group(1)), p) for p in home.iterdir() if (m := _BUNDLE_FOLDER.match(p.name)) and p.is_dir()]
    return max(folders)[1] if folders else None
