"""Where the kiosk's own files are: in a source tree, an installed package or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

#: Where a wheel carries ``assets/`` and ``content/`` inside the package (setup.py puts them there).
SHIPPED_FOLDER = "_shipped"


def running_from_bundle() -> bool:
    """True in the PyInstaller bundle (the .deb, a copied folder): messages then name what IT
    can do with that install, never pip or a source checkout."""
    return bool(getattr(sys, "frozen", False))


def install_root() -> Path:
    """The folder holding ``assets/`` and ``content/``.

    In a PyInstaller one-folder bundle that is the bundle's data folder (``sys._MEIPASS``); in
    an installed wheel, ``kiosk/_shipped``; in a source tree (also an editable install), the
    project root next to the ``kiosk`` package.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    if running_from_bundle() and frozen_root:
        return Path(frozen_root)
    package = Path(__file__).resolve().parents[1]
    shipped = package / SHIPPED_FOLDER
    if (shipped / "content").is_dir():
        return shipped
    return package.parent


def assets_dir() -> Path:
    return install_root() / "assets"


def bundled_content_dir() -> Path:
    return install_root() / "content"
