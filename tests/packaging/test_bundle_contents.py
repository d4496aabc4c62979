"""What the packaged kiosk holds (deploy/bundle_contents.py, build.spec): the lists agree with the
code, and a built bundle holds exactly the allowed shared libraries, within the size budget.

The bundle tests run on the bundle named by ``KIOSK_BUNDLE`` (``.ci/run`` sets it to the one it
has just built); without it they are skipped, since a bundle left in ``dist/`` may be stale.
"""

from __future__ import annotations

import importlib.util
import os
import platform
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kiosk.core.config_options import OPTIONS_BY_KEY

ROOT = Path(__file__).resolve().parents[2]


def _load_contents() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bundle_contents", ROOT / "deploy" / "bundle_contents.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


contents = _load_contents()


def _imported_qt_modules() -> set[str]:
    pattern = re.compile(r"^\s*(?:from|import)\s+PySide6\.(Qt\w+)", re.MULTILINE)
    found: set[str] = set()
    for path in (ROOT / "kiosk").rglob("*.py"):
        found.update(pattern.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_qt_module_the_code_imports_is_bundled_or_left_out_on_purpose() -> None:
    imported = _imported_qt_modules()
    assert {"QtCore", "QtGui", "QtWidgets"} <= imported  # the scan finds imports at all
    unlisted = imported - set(contents.QT_MODULES) - set(contents.LEFT_OUT_QT_MODULES)
    assert not unlisted, f"add to QT_MODULES in deploy/bundle_contents.py (or the bundle lacks them): {unlisted}"


def test_the_bundle_speaks_the_languages_of_the_kiosk() -> None:
    catalogues = {path.stem.rsplit("_", 1)[1] for path in (ROOT / "kiosk" / "ui" / "i18n").glob("*_*.qm")}
    assert set(contents.LANGUAGES) == {"en"} | catalogues
    language = OPTIONS_BY_KEY["player.language"]
    assert {language.type.convert(code) for code in contents.LANGUAGES} == set(contents.LANGUAGES)


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("pillow.libs/libjpeg-6dc8d115.so.62.4.0", "pillow.libs/libjpeg.so.62.4.0"),
        ("PySide6\\Qt\\lib\\libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6"),
        ("libpython3.11.so.1.0", "libpython3.11.so.1.0"),
        ("libxcb-cursor.so.0", "libxcb-cursor.so.0"),  # a name with a dash but no hash stays
    ],
)
def test_library_key(path: str, key: str) -> None:
    assert contents.library_key(path) == key


def test_the_allow_list_is_sorted_without_repeats() -> None:
    lines = [line for line in contents.ALLOW_LIST.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert lines == sorted(set(lines))
    assert not any("platformthemes" in line or "libgtk" in line for line in lines)


def _bundle() -> Path:
    named = os.environ.get("KIOSK_BUNDLE")
    if not named:
        pytest.skip("KIOSK_BUNDLE names no built bundle (.ci/run sets it after building one)")
    if not sys.platform.startswith("linux") or platform.machine() != "x86_64":
        pytest.skip("the allow-list is for the Linux x86-64 bundle")
    bundle = Path(named)
    assert (bundle / "_internal").is_dir(), f"KIOSK_BUNDLE={named}: not a built bundle"
    return bundle


def test_the_bundle_holds_exactly_the_allowed_libraries() -> None:
    bundle = _bundle()
    allowed = {
        line for line in contents.ALLOW_LIST.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    }
    found = set(contents.bundle_libraries(bundle))
    assert found == allowed, (
        f"not in the allow-list: {sorted(found - allowed)}; allowed but missing: {sorted(allowed - found)}. "
        "If the change is meant, regenerate: .venv/bin/python deploy/bundle_contents.py " + str(bundle)
    )


def test_the_bundle_fits_its_budget_and_has_both_programs() -> None:
    bundle = _bundle()
    size = contents.bundle_bytes(bundle)
    assert size <= contents.SIZE_BUDGET_BYTES, (
        f"{bundle}: {size / 1e6:.1f} MB, budget {contents.SIZE_BUDGET_BYTES / 1e6:.0f} MB"
    )
    for program in ("kiosk", "kiosk-studio"):
        assert os.access(bundle / program, os.X_OK), f"{bundle / program} is missing or not executable"
    qt = bundle / "_internal" / "PySide6" / "Qt"
    assert not (qt / "plugins" / "platformthemes").exists()
    translations = sorted(path.name for path in (qt / "translations").iterdir())
    assert translations == sorted(f"{name}_{lang}.qm" for name in contents.QT_CATALOGUES for lang in contents.LANGUAGES)
