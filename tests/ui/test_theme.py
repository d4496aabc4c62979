"""The qt-material theme in the clinic's colours, built without touching the home directory."""

from __future__ import annotations

import filecmp
import platform
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QDir

from kiosk.core.model import Theme
from kiosk.ui.theme import (
    ICON_SUBFOLDERS,
    ICONS_DIR,
    STYLESHEETS_DIR,
    apply_theme,
    generate_icons,
    generate_stylesheets,
    material_stylesheet,
    render_material_template,
    theme_colours,
)

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


colours = st.integers(0, 0xFFFFFF).flatmap(lambda n: st.sampled_from([f"#{n:06x}", f"#{n:06X}"]))


@settings(max_examples=40, deadline=None)
@given(colours, colours, colours, st.sampled_from(["Noto Sans", "DejaVu Sans", "Atkinson Hyperlegible"]))
def test_the_pre_rendered_stylesheet_is_the_templates_own(primary: str, background: str, text: str, font: str) -> None:
    """The markers replaced at start-up give exactly what jinja2 renders from the template."""
    theme = Theme(primary=primary, background=background, text=text)
    rendered = render_material_template(
        {"font_family": font, **theme_colours(theme)}, linux=platform.system() == "Linux"
    )
    assert material_stylesheet(theme, font_family=font) == rendered


def test_a_clinic_colour_equal_to_a_marker_is_kept() -> None:
    theme = Theme(primary="#c0ffe3", background="#c0ffe1", text="#c0ffe1")
    rendered = render_material_template(
        {"font_family": "Noto Sans", **theme_colours(theme)}, linux=platform.system() == "Linux"
    )
    assert material_stylesheet(theme) == rendered


def test_shipped_stylesheets_match_a_fresh_generation(tmp_path: Path) -> None:
    """Regenerate with ``python -m kiosk.ui.theme`` after upgrading qt-material."""
    for fresh in generate_stylesheets(tmp_path):
        assert fresh.read_text(encoding="utf-8") == (STYLESHEETS_DIR / fresh.name).read_text(encoding="utf-8")
