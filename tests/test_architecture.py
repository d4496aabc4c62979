"""The model/view boundary: the core never imports Qt (checked two ways)."""

from __future__ import annotations

import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import kiosk.core

ROOT = Path(__file__).resolve().parents[1]


def test_import_linter_contracts_hold() -> None:
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is a test dependency; install with pip install -e .[test]"
    result = subprocess.run([lint, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_modules_import_without_qt() -> None:
    modules = [m.name for m in pkgutil.walk_packages(kiosk.core.__path__, "kiosk.core.")]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'qt_material'))\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_cli_parser_builds_without_qt() -> None:
    code = (
        "import sys\n"
        "from kiosk.cli import COMMANDS, build_parser\n"
        "for name in COMMANDS: build_parser(name)\n"
        "assert 'PySide6' not in sys.modules, 'building the parser imported Qt'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
