"""Puts the kiosk's shipped content pack and artwork into the wheel, as package data.

``content/`` and ``assets/`` live at the repository root (staff and designers edit them there,
and the PyInstaller bundle takes them from there), outside the ``kiosk`` package that a wheel
installs. A wheel built from this tree carries them as ``kiosk/_shipped/content`` and
``kiosk/_shipped/assets``; :mod:`kiosk.core.resources` finds them there. Everything else about
the package is in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED = ("content", "assets")


class BuildWithShippedFiles(build_py):
    def run(self) -> None:
        super().run()
        shipped = Path(self.build_lib) / "kiosk" / "_shipped"
        # The build folder is reused between builds: a file since deleted from content/ must not
        # come back from the previous wheel.
        shutil.rmtree(shipped, ignore_errors=True)
        for name in SHIPPED:
            source = ROOT / name
            if not source.is_dir():
                raise SystemExit(f"setup.py: {source} is missing; the wheel would have no {name}")
            self.copy_tree(str(source), str(shipped / name))


setup(cmdclass={"build_py": BuildWithShippedFiles})
