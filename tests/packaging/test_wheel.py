"""``pip install .`` makes a working kiosk: the wheel carries the shipped content pack and the
artwork (setup.py puts them in ``kiosk/_shipped``), and ``kiosk self-test`` run from the
installed package, in a folder that is not the source tree, finds them.

The wheel is built from a copy of the files a build reads (as from an sdist), without build
isolation: no download. ``.ci/run`` also installs it with its dependencies into a fresh venv.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD_INPUTS = ("kiosk", "content", "assets", "pyproject.toml", "setup.py", "MANIFEST.in", "README.md")
JUNK = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")


def _shipped_files(name: str) -> set[str]:
    folder = ROOT / name
    return {
        f"kiosk/_shipped/{name}/{path.relative_to(folder).as_posix()}"
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in BUILD_INPUTS:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=JUNK)
        else:
            shutil.copy2(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(out), str(source)],
        check=True,
        capture_output=True,
        timeout=240,
    )
    (built,) = out.glob("clinic_kiosk-*.whl")
    return built


@pytest.mark.slow
def test_the_wheel_carries_the_content_pack_artwork_and_translations(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("content", "assets"):
        missing = _shipped_files(folder) - names
        assert not missing, f"the wheel lacks {sorted(missing)[:5]}"
    assert "kiosk/_shipped/content/clinic.yaml" in names
    assert any(name.startswith("kiosk/ui/i18n/") and name.endswith(".qm") for name in names)
    assert any(name.startswith("kiosk/ui/material_icons/primary/") for name in names)
    assert {"kiosk/ui/material_qss/material.qss", "kiosk/ui/material_qss/material-linux.qss"} <= names
    assert not any(name.startswith(("tests/", "bench/", "deploy/")) for name in names)
    entry_points = next(name for name in names if name.endswith(".dist-info/entry_points.txt"))
    assert "kiosk = kiosk.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


@pytest.mark.slow
def test_self_test_of_the_installed_wheel_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # The installed copy comes first on the path; the dependencies are this environment's.
    env = {**os.environ, "PYTHONPATH": str(site), "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path / "home")}
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[variable] = str(tmp_path / "home" / variable.lower())
    script = (
        "import sys, kiosk; from kiosk.cli import main; "
        "print('package', kiosk.__file__, flush=True); sys.exit(main(['self-test', '--size', '960x540']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"package {site / 'kiosk' / '__init__.py'}" in result.stdout
    assert "self-test passed" in result.stdout
