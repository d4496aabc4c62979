"""kiosk.runtime.qt_bindings: PySide6 without the import hook that reads every later module's
source into linecache (~7 MB in a kiosk run from source). Each case runs in a fresh interpreter:
the hook is installed once per process, when PySide6 is first imported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

#: Imports a module written for the test after PySide6, then prints how many of its lines
#: linecache holds and whether the kiosk's call removed a hook.
IMPORT_AFTER_QT = """
import linecache, sys
sys.path.insert(0, sys.argv[1])
if sys.argv[2] == "kiosk":
    from kiosk.runtime.qt_bindings import load_qt_bindings
    removed = load_qt_bindings()
else:
    import PySide6.QtCore
    removed = None
import written_after_qt
from PySide6.QtCore import QObject, Qt
assert QObject().objectName() == "" and Qt.AlignmentFlag.AlignLeft  # Qt's own names still work
print(len(linecache.cache.get(written_after_qt.__file__, (0, 0, []))[2]), removed)
"""


def imported_lines(tmp_path: Path, mode: str) -> tuple[int, str]:
    (tmp_path / "written_after_qt.py").write_text("VALUE = 1\n" * 50, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_AFTER_QT, str(tmp_path), mode],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    lines, removed = result.stdout.split()
    return int(lines), removed


def test_pyside_still_keeps_the_source_of_modules_imported_after_it(tmp_path: Path) -> None:
    """The reason for load_qt_bindings. When a PySide6 upgrade makes this fail, the hook is gone
    or changed: drop kiosk/runtime/qt_bindings.py rather than keep a workaround for nothing."""
    lines, _ = imported_lines(tmp_path, "plain")
    assert lines == 50


def test_after_load_qt_bindings_no_source_is_kept(tmp_path: Path) -> None:
    lines, removed = imported_lines(tmp_path, "kiosk")
    assert (lines, removed) == (0, "True")
