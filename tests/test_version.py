"""``kiosk --version``: version from pyproject, the git commit, the content's version."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from kiosk.core.loader import load_deck
from kiosk.core.resources import bundled_content_dir, install_root
from kiosk.runtime.version import UNKNOWN, build_commit, program_version

ROOT = install_root()


def version_lines(env: dict[str, str] | None = None, cwd: Path | None = None) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
        cwd=cwd,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_version_commit_and_content(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), content)
    config = tmp_path / "kiosk.yaml"
    config.write_text(f"content:\n  dir: {content}\n", encoding="utf-8")
    lines = version_lines({"KIOSK_CONFIG": str(config)}, cwd=tmp_path)
    expected_version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert lines[0] == f"kiosk {expected_version}"
    if (ROOT / ".git").exists():
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True).stdout
        assert lines[1].startswith("commit ") and head.startswith(lines[1].split()[1])
    deck = load_deck(content, screen_size=(1920, 1080)).deck
    assert deck is not None
    assert lines[2] == f"content {deck.version} ({content.resolve()})"

    # Edited content: a different version.
    (content / "clinic.yaml").write_text((content / "clinic.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert version_lines({"KIOSK_CONFIG": str(config)}, cwd=tmp_path)[2].split()[1] != deck.version


def test_version_does_not_load_qt() -> None:
    code = "import sys\nfrom kiosk.cli import main\ntry:\n    main(['--version'])\nexcept SystemExit:\n    pass\nprint('PySide6' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.splitlines()[-1] == "False", result.stderr


def test_frozen_bundle_reads_its_bundled_files(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "clinic-kiosk"\nversion = "9.8.7"\n', encoding="utf-8")
    (tmp_path / "BUILD_COMMIT").write_text("abcdef123456\n", encoding="ascii")
    assert program_version(tmp_path, frozen=True) == "9.8.7"
    assert build_commit(tmp_path, frozen=True) == "abcdef123456"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert program_version(empty, frozen=True) == UNKNOWN
    assert build_commit(empty, frozen=True) == UNKNOWN
    assert build_commit(empty, frozen=False) == UNKNOWN  # not a checkout, no git asked


def test_a_content_home_not_created_yet_names_the_pack_that_will_fill_it(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.yaml"
    config.write_text(f"content:\n  dir: {tmp_path / 'nowhere'}\n", encoding="utf-8")
    shipped = load_deck(bundled_content_dir()).deck
    assert shipped is not None
    line = version_lines({"KIOSK_CONFIG": str(config)}, cwd=tmp_path)[2]
    assert (
        line
        == f"content {shipped.version} ({bundled_content_dir()}, copied to {tmp_path / 'nowhere'} at the first start)"
    )


def test_a_home_without_a_clinic_file_is_unknown(tmp_path: Path) -> None:
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "notes.txt").write_text("not content", encoding="utf-8")
    config = tmp_path / "kiosk.yaml"
    config.write_text(f"content:\n  dir: {tmp_path / 'home'}\n", encoding="utf-8")
    assert version_lines({"KIOSK_CONFIG": str(config)}, cwd=tmp_path)[2] == f"content unknown ({tmp_path / 'home'})"


def test_the_working_directory_never_changes_the_content_named(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(bundled_content_dir(), elsewhere / "content")
    (elsewhere / "content" / "clinic.yaml").write_text("name: Another clinic\n", encoding="utf-8")
    lines = {tuple(version_lines(cwd=folder)[2:]) for folder in (tmp_path, elsewhere, ROOT)}
    assert len(lines) == 1, lines
