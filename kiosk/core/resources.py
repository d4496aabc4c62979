"""Where the kiosk's own files are: in a source tree, an installed package or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def install_root() -> Path:
    """The folder holding ``assets/`` and ``content/``.

    In a PyInstaller one-folder bundle that is the bundle's data folder (``sys._MEIPASS``);
    otherwise the project root next to the ``kiosk`` package.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parents[2]


def assets_dir() -> Path:
    return install_root() / "assets"


def bundled_content_dir() -> Path:
    return install_root() / "content"
