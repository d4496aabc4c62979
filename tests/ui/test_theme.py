"""The qt-material theme in the clinic's colours, built without touching the home directory."""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

from PySide6.QtCore import QDir

from kiosk.core.model import Theme
from kiosk.ui.theme import ICON_SUBFOLDERS, ICONS_DIR, apply_theme, generate_icons, material_stylesheet

CLINIC = Theme(primary="#0d5f67", accent="#b4571f", background="#f4f8f8", text="#17303b")


def test_stylesheet_uses_the_clinic_colours() -> None:
    qss = material_stylesheet(CLINIC)
    assert "#0d5f67" in qss.lower()
    assert "#17303b" in qss.lower()
    assert "{{" not in qss and "{%" not in qss  # the template was fully rendered


def test_applying_the_theme_writes_nothing_to_home(qapp) -> None:
    home = Path.home()
    assert not any(home.iterdir())
    apply_theme(qapp, CLINIC)
    assert "#0d5f67" in qapp.styleSheet().lower()
    assert not (home / ".qt_material").exists()
    assert list(home.rglob("*")) == []


def test_every_icon_the_stylesheet_names_is_shipped(qapp) -> None:
    apply_theme(qapp, CLINIC)
    names = set(re.findall(r"url\(icon:/([\w/.-]+)\)", material_stylesheet(CLINIC)))
    assert names, "the template should reference icons"
    assert QDir.searchPaths("icon") == [str(ICONS_DIR)]
    missing = sorted(n for n in names if not (ICONS_DIR / n).is_file())
    assert missing == []


def test_shipped_icons_match_a_fresh_generation(tmp_path: Path) -> None:
    """Regenerate with ``python -m kiosk.ui.theme`` after upgrading qt-material."""
    generate_icons(tmp_path / "icons")
    for sub in ICON_SUBFOLDERS:
        fresh = sorted(p.name for p in (tmp_path / "icons" / sub).glob("*.svg"))
        assert fresh == sorted(p.name for p in (ICONS_DIR / sub).glob("*.svg"))
        _, mismatch, errors = filecmp.cmpfiles(tmp_path / "icons" / sub, ICONS_DIR / sub, fresh, shallow=False)
        assert mismatch == [] and errors == [], sub
